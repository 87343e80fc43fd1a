"""Mutation testing of annviz/nn, annviz/lessons and annviz/safeio.py with mutmut: how many small
changes to the code (a `>=` for a `>`, a 2 for a 1, a string emptied, a line dropped…) the tests
catch.

    pip install mutmut==3.8.1          # not a dependency of annviz: only this script uses it
    python tests/benchmarks/bench_mutation.py [--workers 1] [--keep DIR] [--report FILE]

It copies the project into a scratch folder (``--keep`` to choose and keep it), configures mutmut
there (the three targets; their tests: tests/nn, tests/lessons, tests/test_safeio.py, tests/test_safeio_said.py,
tests/test_setupfile.py, tests/data — tests/nn/test_layering.py runs subprocesses of the real
package, and the doctor's test that reads rules.py as text reads mutmut's rewritten copy: both
are left out; one process each, not the default run's xdist workers), runs ``mutmut run`` with ``--workers`` children (it is CPU-heavy: keep
it low on a shared machine; ~30 min with one), and prints the score per target and every
surviving mutant with its diff (``--report`` writes them to a file too).

Score: caught ÷ the non-equivalent mutants, where caught is killed or timed out (a mutant that
makes the tests hang is caught), a mutant no test runs counts as not caught, and a mutant is
equivalent only when it is listed, with the reason, in tests/benchmarks/mutation_equivalent/*.txt
(``module.function :: change :: why``; the change as the report writes it). Target (issue 21):
≥ 90 %. ``--report docs/mutation.md`` lists every mutant not caught, judged: equivalent (with its
reason), no tests, a message's words, or a gap. ``--keep DIR --again`` runs again only what the
last run in DIR did not catch (after tests were added; a caught mutant stays caught). Faster, in
one process: ``--keep DIR --no-run --recheck`` runs the tests added or changed since DIR's run
against what it did not catch, ``--unrun`` every test that calls the mutated function against
each mutant the run never reached (the fastest test first, a hang caught by a time limit); both
keep their verdicts in DIR, as they go.
Not collected by pytest.
"""

from __future__ import annotations

import argparse
import ast
import collections
import difflib
import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
TARGETS = ["annviz/nn/", "annviz/lessons/", "annviz/safeio.py"]
TESTS = ["tests/nn/", "tests/lessons/", "tests/test_safeio.py", "tests/test_safeio_said.py", "tests/test_setupfile.py",
         "tests/data/"]
#: Left out of every run: they run subprocesses of the real package, or read rules.py as text.
DESELECT = ["tests/nn/test_layering.py", "tests/nn/test_doctor_texts.py::test_every_fix_the_rules_can_give_has_a_text"]
DESELECT_ARGS = [arg for name in DESELECT for arg in ("--deselect", name)]
CONFIG = f"""

[tool.mutmut]
source_paths = {json.dumps(TARGETS)}
pytest_add_cli_args_test_selection = {json.dumps(TESTS)}
also_copy = ["annviz", "resources", "models", "tests"]
pytest_add_cli_args = {json.dumps(["-p", "no:cacheprovider", "-q", "-x", "-n", "0", *DESELECT_ARGS])}
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
    commit = subprocess.run(["git", "rev-parse", "HEAD"], cwd=ROOT, capture_output=True, text=True).stdout.strip()
    (folder / "SOURCE_COMMIT").write_text(commit + "\n", encoding="utf-8")


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
    parser.add_argument("--report", type=Path, help="write the survivors, judged, here (Markdown)")
    parser.add_argument("--no-run", action="store_true", help="only read the results of an earlier run in --keep")
    parser.add_argument("--again", action="store_true",
                        help="with --keep of an earlier run: run again only the mutants it did not catch "
                             "(after tests were added), keeping the verdicts of those it caught")
    parser.add_argument("--recheck", action="store_true",
                        help="with --keep of an earlier run: run the tests added or changed since its commit "
                             "against each mutant it did not catch (only the tests that call the mutated "
                             "function), in one process; a mutant they fail is caught")
    parser.add_argument("--unrun", action="store_true",
                        help="with --keep of an earlier run: also run each mutant it never reached with every "
                             "test that calls the mutated function, in the same one process as --recheck")
    args = parser.parse_args()
    folder = args.keep or Path(tempfile.mkdtemp(prefix="annviz-mutation-"))
    mutmut = Path(sys.executable).with_name("mutmut")
    if not args.no_run:
        prepare(folder)
        if args.again:
            print(f"{forget_not_caught(folder)} mutants not caught before will run again")
        subprocess.run([str(mutmut), "run", "--max-children", str(args.workers)], cwd=folder, check=False)
    status = results(folder)
    if args.recheck or args.unrun:
        recheck(folder, status, again=args.recheck, unrun=args.unrun)     # its verdicts kept in the folder
        status = results(folder)
    diffs = mutant_diffs(folder)
    equivalent = read_equivalent(ROOT / "tests" / "benchmarks" / "mutation_equivalent")
    by_target: dict[str, collections.Counter] = collections.defaultdict(collections.Counter)
    judged: dict[str, tuple[str, str]] = {}
    for name, s in status.items():
        if s in ("survived", "no tests", "suspicious"):
            judged[name] = judge(name, s, diffs.get(name, ""), equivalent)
            if judged[name][0] == "equivalent":
                s = "equivalent"
        by_target[target_of(name)][s] += 1
    lines = []
    total: collections.Counter = collections.Counter()
    for target, counts in sorted(by_target.items()):
        total.update(counts)
        lines.append(f"{target}: {score_line(counts)}")
    lines.append(f"all: {score_line(total)}")
    kinds = collections.Counter(kind for kind, _ in judged.values())
    lines.append(f"{len(judged)} not caught, by kind:")
    lines += [f"  {n:5d}  {kind}: {KINDS[kind]}" for kind, n in kinds.most_common()]
    print("\n".join(lines))
    if args.report:
        args.report.write_text(report(lines, judged, diffs, status), encoding="utf-8")
        print(f"survivors and their judgement: {args.report}")
    if args.keep is None and not args.no_run:
        shutil.rmtree(folder, ignore_errors=True)


RECHECK_PLUGIN = """
import json, os, signal, sys, time
from _pytest.runner import runtestprotocol
from mutmut.mutation import trampoline


