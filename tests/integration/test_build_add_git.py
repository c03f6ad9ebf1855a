"""``ADD <git>`` end to end, as BuildKit does it, against a repository served over HTTP from
127.0.0.1 (git's "dumb" protocol: static files): the checkout of a branch, tag or commit,
or of one of its directories, lands in the destination without ``.git`` (unless
``--keep-git-dir``); the commit the source names now keys the step."""

from __future__ import annotations

import functools
import http.server
import os
import shutil
import subprocess
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.integration.buildcases import dockyard, dockyard_image

pytestmark = pytest.mark.integration


def _git(cwd: Path, *args: str) -> str:
    return subprocess.run(["git", "-c", "user.name=t", "-c", "user.email=t@t", *args],
                          cwd=cwd, check=True, capture_output=True, text=True).stdout.strip()


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


class Repo:
    """A work tree, and its bare copy published over HTTP after each change."""

    def __init__(self, root: Path) -> None:
        self.work = root / "work"
        self.www = root / "www"
        self.work.mkdir()
        self.www.mkdir()
        _git(self.work, "init", "-q", "-b", "main")
        (self.work / "sub").mkdir()
        (self.work / "a.txt").write_text("one\n")
        (self.work / "sub" / "run.sh").write_text("#!/bin/sh\n")
        os.chmod(self.work / "sub" / "run.sh", 0o755)
        os.symlink("a.txt", self.work / "link")
        os.symlink("/etc", self.work / "escape")
        self.commit("one")
        _git(self.work, "tag", "v1")
        self.publish()

    def commit(self, message: str) -> str:
        _git(self.work, "add", "-A")
        _git(self.work, "commit", "-q", "-m", message)
        return _git(self.work, "rev-parse", "HEAD")

    def publish(self) -> None:
        shutil.rmtree(self.www / "repo.git", ignore_errors=True)
        _git(self.www, "clone", "-q", "--bare", str(self.work), "repo.git")
        _git(self.www / "repo.git", "update-server-info")


@pytest.fixture
def repo(tmp_path: Path) -> Iterator[tuple[Repo, str]]:
    if os.geteuid() != 0:
        pytest.skip("builds need root")
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    r = Repo(tmp_path)
    httpd = http.server.ThreadingHTTPServer(
        ("127.0.0.1", 0), functools.partial(_Quiet, directory=str(r.www)))
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield r, f"http://127.0.0.1:{httpd.server_address[1]}/repo.git"
    finally:
        httpd.shutdown()
        httpd.server_close()
        thread.join(timeout=10)


def _build(root: Path, ctx: Path, dockerfile: str, tag: str) -> tuple[int, str]:
    ctx.mkdir(exist_ok=True)
    (ctx / "Dockerfile").write_text(dockerfile)
    result = dockyard(root, "build", "--progress", "plain", "-t", tag, str(ctx), check=False)
    return result.returncode, result.stderr.decode(errors="replace")


def _steps(err: str) -> str:
    return next(li for li in err.splitlines() if li.startswith("Steps:"))


def test_a_checkout_lands_without_its_git_dir(repo: tuple[Repo, str], tmp_path: Path) -> None:
    _, url = repo
    root, ctx = tmp_path / "root", tmp_path / "ctx"
    code, err = _build(root, ctx, f"FROM scratch\nADD {url} /src\nADD {url}#v1:sub /sub/\n"
                       f"ADD --keep-git-dir=true {url}#main /kept\n", "git1")
    assert code == 0, err
    image, _ = dockyard_image(root, "git1")
    files = image.files
    assert files["/src/a.txt"].content == b"one\n" and files["/src/a.txt"].mode == 0o644
    assert files["/src/sub/run.sh"].mode == 0o755
    assert (files["/src/link"].type, files["/src/link"].link) == ("symlink", "a.txt")
    assert (files["/src/a.txt"].uid, files["/src/a.txt"].gid) == (0, 0)
    assert not any(p.startswith("/src/.git") for p in files)
    assert sorted(p for p in files if p.startswith("/sub/")) == ["/sub/run.sh"]
    assert "/kept/.git/HEAD" in files and files["/kept/a.txt"].content == b"one\n"


def test_the_commit_keys_the_step(repo: tuple[Repo, str], tmp_path: Path) -> None:
    """A branch that moves re-runs its step; a tag that stays is a hit."""
    r, url = repo
    root = tmp_path / "root"
    branch = f"FROM scratch\nADD {url}#main /src\n"
    tag = f"FROM scratch\nADD {url}#v1 /src\n"
    assert _build(root, tmp_path / "b", branch, "b")[0] == 0
    assert _build(root, tmp_path / "t", tag, "t")[0] == 0
    _, err = _build(root, tmp_path / "b", branch, "b")
    assert _steps(err).startswith("Steps: 0 run, 1 cached"), err
    (r.work / "a.txt").write_text("two\n")
    r.commit("two")
    r.publish()
    _, err = _build(root, tmp_path / "b", branch, "b")
    assert _steps(err).startswith("Steps: 1 run, 0 cached"), err
    assert dockyard_image(root, "b")[0].files["/src/a.txt"].content == b"two\n"
    _, err = _build(root, tmp_path / "t", tag, "t")
    assert _steps(err).startswith("Steps: 0 run, 1 cached"), err
    assert dockyard_image(root, "t")[0].files["/src/a.txt"].content == b"one\n"


@pytest.mark.parametrize(("fragment", "message"), [
    ("#nope", "failed to resolve"), ("#main:missing", "is no directory"),
    ("#main:../..", "is no directory"), ("#main:escape", "is no directory"),
    ("#main:escape/ssl", "is no directory")])
def test_a_bad_ref_or_subdir_is_a_clear_error(repo: tuple[Repo, str], tmp_path: Path,
                                             fragment: str, message: str) -> None:
    _, url = repo
    code, err = _build(tmp_path / "root", tmp_path / "ctx",
                       f"FROM scratch\nADD {url}{fragment} /src\n", "bad")
    assert code != 0 and "Traceback" not in err
    line = next(li for li in err.splitlines() if "Dockerfile:2" in li)
    assert message in line
