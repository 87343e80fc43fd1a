"""What each diagnosis says to the learner, in CONCEPTS.md's words.

Where the texts live (a decision, for the GUI part of the doctor to keep): the English is here,
each text wrapped in ``QT_TRANSLATE_NOOP("Doctor", …)`` — an identity function of that name,
which ``pyside6-lupdate`` recognises, so that once the GUI's translation tool scans this file the
texts land in a ``.ts`` file like every other, and the app shows them through ``tr()`` in its
language. ``annviz.nn`` cannot import Qt, hence the local function. The Korean is written now
too, in ``KOREAN`` (English → Korean, checked by ``tests/nn/test_doctor_texts.py``: every text,
the same ``{placeholders}``, CONCEPTS.md's terms), to be copied into that ``.ts`` file when the
GUI part is built. The command line speaks English (``explain``).

Placeholders are the keys of a diagnosis's ``evidence`` plus ``batch`` (where it began), filled
with ``str.format``; a fix is described setting by setting (``describe_fix``).
"""

from __future__ import annotations

from collections.abc import Callable

from annviz.nn.doctor.diagnosis import Diagnosis, Fix


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:   # noqa: N802 (lupdate knows this name)
    return text


#: code → (title, explanation). Placeholders: ``batch`` and the diagnosis's evidence keys.
TEXTS: dict[str, tuple[str, str]] = {
    "diverged": (
        QT_TRANSLATE_NOOP("Doctor", "The training diverged"),
        QT_TRANSLATE_NOOP("Doctor",
            "At batch {batch} the loss or the weights became infinite or NaN (not a number): the "
            "steps grew so large that the numbers overflowed, and training cannot go on from "
            "there. Lower the learning rate η (now {lr:g}) and train again from a moment before "
            "it happened.")),
    "lr_too_high": (
        QT_TRANSLATE_NOOP("Doctor", "The learning rate is too high"),
        QT_TRANSLATE_NOOP("Doctor",
            "From batch {batch} on, each step changes the weights by about {ratio:.1%} of their "
            "size; a healthy step changes them by a small fraction (about 0.1 % to a few %). The "
            "steps overshoot the bottom of the valley, so the loss jumps up and down or climbs: "
            "it started at {first_loss:.3g} and is now {loss:.3g}. Lower the learning rate η "
            "(now {lr:g}).")),
    "lr_too_low": (
        QT_TRANSLATE_NOOP("Doctor", "The learning rate is too low"),
        QT_TRANSLATE_NOOP("Doctor",
            "Since batch {batch}, each step changes the weights by only {ratio:.1e} of their "
            "size, where about 1e-3 (0.1 %) would be healthy. The steps are so small that the "
            "loss barely moves: {first_loss:.3g} at the start, {loss:.3g} now. Raise the "
            "learning rate η (now {lr:g}).")),
    "vanishing_gradients": (
        QT_TRANSLATE_NOOP("Doctor", "Vanishing gradients"),
        QT_TRANSLATE_NOOP("Doctor",
            "The first layers barely learn: the gradient of the first layer's weights is only "
            "{gradient_ratio:.1e} times the last layer's. Backpropagation multiplies the "
            "gradient by the slope of each sigmoid it passes, at most 0.25; through {layers} "
            "layers it shrinks to almost nothing. ReLU passes it on unchanged (slope 1) where "
            "the neuron is active.")),
    "dead_relu": (
        QT_TRANSLATE_NOOP("Doctor", "Dead ReLU neurons"),
        QT_TRANSLATE_NOOP("Doctor",
            "From batch {batch}, {share:.0%} of the ReLU neurons of hidden layer {layer} output "
            "0 for every example of a fixed batch. A ReLU neuron whose weighted input is "
            "negative for every input has slope 0: no gradient reaches its weights, so it never "
            "comes back. Big steps (too high a learning rate) or a bad initialisation (a large "
            "negative bias) put neurons there.")),
    "saturated": (
        QT_TRANSLATE_NOOP("Doctor", "Saturated neurons"),
        QT_TRANSLATE_NOOP("Doctor",
            "From batch {batch}, {share:.0%} of the neurons of hidden layer {layer} sit at a flat "
            "end of their activation function (sigmoid near 0 or 1, tanh near −1 or 1) for "
            "nearly every input. There the curve is flat and its slope almost 0, so "
            "backpropagation passes almost no gradient through them and they stop learning. "
            "Their weighted inputs are too large: big steps or large weights put them there.")),
    "overfitting": (
        QT_TRANSLATE_NOOP("Doctor", "Overfitting"),
        QT_TRANSLATE_NOOP("Doctor",
            "After epoch {best_epoch} the validation accuracy stopped improving (best "
            "{best_val_accuracy:.1%}) while the training accuracy kept rising: now "
            "{train_accuracy:.1%} on the training examples against {val_accuracy:.1%} on the "
            "validation examples, which it never trains on. The network is memorising its "
            "training examples instead of learning what makes a digit. More training examples, "
            "L2 weight decay or fewer epochs help.")),
    "stuck": (
        QT_TRANSLATE_NOOP("Doctor", "No progress"),
        QT_TRANSLATE_NOOP("Doctor",
            "From batch {batch} the accuracy on a fixed batch of training examples stays near "
            "chance: {accuracy:.0%}, where guessing would get {chance:.0%}. The network has not "
            "learned anything useful. There is usually a cause behind it: read the other "
            "diagnoses, or try the fix.")),
}

