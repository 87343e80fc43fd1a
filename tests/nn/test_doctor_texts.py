"""What the doctor says: every diagnosis in English and Korean, with the same numbers, in the
words CONCEPTS.md gives, and marked so that the GUI's translation files can take it over."""

import re
import shutil
import string
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from annviz.nn.doctor import CODES, Diagnosis, Fix, texts
from annviz.nn.doctor.texts import KOREAN, SETTING_TEXTS, SIGN_TEXTS, TEXTS, describe_fix, explain, title


def fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def english_texts() -> list[str]:
    return ([t for pair in TEXTS.values() for t in pair] + [t for t in SETTING_TEXTS.values() if t]
            + [t for signs in SIGN_TEXTS.values() for t in signs.values()])


def test_every_code_has_a_title_and_an_explanation_in_both_languages():
    assert set(TEXTS) == set(CODES)
    for text in english_texts():
        assert text in KOREAN, f"no Korean for {text!r}"
        assert re.search("[가-힣]", KOREAN[text]) and not re.search("[가-힣]", text)
    assert set(KOREAN) == set(english_texts())      # no Korean left over for a text that is gone


@pytest.mark.parametrize("text", english_texts())
def test_the_korean_fills_in_the_same_numbers(text):
    assert fields(KOREAN[text]) == fields(text)


# CONCEPTS.md's terms (glossary) that each explanation must use, in each language
TERMS = {
    "diverged": (["loss", "weights", "learning rate"], ["손실", "가중치", "학습률"]),
    "lr_too_high": (["learning rate", "loss", "weights"], ["학습률", "손실", "가중치"]),
    "lr_too_low": (["learning rate", "loss", "weights"], ["학습률", "손실", "가중치"]),
    "vanishing_gradients": (["gradient", "Backpropagation", "sigmoid", "ReLU"], ["기울기", "역전파", "시그모이드", "렐루(ReLU)"]),
    "dead_relu": (["ReLU", "weighted input", "bias", "learning rate"], ["렐루(ReLU)", "가중 입력", "편향", "학습률"]),
    "saturated": (["activation function", "sigmoid", "weighted inputs", "Backpropagation"],
                  ["활성화 함수", "시그모이드", "가중 입력", "역전파"]),
    "overfitting": (["validation", "training", "accuracy", "epoch"], ["과적합", "검증", "정확도", "에포크"]),
    "stuck": (["accuracy"], ["정확도"]),
}


@pytest.mark.parametrize("code", CODES)
def test_each_explanation_uses_the_concepts_words(code):
    english, korean = TERMS[code]
    for explanation in (TEXTS[code][1], *SIGN_TEXTS.get(code, {}).values()):
        en = " ".join((TEXTS[code][0], explanation)).lower()
        ko = " ".join(KOREAN[t] for t in (TEXTS[code][0], explanation))
        assert all(word.lower() in en for word in english), en
        assert all(word in ko for word in korean), ko


def test_a_diagnosis_reads_with_its_numbers_and_its_fixes():
    d = Diagnosis("lr_too_low", 1, 128, {"ratio": 2.4e-5, "loss": 2.41, "first_loss": 2.43, "lr": 1e-6,
                                         "series": {}}, (Fix({"lr": 0.001}),))
    assert explain(d) == ("Since batch 1, each step changes the weights by only 2.4e-05 of their size, where "
                          "about 1e-3 (0.1 %) would be healthy. The steps are so small that the loss barely "
                          "moves: 2.43 at the start, 2.41 now. Raise the learning rate η (now 1e-06).")
    assert explain(d, "ko").startswith("1번째 배치부터") and "2.4e-05" in explain(d, "ko")
    assert title("lr_too_low", "ko") == "학습률이 너무 낮습니다"
    assert describe_fix(d.fixes[0]) == "learning rate η = 0.001"
    assert describe_fix(d.fixes[0], "ko") == "학습률 η = 0.001"
    relu = Fix({"activation": "relu", "init": "he", "hidden_activations": ()})
    assert describe_fix(relu) == "ReLU in the hidden layers, He initialisation, afresh"
    assert describe_fix(Fix({"hidden": (32, 32)})) == "hidden layers: 32–32"
    assert describe_fix(Fix({"n_train": None}), "ko") == "학습 데이터 전부"
    with pytest.raises(KeyError):
        describe_fix(Fix({"batch_size": 7}))


def too_high(sign, ratio, loss, first_loss=2.3):
    evidence = {"ratio": ratio, "layer": 1, "loss": loss, "first_loss": first_loss, "lr": 1000.0, "series": {}}
    if sign is not None:
        evidence["sign"] = sign
    return Diagnosis("lr_too_high", 2, 10, evidence, (Fix({"lr": 10.0}),))


def test_too_high_a_learning_rate_is_explained_by_the_sign_the_doctor_saw():
    """Named on a climbing loss (η = 1000: the units saturate and the ratio collapses to ~0), the
    text quotes the loss and never the ratio; named on big steps, it quotes the ratio."""
    climbing = too_high("loss", 0.00004, 5.4)
    en, ko = explain(climbing), explain(climbing, "ko")
    assert en.startswith("From batch 2 on, the loss climbs instead of falling: it started at 2.3 and is now 5.4.")
    assert "%" not in en and "%" not in ko and "0.0" not in en      # no collapsed ratio quoted
    assert "overshoots" in en and "activation function" in en and "η (now 1000)" in en
    assert ko.startswith("2번째 배치부터 손실이 줄어들지 않고 올라갑니다. 처음에는 2.3, 지금은 5.4입니다.")
    assert "활성화 함수" in ko and "학습률 η(지금 1000)" in ko
    big = too_high("steps", 0.383, 2.9)
    en, ko = explain(big), explain(big, "ko")
    assert en.startswith("From batch 2 on, each step changes the weights by about 38.3% of their size")
    assert "climbs instead of falling" not in en and "38.3%" in ko and "줄어들지 않고 올라갑니다" not in ko
    # a recording file written before the sign was kept: chosen from the numbers, as the rule did
    assert "climbs instead" in explain(too_high(None, 0.00004, 5.4))          # 5.4 > 1.5 × 2.3
    assert "38.3%" in explain(too_high(None, 0.383, 3.4))                      # 3.4 < 1.5 × 2.3


def test_every_fix_the_rules_can_give_has_a_text():
    rules_source = (Path(texts.__file__).parent / "rules.py").read_text(encoding="utf-8")
    for setting in set(re.findall(r'Fix\(\{"(\w+)"', rules_source)) | {"init", "hidden_activations"}:
        assert any(key == setting for key, _ in SETTING_TEXTS), setting


@pytest.mark.skipif(shutil.which("pyside6-lupdate") is None and not Path(
    __import__("PySide6").__file__).with_name("lupdate").exists(), reason="no pyside6-lupdate")
def test_the_gui_translation_tool_finds_every_english_text(tmp_path):
    """The texts are marked with QT_TRANSLATE_NOOP: lupdate extracts them as the context Doctor."""
    import PySide6
    lupdate = shutil.which("pyside6-lupdate") or str(Path(PySide6.__file__).with_name("lupdate"))
    ts = tmp_path / "doctor_ko.ts"
    subprocess.run([lupdate, texts.__file__, "-ts", str(ts)], check=True, capture_output=True, timeout=60)
    found = {(c.findtext("name"), m.findtext("source"))
             for c in ET.parse(ts).getroot().iter("context") for m in c.iter("message")}
    assert found == {("Doctor", t) for t in english_texts()}
