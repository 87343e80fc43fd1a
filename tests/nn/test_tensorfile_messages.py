"""safetensors files written byte by byte (tensorfile.py reads models and recordings with them):
each damaged header gets its own exact line, every limit is accepted at its edge and refused one
past it, and the float dtypes annviz reads come back as the numbers they hold."""

from __future__ import annotations

import json
import warnings

import numpy as np
import pytest

from annviz.nn.tensorfile import file_size, read_float32, read_header
from annviz.safeio import FileFormatError


def raw(header, data=b"", n=None) -> bytes:
    text = header if isinstance(header, bytes) else json.dumps(header).encode()
    return (len(text) if n is None else n).to_bytes(8, "little") + text + data


def read(tmp_path, content: bytes) -> dict:
    path = tmp_path / "hand.safetensors"
    path.write_bytes(content)
    with open(path, "rb") as f:
        header = read_header(f, file_size(f), str(path), FileFormatError)
        return {name: read_float32(f, header, entry, str(path), FileFormatError)
                for name, entry in header.tensors.items()}


def refused(tmp_path, content: bytes) -> str:
    with pytest.raises(FileFormatError) as caught:
        read(tmp_path, content)
    prefix = f"{tmp_path / 'hand.safetensors'}: "
    assert str(caught.value).startswith(prefix)
    return str(caught.value)[len(prefix):]


def f32(name="w", shape=(2,), begin=0, dtype="F32", size=4):
    return {name: {"dtype": dtype, "shape": list(shape), "data_offsets": [begin, begin + size * int(np.prod(shape))]}}


BIG = [2**124] * 7
DAMAGED = "damaged safetensors header: "
DTYPES = "F32, F16, BF16, F64"