class Hung(Exception):
    pass


def _hung(signum, frame):
    raise Hung("the test ran past its time limit with this mutant")


def run(item, limit=None):
    \"\"\"(failed, timed out) of one test; ``limit`` seconds at most (a hang counts as caught).\"\"\"
    if limit:
        signal.signal(signal.SIGALRM, _hung)
        signal.setitimer(signal.ITIMER_REAL, limit)
    try:
        reports = runtestprotocol(item, nextitem=None, log=False)
    except Hung:
        return True, True
    finally:
        if limit:
            signal.setitimer(signal.ITIMER_REAL, 0)
    hung = any(r.failed and "Hung" in str(r.longrepr) for r in reports)
    return any(r.failed for r in reports), hung


def pytest_runtestloop(session):
    job = json.load(open(os.environ["RECHECK_NAMES"], encoding="utf-8"))
    calls, current = {}, [None]
    trampoline.record_trampoline_hit = lambda name, caller=None: calls.setdefault(name, set()).add(current[0])
    trampoline.set_mutant_under_test("stats")
    os.environ["MUTANT_UNDER_TEST"] = "stats"
    took = {}
    for item in session.items:                      # the code of the run, no mutant: which tests
        current[0] = item.nodeid                    # pass, how long each takes, and which
        start = time.perf_counter()                 # functions each one calls
        if not run(item)[0]:
            took[item.nodeid] = time.perf_counter() - start
    by_id = {item.nodeid: item for item in session.items if item.nodeid in took}
    new_files = tuple(job["new_files"])
    out = {"failing without a mutant": sorted(set(i.nodeid for i in session.items) - set(by_id))}
    def save():                                      # as it goes: a run stopped keeps what it found
        json.dump(out, open(os.environ["RECHECK_OUT"], "w", encoding="utf-8"))
    save()
    for done, (name, which) in enumerate(job["names"].items()):
        if done % 50 == 0:
            save()
            print(f"recheck: {done} of {len(job['names'])} mutants", file=sys.__stderr__, flush=True)
        tests = sorted((t for t in calls.get(name.partition("__mutmut_")[0], ()) if t in by_id
                        and (which == "all" or t.split("::")[0] in new_files)), key=lambda t: (took[t], t))
        if not tests:
            out[name] = "no tests" if which == "all" else None
            continue
        trampoline.set_mutant_under_test(name)
        os.environ["MUTANT_UNDER_TEST"] = name
        out[name] = None
        for nodeid in tests:                         # the fastest first, as mutmut orders them
            failed, hung = run(by_id[nodeid], limit=10 * took[nodeid] + 5)
            if failed:
                out[name] = ("timeout:" if hung else "") + nodeid
                break
    save()
    return True
