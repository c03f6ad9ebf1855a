"""The build cache index: cache key → what the step produced (diskcache, process-safe).

Layout: ``<root>/cache/index`` is a diskcache directory holding

* ``key:<digest>`` → a :class:`CacheRecord` (as a dict);
* ``slot:<slot>`` → the digest most recently committed for that slot (stage, position and
  kind of a step), so a miss can be compared with the previous build of the same step.

Records are written in one transaction. Readers never see a half-written record.
"""

from __future__ import annotations

import time
from pathlib import Path

import diskcache  # type: ignore[import-untyped]

from builder.record import Record

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Iterable, Mapping
    from typing import Any, Final

__all__ = ["BuildCache", "CacheRecord"]


class CacheRecord(Record):
    """What a cached step produced.

    ``layer_digest``/``diff_id`` are ``None`` for steps that change only the config. Stored as
    :meth:`as_dict` gives it (the field names in order), as it always was.
    """

    __slots__ = (
        "key", "layer_digest", "diff_id", "config_change", "created", "last_used", "hits",
        "inputs", "stage", "instruction",
    )  # fmt: skip
    key: Final[str]
    layer_digest: Final[str | None]
    diff_id: Final[str | None]
    config_change: Final[Mapping[str, Any]]
    created: Final[float]
    last_used: Final[float]
    hits: Final[int]
    inputs: Final[Mapping[str, Any]]
    stage: Final[str]
    instruction: Final[str]

    def __init__(
        self,
        key: str,
        layer_digest: str | None = None,
        diff_id: str | None = None,
        config_change: Mapping[str, Any] | None = None,
        created: float = 0.0,
        last_used: float = 0.0,
        hits: int = 0,
        inputs: Mapping[str, Any] | None = None,
        stage: str = "",
        instruction: str = "",
    ) -> None:
        self.key = key
        self.layer_digest = layer_digest
        self.diff_id = diff_id
        self.config_change = {} if config_change is None else config_change
        self.created = created
        self.last_used = last_used
        self.hits = hits
        self.inputs = {} if inputs is None else inputs
        self.stage = stage
        self.instruction = instruction

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> CacheRecord:
        """Read a stored record (unknown fields are ignored)."""
        names = cls._fields
        return cls(**{k: v for k, v in data.items() if k in names})


class BuildCache:
    """The index under ``<root>/cache/index``; safe to share between processes."""

    def __init__(self, root: Path | str) -> None:
        self.path = Path(root) / "cache" / "index"
        self._db = diskcache.Cache(str(self.path))

    def close(self) -> None:
        """Close the underlying database."""
        self._db.close()

    def __enter__(self) -> BuildCache:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def lookup(self, key: str, *, touch: bool = True) -> CacheRecord | None:
        """The record for ``key``, or None. ``touch`` counts a hit and updates last_used."""
        with self._db.transact():
            data = self._db.get(f"key:{key}")
            if data is None:
                return None
            record = CacheRecord.from_dict(data)
            if touch:
                record = record.replace(hits=record.hits + 1, last_used=time.time())
                self._db.set(f"key:{key}", record.as_dict())
        return record

    def commit(self, key: str, record: CacheRecord) -> CacheRecord:
        """Store ``record`` under ``key`` and make it the latest of its slot."""
        now = time.time()
        record = record.replace(
            key=key,
            created=record.created or now,
            last_used=record.last_used or now,
        )
        slot = record.inputs.get("slot")
        with self._db.transact():
            self._db.set(f"key:{key}", record.as_dict())
            if slot:
                self._db.set(f"slot:{slot}", key)
        return record

    def latest(self, slot: str) -> CacheRecord | None:
        """The record most recently committed for ``slot``."""
        key = self._db.get(f"slot:{slot}")
        if key is None:
            return None
        data = self._db.get(f"key:{key}")
        return None if data is None else CacheRecord.from_dict(data)

    def explain(self, inputs: Mapping[str, Any]) -> list[str]:
        """Why the step with these key inputs would miss (empty when it would hit)."""
        from builder import cachekey

        digest = cachekey.digest_of(inputs)
        if self._db.get(f"key:{digest}") is not None:
            return []
        previous = self.latest(str(inputs.get("slot", "")))
        if previous is None:
            label = inputs.get("label") or inputs.get("kind") or "step"
            return [f"{label}: not built before"]
        return cachekey.explain(previous.inputs, inputs)

    def records(self) -> list[CacheRecord]:
        """Every record (a snapshot; records may come and go meanwhile)."""
        out = []
        for k in list(self._db.iterkeys()):
            if str(k).startswith("key:"):
                data = self._db.get(k)
                if isinstance(data, dict):
                    out.append(CacheRecord.from_dict(data))
        return out

    def remove(self, keys: Iterable[str]) -> int:
        """Drop the records of ``keys``; returns how many existed."""
        removed = 0
        with self._db.transact():
            for key in keys:
                removed += bool(self._db.delete(f"key:{key}"))
        return removed

    def __len__(self) -> int:
        return sum(1 for k in self._db.iterkeys() if str(k).startswith("key:"))
