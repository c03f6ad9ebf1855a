"""Isolation of a step: every backend × every snapshotter, against real namespaces and mounts."""

from __future__ import annotations

import contextlib
import io
import os
import shutil
import signal
import socket
import stat
import subprocess
import tarfile
import threading
import time
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import pytest

from builder.errors import ExecutionError
from builder.layers import apply_layer, write_layer
from builder.runtime import Executor, MountSpec, ProcessSpec
from builder.runtime.native import NativeExecutor
from builder.runtime.runc import RuncExecutor
from builder.snapshot import CopySnapshotter, Mount, OverlaySnapshotter, Snapshotter
from builder.snapshot.tree import copy_tree, merged

pytestmark = pytest.mark.integration

BUSYBOX = Path("/bin/busybox")


def _skip_reason() -> str | None:
    if os.geteuid() != 0:
        return "needs root"
    if not BUSYBOX.exists():
        return "needs busybox-static (/bin/busybox)"
    if shutil.which("runc") is None or shutil.which("chroot") is None:
        return "needs runc and chroot"
    return None


@pytest.fixture(autouse=True, scope="module")
def _requirements() -> None:
    # a per-test skip (not a module-level one), so that CI=true turns it into a failure
    if (reason := _skip_reason()) is not None:
        pytest.skip(reason)