CASES = [
    ("empty", b"", "too short to be a safetensors file (truncated or empty)"),
    ("7 bytes", b"\0" * 7, "too short to be a safetensors file (truncated or empty)"),
    ("8 bytes: an empty header", (0).to_bytes(8, "little"), "its header is not valid JSON (the error is at character 0)"),
    ("a header of 5 MiB", raw(b"{}", n=5 * 2**20), "not a safetensors file, or a damaged one: its header would be "
                                                   "5 MiB (at most 4 MiB)"),
    ("a header of 4 MiB exactly", raw(b"{}", n=4 * 2**20),
     "not a safetensors file, or truncated (its header runs past the end)"),
    ("a header one byte past the end", raw(b"{}", n=3),
     "not a safetensors file, or truncated (its header runs past the end)"),
    ("a header that is a list", raw([1]), "not a safetensors file (its header is not a JSON object)"),
    ("a header nested 4 deep", raw({"w": {"shape": [[1]]}}), "its header is nested 4 levels deep (at most 3)"),
    ("metadata of numbers", raw({"__metadata__": {"a": 1}}), DAMAGED + "__metadata__ is not an object of strings"),
    ("metadata a list", raw({"__metadata__": ["a"]}), DAMAGED + "__metadata__ is not an object of strings"),
    ("an entry that is a number", raw({"w": 5}), DAMAGED + "tensor 'w' is not described by an object"),
    ("a long name", raw({"n" * 100: 5}), DAMAGED + f"tensor '{'n' * 80}' is not described by an object"),
    ("an unknown dtype", raw({"w": {"dtype": "Q8", "shape": [1], "data_offsets": [0, 1]}}),
     DAMAGED + f"tensor 'w' has dtype 'Q8', which annviz does not read (it reads {DTYPES})"),
    ("a long numeric dtype", raw({"w": {"dtype": 10**30, "shape": [1], "data_offsets": [0, 1]}}),
     DAMAGED + f"tensor 'w' has dtype '{'1' + '0' * 19}', which annviz does not read (it reads {DTYPES})"),
    ("a shape that is text", raw({"w": {"dtype": "F32", "shape": "2", "data_offsets": [0, 8]}}),
     DAMAGED + "tensor 'w' has a shape that is not a list of sizes"),
    ("a negative size", raw({"w": {"dtype": "F32", "shape": [2, -1], "data_offsets": [0, 8]}}),
     DAMAGED + "tensor 'w' has a shape that is not a list of sizes"),
    ("a size that is true", raw({"w": {"dtype": "F32", "shape": [True], "data_offsets": [0, 4]}}),
     DAMAGED + "tensor 'w' has a shape that is not a list of sizes"),
    ("9 dimensions", raw({"w": {"dtype": "F32", "shape": [1] * 9, "data_offsets": [0, 4]}}),
     DAMAGED + "tensor 'w' has a shape that is not a list of sizes"),
    ("one offset", raw({"w": {"dtype": "F32", "shape": [1], "data_offsets": [0]}}),
     DAMAGED + "tensor 'w' has data_offsets that are not two byte positions"),
    ("a negative offset", raw({"w": {"dtype": "F32", "shape": [1], "data_offsets": [-4, 0]}}),
     DAMAGED + "tensor 'w' has data_offsets that are not two byte positions"),
    ("an offset of 1.5", raw({"w": {"dtype": "F32", "shape": [1], "data_offsets": [0, 1.5]}}),
     DAMAGED + "tensor 'w' has data_offsets that are not two byte positions"),
    ("offsets too short", raw({"w": {"dtype": "F32", "shape": [2, 3], "data_offsets": [4, 24]}}),
     DAMAGED + "tensor 'w' of shape (2, 3) and dtype F32 needs 24 bytes, its offsets span 20"),
    ("one dimension", raw({"w": {"dtype": "F16", "shape": [3], "data_offsets": [0, 8]}}),
     DAMAGED + "tensor 'w' of shape (3,) and dtype F16 needs 6 bytes, its offsets span 8"),
    ("2^63 bytes", raw({"w": {"dtype": "U8", "shape": [2**63], "data_offsets": [0, 2**64 - 1]}}),
     DAMAGED + "tensor 'w' of shape (9.223e+18,) and dtype U8 needs 9.223e+18 bytes, its offsets span 1.845e+19"),
    ("2^63 - 1 bytes", raw({"w": {"dtype": "U8", "shape": [2**63 - 1], "data_offsets": [0, 1]}}),
     DAMAGED + "tensor 'w' of shape (9223372036854775807,) and dtype U8 needs 9223372036854775807 bytes, "
               "its offsets span 1"),
    ("2^998 bytes", raw({"w": {"dtype": "F32", "shape": [*BIG, 2**128], "data_offsets": [0, 1]}}),
     DAMAGED + f"tensor 'w' of shape ({', '.join(['2.127e+37'] * 7)}, 3.403e+38) and dtype F32 needs 2.679e+300 "
               "bytes, its offsets span 1"),
    ("2^999 bytes", raw({"w": {"dtype": "F32", "shape": [*BIG, 2**129], "data_offsets": [0, 1]}}),
     DAMAGED + f"tensor 'w' of shape ({', '.join(['2.127e+37'] * 7)}, 6.806e+38) and dtype F32 needs > 1e300 "
               "bytes, its offsets span 1"),
    ("a gap", raw({**f32("a"), **f32("b", begin=12)}, b"\0" * 20),
     DAMAGED + "tensor 'b' starts at byte 12, expected 8 (tensors overlap or leave gaps)"),
    ("an overlap", raw({**f32("a"), **f32("b", begin=4)}, b"\0" * 12),
     DAMAGED + "tensor 'b' starts at byte 4, expected 8 (tensors overlap or leave gaps)"),
    ("not from byte 0", raw(f32("a", begin=8), b"\0" * 16),
     DAMAGED + "tensor 'a' starts at byte 8, expected 0 (tensors overlap or leave gaps)"),
    ("a long name in a gap", raw(f32("g" * 90, begin=8), b"\0" * 16),
     DAMAGED + f"tensor '{'g' * 80}' starts at byte 8, expected 0 (tensors overlap or leave gaps)"),
    ("truncated", raw(f32("w", (6,)), b"\0" * 20), "truncated: its header promises 24 bytes of tensors, the file holds 20"),
    ("bytes after", raw(f32("w", (2,)), b"\0" * 12), "4 unexpected bytes after the tensors"),
    ("integers", raw(f32("w", (2,), dtype="I32"), b"\0" * 8),
     f"tensor w has dtype I32; annviz reads weights stored as {DTYPES} (in PyTorch: tensor.float())"),
    ("a long name of integers", raw(f32("i" * 90, (2,), dtype="I32"), b"\0" * 8),
     f"tensor {'i' * 80} has dtype I32; annviz reads weights stored as {DTYPES} (in PyTorch: tensor.float())"),
    ("NaN in F32", raw(f32("w"), np.array([1, np.nan], "<f4").tobytes()), "tensor w holds NaN or infinite numbers"),
    ("infinity in F16", raw(f32("w", dtype="F16", size=2), np.array([np.inf, 1], "<f2").tobytes()),
     "tensor w holds NaN or infinite numbers"),
    ("infinity in BF16", raw(f32("w", dtype="BF16", size=2), bytes.fromhex("803f807f")),
     "tensor w holds NaN or infinite numbers"),
    ("infinity in F64", raw(f32("x" * 90, dtype="F64", size=8), np.array([1, -np.inf], "<f8").tobytes()),
     f"tensor {'x' * 80} holds NaN or infinite numbers"),
    ("F64 beyond float32", raw(f32("w", dtype="F64", size=8), np.array([1, 1e300], "<f8").tobytes()),
     "tensor w holds numbers too large for float32"),
    ("a long name beyond float32", raw(f32("y" * 90, dtype="F64", size=8), np.array([1, -1e39], "<f8").tobytes()),
     f"tensor {'y' * 80} holds numbers too large for float32"),
    ("a long name of BF16 NaN", raw(f32("z" * 90, dtype="BF16", size=2), bytes.fromhex("c07f803f")),
     f"tensor {'z' * 80} holds NaN or infinite numbers"),
]


