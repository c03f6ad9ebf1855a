"""Progress renderers: BuildKit-style plain lines, JSON events, thread safety."""

from __future__ import annotations

import io
import json
import threading

from builder.progress import (
    Event,
    JsonReporter,
    PlainReporter,
    TtyReporter,
    human_size,
    make_reporter,
)


def test_plain_numbers_steps_and_prints_every_line() -> None:
    out = io.StringIO()
    r = PlainReporter(out)
    r.on_event(Event("cached", "a", "[base 1/2] COPY busybox /bin/busybox"))
    r.on_event(Event("started", "b", "[base 2/2] RUN make", time=10.0))
    r.on_event(Event("log", "b", data={"stream": "stdout", "line": "x" * 5000}, time=10.5))
    r.on_event(Event("finished", "b", data={"seconds": 1.25}))
    r.on_event(Event("failed", "c", "[other 1/1] RUN false", data={"error": "exit code 1"}))
    r.close()
    lines = out.getvalue().splitlines()
    assert "#1 [base 1/2] COPY busybox /bin/busybox" in lines
    assert "#1 CACHED" in lines
    assert "#2 [base 2/2] RUN make" in lines
    assert f"#2 0.500 {'x' * 5000}" in lines
    assert "#2 DONE 1.2s" in lines or "#2 DONE 1.3s" in lines
    assert "#3 ERROR: exit code 1" in lines


def test_json_one_object_per_line() -> None:
    out = io.StringIO()
    r = JsonReporter(out)
    r.on_event(Event("started", "s1", "[1/1] RUN true"))
    r.on_event(Event("finished", "s1", "[1/1] RUN true", {"seconds": 0.1, "layer_size": 0}))
    rows = [json.loads(line) for line in out.getvalue().splitlines()]
    assert [r["event"] for r in rows] == ["started", "finished"]
    assert rows[1]["seconds"] == 0.1 and rows[0]["step"] == "[1/1] RUN true"


def test_plain_is_thread_safe() -> None:
    out = io.StringIO()
    r = PlainReporter(out)
    r.on_event(Event("started", "s", "[1/1] RUN x"))

    def spam(n: int) -> None:
        for i in range(500):
            r.on_event(Event("log", "s", data={"line": f"t{n}-{i}"}))

    threads = [threading.Thread(target=spam, args=(n,)) for n in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    logs = [line for line in out.getvalue().splitlines() if line.startswith("#1 ") and "-" in line]
    assert len(logs) == 2000
    assert all(line.split(" ", 2)[2].startswith("t") for line in logs)


def test_tty_renders_without_a_terminal() -> None:
    out = io.StringIO()
    r = TtyReporter(out)
    r.on_event(Event("started", "s", "[1/1] RUN make"))
    r.on_event(Event("log", "s", data={"line": "compiling"}))
    r.on_event(Event("finished", "s", "[1/1] RUN make", {"seconds": 2.0}))
    r.on_event(
        Event(
            "summary", data={"run": 1, "cached": 0, "seconds": 2.0, "layers": [("RUN make", 1500)]}
        )
    )
    r.close()
    text = out.getvalue()
    assert "DONE" in text and "RUN make" in text and "1.5kB" in text


def test_auto_picks_plain_for_a_pipe_and_sizes() -> None:
    assert isinstance(make_reporter("auto", io.StringIO()), PlainReporter)
    assert (
        human_size(999) == "999B" and human_size(1500) == "1.5kB" and human_size(2.5e6) == "2.5MB"
    )
