"""``dockyard build``: a Dockerfile in, an image in the store out (see :func:`build`)."""

from __future__ import annotations

from builder.build.engine import build
from builder.build.request import BuildRequest, BuildResult, CacheExport, CacheImport, Output

__all__ = ["BuildRequest", "BuildResult", "CacheExport", "CacheImport", "Output", "build"]
