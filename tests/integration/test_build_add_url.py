"""``ADD <url>`` end to end against a local HTTP server on 127.0.0.1: the download lands with
mode 0600 under the URL's base name, a remote archive is not extracted, and ``--checksum``
verifies the content (a wrong digest fails the build with a clear one-line error)."""

from __future__ import annotations

import functools
import gzip
import hashlib
import http.server
import io
import os
import tarfile
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.integration.buildcases import dockyard, dockyard_image

pytestmark = pytest.mark.integration

PAYLOAD = b"downloaded over http\n"


def _tgz() -> bytes:
    buf = io.BytesIO()
    with tarfile.open(fileobj=buf, mode="w") as tar:
        info = tarfile.TarInfo("inside.txt")
        info.size = 3
        tar.addfile(info, io.BytesIO(b"in\n"))
    return gzip.compress(buf.getvalue(), mtime=0)


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A static file server on 127.0.0.1 (a random port) and its base URL."""
    www = tmp_path_factory.mktemp("www")
    (www / "files").mkdir()
    (www / "files" / "data.bin").write_bytes(PAYLOAD)
    (www / "files" / "app.tar.gz").write_bytes(_tgz())
    handler = functools.partial(_Quiet, directory=str(www))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}"
    finally:
        httpd.shutdown()
        httpd.server_close()
        thread.join(timeout=10)


@pytest.fixture
def root(tmp_path: Path) -> Path:
    if os.geteuid() != 0:
        pytest.skip("builds need root")
    return tmp_path / "root"


def _build(root: Path, tmp: Path, dockerfile: str, tag: str) -> tuple[int, str]:
    ctx = tmp / f"ctx-{tag}"
    ctx.mkdir()
    (ctx / "Dockerfile").write_text(dockerfile)
    result = dockyard(root, "build", "--progress", "plain", "-t", tag, str(ctx), check=False)
    return result.returncode, result.stderr.decode(errors="replace")


def test_add_url_downloads_with_mode_0600(server: str, root: Path, tmp_path: Path) -> None:
    code, err = _build(root, tmp_path, (
        "FROM scratch\n"
        f"ADD {server}/files/data.bin /dl/\n"
        f"ADD {server}/files/data.bin /renamed.bin\n"
        f"ADD {server}/files/app.tar.gz /remote/\n"
    ), "addurl")
    assert code == 0, err
    image, _ = dockyard_image(root, "addurl")
    for path in ("/dl/data.bin", "/renamed.bin"):
        entry = image.files[path]
        assert entry.type == "file"
        assert entry.mode == 0o600
        assert (entry.uid, entry.gid) == (0, 0)
        assert entry.content == PAYLOAD
    # a remote archive is copied as is, never extracted
    assert image.files["/remote/app.tar.gz"].content == _tgz()
    assert "/remote/inside.txt" not in image.files


def test_add_url_checksum_right_passes(server: str, root: Path, tmp_path: Path) -> None:
    digest = "sha256:" + hashlib.sha256(PAYLOAD).hexdigest()
    code, err = _build(root, tmp_path, (
        "FROM scratch\n"
        f"ADD --checksum={digest} {server}/files/data.bin /data.bin\n"
    ), "addsum")
    assert code == 0, err
    image, _ = dockyard_image(root, "addsum")
    assert image.files["/data.bin"].content == PAYLOAD


def test_add_url_checksum_wrong_fails(server: str, root: Path, tmp_path: Path) -> None:
    wrong = "sha256:" + hashlib.sha256(b"something else").hexdigest()
    code, err = _build(root, tmp_path, (
        "FROM scratch\n"
        f"ADD --checksum={wrong} {server}/files/data.bin /data.bin\n"
    ), "addbad")
    assert code != 0
    assert "Traceback" not in err
    line = next(li for li in err.splitlines() if "Dockerfile:2" in li)
    assert "digest mismatch" in line and wrong in line and f"{server}/files/data.bin" in line
    assert dockyard(root, "inspect", "addbad", check=False).returncode != 0


def test_add_url_checksum_malformed_fails(server: str, root: Path, tmp_path: Path) -> None:
    code, err = _build(root, tmp_path, (
        "FROM scratch\n"
        f"ADD --checksum=md5:abc {server}/files/data.bin /data.bin\n"
    ), "addmal")
    assert code != 0
    assert "Traceback" not in err
    assert "checksum" in err and "Dockerfile:2" in err


def test_add_url_missing_file_fails(server: str, root: Path, tmp_path: Path) -> None:
    code, err = _build(root, tmp_path, f"FROM scratch\nADD {server}/files/nope /x\n", "add404")
    assert code != 0
    assert "Traceback" not in err
    assert f"{server}/files/nope" in err and "404" in err


@pytest.fixture
def changing(tmp_path: Path) -> Iterator[tuple[str, Path, list[str]]]:
    """A file server of its own: (base URL, its directory, the paths of the GETs served)."""
    www = tmp_path / "www-changing"
    www.mkdir()
    served: list[str] = []

    class Counting(_Quiet):
        def do_GET(self) -> None:
            served.append(self.path)
            super().do_GET()

    httpd = http.server.ThreadingHTTPServer(
        ("127.0.0.1", 0), functools.partial(Counting, directory=str(www)))
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}", www, served
    finally:
        httpd.shutdown()
        httpd.server_close()
        thread.join(timeout=10)


def _steps(err: str) -> str:
    return next(li for li in err.splitlines() if li.startswith("Steps:"))


def test_an_unchanged_download_is_a_cache_hit(
        changing: tuple[str, Path, list[str]], root: Path, tmp_path: Path) -> None:
    """As the classic builder: the URL is fetched on every build and its content keys the
    step, so the same content (whatever its Last-Modified) hits, another content misses
    from that step on, and the first content hits again."""
    base, www, served = changing
    ctx = tmp_path / "ctx"
    ctx.mkdir()
    (ctx / "Dockerfile").write_text(
        f"FROM scratch\nADD {base}/v.txt /v.txt\nCOPY Dockerfile /Dockerfile\n")

    def build(payload: bytes, when: int) -> str:
        (www / "v.txt").write_bytes(payload)
        os.utime(www / "v.txt", (when, when))
        result = dockyard(root, "build", "--progress", "plain", "-t", "addcache", str(ctx),
                          check=False)
        err = result.stderr.decode(errors="replace")
        assert result.returncode == 0, err
        image, _ = dockyard_image(root, "addcache")
        assert image.files["/v.txt"].content == payload
        return _steps(err)

    assert build(b"one\n", 1_600_000_000).startswith("Steps: 2 run, 0 cached")
    assert build(b"one\n", 1_700_000_000).startswith("Steps: 0 run, 2 cached")
    assert build(b"two\n", 1_700_000_000).startswith("Steps: 2 run, 0 cached")
    assert build(b"one\n", 1_700_000_000).startswith("Steps: 0 run, 2 cached")
    assert served == ["/v.txt"] * 4  # once per build, never twice in one
    assert not list((root / "tmp").glob("downloads-*"))  # the build's downloads are gone


def test_a_stage_that_is_not_built_fetches_and_reads_nothing(
        changing: tuple[str, Path, list[str]], root: Path, tmp_path: Path) -> None:
    """BuildKit prunes what the target does not need: its URL is never fetched and its
    missing context file is no error."""
    base, _, served = changing
    ctx = tmp_path / "ctx"
    ctx.mkdir()
    (ctx / "Dockerfile").write_text(
        f"FROM scratch AS unused\nADD {base}/absent.txt /a\nCOPY missing /m\n"
        "FROM scratch AS final\nCOPY Dockerfile /Dockerfile\n")
    result = dockyard(root, "build", "--progress", "plain", "--target", "final", "-t", "pr",
                      str(ctx), check=False)
    assert result.returncode == 0, result.stderr.decode(errors="replace")
    assert served == []


def test_a_pinned_download_is_keyed_by_its_checksum_and_fetched_only_to_run(
        changing: tuple[str, Path, list[str]], root: Path, tmp_path: Path) -> None:
    """With --checksum the checksum names the content, as BuildKit keys it: a cached step
    fetches nothing; a step that runs fetches and verifies."""
    base, www, served = changing
    (www / "pinned.txt").write_bytes(PAYLOAD)
    digest = "sha256:" + hashlib.sha256(PAYLOAD).hexdigest()
    ctx = tmp_path / "ctx"
    ctx.mkdir()
    (ctx / "Dockerfile").write_text(f"FROM scratch\nADD --checksum={digest} {base}/pinned.txt /p\n")

    def build() -> str:
        result = dockyard(root, "build", "--progress", "plain", "-t", "pinned", str(ctx),
                          check=False)
        err = result.stderr.decode(errors="replace")
        assert result.returncode == 0, err
        return _steps(err)

    assert build().startswith("Steps: 1 run, 0 cached")
    assert served == ["/pinned.txt"]
    assert build().startswith("Steps: 0 run, 1 cached")
    assert served == ["/pinned.txt"]  # nothing fetched for a hit
    image, _ = dockyard_image(root, "pinned")
    assert image.files["/p"].content == PAYLOAD
