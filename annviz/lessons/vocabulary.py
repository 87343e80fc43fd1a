"""The words a lesson file may use: the widgets it names, the actions it takes, the checks it makes.

Everything here is data. The reader (``lessonfile.py``) refuses any name that is not listed, so a
typo in a lesson is one line at load time, never a surprise in class; the GUI (``annviz.gui.lessons``)
implements exactly these actions and probes, and a test checks both lists agree.

- ``WIDGETS``: stable object names (``QObject.setObjectName``) of the widgets a lesson may show,
  highlight, hide, lock, set or press, each with its kind: ``view`` (only shown, highlighted,
  hidden or locked), ``button`` (pressed), ``toggle`` (on or off), ``slider`` and ``number`` (a
  number), ``choice`` (one of ``values``, or any text when ``values`` is empty).
- ``ACTIONS``: what a step does to the app when it begins, with each parameter's type.
- ``PROBES``: what a check can read from the app's live state, value by value. A check is a probe
  and conditions on its values: ``z_at_least = 0``, ``points = "xor"``, ``verdict = true``.
- ``CONCEPTS``: the ideas of ``CONCEPTS.md`` a lesson says it teaches, in both languages.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from annviz.nn.activations import HIDDEN_ACTIVATIONS
from annviz.nn.doctor.diagnosis import CODES as DOCTOR_CODES

# --- widgets ----------------------------------------------------------------------------------

KINDS = ("view", "button", "toggle", "slider", "number", "choice")


@dataclass(frozen=True)
class Widget:
    kind: str
    about: str                                   # what it is, for the teachers' list
    values: tuple = field(default=())           # a choice's values (empty: any text)


def _w(kind: str, about: str, values: tuple = ()) -> Widget:
    return Widget(kind, about, tuple(values))


NEURON_ACTIVATIONS = ("step", "sigmoid", "tanh", "relu", "leaky_relu")
PERCEPTRON_POINTS = ("and", "or", "xor", "blobs", "custom")
PLAYGROUND_DATASETS = ("circle", "xor", "gaussian", "spirals")
PLAYGROUND_FEATURES = ("x1", "x2", "x1-squared", "x2-squared", "x1-times-x2", "sin-x1", "sin-x2")
TRAINING_PRESETS = ("notes", "fast", "too-high", "linear")

WIDGETS: dict[str, Widget] = {
    # the pages of the window
    "explorer-page": _w("view", "the Explorer page"),
    "training-page": _w("view", "the Training page"),
    "lab-page": _w("view", "the Neuron lab page"),
    "insight-page": _w("view", "the Insight page"),
    "mydigits-page": _w("view", "the My digits page"),
    # the explorer
    "explorer-pad": _w("view", "the Draw panel (pad, test digits, what the network sees, probabilities)"),
    "explorer-diagram": _w("view", "the Network panel (the diagram)"),
    "explorer-inspector": _w("view", "the Neuron inspector panel"),
    "explorer-weights": _w("view", "the Weights panel"),
    "explorer-drawing": _w("view", "the drawing pad itself"),
    "explorer-test-digit": _w("button", "Random test digit"),
    "explorer-seen": _w("view", "what the network sees: the 28×28 input"),
    "explorer-probabilities": _w("view", "the ten output probabilities"),
    "explorer-contribution": _w("toggle", "Colour by contribution (the diagram)"),
    "explorer-weight-count": _w("view", "the parameter count (784·16 + … = 13,002)"),
    "explorer-weight-grid": _w("view", "the first hidden layer's weight pictures"),
    "explorer-layer-matrices": _w("view", "the deeper layers' matrices and the biases"),
    "explorer-touch": _w("view", "Touch a neuron: the controls under the inspector for a hidden neuron"),
    "touch-off": _w("toggle", "Touch a neuron: the selected hidden neuron switched off"),
    # the neuron lab
    "lab-neuron": _w("view", "the lab's tab ① One neuron"),
    "lab-perceptron": _w("view", "the lab's tab ② A perceptron that learns"),
    "lab-playground": _w("view", "the lab's tab ③ A network on the plane"),
    "lab-neuron-picture": _w("view", "the biological neuron above the unit"),
    "lab-neuron-controls": _w("view", "the box of inputs, weights and bias"),
    "lab-neuron-plot": _w("view", "the activation plotted against w·x"),
    "lab-neuron-formula": _w("view", "the weighted input and output written out"),
    "lab-neuron-preset": _w("choice", "Example: free or Is it tasty?", ("free", "tasty")),
    "lab-neuron-inputs": _w("number", "how many inputs (2–6)"),
    "lab-neuron-activation": _w("choice", "the activation function", NEURON_ACTIVATIONS),
    **{f"lab-neuron-x{i}": _w("slider", f"input x{i} (−2 … 2)") for i in range(1, 7)},
    **{f"lab-neuron-w{i}": _w("slider", f"weight w{i} (−3 … 3)") for i in range(1, 7)},
    "lab-neuron-bias": _w("slider", "bias b (−8 … 8)"),
    "lab-neuron-threshold": _w("slider", "threshold θ = −b (shown with the unit step)"),
    "lab-perceptron-plane": _w("view", "the plane with the points and the line"),
    "lab-perceptron-points": _w("choice", "the points", PERCEPTRON_POINTS),
    "lab-perceptron-rule": _w("choice", "the learning rule", ("perceptron", "sigmoid")),
    "lab-perceptron-rate": _w("slider", "learning rate η (0.01 … 1)"),
    "lab-perceptron-step": _w("button", "Step (one example)"),
    "lab-perceptron-epoch": _w("button", "One epoch"),
    "lab-perceptron-run": _w("toggle", "Run / Pause"),
    "lab-perceptron-reset": _w("button", "New random weights"),
    "lab-perceptron-clear": _w("button", "Clear points"),
    "lab-perceptron-readout": _w("view", "w, b, errors and epochs"),
    "lab-perceptron-message": _w("view", "the box “When one line is not enough”"),
    "lab-perceptron-hidden": _w("button", "Add a hidden layer →"),
    "lab-playground-dataset": _w("choice", "the dataset", PLAYGROUND_DATASETS),
    "lab-playground-noise": _w("slider", "noise % (0 … 50)"),
    "lab-playground-test-share": _w("slider", "test data % (10 … 90)"),
    "lab-playground-seed": _w("number", "seed"),
    "lab-playground-features": _w("view", "the box of features (inputs)"),
    **{f"lab-playground-feature-{key}": _w("toggle", f"feature {key}") for key in PLAYGROUND_FEATURES},
    "lab-playground-layers": _w("number", "how many hidden layers (0–6)"),
    **{f"lab-playground-neurons-{i}": _w("number", f"neurons in hidden layer {i} (1–8)") for i in range(1, 7)},
    "lab-playground-activation": _w("choice", "the hidden layers' activation", HIDDEN_ACTIVATIONS),
    "lab-playground-rate": _w("choice", "learning rate", (0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1.0, 3.0)),
    "lab-playground-batch": _w("number", "batch size (1–64)"),
    "lab-playground-speed": _w("choice", "epochs per screen update", (1, 4, 16)),
    "lab-playground-reset": _w("button", "⟲ Reset"),
    "lab-playground-play": _w("toggle", "▶ Play / ❚❚ Pause"),
    "lab-playground-step": _w("button", "Step ▸|"),
    "lab-playground-diagram": _w("view", "the network with its neurons' pictures"),
    "lab-playground-plane": _w("view", "the output over the plane with the points"),
    "lab-playground-losses": _w("view", "the losses and the accuracy in words"),
    "lab-playground-loss-plot": _w("view", "the loss curves"),
    # training
    "training-preset": _w("choice", "the presets", TRAINING_PRESETS),
    "training-settings-network": _w("view", "the settings tab Network"),
    "training-settings-learning": _w("view", "the settings tab Learning"),
    "training-settings-data": _w("view", "the settings tab Data"),
    "training-architecture": _w("view", "the hidden layers editor"),
    "training-loss": _w("choice", "the loss", ("cross-entropy", "mse")),
    "training-optimizer": _w("choice", "the optimizer", ("sgd", "momentum", "adam")),
    "training-lr": _w("slider", "learning rate η (log scale)"),
    "training-batch": _w("choice", "batch size", (1, 8, 10, 16, 32, 64, 128, 256, 512, 1024)),
    "training-epochs": _w("number", "epochs (1–500)"),
    "training-examples": _w("number", "training examples (1,000–60,000)"),
    "training-dataset": _w("choice", "the dataset (mnist, fashion-mnist when installed)"),
    "training-seed": _w("number", "seed of the initial weights"),
    "training-start": _w("button", "Start / Start over"),
    "training-pause": _w("button", "Pause / Resume"),
    "training-stop": _w("button", "Stop"),
    "training-step": _w("button", "Step (one batch)"),
    "training-add-epoch": _w("button", "+1 epoch"),
    "training-progress": _w("view", "the progress bar"),
    "training-speed": _w("number", "slow motion: 0 = 1 batch/s … 9 = full speed"),
    "training-pause-at-epoch-end": _w("toggle", "Pause at the end of each epoch"),
    "training-charts": _w("view", "the tabs of curves, histograms and runs compared"),
    "training-curves": _w("view", "the learning curves"),
    "training-histograms": _w("view", "the weight histograms"),
    "training-timeline": _w("view", "the timeline (time machine)"),
    "training-doctor": _w("view", "the ⚠ Doctor tab: what went wrong in the run shown, from which batch, and "
                                  "the fixes (there only while that run has a diagnosis)"),
    "training-doctor-replay-1": _w("button", "Replay with the fix (the doctor's first fix)"),
    "training-over-time": _w("view", "the Over time tab beside the settings: Answers and Landscape"),
    "training-answers": _w("view", "When did it learn my 3? — one strip per digit, its answer at every "
                                   "recorded moment (Over time → Answers)"),
    "answers-pin": _w("button", "Pin the pad's digit (a strip of its own)"),
    "training-landscape": _w("view", "the loss landscape with the path the run took (Over time → Landscape)"),
    # insight
    "insight-evaluation": _w("view", "the insight tab How good is it"),
    "insight-mistakes": _w("view", "the insight tab Mistakes"),
    "insight-why": _w("view", "the insight tab Why this answer"),
    "insight-step": _w("view", "the insight tab One step of learning"),
    "insight-nudge": _w("view", "the insight tab Numeric slope vs backprop"),
    "insight-matrix": _w("view", "the insight tab Matrix form"),
    "insight-data": _w("view", "the insight tab Look at the data"),
    "insight-true-label": _w("choice", "the true label of the current input (a class name)"),
    "insight-accuracy": _w("view", "the accuracy on the test set"),
    "insight-confusion": _w("view", "the confusion matrix"),
    "insight-threshold": _w("number", "confidence threshold in % (0–99)"),
    "insight-threshold-box": _w("view", "the confidence threshold and what it does"),
    "insight-gallery": _w("view", "the test images of the chosen cell"),
    "insight-mistake-caption": _w("view", "what the mistake on screen is"),
    "insight-mistake-previous": _w("button", "◀ Previous mistake"),
    "insight-mistake-next": _w("button", "Next mistake ▶"),
    "insight-mistake-show": _w("button", "Show in the explorer"),
    "insight-step-back": _w("button", "◀ Back (one step of learning)"),
    "insight-step-forward": _w("button", "Forward ▶ (one step of learning)"),
    "insight-step-rate": _w("number", "learning rate η of the one step"),
    "insight-step-explanation": _w("view", "the stage's title and explanation"),
    "insight-nudge-numbers": _w("view", "L(w + h), L(w − h), the two slopes and their relative error"),
    "insight-nudge-h": _w("view", "the nudge h (set it with the action nudge_h)"),
    "insight-nudge-errors": _w("view", "the plot of the relative error against h"),
    "insight-nudge-steepest": _w("button", "Steepest weight"),
}

# --- actions ----------------------------------------------------------------------------------

# Parameter types: "name" (a WIDGETS name), "button" (a WIDGETS name of kind button), "settable"
# (of kind toggle, slider, number or choice), "value" (fits the widget's kind), "int", "number",
# "text", "model" (a bundled model's name), "strokes", "layer" (an int ≥ 1 or "output").
# A trailing "?" marks an optional parameter.

ACTIONS: dict[str, dict[str, str]] = {
    "show": {"widget": "name"},
    "set": {"widget": "settable", "value": "value"},
    "press": {"widget": "button"},
    "load_model": {"name": "model"},
    "test_digit": {"index": "int"},
    "clear_pad": {},
    "draw": {"strokes": "strokes"},
    "select_neuron": {"layer": "layer", "neuron": "int?", "class": "text?"},
    "select_weight": {"layer": "int", "i": "int", "j": "int"},
    "nudge_h": {"h": "number"},
    "learning_stage": {"stage": "int"},
    "select_cell": {"true": "int", "predicted": "int"},
    "show_mistake": {"position": "int"},
    "training": {"command": "command"},
}

#: What the "training" action can tell the training page: start with its settings, pause, resume,
#: stop, or discard the network trained (the model from before training comes back).
TRAINING_COMMANDS = ("start", "pause", "resume", "stop", "discard")

MAX_STROKES, MAX_STROKE_POINTS = 20, 400

# --- probes -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Value:
    type: str                  # "number", "int", "text" or "bool"
    digits: int | None = 2     # numbers: decimals shown; -1: scientific notation; None: as short as it is
    about: str = ""
    choices: tuple = ()        # a text's possible values (empty: any)


def _n(about: str, digits: int = 2) -> Value:
    return Value("number", digits, about)


def _i(about: str) -> Value:
    return Value("int", 0, about)


def _t(about: str, choices: tuple = ()) -> Value:
    return Value("text", 0, about, tuple(choices))


def _b(about: str) -> Value:
    return Value("bool", 0, about)


PAGES = ("explorer", "training", "lab", "insight", "mydigits")
LAB_TABS = ("neuron", "perceptron", "playground")
INSIGHT_TABS = ("evaluation", "mistakes", "why", "step", "nudge", "matrix", "data")
GATES = ("and", "or", "nand", "nor", "xor", "xnor", "other")

PROBES: dict[str, dict[str, Value]] = {
    "neuron": {
        "a": _n("the output a = f(z)"), "z": _n("the weighted input z = w·x + b"),
        "s": _n("the weighted sum w·x, without the bias"), "b": _n("the bias"),
        "theta": _n("the threshold θ = −b"), "activation": _t("the activation function", NEURON_ACTIVATIONS),
        "inputs": _i("how many inputs"),
        **{f"x{i}": _n(f"input x{i}") for i in range(1, 7)},
        **{f"w{i}": _n(f"weight w{i}") for i in range(1, 7)},
    },
    "gate": {
        "computes": _t("the logic gate the lab neuron computes on (0, 0), (0, 1), (1, 0), (1, 1) with "
                       "its first two weights and its bias", GATES),
        "table": _t("its outputs on those four corners, e.g. 0001"),
    },
    "perceptron": {
        "points": _t("the points", PERCEPTRON_POINTS), "rule": _t("the rule", ("perceptron", "sigmoid")),
        "errors": _i("points on the wrong side"), "count": _i("points"), "epochs": _i("epochs learned"),
        "verdict": _b("the lab says no straight line separates the points"),
        "separable": _b("a straight line can separate the points (an exact check)"),
        "w1": _n("weight w₁"), "w2": _n("weight w₂"), "b": _n("bias b"),
    },
    "playground": {
        "dataset": _t("the dataset", (*PLAYGROUND_DATASETS, "points")),
        "layers": _i("hidden layers"), "neurons": _i("hidden neurons in all"),
        "epoch": _i("epochs trained"), "playing": _b("training is running"),
        "train_loss": _n("training loss", 3), "test_loss": _n("test loss", 3),
        "train_accuracy": _n("training accuracy in %", 1), "test_accuracy": _n("test accuracy in %", 1),
        "features": _t("the features (inputs) ticked, in the panel's order joined by +, e.g. x1+x2 or "
                       "x1+x2+sin-x1+sin-x2"),
    },
    "prediction": {
        "answer": _t("the class the network answers for the current input"),
        "confidence": _n("its probability in %", 1),
        "has_input": _b("there is an input (a drawing or a test digit)"),
        "drawn": _b("the input is drawn on the pad (not only a loaded test digit)"),
        "not_sure": _b("the answer is below the confidence threshold (“not sure”)"),
        "well_drawn": _b("drawn on the pad, and large and thick enough to be prepared like an MNIST digit "
                         "(not a dot, not a hair)"),
        "top_bar": _b("the input has a bar on top: its top rows are much wider than the rest (a 7, not a 1)"),
    },
    "selection": {
        "selected": _b("a neuron is selected"), "layer": _i("its layer: 0 input, 1 first hidden, …"),
        "neuron": _i("its number in a hidden layer, from 1"), "hidden": _b("it is a hidden neuron"),
        "output": _b("it is an output neuron"), "class": _t("the class of a selected output neuron"),
    },
    "model": {
        "name": _t("the model's name (a bundled name or the file's name)"),
        "architecture": _t("e.g. 784-16-16-10"), "layers": _i("hidden layers"),
        "parameters": _i("weights and biases in all"),
    },
    "training": {
        "phase": _t("the phase of training", ("idle", "running", "paused", "done")), "epoch": _i("epochs finished in this run"),
        "test_accuracy": _n("test accuracy in % after the last epoch", 1),
        "loss": _n("training loss of the last epoch", 3),
        "diverged": _b("the last run diverged (the loss blew up)"),
        "finished": _b("the last run trained all its epochs"),
        "lr": _n("the learning rate η the run on screen (or the last one) trains with — not the slider's", 4),
    },
    "doctor": {
        "shown": _b("the ⚠ Doctor tab is on the training page: the run the timeline shows has a diagnosis "
                    "the learner did not dismiss"),
        "count": _i("how many diagnoses the Doctor tab lists"),
        "diagnosis": _t("the diagnosis the Doctor tab shows", DOCTOR_CODES),
        "replayed": _b("the run training now (or the last one) was started by “Replay with the fix”"),
    },
    "evaluation": {
        "evaluated": _b("the test set has been evaluated"), "accuracy": _n("accuracy in %", 2),
        "threshold": _i("confidence threshold in %"), "answered": _i("test images answered above it"),
        "unsure": _i("test images it is not sure about"),
        "answered_accuracy": _n("accuracy of the answers it gives above the threshold, in %", 2),
        "cell_true": _i("true class of the chosen matrix cell"),
        "cell_predicted": _i("predicted class of the chosen cell"),
        "cell_count": _i("test images in the chosen cell"),
        "off_diagonal": _b("the chosen cell is a mistake (true ≠ predicted)"),
    },
    "mistakes": {
        "position": _i("which mistake is on screen, from 1"), "count": _i("mistakes in all"),
        "confidence": _n("how sure the model was of the mistake on screen, in %", 1),
    },
    "stepper": {
        "stage": _i("the stage on screen, from 1"), "stages": _i("stages in all"),
        "kind": _t("the kind of stage", ("input", "forward", "loss", "back", "update", "after")),
        "loss_before": _n("the loss before the step", 4), "loss_after": _n("the loss after it", 4),
        "answer_changed": _b("the step changed the answer"), "lr": _n("η of the step", 4),
    },
    "nudge": {
        "layer": _i("the weight's layer l of W⁽ˡ⁾, from 1"), "i": _i("row i, from 0"), "j": _i("column j, from 0"),
        "h": _n("the nudge h", -1), "relative_error": _n("relative error of the numeric slope", -1),
        "numeric": _n("the numeric slope", -1), "backprop": _n("backpropagation's ∂L/∂w", -1),
    },
    "touch": {
        "off": _i("hidden neurons switched off (Touch a neuron)"),
        "before": _n("test accuracy in % of the network before the edits", 1),
        "after": _n("test accuracy in % with the edits", 1),
        "drop": _n("before − after, in percentage points", 1),
        "biggest": _b("the neurons switched off include the last hidden layer's neuron that adds most to the "
                      "current input's answer (measured on the network before the edits; one within 5 % of "
                      "it counts too)"),
    },
    "screen": {
        "page": _t("the page in front", PAGES),
        "tab": _t("the lab's or the insight page's tab in front (empty elsewhere)", ("", *LAB_TABS, *INSIGHT_TABS)),
    },
    "widget": {
        "value": Value("text", None, "the named widget's value (a number, a choice or true/false, as its kind)"),
        "visible": _b("it is on screen"), "enabled": _b("it can be used"),
    },
}

#: Condition suffixes: value_at_least, value_at_most (numbers); a bare value name means "equals".
AT_LEAST, AT_MOST = "_at_least", "_at_most"

# --- concepts ---------------------------------------------------------------------------------

#: The rows and glossary terms of CONCEPTS.md a lesson may name, with their English and Korean.
CONCEPTS: dict[str, tuple[str, str]] = {
    "neuron": ("neuron", "뉴런"),
    "neuron-as-graph": ("neuron as a graph", "그래프로 본 뉴런"),
    "weight": ("weight", "가중치"),
    "bias": ("bias", "편향"),
    "threshold": ("threshold", "임계값"),
    "unit-step": ("unit step", "단위 계단 함수"),
    "bias-is-minus-theta": ("bias = −θ", "편향 = −θ"),
    "bias-shifts-curve": ("bias shifts the curve", "편향이 곡선을 옮긴다"),
    "activation-function": ("activation function", "활성화 함수"),
    "perceptron": ("perceptron", "퍼셉트론"),
    "input-layer": ("input layer", "입력층"),
    "output-layer": ("output layer", "출력층"),
    "hidden-layers": ("hidden layers", "은닉층"),
    "layer-drives-layer": ("layer drives layer", "층이 다음 층을 움직인다"),
    "hidden-neuron-looks-for": ("what a hidden neuron looks for", "은닉 뉴런이 찾는 것"),
    "parameter-count": ("parameter count", "매개변수 개수"),
    "matrix-form": ("matrix form", "행렬 표현"),
    "learning": ("learning", "학습"),
    "loss": ("loss", "손실"),
    "accuracy": ("accuracy", "정확도"),
    "confusion-matrix": ("confusion matrix", "혼동 행렬"),
    "learning-rate": ("learning rate", "학습률"),
    "gradient": ("gradient", "기울기(그래디언트)"),
    "backpropagation": ("backpropagation", "역전파"),
    "numerical-differentiation": ("numerical differentiation", "수치미분"),
}
