"""``dockyard system df`` next to ``docker system df`` (Docker 20.10) on a private dockerd
loaded with the same images, with the same containers and volumes on both sides."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.integration.dockerd import Dockerd, busybox_context, loaded_dockerd

REPO = Path(__file__).resolve().parents[2]

pytestmark = pytest.mark.integration

Sides = tuple[Path, Dockerd]


def _dockyard(root: Path, *args: str) -> str:
    proc = subprocess.run([sys.executable, "-m", "builder", "--root", str(root), *args],
                          capture_output=True, text=True, timeout=120,
                          env={**os.environ, "PYTHONPATH": str(REPO)})
    if proc.returncode != 0:
        raise AssertionError(f"dockyard {args} failed: {proc.stderr}")
    return proc.stdout


@pytest.fixture(scope="module")
def both(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Sides]:
    """Images df1 and df2 (df1 and a layer more), and on each side: r1 running on df1 with
    a named volume holding 6 bytes and 2 bytes in its writable layer, e1 exited from df2
    with 3000 bytes written, c1 created on df1 with an anonymous volume."""
    base = tmp_path_factory.mktemp("system-df")
    root = base / "root"
    ctx = busybox_context(base / "ctx", "RUN mkdir -p /w\nWORKDIR /w\n")
    (ctx / "Dockerfile.2").write_text("FROM df1\nRUN echo more > /w/more\n")
    _dockyard(root, "build", "-t", "df1", str(ctx))
    _dockyard(root, "build", "-t", "df2", "-f", str(ctx / "Dockerfile.2"), str(ctx))
    _dockyard(root, "save", "-o", str(base / "df.tar"), "df1", "df2")
    with loaded_dockerd(base / "dockerd", base / "df.tar") as daemon:
        try:
            yield from _containers(root, daemon)
        finally:
            subprocess.run([sys.executable, "-m", "builder", "--root", str(root), "rm", "-f",
                            "r1"], capture_output=True, timeout=60,
                           env={**os.environ, "PYTHONPATH": str(REPO)})


def _containers(root: Path, daemon: Dockerd) -> Iterator[Sides]:
    """The same containers on both sides (see ``both``)."""
    for side in ("ours", "docker"):
        def make(*args: str, side: str = side) -> None:
            if side == "ours":
                _dockyard(root, *args)
            else:
                daemon.docker(args[0], "--network", "none", *args[1:])
        make("run", "-d", "--name", "r1", "-v", "dfvol:/data", "df1", "sh", "-c",
             "echo 12345 > /data/f; echo x > /w/rw; sleep 1000")
        make("run", "--name", "e1", "df2", "sh", "-c", "head -c 3000 /bin/busybox > /w/big")
        make("create", "--name", "c1", "-v", "/anon", "df1", "true")
    for ps in (lambda: _dockyard(root, "ps", "-a", "--format", "{{.Names}} {{.Size}}"),
               lambda: daemon.docker("ps", "-a", "--format", "{{.Names}} {{.Size}}"
                                     ).stdout.decode()):
        assert "r1 2B" in ps()  # r1 has written its file
    yield root, daemon


def _df(both: Sides, *args: str) -> tuple[str, str]:
    root, daemon = both
    return (_dockyard(root, "system", "df", *args),
            daemon.docker("system", "df", *args).stdout.decode())


def test_summary_rows_as_docker(both: Sides) -> None:
    ours, theirs = _df(both)
    mine, docker = ours.splitlines(), theirs.splitlines()
    assert mine[:4] == docker[:4]  # the header, Images, Containers, Local Volumes
    assert docker[1].split()[1:] == ["2", "2", "1.985MB", "1.985MB", "(99%)"]
    # Docker's build cache holds BuildKit's records: none on this daemon, whose images
    # were loaded; dockyard's row counts its own build cache's records
    assert docker[4].split() == ["Build", "Cache", "0", "0", "0B", "0B"]
    records = len(_dockyard(both[0], "cache", "ls", "--format", "json").splitlines())
    assert mine[4].split()[:4] == ["Build", "Cache", str(records), "0"]
    assert records > 0


@pytest.mark.parametrize("fmt", ["{{json .}}", "raw", r"table {{.Type}}\t{{.Size}}",
                                 "{{.Type}}|{{.Active}}|{{.Reclaimable}}"])
def test_summary_templates_as_docker(both: Sides, fmt: str) -> None:
    ours, theirs = _df(both, "--format", fmt)
    # all but the build cache's row (or the lines of its raw block)
    keep = 3 if fmt != "raw" and not fmt.startswith("table") else (4 if fmt != "raw" else 18)
    assert ours.splitlines()[:keep] == theirs.splitlines()[:keep]
    assert len(ours.splitlines()) == len(theirs.splitlines())


def test_template_error_as_docker(both: Sides) -> None:
    root, daemon = both
    for args in (["--format", "{{.Nope}}"], ["-v", "--format", "{{.Nope}}"]):
        ours = subprocess.run([sys.executable, "-m", "builder", "--root", str(root), "system",
                               "df", *args], capture_output=True, text=True, timeout=60,
                              env={**os.environ, "PYTHONPATH": str(REPO)})
        theirs = daemon.docker("system", "df", *args, check=False)
        assert (ours.returncode, ours.stdout) == (theirs.returncode, theirs.stdout.decode())
        assert ours.stderr.removeprefix("error: ") == theirs.stderr.decode()


def _sections(text: str) -> dict[str, list[list[str]]]:
    """The ``-v`` output's sections by title, each a table of cells (split at 2+ spaces)."""
    out: dict[str, list[list[str]]] = {}
    for block in text.strip("\n").split("\n\n"):
        lines = block.splitlines()
        if len(lines) == 1 and (lines[0].endswith(":") or lines[0].startswith("Build cache")):
            title = lines[0]
            out[title] = []
        else:
            out[title] = [re.split(r"\s{2,}", line.strip()) for line in lines]
    return out


