"""Repo digests next to Docker 20.10: a private dockerd and Dockyard push to and pull from
the same test registry on 127.0.0.1 (an insecure registry Docker allows by default), and
``images``, ``inspect`` and ``rmi`` show the same names."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import tarfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.integration.dockerd import Dockerd, start_dockerd, stop_dockerd
from tests.integration.registry_server import Registry, have_registry, start_registry

pytestmark = pytest.mark.integration

REPO = Path(__file__).resolve().parents[2]
BUSYBOX = Path("/bin/busybox")


def _dockyard(root: Path, *args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(REPO), "DOCKER_CONFIG": str(root / "docker-config")}
    proc = subprocess.run([sys.executable, "-m", "builder", "--root", str(root), *args],
                          capture_output=True, text=True, env=env, timeout=300)
    if check and proc.returncode != 0:
        raise AssertionError(f"dockyard {args} failed: {proc.stderr}")
    return proc


@pytest.fixture(scope="module")
def sides(tmp_path_factory: pytest.TempPathFactory
          ) -> Iterator[tuple[Registry, Path, Dockerd, str, str]]:
    """The registry, a Dockyard root, the daemon, and ``REPO:v1`` pushed by Dockyard (gzip
    layers, which Docker 20.10 can pull) with its manifest digest; neither side holds it."""
    if os.geteuid() != 0 or not BUSYBOX.exists() or not have_registry():
        pytest.skip("needs root, busybox-static and docker-registry")
    base = tmp_path_factory.mktemp("registry-docker")
    registry = start_registry(base / "registry")
    try:
        daemon = start_dockerd(base / "dockerd")
    except BaseException:
        registry.stop()
        raise
    try:
        (base / "rootfs" / "bin").mkdir(parents=True)
        (base / "rootfs" / "bin" / "busybox").write_bytes(BUSYBOX.read_bytes())
        with tarfile.open(base / "rootfs.tar", "w") as tar:
            tar.add(base / "rootfs", arcname=".")
        src = base / "src"
        repo = f"{registry.host}/dg/bb"
        _dockyard(src, "import", "-c", 'CMD ["/bin/busybox", "true"]', str(base / "rootfs.tar"),
                  f"{repo}:v1")
        digest = _dockyard(src, "push", "-q", "--compression", "gzip",
                           f"{repo}:v1").stdout.strip()
        yield registry, base / "root", daemon, repo, digest
    finally:
        stop_dockerd(daemon)
        registry.stop()


def _both(sides: tuple[Registry, Path, Dockerd, str, str], *args: str
          ) -> tuple[tuple[int, str, str], tuple[int, str, str]]:
    """The same command on both sides: exit code, stdout and the error line."""
    _, root, daemon, _, _ = sides
    ours = _dockyard(root, *args, check=False)
    theirs = daemon.docker(*args, check=False)
    return ((ours.returncode, ours.stdout, ours.stderr.removeprefix("error: ")),
            (theirs.returncode, theirs.stdout.decode(),
             theirs.stderr.decode().removeprefix("Error response from daemon: ")))


def _rows(text: str) -> list[list[str]]:
    """A listing's lines (a table's cells without the CREATED and SIZE columns), sorted:
    Docker orders the rows of one image as it iterates a map."""
    lines = text.splitlines()
    if lines and "IMAGE ID" in lines[0]:
        cells = [re.split(r" {2,}", x.strip())[:-2] for x in lines]
        return cells[:1] + sorted(cells[1:])
    return sorted([x] for x in lines)


def _removal(text: str) -> list[str]:
    """rmi's lines: untagged names, the deleted image and its freed layers."""
    return text.splitlines()


LISTINGS = [
    ("images", "--digests"),
    ("images",),
    ("images", "--format", "{{.Repository}}|{{.Tag}}|{{.Digest}}"),
    ("images", "--digests", "--format", "{{.Repository}}|{{.Tag}}|{{.Digest}}|{{.ID}}"),
    ("images", "--format", "{{.ID}}", "-f", "dangling=true"),
    ("images", "--format", "{{.ID}}", "-f", "dangling=false"),
    ("images", "--digests", "-f", "reference=*/*/bb"),
    ("images", "--digests", "-f", "reference=*/dg/bb:v*"),
]


