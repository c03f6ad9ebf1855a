"""A container's own side, shared by the build's helper (:mod:`builder.runtime.helper`) and
the runner's init (:mod:`builder.runner.init`): entering the namespaces, the root's mounts
with Docker's defaults, pivot_root, reaping, reports on the status fd, and the exec."""

from __future__ import annotations

import os
import stat

from builder.jsonio import dumps
from builder.runtime import cgroupfs, defaults
from builder.runtime import syscalls as sc
from builder.runtime.executor import DEFAULT_PATH
from builder.runtime.tmpfs import tmpfs_mount_args  # before the pivot: no import after it

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any, NoReturn


def report(fd: int, **item: Any) -> None:
    """Write ``item`` as one JSON line to the status fd (a reader that went away is fine)."""
    try:
        os.write(fd, dumps(item).encode() + b"\n")
    except OSError:
        pass


def reap(cmd: int) -> int:
    """Reap children until ``cmd`` exits; its exit status (128 + the signal that killed it)."""
    while True:
        try:
            pid, wstatus = os.wait()
        except InterruptedError:
            continue
        except ChildProcessError:
            return 255
        if pid == cmd:
            code = os.waitstatus_to_exitcode(wstatus)
            return code if code >= 0 else 128 - code


def _bind_fd(fd: int, target: str) -> None:
    # after pivot_root a symlink resolves inside the container, as runc follows one there
    sc.attach_tree(fd, target, follow=True)


def _bind_tree(source: str, readonly: bool, safe: set[int]) -> int:
    """A detached recursive bind mount of ``source`` for a bind mount or volume: nodev
    (unless it is one of the ``safe`` devices itself, as ``-v /dev/null:/etc/x`` binds),
    and read-only through and through when asked (as Docker's ``ro`` on kernels that can)."""
    fd = sc.clone_tree(source, True)
    try:
        st = os.stat(fd)
        device = stat.S_ISCHR(st.st_mode) and st.st_rdev in safe
        sc.set_mount_attrs(fd, (0 if device else sc.MOUNT_ATTR_NODEV)
                           | (sc.MOUNT_ATTR_RDONLY if readonly else 0), recursive=True)
    except BaseException:
        os.close(fd)
        raise
    return fd


def _dev_mountpoint(target: str, is_dir: bool) -> None:
    """Make a mountpoint under the container's fresh /dev (e.g. /dev/pipes/EOF)."""
    os.makedirs(os.path.dirname(target), mode=0o755, exist_ok=True)
    if is_dir:
        os.mkdir(target, 0o755)
    else:
        os.close(os.open(target, os.O_CREAT | os.O_WRONLY | os.O_CLOEXEC, 0o644))


