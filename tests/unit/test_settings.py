"""The root directory is absolute, however it is given: containers record paths in it."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from builder.settings import Settings, root_dir


def test_a_relative_root_is_made_absolute(tmp_path: Path,
                                          monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    assert root_dir("dy") == str(tmp_path / "dy")
    assert Settings.from_env("dy").root == tmp_path / "dy"
    monkeypatch.setenv("DOCKYARD_ROOT", "envroot")
    assert root_dir() == str(tmp_path / "envroot")
    assert Settings.from_env().root == tmp_path / "envroot"
    assert os.path.isabs(root_dir("/abs/../abs/x")) and root_dir("/abs/x") == "/abs/x"