def _same_listings(sides: tuple[Registry, Path, Dockerd, str, str], *extra: str) -> None:
    repo, digest = sides[3], sides[4]
    for args in [*LISTINGS, ("images", "--digests", "-f", f"reference={repo}@{digest}"),
                 ("inspect", "-f", "{{json .RepoTags}} {{json .RepoDigests}}", *extra)]:
        if args[0] == "inspect" and not extra:
            continue
        ours, theirs = _both(sides, *args)
        assert (ours[0], _rows(ours[1]), ours[2]) == (theirs[0], _rows(theirs[1]),
                                                      theirs[2]), args


def test_pull_by_tag_then_by_digest_as_docker(
        sides: tuple[Registry, Path, Dockerd, str, str]) -> None:
    _, root, daemon, repo, digest = sides
    for side in (lambda *a: _dockyard(root, *a), lambda *a: daemon.docker(*a)):
        side("pull", "-q", f"{repo}:v1")
    _same_listings(sides, f"{repo}:v1", f"{repo}@{digest}")
    # a second tag shares the repository's digest; another repository's tag does not
    for side in (lambda *a: _dockyard(root, *a), lambda *a: daemon.docker(*a)):
        side("tag", f"{repo}:v1", f"{repo}:v2")
        side("tag", f"{repo}@{digest}", "other/bb:x")
    _same_listings(sides, f"{repo}:v2")
    ours, theirs = _both(sides, "rmi", f"{repo}:v1")
    assert (ours[0], _removal(ours[1])) == (theirs[0], _removal(theirs[1]))
    ours, theirs = _both(sides, "rmi", "other/bb:x")
    assert (ours[0], _removal(ours[1])) == (theirs[0], _removal(theirs[1]))
    # v2 is the repository's last tag: its repo digest goes with it, and so does the image
    ours, theirs = _both(sides, "rmi", f"{repo}:v2")
    assert (ours[0], _removal(ours[1])) == (theirs[0], _removal(theirs[1]))
    assert _removal(ours[1])[:2] == [f"Untagged: {repo}:v2", f"Untagged: {repo}@{digest}"]

    # by digest: a <none> tag with the digest
    for side in (lambda *a: _dockyard(root, *a), lambda *a: daemon.docker(*a)):
        side("pull", "-q", f"{repo}@{digest}")
    _same_listings(sides, f"{repo}@{digest}")
    for side in (lambda *a: _dockyard(root, *a), lambda *a: daemon.docker(*a)):
        side("tag", f"{repo}@{digest}", f"{repo}:v3")
        side("tag", f"{repo}@{digest}", f"{repo}:v4")
    _same_listings(sides, f"{repo}:v3")
    ours, theirs = _both(sides, "rmi", f"{repo}@{digest}")  # the tags stay
    assert (ours[0], _removal(ours[1])) == (theirs[0], _removal(theirs[1]))
    _same_listings(sides, f"{repo}:v3")
    # by ID: two tags of one repository must be forced, as Docker
    image_id = daemon.docker("images", "-q", f"{repo}:v3").stdout.decode().strip()
    ours, theirs = _both(sides, "rmi", image_id)
    assert ours == theirs and ours[0] == 1
    ours, theirs = _both(sides, "rmi", "-f", image_id)
    assert (ours[0], _removal(ours[1])) == (theirs[0], _removal(theirs[1]))
    _same_listings(sides)


def test_push_records_the_pushed_digest_as_docker(
        sides: tuple[Registry, Path, Dockerd, str, str]) -> None:
    registry, root, daemon, repo, digest = sides
    for side in (lambda *a: _dockyard(root, *a), lambda *a: daemon.docker(*a)):
        side("pull", "-q", f"{repo}@{digest}")
        side("tag", f"{repo}@{digest}", f"{registry.host}/dg/pushed:1")
    ours = _dockyard(root, "push", f"{registry.host}/dg/pushed:1").stdout
    theirs = daemon.docker("push", f"{registry.host}/dg/pushed:1").stdout.decode()
    found = {}
    for side, out in (("ours", ours), ("docker", theirs)):
        match = re.search(r"^1: digest: (sha256:[0-9a-f]{64}) size: \d+$", out, re.M)
        assert match, out
        found[side] = match.group(1)
    inspected = {
        "ours": _dockyard(root, "inspect", "-f", "{{json .RepoDigests}}",
                          f"{registry.host}/dg/pushed:1").stdout,
        "docker": daemon.docker("inspect", "-f", "{{json .RepoDigests}}",
                                f"{registry.host}/dg/pushed:1").stdout.decode()}
    for side, text in inspected.items():
        assert json.loads(text) == sorted([f"{repo}@{digest}",
                                           f"{registry.host}/dg/pushed@{found[side]}"]), side
