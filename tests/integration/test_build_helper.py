"""The executor's helper process, started early for a Dockerfile with a RUN, always goes
with the build: also when the build fails before its first step."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from builder.build import BuildRequest, build
from builder.errors import DockyardError
from builder.progress import QuietReporter
from builder.runtime import native
from builder.settings import Settings


def _helpers() -> set[int]:
    """Our children running the executor's helper."""
    me = str(os.getpid())
    found = set()
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
            cmdline = (stat.parent / "cmdline").read_bytes()
        except OSError:
            continue
        if fields[1] == me and b"builder.runtime.helper" in cmdline and fields[0] != "Z":
            found.add(int(stat.parent.name))
    return found


@pytest.mark.skipif(os.geteuid() != 0, reason="the native executor's builds need root")
def test_a_build_failing_before_its_steps_stops_the_helper_it_started(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    started: list[native.NativeExecutor] = []
    real = native.NativeExecutor.prestart

    def prestart(self: native.NativeExecutor) -> None:
        real(self)
        started.append(self)

    monkeypatch.setattr(native.NativeExecutor, "prestart", prestart)
    ctx = tmp_path / "ctx"
    ctx.mkdir()
    # the base image is missing: planning fails, after the helper was started
    (ctx / "Dockerfile").write_text("FROM scratch\nCOPY --from=nosuch:1 / /\nRUN true\n")
    before = _helpers()
    with pytest.raises(DockyardError):
        build(BuildRequest(context=str(ctx)), Settings(root=tmp_path / "root"),
              QuietReporter())
    assert len(started) == 1  # a RUN line: started before parsing
    assert _helpers() - before == set()
    assert not started[0].state_dir.exists()