# code → (what the doctor saw → the explanation that says so), for a code named on either of
# two signs: the evidence's ``sign`` picks the text (``explanation``). "Too high a learning
# rate" is named when the steps are big (the update/weight ratio: ``TEXTS``' text) or when the
# loss climbed: then the ratio may have collapsed (big steps saturate the units, and the weights
# stop moving), so that text quotes the loss, not the ratio.
SIGN_TEXTS: dict[str, dict[str, str]] = {
    "lr_too_high": {
        "loss": QT_TRANSLATE_NOOP("Doctor",
            "From batch {batch} on, the loss climbs instead of falling: it started at "
            "{first_loss:.3g} and is now {loss:.3g}. Each step is so large that it overshoots the "
            "bottom of the valley and lands higher up on the other side. Big steps also push the "
            "weighted inputs to the flat ends of the activation function, where the weights "
            "hardly change any more, so the loss stays high. Lower the learning rate η (now "
            "{lr:g})."),
    },
}

#: A fix, setting by setting: (setting, value or None for any value) → text.
SETTING_TEXTS: dict[tuple[str, object], str] = {
    ("lr", None): QT_TRANSLATE_NOOP("Doctor", "learning rate η = {value:g}"),
    ("activation", "relu"): QT_TRANSLATE_NOOP("Doctor", "ReLU in the hidden layers"),
    ("activation", "leaky_relu"): QT_TRANSLATE_NOOP("Doctor", "leaky ReLU in the hidden layers"),
    ("hidden_activations", None): "",      # goes with "activation": nothing more to say
    ("init", "he"): QT_TRANSLATE_NOOP("Doctor", "He initialisation, afresh"),
    ("optimizer", "adam"): QT_TRANSLATE_NOOP("Doctor", "the Adam optimizer"),
    ("hidden", None): QT_TRANSLATE_NOOP("Doctor", "hidden layers: {value}"),
    ("n_train", None): QT_TRANSLATE_NOOP("Doctor", "all the training examples"),
    ("weight_decay", None): QT_TRANSLATE_NOOP("Doctor", "L2 weight decay λ = {value:g}"),
    ("epochs", None): QT_TRANSLATE_NOOP("Doctor", "stop after epoch {value}"),
}

