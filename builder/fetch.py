"""Downloading ``ADD <url>`` sources: httpx streaming, sha256 checked, name from the URL."""

from __future__ import annotations

import hashlib
import os
import posixpath
import re
import urllib.parse
from pathlib import Path

from builder.errors import BuildError
from builder.record import Record

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Final

    import httpx

__all__ = ["Download", "Downloads", "download", "is_git_source", "is_url", "url_filename"]

_SHA256 = re.compile(r"sha256:[0-9a-f]{64}")
_CHUNK = 1 << 16


class Download(Record):
    """A downloaded file: where it is, its name in the image, its digest and size."""

    __slots__ = ("path", "filename", "sha256", "size", "mtime")
    path: Final[Path]
    filename: Final[str]
    sha256: Final[str]  # "sha256:<hex>"
    size: Final[int]
    mtime: Final[float | None]  # from Last-Modified, when the server sent one

    def __init__(self, path: Path, filename: str, sha256: str, size: int,
                 mtime: float | None) -> None:
        self.path = path
        self.filename = filename
        self.sha256 = sha256
        self.size = size
        self.mtime = mtime


def is_url(src: str) -> bool:
    """Whether an ADD source is an HTTP(S) URL (git URLs included; see is_git_source)."""
    return src.startswith(("http://", "https://"))


def is_git_source(src: str) -> bool:
    """Whether an ADD source names a git repository (BuildKit's rough rules)."""
    if src.startswith(("git@", "git://", "ssh://")):
        return True
    if is_url(src):
        path = urllib.parse.urlsplit(src).path
        return path.endswith(".git") or ".git/" in path or ("#" in src and ".git" in src)
    return False


def url_filename(url: str) -> str:
    """The file name BuildKit gives a URL download: the URL path's base name, else
    ``__unnamed__``."""
    base = posixpath.basename(urllib.parse.urlsplit(url).path)
    return base if base not in ("", ".", "/", "..") else "__unnamed__"


def download(
    url: str,
    dest_dir: Path | str,
    *,
    checksum: str = "",
    timeout: float = 30.0,
    transport: httpx.BaseTransport | None = None,
) -> Download:
    """Fetch ``url`` into a new file in ``dest_dir`` (mode 0600) and return its description.

    ``checksum`` (``sha256:<hex>``) is verified before returning. Network failures, HTTP
    errors and a checksum mismatch raise BuildError.
    """
    import httpx  # only when downloading: keeps every other command's start-up fast

    _check_format(checksum)
    name = url_filename(url)
    target = Path(dest_dir) / f".download-{os.getpid()}-{id(url)}"
    hasher = hashlib.sha256()
    size = 0
    try:
        with (
            httpx.Client(timeout=timeout, follow_redirects=True, transport=transport) as client,
            client.stream("GET", url) as resp,
        ):
            if resp.status_code >= 400:
                raise BuildError(
                    f"failed to load {url}: invalid response status {resp.status_code}"
                )
            fd = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_CLOEXEC, 0o600)
            with os.fdopen(fd, "wb") as out:
                for chunk in resp.iter_bytes(_CHUNK):
                    hasher.update(chunk)
                    size += len(chunk)
                    out.write(chunk)
            modified = resp.headers.get("last-modified")
    except httpx.HTTPError as e:
        target.unlink(missing_ok=True)
        raise BuildError(f"failed to load {url}: {_describe(e)}") from None
    except BaseException:
        target.unlink(missing_ok=True)
        raise
    digest = "sha256:" + hasher.hexdigest()
    try:
        _check_digest(url, checksum, digest)
    except BuildError:
        target.unlink(missing_ok=True)
        raise
    mtime = None
    if modified:
        try:
            import email.utils

            mtime = email.utils.parsedate_to_datetime(modified).timestamp()
        except (TypeError, ValueError):
            mtime = None
    return Download(target, name, digest, size, mtime)


def _check_format(checksum: str) -> None:
    if checksum and not _SHA256.fullmatch(checksum):
        raise BuildError(f"invalid checksum {checksum!r}: expected sha256:<64 hex digits>")


def _check_digest(url: str, checksum: str, digest: str) -> None:
    if checksum and digest != checksum:
        raise BuildError(f"digest mismatch for {url}: expected {checksum}, got {digest}")


class Downloads:
    """The URL sources of one build, each fetched once into ``directory``, as the classic
    builder does on every build: before the cache keys, which name what was fetched, so
    an unchanged download is a cache hit. :meth:`close` removes the files."""

    def __init__(self, directory: Path, timeout: float = 30.0) -> None:
        import itertools
        import threading

        self.directory = directory
        self.timeout = timeout
        self._got: dict[str, Download] = {}
        self._places = itertools.count()  # a directory per download, failed ones included
        self._lock = threading.Lock()

    def fetch(self, url: str, checksum: str = "") -> Download:
        """``url`` downloaded (the first time it is asked for), ``checksum`` verified."""
        _check_format(checksum)
        with self._lock:
            got = self._got.get(url)
            if got is None:
                place = self.directory / str(next(self._places))
                place.mkdir(parents=True)
                got = self._got[url] = download(url, place, timeout=self.timeout)
        _check_digest(url, checksum, got.sha256)
        return got

    def close(self) -> None:
        import shutil

        shutil.rmtree(self.directory, ignore_errors=True)


def _describe(err: httpx.HTTPError) -> str:
    import httpx

    if isinstance(err, httpx.ConnectError):
        return f"cannot connect ({err}); is the host reachable and are we online?"
    if isinstance(err, httpx.TimeoutException):
        return "timed out"
    return str(err) or type(err).__name__
