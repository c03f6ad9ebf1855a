"""A whole build: plan, compute keys, run the missed steps in parallel, assemble the image.

Every filesystem step (RUN, COPY, ADD, WORKDIR) is one scheduler job keyed by its cache
key. Under an inter-process lock on that key the job looks the key up; on a miss it
prepares a snapshot over its parent's layers, runs the op, diffs the snapshot into a layer,
commits the layer to the store and the record to the cache. An overlay snapshot's upper dir
then becomes the layer's unpacked dir (the next step's lower) instead of the layer being
extracted again. A COPY into an empty snapshot instead hands its settled directory to the
next steps at once: its blob, its record and its key lock are finished by an urgent commit
job of its own while they run (:mod:`builder.build.deferred`). Metadata steps only change
the image config, which the graph already carries.
"""

from __future__ import annotations

import functools
import itertools
import os
import re
import threading
import time
from collections.abc import Mapping, Sequence
from contextlib import ExitStack
from pathlib import Path
from typing import TYPE_CHECKING, Any

from builder.build.deferred import Deferred, PendingLayer
from builder.build.ops import OpContext, copy_op, run_op, workdir_op
from builder.build.request import BuildRequest, BuildResult
from builder.cache import BuildCache, CacheRecord
from builder.cachekey import CacheKey, keys_for
from builder.descriptor import Descriptor
from builder.errors import BuildError, DockyardError, FrameError, NotFoundError
from builder.graph import BuildGraph, PlanSettings, Stage, Step, plan
from builder.graph import ImageConfig as PlanConfig
from builder.progress import Event, Reporter
from builder.record import Record
from builder.scheduler import Cancel, Job, KeyLocks, Scheduler
from builder.settings import Settings
from builder.snapshot import Mount, Snapshotter
from builder.store import Image, Store

if TYPE_CHECKING:
    from typing import Final

    from builder.build.lineage import Lineage
    from builder.cache_import import CacheSources
    from builder.context import BuildContext
    from builder.copy import Base
    from builder.layers import Change
    from builder.layers.writer import Content, Frame, Stat

_SEQ = itertools.count()
_MENTIONS_RUN = re.compile(r"^\s*run\b", re.I | re.M)
"""A line that may be a RUN instruction."""


class LayerRef(Record):
    """A layer of a stage's filesystem: its diff_id and blob."""

    __slots__ = ("diff_id", "blob")
    diff_id: Final[str]
    blob: Final[Descriptor]

    def __init__(self, diff_id: str, blob: Descriptor) -> None:
        self.diff_id = diff_id
        self.blob = blob


Layer = LayerRef | PendingLayer


class StepOutcome(Record):
    """What a step's job returns: the stage's layers after it, and the layer it added."""

    __slots__ = ("layers", "added", "cached", "created")
    layers: Final[tuple[Layer, ...]]
    added: Final[Layer | None]
    cached: Final[bool]
    created: Final[float]

    def __init__(self, layers: tuple[Layer, ...], added: Layer | None, cached: bool,
                 created: float = 0.0) -> None:
        self.layers = layers
        self.added = added
        self.cached = cached
        self.created = created


def _only_new_paths(step: Step, lowers: Sequence[Path]) -> bool:
    """Whether a COPY/ADD writes under a first path component that no layer has (not
    even as a whiteout), so that all it writes is new."""
    from builder.copy import CopyRequest

    dest, _ = CopyRequest.from_step(step).destination()  # clean and absolute
    first = dest.lstrip("/").partition("/")[0]
    return first != "" and not any(
        os.path.lexists(os.path.join(lower, first)) for lower in lowers
    )


class _Rebase(Exception):
    """A COPY's delta cannot be used: the step copies everything again."""


