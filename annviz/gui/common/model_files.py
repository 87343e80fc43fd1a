"""What the window says about model files, in the learner's language: the file dialogs' filter,
and why a model file was refused.

The readers (``annviz.nn.modelfile``, ``tensorfile``, ``foreign``, ``annviz.safeio``) know no Qt
and write their reasons in English, one line each (``FileFormatError.reason``). ``refusal`` puts
a reason in the language of the interface: each sentence a reader can write has a pattern here
and a translated template that keeps the file's own details (sizes, tensor names, versions). A
reason no pattern knows is shown as it is, after a translated lead-in.
``tests/gui/test_korean.py`` makes bad model files of every kind and checks each is understood.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication

from annviz.safeio import FileFormatError

translate = QCoreApplication.translate   # the name lupdate looks for; the context is a literal


def model_filter() -> str:
    """The file dialogs' filter for annviz model files."""
    return translate("ModelFiles", "annviz models (*.safetensors)")


# (pattern over the English reason, its translation). Named groups fill the template's {fields}.
# The templates are literal translate(...) calls so that lupdate finds them.
_REASONS: list[tuple[re.Pattern, Callable[[], str]]] = [(re.compile(p), t) for p, t in [
    (r"no such file", lambda: translate("ModelFiles", "no such file")),
    (r"no such file \(a part of the path is not a folder\)",
     lambda: translate("ModelFiles", "no such file (a part of the path is not a folder)")),
    (r"cannot be read \(permission denied\)", lambda: translate("ModelFiles", "cannot be read (permission denied)")),
    (r"cannot be read \((?P<why>.*)\)", lambda: translate("ModelFiles", "cannot be read ({why})")),
    (r"is a folder, not a model file", lambda: translate("ModelFiles", "is a folder, not a model file")),
    (r"is not a regular file \(a pipe, device or socket\), not a model file",
     lambda: translate("ModelFiles", "is not a regular file (a pipe, device or socket), not a model file")),
    (r"is (?P<size>.+), more than a model file may be \((?P<most>.+)\)",
     lambda: translate("ModelFiles", "is {size}, more than a model file may be ({most})")),
    (r"is more than a model file may be \((?P<most>.+)\)", lambda: translate("ModelFiles", "is more than a model file may be ({most})")),
    (r"too short to be a safetensors file \(truncated or empty\)",
     lambda: translate("ModelFiles", "too short to be a safetensors file (truncated or empty)")),
    (r"not a safetensors file, or a damaged one: its header would be (?P<size>.+) \(at most (?P<most>.+)\)",
     lambda: translate("ModelFiles", "not a safetensors file, or a damaged one: its header would be {size} (at most {most})")),
    (r"not a safetensors file, or truncated \(its header runs past the end\)",
     lambda: translate("ModelFiles", "not a safetensors file, or truncated (its header runs past the end)")),
    (r"not a safetensors file \(its header is not a JSON object\)",
     lambda: translate("ModelFiles", "not a safetensors file (its header is not a JSON object)")),
    (r"its header is not JSON \((?P<detail>.*)\)", lambda: translate("ModelFiles", "its header is not JSON ({detail})")),
    (r"damaged safetensors header: (?P<detail>.*)", lambda: translate("ModelFiles", "damaged safetensors header: {detail}")),
    (r"truncated: its header promises (?P<n>\d+) bytes of tensors, the file holds (?P<m>\d+)",
     lambda: translate("ModelFiles", "truncated: its header promises {n} bytes of tensors, the file holds {m}")),
    (r"truncated in tensor (?P<name>.+)", lambda: translate("ModelFiles", "truncated in tensor {name}")),
    (r"truncated in (?P<what>.+) \(expected (?P<n>\d+) bytes, found (?P<m>\d+)\)",
     lambda: translate("ModelFiles", "truncated in {what} (expected {n} bytes, found {m})")),
    (r"(?P<n>\d+) unexpected bytes after the tensors", lambda: translate("ModelFiles", "{n} unexpected bytes after the tensors")),
    (r"tensor (?P<name>.+) has dtype (?P<dtype>\S+); annviz reads weights stored as (?P<dtypes>.+) "
     r"\(in PyTorch: tensor\.float\(\)\)",
     lambda: translate("ModelFiles", "tensor {name} has dtype {dtype}; annviz reads weights stored as {dtypes} (in PyTorch: "
                "tensor.float())")),
    (r"tensor (?P<name>.+) holds NaN or infinite numbers", lambda: translate("ModelFiles", "tensor {name} holds NaN or infinite numbers")),
    (r"tensor (?P<name>.+) holds numbers too large for float32",
     lambda: translate("ModelFiles", "tensor {name} holds numbers too large for float32")),
    (r"tensor (?P<name>.+) is missing", lambda: translate("ModelFiles", "tensor {name} is missing")),
    (r"tensor (?P<name>.+) has shape (?P<shape>.+), expected (?P<expected>.+) from layer_sizes (?P<sizes>.+)",
     lambda: translate("ModelFiles", "tensor {name} has shape {shape}, expected {expected} from layer_sizes {sizes}")),
    (r"unexpected tensors (?P<names>.+)", lambda: translate("ModelFiles", "unexpected tensors {names}")),
    (r"a training recording, not an annviz model: open it with File → Open training recording",
     lambda: translate("ModelFiles", "a training recording, not an annviz model: open it with File → Open training recording")),
    (r"a safetensors file without annviz metadata, and not a network annviz understands: (?P<fault>.+?)\. "
     r"annviz opens its own models.*",
     lambda: translate("ModelFiles", "a safetensors file without annviz metadata, and not a network annviz understands: "
                "{fault}. annviz opens its own models, and PyTorch networks of nn.Linear layers only, "
                "named layers.0.weight … (nn.ModuleList), 0.weight … (nn.Sequential) or fc1.weight … "
                "(numbered names), taking 784 inputs")),
    # what annviz.nn.foreign says a PyTorch file's tensors lack (the {fault} above)
    (r"it holds no tensors", lambda: translate("ModelFiles", "it holds no tensors")),
    (r"tensor (?P<name>'.*') is not the weight or bias of a layer",
     lambda: translate("ModelFiles", "tensor {name} is not the weight or bias of a layer")),
    (r"(?P<n>\d+) layers, more than the (?P<most>\d+) annviz can hold",
     lambda: translate("ModelFiles", "{n} layers, more than the {most} annviz can hold")),
    (r"layer (?P<name>.+) has a bias but no weight", lambda: translate("ModelFiles", "layer {name} has a bias but no weight")),
    (r"tensor (?P<name>.+) has shape (?P<shape>.+), not the \(out, in\) of an nn\.Linear",
     lambda: translate("ModelFiles", "tensor {name} has shape {shape}, not the (out, in) of an nn.Linear")),
    (r"tensor (?P<name>\S+) has shape (?P<shape>.+), expected (?P<expected>\(\d+,\)) to go with (?P<weight>\S+) (?P<wshape>.+)",
     lambda: translate("ModelFiles", "tensor {name} has shape {shape}, expected {expected} to go with {weight} {wshape}")),
    (r"its first layer, (?P<name>.+), takes (?P<n>\d+) inputs, not the 784 pixels of a 28×28 image",
     lambda: translate("ModelFiles", "its first layer, {name}, takes {n} inputs, not the 784 pixels of a 28×28 image")),
    (r"the shapes do not chain: (?P<name>\S+) takes (?P<n>\d+) inputs, the layer before gives (?P<m>\d+)",
     lambda: translate("ModelFiles", "the shapes do not chain: {name} takes {n} inputs, the layer before gives {m}")),
    (r"layer (?P<name>.+) has (?P<n>\d+) neurons \(annviz holds 1 to (?P<most>\d+)\)",
     lambda: translate("ModelFiles", "layer {name} has {n} neurons (annviz holds 1 to {most})")),
    (r"layer name (?P<name>'.*') does not end in a number giving its order",
     lambda: translate("ModelFiles", "layer name {name} does not end in a number giving its order")),
    (r"the layer names (?P<names>.+) do not share one pattern",
     lambda: translate("ModelFiles", "the layer names {names} do not share one pattern")),
    (r"its annviz metadata is not a JSON object", lambda: translate("ModelFiles", "its annviz metadata is not a JSON object")),
    (r"its annviz metadata is not JSON \((?P<detail>.*)\)", lambda: translate("ModelFiles", "its annviz metadata is not JSON ({detail})")),
    (r"its annviz metadata is nested (?P<depth>\d+) levels deep \(at most (?P<most>\d+)\)",
     lambda: translate("ModelFiles", "its annviz metadata is nested {depth} levels deep (at most {most})")),
    (r"its annviz metadata holds a bad value: (?P<detail>.*)",
     lambda: translate("ModelFiles", "its annviz metadata holds a bad value: {detail}")),
    (r"its annviz metadata lacks layer_sizes or activations",
     lambda: translate("ModelFiles", "its annviz metadata lacks layer_sizes or activations")),
    (r"layer_sizes should be a list of whole numbers", lambda: translate("ModelFiles", "layer_sizes should be a list of whole numbers")),
    (r"layer_sizes (?P<sizes>.+) do not describe a network annviz can hold \((?P<limits>.+)\)",
     lambda: translate("ModelFiles", "layer_sizes {sizes} do not describe a network annviz can hold ({limits})")),
    (r"(?P<n>\d+) layers but (?P<m>\d+) activations", lambda: translate("ModelFiles", "{n} layers but {m} activations")),
    (r"unknown activation (?P<name>.+) \(known: (?P<known>.+)\)",
     lambda: translate("ModelFiles", "unknown activation {name} (known: {known})")),
    (r"unknown loss (?P<name>.+) \(known: (?P<known>.+)\)", lambda: translate("ModelFiles", "unknown loss {name} (known: {known})")),
    (r"class_names should be a list of strings", lambda: translate("ModelFiles", "class_names should be a list of strings")),
    (r"test_accuracy (?P<value>.+) is not between 0 and 1", lambda: translate("ModelFiles", "test_accuracy {value} is not between 0 and 1")),
    (r"(?P<key>\w+) should be (?P<kind>.+), not (?P<value>.+)",
     lambda: translate("ModelFiles", "{key} should be {kind}, not {value}")),
    (r"format_version (?P<value>.+) is not a version number",
     lambda: translate("ModelFiles", "format_version {value} is not a version number")),
    (r"format_version (?P<value>\S+) is newer than this annviz reads \(up to (?P<newest>\d+)\): update annviz to open it",
     lambda: translate("ModelFiles", "format_version {value} is newer than this annviz reads (up to {newest}): update annviz to open it")),
]]


