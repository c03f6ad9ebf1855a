"""Progress of pulls and pushes: live bars on a terminal, one line per blob otherwise."""

from __future__ import annotations

import sys
import threading
from typing import Any

import click

from builder.descriptor import Descriptor, hex_of

_DONE_TEXT = {
    ("pull", "exists"): "Already exists",
    ("pull", "done"): "Pull complete",
    ("push", "exists"): "Layer already exists",
    ("push", "done"): "Pushed",
    ("push", "mounted"): "Mounted",
}


def short(blob: Descriptor) -> str:
    """The 12-hex prefix Docker shows for a blob."""
    return hex_of(blob.digest)[:12]


class TransferView:
    """A ``progress(event, blob, n)`` callback for :mod:`builder.registry` pull and push."""

    def __init__(self, verb: str, *, quiet: bool = False) -> None:
        self.verb = verb
        self.quiet = quiet
        self.lock = threading.Lock()
        self.live: Any = None
        self.tasks: dict[str, Any] = {}
        if not quiet and sys.stdout.isatty():
            from rich.progress import (
                BarColumn,
                DownloadColumn,
                Progress,
                TextColumn,
                TransferSpeedColumn,
            )

            self.live = Progress(TextColumn("{task.description}"), BarColumn(),
                                 DownloadColumn(), TransferSpeedColumn(), transient=True)
            self.live.start()

    def __call__(self, event: str, blob: Descriptor, n: int) -> None:
        if self.quiet:
            return
        with self.lock:
            if self.live is not None:
                self._bar(event, blob, n)
            text = _DONE_TEXT.get((self.verb, event))
            if text is not None:
                self.line(f"{short(blob)}: {text}")

    def _bar(self, event: str, blob: Descriptor, n: int) -> None:
        task = self.tasks.get(blob.digest)
        if task is None and event in ("start", "bytes"):
            task = self.live.add_task(short(blob), total=blob.size)
            self.tasks[blob.digest] = task
        if task is None:
            return
        if event == "bytes":
            self.live.advance(task, n)
        elif event in ("done", "mounted", "exists"):
            self.live.remove_task(task)
            del self.tasks[blob.digest]

    def line(self, text: str) -> None:
        """Print a line (above the bars on a terminal)."""
        if self.quiet:
            return
        if self.live is not None:
            self.live.console.print(text, highlight=False)
        else:
            click.echo(text)

    def close(self) -> None:
        if self.live is not None:
            self.live.stop()
            self.live = None