class Build:
    """One build of one Dockerfile (see :func:`build`)."""

    def __init__(self, request: BuildRequest, settings: Settings, reporter: Reporter) -> None:
        self.request = request
        self.settings = settings
        self.reporter = reporter
        self.root = Path(settings.root)
        self.store = Store(self.root)
        self.images: dict[str, Image] = {}
        self.outcomes: dict[tuple[int, int], StepOutcome] = {}
        self.views: dict[str, Mount] = {}
        self.views_lock = threading.Lock()
        self.run_count = 0
        self.cached_count = 0
        self.new_layers: dict[tuple[int, int], tuple[str, int]] = {}
        self.counts_lock = threading.Lock()
        self.imports: CacheSources | None = None
        self.pull_lock = threading.RLock()
        self.missing: dict[str, DockyardError] = {}
        self.step_displays: list[tuple[str, str]] = []
        self.step_keys: list[str] = []  # cache keys of the steps (for the build memo)
        self.remover: Any = None  # a ThreadPoolExecutor once a snapshot is to be removed
        self.removals: list[Any] = []
        self.deferred = Deferred()

    # -- planning -------------------------------------------------------------------------

    def base_config(self, ref: str) -> PlanConfig | None:
        """The config of a base image for planning; pulls it when missing (or ``--pull``).

        A failed pull plans the stage on an empty config and is raised by :meth:`_image`
        only if the stage is built (an unused stage's base need not exist).
        """
        try:
            image = self._ensure(ref)
        except DockyardError as err:
            self.missing[ref] = err
            return None
        return PlanConfig.from_docker(image.config.get("config") or {}, image.id)

    def _ensure(self, ref: str) -> Image:
        """The image ``ref``, from the store or pulled (once per build and reference)."""
        with self.pull_lock:
            image = self.images.get(ref)
            if image is not None:
                return image
            if ref in self.missing:
                raise self.missing[ref]
            from builder.registry import ensure_image

            step_id = f"pull:{ref}"
            t0 = time.monotonic()
            started = False

            def progress(event: str, blob: Descriptor, n: int) -> None:
                nonlocal started
                if event == "start" and not started:
                    started = True
                    self.reporter.on_event(Event("started", step_id, f"pull {ref}"))

            image = ensure_image(self.store, ref, self.settings, always=self.request.pull,
                                 progress=progress)
            if started:
                self.reporter.on_event(Event("finished", step_id, f"pull {ref}", {
                    "seconds": time.monotonic() - t0, "layer_size": 0}))  # fmt: skip
            self.images[ref] = image
            return image

    def _image(self, ref: str) -> Image:
        try:
            return self._ensure(ref)
        except NotFoundError:
            raise BuildError(
                f"failed to resolve source metadata for {ref}: the image is not in the "
                "local store and cannot be pulled (load, import or build it first)"
            ) from None
        except DockyardError as err:
            raise BuildError(f"failed to resolve source metadata for {ref}: {err}") from None

    def _resolve_images(self, graph: BuildGraph) -> None:
        """Before anything runs, find (or pull) every image the built stages use — ``FROM``,
        ``COPY --from``, mounts — failing at the line that names a missing one."""
        for stage in graph.stages:
            if stage.pruned:
                continue
            if stage.base.kind == "image":
                image = self._image_at(stage.base.ref, stage.location)
                self.images.setdefault(stage.base.canonical, image)
            for step in stage.steps:
                for edge in step.deps:
                    if edge.image is not None:
                        self._image_at(edge.image, step.location)

    def _image_at(self, ref: str, location: Any) -> Image:
        try:
            return self._image(ref)
        except BuildError as err:
            raise BuildError(err.message, location) from None

    def image_layers(self, ref: str) -> tuple[LayerRef, ...]:
        image = self._image(ref)
        return tuple(LayerRef(d, b) for d, b in zip(image.diff_ids, image.layers, strict=True))

    # -- running --------------------------------------------------------------------------

    def run(self, ctx: BuildContext | None = None) -> BuildResult:
        """Build; ``ctx`` is the opened context (opened and closed here when None)."""
        from builder.build.parsed import parsed
        from builder.copy import sources_digester

        started = time.monotonic()
        req = self.request
        self.store.ensure()
        (self.root / "tmp").mkdir(parents=True, exist_ok=True)
        with ExitStack() as stack:
            if ctx is None:
                from builder.build.memo import opened_context

                ctx = stack.enter_context(opened_context(req, self.settings))
            executor = self._executor()
            # closed here only if the build fails before it takes its place below
            early = stack.enter_context(ExitStack())
            early.callback(executor.close)
            if _MENTIONS_RUN.search(ctx.dockerfile) and hasattr(executor, "prestart"):
                # a guess (a RUN may be in the cache): the helper boots while the
                # Dockerfile is parsed and planned, instead of the first RUN waiting for it
                executor.prestart()
            dockerfile = parsed(
                self.root,
                ctx.dockerfile.encode("utf-8", "surrogateescape"),
                ctx.dockerfile_name if req.dockerfile in (None, "-") else req.dockerfile,
            )
            settings = PlanSettings(
                build_args=dict(req.build_args),
                target=req.target,
                all_stages=req.all_stages,
                no_cache=req.no_cache,
                no_cache_filter=req.no_cache_filter,
            )
            graph = plan(dockerfile, settings, self.base_config)
            self._resolve_images(graph)
            self.graph = graph
            for warning in graph.warnings:
                self.reporter.on_event(Event("warning", data={"message": warning}))
            remote = None
            if downloads(graph):  # fetched now: the keys name what came
                from builder.fetch import Downloads

                remote = Downloads(self.root / "tmp" / f"downloads-{os.getpid()}-{next(_SEQ)}")
                stack.callback(remote.close)
            keys = keys_for(
                graph,
                sources_digester(ctx.snapshot, remote),
                {ref: img.id for ref, img in self.images.items()},
            )
            cache = BuildCache(self.root)
            stack.callback(cache.close)
            if req.cache_from:
                from builder.cache_import import CacheSources
                from builder.cache_mounts import mount_ids

                self.imports = CacheSources((c.src for c in req.cache_from), self._warn)
                self.imports.seed_mounts(self.root, mount_ids(graph))
            snapshotter = self._snapshotter()
            # after the removals: a pending layer's dir is kept until nothing mounts it
            stack.callback(self.deferred.close, self.store, snapshotter)
            stack.callback(self._drain_removals)
            early.pop_all()
            stack.callback(executor.close)
            stack.callback(self._drop_views, snapshotter)
            ops = OpContext(
                root=self.root, executor=executor, context_snapshot=ctx.snapshot,
                secrets=req.secrets, network=req.network,
                tree_for=lambda name: self._tree(name, graph, snapshotter), remote=remote,
            )  # fmt: skip
            with self.store.session():
                jobs = self._jobs(graph, keys, cache, snapshotter, ops)
                scheduler = Scheduler(req.jobs)
                results = scheduler.run(jobs)
                target = graph.stages[graph.target]
                from builder.build.assemble import assemble

                image = assemble(self, graph, target, results, req)
                if req.cache_to:
                    from builder.cache_export import export_build

                    export_build(self.store, self.root, req.cache_to, graph, keys,
                                 list(self.outcomes), cache, self._warn)
            self._auto_prune(cache)
        seconds = time.monotonic() - started
        layers = [self.new_layers[k] for k in sorted(self.new_layers)]
        result = BuildResult(
            image_id=image.id,
            manifest_digest=image.digest,
            tags=tuple(str(n) for n in image.names),
            steps_run=self.run_count,
            steps_cached=self.cached_count,
            seconds=seconds,
            new_layers=tuple(layers),
            warnings=graph.warnings,
        )
        self.reporter.on_event(Event("summary", data={
            "run": self.run_count, "cached": self.cached_count, "seconds": seconds,
            "layers": layers, "image": image.id,
        }))  # fmt: skip
        return result

    def _warn(self, message: str) -> None:
        self.reporter.on_event(Event("warning", data={"message": message}))

    def _auto_prune(self, cache: BuildCache) -> None:
        from builder.cache_gc import auto_prune

        budget = self.request.cache_keep_storage
        try:
            auto_prune(self.root, self.settings.cache_keep_storage if budget is None else budget,
                       cache)
        except (DockyardError, OSError) as err:
            self._warn(f"pruning the build cache failed: {err}")

    def _snapshotter(self) -> Snapshotter:
        from builder.snapshot import CopySnapshotter, OverlaySnapshotter, default_snapshotter

        where = self.root / "snapshots"
        from builder.snapshot.stale import sweep_stale

        try:
            sweep_stale(where)  # what killed builds left
        except OSError as err:
            self._warn(f"cannot remove the snapshots of a killed build: {err}")
        kind = self.request.snapshotter
        if kind == "overlay":
            return OverlaySnapshotter(where)
        if kind == "copy":
            return CopySnapshotter(where)
        snap, reason = default_snapshotter(where)
        if reason:
            self.reporter.on_event(
                Event("warning", data={"message": f"using the copy snapshotter: {reason}"})
            )
        return snap

    def _executor(self) -> Any:
        if self.request.runtime == "runc":
            from builder.runtime.runc import RuncExecutor

            return RuncExecutor(self.root / "runc")
        from builder.runtime.native import NativeExecutor

        # in the root's tmp, which a prune empties, so a killed build leaves no litter behind
        return NativeExecutor(temp_parent=self.root / "tmp")

    # -- jobs -----------------------------------------------------------------------------

    def _jobs(
        self,
        graph: BuildGraph,
        keys: Mapping[tuple[int, int], CacheKey],
        cache: BuildCache,
        snapshotter: Snapshotter,
        ops: OpContext,
    ) -> dict[str, Job]:
        jobs: dict[str, Job] = {}
        self.stage_final: dict[int, str] = {}
        for stage in graph.stages:
            if stage.pruned:
                continue
            base_id = f"s{stage.index}:base"
            base_stage = stage.base.stage
            deps = (self.stage_final[base_stage],) if base_stage is not None else ()
            jobs[base_id] = Job(base_id, self._base_runner(stage), deps)
            previous = base_id
            for step in stage.steps:
                if not step.layer:
                    continue
                job_id = f"s{stage.index}:{step.index}"
                extra = [
                    self.stage_final[e.source_stage]
                    for e in step.deps
                    if e.source_stage is not None and e.source_stage in self.stage_final
                ]
                runner = self._step_runner(
                    stage, step, keys[(stage.index, step.index)], cache, snapshotter, ops
                )
                jobs[job_id] = Job(job_id, runner, (previous, *extra), name=step.label)
                # urgent: the commit releases the step's key lock, which a job may wait for
                jobs[f"{job_id}:commit"] = Job(f"{job_id}:commit",
                                               self._commit_runner(stage, step), (job_id,),
                                               name=step.label, urgent=True)
                previous = job_id
            self.stage_final[stage.index] = previous
        return jobs

    def _base_runner(self, stage: Stage) -> Any:
        def run(cancel: Cancel, deps: Mapping[str, Any]) -> StepOutcome:
            if stage.base.kind == "scratch":
                return StepOutcome((), None, True)
            if stage.base.kind == "stage":
                parent: StepOutcome = next(iter(deps.values()))
                return StepOutcome(parent.layers, None, True)
            return StepOutcome(self.image_layers(stage.base.ref), None, True)

        return run

    def _step_runner(
        self,
        stage: Stage,
        step: Step,
        key: CacheKey,
        cache: BuildCache,
        snapshotter: Snapshotter,
        ops: OpContext,
    ) -> Any:
        step_id = f"{stage.index}:{step.index}"
        display = step_display(self.graph, stage, step)
        self.step_displays.append((step_id, display))
        if key.complete:
            self.step_keys.append(key.digest)
        use_cache = not step.no_cache

        def run(cancel: Cancel, deps: Mapping[str, Any]) -> StepOutcome:
            parent: StepOutcome = deps[next(iter(deps))]
            chain = parent.layers
            with ExitStack() as held:
                held.enter_context(KeyLocks(self.root / "locks").hold(key.digest))
                record = cache.lookup(key.digest) if use_cache and key.complete else None
                if (record is None or not self._usable(record)) and use_cache and key.complete \
                        and self.imports:
                    record = self.imports.fetch(key.digest, self.store, cache)
                if record is not None and self._usable(record):
                    reused = self._record_layer(record)
                    self.reporter.on_event(Event("cached", step_id, display))
                    with self.counts_lock:
                        self.cached_count += 1
                    layers = chain + ((reused,) if reused else ())
                    outcome = StepOutcome(layers, reused, True, record.created)
                    self.outcomes[(stage.index, step.index)] = outcome
                    return outcome
                self.reporter.on_event(Event("started", step_id, display))
                t0 = time.monotonic()
                execute = functools.partial(self._execute, step, chain, snapshotter, ops,
                                            cancel, step_id)
                try:
                    try:
                        added = execute()
                    except _Rebase:  # the copy's delta cannot be used: the whole copy
                        added = execute(delta=False)
                except DockyardError as err:
                    raise self._failed(stage, step, step_id, display, err) from None
                if isinstance(added, PendingLayer):  # its commit job finishes the step
                    added.hold.enter_context(held.pop_all())
                    added.then = functools.partial(self._finished, stage, step, key, cache,
                                                   step_id, display, t0)
                    outcome = StepOutcome((*chain, added), added, False, time.time())
                    self.outcomes[(stage.index, step.index)] = outcome
                    return outcome
                created = self._finished(stage, step, key, cache, step_id, display, t0, added)
            # the record's time: a later build that reuses this step makes the same image
            outcome = StepOutcome(chain + ((added,) if added else ()), added, False, created)
            self.outcomes[(stage.index, step.index)] = outcome
            return outcome

        return run

    def _commit_runner(self, stage: Stage, step: Step) -> Any:
        """The job that writes the blob of a step's :class:`PendingLayer`, if it left one."""
        job_id = f"s{stage.index}:{step.index}"
        step_id = f"{stage.index}:{step.index}"

        def run(cancel: Cancel, deps: Mapping[str, Any]) -> None:
            added = deps[job_id].added
            if isinstance(added, PendingLayer):
                try:
                    added.commit()
                except DockyardError as err:
                    raise self._failed(stage, step, step_id, step_display(self.graph, stage, step),
                                       err) from None

        return run

    def _failed(self, stage: Stage, step: Step, step_id: str, display: str,
                err: DockyardError) -> BuildError:
        self.reporter.on_event(Event("failed", step_id, display, {"error": err.message}))
        return _step_error(self.graph, stage, step, err.message,
                           getattr(err, "output_tail", ()))

    def _finished(self, stage: Stage, step: Step, key: CacheKey, cache: BuildCache,
                  step_id: str, display: str, t0: float, added: LayerRef | None) -> float:
        """Record a step that ran (its layer committed) and report it; the record's time."""
        created = time.time()
        if key.complete:  # an incomplete key names no inputs: nothing to find it by
            created = cache.commit(key.digest, CacheRecord(
                key=key.digest,
                layer_digest=added.blob.digest if added else None,
                diff_id=added.diff_id if added else None,
                inputs=key.inputs, stage=stage.display_name,
                instruction=step.text.strip(),
            )).created  # fmt: skip
        where = (stage.index, step.index)
        outcome = self.outcomes.get(where)
        if outcome is not None:  # a pending layer's outcome, out before its record
            self.outcomes[where] = outcome.replace(created=created)
        size = added.blob.size if added else 0
        self.reporter.on_event(Event("finished", step_id, display, {
            "seconds": time.monotonic() - t0, "layer_size": size,
        }))  # fmt: skip
        with self.counts_lock:
            self.run_count += 1
            if added:
                self.new_layers[(stage.index, step.index)] = (display, size)
        return created

    def _usable(self, record: CacheRecord) -> bool:
        if record.layer_digest is None:
            return True
        return self.store.has_blob(record.layer_digest)

    def _record_layer(self, record: CacheRecord) -> LayerRef | None:
        if record.layer_digest is None or record.diff_id is None:
            return None
        for rec in self.store.layer_records(record.diff_id):
            if rec.descriptor.digest == record.layer_digest:
                return LayerRef(record.diff_id, rec.descriptor)
        path = self.store.blob_path(record.layer_digest)
        from builder.layers import MEDIA_TYPES

        return LayerRef(
            record.diff_id,
            Descriptor(MEDIA_TYPES["zstd"], record.layer_digest, path.stat().st_size),
        )

    def _execute(
        self,
        step: Step,
        chain: tuple[Layer, ...],
        snapshotter: Snapshotter,
        ops: OpContext,
        cancel: Cancel,
        step_id: str,
        delta: bool = True,
    ) -> Layer | None:
        """Run ``step`` over ``chain`` in a new snapshot; the layer it added. A COPY from
        the context into new paths writes only what differs from its last full layer when
        it can (``delta``, :mod:`builder.build.lineage`); when that turns out not to hold,
        :class:`_Rebase` is raised, nothing kept, and the caller runs it again without."""
        lowers = [p for layer in chain for p in self._lowers(layer)]
        cancel.check()
        # COPY --link (BuildKit): the files go into an empty snapshot, a layer that reads
        # nothing of the stage (a symlink on the destination path is not followed; the
        # destination's directories are new). --chown names still resolve in the stage.
        # A COPY whose destination is new from the root up (no layer has its first
        # component) writes the same layer that way: nothing it writes is in the stage.
        link = step.kind in ("COPY", "ADD") and (
            bool(step.instruction.get("link")) or _only_new_paths(step, lowers)
        )
        users = None
        if link and step.instruction.get("chown") and lowers:
            users = snapshotter.view(f"users-{os.getpid()}-{next(_SEQ)}", lowers)
        keep = False  # the snapshot holds a pending layer's dir
        contents: dict[str, Content] = {}  # of pooled files (the frame index's keys)
        base: tuple[Lineage, Path] | None = None  # what a COPY wrote a delta over
        kept: set[str] | None = None  # the paths it left to that base
        try:
            key = f"build-{os.getpid()}-{next(_SEQ)}"
            mount = snapshotter.empty(key) if link else snapshotter.prepare(key, lowers)
        except BaseException:
            if users is not None:
                snapshotter.remove(users)
            raise
        try:
            if step.kind == "RUN":

                def on_line(stream: str, line: str) -> None:
                    self.reporter.on_event(
                        Event("log", step_id, data={"stream": stream, "line": line})
                    )

                run_op(step, mount.rootfs, ops, cancel, on_line)
            elif step.kind in ("COPY", "ADD"):
                users_root = (users.rootfs if users else self._empty_dir()) if link else None
                # a plain target can link files from the pool, unless the layer clamps
                # mtimes (the pool's files keep theirs for every layer that links them)
                pool = None
                if mount.kind == "plain" and self.settings.source_date_epoch is None:
                    self.store.ensure()
                    pool = self.store.pool_dir
                if pool is not None and delta and step.kind == "COPY":
                    base = self._base_of(step, ops)
                copied = copy_op(step, mount.rootfs, ops, users_root=users_root, pool=pool,
                                 base=_copy_base(*base) if base else None)
                contents = copied.contents
                kept = copied.kept
                if kept is None:
                    base = None
            elif step.kind == "WORKDIR":
                workdir_op(step, mount.rootfs)
            cancel.check()
            epoch = self.settings.source_date_epoch
            settled = mount.kind == "plain" and mount.upper is not None
            known: dict[str, Stat] = {}  # lstat of settled sources
            if settled:  # all of it is new: diff and promotion in one walk
                from builder.snapshot.promote import settle_plain

                changes = settle_plain(str(mount.upper), epoch, known, contents)
            else:
                changes = snapshotter.diff(mount)
            if base is not None:  # the whole layer is the delta's changes over the base's
                from builder.build import lineage

                if not lineage.complete(base[0], changes, kept or set()):
                    raise _Rebase  # a path of the base was removed: copy it all again
            elif not changes:
                return None
            if settled:
                pending = self._defer(snapshotter, mount, changes, epoch, known, contents,
                                      step if step.kind == "COPY" else None,
                                      ops, base)
                if pending is not None:
                    keep = True
                    return pending
                if base is not None:
                    raise _Rebase  # a delta dir cannot be kept as the layer's dir
            record = self.store.commit_layer(
                changes, compression=self.request.compression, epoch=epoch, known=known,
                contents=contents,
            )
            self._keep_upper(snapshotter, mount, changes, record.diff_id, epoch, settled)
            return LayerRef(record.diff_id, record.descriptor)
        finally:
            if not keep:
                self._remove_later(snapshotter, mount)
            if users is not None:
                self._remove_later(snapshotter, users)

    def _base_of(self, step: Step, ops: OpContext) -> tuple[Lineage, Path] | None:
        """The full layer an earlier run of this COPY left, to copy over (see
        :mod:`builder.build.lineage`), and its unpacked dir while that is there."""
        from builder.build import lineage

        root = self._context_dir(ops)
        if root is None:
            return None
        found = lineage.load(self.root, lineage.key_for(root, step.text))
        if found is None:
            return None
        below = self.store.layers_dir / found.diff_id[len("sha256:"):]
        if not below.is_dir():
            return None  # collected: a base is not worth unpacking
        return found, below

    def _context_dir(self, ops: OpContext) -> str | None:
        """The context directory that names a COPY's base (:mod:`builder.build.lineage`);
        None for a tar on stdin, unpacked anew in another directory by every build."""
        root = getattr(ops.context_snapshot, "root", None)
        return None if root is None or self.request.context == "-" else str(root)

    def _defer(self, snapshotter: Snapshotter, mount: Mount, changes: list[Change],
               epoch: int | None, known: dict[str, Stat],
               contents: dict[str, Content], copy: Step | None = None,
               ops: OpContext | None = None,
               base: tuple[Lineage, Path] | None = None) -> PendingLayer | None:
        """The settled upper dir of ``mount`` as a :class:`PendingLayer` (its blob written
        by the step's commit job), or None when it cannot be handed on as it is. The layer
        of a full ``copy`` from the context is kept as the base of its next run; one over
        a ``base`` is a delta over it."""
        from builder.snapshot.promote import promote_top

        upper = snapshotter.detach(mount)
        if upper is None:
            return None
        try:
            promote_top(str(upper))
        except DockyardError:
            return None

        root = self._context_dir(ops) if ops is not None else None

        def write() -> LayerRef:
            from builder.build import lineage

            commit = functools.partial(self.store.commit_layer,
                                       compression=self.request.compression, epoch=epoch,
                                       known=known)
            if base is None:
                frames: list[Frame] = []
                record = commit(changes, contents=contents, frames_out=frames)
                if copy is not None and root is not None and contents:
                    lineage.save(self.root, lineage.key_for(root, copy.text),
                                 record.diff_id, changes, contents, known, frames)
                return LayerRef(record.diff_id, record.descriptor)
            # the layer is the delta's changes over the base's: the base's frames the delta
            # leaves alone are taken as they are, else the whole layer is written
            plan = lineage.planned(base[0], str(base[1]), changes, contents, known)
            if plan is not None:
                try:
                    record = commit([], contents=plan[1], plan=plan[0])
                    return LayerRef(record.diff_id, record.descriptor)
                except FrameError:  # a frame of the base is not in the index any more
                    pass
            whole, held = lineage.merged(base[0], str(base[1]), changes, contents, known)
            record = commit(whole, contents=held)
            return LayerRef(record.diff_id, record.descriptor)

        pending = PendingLayer(upper, mount, write,
                               (base[0].diff_id, base[1]) if base is not None else None)
        self.deferred.add(pending)
        return pending

    def _lowers(self, layer: Layer) -> list[Path]:
        """Where ``layer`` is unpacked, as lower dirs (bottom first)."""
        if isinstance(layer, PendingLayer):
            return layer.lowers()
        return self.store.lowers(layer.diff_id)

    def _keep_upper(self, snapshotter: Snapshotter, mount: Mount, changes: list[Change],
                    diff_id: str, epoch: int | None, settled: bool) -> None:
        """Let the step's upper dir become the layer's unpacked dir (what BuildKit does),
        so the next step need not extract the layer it just wrote; a ``settled`` one
        (:func:`~builder.snapshot.promote.settle_plain`) needs only its top fixed."""
        upper = snapshotter.detach(mount)
        if upper is None:
            return
        from builder.snapshot.promote import promote_top, promote_upper

        def finish(directory: Path) -> None:
            if settled:
                promote_top(str(directory))
            else:
                promote_upper(str(directory), changes, epoch)

        self.store.adopt_unpacked(diff_id, upper, finish)

    def _empty_dir(self) -> Path:
        empty = self.root / "tmp" / f"empty-{os.getpid()}"
        empty.mkdir(parents=True, exist_ok=True)
        return empty

    def _remove_later(self, snapshotter: Snapshotter, mount: Mount) -> None:
        """Remove a step's snapshot off the step's critical path (deleting a tree is slow);
        every removal is done before the build returns (:meth:`_drain_removals`)."""
        with self.views_lock:
            if self.remover is None:
                from concurrent.futures import ThreadPoolExecutor

                self.remover = ThreadPoolExecutor(max_workers=1, thread_name_prefix="remove")
            self.removals.append(self.remover.submit(snapshotter.remove, mount))

    def _drain_removals(self) -> None:
        if self.remover is None:
            return
        self.remover.shutdown(wait=True)
        for done in self.removals:
            done.result()  # a snapshot that cannot be removed fails the build, as before

    # -- read-only views of other stages and images (COPY --from, RUN --mount=from) -------

    def _tree(self, name: str, graph: BuildGraph, snapshotter: Snapshotter) -> Path:
        with self.views_lock:
            view = self.views.get(name)
            if view is None:
                layers = self._layers_of(name, graph)
                lowers = [p for layer in layers for p in self._lowers(layer)]
                if not lowers:
                    empty = self.root / "tmp" / f"empty-{os.getpid()}"
                    empty.mkdir(parents=True, exist_ok=True)
                    lowers = [empty]
                view = snapshotter.view(f"view-{os.getpid()}-{next(_SEQ)}", lowers)
                self.views[name] = view
            return view.rootfs

    def _layers_of(self, name: str, graph: BuildGraph) -> tuple[Layer, ...]:
        kind, _, ref = name.partition(":")
        if kind == "image":
            return self.image_layers(ref)
        stage = graph.stages[int(ref)]
        last = [s for s in stage.steps if s.layer and (stage.index, s.index) in self.outcomes]
        if last:
            return self.outcomes[(stage.index, last[-1].index)].layers
        if stage.base.kind == "image":
            return self.image_layers(stage.base.ref)
        if stage.base.kind == "stage" and stage.base.stage is not None:
            return self._layers_of(f"stage:{stage.base.stage}", graph)
        return ()

    def _drop_views(self, snapshotter: Snapshotter) -> None:
        for view in self.views.values():
            snapshotter.remove(view)
        self.views.clear()


