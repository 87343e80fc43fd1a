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


def test_every_picture_in_the_readme_says_the_caption_its_script_wrote():
    """The scripts in resources/screenshots write each shot's caption beside it (captions.json),
    from what they put on screen; the README's alt texts are rewritten from there."""
    import json
    import re

    captions = json.loads((ROOT / "resources" / "screenshots" / "captions.json").read_text(encoding="utf-8"))
    shown = re.findall(r"!\[([^\]]*)\]\(resources/screenshots/([^)\s]+)\)", (ROOT / "README.md").read_text())
    assert shown
    for alt, name in shown:
        assert (ROOT / "resources" / "screenshots" / name).is_file(), name
        assert captions.get(name) == alt, f"{name}: the README says {alt!r}, its script wrote {captions.get(name)!r}"


def test_the_caption_tool_rewrites_a_drifted_caption(tmp_path, monkeypatch):
    import sys

    sys.path.insert(0, str(ROOT / "resources" / "screenshots"))
    try:
        import captions
    finally:
        sys.path.pop(0)
    monkeypatch.setattr(captions, "CAPTIONS", tmp_path / "captions.json")
    captions.record("explorer-not-sure-ko.png", "not sure: " + captions.percent(0.3362) + " 7")
    readme = tmp_path / "README.md"
    readme.write_text("x\n![not sure: 30 % 8](resources/screenshots/explorer-not-sure-ko.png)\n")
    assert captions.sync_readme(readme) == 1
    assert readme.read_text() == "x\n![not sure: 34 % 7](resources/screenshots/explorer-not-sure-ko.png)\n"
