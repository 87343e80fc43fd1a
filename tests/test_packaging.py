"""Packaging: every package is listed, and the wheel, installed on its own, finds its bundled files."""

import json
import os
import shutil
import subprocess
import sys
import sysconfig
import tomllib
import zipfile
from pathlib import Path

import pytest

import annviz

ROOT = Path(__file__).resolve().parents[1]


def test_every_package_is_listed_in_pyproject():
    config = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["setuptools"]
    listed = set(config["packages"])
    found = {".".join(p.parent.relative_to(ROOT).parts) for p in (ROOT / "annviz").rglob("__init__.py")}
    assert found <= listed, f"add to pyproject.toml: {sorted(found - listed)}"


def test_the_version_is_written_once():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())
    assert "version" not in project["project"] and project["project"]["dynamic"] == ["version"]
    assert project["tool"]["setuptools"]["dynamic"]["version"] == {"attr": "annviz.__version__"}
    assert run(sys.executable, "-m", "annviz", "--version").strip() == f"annviz {annviz.__version__}"


def run(*args, **kwargs):
    result = subprocess.run([str(a) for a in args], capture_output=True, text=True, timeout=300, **kwargs)
    assert result.returncode == 0, f"{' '.join(map(str, args))}\n{result.stdout}\n{result.stderr}"
    return result.stdout


@pytest.mark.wheel
def test_the_installed_wheel_evaluates_a_bundled_model_beside_an_unrelated_models_package(tmp_path):
    # Build from a copy, so that build/ and *.egg-info never land in the checkout.
    source = tmp_path / "source"
    ignore = shutil.ignore_patterns("__pycache__", "*.egg-info", "screenshots")
    for name in ("annviz", "resources", "models"):
        shutil.copytree(ROOT / name, source / name, ignore=ignore)
    for name in ("pyproject.toml", "README.md", "LICENSE"):
        shutil.copy(ROOT / name, source / name)
    run(sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "--no-index",
        "-w", tmp_path / "dist", source)
    wheel, = (tmp_path / "dist").glob("annviz-*.whl")
    assert wheel.name.startswith(f"annviz-{annviz.__version__}-")  # the version, written once
    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())
        entry_points = archive.read(f"annviz-{annviz.__version__}.dist-info/entry_points.txt").decode()
    for icon in ["annviz.svg", *(f"annviz-{n}.png" for n in (16, 24, 32, 48, 64, 128, 256))]:
        assert f"annviz/_resources/icons/{icon}" in names
    assert {"annviz/_resources/annviz.desktop", "annviz/_resources/mnist/README.md",
            f"annviz-{annviz.__version__}.dist-info/licenses/LICENSE",
            f"annviz-{annviz.__version__}.dist-info/licenses/resources/mnist/LICENSE"} <= names
    with zipfile.ZipFile(wheel) as archive:
        metadata = archive.read(f"annviz-{annviz.__version__}.dist-info/METADATA").decode()
    # the wheel ships MNIST (CC BY-SA 3.0) beside the MIT code, and says so
    assert "License-Expression: MIT AND CC-BY-SA-3.0" in metadata.splitlines()
    assert "License-File: resources/mnist/LICENSE" in metadata.splitlines()
    lessons = {f"annviz/_resources/lessons/{p.name}" for p in (ROOT / "resources" / "lessons").iterdir()}
    assert len(lessons) == 11 and lessons <= names          # ten lessons and their README
    assert "[gui_scripts]\nannviz-gui = annviz.cli:gui" in entry_points

    # A fresh venv that sees the dependencies already installed here (a .pth line adds this
    # environment's site-packages after its own; .pth files there, such as an editable annviz's,
    # are not run) and holds somebody else's top-level `models` package.
    venv = tmp_path / "venv"
    run(sys.executable, "-m", "venv", "--without-pip", venv)
    python = venv / "bin" / "python"
    site = Path(run(python, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])").strip())
    (site / "deps.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")
    (site / "models").mkdir()
    (site / "models" / "__init__.py").write_text('"""Not annviz\'s."""\n')
    run(sys.executable, "-m", "pip", "--python", python, "install", "--no-deps", "--no-index", wheel)

    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "PYTHONHOME")}
    report = json.loads(run(venv / "bin" / "annviz", "evaluate", "mnist-classic", "--json",
                            cwd=elsewhere, env=env))
    assert report["accuracy"] > 0.9 and report["n_test"] == 10_000
    assert Path(report["model"]).is_relative_to(site / "annviz" / "_models")
    found = json.loads(run(python, "-c", "import json, annviz.paths as p, annviz.gui.i18n as i; print(json.dumps("
                           "[str(p.resources_dir()), sorted(f.name for f in i.i18n_dir().glob('*.qm'))]))",
                           cwd=elsewhere, env=env))
    assert found[0] == str(site / "annviz" / "_resources") and len(found[1]) >= 4
    assert (venv / "bin" / "annviz-gui").is_file()
