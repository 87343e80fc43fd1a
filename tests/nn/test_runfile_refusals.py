"""A hand-made training recording (tests/nn/runfile_handmade.py) refused: each refusal's one line
in English and Korean.

Each hostile row changes one thing and expects that check's sentence: the file's name, the field,
the value found and the limit — wrong answers such as "None", an unfilled "{field}", another
check's sentence or a crash ("damaged in a way annviz did not expect") all fail the exact
comparison.
"""

from __future__ import annotations

import math
import re

import numpy as np
import pytest
from runfile_handmade import DEL, EPOCH, HIST, MAX_STEP_TEXT, SP, STATE, base, put, tensor, write

from annviz.nn.runfile import RunFileError, load_recording

# --- refused, with that check's sentence ---------------------------------------------------------

ACTIVATIONS = "step, identity, sigmoid, tanh, relu, leaky_relu, softmax"
STATUSES = "new, running, finished, stopped, diverged"
RNG_BAD = f"damaged recording: {STATE}.rng is not the state of a random generator"
HISTORY_BAD = "damaged recording: its batch losses do not fit together"

HOSTILE = [
    # the metadata
    ("format_version newer", put(format_version=2),
     "format_version 2 is newer than this annviz reads (up to 1): update annviz to open it"),
    ("format_version missing", put(format_version=DEL), "format_version null is not a version number"),
    # the network
    ("sizes not a list", put(sizes="3,4,2"), 'sizes should be a list, not "3,4,2"'),
    ("sizes missing", put(sizes=DEL), "sizes is missing"),
    ("34 sizes", put(sizes=[3] + [1] * 33), "sizes holds 34 entries, more than 33"),
    ("one size", put(sizes=[3]), "layer sizes must be 2 to 33 whole numbers of 1 to 2048"),
    ("a layer of 0", put(sizes=[3, 0, 2]), "layer sizes must be 2 to 33 whole numbers of 1 to 2048"),
    ("a layer of 2049", put(sizes=[3, 2049, 2]), "layer sizes must be 2 to 33 whole numbers of 1 to 2048"),
    ("a layer of 4.0", put(sizes=[3, 4.0, 2]), "layer sizes must be 2 to 33 whole numbers of 1 to 2048"),
    ("a layer of true", put(sizes=[3, True, 2]), "layer sizes must be 2 to 33 whole numbers of 1 to 2048"),
    ("too many parameters", put(sizes=[2033] + [2048] * 16),
     "its network has 67,110,912 weights and biases, more than annviz opens (67,108,864)"),
    ("one activation too few", put(activations=["relu"]), "activations should hold 2 entries, not 1"),
    ("33 activations", put(activations=["relu"] * 33), "activations holds 33 entries, more than 32"),
    ("an unknown activation", put(activations=["relu", "swish"]),
     f"activations 'swish' is not one of {ACTIVATIONS}"),
    ("a long unknown activation", put(activations=["g" * 45, "softmax"]),
     f"activations '{'g' * 40}' is not one of {ACTIVATIONS}"),
    ("an activation that is a number", put(activations=[5, "softmax"]), f"activations '5' is not one of {ACTIVATIONS}"),
    # the configuration
    ("config missing", put(config=DEL), "config should be an object, not null"),
    ("config.lr a string", put(**{"config.lr": "fast"}), 'config.lr should be a number, not "fast"'),
    # class names
    ("a class name missing", put(class_names=["cat"]), "class_names should be 2 names, one per output neuron"),
    ("a class name of 201 characters", put(class_names=["c" * 201, "dog"]),
     "class_names should be 2 names, one per output neuron"),
    ("a class name that is a number", put(class_names=[1, "dog"]), "class_names should be 2 names, one per output neuron"),
    ("2049 class names", put(class_names=["c"] * 2049), "class_names holds 2049 entries, more than 2048"),
    # the run's numbers
    ("batches_per_epoch 0", put(batches_per_epoch=0),
     "batches_per_epoch should be a whole number from 1 to 1,000,000,000, not 0"),
    ("batches_per_epoch past its most", put(batches_per_epoch=10**9 + 1),
     "batches_per_epoch should be a whole number from 1 to 1,000,000,000, not 1000000001"),
    ("batches_per_epoch missing", put(batches_per_epoch=DEL), "batches_per_epoch is missing"),
    ("exact not a bool", put(exact="yes"), 'exact should be true or false, not "yes"'),
    ("blas_threads 0", put(blas_threads=0), "blas_threads should be a whole number from 1 to 1,024, not 0"),
    ("blas_threads 1025", put(blas_threads=1025), "blas_threads should be a whole number from 1 to 1,024, not 1025"),
    ("blas_library a number", put(blas_library=5), "blas_library should be a string, not 5"),
    # the moments
    ("moments not a list", put(moments={"0": 1}), 'moments should be a list, not {"0": 1}'),
    ("no moments", put(moments=[]), "the recording holds no moments"),
    ("100,001 moments", put(moments=[0] * 100_001), "moments holds 100001 entries, more than 100000"),
    ("a moment not an object", put(**{"moments.1": [3]}), "moments[1] should be an object, not [3]"),
    ("a moment at the same step", put(**{"moments.1.step": 0}),
     "damaged recording: moment 1 is at step 0, not after step 0"),
    ("a moment before the one before", put(**{"moments.0.step": 2, "moments.1.step": 1}),
     "damaged recording: moment 1 is at step 1, not after step 2"),
    ("a step below 0", put(**{"moments.0.step": -1}),
     f"moments[0].step should be a whole number from 0 to {MAX_STEP_TEXT}, not -1"),
    ("a step past 2^53", put(**{"moments.1.step": 2**53 + 1}),
     f"moments[1].step should be a whole number from 0 to {MAX_STEP_TEXT}, not 9007199254740993"),
    ("a step missing", put(**{"moments.1.step": DEL}), "moments[1].step is missing"),
    ("an epoch below 0", put(**{"moments.1.epoch": -0.5}), "moments[1].epoch should be a number from 0 to 1e+07, not -0.5"),
    ("an epoch past its most", put(**{"moments.1.epoch": 1e7 + 1}),
     "moments[1].epoch should be a number from 0 to 1e+07, not 10000001.0"),
    ("an epoch missing", put(**{"moments.1.epoch": DEL}), "moments[1].epoch is missing"),
    ("a loss below 0", put(**{"moments.1.loss": -1}), "moments[1].loss should be a number from 0 to 1e+30, not -1.0"),
    ("a loss past its most", put(**{"moments.1.loss": 1.0000001e30}),
     "moments[1].loss should be a number from 0 to 1e+30, not 1.0000001e+30"),
    ("a NaN loss", put(**{"moments.1.loss": math.nan}), "moments[1].loss should be a number from 0 to 1e+30, not NaN"),
    ("a loss that is text", put(**{"moments.1.loss": "low"}), 'moments[1].loss should be a number, not "low"'),
    ("an lr below 0", put(**{"moments.1.lr": -0.001}), "moments[1].lr should be a number from 0 to 1e+09, not -0.001"),
    ("an lr past its most", put(**{"moments.1.lr": 1e9 + 1}),
     "moments[1].lr should be a number from 0 to 1e+09, not 1000000001.0"),
    ("an lr missing", put(**{"moments.1.lr": DEL}), "moments[1].lr is missing"),
    # a moment's pictures
    ("a picture missing", tensor("m1.b1"), "damaged recording: tensor m1.b1 is missing"),
    ("a picture transposed", tensor("m0.w0", np.zeros((3, 4), np.float16)),
     "damaged recording: tensor m0.w0 has shape (3, 4), expected (4, 3)"),
    ("a picture in float32", tensor("m0.w1", np.zeros((2, 4), np.float32)),
     "damaged recording: tensor m0.w1 is F32, not F16"),
    ("a picture holding infinity", tensor("m0.b0", np.array([0, np.inf, 0, 0], np.float16)),
     "tensor m0.b0 holds NaN or infinite numbers"),
    # a moment's state
    ("a state not an object", put(**{SP: [1]}), f"{STATE} should be an object, not [1]"),
    ("optimizer arrays past 2 per parameter", put(**{f"{SP}.optimizer_arrays": 9}),
     f"{STATE}.optimizer_arrays should be a whole number from 0 to 8, not 9"),
    ("optimizer arrays of momentum for adam", put(**{f"{SP}.optimizer_arrays": 4}),
     "damaged recording: 4 optimizer arrays do not fit adam"),
    ("optimizer arrays below 0", put(**{f"{SP}.optimizer_arrays": -1}),
     f"{STATE}.optimizer_arrays should be a whole number from 0 to 8, not -1"),
    ("optimizer_t below 0", put(**{f"{SP}.optimizer_t": -1}),
     f"{STATE}.optimizer_t should be a whole number from 0 to {MAX_STEP_TEXT}, not -1"),
    ("optimizer_t missing", put(**{f"{SP}.optimizer_t": DEL}), f"{STATE}.optimizer_t is missing"),
    ("batches past 2^53", put(**{f"{SP}.batches": 2**53 + 1}),
     f"{STATE}.batches should be a whole number from 0 to {MAX_STEP_TEXT}, not 9007199254740993"),
    ("batches missing", put(**{f"{SP}.batches": DEL}), f"{STATE}.batches is missing"),
    ("rng not an object", put(**{f"{SP}.rng": 5}), f"{STATE}.rng should be an object, not 5"),
    ("rng missing", put(**{f"{SP}.rng": DEL}), f"{STATE}.rng is missing"),
    ("rng of another generator", put(**{f"{SP}.rng.bit_generator": "MT19937"}), RNG_BAD),
    ("rng's state not an object", put(**{f"{SP}.rng.state": 5}), RNG_BAD),
    ("rng's state past 2^128", put(**{f"{SP}.rng.state.state": 2**128}), RNG_BAD),
    ("rng's inc below 0", put(**{f"{SP}.rng.state.inc": -1}), RNG_BAD),
    ("rng's inc missing", put(**{f"{SP}.rng.state.inc": DEL}), RNG_BAD),
    ("rng's state a bool", put(**{f"{SP}.rng.state.state": True}), RNG_BAD),
    ("rng's state a float", put(**{f"{SP}.rng.state.state": 5.0}), RNG_BAD),
    ("rng's has_uint32 text", put(**{f"{SP}.rng.has_uint32": "no"}), RNG_BAD),
    ("rng's uinteger past 2^32", put(**{f"{SP}.rng.uinteger": 2**32}), RNG_BAD),
    ("rng's uinteger below 0", put(**{f"{SP}.rng.uinteger": -1}), RNG_BAD),
    ("rng's uinteger text", put(**{f"{SP}.rng.uinteger": "1"}), RNG_BAD),
    ("rng's uinteger missing", put(**{f"{SP}.rng.uinteger": DEL}), RNG_BAD),
    ("start_loss below 0", put(**{f"{SP}.start_loss": -1.5}),
     f"{STATE}.start_loss should be a number from 0 to 1e+30, not -1.5"),
    ("start_loss past its most", put(**{f"{SP}.start_loss": 2e30}),
     f"{STATE}.start_loss should be a number from 0 to 1e+30, not 2e+30"),
    ("smoothed below 0", put(**{f"{SP}.smoothed": -2.5}),
     f"{STATE}.smoothed should be a number from 0 to 1e+30, not -2.5"),
    ("smoothed past its most", put(**{f"{SP}.smoothed": 3e30}),
     f"{STATE}.smoothed should be a number from 0 to 1e+30, not 3e+30"),
    ("train_seconds below 0", put(**{f"{SP}.train_seconds": -1}),
     f"{STATE}.train_seconds should be a number from 0 to 1e+09, not -1.0"),
    ("train_seconds past its most", put(**{f"{SP}.train_seconds": 1e9 + 1}),
     f"{STATE}.train_seconds should be a number from 0 to 1e+09, not 1000000001.0"),
    ("train_seconds missing", put(**{f"{SP}.train_seconds": DEL}), f"{STATE}.train_seconds is missing"),
    ("good not a bool", put(**{f"{SP}.good": 1}), f"{STATE}.good should be true or false, not 1"),
    ("good missing", put(**{f"{SP}.good": DEL}), f"{STATE}.good is missing"),
    ("a state's weights missing", tensor("s1.w1"), "damaged recording: tensor s1.w1 is missing"),
    ("a state's biases in float16", tensor("s1.b0", np.zeros(4, np.float16)),
     "damaged recording: tensor s1.b0 is F16, not F32"),
    ("a state's good weights missing", tensor("s1.good.b1"), "damaged recording: tensor s1.good.b1 is missing"),
    ("the last optimizer array missing", tensor("s1.opt7"), "damaged recording: tensor s1.opt7 is missing"),
    ("an optimizer array of another shape", tensor("s1.opt2", np.zeros((4, 3), np.float32)),
     "damaged recording: tensor s1.opt2 has shape (4, 3), expected (4,)"),
    ("a state's epochs not a list", put(**{f"{SP}.epochs": 1}), f"{STATE}.epochs should be a list, not 1"),
    ("a state's epoch not an object", put(**{f"{SP}.epochs": [EPOCH, "x"]}),
     f'{STATE}.epochs[1] should be an object, not "x"'),
    ("a state's epoch 0", put(**{f"{SP}.epochs.0.epoch": 0}),
     f"{STATE}.epochs[0].epoch should be a whole number from 1 to 10,000,000, not 0"),
    # the history: the batch losses
    ("history not an object", put(history=5), "history should be an object, not 5"),
    ("history's losses missing", put(**{"history.loss": DEL}), "history.loss is missing"),
    ("capacity 1", put(**{f"{HIST}.capacity": 1}),
     "history.loss.capacity should be a whole number from 2 to 1,048,576, not 1"),
    ("capacity past 2^20", put(**{f"{HIST}.capacity": 2**20 + 1}),
     "history.loss.capacity should be a whole number from 2 to 1,048,576, not 1048577"),
    ("capacity odd", put(**{f"{HIST}.capacity": 5}), HISTORY_BAD),
    ("start below 0", put(**{f"{HIST}.start": -1}),
     f"history.loss.start should be a whole number from 0 to {MAX_STEP_TEXT}, not -1"),
    ("stride 0", put(**{f"{HIST}.stride": 0}),
     f"history.loss.stride should be a whole number from 1 to {MAX_STEP_TEXT}, not 0"),
    ("stride missing", put(**{f"{HIST}.stride": DEL}), "history.loss.stride is missing"),
    ("count below 0", put(**{f"{HIST}.count": -1}),
     f"history.loss.count should be a whole number from 0 to {MAX_STEP_TEXT}, not -1"),
    ("count missing", put(**{f"{HIST}.count": DEL}), "history.loss.count is missing"),
    ("part_n below 0", put(**{f"{HIST}.part_n": -1}),
     f"history.loss.part_n should be a whole number from 0 to {MAX_STEP_TEXT}, not -1"),
    ("part_n missing", put(**{f"{HIST}.part_n": DEL}), "history.loss.part_n is missing"),
    ("part_x past 1e300", put(**{f"{HIST}.part_x": 1e301}),
     "history.loss.part_x should be a number from -1e+300 to 1e+300, not 1e+301"),
    ("part_y below -1e300", put(**{f"{HIST}.part_y": -1e301}),
     "history.loss.part_y should be a number from -1e+300 to 1e+300, not -1e+301"),
    ("part_y missing", put(**{f"{HIST}.part_y": DEL}), "history.loss.part_y is missing"),
    ("more points than the capacity", put(**{f"{HIST}.capacity": 2, f"{HIST}.count": 9}), HISTORY_BAD),
    ("fewer batches than the start", put(**{f"{HIST}.count": 1}), HISTORY_BAD),
    ("part_n not what the count leaves", put(**{f"{HIST}.part_n": 0}), HISTORY_BAD),
    ("the losses' x missing", tensor("history.loss.x"), "damaged recording: tensor history.loss.x is missing"),
    ("the losses' y of 3 points", tensor("history.loss.y", np.zeros(3)),
     "damaged recording: tensor history.loss.y has shape (3,), expected (2,)"),
    ("the losses' y in float32", tensor("history.loss.y", np.zeros(2, np.float32)),
     "damaged recording: tensor history.loss.y is F32, not F64"),
    ("a NaN batch loss", tensor("history.loss.y", np.array([1.0, np.nan])),
     "tensor history.loss.y holds NaN or infinite numbers"),
    # the history: its epochs, its end
    ("history's epochs missing", put(**{"history.epochs": DEL}), "history.epochs is missing"),
    ("an epoch record not an object", put(**{"history.epochs.1": None}),
     "history.epochs[1] should be an object, not null"),
    ("epoch 0", put(**{"history.epochs.0.epoch": 0}),
     "history.epochs[0].epoch should be a whole number from 1 to 10,000,000, not 0"),
    ("epoch past 10^7", put(**{"history.epochs.0.epoch": 10**7 + 1}),
     "history.epochs[0].epoch should be a whole number from 1 to 10,000,000, not 10000001"),
    ("an epoch's number missing", put(**{"history.epochs.0.epoch": DEL}), "history.epochs[0].epoch is missing"),
    ("train_loss below 0", put(**{"history.epochs.0.train_loss": -1}),
     "history.epochs[0].train_loss should be a number from 0 to 1e+30, not -1.0"),
    ("train_loss infinite", put(**{"history.epochs.0.train_loss": math.inf}),
     "history.epochs[0].train_loss should be a number from 0 to 1e+30, not Infinity"),
    ("train_loss missing", put(**{"history.epochs.0.train_loss": DEL}), "history.epochs[0].train_loss is missing"),
    ("train_accuracy past 1", put(**{"history.epochs.0.train_accuracy": 1.5}),
     "history.epochs[0].train_accuracy should be a number from 0 to 1, not 1.5"),
    ("train_accuracy NaN", put(**{"history.epochs.0.train_accuracy": math.nan}),
     "history.epochs[0].train_accuracy should be a number from 0 to 1, not NaN"),
    ("train_accuracy missing", put(**{"history.epochs.0.train_accuracy": DEL}),
     "history.epochs[0].train_accuracy is missing"),
    ("val_loss below 0", put(**{"history.epochs.0.val_loss": -0.25}),
     "history.epochs[0].val_loss should be a number from 0 to 1e+30, not -0.25"),
    ("val_loss past its most", put(**{"history.epochs.0.val_loss": 2e30}),
     "history.epochs[0].val_loss should be a number from 0 to 1e+30, not 2e+30"),
    ("val_accuracy below 0", put(**{"history.epochs.0.val_accuracy": -0.5}),
     "history.epochs[0].val_accuracy should be a number from 0 to 1, not -0.5"),
    ("val_accuracy past 1", put(**{"history.epochs.0.val_accuracy": 1.25}),
     "history.epochs[0].val_accuracy should be a number from 0 to 1, not 1.25"),
    ("val_accuracy NaN", put(**{"history.epochs.0.val_accuracy": math.nan}),
     "history.epochs[0].val_accuracy should be a number from 0 to 1, not NaN"),
    ("test_loss below 0", put(**{"history.epochs.0.test_loss": -0.75}),
     "history.epochs[0].test_loss should be a number from 0 to 1e+30, not -0.75"),
    ("test_loss past its most", put(**{"history.epochs.0.test_loss": 3e30}),
     "history.epochs[0].test_loss should be a number from 0 to 1e+30, not 3e+30"),
    ("test_loss text", put(**{"history.epochs.0.test_loss": "x"}),
     'history.epochs[0].test_loss should be a number, not "x"'),
    ("test_accuracy below 0", put(**{"history.epochs.0.test_accuracy": -0.125}),
     "history.epochs[0].test_accuracy should be a number from 0 to 1, not -0.125"),
    ("test_accuracy past 1", put(**{"history.epochs.0.test_accuracy": 1.125}),
     "history.epochs[0].test_accuracy should be a number from 0 to 1, not 1.125"),
    ("test_accuracy NaN", put(**{"history.epochs.0.test_accuracy": math.nan}),
     "history.epochs[0].test_accuracy should be a number from 0 to 1, not NaN"),
    ("samples_per_s below 0", put(**{"history.epochs.0.samples_per_s": -1}),
     "history.epochs[0].samples_per_s should be a number from 0 to 1e+12, not -1.0"),
    ("samples_per_s past 1e12", put(**{"history.epochs.0.samples_per_s": 1e12 + 1}),
     "history.epochs[0].samples_per_s should be a number from 0 to 1e+12, not 1000000000001.0"),
    ("samples_per_s text", put(**{"history.epochs.0.samples_per_s": "fast"}),
     'history.epochs[0].samples_per_s should be a number, not "fast"'),
    ("seconds below 0", put(**{"history.epochs.0.seconds": -2}),
     "history.epochs[0].seconds should be a number from 0 to 1e+09, not -2.0"),
    ("seconds past 1e9", put(**{"history.epochs.0.seconds": 1e9 + 1}),
     "history.epochs[0].seconds should be a number from 0 to 1e+09, not 1000000001.0"),
    ("seconds text", put(**{"history.epochs.0.seconds": "long"}),
     'history.epochs[0].seconds should be a number, not "long"'),
    ("status unknown", put(**{"history.status": "paused"}), f"history.status 'paused' is not one of {STATUSES}"),
    ("status long and unknown", put(**{"history.status": "p" * 45}),
     f"history.status '{'p' * 40}' is not one of {STATUSES}"),
    ("status missing", put(**{"history.status": DEL}), "history.status is missing"),
    ("stop_reason a number", put(**{"history.stop_reason": 5}), "history.stop_reason should be a string, not 5"),
]


