"""``dockyard build``: a Dockerfile in, an image in the store out (see :func:`build`)."""

from __future__ import annotations

from builder.build.request import BuildRequest, BuildResult, CacheExport, CacheImport, Output

TYPE_CHECKING = False
if TYPE_CHECKING:
    from builder.progress import Reporter
    from builder.settings import Settings

__all__ = ["BuildRequest", "BuildResult", "CacheExport", "CacheImport", "Output", "build"]

_DEEPEST = 10_000


def build(request: BuildRequest, settings: Settings, reporter: Reporter) -> BuildResult:
    """Run a build; raises :class:`~builder.errors.DockyardError` on failure.

    A build whose inputs are unchanged is answered from the build memo
    (:mod:`builder.build.memo`) before the planner or the engine is even imported.
    """
    import sys

    from builder.build import memo

    # contexts and images are walked recursively, a few calls a level: room for paths as
    # deep as Linux allows (PATH_MAX, 4,096 bytes: 2,048 levels), as Docker takes them
    sys.setrecursionlimit(max(sys.getrecursionlimit(), _DEEPEST))
    prescan = None
    try:
        prescan = memo.Prescan(request, settings) if memo.usable(request) else None
        tried = prescan.key if prescan is not None else None
        if tried is not None:
            result = memo.recall(tried, request, settings, reporter)
            if result is not None:
                return result  # the context is as last scanned: not scanned again
        with memo.opened_context(request, settings, prescan) as ctx:
            key = prescan.scanned(ctx) if prescan is not None else None
            if key is not None and key != tried:
                result = memo.recall(key, request, settings, reporter)
                if result is not None:
                    return result
            from builder.build.engine import Build, downloads

            job = Build(request, settings, reporter)
            result = job.run(ctx)
            if not downloads(job.graph):
                from builder.cache_mounts import mount_ids

                bases = {ref: image.id for ref, image in job.images.items()}
                key = key or memo.key_for(request, settings, ctx)
                memo.remember(key, settings, result, bases, job.step_displays, job.step_keys,
                              mount_ids(job.graph))
            return result
    finally:
        if prescan is not None:
            prescan.close()
        reporter.close()
