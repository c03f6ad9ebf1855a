"""Dockerfiles and .dockerignore files are read with a bound: /dev/zero fails at once, a FIFO
is read to its end."""

from __future__ import annotations

import io
import os
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from builder.build import BuildRequest
from builder.build.memo import Prescan, opened_context
from builder.capped import MAX_SMALL_FILE, read_capped
from builder.context import ignore_patterns, open_context
from builder.errors import ContextError, DockerfileError
from builder.parser import parse_file, read_dockerfile
from builder.settings import Settings

ZERO = Path("/dev/zero")


@pytest.fixture
def fifo(tmp_path: Path) -> Iterator[Path]:
    """A FIFO a thread writes ``FROM scratch`` into once, for whoever opens it first."""
    path = tmp_path / "Dockerfile.fifo"
    os.mkfifo(path)

    def write() -> None:
        with open(path, "wb") as f:
            f.write(b"FROM scratch\n")

    writer = threading.Thread(target=write, daemon=True)
    writer.start()
    yield path
    # if nobody read it, the writer still waits for a reader: be one that never blocks (a
    # blocking open would wait for ever once the writer has gone, whenever it goes)
    fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK)
    writer.join()
    os.close(fd)


def test_read_capped_reads_to_the_end_or_gives_none_past_the_limit(tmp_path: Path) -> None:
    exact = tmp_path / "exact"
    exact.write_bytes(b"x" * 10)
    assert read_capped(exact, 10) == b"x" * 10
    assert read_capped(exact, 9) is None
    assert read_capped(io.BytesIO(b"ab" * 3), 6) == b"ababab"
    assert read_capped(io.BytesIO(b""), 0) == b""
    stream = io.BytesIO(b"y" * 100)
    assert read_capped(stream, 10) is None
    assert stream.tell() == 11  # no more than the limit and one byte is read


def test_dev_zero_is_refused_quickly() -> None:
    start = time.monotonic()
    assert read_capped(ZERO) is None
    with pytest.raises(DockerfileError, match="/dev/zero is larger than 16 MiB"):
        parse_file(ZERO)
    with open(ZERO, "rb") as stdin, pytest.raises(DockerfileError, match="- is larger than"):
        read_dockerfile(stdin, "-")
    assert time.monotonic() - start < 5
    assert MAX_SMALL_FILE == 16 << 20


def test_open_context_refuses_endless_dockerfiles_and_dockerignores(tmp_path: Path) -> None:
    (tmp_path / "Dockerfile").write_text("FROM scratch\n")
    with pytest.raises(ContextError, match="the Dockerfile /dev/zero is larger than 16 MiB"):
        open_context(tmp_path, ZERO)
    with open(ZERO, "rb") as stdin, pytest.raises(ContextError, match="larger than 16 MiB"):
        open_context(tmp_path, "-", stdin=stdin)
    with open(ZERO, "rb") as stdin, pytest.raises(ContextError, match="larger than 16 MiB"):
        open_context("-", stdin=stdin)  # not a tar: the whole of stdin is the Dockerfile
    (tmp_path / ".dockerignore").symlink_to(ZERO)
    with pytest.raises(ContextError, match=r"\.dockerignore is larger than 16 MiB"):
        ignore_patterns(tmp_path, None)


def test_fifo_dockerfile_is_parsed(fifo: Path) -> None:
    assert len(parse_file(fifo).instructions) == 1


def test_fifo_dockerfile_builds_are_read_once(fifo: Path, tmp_path: Path) -> None:
    """The memo's look before the scan leaves a FIFO alone: the scan reads it."""
    ctx = tmp_path / "ctx"
    ctx.mkdir()
    request = BuildRequest(context=str(ctx), dockerfile=str(fifo))
    settings = Settings.from_env(str(tmp_path / "root"))
    prescan = Prescan(request, settings)
    assert prescan.key is None
    with opened_context(request, settings, prescan) as bc:
        assert bc.dockerfile == "FROM scratch\n"