KOREAN: dict[str, str] = {
    "The training diverged": "학습이 발산했습니다",
    TEXTS["diverged"][1]:
        "{batch}번째 배치에서 손실이나 가중치가 무한대 또는 NaN(숫자가 아님)이 되었습니다. 한 걸음이 "
        "너무 커서 숫자가 넘쳐 버렸고, 여기서부터는 학습을 이어갈 수 없습니다. 학습률 η(지금 {lr:g})를 "
        "낮추고, 이 일이 일어나기 전의 순간부터 다시 학습하세요.",
    "The learning rate is too high": "학습률이 너무 높습니다",
    TEXTS["lr_too_high"][1]:
        "{batch}번째 배치부터 한 걸음마다 가중치가 그 크기의 약 {ratio:.1%}만큼 바뀝니다. 건강한 학습에서는 "
        "아주 작은 비율(약 0.1 %에서 몇 %)만 바뀝니다. 걸음이 골짜기의 바닥을 지나쳐 버려서 손실이 "
        "오르내리거나 올라갑니다. 처음에는 {first_loss:.3g}, 지금은 {loss:.3g}입니다. 학습률 η(지금 "
        "{lr:g})를 낮추세요.",
    "The learning rate is too low": "학습률이 너무 낮습니다",
    TEXTS["lr_too_low"][1]:
        "{batch}번째 배치부터 한 걸음마다 가중치가 그 크기의 {ratio:.1e}만큼밖에 바뀌지 않습니다. 약 "
        "1e-3(0.1 %)이 건강한 값입니다. 걸음이 너무 작아서 손실이 거의 움직이지 않습니다. 처음에는 "
        "{first_loss:.3g}, 지금은 {loss:.3g}입니다. 학습률 η(지금 {lr:g})를 높이세요.",
    "Vanishing gradients": "기울기 소실",
    TEXTS["vanishing_gradients"][1]:
        "앞쪽 층이 거의 학습하지 않습니다. 첫 번째 층 가중치의 기울기(그래디언트)가 마지막 층의 "
        "{gradient_ratio:.1e}배밖에 되지 않습니다. 역전파는 시그모이드를 하나 지날 때마다 기울기에 "
        "시그모이드 곡선의 기울기(미분값, 최대 0.25)를 곱하므로, {layers}개의 층을 지나면 거의 0이 됩니다. "
        "렐루(ReLU)는 뉴런이 활성화된 곳에서 기울기를 그대로(기울기 1) 전달합니다.",
    "Dead ReLU neurons": "죽은 렐루(ReLU) 뉴런",
    TEXTS["dead_relu"][1]:
        "{batch}번째 배치부터 은닉층 {layer}의 렐루(ReLU) 뉴런 중 {share:.0%}가 고정된 배치의 모든 "
        "예에서 0을 출력합니다. 가중 입력이 모든 입력에서 음수인 렐루 뉴런은 기울기가 0이어서 가중치에 "
        "기울기가 전혀 전달되지 않고, 다시 살아나지 못합니다. 너무 큰 걸음(너무 높은 학습률)이나 나쁜 "
        "초기화(큰 음수 편향)가 뉴런을 이렇게 만듭니다.",
    "Saturated neurons": "포화된 뉴런",
    TEXTS["saturated"][1]:
        "{batch}번째 배치부터 은닉층 {layer}의 뉴런 중 {share:.0%}가 거의 모든 입력에서 활성화 함수의 "
        "평평한 끝(시그모이드는 0이나 1 근처, tanh는 −1이나 1 근처)에 머물러 있습니다. 그곳에서는 "
        "곡선이 평평해서 기울기가 거의 0이므로, 역전파가 이 뉴런들을 지나 기울기를 거의 전달하지 못하고 "
        "뉴런들은 학습을 멈춥니다. 가중 입력이 너무 큽니다. 큰 걸음이나 큰 가중치가 원인입니다.",
    "Overfitting": "과적합",
    TEXTS["overfitting"][1]:
        "에포크 {best_epoch} 이후 검증 정확도는 더 좋아지지 않는데(최고 {best_val_accuracy:.1%}) 학습 "
        "정확도는 계속 오릅니다. 지금 학습 데이터에서는 {train_accuracy:.1%}, 학습에 쓰지 않는 검증 "
        "데이터에서는 {val_accuracy:.1%}입니다. 신경망이 숫자의 특징을 배우는 대신 학습 데이터를 외우고 "
        "있습니다. 학습 데이터를 늘리거나, L2 가중치 감쇠를 쓰거나, 에포크 수를 줄이면 도움이 됩니다.",
    "No progress": "학습이 진행되지 않음",
    TEXTS["stuck"][1]:
        "{batch}번째 배치부터 고정된 학습 데이터 배치에서의 정확도가 찍어서 맞히는 수준에 머물러 "
        "있습니다. 지금 {accuracy:.0%}이고, 무작위로 고르면 {chance:.0%}입니다. 신경망이 쓸모 있는 것을 "
        "배우지 못했습니다. 보통 그 뒤에 원인이 있습니다. 다른 진단을 읽거나 제안된 해결책을 시도하세요.",
    SIGN_TEXTS["lr_too_high"]["loss"]:
        "{batch}번째 배치부터 손실이 줄어들지 않고 올라갑니다. 처음에는 {first_loss:.3g}, 지금은 "
        "{loss:.3g}입니다. 한 걸음이 너무 커서 골짜기의 바닥을 지나쳐 반대편의 더 높은 곳에 떨어집니다. "
        "큰 걸음은 가중 입력을 활성화 함수의 평평한 끝으로 밀어내기도 해서, 그곳에서는 가중치가 거의 "
        "바뀌지 않고 손실이 높은 채로 머뭅니다. 학습률 η(지금 {lr:g})를 낮추세요.",
    SETTING_TEXTS[("lr", None)]: "학습률 η = {value:g}",
    SETTING_TEXTS[("activation", "relu")]: "은닉층에 렐루(ReLU)",
    SETTING_TEXTS[("activation", "leaky_relu")]: "은닉층에 리키 렐루(leaky ReLU)",
    SETTING_TEXTS[("init", "he")]: "He 초기화로 새로 시작",
    SETTING_TEXTS[("optimizer", "adam")]: "Adam 옵티마이저",
    SETTING_TEXTS[("hidden", None)]: "은닉층: {value}",
    SETTING_TEXTS[("n_train", None)]: "학습 데이터 전부",
    SETTING_TEXTS[("weight_decay", None)]: "L2 가중치 감쇠 λ = {value:g}",
    SETTING_TEXTS[("epochs", None)]: "에포크 {value}에서 멈추기",
}