"""


def recheck(folder: Path, status: dict[str, str], again: bool = True, unrun: bool = False) -> dict[str, str | None]:
    """Mutant → the first test that fails with it ("timeout:" before it when the test hung;
    "no tests" when none calls the mutated function; None: none fails), run in one process.

    Every mutant the run in ``folder`` did not catch meets the tests of TESTS added or changed
    since the run's commit (with ``again``). With ``unrun``, every mutant the run did not reach meets every test
    of TESTS that calls the mutated function, the fastest first (what mutmut itself would run).
    A test that fails on the run's own code is left out (and listed). The verdicts are kept in
    mutmut's files (:func:`keep`), so that the next recheck and report start from them; a recheck
    stopped half-way keeps what it found."""
    commit = (folder / "SOURCE_COMMIT").read_text(encoding="utf-8").strip()
    changed = subprocess.run(["git", "diff", "--name-only", "--diff-filter=AM", commit, "--", *TESTS], cwd=ROOT,
                             capture_output=True, text=True, check=True).stdout.split()
    new_files = [t for t in changed if Path(t).name.startswith("test_") and t.endswith(".py")]
    names = {n: "new" for n, s in status.items()
             if s in ("survived", "no tests", "suspicious") and new_files and again}
    if unrun:
        names.update({n: "all" for n, s in status.items() if s == "not checked"})
    tests = TESTS if unrun else new_files
    print(f"rechecking {sum(1 for w in names.values() if w == 'new')} mutants not caught with the "
          f"{len(new_files)} test files added or changed since {commit[:7]}"
          + (f", and running {sum(1 for w in names.values() if w == 'all')} never run with every test" if unrun
             else ""))
    if not names:
        return {}
    mutants = folder / "mutants"
    for name in ("tests", "resources", "models"):     # the data the tests read, as they are now
        shutil.copytree(ROOT / name, mutants / name, dirs_exist_ok=True,
                        ignore=shutil.ignore_patterns("__pycache__", "screenshots"))
    (mutants / "annviz_recheck.py").write_text(RECHECK_PLUGIN, encoding="utf-8")
    (mutants / "recheck_names.json").write_text(json.dumps({"names": names, "new_files": new_files}),
                                                encoding="utf-8")
    out = mutants / "recheck.json"
    env = dict(os.environ, RECHECK_NAMES=str(mutants / "recheck_names.json"), RECHECK_OUT=str(out),
               PYTHONPATH=str(mutants), QT_QPA_PLATFORM="offscreen")
    if out.exists():                 # what a recheck stopped half-way found: kept before this one
        keep(folder, {k: v for k, v in json.loads(out.read_text(encoding="utf-8")).items()
                      if k != "failing without a mutant"})
        out.unlink()
    subprocess.run([sys.executable, "-m", "pytest", "-p", "annviz_recheck", "-p", "no:cacheprovider", "-q",
                    "-n", "0", *DESELECT_ARGS, *tests], cwd=mutants, env=env, stdout=subprocess.DEVNULL, check=False)
    if not out.exists():
        return {}
    found = json.loads(out.read_text(encoding="utf-8"))
    failing = found.pop("failing without a mutant")
    keep(folder, found)
    if failing:
        print(f"{len(failing)} tests fail on the run's code (it is older than the tests) and were left out:")
        print("\n".join(f"  {t}" for t in failing))
    print(f"{sum(1 for k in found.values() if k and k != 'no tests')} of {len(names)} caught")
    return found


#: mutmut's exit codes for a recheck's verdicts (STATUS reads them back).
CODES = {"killed": 1, "timeout": 36, "no tests": 33, "survived": 0}


def verdict(found: str | None) -> str:
    """A recheck's answer for one mutant as a status: the test that failed, "timeout:" and the test
    that hung, "no tests", or None (survived)."""
    if found is None:
        return "survived"
    if found == "no tests":
        return "no tests"
    return "timeout" if found.startswith("timeout:") else "killed"


def keep(folder: Path, found: dict[str, str | None]) -> None:
    """Write a recheck's verdicts into mutmut's .meta files. A mutant caught before stays caught."""
    for meta in (folder / "mutants").rglob("*.meta"):
        data = json.loads(meta.read_text(encoding="utf-8"))
        codes, changed = data["exit_code_by_key"], False
        for name in codes.keys() & found.keys():
            new = verdict(found[name])
            if STATUS.get(codes[name], "suspicious") not in ("killed", "timeout") and new != "survived" or \
                    codes[name] is None:
                codes[name], changed = CODES[new], True
        if changed:
            meta.write_text(json.dumps(data), encoding="utf-8")


def forget_not_caught(folder: Path) -> int:
    """Set the verdict of every mutant not caught to "not run", so that mutmut runs it again."""
    n = 0
    for meta in (folder / "mutants").rglob("*.meta"):
        data = json.loads(meta.read_text(encoding="utf-8"))
        codes = data["exit_code_by_key"]
        for name, code in codes.items():
            if STATUS.get(code, "suspicious") in ("survived", "no tests", "suspicious"):
                codes[name] = None
                n += 1
        meta.write_text(json.dumps(data), encoding="utf-8")
    return n


def mutant_diffs(folder: Path) -> dict[str, str]:
    """Mutant name → its change, as "-old line | +new line" (stripped), read from mutmut's
    mutated copies of the sources (each function's original and mutants sit side by side)."""
    out = {}
    for path in (folder / "mutants" / "annviz").rglob("*.py"):
        source = path.read_text(encoding="utf-8")
        if "__mutmut_orig" not in source:
            continue
        module = ".".join(path.relative_to(folder / "mutants").with_suffix("").parts)
        lines = source.splitlines()
        functions = {node.name: lines[node.lineno - 1:node.end_lineno] for node in ast.walk(ast.parse(source))
                     if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef) and "__mutmut_" in node.name}
        for name, body in functions.items():
            base, _, number = name.rpartition("__mutmut_")
            if number == "orig":
                continue
            original = [line.replace(f"{base}__mutmut_orig", base)       # the def line too: a default
                        for line in functions.get(f"{base}__mutmut_orig", [])]
            body = [line.replace(name, base) for line in body]
            changed = [line.strip() for line in difflib.unified_diff(original, body, lineterm="", n=0)
                       if line[:1] in "+-" and not line.startswith(("+++", "---"))]
            out[f"{module}.{name}"] = " | ".join(changed)
    return out


