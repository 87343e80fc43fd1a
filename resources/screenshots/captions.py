"""The README's captions of the screenshots come from the scripts that take them.

A script saves a shot with ``shot(widget, name, caption)``: the picture, and its caption in
``captions.json`` (file name → caption), written from what the script has just put on screen — the
probabilities it reads off the state, not numbers typed by hand. Then

    python resources/screenshots/captions.py

rewrites the alt text of every ``![…](resources/screenshots/NAME)`` line of the README from
``captions.json``. ``tests/test_readme.py`` checks that every picture the README shows has a
caption there and that the README says exactly that caption, so the two cannot drift apart.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
CAPTIONS = HERE / "captions.json"
README = HERE.parents[1] / "README.md"
IMAGE = re.compile(r"!\[([^\]]*)\]\(resources/screenshots/([^)\s]+)\)")


def load() -> dict[str, str]:
    return json.loads(CAPTIONS.read_text(encoding="utf-8")) if CAPTIONS.exists() else {}


def record(name: str, caption: str) -> None:
    """Keep ``caption`` for the picture ``name`` (a file in this folder)."""
    captions = load()
    captions[name] = caption
    CAPTIONS.write_text(json.dumps(dict(sorted(captions.items())), ensure_ascii=False, indent=1) + "\n",
                        encoding="utf-8")


def shot(widget, name: str, caption: str) -> Path:
    """Save a picture of ``widget`` as ``name`` here, and its caption."""
    path = HERE / name
    widget.grab().save(str(path))
    record(name, caption)
    return path


def each_language(take, default=("en", "ko")) -> None:
    """A screenshot script's main: ``take(app, lang, folder)`` for each language named on the
    command line (else ``default``), in one application, with a temporary folder for its files."""
    import tempfile

    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication([])
    with tempfile.TemporaryDirectory() as folder:
        for lang in sys.argv[1:] or list(default):
            take(app, lang, folder)


def percent(p: float) -> str:
    """A probability as the explorer writes it (``{p:.0%}``) with the README's space: "34 %"."""
    return f"{p:.0%}".replace("%", " %")


def sync_readme(readme: Path = README) -> int:
    """Rewrite the README's picture captions from captions.json; returns how many changed."""
    captions = load()
    text = readme.read_text(encoding="utf-8")
    changed = 0

    def caption(match: re.Match) -> str:
        nonlocal changed
        alt, name = match.groups()
        new = captions.get(name, alt)
        changed += new != alt
        return f"![{new}](resources/screenshots/{name})"

    readme.write_text(IMAGE.sub(caption, text), encoding="utf-8")
    return changed


if __name__ == "__main__":
    print(f"{sync_readme()} captions rewritten in {README}", file=sys.stderr)
