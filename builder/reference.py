"""Image references, parsed and normalized the way Docker does.

Grammar (Docker's ``distribution/reference``)::

    reference  := name [ ":" tag ] [ "@" digest ]
    name       := [ domain "/" ] path-component ( "/" path-component )*
    domain     := host [ ":" port ]          host: DNS name or [IPv6]
    path-comp  := [a-z0-9]+ ( ( "." | "_" | "__" | "-"+ ) [a-z0-9]+ )*
    tag        := [A-Za-z0-9_][A-Za-z0-9_.-]{0,127}
    digest     := algorithm ":" hex{32,}

The first component is a domain when it contains ``.`` or ``:`` or is ``localhost``;
otherwise the domain is ``docker.io``, and one-component names on ``docker.io`` live
under ``library/``.
"""

from __future__ import annotations

import re

from builder.errors import ReferenceFormatError
from builder.record import Record

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Final

DEFAULT_DOMAIN = "docker.io"
LEGACY_DEFAULT_DOMAIN = "index.docker.io"
OFFICIAL_REPO_PREFIX = "library/"
DEFAULT_TAG = "latest"
NAME_TOTAL_LENGTH_MAX = 255

_ALNUM = r"[a-z0-9]+"
_SEPARATOR = r"(?:[._]|__|[-]+)"
_PATH_COMPONENT = rf"{_ALNUM}(?:{_SEPARATOR}{_ALNUM})*"
_DOMAIN_COMPONENT = r"(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])"
_IPV6 = r"\[(?:[a-fA-F0-9:]+)\]"
_HOST = rf"(?:{_DOMAIN_COMPONENT}(?:\.{_DOMAIN_COMPONENT})*|{_IPV6})"
_DOMAIN = rf"{_HOST}(?::[0-9]+)?"
_TAG = r"[\w][\w.-]{0,127}"
_DIGEST = r"[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,}"
_NAME = rf"(?:{_DOMAIN}/)?{_PATH_COMPONENT}(?:/{_PATH_COMPONENT})*"

_REFERENCE_RE = re.compile(rf"^({_NAME})(?::({_TAG}))?(?:@({_DIGEST}))?$", re.ASCII)
_TAG_RE = re.compile(rf"^{_TAG}$", re.ASCII)
_ID_RE = re.compile(r"^[a-f0-9]{64}$")
_DIGEST_HEX_LEN = {"sha256": 64, "sha384": 96, "sha512": 128}

INVALID_FORMAT = "invalid reference format"


class Reference(Record):
    """A normalized reference: ``domain/path[:tag][@digest]``.

    ``str()`` is the full form (``docker.io/library/busybox:latest``), :attr:`familiar` the
    short form Docker displays (``busybox:latest``).
    """

    __slots__ = ("domain", "path", "tag", "digest")
    domain: Final[str]
    path: Final[str]
    tag: Final[str | None]
    digest: Final[str | None]

    def __init__(self, domain: str, path: str, tag: str | None = None,
                 digest: str | None = None) -> None:
        self.domain = domain
        self.path = path
        self.tag = tag
        self.digest = digest

    @property
    def name(self) -> str:
        """The repository name with its domain: ``docker.io/library/busybox``."""
        return f"{self.domain}/{self.path}"

    @property
    def familiar_name(self) -> str:
        """The repository name as Docker shows it: ``busybox``, ``localhost:5000/x``."""
        if self.domain == DEFAULT_DOMAIN:
            rest = self.path.removeprefix(OFFICIAL_REPO_PREFIX)
            return rest if rest != self.path and "/" not in rest else self.path
        return self.name

    @property
    def familiar(self) -> str:
        """The short display form: ``busybox:latest``, ``host:5000/ns/x@sha256:…``."""
        return self.familiar_name + self._suffix()

    def _suffix(self) -> str:
        out = ""
        if self.tag is not None:
            out += ":" + self.tag
        if self.digest is not None:
            out += "@" + self.digest
        return out

    def __str__(self) -> str:
        return self.name + self._suffix()

    def with_tag(self, tag: str) -> Reference:
        """This repository with ``tag`` (and no digest)."""
        if not _TAG_RE.match(tag):
            raise ReferenceFormatError(f"{INVALID_FORMAT}: invalid tag {tag!r}")
        return Reference(self.domain, self.path, tag, None)

    def with_digest(self, digest: str) -> Reference:
        """This repository at ``digest`` (and no tag): a repo digest, ``name@sha256:…``."""
        validate_digest(digest)
        return Reference(self.domain, self.path, None, digest)

    def with_default_tag(self) -> Reference:
        """Add ``:latest`` when the reference has neither a tag nor a digest."""
        if self.tag is None and self.digest is None:
            return Reference(self.domain, self.path, DEFAULT_TAG, None)
        return self


