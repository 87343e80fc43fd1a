"""A class on a school laptop, end to end (issue 20): ``class_play.py`` in a process of its own, as
``annviz`` runs — on a 1366×768 screen (the offscreen platform given that screen), in Korean, on
a first start — opens a teacher's setup made beforehand, follows three lessons (each task answered
right after a wrong answer was refused), trains a network, touches a neuron, saves a setup and
opens it again; never a window larger than the screen, never a page that does not fit or a text
cut."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from annviz.setupfile import save_setup
from annviz.setupmodel import NeuronPart, Setup

HERE = Path(__file__).resolve().parent


def test_a_class_on_a_1366_by_768_screen_in_korean(tmp_path):
    screen = tmp_path / "screen.json"
    screen.write_text(json.dumps({"screens": [{"name": "school laptop", "x": 0, "y": 0, "width": 1366,
                                               "height": 768, "logicalDpi": 96, "dpr": 1}]}))
    setup = tmp_path / "수업 준비.annviz"                      # the teacher's file, made before class
    save_setup(setup, Setup(page="lab", tab="neuron", lesson=("threshold", 0),
                            neuron=NeuronPart((1.0, 1.0, 1.0, 1.0), (0.3, 1.0, 1.3, 2.1), -5.0, "step", True)))
    home = tmp_path / "home"
    env = {**os.environ, "QT_QPA_PLATFORM": f"offscreen:configfile={screen}", "HOME": str(home),
           "XDG_CONFIG_HOME": str(home / "config"), "XDG_DATA_HOME": str(home / "data"),
           "XDG_CACHE_HOME": str(home / "cache")}
    report = tmp_path / "report.json"
    done = subprocess.run([sys.executable, str(HERE / "class_play.py"), str(setup), str(report)], env=env,
                          capture_output=True, text=True, timeout=300)
    seen = json.loads(report.read_text(encoding="utf-8")) if report.exists() else []
    assert done.returncode == 0, "\n".join(seen) + "\n" + done.stdout[-3000:] + done.stderr[-3000:]
    assert seen[0].startswith("opened:") and "language ko" in seen[0]
    assert sum("refused" in fact for fact in seen) == 2 + 6 + 6        # every task of the three lessons
    assert [fact for fact in seen if fact.endswith("finished")] == [
        "threshold: finished", "digit-network: finished", "how-good: finished"]
    assert any(fact.startswith("trained: finished") for fact in seen)
    assert any(fact.startswith("touched:") for fact in seen) and seen[-1].startswith("saved and reopened")
