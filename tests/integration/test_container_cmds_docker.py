"""``diff``, ``export``, ``rename`` and ``port`` next to Docker 20.10's on a private dockerd,
the same image loaded on both sides."""

from __future__ import annotations

import io
import os
import pty
import subprocess
import sys
import tarfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.integration.dockerd import Dockerd, busybox_context, loaded_dockerd

REPO = Path(__file__).resolve().parents[2]
CHANGE = "mkdir /new; echo x > /etc/hosts2; rm /bin/ls; echo y >> /etc/passwd; " \
         "rm -rf /d/sub; mkdir /d/sub; echo n > /d/sub/n; mkdir -p /usr/local/bin; " \
         "touch /usr/local/bin/x; ln -s / /host; ln -s /etc/shadow /shadow"
# what Docker's init layer holds (and dockyard's, where it has them): written by each
DOCKERS_OWN = {".dockerenv", "dev", "dev/console", "dev/pts", "dev/shm", "etc/mtab",
               "etc/hosts", "etc/hostname", "etc/resolv.conf", "proc", "sys", "etc"}

pytestmark = pytest.mark.integration


def _dockyard(root: Path, *args: str, check: bool = True
              ) -> subprocess.CompletedProcess[bytes]:
    proc = subprocess.run([sys.executable, "-m", "builder", "--root", str(root), *args],
                          capture_output=True, env={**os.environ, "PYTHONPATH": str(REPO)},
                          timeout=120)
    if check and proc.returncode != 0:
        raise AssertionError(f"dockyard {args} failed: {proc.stderr.decode()}")
    return proc


@pytest.fixture(scope="module")
def both(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, Dockerd]]:
    base = tmp_path_factory.mktemp("ctr-cmds")
    root = base / "root"
    ctx = busybox_context(base / "ctx", (
        "RUN mkdir -p /etc /w /d/sub && echo 'u:x:1000:1000::/home/u:/bin/sh' > /etc/passwd"
        " && echo a > /d/sub/f && echo b > /d/g\nWORKDIR /w\n"))
    _dockyard(root, "build", "-t", "cmp", str(ctx))
    archive = base / "cmp.tar"
    _dockyard(root, "save", "-o", str(archive), "cmp")
    with loaded_dockerd(base / "dockerd", archive) as daemon:
        for name, flags in (("changed", []), ("vols", ["-v", "/data", "-w", "/nowd"])):
            _dockyard(root, "run", "--name", name, *flags, "cmp", "sh", "-c", CHANGE)
            daemon.docker("run", "--name", name, "--network", "none", *flags, "cmp", "sh",
                          "-c", CHANGE)
        yield root, daemon


def _lines(out: bytes) -> list[str]:
    return out.decode().splitlines()


@pytest.mark.parametrize("name", ["changed", "vols"])
def test_diff_as_docker(both: tuple[Path, Dockerd], name: str) -> None:
    root, daemon = both
    ours = _lines(_dockyard(root, "diff", name).stdout)
    theirs = _lines(daemon.docker("diff", name).stdout)
    # Docker's order is that of Go's maps (random); the same lines, each directory's
    # before what is in it
    assert sorted(ours) == sorted(theirs)
    assert ours.index("C /d") < ours.index("C /d/sub") < ours.index("A /d/sub/n") \
        < ours.index("D /d/sub/f")
    assert _lines(_dockyard(root, "container", "diff", name).stdout) == ours


def test_diff_of_running_and_new_containers(both: tuple[Path, Dockerd]) -> None:
    root, daemon = both
    _dockyard(root, "run", "-d", "--name", "live", "cmp", "sh", "-c",
              "touch /made; sleep 60")
    daemon.docker("run", "-d", "--name", "live", "--network", "none", "cmp", "sh", "-c",
                  "touch /made; sleep 60")
    _dockyard(root, "create", "--name", "fresh", "cmp", "true")
    daemon.docker("create", "--name", "fresh", "--network", "none", "cmp", "true")
    try:
        for _ in range(50):
            ours = _lines(_dockyard(root, "diff", "live").stdout)
            if ours:
                break
        assert ours == _lines(daemon.docker("diff", "live").stdout) == ["A /made"]
        assert _dockyard(root, "diff", "fresh").stdout == b"" == \
            daemon.docker("diff", "fresh").stdout
    finally:
        _dockyard(root, "rm", "-f", "live", "fresh")
        daemon.docker("rm", "-f", "live", "fresh")


def test_diff_errors_as_docker(both: tuple[Path, Dockerd]) -> None:
    root, daemon = both
    ours = _dockyard(root, "diff", "nosuch", check=False)
    theirs = daemon.docker("diff", "nosuch", check=False)
    assert ours.returncode == theirs.returncode == 1
    assert ours.stderr.decode().removeprefix("error: ") == \
        theirs.stderr.decode().removeprefix("Error response from daemon: ")


def _entries(data: bytes) -> dict[str, tuple[bytes, int, int, int, int, str, bytes]]:
    """Each entry: type, mode, owner, size, link target and content (mtimes aside)."""
    found = {}
    with tarfile.open(fileobj=io.BytesIO(data), mode="r:") as tar:
        for m in tar:
            content = tar.extractfile(m).read() if m.isreg() else b""  # type: ignore[union-attr]
            found[m.name] = (m.type, m.mode & 0o7777, m.uid, m.gid, m.size, m.linkname, content)
    return found


