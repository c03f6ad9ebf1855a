"""The build's parse cache (builder.build.parsed)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from builder.build import parsed as parsed_mod
from builder.build.parsed import parsed
from builder.errors import DockerfileError
from builder.parser import parse

REPO = Path(__file__).resolve().parents[2]
SOURCE = b"FROM scratch AS base\nCOPY a /a\nRUN echo hi \\\n  there\n\nFROM base\nCMD [\"x\"]\n"


def entries(root: Path) -> list[Path]:
    return sorted((root / "cache" / "parse").iterdir())


def test_a_parse_is_kept_and_read_back(tmp_path: Path) -> None:
    first = parsed(tmp_path, SOURCE, "Dockerfile")
    assert first == parse(SOURCE, "Dockerfile")
    [kept] = entries(tmp_path)
    again = parsed(tmp_path, SOURCE, "Dockerfile")
    assert again is not first and again == first  # read back from the file
    assert again.instructions == first.instructions
    assert entries(tmp_path) == [kept]
    parsed(tmp_path, SOURCE + b"ENV A=1\n", "Dockerfile")
    parsed(tmp_path, SOURCE, "Other.dockerfile")  # the name is in every Location
    assert len(entries(tmp_path)) == 3


def test_reading_back_needs_no_lark(tmp_path: Path) -> None:
    parsed(tmp_path, SOURCE, "Dockerfile")
    code = (
        "import sys\n"
        "from pathlib import Path\n"
        "from builder.build.parsed import parsed\n"
        "from builder.graph import plan\n"
        f"df = parsed(Path({str(tmp_path)!r}), {SOURCE!r}, 'Dockerfile')\n"
        "graph = plan(df)\n"
        "assert len(graph.stages) == 2, graph\n"
        "print('lark' in sys.modules)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         env={**os.environ, "PYTHONPATH": str(REPO)}, check=True)
    assert out.stdout.strip() == "False"


def test_an_unreadable_entry_is_parsed_again(tmp_path: Path) -> None:
    parsed(tmp_path, SOURCE, "Dockerfile")
    [kept] = entries(tmp_path)
    for junk in (b"", b"not a pickle", b"\x80\x05K\x01."):  # the last one unpickles to 1
        kept.write_bytes(junk)
        assert parsed(tmp_path, SOURCE, "Dockerfile") == parse(SOURCE, "Dockerfile")
    assert kept.read_bytes()[:1] == b"\x80"  # rewritten whole
    assert parsed(tmp_path, SOURCE, "Dockerfile") == parse(SOURCE, "Dockerfile")


def test_errors_are_raised_every_time_and_never_kept(tmp_path: Path) -> None:
    bad = b"FROM scratch\nFROBNICATE x\n"
    for _ in range(2):
        with pytest.raises(DockerfileError, match="unknown instruction") as err:
            parsed(tmp_path, bad, "Dockerfile").instructions  # noqa: B018
        assert err.value.location is not None and err.value.location.line == 2
    broken = b"FROM scratch\nRUN <<EOF\n"  # a parse error, not only an instruction error
    with pytest.raises(DockerfileError):
        parsed(tmp_path, broken, "Dockerfile")
    assert len(entries(tmp_path)) == 1  # only the bad-instruction file parsed


def test_only_the_newest_entries_are_kept(tmp_path: Path, monkeypatch: pytest.MonkeyPatch
                                          ) -> None:
    monkeypatch.setattr(parsed_mod, "KEEP", 3)
    sources = [SOURCE + f"LABEL n={i}\n".encode() for i in range(6)]
    for i, source in enumerate(sources):
        parsed(tmp_path, source, "Dockerfile")
        written = tmp_path / "cache" / "parse" / f"{parsed_mod._key(source, 'Dockerfile')}.pickle"
        os.utime(written, ns=(i * 10**9, i * 10**9))  # distinct ages, oldest first
    assert [p.name for p in entries(tmp_path)] == sorted(
        f"{parsed_mod._key(source, 'Dockerfile')}.pickle" for source in sources[-3:])
