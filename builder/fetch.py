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

__all__ = [
    "Download", "Downloads", "GitSource", "download", "is_git_source", "is_url", "url_filename",
]

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
    an unchanged download is a cache hit. A git source's commit is asked of its remote
    (for the key) and cloned only for a step that runs. :meth:`close` removes the files."""

    def __init__(self, directory: Path, timeout: float = 30.0) -> None:
        import itertools
        import threading

        self.directory = directory
        self.timeout = timeout
        self._got: dict[str, Download] = {}
        self._commits: dict[str, str] = {}  # git remote#ref → commit
        self._trees: dict[tuple[str, str, bool], Path] = {}  # checkouts
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

    def git_commit(self, src: str) -> str:
        """The commit an ``ADD <git>`` source names now (asked of the remote once)."""
        ref = GitSource.parse(src)
        named = f"{ref.remote}#{ref.ref}"
        with self._lock:
            commit = self._commits.get(named)
            if commit is None:
                commit = self._commits[named] = _resolve(ref)
        return commit

    def git_tree(self, src: str, keep_git_dir: bool) -> Path:
        """A checkout of ``src``'s commit (its subdirectory when it names one), with its
        ``.git`` only when ``keep_git_dir``; cloned once per build."""
        ref = GitSource.parse(src)
        commit = self.git_commit(src)
        with self._lock:
            place = self._trees.get((commit, ref.remote, keep_git_dir))
            if place is None:
                place = self.directory / str(next(self._places))
                _checkout(ref, commit, place, keep_git_dir)
                self._trees[(commit, ref.remote, keep_git_dir)] = place
        tree = place
        for part in ref.subdir.split("/"):  # never through a link: it could lead anywhere
            if part in ("", "."):
                continue
            tree = tree / part
            if part == ".." or tree.is_symlink() or not tree.is_dir():
                raise BuildError(f"{src}: {ref.subdir!r} is no directory of commit {commit}")
        return tree

    def close(self) -> None:
        import shutil

        shutil.rmtree(self.directory, ignore_errors=True)


class GitSource(Record):
    """An ``ADD <git>`` source as BuildKit reads it: ``<remote>[#<ref>[:<subdir>]]``."""

    __slots__ = ("remote", "ref", "subdir")
    remote: Final[str]
    ref: Final[str]  # a branch, tag or commit; "" = the remote's HEAD
    subdir: Final[str]

    def __init__(self, remote: str, ref: str = "", subdir: str = "") -> None:
        self.remote = remote
        self.ref = ref
        self.subdir = subdir

    @classmethod
    def parse(cls, src: str) -> GitSource:
        remote, _, fragment = src.partition("#")
        ref, _, subdir = fragment.partition(":")
        return cls(remote, ref, subdir)


_COMMIT = re.compile(r"[0-9a-f]{40}|[0-9a-f]{64}")
# only network transports: a Dockerfile never makes git read the host (file://, ext::)
_GIT_CONFIG = ["-c", "protocol.allow=never", *[
    arg for proto in ("http", "https", "git", "ssh")
    for arg in ("-c", f"protocol.{proto}.allow=always")]]


def _git(*args: str, cwd: Path | None = None, what: str) -> str:
    import shutil
    import subprocess

    exe = shutil.which("git")
    if exe is None:
        raise BuildError(f"{what}: git is not installed (ADD of a git repository needs it)")
    env = {k: v for k, v in os.environ.items() if not k.startswith("GIT_")}
    env.update(GIT_TERMINAL_PROMPT="0", GIT_CONFIG_NOSYSTEM="1", GIT_CONFIG_GLOBAL="/dev/null",
               LC_ALL="C")
    try:
        done = subprocess.run([exe, *_GIT_CONFIG, *args], cwd=cwd, env=env, umask=0o022,
                              capture_output=True, text=True, timeout=600,
                              stdin=subprocess.DEVNULL)
    except subprocess.TimeoutExpired:
        raise BuildError(f"{what}: git timed out") from None
    if done.returncode != 0:
        tail = (done.stderr.strip().splitlines() or [f"exit status {done.returncode}"])[-1]
        raise BuildError(f"{what}: {tail}")
    return done.stdout


def _resolve(ref: GitSource) -> str:
    if _COMMIT.fullmatch(ref.ref):
        return ref.ref
    what = f"failed to resolve {ref.remote}#{ref.ref or 'HEAD'}"
    listing = _git("ls-remote", "--", ref.remote, *([ref.ref] if ref.ref else ["HEAD"]),
                   what=what)
    found: dict[str, str] = {}
    for line in listing.splitlines():
        commit, _, name = line.partition("\t")
        found[name] = commit
    names = ["HEAD"] if not ref.ref else [
        f"refs/tags/{ref.ref}^{{}}", f"refs/tags/{ref.ref}", f"refs/heads/{ref.ref}", ref.ref]
    for name in names:
        if name in found:
            return found[name]
    raise BuildError(f"{what}: no such branch or tag")


def _checkout(ref: GitSource, commit: str, place: Path, keep_git_dir: bool) -> None:
    what = f"failed to check out {ref.remote} at {commit}"
    place.parent.mkdir(parents=True, exist_ok=True)
    _git("clone", "--quiet", "--no-checkout", "--", ref.remote, str(place), what=what)
    _git("-c", "advice.detachedHead=false", "checkout", "--quiet", commit, "--", cwd=place,
         what=what)
    if not keep_git_dir:
        import shutil

        shutil.rmtree(place / ".git")


def _describe(err: httpx.HTTPError) -> str:
    import httpx

    if isinstance(err, httpx.ConnectError):
        return f"cannot connect ({err}); is the host reachable and are we online?"
    if isinstance(err, httpx.TimeoutException):
        return "timed out"
    return str(err) or type(err).__name__
