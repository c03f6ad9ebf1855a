"""The wheel carries the grammar: the installed CLI parses from any directory."""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from tests.conftest import FIXTURES, REPO

pytestmark = pytest.mark.integration


def test_wheel_contains_grammar_and_parses_elsewhere(tmp_path: Path) -> None:
    out = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q",
         "-w", str(tmp_path / "dist"), str(REPO)],
        capture_output=True, text=True, timeout=300, check=False,
    )  # fmt: skip
    if out.returncode != 0 and "No module named" in out.stderr:
        pytest.skip(f"cannot build a wheel here: {out.stderr.strip()[-200:]}")
    assert out.returncode == 0, out.stderr
    (wheel,) = (tmp_path / "dist").glob("dockyard-*.whl")
    names = zipfile.ZipFile(wheel).namelist()
    assert "builder/grammar/dockerfile.lark" in names
    site = tmp_path / "site"
    zipfile.ZipFile(wheel).extractall(site)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    env = {**os.environ, "PYTHONPATH": str(site), "HOME": str(tmp_path / "home")}
    run = subprocess.run(
        [sys.executable, "-m", "builder", "parse", "-f", str(FIXTURES / "example" / "Dockerfile")],
        cwd=elsewhere, env=env, capture_output=True, text=True, timeout=60, check=False,
    )  # fmt: skip
    assert run.returncode == 0, run.stderr
    assert "ENTRYPOINT" in run.stdout
    probe = subprocess.run(
        [sys.executable, "-c", "import builder.parser as p; print(p.__file__)"],
        cwd=elsewhere, env=env, capture_output=True, text=True, timeout=60, check=False,
    )  # fmt: skip
    assert probe.stdout.startswith(str(site))
