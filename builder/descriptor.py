"""OCI content descriptors, media types and digest helpers."""

from __future__ import annotations

import hashlib
import re

from builder.errors import DigestError
from builder.record import Record

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any, Final

MEDIA_OCI_MANIFEST = "application/vnd.oci.image.manifest.v1+json"
MEDIA_OCI_INDEX = "application/vnd.oci.image.index.v1+json"
MEDIA_OCI_CONFIG = "application/vnd.oci.image.config.v1+json"
MEDIA_OCI_LAYER = "application/vnd.oci.image.layer.v1.tar"
MEDIA_OCI_LAYER_GZIP = "application/vnd.oci.image.layer.v1.tar+gzip"
MEDIA_OCI_LAYER_ZSTD = "application/vnd.oci.image.layer.v1.tar+zstd"
MEDIA_DOCKER_MANIFEST = "application/vnd.docker.distribution.manifest.v2+json"
MEDIA_DOCKER_LIST = "application/vnd.docker.distribution.manifest.list.v2+json"
MEDIA_DOCKER_CONFIG = "application/vnd.docker.container.image.v1+json"
MEDIA_DOCKER_LAYER_GZIP = "application/vnd.docker.image.rootfs.diff.tar.gzip"
MEDIA_OCTET = "application/octet-stream"

MANIFEST_TYPES = frozenset({MEDIA_OCI_MANIFEST, MEDIA_DOCKER_MANIFEST})
INDEX_TYPES = frozenset({MEDIA_OCI_INDEX, MEDIA_DOCKER_LIST})
LAYER_TYPES = frozenset(
    {
        MEDIA_OCI_LAYER,
        MEDIA_OCI_LAYER_GZIP,
        MEDIA_OCI_LAYER_ZSTD,
        MEDIA_DOCKER_LAYER_GZIP,
        "application/vnd.docker.image.rootfs.diff.tar",
        "application/vnd.oci.image.layer.nondistributable.v1.tar",
        "application/vnd.oci.image.layer.nondistributable.v1.tar+gzip",
        "application/vnd.oci.image.layer.nondistributable.v1.tar+zstd",
        "application/vnd.docker.image.rootfs.foreign.diff.tar.gzip",
    }
)

ANNOTATION_REF_NAME = "org.opencontainers.image.ref.name"
# the ``oci-layout`` file of an OCI image layout
OCI_LAYOUT = b'{"imageLayoutVersion":"1.0.0"}'
ANNOTATION_IMAGE_NAME = "io.containerd.image.name"

_SHA256_RE = re.compile(r"^sha256:[a-f0-9]{64}$")


def sha256_digest(data: bytes) -> str:
    """``sha256:<hex>`` of ``data``."""
    return "sha256:" + hashlib.sha256(data).hexdigest()


def is_sha256_digest(value: str) -> bool:
    """Whether ``value`` is a well-formed ``sha256:<64 lowercase hex>`` digest."""
    return _SHA256_RE.match(value) is not None


def check_digest(value: object, what: str = "digest") -> str:
    """Return ``value`` if it is a sha256 digest, else raise :class:`DigestError`."""
    if not isinstance(value, str) or not is_sha256_digest(value):
        raise DigestError(f"invalid {what} {value!r}: only sha256 digests are supported")
    return value


def hex_of(digest: str) -> str:
    """The hex part of a checked sha256 digest."""
    return check_digest(digest)[len("sha256:") :]


class Descriptor(Record):
    """A reference to content: media type, digest, size and optional annotations/platform
    (which equality and hashing ignore)."""

    __slots__ = ("media_type", "digest", "size", "annotations", "platform")
    _compared = ("media_type", "digest", "size")
    media_type: Final[str]
    digest: Final[str]
    size: Final[int]
    annotations: Final[dict[str, str]]
    platform: Final[dict[str, Any] | None]

    def __init__(self, media_type: str, digest: str, size: int,
                 annotations: dict[str, str] | None = None,
                 platform: dict[str, Any] | None = None) -> None:
        self.media_type = media_type
        self.digest = digest
        self.size = size
        self.annotations = {} if annotations is None else annotations
        self.platform = platform

    def to_dict(self) -> dict[str, Any]:
        """The JSON form, keys in the order the spec lists them."""
        out: dict[str, Any] = {
            "mediaType": self.media_type,
            "digest": self.digest,
            "size": self.size,
        }
        if self.annotations:
            out["annotations"] = dict(self.annotations)
        if self.platform:
            out["platform"] = dict(self.platform)
        return out

    @classmethod
    def from_dict(cls, data: object) -> Descriptor:
        """Parse a descriptor, validating digest and size."""
        if not isinstance(data, dict):
            raise DigestError("malformed descriptor: not an object")
        digest = check_digest(data.get("digest"))
        size = data.get("size")
        if not isinstance(size, int) or isinstance(size, bool) or size < 0:
            raise DigestError(f"malformed descriptor for {digest}: bad size {size!r}")
        media_type = data.get("mediaType", MEDIA_OCTET)
        if not isinstance(media_type, str):
            raise DigestError(f"malformed descriptor for {digest}: bad mediaType")
        annotations = data.get("annotations") or {}
        if not isinstance(annotations, dict) or not all(
            isinstance(k, str) and isinstance(v, str) for k, v in annotations.items()
        ):
            raise DigestError(f"malformed descriptor for {digest}: bad annotations")
        platform = data.get("platform")
        if platform is not None and not isinstance(platform, dict):
            raise DigestError(f"malformed descriptor for {digest}: bad platform")
        return cls(media_type, digest, size, dict(annotations), platform)

    def with_annotations(self, annotations: dict[str, str]) -> Descriptor:
        """A copy with ``annotations`` replacing the current ones."""
        return Descriptor(self.media_type, self.digest, self.size, dict(annotations), self.platform)
