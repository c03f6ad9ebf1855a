"""Output files named by the user: written as Docker writes them, errors typed."""

from __future__ import annotations

import os
import stat
import threading
from pathlib import Path

import pytest

from builder.errors import OutputError
from builder.outfile import output_file


def test_a_new_or_regular_file_is_replaced_whole_keeping_its_mode(tmp_path: Path) -> None:
    new = tmp_path / "new.tar"
    with output_file(new) as out:
        out.write(b"one")
    assert new.read_bytes() == b"one"
    assert stat.S_IMODE(new.stat().st_mode) == 0o644
    new.chmod(0o600)
    with pytest.raises(RuntimeError), output_file(new) as out:
        out.write(b"half")
        raise RuntimeError("failed half-way")
    assert new.read_bytes() == b"one"  # as it was
    with output_file(new) as out:
        out.write(b"two")
    assert new.read_bytes() == b"two"
    assert stat.S_IMODE(new.stat().st_mode) == 0o600
    assert [p.name for p in tmp_path.iterdir()] == ["new.tar"]


def test_a_symlink_is_followed_and_kept(tmp_path: Path) -> None:
    (tmp_path / "real.tar").write_bytes(b"old")
    (tmp_path / "link.tar").symlink_to("real.tar")
    with output_file(tmp_path / "link.tar") as out:
        out.write(b"new")
    assert (tmp_path / "link.tar").is_symlink()
    assert (tmp_path / "real.tar").read_bytes() == b"new"


def test_a_fifo_or_device_is_written_in_place(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    got: list[bytes] = []
    reader = threading.Thread(target=lambda: got.append(fifo.read_bytes()))
    reader.start()
    with output_file(fifo) as out:
        out.write(b"through the pipe")
    reader.join(10)
    assert got == [b"through the pipe"]
    assert stat.S_ISFIFO(fifo.lstat().st_mode)
    if os.path.exists("/dev/full"):
        with pytest.raises(OutputError, match="cannot write /dev/full: No space left"), \
                output_file("/dev/full") as out:
            out.write(b"x" * 10000)
            out.flush()
        assert stat.S_ISCHR(os.stat("/dev/full").st_mode)


def test_errors_name_the_file(tmp_path: Path) -> None:
    with pytest.raises(OutputError, match=r"cannot write .*/nope/x.tar: No such file"), \
            output_file(tmp_path / "nope" / "x.tar") as out:
        out.write(b"x")
    with pytest.raises(OutputError, match="it is a directory"), output_file(tmp_path) as out:
        out.write(b"x")