def test_export_as_docker(both: tuple[Path, Dockerd]) -> None:
    root, daemon = both
    ours = _dockyard(root, "export", "changed").stdout
    theirs = daemon.docker("export", "changed").stdout
    mine, docker = _entries(ours), _entries(theirs)
    assert {k: v for k, v in mine.items() if k not in DOCKERS_OWN} == \
        {k: v for k, v in docker.items() if k not in DOCKERS_OWN}
    assert list(mine) == sorted(mine, key=lambda p: p.split("/"))  # Docker's walk
    assert not any(name.rpartition("/")[2].startswith(".wh.") for name in mine)
    assert mine["host"][0] == tarfile.SYMTYPE and mine["shadow"][0] == tarfile.SYMTYPE
    assert mine["etc/hosts"] == (tarfile.REGTYPE, 0o644, 0, 0, 0, "", b"")  # not the run's


def test_export_to_a_file_and_back(both: tuple[Path, Dockerd], tmp_path: Path) -> None:
    root, daemon = both
    out = tmp_path / "fs.tar"
    _dockyard(root, "container", "export", "-o", str(out), "changed")
    daemon.docker("import", str(out), "exported")
    assert daemon.docker("run", "--rm", "--network", "none", "exported", "cat",
                         "/etc/hosts2", "/etc/passwd").stdout == b"x\nu:x:1000:1000::" \
        b"/home/u:/bin/sh\ny\n"
    _dockyard(root, "import", str(out), "exported")
    ours = _dockyard(root, "run", "--rm", "exported", "sh", "-c",
                     "cat /etc/hosts2; ls /bin/ls 2>&1; ls /d/sub").stdout
    assert ours == b"x\nls: /bin/ls: No such file or directory\nn\n"


def test_export_refuses_a_terminal(both: tuple[Path, Dockerd]) -> None:
    root, daemon = both
    for argv, env in (([sys.executable, "-m", "builder", "--root", str(root), "export",
                        "changed"], {**os.environ, "PYTHONPATH": str(REPO)}),
                      (["/usr/bin/docker", "export", "changed"], daemon.env)):
        leader, follower = pty.openpty()
        proc = subprocess.run(argv, stdout=follower, stderr=subprocess.PIPE, env=env,
                              timeout=60)
        os.close(follower)
        os.close(leader)
        assert proc.returncode == 1
        assert proc.stderr.decode().strip().removeprefix("error: ") == (
            "cowardly refusing to save to a terminal. Use the -o flag or redirect")


@pytest.mark.parametrize("args", [
    ["ra", "ra"], ["ra", "rb"], ["ra", "/rb"], ["ra", "b@d"], ["ra", "x"], ["nosuch", "zz"],
    ["ra", " "],
])
def test_rename_errors_as_docker(both: tuple[Path, Dockerd], args: list[str]) -> None:
    root, daemon = both
    for name in ("ra", "rb"):
        _dockyard(root, "create", "--name", name, "cmp", "true")
        daemon.docker("create", "--name", name, "--network", "none", "cmp", "true")
    try:
        ours = _dockyard(root, "rename", *args, check=False)
        theirs = daemon.docker("rename", *args, check=False)
        assert ours.returncode == theirs.returncode == 1
        mine = [line.removeprefix("error: ") for line in _lines(ours.stderr)]
        docker = [line.removeprefix("Error response from daemon: ").removeprefix("Error: ")
                  for line in _lines(theirs.stderr)]
        ids = {"rb": (_dockyard(root, "inspect", "-f", "{{.Id}}", "rb").stdout.strip(),
                      daemon.docker("inspect", "-f", "{{.Id}}", "rb").stdout.strip())}
        assert [m.replace(ids["rb"][0].decode(), "ID") for m in mine] == \
            [d.replace(ids["rb"][1].decode(), "ID") for d in docker]
    finally:
        _dockyard(root, "rm", "-f", "ra", "rb")
        daemon.docker("rm", "-f", "ra", "rb")


def test_rename_a_running_container_as_docker(both: tuple[Path, Dockerd]) -> None:
    root, daemon = both
    _dockyard(root, "run", "-d", "--name", "up", "cmp", "sleep", "60")
    daemon.docker("run", "-d", "--name", "up", "--network", "none", "cmp", "sleep", "60")
    try:
        ours = _dockyard(root, "container", "rename", "up", "/up2")
        theirs = daemon.docker("rename", "up", "/up2")
        assert (ours.stdout, ours.stderr) == (theirs.stdout, theirs.stderr) == (b"", b"")
        assert _dockyard(root, "ps", "--format", "{{.Names}} {{.State}}").stdout == \
            daemon.docker("ps", "--format", "{{.Names}} {{.State}}").stdout == b"up2 running\n"
    finally:
        _dockyard(root, "rm", "-f", "up2")
        daemon.docker("rm", "-f", "up2")


@pytest.mark.parametrize("network", ["none", "host"])
@pytest.mark.parametrize("spec", [[], ["80"], ["80/udp"], ["80/tcp/x"], ["80-81"], ["abc"],
                                  ["99999"], ["81-80"], ["80/"], ["/udp"]])
def test_port_as_docker(both: tuple[Path, Dockerd], network: str, spec: list[str]) -> None:
    root, daemon = both
    name = f"p-{network}"
    if _dockyard(root, "inspect", name, check=False).returncode:
        _dockyard(root, "create", "--name", name, "--network", network, "--expose", "80",
                  "cmp", "true")
        daemon.docker("create", "--name", name, "--network", network, "--expose", "80", "cmp",
                      "true")
    for args in ([name, *spec], ["nosuch", *spec]):
        ours = _dockyard(root, "port", *args, check=False)
        theirs = daemon.docker("port", *args, check=False)
        assert (ours.returncode, ours.stdout) == (theirs.returncode, theirs.stdout)
        assert ours.stderr.decode().removeprefix("error: ") == \
            theirs.stderr.decode().removeprefix("Error: ")
