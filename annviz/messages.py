"""What the readers say: every file error's code and its English sentence, in one table.

A reader raises its kind's error with a code and the values the sentence needs
(``ModelFileError(path, "model.tensor_missing", name="layers.0.weight")``); the error's
``str()`` is the English sentence after the path, which the command line prints. The window
translates by code: ``annviz.gui.common.file_errors`` looks each template up in the Korean
translation (``QCoreApplication.translate("FileErrors", template)``) and fills in the same
values, so a new file kind's messages appear in the interface's language as soon as its sentences
are translated — no pattern matching of English text. ``QT_TRANSLATE_NOOP`` marks each template
for ``pyside6-lupdate`` (``python -m annviz.gui.i18n_tool`` scans this file) and does nothing else.

A value that is itself words — what kind of file was expected, which part of a file, a type's
name — is a :class:`Phrase` (a code of this table with values of its own), translated the same
way; anything else (a number, a size, a tensor's or a key's name from the file) is shown as it is.
Templates use ``str.format`` fields; ``tests/test_messages.py`` checks that every code's fields
are given wherever it is raised and that the Korean keeps every field.

Standard library only, like ``annviz.safeio``.
"""

from __future__ import annotations

import string

CONTEXT = "FileErrors"


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 (the name lupdate looks for)
    return text


class Phrase:
    """Words that are part of a message and translated with it: ``Phrase("kind.model")``."""

    __slots__ = ("code", "values")

    def __init__(self, code: str, **values):
        if code not in MESSAGES:
            raise KeyError(f"no message has the code {code!r}")
        self.code, self.values = code, values

    def __str__(self) -> str:
        return english(self.code, self.values)

    def __repr__(self) -> str:
        return f"Phrase({self.code!r}{''.join(f', {k}={v!r}' for k, v in self.values.items())})"

    def __eq__(self, other) -> bool:
        return isinstance(other, Phrase) and (self.code, self.values) == (other.code, other.values)

    def __hash__(self) -> int:
        return hash(self.code)

    def __reduce__(self):
        return _phrase, (self.code, self.values)


def _phrase(code: str, values: dict) -> Phrase:
    return Phrase(code, **values)


def english(code: str, values: dict) -> str:
    """The English sentence of ``code`` with ``values`` (phrases in English)."""
    return fill(MESSAGES[code], values, str)


def fill(template: str, values: dict, word) -> str:
    """``template`` with its fields from ``values``; ``word(value)`` gives each value's text (a
    Phrase's in the language wanted). A field the values lack shows as ``{field}``, so that a
    message never fails to show."""
    texts = {k: word(v) for k, v in values.items()}
    return string.Formatter().vformat(template, (), _Missing(texts))


class _Missing(dict):
    def __missing__(self, key):
        return "{" + key + "}"


def fields(template: str) -> set[str]:
    """The names of the fields ``template`` uses."""
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


def kind(name: str) -> Phrase:
    """What kind of file was expected, as a phrase: ``kind("model")`` is "a model file"."""
    return Phrase(f"kind.{name}")




