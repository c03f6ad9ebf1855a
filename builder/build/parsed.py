"""The build's parse cache: a Dockerfile parsed once is read back, not parsed again.

Parsing needs Lark, and importing Lark (with the ``typing``, ``dataclasses`` and ``logging``
modules it loads) costs a rebuild about 50 ms on these machines, more than parsing itself.
:func:`parsed` keeps each successful parse under ``<root>/cache/parse/``, keyed by the
Dockerfile's bytes, its name and the parser itself (the grammar and the source of the
modules that shape a parse), so an edit to either never reads back a stale result. A file
that cannot be read back is parsed again; errors are never kept (they are raised the same
way each time); the newest :data:`KEEP` entries are kept.
"""

from __future__ import annotations

import contextlib
import os
import pickle
from pathlib import Path

from builder.dockerfile import Dockerfile, grammar_path

KEEP = 64
"""How many parsed Dockerfiles a root keeps (the least recently written go first)."""

# what a parse result depends on, besides the Dockerfile: the grammar and these modules
_PARSER_MODULES = ("parser.py", "dockerfile.py", "nodes.py", "shell_words.py", "errors.py",
                   "record.py")


def parsed(root: Path, source: bytes, filename: str) -> Dockerfile:
    """``builder.parser.parse(source, filename)``, read back from ``root``'s parse cache
    when this parser has parsed these bytes under this name before."""
    path = root / "cache" / "parse" / f"{_key(source, filename)}.pickle"
    with contextlib.suppress(OSError, pickle.UnpicklingError, EOFError, AttributeError,
                             ImportError, TypeError, ValueError, IndexError):
        with path.open("rb") as f:
            found = pickle.load(f)
        if isinstance(found, Dockerfile):
            return found
    from builder.parser import parse

    result = parse(source, filename)  # raises on a bad Dockerfile: nothing is kept
    _keep(path, result)
    return result


def _key(source: bytes, filename: str) -> str:
    from blake3 import blake3

    from builder import __version__

    hasher = blake3(f"{__version__}\0{filename}\0".encode("utf-8", "surrogateescape"))
    package = Path(__file__).resolve().parent.parent
    for piece in (grammar_path(), *(package / name for name in _PARSER_MODULES)):
        hasher.update(piece.read_bytes())
    hasher.update(b"\0")
    hasher.update(source)
    return hasher.hexdigest()


def _keep(path: Path, result: Dockerfile) -> None:
    """Write ``result`` at ``path`` (atomically; a failure only costs the next parse) and
    drop the oldest entries beyond :data:`KEEP`."""
    from builder.blobs import atomic_file

    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with atomic_file(path, mode=0o600, durable=False) as out:
            pickle.dump(result, out, protocol=pickle.HIGHEST_PROTOCOL)
        entries = list(os.scandir(path.parent))
    except (OSError, pickle.PicklingError):
        return
    if len(entries) > KEEP:
        entries.sort(key=_written)
        for entry in entries[: len(entries) - KEEP]:
            with contextlib.suppress(OSError):
                os.unlink(entry.path)


def _written(entry: os.DirEntry[str]) -> int:
    try:
        return entry.stat(follow_symlinks=False).st_mtime_ns
    except OSError:  # removed meanwhile
        return 0