# words of an English line that a translation keeps as they are: fields, tensor names, numbers
_KEPT = re.compile(r"[A-Za-z_][\w.\[\]]*[_.\[\]][\w.\[\]]*|\b[A-Z]\d+\b|-?\d+(?:,\d{3})*(?:\.\d+)?(?:e[+-]\d+)?|'[^']*'"
                   r"|\b(?:NaN|Infinity|null)\b")


def check_both_languages(error: RunFileError, path: str, english: str) -> None:
    from annviz.gui.common.file_errors import refusal

    assert str(error) == f"{path}: {english}"
    korean = refusal(error)
    assert korean.startswith(f"{path}: ") and korean != str(error)
    rest = korean[len(path) + 2:]
    assert re.search("[가-힣]", rest), korean
    assert not re.search(r"None|\{|\}|XX", rest.replace('{"0": 1}', "")), korean
    for word in _KEPT.findall(english):
        assert word in rest, (word, korean)


@pytest.mark.parametrize("change, english", [(c, e) for _, c, e in HOSTILE], ids=[i for i, _, _ in HOSTILE])
def test_a_hostile_recording_gets_that_checks_line_in_english_and_korean(tmp_path, korean, change, english):
    meta, t = base()
    change(meta, t)
    path = write(tmp_path, meta, t)
    with pytest.raises(RunFileError) as caught:
        load_recording(path)
    check_both_languages(caught.value, path, english)


