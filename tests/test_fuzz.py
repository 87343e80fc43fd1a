"""Every file kind, fuzzed: valid files mutated every way tests/fuzzing.py knows, and only the kind's
own error may come out — within a time and a memory bound per file.

A few hundred cases per kind here (deterministic: the same cases every run);
``tests/benchmarks/bench_fuzz.py`` runs the same test with thousands of random cases per kind
and prints, per kind, the cases, the worst time and the worst peak memory.
``ANNVIZ_FUZZ_EXAMPLES`` sets the cases per kind, ``ANNVIZ_FUZZ_RANDOM=1`` draws new ones, and
``ANNVIZ_FUZZ_REPORT=FILE`` writes the figures as JSON.
"""

from __future__ import annotations

import json
import os
from dataclasses import asdict

import pytest
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from fuzzing import Stats, kinds, measure, write_folder

KINDS = kinds()
EXAMPLES = int(os.environ.get("ANNVIZ_FUZZ_EXAMPLES", "100"))
RANDOM = os.environ.get("ANNVIZ_FUZZ_RANDOM") == "1"
#: On a machine shared with other work a case may take a few times longer than on a quiet one;
#: a reader that hangs, loops or grows with a declared size goes far past these.
SLOWER_HERE = float(os.environ.get("ANNVIZ_FUZZ_SLACK", "4"))
STATS: dict[str, Stats] = {}


@pytest.fixture(scope="module", autouse=True)
def report():
    yield
    path = os.environ.get("ANNVIZ_FUZZ_REPORT")
    if path:
        with open(path, "w") as f:
            json.dump({name: asdict(stats) for name, stats in STATS.items()}, f, indent=1)


@pytest.mark.parametrize("name", list(KINDS))
def test_a_mutated_file_gives_the_file_or_its_kinds_error_within_bounds(name, tmp_path_factory, rearm_watchdog):
    kind = KINDS[name]
    where = tmp_path_factory.mktemp(f"fuzz-{name}")
    seeds = kind.seed_list(where / "seeds")
    stats = STATS.setdefault(name, Stats())

    @settings(max_examples=EXAMPLES, deadline=None, derandomize=not RANDOM, database=None,
              suppress_health_check=list(HealthCheck), print_blob=True,
              phases=[Phase.explicit, Phase.reuse, Phase.generate, Phase.shrink])   # no line tracing
    @given(st.data())
    def case(data):
        rearm_watchdog()                     # each case may not block for long, the run may be long
        seed = data.draw(st.sampled_from(seeds), label="seed")
        mutated = data.draw(kind.mutate(seed), label="mutated")
        target = where / f"case{kind.suffix}"
        if kind.folder:
            write_folder(target, mutated)
        else:
            target.write_bytes(mutated)
        outcome = measure(lambda: kind.read(target), kind.error)
        stats.add(outcome, f"{outcome.error or 'read'}"[:200])
        assert outcome.seconds < kind.max_seconds * SLOWER_HERE, f"{outcome.seconds:.1f} s: {outcome.error}"
        assert outcome.python_mib < kind.max_mib, f"{outcome.python_mib:.0f} MiB (Python): {outcome.error}"
        assert outcome.rss_mib < kind.max_mib, f"{outcome.rss_mib:.0f} MiB (resident): {outcome.error}"
        if outcome.error is not None:
            assert str(where) in outcome.error or name in ("setup", "digits"), outcome.error

    case()