def _copy_base(found: Lineage, directory: Path) -> Base:
    """What a copy over the full layer ``found`` (unpacked at ``directory``) compares with."""
    from builder.copy import Base

    return Base(str(directory), found.contents, found.dirs)


def downloads(graph: BuildGraph) -> bool:
    """Whether a built stage ADDs from a URL or git (sources checked on every build)."""
    from builder.fetch import is_git_source, is_url

    return any(
        step.kind == "ADD" and any(is_url(s) or is_git_source(s) for s in
                                   step.instruction.get("sources", ()))
        for stage in graph.stages if not stage.pruned for step in stage.steps
    )  # fmt: skip


def step_prefix(graph: BuildGraph, stage: Stage, step: Step) -> str:
    """BuildKit's ``[name 2/5]``: FROM is 1, then each RUN/COPY/ADD/WORKDIR; the name is left
    out of a one-stage build's unnamed stage; the index is padded to the total's width."""
    counted = [s for s in stage.steps if s.layer]
    total = len(counted) + 1
    index = next((i for i, s in enumerate(counted) if s is step), len(counted)) + 2
    name = stage.name or (f"stage-{stage.index}" if len(graph.stages) > 1 else "")
    return f"[{name + ' ' if name else ''}{index:>{len(str(total))}}/{total}]"


def step_display(graph: BuildGraph, stage: Stage, step: Step) -> str:
    """How progress names a step: ``[name 2/5] RUN make``."""
    return f"{step_prefix(graph, stage, step)} {step.text.strip()}"


def _step_error(
    graph: BuildGraph, stage: Stage, step: Step, message: str, tail: tuple[str, ...]
) -> BuildError:
    text = f"{step_prefix(graph, stage, step)} {step.label}: {message}"
    if tail:
        text += "\n" + "\n".join(f"  | {line}" for line in tail)
    return BuildError(text, step.location)


def build(request: BuildRequest, settings: Settings, reporter: Reporter) -> BuildResult:
    """Run a build; raises :class:`~builder.errors.DockyardError` on failure."""
    try:
        return Build(request, settings, reporter).run()
    finally:
        reporter.close()