@pytest.mark.parametrize("metadata, key, english", [
    ({"format_version": 1}, "other", "a safetensors file, but not an annviz training recording"),
    ("[1, 2]", "annviz-run", "damaged recording: its metadata is not an object"),
    ('{"format_version": 1,', "annviz-run", "its recording metadata is not valid JSON (the error is at character 21)"),
    ('{"format_version": 1, "big": 1e999}', "annviz-run",
     "its recording metadata holds the number 1e999, too large for a float"),
    ("[" * 40 + "]" * 40, "annviz-run", "its recording metadata is nested 40 levels deep (at most 32)"),
])
def test_metadata_that_is_not_a_recordings_gets_one_line(tmp_path, korean, metadata, key, english):
    _, t = base()
    path = write(tmp_path, metadata, t, key=key)
    with pytest.raises(RunFileError) as caught:
        load_recording(path)
    check_both_languages(caught.value, path, english)


def test_a_korean_line_in_full(tmp_path, korean):
    from annviz.gui.common.file_errors import refusal

    meta, t = base()
    meta["moments"][1]["step"] = 0
    path = write(tmp_path, meta, t)
    with pytest.raises(RunFileError) as caught:
        load_recording(path)
    assert refusal(caught.value) == f"{path}: 손상된 기록: 순간 1이(가) 0단계에 있어 0단계 뒤가 아닙니다"
    meta, t = base()
    meta["moments"][1]["state"]["rng"] = []
    path = write(tmp_path, meta, t)
    with pytest.raises(RunFileError) as caught:
        load_recording(path)
    assert refusal(caught.value) == f"{path}: {STATE}.rng은(는) 객체이어야 하는데 []입니다"


@pytest.mark.parametrize("has_uint32", [2, -1, 2**70, 1.0])
def test_a_generator_state_with_a_bad_flag_is_refused_with_the_generators_line(tmp_path, korean, has_uint32):
    # 2**70 made NumPy raise OverflowError: "damaged in a way annviz did not expect" before
    meta, t = base()
    meta["moments"][1]["state"]["rng"]["has_uint32"] = has_uint32
    path = write(tmp_path, meta, t)
    with pytest.raises(RunFileError) as caught:
        load_recording(path)
    check_both_languages(caught.value, path, RNG_BAD)
