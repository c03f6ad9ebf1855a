"""The build memo: a build asked again with the same inputs returns its image without planning.

The memo key covers what can change the image: the Dockerfile text, the digest of the whole
context after ``.dockerignore`` (content and metadata, never mtimes), the build args, target,
labels, network, secrets, runtime, snapshotter, compression, ``SOURCE_DATE_EPOCH`` and the
dockyard version. A record (``<root>/cache/builds/<key>.json``) names the image, the image
every base reference resolved to, the steps and the cache mounts they use; it is used only
while every base reference still names the same image and the image and its tags are in the
store. Builds with ``--no-cache``/``--no-cache-filter`` or ``-o`` skip it, and builds that
ADD from a URL or git are never recorded (their sources are checked on every build).

A hit reports every step as CACHED, as the full path would, and imports nothing of the
planner, the scheduler or the snapshotters. A directory context is not even scanned when its
state digest (:mod:`builder.context_state`: every entry's lstat identity, no content read) is
the one taken before the last scan: that scan's content fingerprint is reused
(:class:`Prescan`), so a no-op rebuild costs one walk of the context.

``--cache-from`` is not in the key (the image does not depend on it): a hit does with those
caches what a build that runs no step does, reading them (with the same warnings about a
cache it cannot use or its damaged records) and seeding the missing cache mounts the record
names. They are read again rather than their warnings recorded, since they may have changed.
"""

from __future__ import annotations

import json
import time
from contextlib import ExitStack, contextmanager
from pathlib import Path

from builder.build.request import BuildRequest, BuildResult, write_iidfile
from builder.progress import Event

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Iterator, Sequence
    from typing import Any

    from builder.context import BuildContext, StatCache
    from builder.context_state import Listing
    from builder.progress import Reporter
    from builder.settings import Settings

__all__ = ["Prescan", "key_for", "opened_context", "recall", "remember", "usable"]


class Prescan:
    """What is known of a directory context before it is scanned: its state digest, the
    memo key of this request when the context is as it was at the last scan (else None),
    and what the state walk saw (``listing``), for that scan."""

    def __init__(self, request: BuildRequest, settings: Settings) -> None:
        self.key: str | None = None
        self._request = request
        self._settings = settings
        self._where: tuple[str, list[str]] | None = None  # context root, .dockerignore
        self._state: str | None = None
        self._stats: StatCache | None = None
        self.listing: Listing | None = None
        if request.stdin is not None or "-" in (request.context, request.dockerfile):
            return
        from builder.capped import read_capped
        from builder.context import ignore_patterns
        from builder.context_state import Listing, state_digest
        from builder.errors import DockyardError

        ctx_dir = Path(request.context)
        df_path = Path(request.dockerfile) if request.dockerfile else ctx_dir / "Dockerfile"
        if not df_path.is_file():
            return  # missing (the scan reports it), or a FIFO: only the scan may read it
        try:
            data = read_capped(df_path)
            if data is None:
                return  # the scan reports it
            text = data.decode("utf-8")
            patterns = ignore_patterns(ctx_dir, df_path)
        except (OSError, UnicodeDecodeError, DockyardError):
            return  # the scan reports it
        root = str(ctx_dir.absolute())
        self._where = (root, patterns)
        self.listing = Listing(root, patterns)
        state, fingerprint = self.stat_cache().load_state(root, patterns)
        # find takes the digest while this process lists the context for the scan, which
        # stops as soon as find gives the digest of the last scan (a hit needs no listing)
        self._state = state_digest(root, patterns, self.listing, state or None)
        if self._state is not None and self._state == state:
            self.key = _key(request, settings, text, df_path.name, fingerprint)
            self.listing = None

    def scanned(self, ctx: BuildContext) -> str:
        """The memo key of the request once ``ctx`` is scanned; keeps the state digest taken
        before the scan beside the scan's fingerprint (one fingerprint serves both)."""
        fingerprint = _fingerprint(ctx)
        where = self._where
        if self._state is not None and self.key is None and where and str(ctx.root) == where[0]:
            self.stat_cache().store_state(*where, self._state, fingerprint)
        return _key(self._request, self._settings, ctx.dockerfile, ctx.dockerfile_name,
                    fingerprint)

    def stat_cache(self) -> StatCache:
        """The root's stat cache, opened once for the whole build (see :meth:`close`)."""
        if self._stats is None:
            from builder.context import StatCache

            self._stats = StatCache.for_root(Path(self._settings.root))
        return self._stats

    def close(self) -> None:
        if self._stats is not None:
            self._stats.close()
            self._stats = None


