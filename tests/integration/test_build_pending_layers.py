"""A COPY into an empty snapshot hands its directory to the next step at once; its blob is
written meanwhile by a commit job of its own. The image, the cache record and the layer's
unpacked dir are as before; a failed write fails the build and leaves nothing behind."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
from pathlib import Path
from typing import Any

import pytest

from builder.build import BuildRequest, build
from builder.errors import BuildError, LayerError
from builder.progress import Event
from builder.settings import Settings
from builder.store import Store
from tests.integration.test_build_cache import context

pytestmark = pytest.mark.integration

BUSYBOX = Path("/bin/busybox")
REPO = Path(__file__).resolve().parents[2]
DOCKERFILE = (
    "FROM scratch\n"
    "COPY busybox /bin/busybox\n"
    'RUN ["/bin/busybox", "sh", "-c", "/bin/busybox echo ran > /out"]\n'
)


class Events:
    def __init__(self) -> None:
        self.seen: list[Event] = []
        self.run_started = threading.Event()

    def on_event(self, event: Event) -> None:
        self.seen.append(event)
        if event.kind == "started" and "RUN" in event.step:
            self.run_started.set()

    def close(self) -> None:
        pass

    def kinds(self) -> list[tuple[str, str]]:
        return [(e.kind, e.step.split()[1]) for e in self.seen if e.step]


@pytest.fixture
def ctx(tmp_path: Path) -> Path:
    if os.geteuid() != 0 or not BUSYBOX.exists():
        pytest.skip("needs root and /bin/busybox")
    return context(tmp_path, DOCKERFILE)


def _wrap_commit(monkeypatch: pytest.MonkeyPatch, around: Any) -> None:
    original = Store.commit_layer

    def commit_layer(self: Store, changes: Any, **kwargs: Any) -> Any:
        changes = list(changes)
        if any(c.path == "bin/busybox" for c in changes):
            around()
        return original(self, changes, **kwargs)

    monkeypatch.setattr(Store, "commit_layer", commit_layer)


def _request(ctx: Path) -> BuildRequest:
    return BuildRequest(context=str(ctx), tags=("pending:1",), network="none",
                        snapshotter="overlay")


def test_the_next_step_runs_while_the_layer_is_written(
        ctx: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    events = Events()
    waited: list[bool] = []
    # the COPY's blob is written only once the RUN has started: a build that wrote it
    # before starting the RUN would wait here in vain
    _wrap_commit(monkeypatch, lambda: waited.append(events.run_started.wait(20)))
    root = tmp_path / "root"
    result = build(_request(ctx), Settings.from_env(root), events)
    assert waited == [True]
    assert result.steps_run == 2
    kinds = events.kinds()
    assert kinds.index(("started", "RUN")) < kinds.index(("finished", "COPY"))
    assert [name for name, _ in result.new_layers] == [
        "[2/3] COPY busybox /bin/busybox",
        '[3/3] RUN ["/bin/busybox", "sh", "-c", "/bin/busybox echo ran > /out"]',
    ]

    store = Store(root)
    image = store.resolve("pending:1")
    assert len(image.diff_ids) == 2
    for diff_id in image.diff_ids:  # each layer's dir is in place, nothing else is left
        assert (root / "layers" / diff_id.removeprefix("sha256:")).is_dir()
    assert list((root / "snapshots").iterdir()) == []
    unpacked = root / "layers" / image.diff_ids[0].removeprefix("sha256:")
    assert (unpacked / "bin" / "busybox").read_bytes() == BUSYBOX.read_bytes()
    assert (root / "layers" / image.diff_ids[1].removeprefix("sha256:") / "out").read_text() \
        == "ran\n"

    again = build(_request(ctx), Settings.from_env(root), Events())
    assert again.steps_run == 0 and again.image_id == result.image_id


def test_a_failed_layer_write_fails_the_build_and_keeps_nothing(
        ctx: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def fail() -> None:
        raise LayerError("cannot read /bin/busybox: Input/output error")

    _wrap_commit(monkeypatch, fail)
    root = tmp_path / "root"
    events = Events()
    with pytest.raises(BuildError) as caught:
        build(_request(ctx), Settings.from_env(root), events)
    assert "[2/3] COPY busybox: cannot read /bin/busybox" in caught.value.message
    assert caught.value.location is not None and caught.value.location.line == 2
    assert ("failed", "COPY") in events.kinds()
    assert list((root / "snapshots").iterdir()) == []
    assert [p for p in (root / "layers").iterdir() if not p.name.startswith(".")] == []

    monkeypatch.undo()  # the key lock was released and no record was made: both steps run
    result = build(_request(ctx), Settings.from_env(root), Events())
    assert result.steps_run == 2


def test_a_step_waiting_for_a_pending_layers_key_lock_does_not_block_its_commit(
        ctx: Path, tmp_path: Path) -> None:
    """Two stages run the same step (one key, one lock). With one job at a time, the second
    stage's step must not take the only thread while the first one's layer is pending."""
    (ctx / "Dockerfile").write_text(
        "FROM scratch AS one\nCOPY busybox /bin/busybox\n"
        "FROM scratch AS two\nCOPY busybox /bin/busybox\n"
        "FROM scratch\nCOPY --from=one /bin/busybox /one\nCOPY --from=two /bin/busybox /two\n"
    )
    root = tmp_path / "root"
    done = subprocess.run(
        [sys.executable, "-m", "builder", "--root", str(root), "build", "--jobs", "1",
         "--progress", "plain", "-t", "same:1", str(ctx)],
        capture_output=True, text=True, timeout=120, env={**os.environ, "PYTHONPATH": str(REPO)},
    )
    assert done.returncode == 0, done.stderr
    assert done.stderr.count("CACHED") == 1  # the second stage's COPY found the first's record
    store = Store(root)
    assert len(store.resolve("same:1").diff_ids) == 2
