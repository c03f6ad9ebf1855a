"""Build progress: events from the scheduler, rendered for a terminal, a pipe, or a tool.

The scheduler calls :meth:`Reporter.on_event` from any worker thread; every renderer here is
thread-safe. ``plain`` prints numbered lines as BuildKit does (``#3 [build 2/4] RUN make``,
``#3 CACHED``, ``#3 0.412 <output line>``, ``#3 DONE 1.2s``), every line of output, untruncated;
``json`` prints one event object per line; ``tty`` keeps a live view of running steps;
``quiet`` prints nothing.
"""

from __future__ import annotations

import json
import sys
import time
from collections import deque
from time import monotonic

from builder.record import Record

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import IO, Any, Final, Literal, Protocol

    EventKind = Literal["started", "cached", "log", "finished", "failed", "warning", "summary"]
else:
    Protocol = object  # Reporter is a plain base class at run time: typing is not imported


class Event(Record):
    """Something that happened to a step; ``step`` is its display name (``[b 2/4] RUN make``).

    ``data`` carries the kind's details: ``log`` → ``stream`` and ``line``; ``finished`` →
    ``seconds`` and ``layer_size``; ``failed`` → ``error``; ``summary`` → totals. ``time`` is
    ``time.monotonic()`` when not given.
    """

    __slots__ = ("kind", "step_id", "step", "data", "time")
    kind: Final[EventKind]
    step_id: Final[str]
    step: Final[str]
    data: Final[dict[str, Any]]
    time: Final[float]

    def __init__(
        self,
        kind: EventKind,
        step_id: str = "",
        step: str = "",
        data: dict[str, Any] | None = None,
        time: float | None = None,
    ) -> None:
        self.kind = kind
        self.step_id = step_id
        self.step = step
        self.data = {} if data is None else data
        self.time = monotonic() if time is None else time


class Reporter(Protocol):
    """Receives build events. Called from worker threads; must not block for long."""

    def on_event(self, event: Event) -> None:
        """Handle one event."""

    def close(self) -> None:
        """Flush and stop (called once, after the last event)."""


class QuietReporter:
    """Prints nothing."""

    def on_event(self, event: Event) -> None:
        pass

    def close(self) -> None:
        pass


class PlainReporter:
    """BuildKit's plain progress: numbered steps, every output line, CACHED and DONE lines."""

    def __init__(self, out: IO[str] | None = None) -> None:
        import threading

        self.out = out or sys.stderr
        self.lock = threading.Lock()
        self.numbers: dict[str, int] = {}
        self.started: dict[str, float] = {}

    def _number(self, event: Event) -> int:
        num = self.numbers.get(event.step_id)
        if num is None:
            num = self.numbers[event.step_id] = len(self.numbers) + 1
        return num

    def on_event(self, event: Event) -> None:
        with self.lock:
            lines = self._lines(event)
            if lines:
                self.out.write("".join(line + "\n" for line in lines))
                self.out.flush()

    def _lines(self, event: Event) -> list[str]:
        kind = event.kind
        if kind == "warning":
            return [f"WARNING: {event.data.get('message', '')}"]
        if kind == "summary":
            return _summary_lines(event.data)
        num = self._number(event)
        if kind == "started":
            self.started[event.step_id] = event.time
            return ["", f"#{num} {event.step}"]
        if kind == "cached":
            return ["", f"#{num} {event.step}", f"#{num} CACHED"]
        if kind == "log":
            since = event.time - self.started.get(event.step_id, event.time)
            line = event.data.get("line", "")
            return [f"#{num} {since:.3f} {line}"]
        if kind == "finished":
            return [f"#{num} DONE {event.data.get('seconds', 0.0):.1f}s"]
        if kind == "failed":
            return [f"#{num} ERROR: {event.data.get('error', '')}"]
        return []

    def close(self) -> None:
        with self.lock:
            self.out.flush()