def setup_root(run: dict[str, Any]) -> None:
    """Pivot into ``run["rootfs"]`` with Docker's mounts: proc, sysfs, a tmpfs /dev with the
    host's safe devices, devpts, shm, mqueue, the /etc files, binds, tmpfs mounts, masked and
    read-only paths; ``/`` read-only when asked."""
    spec = run["spec"]
    rootfs = run["rootfs"]
    rootless = bool(run.get("rootless"))
    # No device cgroup here: the container's mounts are nodev, so no device node the image
    # holds or a process makes (CAP_MKNOD is Docker's) can be opened, and /dev holds bind
    # mounts of the host's safe devices. Where the host's /dev is itself nodev, root makes
    # them instead (mknod) on a /dev that allows devices, as runc does.
    bind_devices = rootless or not os.statvfs("/dev").f_flag & os.ST_NODEV
    devices: dict[str, int] = {}
    safe: set[int] = set()  # their device numbers
    for name in defaults.HOST_DEVICES:
        try:
            st = os.stat(f"/dev/{name}")
        except OSError:
            continue
        devices[name] = sc.clone_tree(f"/dev/{name}") if bind_devices else st.st_rdev
        safe.add(st.st_rdev)
    etc = {target: sc.clone_tree(host) for target, host in run["etc"].items()}
    # as Docker's --read-only: /etc/hosts and friends too; BuildKit binds them read-only
    if spec["readonly_rootfs"] or spec.get("build_step"):
        for fd in etc.values():
            sc.set_mount_attrs(fd, sc.MOUNT_ATTR_RDONLY)
    binds = [(m, _bind_tree(m["source"], m["readonly"], safe)) for m in spec["mounts"]
             if m["kind"] == "bind"]
    bind_dirs = [os.path.isdir(m["source"]) for m, _ in binds]
    cgroups = None if rootless else cgroupfs.prepare(run.get("cgroups") or ())
    nosuid_nodev_noexec = sc.MS_NOSUID | sc.MS_NODEV | sc.MS_NOEXEC

    sc.mount(rootfs, rootfs, None, sc.MS_BIND | sc.MS_REC)
    sc.set_mount_attrs(rootfs, sc.MOUNT_ATTR_NODEV, recursive=True)
    # proc and sysfs go in before the host's are detached: inside a user namespace the
    # kernel only allows them while a fully visible instance exists in the mount namespace
    for sub in ("proc", "sys"):
        if os.path.islink(f"{rootfs}/{sub}"):
            raise OSError(f"/{sub} in the image is a symbolic link")
    sc.mount("proc", f"{rootfs}/proc", "proc", nosuid_nodev_noexec)
    if rootless and spec["network"] == "host":  # not our network namespace: bind the host's
        sc.mount("/sys", f"{rootfs}/sys", None, sc.MS_BIND | sc.MS_REC)
        sc.mount(None, f"{rootfs}/sys", None,
                 sc.MS_BIND | sc.MS_REMOUNT | sc.MS_RDONLY | nosuid_nodev_noexec)
    else:
        sc.mount("sysfs", f"{rootfs}/sys", "sysfs", nosuid_nodev_noexec | sc.MS_RDONLY)
    os.chdir(rootfs)
    sc.pivot_root(".", ".")
    sc.umount(".", sc.MNT_DETACH)
    os.chdir("/")

    sc.mount("tmpfs", "/dev", "tmpfs",
             sc.MS_NOSUID | sc.MS_STRICTATIME | (sc.MS_NODEV if bind_devices else 0),
             "mode=755,size=65536k")
    for name, dev in devices.items():
        if bind_devices:
            os.close(os.open(f"/dev/{name}", os.O_CREAT | os.O_WRONLY | os.O_CLOEXEC, 0o666))
            _bind_fd(dev, f"/dev/{name}")
        else:
            os.mknod(f"/dev/{name}", stat.S_IFCHR | 0o666, dev)
            os.chmod(f"/dev/{name}", 0o666)  # whatever the umask
    os.mkdir("/dev/pts", 0o755)
    sc.mount("devpts", "/dev/pts", "devpts", sc.MS_NOSUID | sc.MS_NOEXEC,
             "newinstance,ptmxmode=0666,mode=0620" + ("" if rootless else ",gid=5"))
    os.symlink("pts/ptmx", "/dev/ptmx")
    os.mkdir("/dev/shm", 0o1777)
    sc.mount("shm", "/dev/shm", "tmpfs", nosuid_nodev_noexec, "mode=1777,size=65536k")
    os.mkdir("/dev/mqueue", 0o755)
    try:
        sc.mount("mqueue", "/dev/mqueue", "mqueue", nosuid_nodev_noexec)
    except OSError:
        pass
    links = [("fd", "/proc/self/fd"), ("stdin", "/proc/self/fd/0"),
             ("stdout", "/proc/self/fd/1"), ("stderr", "/proc/self/fd/2")]
    if os.path.exists("/proc/kcore"):  # as runc: only where the kernel has one
        links.append(("core", "/proc/kcore"))
    for link, target in links:
        os.symlink(target, f"/dev/{link}")

    if cgroups is not None:
        cgroupfs.mount_view(cgroups)
    for target, fd in etc.items():
        if os.path.exists(target):  # a read-only rootfs may lack it (or hold a dangling link)
            _bind_fd(fd, target)
    for (m, fd), is_dir in zip(binds, bind_dirs, strict=True):
        if m["target"].startswith("/dev/") and not os.path.lexists(m["target"]):
            _dev_mountpoint(m["target"], is_dir)  # /dev is our tmpfs: no stub from the rootfs
        _bind_fd(fd, m["target"])
    for m in spec["mounts"]:
        if m["kind"] == "tmpfs":
            flags, data = tmpfs_mount_args(m.get("options") or (), m["readonly"],
                                           m.get("size") or 0)
            sc.mount("tmpfs", m["target"], "tmpfs", flags, data or None)
    for fd in (*(devices.values() if bind_devices else ()), *etc.values(),
               *(fd for _, fd in binds)):
        os.close(fd)

    for path in defaults.MASKED_PATHS:
        try:
            if os.path.isdir(path):
                sc.mount("tmpfs", path, "tmpfs", sc.MS_RDONLY)
            else:
                sc.mount("/dev/null", path, None, sc.MS_BIND)
        except FileNotFoundError:
            continue
    for path in defaults.READONLY_PATHS:
        try:
            sc.mount(path, path, None, sc.MS_BIND | sc.MS_REC)
        except FileNotFoundError:
            continue
        sc.mount(path, path, None,
                 sc.MS_BIND | sc.MS_REMOUNT | sc.MS_RDONLY | sc.MS_REC | nosuid_nodev_noexec)
    if not spec["readonly_rootfs"]:
        os.makedirs(spec["cwd"], mode=0o755, exist_ok=True)
    else:
        sc.set_mount_attrs("/", sc.MOUNT_ATTR_RDONLY)  # keeps nodev (a remount would not)


def enter_namespaces(spec: dict[str, Any]) -> None:
    """Unshare Docker's namespaces (see :func:`unshare_namespaces`) and set the hostname."""
    unshare_namespaces(spec["network"])
    sc.sethostname(spec["hostname"])


def unshare_namespaces(network: str) -> None:
    """Unshare Docker's namespaces (mount, uts, ipc; net with only ``lo`` up for
    ``--network=none``) and make mounts private."""
    flags = sc.CLONE_NEWNS | sc.CLONE_NEWUTS | sc.CLONE_NEWIPC
    if network == "none":
        flags |= sc.CLONE_NEWNET
    sc.unshare(flags)
    sc.mount(None, "/", None, sc.MS_REC | sc.MS_PRIVATE)
    if network == "none":
        sc.loopback_up()


def exec_in_path(args: list[str], env: list[str], status: int) -> NoReturn:
    """execve ``args`` (looked up in the env's PATH when bare); on failure report the
    error on the ``status`` fd and exit 127."""
    envmap = {k: v for k, _, v in (e.partition("=") for e in env)}
    try:
        if "/" in args[0]:
            os.execve(args[0], args, envmap)
        for directory in envmap.get("PATH", DEFAULT_PATH).split(":"):
            path = os.path.join(directory or ".", args[0])
            if os.path.isfile(path) and os.access(path, os.X_OK):
                os.execve(path, args, envmap)
        report(status, error=f'exec: "{args[0]}": executable file not found in $PATH')
    except OSError as exc:
        why = exc.strerror or str(exc)  # in Go's words, as runc's: a small first letter
        report(status, error=f'exec: "{args[0]}": {why[:1].lower()}{why[1:]}')
    os._exit(127)
