"""Peak memory of ``annviz train --record`` beside the same run without ``--record``.

    python tests/benchmarks/bench_record_memory.py [--epochs 10] [--layers 128,64]

Each run is a separate process (its peak resident memory, ``ru_maxrss``, is the figure); the
recording is written to disk as the run goes (runfile.RecordingWriter), so the two peaks should be
within a few MB of each other. Target (issue 21): ``--record`` adds at most 20 MB. Not collected
by pytest.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from pathlib import Path


def peak_mb(argv: list[str]) -> float:
    """The peak resident memory of ``python -m annviz *argv`` in MB (a fresh child process)."""
    code = ("import resource, sys; from annviz.cli import main; status = main(sys.argv[1:]); "
            "print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, file=sys.stderr); sys.exit(status)")
    result = subprocess.run([sys.executable, "-c", code, *argv], capture_output=True, text=True, check=True)
    return int(result.stderr.strip().splitlines()[-1]) / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--epochs", type=int, default=10)
    parser.add_argument("--layers", default="128,64")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        base = ["train", "--layers", args.layers, "--activation", "relu", "--epochs", str(args.epochs),
                "--threads", "1", "--out", str(Path(folder) / "m.safetensors")]
        plain = peak_mb(base)
        record = Path(folder) / "r.annviz-run"
        recorded = peak_mb([*base, "--record", str(record)])
        size = record.stat().st_size / 2**20
    print(f"784-{args.layers.replace(',', '-')}-10, {args.epochs} epochs: peak {plain:.0f} MB without "
          f"--record, {recorded:.0f} MB with (+{recorded - plain:.0f} MB; the recording: {size:.0f} MB)")
    if recorded - plain > 20:
        sys.exit("above the target: --record adds more than 20 MB")


if __name__ == "__main__":
    main()
