"""Conformance suite: after the run, report how many cases under this folder ran."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent


def _in_here(config: pytest.Config, nodeid: str) -> bool:
    return (config.rootpath / nodeid.split("::", 1)[0]).resolve().is_relative_to(HERE)


def pytest_terminal_summary(
    terminalreporter: pytest.TerminalReporter, exitstatus: int, config: pytest.Config
) -> None:
    outcomes: dict[str, str] = {}
    reasons: Counter[str] = Counter()
    for key in ("passed", "failed", "error", "skipped", "xfailed", "xpassed"):
        for report in terminalreporter.stats.get(key, []):
            nodeid = getattr(report, "nodeid", "")
            if not nodeid or not _in_here(config, nodeid):
                continue
            # a failure in any phase wins over a pass in another
            if outcomes.get(nodeid) not in ("failed", "error"):
                outcomes[nodeid] = key
            if key == "skipped" and isinstance(report.longrepr, tuple):
                reasons[str(report.longrepr[2]).removeprefix("Skipped: ")] += 1
    if not outcomes:
        return
    counts = Counter(outcomes.values())
    ran = sum(n for k, n in counts.items() if k != "skipped")
    parts = ", ".join(f"{n} {k}" for k, n in sorted(counts.items()))
    terminalreporter.write_sep("-", "conformance")
    terminalreporter.write_line(
        f"conformance cases: {len(outcomes)} collected, {ran} ran ({parts})"
    )
    for reason, n in sorted(reasons.items()):
        terminalreporter.write_line(f"  skipped {n}: {reason}")