@pytest.mark.parametrize("content, english", [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_a_damaged_safetensors_file_gets_its_own_line(tmp_path, content, english):
    with warnings.catch_warnings():
        warnings.simplefilter("error")      # one line, and no NumPy warning on the command line
        assert refused(tmp_path, content) == english


def test_every_float_dtype_comes_back_as_float32_and_limits_are_accepted_at_their_edge(tmp_path):
    data = (np.array([1.5, -2.0], "<f4").tobytes() + np.array([0.25, 65504], "<f2").tobytes()
            + bytes.fromhex("c03f0040") + np.array([3.0, -1e38], "<f8").tobytes() + b"\1\2")
    header = {"__metadata__": {"k": "v"}, **f32("a"), **f32("h", begin=8, dtype="F16", size=2),
              **f32("b", begin=12, dtype="BF16", size=2), **f32("d", begin=16, dtype="F64", size=8),
              "e": {"dtype": "F32", "shape": [0, 3], "data_offsets": [32, 32]},
              "u": {"dtype": "U8", "shape": [1] * 7 + [2], "data_offsets": [32, 34]}}
    path = tmp_path / "hand.safetensors"
    path.write_bytes(raw(header, data))
    with open(path, "rb") as f:
        h = read_header(f, file_size(f), str(path), FileFormatError)
        assert h.metadata == {"k": "v"} and h.tensors["u"].shape == (1,) * 7 + (2,)
        got = {n: read_float32(f, h, e, str(path), FileFormatError) for n, e in h.tensors.items() if n != "u"}
    assert got["a"].tolist() == [1.5, -2.0] and got["h"].tolist() == [0.25, 65504.0]
    assert got["b"].tolist() == [1.5, 2.0] and got["d"].tolist() == [3.0, np.float32(-1e38)]
    assert got["e"].shape == (0, 3) and all(a.dtype == np.float32 for a in got.values())
    # the header length itself at its edges: a file of 8 bytes plus an empty object, nothing else
    assert read(tmp_path, raw(b"{}")) == {} and read(tmp_path, raw(b'{"__metadata__": null}')) == {}
