"""``dockyard parse`` end to end through the real entry point (a subprocess)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from tests.conftest import CONFORMANCE, FIXTURES

EXAMPLE = FIXTURES / "example" / "Dockerfile"


def dockyard(
    *args: str, stdin: bytes | None = None, cwd: Path | None = None
) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "builder", *args], input=stdin, capture_output=True, cwd=cwd,
        timeout=60, check=False,
    )  # fmt: skip


def test_text_listing() -> None:
    out = dockyard("parse", "-f", str(EXAMPLE))
    assert out.returncode == 0, out.stderr
    text = out.stdout.decode()
    assert "FROM        scratch AS base" in text
    assert "<<EOF" in text


def test_json_is_stable_and_complete() -> None:
    out = dockyard("parse", "-f", str(EXAMPLE), "--format", "json")
    data = json.loads(out.stdout)
    assert data["directives"] == {"syntax": "docker/dockerfile:1"}
    names = [i["instruction"] for i in data["instructions"]]
    assert names[:3] == ["FROM", "COPY", "RUN"]
    copy_from = next(i for i in data["instructions"] if i["flags"] == ["--from=page"])
    assert copy_from["fields"]["from"] == "page" and copy_from["line"] == 19


def test_ast_matches_buildkit_result() -> None:
    case = CONFORMANCE / "buildkit/frontend/dockerfile/parser/testfiles/docker"
    out = dockyard("parse", "-f", str(case / "Dockerfile"), "--format", "ast")
    assert out.stdout == (case / "result").read_bytes()


def test_stdin_and_default_file(tmp_path: Path) -> None:
    assert dockyard("parse", "-f", "-", stdin=b"FROM x\nRUN true\n").returncode == 0
    (tmp_path / "Dockerfile").write_text("FROM y\n")
    out = dockyard("parse", cwd=tmp_path)
    assert out.returncode == 0 and b"FROM" in out.stdout


def test_errors_name_file_line_column_and_show_the_line(tmp_path: Path) -> None:
    bad = tmp_path / "Dockerfile"
    bad.write_text("FROM x\n\n  COPY onlyone\n")
    out = dockyard("parse", "-f", str(bad))
    assert out.returncode == 1
    lines = out.stderr.decode().splitlines()
    assert lines[0] == (
        f"{bad}:3:3: COPY requires at least two arguments, but only one was provided. "
        "Destination could not be determined"
    )
    assert lines[1] == "  3 |   COPY onlyone"
    assert b"Traceback" not in out.stderr


def test_binary_junk_is_a_clear_error() -> None:
    out = dockyard("parse", "-f", "-", stdin=bytes(range(256)) * 3)
    assert out.returncode == 1
    assert b"Traceback" not in out.stderr and b"-:1:" in out.stderr


def test_missing_file() -> None:
    out = dockyard("parse", "-f", "/nonexistent/Dockerfile")
    assert out.returncode == 1
    assert b"cannot read /nonexistent/Dockerfile" in out.stderr


def test_bad_flag_is_a_usage_error() -> None:
    out = dockyard("parse", "--format", "xml")
    assert out.returncode == 2 and b"Invalid value for '--format'" in out.stderr