def parse(text: str) -> Reference:
    """Parse ``text`` as Docker's ``ParseNormalizedNamed`` does (no default tag added).

    Raises :class:`ReferenceFormatError` with Docker's wording.
    """
    if not text:
        raise ReferenceFormatError(INVALID_FORMAT)
    if _ID_RE.match(text):
        raise ReferenceFormatError(
            f"invalid repository name ({text}), cannot specify 64-byte hexadecimal strings"
        )
    domain, remainder = _split_domain(text)
    name_part = remainder.partition(":")[0]
    if name_part.lower() != name_part:
        raise ReferenceFormatError(f"{INVALID_FORMAT}: repository name must be lowercase")
    return _parse_full(f"{domain}/{remainder}")


def parse_normalized(text: str) -> Reference:
    """Parse ``text`` and add ``:latest`` when it has no tag and no digest."""
    return parse(text).with_default_tag()


def parse_lookup(text: str) -> Reference:
    """Parse ``text`` as a name to find an image by: :func:`parse_normalized`, except that
    ``name:tag@digest`` drops its tag (Docker's reference store looks it up by digest)."""
    ref = parse_normalized(text)
    return ref.with_digest(ref.digest) if ref.digest is not None else ref


def _split_domain(text: str) -> tuple[str, str]:
    first, sep, rest = text.partition("/")
    if not sep or (not any(c in first for c in ".:") and first != "localhost"):
        domain, remainder = DEFAULT_DOMAIN, text
    else:
        domain, remainder = first, rest
    if domain == LEGACY_DEFAULT_DOMAIN:
        domain = DEFAULT_DOMAIN
    if domain == DEFAULT_DOMAIN and "/" not in remainder:
        remainder = OFFICIAL_REPO_PREFIX + remainder
    return domain, remainder


def _parse_full(text: str) -> Reference:
    match = _REFERENCE_RE.match(text)
    if match is None:
        if _REFERENCE_RE.match(text.lower()):
            raise ReferenceFormatError(f"{INVALID_FORMAT}: repository name must be lowercase")
        raise ReferenceFormatError(INVALID_FORMAT)
    name, tag, digest = match.group(1), match.group(2), match.group(3)
    if len(name) > NAME_TOTAL_LENGTH_MAX:
        raise ReferenceFormatError(
            f"{INVALID_FORMAT}: repository name must not be more than "
            f"{NAME_TOTAL_LENGTH_MAX} characters"
        )
    if digest is not None:
        validate_digest(digest)
    domain, _, path = name.partition("/")
    return Reference(domain, path, tag, digest)


def validate_digest(digest: str) -> None:
    """Raise :class:`ReferenceFormatError` unless ``digest`` is a well-formed known digest."""
    algorithm, _, encoded = digest.partition(":")
    expected = _DIGEST_HEX_LEN.get(algorithm)
    if expected is None:
        raise ReferenceFormatError("unsupported digest algorithm")
    if len(encoded) != expected or not re.fullmatch(r"[a-f0-9]+", encoded):
        raise ReferenceFormatError("invalid checksum digest format")


def is_full_id(text: str) -> bool:
    """Whether ``text`` is a bare 64-hex image ID."""
    return _ID_RE.match(text) is not None
