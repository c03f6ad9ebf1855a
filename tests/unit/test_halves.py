"""Per-file work in two processes: results, errors and cancellation."""

from __future__ import annotations

import os
import time
from collections.abc import Sequence
from pathlib import Path

import pytest

from builder.errors import BuildError, DockyardError, Location
from builder.halves import in_two


def test_each_half_runs_once_in_its_own_process() -> None:
    def run(part: Sequence[int]) -> tuple[int, list[int]]:
        return os.getpid(), [n * n for n in part]

    (mine, first), (theirs, second) = in_two(run, list(range(10)), 4)
    assert first == [0, 1, 4, 9] and second == [16, 25, 36, 49, 64, 81]
    assert mine == os.getpid() and theirs != mine


def test_the_childs_error_is_raised_as_it_was() -> None:
    where = Location("Dockerfile", 3, 3)

    def run(part: Sequence[str]) -> int:
        if "bad" in part:
            raise BuildError("COPY failed: bad file", where)
        return len(part)

    with pytest.raises(BuildError) as caught:
        in_two(run, ["a", "b", "bad"], 2)
    assert caught.value.message == "COPY failed: bad file"
    assert caught.value.location == where


def test_another_error_of_the_child_names_its_type() -> None:
    def run(part: Sequence[int]) -> int:
        return 1 // part[0]

    with pytest.raises(DockyardError, match="ZeroDivisionError"):
        in_two(run, [1, 0], 1)


def test_an_error_of_the_parent_kills_the_child(tmp_path: Path) -> None:
    marker = tmp_path / "child-finished"

    def run(part: Sequence[str]) -> None:
        if part == ["parent"]:
            raise BuildError("the parent's half failed")
        time.sleep(5)
        marker.write_text("finished")

    started = time.monotonic()
    with pytest.raises(BuildError, match="the parent's half failed"):
        in_two(run, ["parent", "child"], 1)
    assert time.monotonic() - started < 4  # killed, not waited for
    assert not marker.exists()
