"""Hostile files of every kind, each loaded in a fresh interpreter: ``python tests/benchmarks/bench_hostile_files.py``.

Builds the worst files we know for each reader (issue 10) — model files, IDX files, images — and
prints, for each, what the reader said, the seconds (wall and processor) the load took and the
interpreter's peak resident memory (VmHWM: counted afresh after exec, whereas ``ru_maxrss`` would
carry over the forking parent's peak), with the peak of an interpreter that only imported the
reader, for reference. Targets: any image under 1 s and 300 MB; nothing else above a few hundred MB.
Needs ~0.6 GB of free disk in the temporary folder.
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[2]
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]

from annviz.data.idx import MAX_IDX_BYTES, idx_bytes  # noqa: E402
from annviz.data.images import MAX_PIXELS  # noqa: E402
from annviz.nn.tensorfile import MAX_HEADER_BYTES  # noqa: E402
from hostile_files import (  # noqa: E402
    idx_gzip_bomb,
    load_in_fresh_process,
    png_bomb,
    write_filtered_png,
)

READERS = {  # kind -> (setup, load): imports outside the timing, then the call
    "model": ("from annviz.nn.modelfile import load_model", "load_model"),
    "IDX": ("from annviz.data.idx import read_idx", "read_idx"),
    "image": ("from annviz.data.images import read_image\nimport PIL.Image, PIL.PngImagePlugin, "
              "PIL.JpegImagePlugin", "read_image"),
}


# --- model files -----------------------------------------------------------------------------

def safetensors_file(path: Path, meta_text: str, tensors: dict[str, tuple[str, tuple, bytes]]) -> Path:
    header, offset = {}, 0
    for name, (dtype, shape, data) in tensors.items():
        header[name] = {"dtype": dtype, "shape": list(shape), "data_offsets": [offset, offset + len(data)]}
        offset += len(data)
    header["__metadata__"] = {"annviz": meta_text}
    text = json.dumps(header).encode()
    text += b" " * (-len(text) % 8)
    with open(path, "wb") as f:
        f.write(len(text).to_bytes(8, "little") + text)
        for _, _, data in tensors.values():
            f.write(data)
    return path


def meta(sizes, **extra) -> str:
    return json.dumps({"format_version": 1, "layer_sizes": sizes,
                       "activations": ["relu"] * (len(sizes) - 2) + ["softmax"], **extra})


def small_tensors(sizes, dtype="F32", last_bias=None):
    item = {"F32": "<f4", "F64": "<f8"}[dtype]
    tensors = {}
    for i in range(len(sizes) - 1):
        tensors[f"layers.{i}.weight"] = (dtype, (sizes[i + 1], sizes[i]),
                                         np.zeros((sizes[i + 1], sizes[i]), item).tobytes())
        tensors[f"layers.{i}.bias"] = (dtype, (sizes[i + 1],), np.zeros(sizes[i + 1], item).tobytes())
    if last_bias is not None:
        n = len(sizes) - 2
        tensors[f"layers.{n}.bias"] = (dtype, (sizes[-1],), np.full(sizes[-1], last_bias, item).tobytes())
    return tensors


def model_files(folder: Path) -> list[tuple[str, Path]]:
    small = [784, 16, 10]
    out = []
    path = folder / "header-50MB.safetensors"
    with open(path, "wb") as f:
        f.write((50 * 2**20).to_bytes(8, "little") + b'{"a": "' + b"x" * (50 * 2**20 - 9) + b'"}')
    out.append(("50 MB header (real bytes)", path))
    out.append(("metadata nested 100,000 deep", safetensors_file(
        folder / "deep.safetensors", "[" * 100_000 + "]" * 100_000, small_tensors(small))))
    flood = [[]] * ((MAX_HEADER_BYTES - 8192) // 4)  # "[], " each: a header just under the cap
    out.append(("4 MiB header of empty lists (parses)", safetensors_file(
        folder / "flood.safetensors", meta(small, history={"flood": flood}), small_tensors(small))))
    out.append(("5,000-digit number", safetensors_file(
        folder / "digits.safetensors", meta(small).replace("16", "9" * 5000), small_tensors(small))))
    out.append(("F64 weights of 1e300", safetensors_file(
        folder / "1e300.safetensors", meta(small), small_tensors(small, "F64", last_bias=1e300))))
    big = [784] + [2048] * 8 + [10]  # 248 MB of F64, just under the cap; the last bias 1e300
    out.append(("248 MB of F64 weights, 1e300 at the end", safetensors_file(
        folder / "big-f64.safetensors", meta(big), small_tensors(big, "F64", last_bias=1e300))))
    out.append(("248 MB of F64 weights, valid (largest model)", safetensors_file(
        folder / "big-f64-ok.safetensors", meta(big), small_tensors(big, "F64"))))
    fifo = folder / "fifo.safetensors"
    os.mkfifo(fifo)
    out.append(("a FIFO", fifo))
    out.append(("/dev/zero", Path("/dev/zero")))
    return out


# --- IDX -------------------------------------------------------------------------------------

def idx_files(folder: Path) -> list[tuple[str, Path]]:
    ten = idx_bytes(np.zeros((10, 28, 28), np.uint8))
    n_max = (MAX_IDX_BYTES - 16) // 784
    largest = bytes([0, 0, 8, 3]) + b"".join(n.to_bytes(4, "big") for n in (n_max, 28, 28))
    wrap = bytes([0, 0, 8, 4]) + (65536).to_bytes(4, "big") * 4
    raw_claim = folder / "claims-256MiB-idx3-ubyte"
    raw_claim.write_bytes(largest + bytes(1000))
    return [
        ("gzip bomb: 1 GiB of zeros after 10 images", idx_gzip_bomb(folder / "bomb.gz", ten, 2**30)),
        (f"gzip of {n_max:,} images of zeros (the most allowed)", idx_gzip_bomb(
            folder / "largest.gz", largest, n_max * 784)),
        ("dims 65536^4 (wraps to 0 in int64)", idx_gzip_bomb(folder / "wrap.gz", wrap, 0)),
        ("raw header claiming 256 MiB, 1 kB of data", raw_claim),
    ]


# --- images ----------------------------------------------------------------------------------

def image_files(folder: Path) -> list[tuple[str, Path]]:
    from PIL import Image

    rng = np.random.default_rng(0)
    side = int(MAX_PIXELS ** 0.5) - 1  # 6323 x 6323, just under the limit
    yy, xx = np.mgrid[0:side, 0:side].astype(np.uint16)
    pattern = ((xx * 7 + yy * 3) % 256).astype(np.uint8)
    rgba = np.stack([pattern, pattern[::-1], pattern.T, (xx % 256).astype(np.uint8)], -1)
    Image.fromarray(rgba).save(folder / "rgba-40MP.png", compress_level=1)
    del rgba
    Image.fromarray(np.stack([pattern, pattern.T, pattern[::-1]], -1)).save(folder / "rgb-40MP.jpg", quality=90)
    deep = (yy.astype(np.uint32) * 10 % 65536).astype(np.uint16)
    Image.fromarray(deep).save(folder / "grey16-40MP.png", compress_level=1)
    del yy, xx, deep
    palette = Image.fromarray(pattern).convert("P")
    palette.info["transparency"] = bytes(range(256))
    palette.save(folder / "palette-alpha-40MP.png", compress_level=1)
    photo = np.clip(pattern[:3000, :4000, None].astype(int) + rng.integers(-20, 21, (3000, 4000, 3)),
                    0, 255).astype(np.uint8)
    write_filtered_png(folder / "photo-12MP-paeth.png", photo, filter_type=4)
    return [
        ("PNG bomb 30000 x 30000 (890 kB)", png_bomb(folder / "bomb-900MP.png", 30000, 30000)),
        ("PNG 8000 x 6000 (over 40 MP)", png_bomb(folder / "48MP.png", 8000, 6000)),
        ("PNG 6000 x 6000 + 1 GiB of zeros", png_bomb(folder / "padded.png", 6000, 6000, 2**30)),
        ("12 MP RGB photo, every row Paeth", folder / "photo-12MP-paeth.png"),
        ("40 MP RGBA PNG", folder / "rgba-40MP.png"),
        ("40 MP palette PNG with transparency", folder / "palette-alpha-40MP.png"),
        ("40 MP 16-bit grey PNG", folder / "grey16-40MP.png"),
        ("40 MP RGB JPEG", folder / "rgb-40MP.jpg"),
        ("/dev/zero", Path("/dev/zero")),
    ]


def main() -> None:
    builders: dict[str, Callable[[Path], list[tuple[str, Path]]]] = {
        "model": model_files, "IDX": idx_files, "image": image_files}
    print(f"{'kind':6} {'file':46} {'seconds':>8} {'cpu s':>6} {'peak MiB':>9}  outcome")
    for kind, build in builders.items():
        setup, load = READERS[kind]
        with tempfile.TemporaryDirectory() as folder:
            files = build(Path(folder))
            baseline = Path(folder) / "empty"
            baseline.write_bytes(b"")
            base = load_in_fresh_process(setup, load, baseline)
            print(f"{kind:6} {'(interpreter with the reader imported)':46} {'':>8} {'':>6} {base.peak_mib:9d}")
            for label, path in files:
                run = load_in_fresh_process(setup, load, path)
                shown = run.outcome.replace(str(path), path.name)
                print(f"{kind:6} {label:46} {run.seconds:8.3f} {run.cpu_seconds:6.3f} {run.peak_mib:9d}"
                      f"  {shown[:100]}", flush=True)


if __name__ == "__main__":
    main()