def _in(text: str, lang: str | Callable[[str], str]) -> str:
    """``text`` in ``lang`` ("en", "ko"), or through ``lang`` itself when it is a function (the
    app's: the translation files' "Doctor" context)."""
    if callable(lang):
        return lang(text)
    return KOREAN.get(text, text) if lang == "ko" else text


def title(code: str, lang: str | Callable[[str], str] = "en") -> str:
    return _in(TEXTS[code][0], lang)


def explanations(code: str) -> list[str]:
    """Every explanation ``code`` may have (English): the main one first."""
    return [TEXTS[code][1], *SIGN_TEXTS.get(code, {}).values()]


def sign(diagnosis: Diagnosis) -> str | None:
    """What the doctor saw, for a code named on either of two signs: the evidence's ``sign``;
    in a recording file written before it was kept, "loss" when the loss is above 1.5 × the
    first (the rule's ``CLIMB``: the only way the ratio rule names it with a climbing loss)."""
    if diagnosis.code not in SIGN_TEXTS:
        return None
    seen = diagnosis.evidence.get("sign")
    if seen is None:
        loss, first = diagnosis.evidence.get("loss"), diagnosis.evidence.get("first_loss")
        climbed = isinstance(loss, float) and isinstance(first, float) and loss > 1.5 * first
        seen = "loss" if climbed else "steps"
    return seen


def explanation(diagnosis: Diagnosis) -> str:
    """The English explanation that fits what the doctor saw (``SIGN_TEXTS``), unfilled."""
    seen = sign(diagnosis)
    fitting = SIGN_TEXTS.get(diagnosis.code, {})
    return fitting[seen] if seen is not None and seen in fitting else TEXTS[diagnosis.code][1]


def explain(diagnosis: Diagnosis, lang: str | Callable[[str], str] = "en") -> str:
    """The diagnosis's paragraph, its numbers filled in."""
    return _in(explanation(diagnosis), lang).format(batch=diagnosis.batch, **diagnosis.evidence)


def describe_fix(fix: Fix, lang: str | Callable[[str], str] = "en") -> str:
    """``learning rate η = 0.05``; ``ReLU in the hidden layers, He initialisation, afresh``."""
    parts = []
    for setting, value in fix.settings.items():
        text = SETTING_TEXTS.get((setting, value), SETTING_TEXTS.get((setting, None)))
        if text is None:
            raise KeyError(f"no text for the fix {setting} = {value!r}")
        if text:
            shown = "–".join(map(str, value)) if isinstance(value, tuple) else value
            parts.append(_in(text, lang).format(value=shown))
    return ", ".join(parts)