MESSAGES: dict[str, str] = {
    # --- what was expected (phrases inside the sentences below) ---------------------------------
    "kind.file": QT_TRANSLATE_NOOP("FileErrors", "a file"),
    "kind.model": QT_TRANSLATE_NOOP("FileErrors", "a model file"),
    "kind.recording": QT_TRANSLATE_NOOP("FileErrors", "a training recording"),
    "kind.setup": QT_TRANSLATE_NOOP("FileErrors", "an annviz setup file"),
    "kind.lesson": QT_TRANSLATE_NOOP("FileErrors", "a lesson file"),
    "kind.image": QT_TRANSLATE_NOOP("FileErrors", "an image"),
    "kind.idx": QT_TRANSLATE_NOOP("FileErrors", "an IDX file"),
    "kind.digit_index": QT_TRANSLATE_NOOP("FileErrors", "an index of digits"),
    "part.content": QT_TRANSLATE_NOOP("FileErrors", "content"),
    "part.header": QT_TRANSLATE_NOOP("FileErrors", "header"),
    "part.header_length": QT_TRANSLATE_NOOP("FileErrors", "the header length"),
    "part.metadata": QT_TRANSLATE_NOOP("FileErrors", "annviz metadata"),
    "part.recording_metadata": QT_TRANSLATE_NOOP("FileErrors", "recording metadata"),
    "part.tensor": QT_TRANSLATE_NOOP("FileErrors", "tensor {name}"),
    "type.string": QT_TRANSLATE_NOOP("FileErrors", "a string"),
    "type.integer": QT_TRANSLATE_NOOP("FileErrors", "an integer"),
    "type.number": QT_TRANSLATE_NOOP("FileErrors", "a number"),
    "type.bool": QT_TRANSLATE_NOOP("FileErrors", "true or false"),
    "type.list": QT_TRANSLATE_NOOP("FileErrors", "a list"),
    "type.object": QT_TRANSLATE_NOOP("FileErrors", "an object"),
    "type.table": QT_TRANSLATE_NOOP("FileErrors", "a table"),
    "type.text": QT_TRANSLATE_NOOP("FileErrors", "text"),
    "type.null": QT_TRANSLATE_NOOP("FileErrors", "nothing (null)"),
    "type.either": QT_TRANSLATE_NOOP("FileErrors", "{first} or {second}"),

    # --- opening and reading any file (annviz.safeio) ------------------------------------------
    "no_such_file": QT_TRANSLATE_NOOP("FileErrors", "no such file"),
    "path_not_folder": QT_TRANSLATE_NOOP("FileErrors", "no such file (a part of the path is not a folder)"),
    "permission_denied": QT_TRANSLATE_NOOP("FileErrors", "cannot be read (permission denied)"),
    "link_loop": QT_TRANSLATE_NOOP("FileErrors", "cannot be read: its symbolic links go round in a loop"),
    "name_too_long": QT_TRANSLATE_NOOP("FileErrors", "cannot be read: its name is too long for this system"),
    "unreadable": QT_TRANSLATE_NOOP("FileErrors", "cannot be read ({why})"),
    "is_folder": QT_TRANSLATE_NOOP("FileErrors", "is a folder, not {kind}"),
    "not_regular": QT_TRANSLATE_NOOP(
        "FileErrors", "is not a regular file (a pipe, device or socket), not {kind}"),
    "too_large": QT_TRANSLATE_NOOP("FileErrors", "is {size}, more than {kind} may be ({most})"),
    "grew_too_large": QT_TRANSLATE_NOOP("FileErrors", "is more than {kind} may be ({most})"),
    "bad_file_name": QT_TRANSLATE_NOOP("FileErrors", "is not a valid file name"),
    "truncated_in": QT_TRANSLATE_NOOP(
        "FileErrors", "truncated in {what} (expected {n} bytes, found {found})"),
    "not_utf8": QT_TRANSLATE_NOOP("FileErrors", "is not UTF-8 text"),
    "json_too_deep": QT_TRANSLATE_NOOP(
        "FileErrors", "its {what} is nested {depth} levels deep (at most {most})"),
    "json_invalid": QT_TRANSLATE_NOOP(
        "FileErrors", "its {what} is not valid JSON (the error is at character {pos})"),
    "json_not_utf8": QT_TRANSLATE_NOOP("FileErrors", "its {what} is not UTF-8 text"),
    "json_constant": QT_TRANSLATE_NOOP(
        "FileErrors", "its {what} holds {name}, which is not a number this file may hold"),
    "json_long_integer": QT_TRANSLATE_NOOP(
        "FileErrors", "its {what} holds an integer of {digits} digits (at most {most})"),
    "json_huge_number": QT_TRANSLATE_NOOP(
        "FileErrors", "its {what} holds the number {text}, too large for a float"),
    "field_type": QT_TRANSLATE_NOOP("FileErrors", "{field} should be {wanted}, not {found}"),
    "version_bad": QT_TRANSLATE_NOOP("FileErrors", "{name} {value} is not a version number"),
    "version_newer": QT_TRANSLATE_NOOP(
        "FileErrors", "{name} {value} is newer than this annviz reads (up to {newest}): "
                                      "update annviz to open it"),
    "field_missing": QT_TRANSLATE_NOOP("FileErrors", "{field} is missing"),
    "field_int_range": QT_TRANSLATE_NOOP(
        "FileErrors", "{field} should be a whole number from {lo} to {hi}, not {value}"),
    "field_number_range": QT_TRANSLATE_NOOP(
        "FileErrors", "{field} should be a number from {lo} to {hi}, not {value}"),
    "field_list_of": QT_TRANSLATE_NOOP(
        "FileErrors", "{field} should be a list of at most {most} entries, each {wanted}"),
    "field_name_length": QT_TRANSLATE_NOOP(
        "FileErrors", "{field} should be a name of 1 to {most} characters"),
    "field_too_long": QT_TRANSLATE_NOOP("FileErrors", "{field} holds a name longer than {most} characters"),
    "field_one_of": QT_TRANSLATE_NOOP("FileErrors", "{field} {value} is not one of {known}"),
    "field_count": QT_TRANSLATE_NOOP("FileErrors", "{field} should hold {n} entries, not {found}"),
    "field_count_most": QT_TRANSLATE_NOOP("FileErrors", "{field} holds {n} entries, more than {most}"),
    "too_many_parameters": QT_TRANSLATE_NOOP(
        "FileErrors", "its network has {n} weights and biases, more than annviz "
                                            "opens ({most})"),
    "config_invalid": QT_TRANSLATE_NOOP(
        "FileErrors", "{field}: these training settings cannot train ({detail})"),
    "too_deep": QT_TRANSLATE_NOOP("FileErrors", "is nested too deeply to be read"),
    "unexpected": QT_TRANSLATE_NOOP(
        "FileErrors", "is damaged in a way annviz did not expect ({detail}); the details "
                                   "are in annviz's log"),
    "out_of_memory": QT_TRANSLATE_NOOP("FileErrors", "there was not enough memory to read it"),

    # --- safetensors files: models and recordings (annviz.nn.tensorfile) -----------------------
    "st.too_short": QT_TRANSLATE_NOOP(
        "FileErrors", "too short to be a safetensors file (truncated or empty)"),
    "st.header_too_large": QT_TRANSLATE_NOOP(
        "FileErrors", "not a safetensors file, or a damaged one: its header would be "
                                            "{size} (at most {most})"),
    "st.header_past_end": QT_TRANSLATE_NOOP(
        "FileErrors", "not a safetensors file, or truncated (its header runs past the end)"),
    "st.header_not_object": QT_TRANSLATE_NOOP(
        "FileErrors", "not a safetensors file (its header is not a JSON object)"),
    "st.metadata_not_strings": QT_TRANSLATE_NOOP(
        "FileErrors", "damaged safetensors header: __metadata__ is not an object "
                                                "of strings"),
    "st.entry_not_object": QT_TRANSLATE_NOOP(
        "FileErrors", "damaged safetensors header: tensor {name} is not described by "
                                            "an object"),
    "st.entry_dtype": QT_TRANSLATE_NOOP(
        "FileErrors", "damaged safetensors header: tensor {name} has dtype {dtype}, which "
                                       "annviz does not read (it reads {dtypes})"),
    "st.entry_shape": QT_TRANSLATE_NOOP(
        "FileErrors", "damaged safetensors header: tensor {name} has a shape that is not a "
                                       "list of sizes"),
    "st.entry_offsets": QT_TRANSLATE_NOOP(
        "FileErrors", "damaged safetensors header: tensor {name} has data_offsets that are "
                                         "not two byte positions"),
    "st.entry_size": QT_TRANSLATE_NOOP(
        "FileErrors", "damaged safetensors header: tensor {name} of shape {shape} and dtype "
                                      "{dtype} needs {n} bytes, its offsets span {span}"),
    "st.layout_gap": QT_TRANSLATE_NOOP(
        "FileErrors", "damaged safetensors header: tensor {name} starts at byte {begin}, "
                                      "expected {expected} (tensors overlap or leave gaps)"),
    "st.truncated": QT_TRANSLATE_NOOP(
        "FileErrors", "truncated: its header promises {n} bytes of tensors, the file holds {found}"),
    "st.trailing": QT_TRANSLATE_NOOP("FileErrors", "{n} unexpected bytes after the tensors"),
    "st.dtype_not_float": QT_TRANSLATE_NOOP(
        "FileErrors", "tensor {name} has dtype {dtype}; annviz reads weights stored as "
                                           "{dtypes} (in PyTorch: tensor.float())"),
    "st.truncated_tensor": QT_TRANSLATE_NOOP("FileErrors", "truncated in tensor {name}"),
    "st.not_finite": QT_TRANSLATE_NOOP("FileErrors", "tensor {name} holds NaN or infinite numbers"),
    "st.too_large_for_f32": QT_TRANSLATE_NOOP(
        "FileErrors", "tensor {name} holds numbers too large for float32"),

    # --- model files (annviz.nn.modelfile) and PyTorch files (annviz.nn.foreign) ---------------
    "model.foreign": QT_TRANSLATE_NOOP(
        "FileErrors", "a PyTorch network ({layout}) without annviz metadata: say which "
                                      "activation its hidden layers use and whether its last layer outputs logits"),
    "model.is_recording": QT_TRANSLATE_NOOP(
        "FileErrors", "a training recording, not an annviz model: open it with File → "
                                           "Open training recording"),
    "model.is_annviz": QT_TRANSLATE_NOOP(
        "FileErrors", "an annviz model: it names its own activations, open it as one"),
    "model.metadata_not_object": QT_TRANSLATE_NOOP("FileErrors", "its annviz metadata is not a JSON object"),
    "model.lacks_architecture": QT_TRANSLATE_NOOP(
        "FileErrors", "its annviz metadata lacks layer_sizes or activations"),
    "model.sizes_not_ints": QT_TRANSLATE_NOOP("FileErrors", "layer_sizes should be a list of whole numbers"),
    "model.sizes_range": QT_TRANSLATE_NOOP(
        "FileErrors", "layer_sizes {sizes} do not describe a network annviz can hold (2 to "
                                          "{layers} layers of 1 to {most} neurons)"),
    "model.activation_count": QT_TRANSLATE_NOOP("FileErrors", "{n} layers but {m} activations"),
    "model.unknown_activation": QT_TRANSLATE_NOOP("FileErrors", "unknown activation {name} (known: {known})"),
    "model.unknown_loss": QT_TRANSLATE_NOOP("FileErrors", "unknown loss {name} (known: {known})"),
    "model.class_names": QT_TRANSLATE_NOOP("FileErrors", "class_names should be a list of strings"),
    "model.accuracy": QT_TRANSLATE_NOOP("FileErrors", "test_accuracy {value} is not between 0 and 1"),
    "model.tensor_missing": QT_TRANSLATE_NOOP("FileErrors", "tensor {name} is missing"),
    "model.tensor_shape": QT_TRANSLATE_NOOP(
        "FileErrors", "tensor {name} has shape {shape}, expected {expected} from "
                                           "layer_sizes {sizes}"),
    "model.unexpected_tensors": QT_TRANSLATE_NOOP("FileErrors", "unexpected tensors {names}"),
    "foreign.refused": QT_TRANSLATE_NOOP(
        "FileErrors", "a safetensors file without annviz metadata, and not a network annviz "
                                        "understands: {fault}. annviz opens its own models, and PyTorch networks "
                                        "of nn.Linear layers (after nn.Conv2d layers in a convolutional "
                                        "one), named layers.0.weight … (nn.ModuleList), "
                                        "0.weight … (nn.Sequential) or fc1.weight … (numbered names), taking "
                                        "{n_inputs} inputs"),
    "foreign.no_tensors": QT_TRANSLATE_NOOP("FileErrors", "it holds no tensors"),
    "foreign.not_layer": QT_TRANSLATE_NOOP(
        "FileErrors", "tensor {name} is not the weight or bias of a layer"),
    "foreign.too_many_layers": QT_TRANSLATE_NOOP(
        "FileErrors", "{n} layers, more than the {most} annviz can hold"),
    "foreign.bias_no_weight": QT_TRANSLATE_NOOP("FileErrors", "layer {name} has a bias but no weight"),
    "foreign.not_linear": QT_TRANSLATE_NOOP(
        "FileErrors", "tensor {name} has shape {shape}, not the (out, in) of an nn.Linear"),
    "foreign.bias_shape": QT_TRANSLATE_NOOP(
        "FileErrors", "tensor {name} has shape {shape}, expected {expected} to go with "
                                           "{weight} {wshape}"),
    "foreign.first_inputs": QT_TRANSLATE_NOOP(
        "FileErrors", "its first layer, {name}, takes {n} inputs, not the {n_inputs} "
                                             "pixels of a 28×28 image"),
    "foreign.chain": QT_TRANSLATE_NOOP(
        "FileErrors", "the shapes do not chain: {name} takes {n} inputs, the layer before "
                                      "gives {m}"),
    "foreign.layer_size": QT_TRANSLATE_NOOP(
        "FileErrors", "layer {name} has {n} neurons (annviz holds 1 to {most})"),
    "foreign.no_number": QT_TRANSLATE_NOOP(
        "FileErrors", "layer name {name} does not end in a number giving its order"),
    "foreign.number_too_long": QT_TRANSLATE_NOOP(
        "FileErrors", "layer name {name} ends in a number of {digits} digits (at most "
                                                "{most})"),
    "foreign.patterns": QT_TRANSLATE_NOOP("FileErrors", "the layer names {names} do not share one pattern"),

    # --- convolutional networks (annviz.nn.layers, cnnfile, foreign_cnn) ------------------------
    "model.layers_order": QT_TRANSLATE_NOOP(
        "FileErrors", "its layers are not a convolutional network annviz can build: "
                      "convolutions and max-pools, one flatten, then dense layers ending in the output layer"),
    "model.layers_count": QT_TRANSLATE_NOOP(
        "FileErrors", "too many layers: convolutions {conv} (annviz holds at most {most_conv}), dense "
                      "layers {dense} (at most {most_dense})"),
    "model.layers_listed": QT_TRANSLATE_NOOP("FileErrors", "layers lists {n} entries (at most {most})"),
    "model.layer_not_object": QT_TRANSLATE_NOOP("FileErrors", "layers[{layer}] is not a JSON object"),
    "model.layer_kind": QT_TRANSLATE_NOOP(
        "FileErrors", "layers[{layer}] is of kind {name}, which annviz does not know (known: {known})"),
    "model.conv_range": QT_TRANSLATE_NOOP(
        "FileErrors", "layer {layer}: {filters} filters of {kernel}×{kernel} padded by {padding}; annviz "
                      "holds 1 to {most_filters} filters of at most {most_kernel}×{most_kernel}, padded by "
                      "less than the kernel's side"),
    "model.conv_too_small": QT_TRANSLATE_NOOP(
        "FileErrors", "layer {layer}: a {kernel}×{kernel} kernel does not fit maps of {h}×{w} padded by "
                      "{padding}"),
    "model.pool_size": QT_TRANSLATE_NOOP(
        "FileErrors", "layer {layer}: max-pools of {size}×{size}; annviz pools 2×2"),
    "model.pool_too_small": QT_TRANSLATE_NOOP(
        "FileErrors", "layer {layer}: maps of {h}×{w} are too small for a 2×2 max-pool"),
    "model.dense_range": QT_TRANSLATE_NOOP(
        "FileErrors", "layer {layer}: {size} neurons (a dense layer holds 1 to {most})"),
    "model.layer_activation": QT_TRANSLATE_NOOP(
        "FileErrors", "layer {layer}: {name} is not an activation this layer can use"),
    "model.layers_work": QT_TRANSLATE_NOOP(
        "FileErrors", "layer {layer}: the network would take more work per image than annviz allows"),
    "model.input_shape": QT_TRANSLATE_NOOP(
        "FileErrors", "input_shape should be [1, 28, 28] (one 28×28 grey image), not {shape}"),
    "model.conv_tensor_shape": QT_TRANSLATE_NOOP(
        "FileErrors", "tensor {name} has shape {shape}, expected {expected} from its layers"),
    "model.not_mlp": QT_TRANSLATE_NOOP(
        "FileErrors", "a convolutional network ({layers}); this window shows multilayer perceptrons "
                      "only for now (the command line's annviz evaluate and annviz predict use it)"),
    "foreign.conv_kernel": QT_TRANSLATE_NOOP(
        "FileErrors", "tensor {name} has shape {shape}, not the (filters, channels, k, k) of an "
                      "nn.Conv2d with square kernels"),
    "foreign.conv_size": QT_TRANSLATE_NOOP(
        "FileErrors", "layer {name} has {filters} filters of {kernel}×{kernel} (annviz holds 1 to "
                      "{most_filters} filters of at most {most_kernel}×{most_kernel})"),
    "foreign.conv_channels": QT_TRANSLATE_NOOP(
        "FileErrors", "the shapes do not chain: {name} takes {n} channels, the layer before gives {m}"),
    "foreign.conv_order": QT_TRANSLATE_NOOP(
        "FileErrors", "an nn.Linear comes before the nn.Conv2d {name}: annviz reads convolutions first, "
                      "then linear layers"),
    "foreign.conv_no_linear": QT_TRANSLATE_NOOP(
        "FileErrors", "its convolutions are followed by no nn.Linear layer"),
    "foreign.conv_no_fit": QT_TRANSLATE_NOOP(
        "FileErrors", "its first nn.Linear, {name}, takes {n} inputs, which no arrangement of "
                      "padding (none or half the kernel) and 2×2 max-pools after its convolutions gives"),
    "foreign.ambiguous": QT_TRANSLATE_NOOP(
        "FileErrors", "a PyTorch network without annviz metadata whose padding and pooling its file "
                      "cannot tell: {n} arrangements fit ({candidates}); say which (on the command line: "
                      "--arrangement N)"),

    # --- training recordings (annviz.nn.runfile) -----------------------------------------------
    "run.not_recording": QT_TRANSLATE_NOOP(
        "FileErrors", "a safetensors file, but not an annviz training recording"),
    "run.metadata_not_object": QT_TRANSLATE_NOOP(
        "FileErrors", "damaged recording: its metadata is not an object"),
    "run.sizes": QT_TRANSLATE_NOOP(
        "FileErrors", "layer sizes must be 2 to {layers} whole numbers of 1 to {most}"),
    "run.class_names": QT_TRANSLATE_NOOP(
        "FileErrors", "class_names should be {n} names, one per output neuron"),
    "run.moment_order": QT_TRANSLATE_NOOP(
        "FileErrors", "damaged recording: moment {i} is at step {step}, not after step {before}"),
    "run.no_moments": QT_TRANSLATE_NOOP("FileErrors", "the recording holds no moments"),
    "run.history": QT_TRANSLATE_NOOP("FileErrors", "damaged recording: its batch losses do not fit together"),
    "run.optimizer_arrays": QT_TRANSLATE_NOOP(
        "FileErrors", "damaged recording: {n} optimizer arrays do not fit {optimizer}"),
    "run.rng": QT_TRANSLATE_NOOP(
        "FileErrors", "damaged recording: {field} is not the state of a random generator"),
    "run.tensor_missing": QT_TRANSLATE_NOOP("FileErrors", "damaged recording: tensor {name} is missing"),
    "run.diagnosis_twice": QT_TRANSLATE_NOOP(
        "FileErrors", "damaged recording: {field} names {name}, which an earlier diagnosis names already"),
    "run.diagnosis_fix": QT_TRANSLATE_NOOP(
        "FileErrors", "{field} is not a fix annviz can describe and replay"),
    "run.tensor_shape": QT_TRANSLATE_NOOP(
        "FileErrors", "damaged recording: tensor {name} has shape {shape}, expected {expected}"),
    "run.tensor_dtype": QT_TRANSLATE_NOOP(
        "FileErrors", "damaged recording: tensor {name} is {dtype}, not {expected}"),

    # --- setup files (annviz.setupfile, annviz.gui.setup) ----------------------------------------
    "setup.not_setup": QT_TRANSLATE_NOOP("FileErrors", "is not an annviz setup file (not a JSON object)"),
    "setup.no_kind": QT_TRANSLATE_NOOP(
        "FileErrors", "is not an annviz setup file (it has no \"kind\": \"annviz-setup\")"),
    "setup.numbers_count": QT_TRANSLATE_NOOP(
        "FileErrors", "{field} should hold {lo} to {hi} numbers, not {n}"),
    "setup.numbers": QT_TRANSLATE_NOOP("FileErrors", "{field} should hold numbers (at most {most} in size)"),
    "setup.whole_numbers": QT_TRANSLATE_NOOP(
        "FileErrors", "{field} should hold whole numbers (at most {most} in size)"),
    "setup.whole_numbers_range": QT_TRANSLATE_NOOP(
        "FileErrors", "{field} should hold whole numbers from {lo} to {hi}"),
    "setup.input_exact": QT_TRANSLATE_NOOP(
        "FileErrors", "input.exact should be 28×28 float32 numbers from 0 to 1 in base64"),
    "setup.convolution_model": QT_TRANSLATE_NOOP(
        "FileErrors", "convolution.model should be a convolutional network on 28×28 images with 10 outputs"),
    "setup.convolution_drawing": QT_TRANSLATE_NOOP(
        "FileErrors", "convolution.drawing should be 28×28 float32 numbers from 0 to 1 in base64"),
    "setup.convolution_kernel": QT_TRANSLATE_NOOP(
        "FileErrors", "convolution.hand_kernel should be 3×3 or 5×5 numbers from −9.99 to 9.99"),
    "setup.views_nudge": QT_TRANSLATE_NOOP(
        "FileErrors", "views.nudge should be [layer, i, j, h]: whole numbers and an h from 1e-16 to 10"),
    "setup.views_stepper": QT_TRANSLATE_NOOP(
        "FileErrors", "views.stepper should be [stage from 1, a learning rate from 0 to 10]"),
    "setup.model_too_large": QT_TRANSLATE_NOOP(
        "FileErrors", "its model is larger than a setup may carry ({most} MiB)"),
    "setup.model_too_large_to_save": QT_TRANSLATE_NOOP(
        "FileErrors", "the model is {size} MiB, more than a setup may carry "
                                                      "({most} MiB)"),
    "setup.not_base64": QT_TRANSLATE_NOOP("FileErrors", "{field} is not base64 text"),
    "setup.pixels": QT_TRANSLATE_NOOP("FileErrors", "input.pixels should be 28×28 = 784 bytes in base64"),
    "setup.selected_neuron": QT_TRANSLATE_NOOP(
        "FileErrors", "selected_neuron should be [layer, neuron], two whole numbers"),
    "setup.neuron_inputs": QT_TRANSLATE_NOOP(
        "FileErrors", "neuron.xs has {n} inputs but neuron.ws {m} weights"),
    "setup.points_count": QT_TRANSLATE_NOOP(
        "FileErrors", "{field}x and {field}y should list the same points (at most {most})"),
    "setup.points": QT_TRANSLATE_NOOP("FileErrors", "{field}x should hold points [x1, x2] of two numbers"),
    "setup.classes": QT_TRANSLATE_NOOP("FileErrors", "{field}y should hold the classes 0 and 1"),
    "setup.playground_hidden": QT_TRANSLATE_NOOP(
        "FileErrors", "playground.hidden should list layer sizes from 1 to 64"),
    "setup.features": QT_TRANSLATE_NOOP("FileErrors", "playground.features should name some of {known}"),
    "setup.lesson_not_a_name": QT_TRANSLATE_NOOP(
        "FileErrors", "lesson.lesson {name} is not the name of a lesson: a setup "
                                                "names a lesson or carries it, never a file's path"),
    "setup.lesson_unknown": QT_TRANSLATE_NOOP(
        "FileErrors", "lesson.lesson {name} is neither a bundled lesson nor one in "
                                             "your lessons folder (the bundled lessons: {names})"),
    "setup.page": QT_TRANSLATE_NOOP("FileErrors", "page {name} is not one of {known}"),
    "setup.tab": QT_TRANSLATE_NOOP("FileErrors", "tab {name} is not a tab of the {page} page ({known})"),
    "setup.model_inputs": QT_TRANSLATE_NOOP("FileErrors", "its model takes {n} inputs, not 28×28 = 784"),

    # --- images (annviz.data.images) -------------------------------------------------------------
    "image.too_many_pixels": QT_TRANSLATE_NOOP(
        "FileErrors", "has {width} x {height} pixels, more than annviz reads ({most} "
                                              "megapixels); make it smaller"),
    "image.too_long_side": QT_TRANSLATE_NOOP(
        "FileErrors", "is {width} x {height} pixels; annviz reads images of at most "
                                            "{most} pixels on a side"),
    "image.unidentified": QT_TRANSLATE_NOOP(
        "FileErrors", "not an image annviz reads ({formats}), or a damaged one"),
    "image.bomb": QT_TRANSLATE_NOOP(
        "FileErrors", "has more pixels than annviz reads ({most} megapixels), refused as a "
                                   "possible decompression bomb"),
    "image.memory": QT_TRANSLATE_NOOP("FileErrors", "too large to decode in the memory available"),
    "image.damaged": QT_TRANSLATE_NOOP("FileErrors", "damaged or unsupported image ({detail})"),

    # --- IDX files (annviz.data.idx) --------------------------------------------------------------
    "idx.gzip": QT_TRANSLATE_NOOP("FileErrors", "corrupt gzip data: {detail}"),
    "idx.too_short": QT_TRANSLATE_NOOP("FileErrors", "too short for an IDX header ({n} bytes)"),
    "idx.magic": QT_TRANSLATE_NOOP(
        "FileErrors", "wrong magic number {magic}: an IDX file starts with two zero bytes"),
    "idx.type": QT_TRANSLATE_NOOP("FileErrors", "unknown IDX data type {code} in magic number"),
    "idx.no_dimensions": QT_TRANSLATE_NOOP("FileErrors", "magic number says 0 dimensions"),
    "idx.truncated_header": QT_TRANSLATE_NOOP(
        "FileErrors", "truncated header: {ndim} dimensions need {n} bytes, found {found}"),
    "idx.too_large": QT_TRANSLATE_NOOP(
        "FileErrors", "its header declares shape {shape}, {size} of data; an IDX file may hold "
                                      "at most {most}"),
    "idx.truncated": QT_TRANSLATE_NOOP("FileErrors", "truncated: expected {n} bytes of data, found {found}"),
    "idx.trailing": QT_TRANSLATE_NOOP(
        "FileErrors", "{extra} unexpected bytes after the data (expected {n} bytes of data for "
                                     "shape {shape}, found {found})"),
    "idx.more_data": QT_TRANSLATE_NOOP(
        "FileErrors", "more data than its header declares (shape {shape}, {n} bytes)"),

    # --- the learner's digits (annviz.data.mydigits) ---------------------------------------------
    "digits.no_folder": QT_TRANSLATE_NOOP("FileErrors", "no such folder"),
    "digits.not_folder": QT_TRANSLATE_NOOP("FileErrors", "is not a folder"),
    "digits.skipped": QT_TRANSLATE_NOOP("FileErrors", "{why}, skipped"),
    "digits.index_not_object": QT_TRANSLATE_NOOP("FileErrors", "is not a JSON object"),
    "digits.no_side": QT_TRANSLATE_NOOP("FileErrors", "digit {key} has no side ({train} or {held})"),
    "digits.index_decided_again": QT_TRANSLATE_NOOP(
        "FileErrors", "{why}; the sides of its digits are decided again"),
    "digits.not_in_label_folder": QT_TRANSLATE_NOOP("FileErrors", "is not in a digit folder (0 to 9)"),
    "digits.not_label_folder": QT_TRANSLATE_NOOP(
        "FileErrors", "is not a digit folder (its name should be 0 to 9)"),
    "digits.not_image": QT_TRANSLATE_NOOP("FileErrors", "is not an image ({suffixes})"),
    "digits.system_file": QT_TRANSLATE_NOOP("FileErrors", "is a file the system keeps, not a digit"),
    "digits.past_most": QT_TRANSLATE_NOOP("FileErrors", "is past the first {most} images of {root}"),
    "digits.blank": QT_TRANSLATE_NOOP("FileErrors", "is blank (no ink)"),
    "digits.index_unwritable": QT_TRANSLATE_NOOP(
        "FileErrors", "the index of my digits cannot be written here ({why})"),
    "digits.full": QT_TRANSLATE_NOOP(
        "FileErrors", "my digits hold {most} already; the rest were not imported"),

    # --- lesson files (annviz.lessons.lessonfile, library) --------------------------------------
    "lesson.toml_invalid": QT_TRANSLATE_NOOP(
        "FileErrors", "is not valid TOML (the error is at line {line}, column {column})"),
    "lesson.toml_too_deep": QT_TRANSLATE_NOOP(
        "FileErrors", "nests lists and tables {depth} deep (at most {most})"),
    "lesson.toml_dotted_key": QT_TRANSLATE_NOOP(
        "FileErrors", "has a key of {parts} dotted parts, near line {line} "
                                               "(at most {most})"),
    "lesson.toml_long_token": QT_TRANSLATE_NOOP(
        "FileErrors", "has a key or a number of {length} characters, near line "
                                               "{line} (at most {most})"),
    "lesson.not_table": QT_TRANSLATE_NOOP("FileErrors", "should be a table, not {found}"),
    "lesson.unknown_key": QT_TRANSLATE_NOOP("FileErrors", "unknown key {key} (known: {known})"),
    "lesson.missing": QT_TRANSLATE_NOOP("FileErrors", "{key} is missing"),
    "lesson.not_whole_number": QT_TRANSLATE_NOOP("FileErrors", "should be a whole number, not {found}"),
    "lesson.not_between": QT_TRANSLATE_NOOP("FileErrors", "{value} is not between {lo} and {hi}"),
    "lesson.not_number": QT_TRANSLATE_NOOP("FileErrors", "should be a number, not {found}"),
    "lesson.number_range": QT_TRANSLATE_NOOP("FileErrors", "{value} is not a number between {lo} and {hi}"),
    "lesson.not_text": QT_TRANSLATE_NOOP("FileErrors", "should be text, not {found}"),
    "lesson.text_too_long": QT_TRANSLATE_NOOP("FileErrors", "is longer than {most} characters"),
    "lesson.not_list": QT_TRANSLATE_NOOP("FileErrors", "should be a list, not {found}"),
    "lesson.list_too_long": QT_TRANSLATE_NOOP("FileErrors", "has {n} entries, more than {most}"),
    "lesson.empty_text": QT_TRANSLATE_NOOP("FileErrors", "is empty"),
    "lesson.html_comment": QT_TRANSLATE_NOOP("FileErrors", "may not hold HTML comments or declarations"),
    "lesson.tag_not_allowed": QT_TRANSLATE_NOOP(
        "FileErrors", "the tag <{tag}> is not allowed (allowed: {allowed})"),
    "lesson.tag_attributes": QT_TRANSLATE_NOOP("FileErrors", "the tag <{tag}> may not have attributes"),
    "lesson.unknown_widget": QT_TRANSLATE_NOOP(
        "FileErrors", "no widget is called {name} (the names are listed in "
                                              "resources/lessons/README.md)"),
    "lesson.widget_kind": QT_TRANSLATE_NOOP("FileErrors", "{name} is a {kind}, not a {wanted}"),
    "lesson.bad_name": QT_TRANSLATE_NOOP(
        "FileErrors", "the file's name {name} should be letters, digits, - and _ only, "
                                        "at most {most} characters"),
    "lesson.unknown_concept": QT_TRANSLATE_NOOP("FileErrors", "unknown concept {name} (known: {known})"),
    "lesson.no_steps": QT_TRANSLATE_NOOP("FileErrors", "a lesson needs at least one step"),
    "lesson.no_checks": QT_TRANSLATE_NOOP("FileErrors", "a task needs at least one check"),
    "lesson.unknown_placeholder": QT_TRANSLATE_NOOP(
        "FileErrors", "{{{name}}} is not a value its checks measure (known: {known})"),
    "lesson.check_table": QT_TRANSLATE_NOOP("FileErrors", "should be a table with check = \"<probe>\""),
    "lesson.unknown_check": QT_TRANSLATE_NOOP("FileErrors", "unknown check {name} (known: {known})"),
    "lesson.unknown_value": QT_TRANSLATE_NOOP(
        "FileErrors", "unknown value {key} (known: {known}, each also with {at_least} "
                                             "or {at_most} when it is a number)"),
    "lesson.nothing_to_check": QT_TRANSLATE_NOOP(
        "FileErrors", "says nothing to check (e.g. a_at_least = 0.5)"),
    "lesson.not_comparable": QT_TRANSLATE_NOOP(
        "FileErrors", "{value} is not a number: compare it with {value} = …"),
    "lesson.not_bool": QT_TRANSLATE_NOOP("FileErrors", "should be true or false, not {found}"),
    "lesson.not_a_choice": QT_TRANSLATE_NOOP("FileErrors", "{value} is not one of {choices}"),
    "lesson.choice_type": QT_TRANSLATE_NOOP(
        "FileErrors", "should be one of the choices of {widget}, not {found}"),
    "lesson.not_widget_choice": QT_TRANSLATE_NOOP(
        "FileErrors", "{value} is not a choice of {widget} ({choices})"),
    "lesson.action_table": QT_TRANSLATE_NOOP("FileErrors", "should be a table with do = \"<action>\""),
    "lesson.unknown_action": QT_TRANSLATE_NOOP("FileErrors", "unknown action {name} (known: {known})"),
    "lesson.missing_for_layer": QT_TRANSLATE_NOOP("FileErrors", "{key} is missing (layer {layer})"),
    "lesson.needs_widget": QT_TRANSLATE_NOOP("FileErrors", "needs the widget it sets"),
    "lesson.one_of": QT_TRANSLATE_NOOP("FileErrors", "needs exactly one of {keys}"),
    "lesson.not_bundled_model": QT_TRANSLATE_NOOP("FileErrors", "{name} is not a bundled model ({known})"),
    "lesson.not_command": QT_TRANSLATE_NOOP("FileErrors", "{name} is not one of {known}"),
    "lesson.bad_point": QT_TRANSLATE_NOOP(
        "FileErrors", "a point is [x, y], fractions of the pad from its top left"),
    "lesson.empty_stroke": QT_TRANSLATE_NOOP("FileErrors", "a stroke needs at least one point"),
    "lesson.no_strokes": QT_TRANSLATE_NOOP("FileErrors", "draw needs at least one stroke"),
    "lesson.predict_needs_task": QT_TRANSLATE_NOOP(
        "FileErrors", "a prediction needs a task in its step (what happened is measured when the "
                      "task is done)"),
    "lesson.predict_result": QT_TRANSLATE_NOOP(
        "FileErrors", "{name} is not a value a prediction can read (a check's probe and value, "
                      "e.g. neuron.b; not widget)"),
    "lesson.predict_form": QT_TRANSLATE_NOOP(
        "FileErrors", "a prediction has either number = {{ min, max }} or choices = [ … ], one of the two"),
    "lesson.predict_range": QT_TRANSLATE_NOOP("FileErrors", "min {lo} should be less than max {hi}"),
    "lesson.predict_unit": QT_TRANSLATE_NOOP("FileErrors", "a unit is plain text without <, >, & or line breaks"),
    "lesson.predict_few_choices": QT_TRANSLATE_NOOP("FileErrors", "a prediction needs at least 2 choices"),
    "lesson.predict_number_result": QT_TRANSLATE_NOOP(
        "FileErrors", "a number prediction needs a result that is a number, and {name} is not"),
    "lesson.predict_one_condition": QT_TRANSLATE_NOOP(
        "FileErrors", "a choice has at most one of is, at_least and at_most"),
    "lesson.not_a_name": QT_TRANSLATE_NOOP(
        "FileErrors", "is not the name of a lesson (letters, digits, - and _; never a "
                                          "folder or a path)"),
    "lesson.no_such_lesson": QT_TRANSLATE_NOOP(
        "FileErrors", "no lesson has this name (the bundled lessons: {names})"),
}
