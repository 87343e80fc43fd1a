"""The README's set-up commands are the ones CI runs."""

from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _commands(readme: str) -> list[str]:
    lines = readme.splitlines()
    return [line.strip() for line in lines[:20] if line.strip().startswith("python3 -m venv")]


def test_readme_opens_with_exactly_two_setup_commands_and_ci_runs_the_test_one():
    commands = _commands((ROOT / "README.md").read_text())
    assert len(commands) == 2
    install_and_open, test = commands
    assert install_and_open.endswith("annviz") and "pytest" in test
    assert test in (ROOT / ".ci" / "run").read_text()
