"""Registries: an OCI distribution client (``client``), auth (``auth``, ``credentials``),
``pull``, ``push``, and :func:`ensure_image`, which builds and runs call for an image that
may have to be pulled.
"""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

# httpx imports its optional command line (rich, pygments, click) unless that import fails;
# skipping it takes a good part of a second off the start of every pull and push
if "httpx" not in sys.modules:
    sys.modules.setdefault("httpx._main", None)  # type: ignore[arg-type]

from builder.errors import NotFoundError, ReferenceFormatError
from builder.reference import is_full_id, parse_normalized

if TYPE_CHECKING:
    from builder.registry.client import RegistryClient
    from builder.registry.pull import Platform, Progress, PullResult
    from builder.settings import Settings
    from builder.store import Image, Store

__all__ = ["client_for", "ensure_image", "pull_image"]


def client_for(domain: str, settings: Settings) -> RegistryClient:
    """A client for the registry ``domain`` with the saved credentials for it."""
    from builder.registry.client import RegistryClient

    return RegistryClient(domain, settings)


def pull_image(store: Store, text: str, settings: Settings, *,
               platform: Platform | None = None,
               progress: Progress | None = None) -> PullResult:
    """Pull the reference ``text`` (``busybox``, ``host:5000/x:1``, ``x@sha256:…``)."""
    from builder.registry.pull import pull

    ref = parse_normalized(text)
    with client_for(ref.domain, settings) as client:
        return pull(store, ref, client, platform=platform, progress=progress)


def ensure_image(store: Store, ref: str, settings: Settings, *, always: bool = False,
                 platform: Platform | None = None,
                 progress: Progress | None = None) -> Image:
    """The image ``ref`` from the store, pulled first when it is missing (or ``always``).

    An image ID (or ID prefix) is never pulled. Raises :class:`NotFoundError` for an
    unknown ID, :class:`~builder.errors.RegistryError` when the pull fails.
    """
    if not always:
        try:
            return store.resolve(ref)
        except NotFoundError:
            pass
    try:
        parse_normalized(ref)
        pullable = not is_full_id(ref.removeprefix("sha256:"))
    except ReferenceFormatError:
        pullable = False
    if not pullable:
        return store.resolve(ref)
    return pull_image(store, ref, settings, platform=platform, progress=progress).image
