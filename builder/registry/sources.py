"""Where blobs are known to exist in registries, for cross-repository mounts on push.

A small sqlite table beside the store: (digest, registry, repository), filled by pulls and
pushes. It is only a hint: a mount the registry refuses falls back to an upload.
"""

from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import Iterable, Iterator

from builder.store import Store


@contextlib.contextmanager
def _db(store: Store) -> Iterator[sqlite3.Connection]:
    store.ensure()
    conn = sqlite3.connect(store.root / "blob-sources.db", timeout=60)
    try:
        with conn:
            conn.execute("CREATE TABLE IF NOT EXISTS sources (digest TEXT NOT NULL, registry "
                         "TEXT NOT NULL, repo TEXT NOT NULL, PRIMARY KEY (digest, registry, repo))")
            yield conn
    finally:
        conn.close()


def record_sources(store: Store, digests: Iterable[str], registry: str, repo: str) -> None:
    """Remember that ``registry/repo`` has the blobs ``digests``."""
    with _db(store) as db:
        db.executemany("INSERT OR IGNORE INTO sources VALUES (?, ?, ?)",
                       [(d, registry, repo) for d in digests])


def known_sources(store: Store, digest: str, registry: str) -> list[str]:
    """Repositories of ``registry`` known to hold ``digest``."""
    with _db(store) as db:
        rows = db.execute("SELECT repo FROM sources WHERE digest = ? AND registry = ?",
                          (digest, registry)).fetchall()
    return [r[0] for r in rows]