def _summary_lines(data: dict[str, Any]) -> list[str]:
    lines = [
        "",
        f"Steps: {data.get('run', 0)} run, {data.get('cached', 0)} cached "
        f"in {data.get('seconds', 0.0):.1f}s",
    ]
    for name, size in data.get("layers", []):
        lines.append(f"  {human_size(size):>9}  {name}")
    if data.get("image"):
        lines.append(f"Image: {data['image']}")
    return lines


def human_size(n: float) -> str:
    """``1.2MB``-style sizes, decimal units as Docker prints them."""
    for unit in ("B", "kB", "MB", "GB", "TB"):
        if abs(n) < 1000 or unit == "TB":
            return f"{n:.0f}{unit}" if unit == "B" else f"{n:.3g}{unit}"
        n /= 1000
    return f"{n}B"  # pragma: no cover


class JsonReporter:
    """One JSON object per event and line: ``{"event": kind, "step": …, "time": …, …}``."""

    def __init__(self, out: IO[str] | None = None) -> None:
        import threading

        self.out = out or sys.stdout
        self.lock = threading.Lock()

    def on_event(self, event: Event) -> None:
        record = {"event": event.kind, "id": event.step_id, "step": event.step, "time": event.time}
        record.update(event.data)
        line = json.dumps(record, ensure_ascii=False, default=str)
        with self.lock:
            self.out.write(line + "\n")
            self.out.flush()

    def close(self) -> None:
        with self.lock:
            self.out.flush()


class TtyReporter:
    """A live view (rich): finished steps scroll by, running steps show their last lines."""

    TAIL = 6

    def __init__(self, out: IO[str] | None = None) -> None:
        import threading

        from rich.console import Console
        from rich.live import Live

        self.console = Console(file=out or sys.stderr)
        self.lock = threading.Lock()
        self.running: dict[str, tuple[str, float, deque[str]]] = {}
        self.live = Live(console=self.console, refresh_per_second=8, transient=True)
        self.live.update(self._render())
        self.live.start()

    def _render(self) -> Any:
        from rich.console import Group
        from rich.text import Text

        now = time.monotonic()
        parts: list[Any] = []
        for name, started, tail in self.running.values():
            parts.append(Text(f"=> {name}  {now - started:.1f}s", style="bold blue"))
            parts.extend(Text(f"   {line}", style="dim") for line in tail)
        return Group(*parts)

    def on_event(self, event: Event) -> None:
        with self.lock:
            kind = event.kind
            if kind == "started":
                self.running[event.step_id] = (event.step, event.time, deque(maxlen=self.TAIL))
            elif kind == "log" and event.step_id in self.running:
                self.running[event.step_id][2].append(str(event.data.get("line", "")))
            elif kind == "cached":
                self.console.print(f"[green]CACHED[/] {event.step}", highlight=False)
            elif kind == "finished":
                self.running.pop(event.step_id, None)
                secs = event.data.get("seconds", 0.0)
                self.console.print(f"[green]DONE[/] {event.step}  {secs:.1f}s", highlight=False)
            elif kind == "failed":
                entry = self.running.pop(event.step_id, None)
                self.console.print(f"[red]ERROR[/] {event.step}", highlight=False)
                for line in entry[2] if entry else ():
                    self.console.print(f"   {line}", highlight=False, markup=False)
            elif kind == "warning":
                self.console.print(f"[yellow]WARNING[/] {event.data.get('message', '')}")
            elif kind == "summary":
                for line in _summary_lines(event.data):
                    self.console.print(line, highlight=False, markup=False)
            self.live.update(self._render())

    def close(self) -> None:
        with self.lock:
            self.live.stop()


def make_reporter(mode: str, out: IO[str] | None = None) -> Reporter:
    """The renderer for ``--progress`` ``auto|tty|plain|json|quiet``."""
    stream = out or sys.stderr
    if mode == "auto":
        mode = "tty" if stream.isatty() else "plain"
    if mode == "tty":
        return TtyReporter(stream)
    if mode == "plain":
        return PlainReporter(stream)
    if mode == "json":
        return JsonReporter(out or sys.stdout)
    return QuietReporter()
