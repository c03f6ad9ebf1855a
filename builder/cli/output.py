"""Shared output helpers for the CLI: error lines, JSON."""

from __future__ import annotations

import json
import sys
from typing import Any

from builder.errors import DockerfileError, DockyardError


def printable(text: str) -> str:
    """``text`` safe for a terminal: undecodable bytes as U+FFFD, control characters escaped."""
    text = text.encode("utf-8", "surrogateescape").decode("utf-8", "replace")
    if text.isprintable():
        return text
    return "".join(c if c.isprintable() or c == "\t" else repr(c)[1:-1] for c in text)


def print_error(err: DockyardError) -> None:
    """Print ``FILE:LINE:COL: message`` (or the message) and the offending line to stderr."""
    text = str(err) if err.location else f"error: {err.message}"
    lines = [printable(line) for line in text.split("\n")]  # e.g. a failed RUN's output tail
    if isinstance(err, DockerfileError) and err.source_line is not None and err.location:
        text = err.source_line
        if len(text) > 200:
            text = text[:200] + "…"
        lines.append(f"  {err.location.line} | {printable(text)}")
    sys.stderr.write("\n".join(lines) + "\n")


def print_json(data: Any) -> None:
    """Print ``data`` as indented, key-sorted JSON."""
    sys.stdout.write(json.dumps(data, indent=2, sort_keys=True, ensure_ascii=False) + "\n")