def key_of(name: str) -> str:
    """A mutant's module and function without mutmut's number: with its change, the key of a
    judgement (the number changes when the function is edited; the key and change do not)."""
    return name.rpartition("__mutmut_")[0] or name


def read_equivalent(folder: Path) -> dict[tuple[str, str], str]:
    """(key, change) → why it is equivalent, from ``KEY :: CHANGE :: why`` lines."""
    out = {}
    for path in sorted(folder.glob("*.txt")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip() and not line.startswith("#"):
                key, change, why = (part.strip() for part in line.split(" :: ", 2))
                out[key, change] = why
    return out


#: How a mutant that was not caught is judged. The README gives the counts per kind.
KINDS = {
    "equivalent": "no input can tell it from the code (each with its reason in "
                  "tests/benchmarks/mutation_equivalent/)",
    "no tests": "run by none of the tests of this run (a gap: the code is only tested from the GUI or "
                "the command line, or not at all)",
    "message": "changes the words or the arguments of a message only: a gap (a message is behaviour)",
    "gap": "a real gap: behaviour no test pins down",
}


def judge(name: str, status: str, diff: str, equivalent: dict[tuple[str, str], str]) -> tuple[str, str]:
    """(kind, why) of a mutant that was not caught."""
    why = equivalent.get((key_of(name), diff))
    if why is not None:
        return "equivalent", why
    if status == "no tests":
        return "no tests", ""
    changed = [part[1:] for part in diff.split(" | ")]
    if any("raise " in line or "Error(" in line or "self.fail(" in line for line in changed):
        return "message", ""
    return "gap", ""


def report(summary: list[str], judged: dict[str, tuple[str, str]], diffs: dict[str, str],
           status: dict[str, str]) -> str:
    out = ["# Mutation testing: every change the tests did not catch, judged", "",
           "Made by `tests/benchmarks/bench_mutation.py --report` (do not edit by hand).", "", "```",
           *summary, "```", ""]
    for kind in KINDS:
        names = sorted(n for n, (k, _) in judged.items() if k == kind)
        if not names:
            continue
        out += [f"## {kind} ({len(names)})", "", KINDS[kind], ""]
        for name in names:
            why = judged[name][1]
            out.append(f"- `{key_of(name)}` ({status[name]}): `{diffs.get(name, '?')[:300]}`"
                       + (f" — {why}" if why else ""))
        out.append("")
    return "\n".join(out)


def score_line(counts: collections.Counter) -> str:
    caught = counts["killed"] + counts["timeout"]     # a mutant that hangs the tests is caught too
    counted = caught + counts["survived"] + counts["no tests"] + counts["suspicious"]
    share = 100 * caught / counted if counted else 0.0
    return (f"{share:.1f} % of the non-equivalent caught ({caught} of {counted}; {counts['timeout']} of them by "
            f"a timeout; {counts['survived']} survived, {counts['no tests']} run by no test; "
            f"{counts['equivalent']} equivalent left out; {counts['not checked']} not run)")


if __name__ == "__main__":
    main()
