"""``--iidfile``: a file that cannot be written is a one-line error, never a traceback; a
missing directory is found before the build starts."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from builder.build.request import write_iidfile
from builder.cli.buildflags import parse_build, request_of
from builder.errors import FlagError, OutputError


def test_a_missing_directory_is_refused_before_the_build(tmp_path: Path) -> None:
    kw = parse_build(["--iidfile", str(tmp_path / "nope" / "id"), str(tmp_path)])
    assert kw is not None
    with pytest.raises(FlagError, match=r"invalid --iidfile .*nope/id.*no directory"):
        request_of(kw)
    kw = parse_build(["--iidfile", str(tmp_path / "id"), str(tmp_path)])
    assert kw is not None and request_of(kw).iidfile == str(tmp_path / "id")
    kw = parse_build(["--iidfile", "id", str(tmp_path)])  # relative: the working directory
    assert kw is not None and request_of(kw).iidfile == "id"


def test_a_file_that_cannot_be_written_is_a_flag_error(tmp_path: Path) -> None:
    write_iidfile(str(tmp_path / "id"), "sha256:abc")
    assert (tmp_path / "id").read_text() == "sha256:abc"
    with pytest.raises(OutputError, match=r"failed to write image ID to .*gone/id: No such file"):
        write_iidfile(str(tmp_path / "gone" / "id"), "sha256:abc")
    with pytest.raises(OutputError, match="Is a directory"):
        write_iidfile(str(tmp_path), "sha256:abc")


def test_the_command_line_shows_one_line(tmp_path: Path) -> None:
    (tmp_path / "Dockerfile").write_text("FROM scratch\n")
    out = subprocess.run(
        [sys.executable, "-m", "builder", "--root", str(tmp_path / "root"), "build",
         "--iidfile", "/nonexistent/dir/x", str(tmp_path)],
        capture_output=True, timeout=60, check=False,
    )  # fmt: skip
    assert out.returncode == 2, out.stderr
    assert b"Traceback" not in out.stderr
    assert b"invalid --iidfile '/nonexistent/dir/x'" in out.stderr
    assert not (tmp_path / "root").exists()