@contextmanager
def opened_context(
    request: BuildRequest, settings: Settings, prescan: Prescan | None = None
) -> Iterator[BuildContext]:
    """The scanned build context (through the stat cache under the root, the prescan's
    when given), closed after."""
    import sys

    from builder.context import StatCache, open_context

    stdin = request.stdin
    if stdin is None and "-" in (request.context, request.dockerfile):
        stdin = sys.stdin.buffer
    with ExitStack() as stack:
        listing = None
        if prescan is not None:
            stat_cache = prescan.stat_cache()
            listing, prescan.listing = prescan.listing, None  # used once, then let go
        else:
            stat_cache = stack.enter_context(StatCache.for_root(Path(settings.root)))
        ctx = open_context(request.context, request.dockerfile, stdin=stdin,
                           stat_cache=stat_cache, listing=listing)
    with ctx:
        yield ctx


def usable(request: BuildRequest) -> bool:
    """Whether the memo may answer this request (not when it must export, pull or bypass
    the cache)."""
    return not (
        request.no_cache or request.no_cache_filter or request.outputs or request.cache_to
        or request.pull
    )


def key_for(request: BuildRequest, settings: Settings, ctx: BuildContext) -> str:
    """The memo key of a build of ``ctx`` as ``request`` asks."""
    return _key(request, settings, ctx.dockerfile, ctx.dockerfile_name, _fingerprint(ctx))


def _key(request: BuildRequest, settings: Settings, dockerfile: str, dockerfile_name: str,
         fingerprint: str) -> str:
    from blake3 import blake3

    from builder import __version__

    inputs = {
        "version": __version__,
        "dockerfile": dockerfile,
        "dockerfile_name": dockerfile_name,
        "context": fingerprint,
        "build_args": sorted(request.build_args.items()),
        "target": request.target,
        "all_stages": request.all_stages,
        "labels": sorted(request.labels.items()),
        "network": request.network,
        "secrets": sorted((k, str(v)) for k, v in request.secrets.items()),
        "runtime": request.runtime,
        "snapshotter": request.snapshotter,
        "compression": request.compression,
        "source_date_epoch": settings.source_date_epoch,
    }
    return blake3(json.dumps(inputs, sort_keys=True).encode()).hexdigest()


def _fingerprint(ctx: BuildContext) -> str:
    """blake3 of every kept entry's path, type, mode, owner, size, link and content digest,
    then of each device's number and each kept xattr (what
    :meth:`~builder.context.ContextSnapshot.digest` covers, without its per-entry JSON),
    hashed as one text (a big context has 20,000 entries)."""
    from blake3 import blake3

    entries = ctx.snapshot.entries.values()
    text = "".join([
        f"{e.path}\0{e.kind}\0{e.mode}\0{e.uid}\0{e.gid}\0{e.size}\0{e.link}\0{e.digest}\n"
        for e in entries
    ])  # fmt: skip
    devices = "".join([f"{e.path}\0{e.rdev}\n" for e in entries if e.rdev])
    if devices:  # after every entry line, which starts with a path, never with NUL
        text += "\0devices\n" + devices
    xattrs = "".join([f"{e.path}\0{n}\0{v.hex()}\n" for e in entries for n, v in e.xattrs])
    if xattrs:
        text += "\0xattrs\n" + xattrs
    return blake3(text.encode("utf-8", "surrogateescape")).hexdigest()


