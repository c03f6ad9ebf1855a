"""Layers whose blobs are written while the next steps run.

A COPY into an empty snapshot (a plain upper dir, settled by
:func:`builder.snapshot.promote.settle_plain` before its layer is written) is finished as a
directory before its blob exists. Its job hands that directory to the next steps as their
lower dir at once, as a :class:`PendingLayer`; a commit job of its own then writes the blob,
records the step in the cache and releases the step's key lock, on another core. The
directory stays where it is while the build runs (something may mount it); when the build
ends, :meth:`Deferred.close` makes it the layer's unpacked dir, or removes it when the layer
was never committed.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from contextlib import ExitStack
from pathlib import Path
from typing import TYPE_CHECKING

from builder.errors import BuildError

if TYPE_CHECKING:
    from builder.build.engine import LayerRef
    from builder.descriptor import Descriptor
    from builder.snapshot import Mount, Snapshotter
    from builder.store import Store

__all__ = ["Deferred", "PendingLayer"]


class PendingLayer:
    """A layer of a step that ran, unpacked at ``path`` (over ``base``'s dir when it has
    one), its blob still to be written by
    ``write``; ``then`` is called with the committed layer (the step's cache record).
    ``hold`` keeps what the step holds until both are done (its key lock)."""

    __slots__ = ("path", "mount", "write", "base", "then", "hold", "_ref")

    def __init__(self, path: Path, mount: Mount, write: Callable[[], LayerRef],
                 base: tuple[str, Path] | None = None) -> None:
        self.path = path
        self.mount = mount
        self.write = write
        # a delta over a full layer (builder.build.lineage): its diff_id and unpacked dir
        self.base = base
        self.then: Callable[[LayerRef], object] | None = None
        self.hold = ExitStack()
        self._ref: LayerRef | None = None

    def lowers(self) -> list[Path]:
        """Its directories as lower dirs, bottom first."""
        return [self.base[1], self.path] if self.base is not None else [self.path]

    @property
    def ref(self) -> LayerRef:
        """The committed layer (every commit job has ended before anything asks)."""
        if self._ref is None:
            raise BuildError(f"internal error: the layer at {self.path} is not committed")
        return self._ref

    @property
    def diff_id(self) -> str:
        return self.ref.diff_id

    @property
    def blob(self) -> Descriptor:
        return self.ref.blob

    def commit(self) -> LayerRef:
        """Write the blob and call ``then`` (once); what the step held is released either
        way."""
        with self.hold:
            if self._ref is None:
                ref = self.write()
                if self.then is not None:
                    self.then(ref)
                self._ref = ref
            return self._ref


class Deferred:
    """The pending layers of one build."""

    def __init__(self) -> None:
        self._layers: list[PendingLayer] = []
        self._lock = threading.Lock()

    def add(self, layer: PendingLayer) -> None:
        with self._lock:
            self._layers.append(layer)

    def close(self, store: Store, snapshotter: Snapshotter) -> None:
        """At the build's end, once nothing mounts their directories: each committed layer's
        directory becomes its unpacked dir (unless the store has one already); the others
        are removed; anything still held is released."""
        with self._lock:
            layers, self._layers = self._layers, []
        errors: list[BaseException] = []
        for layer in layers:
            try:
                layer.hold.close()
                if layer._ref is not None and layer.base is not None:
                    store.adopt_delta(layer._ref.diff_id, layer.path, layer.base[0])
                elif layer._ref is not None:
                    store.adopt_unpacked(layer._ref.diff_id, layer.path, _as_is)
                snapshotter.remove(layer.mount)
            except Exception as exc:  # the others are still cleaned up
                errors.append(exc)
        if errors:
            raise errors[0]


def _as_is(directory: Path) -> None:
    """Nothing to finish: the directory was promoted before any step used it."""
