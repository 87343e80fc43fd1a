"""Mutation testing of annviz/nn, annviz/lessons and annviz/safeio.py with mutmut: how many small
changes to the code (a `>=` for a `>`, a 2 for a 1, a string emptied, a line dropped…) the tests
catch.

    pip install mutmut==3.8.1          # not a dependency of annviz: only this script uses it
    python tests/benchmarks/bench_mutation.py [--workers 1] [--keep DIR] [--report FILE]

It copies the project into a scratch folder (``--keep`` to choose and keep it), configures mutmut
there (the three targets; their tests: tests/nn, tests/lessons, tests/test_safeio.py,
tests/test_setupfile.py, tests/data — tests/nn/test_layering.py runs subprocesses of the real
package, and the doctor's test that reads rules.py as text reads mutmut's rewritten copy: both
are left out; one process each, not the default run's xdist workers), runs ``mutmut run`` with ``--workers`` children (it is CPU-heavy: keep
it low on a shared machine; ~30 min with one), and prints the score per target and every
surviving mutant with its diff (``--report`` writes them to a file too).

Score: caught ÷ all, where caught is killed or timed out (a mutant that makes the tests hang is
caught) and a mutant no test runs counts as not caught. Target (issue 21): ≥ 90 % of the non-equivalent mutants killed; the README lists the
survivors and says which are equivalent (the same behaviour, e.g. a change to a default that
every caller overrides) and which are gaps. Not collected by pytest.
"""

from __future__ import annotations

import argparse
import collections
import json
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
TARGETS = ["annviz/nn/", "annviz/lessons/", "annviz/safeio.py"]
TESTS = ["tests/nn/", "tests/lessons/", "tests/test_safeio.py", "tests/test_setupfile.py", "tests/data/"]
CONFIG = f"""

[tool.mutmut]
source_paths = {json.dumps(TARGETS)}
pytest_add_cli_args_test_selection = {json.dumps(TESTS)}
also_copy = ["annviz", "resources", "models", "tests"]
pytest_add_cli_args = ["-p", "no:cacheprovider", "-q", "-x", "-n", "0", "--deselect", "tests/nn/test_layering.py",
                       "--deselect", "tests/nn/test_doctor_texts.py::test_every_fix_the_rules_can_give_has_a_text"]
"""
STATUS = {1: "killed", 3: "killed", 0: "survived", 5: "no tests", 33: "no tests", 36: "timeout",
          24: "timeout", -24: "timeout", 152: "timeout", 255: "timeout", -11: "segfault", -9: "segfault",
          None: "not checked"}


def prepare(folder: Path) -> None:
    for name in ("annviz", "tests", "resources", "models"):
        shutil.copytree(ROOT / name, folder / name, ignore=shutil.ignore_patterns("__pycache__", "screenshots"),
                        dirs_exist_ok=True)
    for name in ("pyproject.toml", "README.md", "LICENSE"):
        shutil.copy(ROOT / name, folder / name)
    with (folder / "pyproject.toml").open("a", encoding="utf-8") as f:
        f.write(CONFIG)


def results(folder: Path) -> dict[str, str]:
    """Mutant name → status, from mutmut's .meta files."""
    out = {}
    for meta in (folder / "mutants").rglob("*.meta"):
        for name, code in json.loads(meta.read_text(encoding="utf-8"))["exit_code_by_key"].items():
            out[name] = STATUS.get(code, "suspicious")
    return out


def target_of(name: str) -> str:
    module = name.split(".x")[0] if ".x" in name else name
    return next((t for t in TARGETS if module.replace(".", "/").startswith(t.rstrip("/").removesuffix(".py"))),
                module)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--workers", type=int, default=1)
    parser.add_argument("--keep", type=Path, help="the scratch folder (kept); a temporary one otherwise")
    parser.add_argument("--report", type=Path, help="write the survivors and their diffs here")
    parser.add_argument("--no-run", action="store_true", help="only read the results of an earlier run in --keep")
    args = parser.parse_args()
    folder = args.keep or Path(tempfile.mkdtemp(prefix="annviz-mutation-"))
    mutmut = Path(sys.executable).with_name("mutmut")
    if not args.no_run:
        prepare(folder)
        subprocess.run([str(mutmut), "run", "--max-children", str(args.workers)], cwd=folder, check=False)
    status = results(folder)
    by_target: dict[str, collections.Counter] = collections.defaultdict(collections.Counter)
    for name, s in status.items():
        by_target[target_of(name)][s] += 1
    lines = []
    total = collections.Counter()
    for target, counts in sorted(by_target.items()):
        total.update(counts)
        lines.append(f"{target}: {score_line(counts)}")
    lines.append(f"all: {score_line(total)}")
    survivors = sorted(n for n, s in status.items() if s in ("survived", "no tests", "suspicious"))
    kinds: collections.Counter = collections.Counter()
    details = []
    for name in survivors:
        diff = subprocess.run([str(mutmut), "show", name], cwd=folder, capture_output=True, text=True).stdout
        kind = judge(name, status[name], diff)
        kinds[kind] += 1
        details.append(f"## {name} ({status[name]}; {kind})\n{diff.strip()}\n")
    lines.append(f"{len(survivors)} not caught, by kind:")
    lines += [f"  {n:5d}  {kind}" for kind, n in kinds.most_common()]
    report = ["\n".join(lines), "", *details]
    print("\n".join(lines))
    if args.report:
        args.report.write_text("\n".join(report) + "\n", encoding="utf-8")
        print(f"survivors and their diffs: {args.report}")
    if args.keep is None and not args.no_run:
        shutil.rmtree(folder, ignore_errors=True)


#: How a surviving mutant is judged (the first that fits). The README gives the counts per kind.
KINDS = (
    ("vocabulary", "lessons vocabulary data: each name is checked against the window's widgets by "
                   "tests/gui/test_lessons_window.py, outside this run"),
    ("blas", "nn/blas.py: the BLAS library, exercised by the CLI and GUI tests outside this run"),
    ("no tests", "run by none of the tests of this run (covered by GUI or CLI tests, or a gap)"),
    ("message", "the words of a message (tests check which error and where, not every word)"),
    ("default", "a default argument every caller overrides (equivalent)"),
    ("gap", "a real gap: behaviour no test pins down"),
)


def judge(name: str, status: str, diff: str) -> str:
    changed = [line[1:] for line in diff.splitlines()
               if line[:1] in "+-" and not line.startswith(("+++", "---"))]
    if ".vocabulary." in name:
        return KINDS[0][1]
    if ".blas." in name:
        return KINDS[1][1]
    if status == "no tests":
        return KINDS[2][1]
    if any("XX" in line or "raise " in line or "RunFileError(" in line or "error(path" in line
           or "self.fail(" in line for line in changed):
        return KINDS[3][1]
    if any(line.lstrip().startswith("def ") for line in changed):
        return KINDS[4][1]
    return KINDS[5][1]


def score_line(counts: collections.Counter) -> str:
    caught = counts["killed"] + counts["timeout"]     # a mutant that hangs the tests is caught too
    counted = caught + counts["survived"] + counts["no tests"] + counts["suspicious"]
    share = 100 * caught / counted if counted else 0.0
    return (f"{share:.1f} % caught ({caught} of {counted}; {counts['timeout']} of them by a timeout; "
            f"{counts['survived']} survived, {counts['no tests']} run by no test)")


if __name__ == "__main__":
    main()