def _kind(name: str) -> str:
    """A JSON type as ``safeio.check_field`` names it, translated."""
    return {"a string": translate("ModelFiles", "a string"), "an integer": translate("ModelFiles", "an integer"), "a number": translate("ModelFiles", "a number"),
            "true or false": translate("ModelFiles", "true or false"), "a list": translate("ModelFiles", "a list"), "an object": translate("ModelFiles", "an object")
            }.get(name, name)


def refusal(error: FileFormatError) -> str:
    """``error``'s one line — the file, then why it cannot be used — in the interface's language."""
    reason = translated_reason(error.reason or "")
    return reason if error.path is None else f"{error.path}: {reason}"


def translated_reason(reason: str) -> str:
    """``reason`` (a reader's English sentence) translated; unknown ones after a lead-in."""
    known = _known(reason)
    if known is not None:
        return known
    return translate("ModelFiles", "{detail}", "a reason no other pattern matches, shown as it is"
                     ).format(detail=reason)


def is_known(reason: str) -> bool:
    """Whether ``reason`` has its own translation (not only the lead-in), its parts included."""
    match = next((m for m in (p.fullmatch(reason) for p, _ in _REASONS) if m is not None), None)
    return match is not None and ("fault" not in match.groupdict() or is_known(match["fault"]))


def _known(reason: str) -> str | None:
    for pattern, template in _REASONS:
        match = pattern.fullmatch(reason)
        if match is not None:
            fields = match.groupdict()
            if "kind" in fields:                  # check_field's "a string or a list"
                fields["kind"] = translate("ModelFiles", " or ").join(
                    _kind(k) for k in re.split(r" or (?!false)", fields["kind"]))
            if "fault" in fields:                 # a PyTorch file's fault, inside the sentence
                fields["fault"] = _known(fields["fault"]) or fields["fault"]
            return template().format(**fields)
    return None