def test_verbose_as_docker(both: Sides) -> None:
    ours, theirs = (_sections(text) for text in _df(both, "-v"))
    # Docker's four sections in order; dockyard's own about its store after them
    assert list(ours)[:3] == list(theirs)[:3] == [
        "Images space usage:", "Containers space usage:", "Local Volumes space usage:"]
    assert list(ours)[3].startswith("Build cache usage: ")
    assert list(theirs)[3] == "Build cache usage: 0B"
    assert list(ours)[4:] == ["Store space usage (blobs and unpacked layers on disk):"]
    for title in list(theirs):
        assert ours[title if title in ours else list(ours)[3]][0] == theirs[title][0]
    # images: every cell but CREATED (the same second may be "1 second" or "2 seconds" ago)
    images = [sorted(r[:3] + r[4:] for r in side["Images space usage:"][1:])
              for side in (ours, theirs)]
    assert images[0] == images[1]
    assert images[0] == [["df1", "latest", images[0][0][2], "1.985MB", "1.985MB", "0B", "2"],
                         ["df2", "latest", images[0][1][2], "1.985MB", "1.985MB", "5B", "1"]]
    # containers: IMAGE, COMMAND, LOCAL VOLUMES, SIZE, the state in STATUS, NAMES
    containers = [sorted([r[1], r[2], r[3], r[4], r[6].split()[0], r[7]]
                         for r in side["Containers space usage:"][1:])
                  for side in (ours, theirs)]
    assert containers[0] == containers[1]
    assert {r[5]: r[3] for r in containers[0]} == {"r1": "2B", "e1": "3kB", "c1": "0B"}
    # volumes: the named one as it is, the anonymous one but its random name
    volumes = [sorted([r[0] if r[0] == "dfvol" else "anonymous", *r[1:]]
                      for r in side["Local Volumes space usage:"][1:])
               for side in (ours, theirs)]
    assert volumes[0] == volumes[1] == [["anonymous", "1", "0B"], ["dfvol", "1", "6B"]]


def test_verbose_template_as_docker(both: Sides) -> None:
    template = ("{{range .Images}}{{.Repository}}:{{.Tag}} {{.ID}} {{.VirtualSize}} {{.Size}} "
                "{{.UniqueSize}} {{.Containers}}|{{end}}{{range .Volumes}}{{.Links}} {{.Size}}"
                "|{{end}}{{len .Containers}} {{len .BuildCache}}")
    ours, theirs = _df(both, "-v", "--format", template)
    assert not ours.endswith("\n") and not theirs.endswith("\n")
    mine, docker = ours.split("|"), theirs.split("|")
    assert sorted(mine[:-1]) == sorted(docker[:-1])  # images created in one second: any order
    assert mine[-1].split()[0] == docker[-1].split()[0] == "3"
    assert docker[-1].split()[1] == "0"
    # each value a context of Docker's, with its keys
    ours, theirs = _df(both, "-v", "--format", "{{json .}}")
    mine_json, docker_json = json.loads(ours), json.loads(theirs)
    assert list(mine_json) == list(docker_json)
    for key in ("Images", "Containers", "Volumes"):
        assert [list(x) for x in mine_json[key]] == [list(x) for x in docker_json[key]]
