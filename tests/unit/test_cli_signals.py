"""SIGTERM and SIGHUP stop a build as Ctrl-C does, unless they were ignored from the start."""

from __future__ import annotations

import signal
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
SCRIPT = """
import os, signal, sys
from builder.cli.entry import Terminated, stop_on_termination
stop_on_termination()
try:
    os.kill(os.getpid(), int(sys.argv[1]))
    signal.sigtimedwait([], 0.05)  # lets the handler run
    print("alive")
except Terminated as exc:
    print("stopped", exc.signum)
"""


def _run(sig: int, ignored: bool) -> str:
    def prepare() -> None:
        if ignored:  # as nohup leaves it
            signal.signal(sig, signal.SIG_IGN)

    return subprocess.run([sys.executable, "-c", SCRIPT, str(int(sig))], cwd=REPO,
                          preexec_fn=prepare, capture_output=True, text=True, timeout=30,
                          check=True).stdout.strip()


def test_term_and_hup_stop_the_command() -> None:
    assert _run(signal.SIGTERM, ignored=False) == "stopped 15"
    assert _run(signal.SIGHUP, ignored=False) == "stopped 1"


def test_an_ignored_hup_stays_ignored() -> None:
    assert _run(signal.SIGHUP, ignored=True) == "alive"
