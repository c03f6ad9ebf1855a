"""A small content digest of the context files a step selects (for ``dockyard graph``).

The files are a COPY/ADD's sources, or the context paths a RUN bind-mounts.

Each selected file contributes a record of its path (relative to the context), type,
mode, size, link target and blake3 content hash; mtimes are ignored, as in Docker.
``.dockerignore`` at the context root is honoured. Remote ADD sources (URLs, git) cannot
be hashed without fetching them, so their digest is unknown (``None``). The full context
scanner of the build replaces this.
"""

from __future__ import annotations

import fnmatch
import os
import stat
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import blake3

from builder.cachekey import canonical_json, context_mounts
from builder.graph import Step
from builder.ignore import PatternMatcher, go_clean, read_ignore_file

__all__ = ["ContextHasher"]

_REMOTE = ("http://", "https://", "git@", "git://")


class ContextHasher:
    """Digests of the sources COPY/ADD steps select from one context directory."""

    def __init__(self, context: Path | str) -> None:
        self.root = Path(context)
        ignore = self.root / ".dockerignore"
        patterns = read_ignore_file(ignore.read_bytes()) if ignore.is_file() else []
        self.ignore = PatternMatcher(patterns) if patterns else None
        self._file_cache: dict[str, str] = {}

    def __call__(self, step: Step) -> str | None:
        """The sources digest of ``step``, or None when it cannot be known here."""
        if step.instruction.get("from"):
            return None
        if step.kind == "RUN":
            sources = context_mounts(step)
        else:
            sources = list(step.instruction.get("sources", []))
        if any(s.startswith(_REMOTE) for s in sources):
            return None
        excludes = list(step.instruction.get("excludes", []))
        records: list[Any] = []
        for src in sources:
            records.append([src, list(self._records(src, excludes))])
        return "blake3:" + blake3.blake3(canonical_json(records)).hexdigest()

    def _ignored(self, rel: str) -> bool:
        return self.ignore is not None and self.ignore.matches_or_parent_matches(rel)

    def _select(self, src: str) -> list[str]:
        pattern = go_clean(src.lstrip("/")) if src.strip("/") else "."
        if pattern in (".", ""):
            return ["."]
        if not any(c in pattern for c in "*?["):
            return [pattern] if os.path.lexists(self.root / pattern) else []
        parts = pattern.split("/")
        found = ["."]
        for part in parts:
            nxt = []
            for base in found:
                d = self.root / base
                if not d.is_dir():
                    continue
                for name in sorted(os.listdir(d)):
                    if fnmatch.fnmatchcase(name, part):
                        nxt.append(name if base == "." else f"{base}/{name}")
            found = nxt
        return found

    def _records(self, src: str, excludes: list[str]) -> Iterator[list[Any]]:
        exclude = PatternMatcher(excludes) if excludes else None
        for top in self._select(src):
            yield from self._walk(top, top, exclude)

    def _walk(self, rel: str, top: str, exclude: PatternMatcher | None) -> Iterator[list[Any]]:
        if rel != "." and self._ignored(rel):
            return
        inner = os.path.relpath(rel, top) if rel != top else ""
        if exclude is not None and inner and exclude.matches_or_parent_matches(inner):
            return
        path = self.root / rel
        try:
            st = os.lstat(path)
        except OSError:
            return
        record: list[Any] = [inner, stat.S_IFMT(st.st_mode), stat.S_IMODE(st.st_mode)]
        if stat.S_ISLNK(st.st_mode):
            record.append(os.readlink(path))
        elif stat.S_ISREG(st.st_mode):
            record += [st.st_size, self._file_digest(path)]
        yield record
        if stat.S_ISDIR(st.st_mode):
            for name in sorted(os.listdir(path)):
                child = name if rel == "." else f"{rel}/{name}"
                yield from self._walk(child, top, exclude)

    def _file_digest(self, path: Path) -> str:
        key = str(path)
        if key not in self._file_cache:
            h = blake3.blake3()
            with open(path, "rb") as f:
                for chunk in iter(lambda: f.read(1 << 20), b""):
                    h.update(chunk)
            self._file_cache[key] = h.hexdigest()
        return self._file_cache[key]
