"""``annviz train`` with the doctor, run as a user runs it: a separate process, its JSON and its
words; ``--doctor-off`` leaves it out."""

import json
import subprocess
import sys

from annviz.nn.runfile import load_recording


def train(*args):
    result = subprocess.run([sys.executable, "-m", "annviz", "train", "--n-train", "3000", "--epochs", "1",
                             "--threads", "1", *map(str, args)], capture_output=True, text=True, timeout=300)
    assert "Traceback" not in result.stderr, result.stderr
    return result


def test_a_healthy_run_has_an_empty_list_of_diagnoses():
    result = train("--layers", "32", "--activation", "relu", "--batch", "32", "--json")
    assert result.returncode == 0
    summary = json.loads(result.stdout)
    assert summary["schema_version"] == 1 and summary["diagnoses"] == []
    assert "doctor:" not in result.stderr


def test_too_high_a_learning_rate_is_diagnosed_in_the_json_and_in_words(tmp_path):
    record = tmp_path / "broken.annviz-run"
    result = train("--optimizer", "sgd", "--lr", "50", "--batch", "10", "--json", "--record", record)
    assert result.returncode == 3                          # diverged, as before the doctor
    summary = json.loads(result.stdout)
    assert summary["status"] == "diverged"
    first = summary["diagnoses"][0]
    assert set(first) == {"code", "batch", "named_at", "evidence", "fix"}
    assert first["code"] == "lr_too_high" and 1 <= first["batch"] <= first["named_at"] <= 20
    assert first["evidence"]["lr"] == 50 and len(first["evidence"]["series"]["batch"]) >= 8
    assert first["fix"][0] == {"set": {"lr": first["fix"][0]["set"]["lr"]}, "restart": False}
    assert first["fix"][0]["set"]["lr"] <= 5
    assert first["fix"][1] == {"set": {"optimizer": "adam", "lr": 0.001}, "restart": True}
    assert {d["code"] for d in summary["diagnoses"]} <= {"lr_too_high", "diverged", "saturated", "stuck"}
    assert "doctor: lr_too_high from batch" in result.stderr and "Try: learning rate η =" in result.stderr
    # the recording keeps them: the app shows them again when it opens the file
    kept = load_recording(record).diagnoses
    assert [json.loads(json.dumps(d.to_dict())) for d in kept] == summary["diagnoses"]


def test_the_words_go_to_stdout_without_json_and_the_doctor_can_be_turned_off():
    slow = ("--optimizer", "adam", "--lr", "1e-6", "--batch", "10")
    result = train(*slow)
    assert result.returncode == 0
    assert "doctor: lr_too_low from batch 1: " in result.stdout and "doctor: stuck" in result.stdout
    off = train(*slow, "--doctor-off", "--json")
    assert off.returncode == 0 and json.loads(off.stdout)["diagnoses"] is None
    assert "doctor:" not in off.stdout + off.stderr