@pytest.fixture(scope="module")
def lowers(_requirements: None, tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    """Three layer dirs: busybox; /etc with users and a directory to replace; /usr/f."""
    base = tmp_path_factory.mktemp("layers")
    l1, l2, l3 = base / "l1", base / "l2", base / "l3"
    (l1 / "bin").mkdir(parents=True)
    shutil.copy2(BUSYBOX, l1 / "bin" / "busybox")
    subprocess.run(["chroot", str(l1), "/bin/busybox", "--install", "-s", "/bin"], check=True)
    (l2 / "etc" / "d").mkdir(parents=True)
    (l2 / "etc" / "passwd").write_text(
        "root:x:0:0:root:/root:/bin/sh\nbob:x:1000:1000::/home/bob:/bin/sh\n"
    )
    (l2 / "etc" / "group").write_text("root:x:0:\nbob:x:1000:\nwheel:x:10:bob\n")
    (l2 / "etc" / "d" / "f1").write_text("one\n")
    (l2 / "etc" / "d" / "f2").write_text("two\n")
    (l2 / "etc" / "del").write_text("delete me\n")
    (l3 / "usr").mkdir(parents=True)
    (l3 / "usr" / "f").write_text("lower file\n")
    (l3 / "usr" / "f").chmod(0o644)
    return [l1, l2, l3]


@pytest.fixture(scope="module", params=["native", "runc"])
def executor(_requirements: None, request: pytest.FixtureRequest,
             tmp_path_factory: pytest.TempPathFactory) -> Iterator[NativeExecutor | RuncExecutor]:
    state = tmp_path_factory.mktemp(f"state-{request.param}")
    ex = NativeExecutor(state) if request.param == "native" else RuncExecutor(state)
    with ex:
        yield ex


@pytest.fixture(params=["overlay", "copy"])
def snapshotter(request: pytest.FixtureRequest, tmp_path: Path) -> Snapshotter:
    root = tmp_path / "snapshots"
    if request.param == "overlay":
        return OverlaySnapshotter(root)
    return CopySnapshotter(root)


@pytest.fixture
def mount(snapshotter: Snapshotter, lowers: list[Path]) -> Iterator[Mount]:
    m = snapshotter.prepare("step", lowers)
    yield m
    snapshotter.remove(m)


class Output:
    def __init__(self) -> None:
        self.stdout = bytearray()
        self.stderr = bytearray()
        self.lines = 0

    def __call__(self, stream: str, line: bytes) -> None:
        self.lines += 1
        (self.stdout if stream == "stdout" else self.stderr).extend(line)


def sh(executor: Executor, rootfs: Path, script: str, **kw: Any) -> tuple[int, str, str]:
    """Run ``sh -c script``; ``kw`` are further ProcessSpec fields."""
    out = Output()
    code = executor.run(rootfs, ProcessSpec(args=("/bin/sh", "-c", script), **kw), out)
    return code, out.stdout.decode(), out.stderr.decode()


_SCOPE: list[str] = []


@pytest.fixture(autouse=True)
def _mount_scope(tmp_path_factory: pytest.TempPathFactory) -> None:
    _SCOPE[:] = [str(tmp_path_factory.getbasetemp())]


def mountinfo() -> list[str]:
    """This session's mounts (other processes on the machine may mount things meanwhile)."""
    with open("/proc/self/mountinfo") as f:
        return sorted(line.split(" ", 4)[4] for line in f if _SCOPE[0] in line)


def host_processes(marker: str) -> list[int]:
    found = []
    for pid in os.listdir("/proc"):
        if pid.isdigit():
            try:
                cmdline = Path(f"/proc/{pid}/cmdline").read_bytes()
            except OSError:
                continue
            if marker.encode() in cmdline.replace(b"\0", b" "):
                found.append(int(pid))
    return found


def test_sees_only_its_own_processes(executor, mount: Mount) -> None:
    code, out, _ = sh(executor, mount.rootfs,
                      "for p in /proc/[0-9]*; do echo ${p#/proc/} $(cat $p/comm); done")
    assert code == 0
    seen = dict(line.split(" ", 1) for line in out.splitlines())
    # init (our helper or the command itself under runc), sh, and its subshells / cat
    assert set(seen.values()) <= {"python", "python3", "python3.11", "sh", "cat"}
    assert len(seen) <= 4
    assert "1" in seen


def test_has_its_own_hostname(executor, mount: Mount) -> None:
    before = socket.gethostname()
    code, out, _ = sh(executor, mount.rootfs, "hostname; cat /etc/hostname",
                      hostname="step-host")
    assert code == 0
    assert out.split() == ["step-host", "step-host"]
    assert socket.gethostname() == before


def test_cannot_write_outside_its_rootfs(executor, mount: Mount, tmp_path: Path) -> None:
    outside = tmp_path / "outside"
    outside.mkdir()
    code, _, _ = sh(executor, mount.rootfs,
                    f"echo x > {outside}/escaped || echo x > /../../{outside}/escaped")
    assert code != 0
    assert not (outside / "escaped").exists()
    code, _, _ = sh(executor, mount.rootfs, "echo x > /../../inside")
    assert code == 0
    assert (mount.rootfs / "inside").read_text() == "x\n"


def test_has_dockers_capabilities(executor, mount: Mount) -> None:
    code, out, _ = sh(executor, mount.rootfs, "grep -E 'Cap(Eff|Bnd)' /proc/self/status")
    assert code == 0
    assert "CapEff:\t00000000a80425fb" in out
    assert "CapBnd:\t00000000a80425fb" in out
    _, out, _ = sh(executor, mount.rootfs, "grep -E 'CapEff|NoNewPrivs' /proc/self/status",
                   user="bob")
    assert "CapEff:\t0000000000000000" in out
    assert "NoNewPrivs:\t1" in out


@pytest.mark.parametrize("user", ["", "bob"])
def test_has_dockers_seccomp_filter(executor, mount: Mount, user: str) -> None:
    """No new user namespace (the first step of many kernel exploits), whether as root or
    not; the rest of a step's usual work is untouched."""
    script = ("grep Seccomp: /proc/self/status; "
              "unshare -U true && echo userns; unshare -r true && echo root-userns; "
              "cd /dev/shm && mkdir d && ln -s d l && chmod 700 d && ls l && echo files; "
              "sleep 0.1 & wait $! && echo background; "
              "ping -c 1 -W 5 127.0.0.1 > /dev/null && echo ping; true")
    code, out, err = sh(executor, mount.rootfs, script, user=user)
    assert code == 0
    pinged = [] if user else ["ping"]  # a raw socket: CAP_NET_RAW
    assert out.split() == ["Seccomp:", "2", "files", "background", *pinged], err
    assert err.count("Operation not permitted") == 2


def test_opens_only_dockers_devices(executor, mount: Mount, tmp_path: Path) -> None:
    """/dev/null and friends work; a node for another device (here the kernel log, which
    root may write) cannot be opened, whether made in the rootfs (CAP_MKNOD is Docker's),
    brought by a layer, or reached through a bind mount of the host's /dev."""
    lower = tmp_path / "lower"
    lower.mkdir()
    os.mknod(lower / "kmsg", 0o666 | stat.S_IFCHR, os.makedev(1, 11))
    script = ("printf '' > /dev/null && echo null; head -c 4 /dev/zero | wc -c; "
              "mknod /made c 1 11 && echo made; "
              "for n in /made /lower/kmsg /hostdev/kmsg; do printf '' > $n && echo opened $n; "
              "done; echo x > /masked && echo masked-by-null; true")
    code, out, _ = sh(executor, mount.rootfs, script,
                      mounts=(MountSpec("bind", "/lower", str(lower), readonly=True),
                              MountSpec("bind", "/hostdev", "/dev"),
                              MountSpec("bind", "/masked", "/dev/null")))
    assert code == 0
    assert out.split("\n")[:2] == ["null", "4"]
    assert "opened" not in out
    assert "masked-by-null" in out  # -v /dev/null:/file, a safe device bound itself
    layer_node = mount.rootfs / "node"
    os.mknod(layer_node, 0o666 | stat.S_IFCHR, os.makedev(1, 11))
    code, out, _ = sh(executor, mount.rootfs, "printf '' > /node && echo opened; true")
    assert "opened" not in out


def test_cgroups_read_only_and_never_shared(executor, mount: Mount) -> None:
    """A step under runc sees its own cgroups at /sys/fs/cgroup, read-only, as Docker's
    builder gives them; a native step, which has no cgroup of its own, sees none (not the
    cgroup it shares with the build)."""
    code, out, err = sh(executor, mount.rootfs, "ls -A /sys/fs/cgroup; "
                        "for d in /sys/fs/cgroup/*/; do mkdir $d/x || exit; done; echo made")
    if isinstance(executor, RuncExecutor):
        assert code != 0 and out.split(), "runc shows the step's cgroups"
        assert "Read-only file system" in err, err
    else:
        assert code != 0 and out == ""


def test_user_and_groups_from_the_rootfs(executor, mount: Mount) -> None:
    code, out, _ = sh(executor, mount.rootfs, "id -u; id -g; id -G; echo $HOME", user="bob")
    assert code == 0
    assert out.split() == ["1000", "1000", "1000", "10", "/home/bob"]
    with pytest.raises(ExecutionError, match="unable to find user nobody"):
        sh(executor, mount.rootfs, "true", user="nobody")


def test_cannot_write_proc_sys_or_read_masked_paths(executor, mount: Mount) -> None:
    code, _, err = sh(executor, mount.rootfs, "echo 1 > /proc/sys/kernel/panic")
    assert code != 0
    assert "Read-only" in err
    masked = [p for p in ("/proc/kcore", "/proc/keys", "/proc/timer_list", "/proc/interrupts")
              if os.path.exists(p)]
    assert masked
    _, out, _ = sh(executor, mount.rootfs,
                   "".join(f"cat {p} | wc -c; " for p in masked) + "ls /sys/firmware | wc -l")
    assert out.split() == ["0"] * (len(masked) + 1)


def test_network_none_has_only_loopback_up(executor, mount: Mount) -> None:
    code, out, _ = sh(executor, mount.rootfs, "ip -o link")
    assert code == 0
    links = out.strip().splitlines()
    assert len(links) == 1
    assert ": lo:" in links[0] and "UP" in links[0]


def test_host_network(executor, mount: Mount) -> None:
    code, out, _ = sh(executor, mount.rootfs, "ls /sys/class/net", network="host")
    assert code == 0
    assert sorted(out.split()) == sorted(os.listdir("/sys/class/net"))


def test_umask_is_dockers(executor, mount: Mount) -> None:
    old = os.umask(0o077)
    try:
        assert sh(executor, mount.rootfs, "umask")[1].strip() == "0022"
        _, out, _ = sh(executor, mount.rootfs, "cat /etc/hosts | head -1",
                       user="bob")
        assert out.split("\n")[:1] == ["127.0.0.1\tlocalhost dockyard"]
    finally:
        os.umask(old)


def test_mounts_and_cwd(executor, mount: Mount, tmp_path: Path) -> None:
    shared = tmp_path / "shared"
    shared.mkdir()
    (shared / "in").write_text("from host\n")
    spec_mounts = (MountSpec("bind", "/mnt/shared", str(shared), readonly=True),
                   MountSpec("tmpfs", "/scratch"))
    code, out, _ = sh(executor, mount.rootfs,
                      "cat /mnt/shared/in; touch /mnt/shared/no || echo ro; "
                      "touch /scratch/yes && echo tmp; pwd",
                      mounts=spec_mounts, cwd="/work/dir")
    assert code == 0
    assert out.split("\n")[:4] == ["from host", "ro", "tmp", "/work/dir"]
    assert not (shared / "no").exists()


def test_exit_status_and_exec_errors(executor, mount: Mount) -> None:
    assert sh(executor, mount.rootfs, "exit 3")[0] == 3
    assert sh(executor, mount.rootfs, "sh -c 'kill -9 $$'; exit $?")[0] == 128 + 9
    with pytest.raises(ExecutionError, match="no-such-command"):
        executor.run(mount.rootfs, ProcessSpec(args=("no-such-command",)), Output())


def test_large_stderr_does_not_deadlock(executor, mount: Mount) -> None:
    out = Output()
    script = ("yes 0123456789012345678901234567890123456789012345678901234567890123456789 "
              "| head -c 31457280 >&2; echo done")
    code = executor.run(mount.rootfs, ProcessSpec(args=("/bin/sh", "-c", script)), out)
    assert code == 0
    assert len(out.stderr) == 30 * 1024 * 1024
    assert out.stdout == b"done\n"
    assert out.lines > 400_000


def test_background_processes_are_killed(executor, mount: Mount) -> None:
    marker = f"{os.getpid() % 1000 + 1000}"
    start = time.monotonic()
    code, _, _ = sh(executor, mount.rootfs, f"sleep {marker} & sleep {marker} & echo started")
    assert code == 0
    assert time.monotonic() - start < 10
    time.sleep(0.1)
    assert host_processes(f"sleep {marker}") == []


def _layer(changes: list, tmp_path: Path) -> tuple[bytes, list[str]]:
    buf = io.BytesIO()
    write_layer(changes, buf, compression="none")
    data = buf.getvalue()
    with tarfile.open(fileobj=io.BytesIO(data)) as tar:
        names = tar.getnames()
    return data, names


def _next_steps(snapshotter: Snapshotter, lowers: list[Path], layer: bytes,
                tmp_path: Path) -> Iterator[Mount]:
    """Snapshots of the next step: the layer unpacked in overlay format and stacked on
    ``lowers``, then the layer applied onto a flat copy of ``lowers``."""
    stacked = tmp_path / "applied"
    apply_layer(io.BytesIO(layer), stacked, overlay=True)
    flat = tmp_path / "flat"
    copy_tree(merged(lowers), flat)
    apply_layer(io.BytesIO(layer), flat)
    for key, below in (("stacked", [*lowers, stacked]), ("flat", [flat])):
        m = snapshotter.prepare(key, below)
        try:
            yield m
        finally:
            snapshotter.remove(m)


def test_deleted_file_becomes_a_whiteout(executor, snapshotter: Snapshotter,
                                         lowers: list[Path], tmp_path: Path) -> None:
    m = snapshotter.prepare("step", lowers)
    try:
        assert sh(executor, m.rootfs, "rm /etc/del")[0] == 0
        changes = snapshotter.diff(m)
        layer, names = _layer(changes, tmp_path)
    finally:
        snapshotter.remove(m)
    assert "etc/.wh.del" in names
    with contextlib.closing(_next_steps(snapshotter, lowers, layer, tmp_path)) as steps:
        for nxt in steps:
            code, out, _ = sh(executor, nxt.rootfs, "ls /etc; test ! -e /etc/del")
            assert code == 0
            assert set(out.split()) - {"hosts", "hostname", "resolv.conf"} == {
                "d", "group", "passwd"}


def test_recreated_directory_hides_old_children(executor, snapshotter: Snapshotter,
                                                lowers: list[Path], tmp_path: Path) -> None:
    m = snapshotter.prepare("step", lowers)
    try:
        script = "rm -rf /etc/d && mkdir /etc/d && echo new > /etc/d/new"
        assert sh(executor, m.rootfs, script)[0] == 0
        layer, names = _layer(snapshotter.diff(m), tmp_path)
    finally:
        snapshotter.remove(m)
    if isinstance(snapshotter, OverlaySnapshotter):
        assert "etc/d/.wh..wh..opq" in names
    else:
        assert {"etc/d/.wh.f1", "etc/d/.wh.f2"} <= set(names)
    assert "etc/d/new" in names
    with contextlib.closing(_next_steps(snapshotter, lowers, layer, tmp_path)) as steps:
        for nxt in steps:
            code, out, _ = sh(executor, nxt.rootfs, "ls /etc/d")
            assert code == 0
            assert out.split() == ["new"]


def test_chmod_of_a_lower_file_is_captured(executor, snapshotter: Snapshotter,
                                           lowers: list[Path], tmp_path: Path) -> None:
    m = snapshotter.prepare("step", lowers)
    try:
        assert sh(executor, m.rootfs, "chmod 600 /usr/f && chown 1000:10 /usr/f")[0] == 0
        changes = snapshotter.diff(m)
        layer, _ = _layer(changes, tmp_path)
    finally:
        snapshotter.remove(m)
    assert [c.path for c in changes] == ["usr", "usr/f"]
    with tarfile.open(fileobj=io.BytesIO(layer)) as tar:
        info = tar.getmember("usr/f")
    assert (info.mode, info.uid, info.gid, info.size) == (0o600, 1000, 10, 11)
    with contextlib.closing(_next_steps(snapshotter, lowers, layer, tmp_path)) as steps:
        for nxt in steps:
            _, out, _ = sh(executor, nxt.rootfs, "stat -c '%a %u %g' /usr/f; cat /usr/f")
            assert out == "600 1000 10\nlower file\n"


def test_a_step_that_changes_nothing_has_an_empty_diff(executor, mount: Mount,
                                                       snapshotter: Snapshotter) -> None:
    assert sh(executor, mount.rootfs, "cat /etc/hosts /etc/resolv.conf >/dev/null")[0] == 0
    assert snapshotter.diff(mount) == []


def _cancel_later(action: Callable[[], object], delay: float) -> threading.Timer:
    timer = threading.Timer(delay, action)
    timer.start()
    return timer


@pytest.mark.parametrize("how", ["success", "failure", "cancel", "sigint"])
def test_no_mount_or_process_left_behind(executor, snapshotter: Snapshotter,
                                         lowers: list[Path], how: str) -> None:
    before = mountinfo()
    marker = f"sleep {os.getpid() % 1000 + 2000}"
    m = snapshotter.prepare("step", lowers)
    try:
        if how == "success":
            assert sh(executor, m.rootfs, "echo ok")[0] == 0
        elif how == "failure":
            assert sh(executor, m.rootfs, "exit 7")[0] == 7
        elif how == "cancel":
            timer = _cancel_later(executor.cancel, 0.5)
            with pytest.raises(ExecutionError, match="cancelled"):
                sh(executor, m.rootfs, f"{marker} & {marker}")
            timer.join()
        else:
            timer = _cancel_later(lambda: os.kill(os.getpid(), signal.SIGINT), 0.5)
            with pytest.raises(KeyboardInterrupt):
                sh(executor, m.rootfs, f"{marker} & {marker}")
            timer.join()
    finally:
        snapshotter.remove(m)
    assert mountinfo() == before
    time.sleep(0.1)
    assert host_processes(marker) == []
    assert not m.dir.exists()


def test_cancel_kills_a_run_still_starting(executor, mount: Mount) -> None:
    """A cancel that comes while the run is being started (before the executor has its
    process to kill) is not lost: the run is killed as soon as it exists."""
    if isinstance(executor, RuncExecutor):
        # as soon as the run is in flight, typically before runc has made the container
        def cancel_when_started() -> None:
            deadline = time.monotonic() + 20
            while not executor._ids and time.monotonic() < deadline:
                time.sleep(0.001)
            executor.cancel()

        thread = threading.Thread(target=cancel_when_started)
        thread.start()
    else:
        submit = executor._submit

        def submit_then_cancel(*args: Any) -> int:
            init = submit(*args)  # the helper has forked the run's init
            executor.cancel()
            return init

        executor._submit = submit_then_cancel
    try:
        with pytest.raises(ExecutionError, match="cancelled"):
            sh(executor, mount.rootfs, "sleep 3; touch /finished")
    finally:
        if isinstance(executor, RuncExecutor):
            thread.join()
        else:
            del executor._submit
    assert not (mount.rootfs / "finished").exists()
    assert sh(executor, mount.rootfs, "echo next")[:2] == (0, "next\n")


def test_concurrent_runs_from_threads(executor, snapshotter: Snapshotter,
                                      lowers: list[Path]) -> None:
    mounts = [snapshotter.prepare(f"par{i}", lowers) for i in range(4)]
    try:
        def one(i: int) -> tuple[int, str, str]:
            return sh(executor, mounts[i].rootfs, f"sleep 0.2; echo {i} > /mine; cat /mine",
                      hostname=f"h{i}")

        with ThreadPoolExecutor(4) as pool:
            results = list(pool.map(one, range(4)))
        assert [(code, out) for code, out, _ in results] == [(0, f"{i}\n") for i in range(4)]
        assert all((m.rootfs / "mine").read_text() == f"{i}\n" for i, m in enumerate(mounts))
    finally:
        for m in mounts:
            snapshotter.remove(m)


def test_read_only_view(executor, snapshotter: Snapshotter, lowers: list[Path],
                        tmp_path: Path) -> None:
    points = tmp_path / "points"
    for d in ("proc", "dev", "sys", "etc"):
        (points / d).mkdir(parents=True)
    for f in ("hosts", "hostname", "resolv.conf"):
        (points / "etc" / f).write_text("")
    view = snapshotter.view("ro", [*lowers, points])
    try:
        code, out, err = sh(executor, view.rootfs, "touch /new || echo refused; hostname; "
                            "echo x >> /etc/hosts || echo hosts-refused",
                            readonly_rootfs=True, hostname="viewer")
        assert code == 0, err
        assert out.split() == ["refused", "viewer", "hosts-refused"]  # as Docker's
        assert "Read-only" in err
        assert not (view.rootfs / "new").exists()
    finally:
        snapshotter.remove(view)
    if isinstance(executor, NativeExecutor):  # runc may create the mount points itself
        bare = snapshotter.view("bare", lowers)
        try:
            with pytest.raises(ExecutionError, match="proc"):
                sh(executor, bare.rootfs, "true", readonly_rootfs=True)
        finally:
            snapshotter.remove(bare)


def test_symlinked_resolv_conf_gets_a_stub_that_no_diff_sees(
        executor, snapshotter: Snapshotter, lowers: list[Path], tmp_path: Path) -> None:
    linked = tmp_path / "linked"
    (linked / "etc").mkdir(parents=True)
    (linked / "etc" / "resolv.conf").symlink_to("../run/systemd/resolve/stub-resolv.conf")
    m = snapshotter.prepare("linked", [*lowers, linked])
    try:
        code, out, err = sh(executor, m.rootfs, "cat /etc/resolv.conf > /dev/null && echo ok")
        assert (code, out) == (0, "ok\n"), err
        assert snapshotter.diff(m) == []
    finally:
        snapshotter.remove(m)


def test_dev_links_as_runc_makes_them(executor, mount: Mount) -> None:
    _, out, _ = sh(executor, mount.rootfs, "ls /dev")
    names = set(out.split())
    assert {"fd", "stdin", "stdout", "stderr", "ptmx"} <= names
    assert ("core" in names) == os.path.exists("/proc/kcore")  # runc links it only then


def test_a_build_step_runs_in_buildkits_sandbox(executor, mount: Mount) -> None:
    script = ("cat /etc/hosts; echo x >> /etc/hosts || echo ro-hosts; "
              "echo x >> /etc/resolv.conf || echo ro-resolv; env | grep -c ^HOSTNAME=; "
              "hostname; test -e /etc/hostname && cat /etc/hostname")
    code, out, _ = sh(executor, mount.rootfs, script, build_step=True, hostname="sandbox")
    assert out.splitlines() == [
        "127.0.0.1\tlocalhost sandbox", "::1\tlocalhost ip6-localhost ip6-loopback",
        "ro-hosts", "ro-resolv", "0", "sandbox"]
    assert code == 1  # the image has no /etc/hostname, and none is bound
    code, out, _ = sh(executor, mount.rootfs, "echo x >> /etc/hosts && env | grep -c ^HOSTNAME=")
    assert (code, out.split()) == (0, ["1"])  # a container's are writable, as Docker's
