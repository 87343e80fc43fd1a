"""Benchmark of "Teach it my handwriting" (issue 14): ``python tests/benchmarks/bench_teach.py``.

For each synthetic writer (tests/writers.py), a folder in the 0/ … 9/ layout with 5 drawings of
each digit to teach from and 50 more of each held out, then ``annviz teach`` run in-process on it,
with replay (the defaults) and without (``--replay 0``). Targets for mnist-classic: held-out
accuracy up by at least 10 points, MNIST test accuracy down by at most 1 point, at most 10 s.
``--model mnist-best`` measures the other bundled model. Prints a Markdown table and the load.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import json
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

from annviz import cli  # noqa: E402
from annviz.data.images import write_png  # noqa: E402
from annviz.data.mydigits import DigitFolder  # noqa: E402
from writers import WRITERS, write  # noqa: E402

TRAIN, HELD_OUT = 5, 50


def writer_folder(writer: str, root: Path) -> Path:
    """The writer's digits as another tool would leave them: PNGs, dark ink on light paper.
    The sides are recorded in an index so that exactly TRAIN of each digit are taught."""
    folder = root / writer
    index = {"format_version": 1, "held_out_share": 0.2, "digits": {}}
    for side, (per_digit, seed, skip) in {"train": (TRAIN, 1, 0), "held-out": (HELD_OUT, 2, TRAIN)}.items():
        canvases, labels = write(writer, per_digit, seed=seed, skip=skip)
        for k, (canvas, label) in enumerate(zip(canvases, labels)):
            (folder / str(label)).mkdir(parents=True, exist_ok=True)
            name = f"{side}-{k:03}.png"
            write_png(folder / str(label) / name, 255 - canvas)
            index["digits"][f"{label}/{name}"] = {"side": side}
    (folder / "annviz-digits.json").write_text(json.dumps(index))
    counts = DigitFolder(folder, strict=True).counts()
    assert counts[:, 0].tolist() == [TRAIN] * 10 and counts[:, 1].tolist() == [HELD_OUT] * 10
    return folder


def run_teach(model: str, folder: Path, out: Path, *extra: str) -> tuple[dict, float]:
    stdout = io.StringIO()
    start = time.perf_counter()
    with contextlib.redirect_stdout(stdout), contextlib.redirect_stderr(io.StringIO()):
        status = cli.main(["teach", model, str(folder), "--out", str(out), "--json", *extra])
    seconds = time.perf_counter() - start
    assert status == 0, status
    return json.loads(stdout.getvalue()), seconds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model", default="mnist-classic")
    args = parser.parse_args()
    print(f"load average before: {os.getloadavg()[0]:.2f} (2 cores)")
    print(f"model {args.model}; {TRAIN} digits of each label taught, {HELD_OUT} of each held out\n")
    print("| writer | replay | held-out before → after | MNIST test before → after | teach s | whole command s |")
    print("| --- | --- | --- | --- | --- | --- |")
    with tempfile.TemporaryDirectory() as tmp:
        for writer in WRITERS:
            folder = writer_folder(writer, Path(tmp))
            for label, extra in (("2,000 (default)", ()), ("none", ("--replay", "0"))):
                report, seconds = run_teach(args.model, folder, Path(tmp) / "out.safetensors", *extra)
                b, a = report["before"], report["after"]
                print(f"| {writer} | {label} | {b['held_out']:.1%} → {a['held_out']:.1%} "
                      f"({(a['held_out'] - b['held_out']) * 100:+.1f}) | {b['mnist']:.2%} → {a['mnist']:.2%} "
                      f"({(a['mnist'] - b['mnist']) * 100:+.2f}) | {report['seconds']:.1f} | {seconds:.1f} |",
                      flush=True)
                if extra == ():
                    per = [f"{d}: {x:.0%}→{y:.0%}" for d, (x, y) in
                           enumerate(zip(b["held_out_per_label"], a["held_out_per_label"]))]
                    print(f"|  | per digit | {', '.join(per)} | | | |")
    print(f"\nload average after: {os.getloadavg()[0]:.2f}")


if __name__ == "__main__":
    main()