def _path(settings: Settings, key: str) -> Path:
    return Path(settings.root) / "cache" / "builds" / f"{key}.json"


def recall(
    key: str, request: BuildRequest, settings: Settings, reporter: Reporter
) -> BuildResult | None:
    """The memoised result of ``key`` (reported and ``--iidfile`` written), or None."""
    started = time.monotonic()
    try:
        record: dict[str, Any] = json.loads(_path(settings, key).read_bytes())
    except (OSError, ValueError):
        return None
    from builder.errors import DockyardError
    from builder.store import Store

    store = Store(Path(settings.root))
    try:
        for ref, image_id in record["bases"].items():
            if store.resolve(ref).id != image_id:
                return None
        image = store.resolve(record["image"])
        if image.id != record["image"]:
            return None
        for tag in request.tags:
            if store.resolve(tag).id != image.id:
                return None
    except (DockyardError, KeyError, TypeError):
        return None
    if not _touch(settings, record.get("keys") or []):
        return None
    for warning in record.get("warnings") or ():
        reporter.on_event(Event("warning", data={"message": warning}))
    if request.cache_from:
        _consult_caches(request, settings, record.get("mounts"), reporter)
    steps: list[list[str]] = record.get("steps") or []
    for step_id, display in steps:
        reporter.on_event(Event("cached", step_id, display))
    if request.iidfile:
        write_iidfile(request.iidfile, image.id)
    seconds = time.monotonic() - started
    reporter.on_event(Event("summary", data={
        "run": 0, "cached": len(steps), "seconds": seconds, "layers": [], "image": image.id,
    }))  # fmt: skip
    return BuildResult(
        image_id=image.id,
        manifest_digest=image.digest,
        tags=tuple(request.tags),
        steps_run=0,
        steps_cached=len(steps),
        seconds=seconds,
        warnings=tuple(record.get("warnings") or ()),
    )


def _consult_caches(
    request: BuildRequest, settings: Settings, mounts: object, reporter: Reporter
) -> None:
    """Read the ``--cache-from`` caches and seed the cache mounts ``mounts`` from them, as
    a build does before its first step (with the same warnings)."""
    from builder.cache_import import CacheSources

    def warn(message: str) -> None:
        reporter.on_event(Event("warning", data={"message": message}))

    idents = [m for m in mounts if isinstance(m, str)] if isinstance(mounts, list) else []
    sources = CacheSources((c.src for c in request.cache_from), warn)
    sources.seed_mounts(Path(settings.root), idents)


def remember(
    key: str,
    settings: Settings,
    result: BuildResult,
    bases: dict[str, str],
    steps: Sequence[tuple[str, str]],
    keys: Sequence[str] = (),
    mounts: Sequence[str] = (),
) -> None:
    """Record a finished build under ``key`` (atomically; a failure to write is ignored);
    ``mounts`` are the ids of the cache mounts its RUN steps use."""
    path = _path(settings, key)
    data = {
        "image": result.image_id,
        "bases": bases,
        "steps": [list(s) for s in steps],
        "keys": list(keys),
        "warnings": list(result.warnings),
        "mounts": list(mounts),
    }
    from builder.blobs import atomic_file

    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with atomic_file(path, mode=0o600, durable=False) as out:
            out.write(json.dumps(data).encode())
    except OSError:
        pass


def _touch(settings: Settings, keys: Sequence[str]) -> bool:
    """Count a hit on each step's cache record, as a step-by-step build would (so the
    least-recently-used pruning sees this build); False when any record is gone."""
    if not keys:
        return True
    from builder.cache import BuildCache

    with BuildCache(Path(settings.root)) as cache:
        return all(cache.lookup(key) is not None for key in keys)
