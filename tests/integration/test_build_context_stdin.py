"""Build contexts that the fixture format cannot express: ``-`` (a tar, or a bare
Dockerfile, on stdin), ``-f -`` (the Dockerfile on stdin), and a Dockerfile inside the
context that its own ``.dockerignore`` excludes."""

from __future__ import annotations

import io
import os
import tarfile
from pathlib import Path

import pytest

from tests.integration.buildcases import build_testbase, dockyard, dockyard_image

pytestmark = pytest.mark.integration

DOCKERFILE = b"FROM testbase\nCOPY . /ctx/\nRUN test -f /ctx/a.txt && echo ran > /ran\n"


@pytest.fixture(scope="module")
def root(tmp_path_factory: pytest.TempPathFactory) -> Path:
    if os.geteuid() != 0:
        pytest.skip("builds run RUN steps in namespaces: needs root")
    if not os.path.exists("/bin/busybox"):
        pytest.skip("/bin/busybox (busybox-static) is not installed")
    work = tmp_path_factory.mktemp("stdin")
    build_testbase(work / "root", work)
    return work / "root"


def _tar(files: dict[str, bytes], compress: str = "") -> bytes:
    buf = io.BytesIO()
    with tarfile.open(fileobj=buf, mode=f"w:{compress}") as tar:
        for name, data in files.items():
            info = tarfile.TarInfo(name)
            info.size, info.mode = len(data), 0o644
            tar.addfile(info, io.BytesIO(data))
    return buf.getvalue()


def _build(root: Path, tag: str, *args: str, stdin: bytes) -> str:
    result = dockyard(root, "build", "--progress", "plain", "-t", tag, *args, input=stdin,
                      check=False)
    err = result.stderr.decode(errors="replace")
    assert result.returncode == 0, err
    return err


@pytest.mark.parametrize("compress", ["", "gz"])
def test_context_tar_on_stdin(root: Path, compress: str) -> None:
    data = _tar({
        "Dockerfile": DOCKERFILE,
        "a.txt": b"a\n",
        "sub/b.txt": b"b\n",
        "skip.log": b"ignored\n",
        ".dockerignore": b"*.log\n",
    }, compress)
    _build(root, f"stdin-tar{compress}", "-", stdin=data)
    image, _ = dockyard_image(root, f"stdin-tar{compress}")
    assert image.files["/ctx/a.txt"].content == b"a\n"
    assert image.files["/ctx/sub/b.txt"].content == b"b\n"
    assert image.files["/ran"].content == b"ran\n"
    assert "/ctx/skip.log" not in image.files


def test_context_tar_on_stdin_with_named_dockerfile(root: Path) -> None:
    data = _tar({"build/App.Dockerfile": b"FROM testbase\nCOPY a.txt /a.txt\n", "a.txt": b"a\n"})
    _build(root, "stdin-named", "-f", "build/App.Dockerfile", "-", stdin=data)
    image, _ = dockyard_image(root, "stdin-named")
    assert image.files["/a.txt"].content == b"a\n"


def test_bare_dockerfile_on_stdin_has_an_empty_context(root: Path) -> None:
    _build(root, "stdin-bare", "-", stdin=b"FROM testbase\nRUN echo bare > /bare\n")
    image, _ = dockyard_image(root, "stdin-bare")
    assert image.files["/bare"].content == b"bare\n"
    failed = dockyard(root, "build", "--progress", "plain", "-", check=False,
                      input=b"FROM testbase\nCOPY a.txt /a.txt\n")
    err = failed.stderr.decode(errors="replace")
    assert failed.returncode != 0 and "Traceback" not in err
    assert "a.txt" in err and "not found" in err


def test_dockerfile_on_stdin_with_context_dir(root: Path, tmp_path: Path) -> None:
    ctx = tmp_path / "ctx"
    ctx.mkdir()
    (ctx / "a.txt").write_text("a\n")
    (ctx / "Dockerfile").write_text("FROM testbase\nRUN echo wrong-dockerfile > /wrong\n")
    _build(root, "stdin-df", "-f", "-", str(ctx), stdin=DOCKERFILE)
    image, _ = dockyard_image(root, "stdin-df")
    assert image.files["/ran"].content == b"ran\n"
    assert "/wrong" not in image.files
    assert image.files["/ctx/Dockerfile"].type == "file"  # the context's own file, kept


def test_dockerfile_ignored_by_dockerignore_still_builds(root: Path, tmp_path: Path) -> None:
    ctx = tmp_path / "ctx"
    ctx.mkdir()
    (ctx / "a.txt").write_text("a\n")
    (ctx / "Dockerfile").write_bytes(DOCKERFILE)
    (ctx / ".dockerignore").write_text("Dockerfile\n.dockerignore\n")
    _build(root, "ignored-df", str(ctx), stdin=b"")
    image, _ = dockyard_image(root, "ignored-df")
    assert image.files["/ctx/a.txt"].content == b"a\n"
    assert "/ctx/Dockerfile" not in image.files
    assert "/ctx/.dockerignore" not in image.files


def test_errors_in_a_dockerfile_from_stdin_name_dockerfile(root: Path, tmp_path: Path) -> None:
    ctx = tmp_path / "ctx"
    ctx.mkdir()
    result = dockyard(root, "build", "--progress", "plain", "-f", "-", str(ctx), check=False,
                      input=b"FROM testbase\nCOPY missing.txt /m\n")
    err = result.stderr.decode(errors="replace")
    assert result.returncode != 0 and "Traceback" not in err
    assert "Dockerfile:2" in err and "missing.txt" in err
