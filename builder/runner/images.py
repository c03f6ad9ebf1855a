"""What a container needs of its image, remembered for the next ``create`` or ``run``.

Resolving a name in the store reads and checks ``index.json``, the manifest and the config,
with the store's modules (hashlib, the reference grammar, sqlite for a layer's record): about
10 ms of a ~30 ms ``dockyard run``. The answer (the image ID, its config, its layers'
diff IDs and unpacked directories) is kept in ``<root>/containers/.images``, marshalled, with
the bytes of ``store/index.json`` it was found with. Every change of a name or an image
rewrites that file, so an answer is used only while ``index.json`` is the same byte for byte
(and its layer directories are still there); it is saved only when ``index.json`` did not
change while the store was asked. A missing, stale or unreadable file just means the store is
asked.
"""

from __future__ import annotations

import marshal
import os

from builder.record import Record

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

    from builder.settings import Settings

_VERSION = 1
_MAX_ENTRIES = 256


class ImageInfo(Record):
    """An image as a container uses it: ``config`` is the image config's ``config``."""

    __slots__ = ("id", "config", "diff_ids", "lower_dirs")
    _hashable = False
    id: str
    config: dict[str, Any]
    diff_ids: list[str]
    lower_dirs: list[str]

    def __init__(self, id: str, config: dict[str, Any], diff_ids: list[str],
                 lower_dirs: list[str]) -> None:
        self.id = id
        self.config = config
        self.diff_ids = diff_ids
        self.lower_dirs = lower_dirs


def find_image(root: str, ref: str, settings: Settings | None = None) -> ImageInfo:
    """The image ``ref`` names, its layers unpacked (pulled when missing, as ``docker run``
    does: see :func:`builder.runner.create.resolve_image`)."""
    index = _read(f"{root}/store/index.json")
    cache = f"{root}/containers/.images"
    table = _load(cache, index)
    hit = table.get(ref)
    if hit is not None and _usable(hit):
        return ImageInfo(*hit)
    from builder.runner.create import resolve_image
    from builder.store import Store

    image = resolve_image(root, ref, settings)
    store = Store(root)
    diff_ids = list(image.diff_ids)
    lowers = [str(p) for diff_id in diff_ids for p in store.lowers(diff_id)]
    info = ImageInfo(image.id, dict(image.config.get("config") or {}), diff_ids, lowers)
    if index is not None and _read(f"{root}/store/index.json") == index:
        if len(table) >= _MAX_ENTRIES:
            table = {}
        table[ref] = (info.id, info.config, info.diff_ids, info.lower_dirs)
        _save(cache, index, table)
    return info


def _usable(entry: Any) -> bool:
    """Whether a cache entry has the right shape and its layer directories are there."""
    if not (isinstance(entry, tuple) and len(entry) == 4):
        return False
    image_id, config, diff_ids, lowers = entry
    return (isinstance(image_id, str) and isinstance(config, dict)
            and isinstance(diff_ids, list) and isinstance(lowers, list)
            and all(isinstance(d, str) and os.path.isdir(d) for d in lowers))


def _read(path: str) -> bytes | None:
    try:
        with open(path, "rb") as f:
            return f.read()
    except OSError:
        return None


def _load(path: str, index: bytes | None) -> dict[str, Any]:
    data = _read(path)
    if data is None or index is None:
        return {}
    try:
        version, seen, table = marshal.loads(data)
    except (ValueError, EOFError, TypeError):
        return {}
    if version != _VERSION or seen != index or not isinstance(table, dict):
        return {}
    return table


def _save(path: str, index: bytes, table: dict[str, Any]) -> None:
    tmp = f"{path}.{os.getpid()}.tmp"
    try:
        with open(tmp, "wb") as f:
            f.write(marshal.dumps((_VERSION, index, table)))
        os.replace(tmp, path)
    except OSError:  # only a cache: the next run asks the store again
        try:
            os.unlink(tmp)
        except OSError:
            pass
