"""The native executor's helper process: ``python -m builder.runtime.helper <socket-fd>``.

It is started once per :class:`~builder.runtime.native.NativeExecutor` and stays
single-threaded, so forking it is safe (the builder itself may run threads). Every run is a
message on the socket: the run's JSON and three fds (stdout, stderr, status pipe). For each,
the helper unshares a pid namespace for its next child only, forks *init* (PID 1 there),
replies with init's pid, and switches its own children's pid namespace back. Init unshares
the other namespaces, mounts the rootfs, pivots into it, forks the command, reaps every
zombie, reports, and exits with the command's status; its exit kills whatever the command
left behind. Without root, an extra process first enters a user namespace that maps the
caller to uid 0 (such a namespace cannot be left again) and forks init inside it. Init
reports on the status pipe, one JSON object per line:
``{"error": message}`` and/or ``{"exit": status}``. Everything the container side needs is
imported here, before any fork or pivot_root.
"""

from __future__ import annotations

import os
import sys

from builder.jsonio import dumps, loads
from builder.runtime import defaults
from builder.runtime import signals as signal
from builder.runtime import syscalls as sc
from builder.runtime.executor import DEFAULT_PATH

TYPE_CHECKING = False
if TYPE_CHECKING:
    import socket
    from typing import Any, NoReturn

_MAX_MESSAGE = 1 << 20


def serve(sock: socket.socket) -> None:
    """Fork an init for every message until the builder closes the socket."""
    import socket  # not at the top: the runner's init uses this module's container side

    signal.signal(signal.SIGCHLD, signal.SIG_IGN)  # inits are reaped by the kernel
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    own_pidns = os.open("/proc/self/ns/pid", os.O_RDONLY | os.O_CLOEXEC)
    while True:
        try:
            msg, fds, _flags, _addr = socket.recv_fds(sock, _MAX_MESSAGE, 3)
        except InterruptedError:
            continue
        if not msg:
            return
        if len(fds) != 3:
            for fd in fds:
                os.close(fd)
            continue
        run = loads(msg)
        pid = -1
        try:
            if run.get("rootless"):
                pid = os.fork()
                if pid == 0:
                    try:
                        _rootless(sock, run, *fds)
                    finally:
                        os._exit(255)
            else:
                sc.unshare(sc.CLONE_NEWPID)  # affects the next child only
                pid = os.fork()
        except OSError as exc:
            _report(fds[2], error=f"cannot start the container: {exc.strerror or exc}")
        if pid == 0:
            try:
                _init(sock, run, *fds)
            finally:
                os._exit(255)
        if not run.get("rootless"):
            try:
                sc.setns(own_pidns, sc.CLONE_NEWPID)  # later children: back in our ns
            except OSError:
                pass
        for fd in fds:
            os.close(fd)
        try:
            sock.send(str(max(pid, 0)).encode())
        except OSError:
            return


def _report(fd: int, **item: Any) -> None:
    try:
        os.write(fd, dumps(item).encode() + b"\n")
    except OSError:
        pass


def _rootless(sock: socket.socket, run: dict[str, Any], out: int, err: int,
              status: int) -> None:
    """Without root: enter a user namespace mapping our uid/gid to 0, then fork init there.

    A user namespace can only be entered, never left, so this extra process stands between
    the helper and init; it waits for init and exits with it.
    """
    try:
        sc.prctl(sc.PR_SET_PDEATHSIG, signal.SIGKILL)
        ids = run["rootless"]
        sc.unshare(sc.CLONE_NEWUSER)
        for name, text in (("uid_map", f"0 {ids['uid']} 1"), ("setgroups", "deny"),
                           ("gid_map", f"0 {ids['gid']} 1")):
            with open(f"/proc/self/{name}", "w") as f:
                f.write(text)
        sc.unshare(sc.CLONE_NEWPID)
        signal.signal(signal.SIGCHLD, signal.SIG_DFL)
        pid = os.fork()
    except OSError as exc:
        _report(status, error=f"cannot create a user namespace: {exc.strerror or exc}")
        os._exit(255)
    if pid == 0:
        _init(sock, run, out, err, status)
    sock.close()
    for fd in (out, err, status):
        os.close(fd)
    _, wstatus = os.waitpid(pid, 0)
    os._exit(max(os.waitstatus_to_exitcode(wstatus), 0))


def _init(sock: socket.socket, run: dict[str, Any], out: int, err: int, status: int) -> None:
    """PID 1: namespaces, mounts, pivot_root, fork the command, reap, exit with its status."""
    code = 255
    try:
        sock.close()
        os.setsid()
        sc.prctl(sc.PR_SET_PDEATHSIG, signal.SIGKILL)  # the helper's death ends the run
        signal.signal(signal.SIGCHLD, signal.SIG_DFL)
        signal.signal(signal.SIGINT, signal.SIG_DFL)
        null = os.open("/dev/null", os.O_RDWR)
        os.dup2(null, 0)
        os.dup2(out, 1)
        os.dup2(err, 2)
        os.dup2(status, 3)
        os.closerange(4, 1 << 16)
        status = 3
        os.umask(0o022)  # Docker's, whatever the builder's is
        enter_namespaces(run["spec"])
        _setup_root(run)
        cmd = os.fork()
        if cmd == 0:
            _exec(run, status)
        code = _reap(cmd)
        _report(status, exit=code)
    except OSError as exc:
        _report(status, error=f"cannot set up the container: {exc.strerror or exc}")
    except BaseException as exc:
        _report(status, error=f"cannot set up the container: {exc!r}")
    os._exit(code)


def _reap(cmd: int) -> int:
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


def _open_path(path: str, recursive: bool = False) -> int:
    return sc.clone_tree(path, recursive)


def _bind_fd(fd: int, target: str, flags: int = 0, readonly: bool = False) -> None:
    # after pivot_root a symlink resolves inside the container, as runc follows one there
    sc.attach_tree(fd, target, follow=True)
    if readonly:
        sc.mount(None, target, None, sc.MS_BIND | sc.MS_REMOUNT | sc.MS_RDONLY | flags)


def _dev_mountpoint(target: str, is_dir: bool) -> None:
    """Make a mountpoint under the container's fresh /dev (e.g. /dev/pipes/EOF)."""
    os.makedirs(os.path.dirname(target), mode=0o755, exist_ok=True)
    if is_dir:
        os.mkdir(target, 0o755)
    else:
        os.close(os.open(target, os.O_CREAT | os.O_WRONLY | os.O_CLOEXEC, 0o644))


def _setup_root(run: dict[str, Any]) -> None:
    spec = run["spec"]
    rootfs = run["rootfs"]
    devices = {name: _open_path(f"/dev/{name}") for name in defaults.HOST_DEVICES
               if os.path.exists(f"/dev/{name}")}
    etc = {target: _open_path(host) for target, host in run["etc"].items()}
    binds = [(m, _open_path(m["source"], True)) for m in spec["mounts"] if m["kind"] == "bind"]
    bind_dirs = [os.path.isdir(m["source"]) for m, _ in binds]
    rootless = bool(run.get("rootless"))
    nosuid_nodev_noexec = sc.MS_NOSUID | sc.MS_NODEV | sc.MS_NOEXEC

    sc.mount(rootfs, rootfs, None, sc.MS_BIND | sc.MS_REC)
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

    sc.mount("tmpfs", "/dev", "tmpfs", sc.MS_NOSUID | sc.MS_STRICTATIME,
             "mode=755,size=65536k")
    for name, fd in devices.items():
        os.close(os.open(f"/dev/{name}", os.O_CREAT | os.O_WRONLY | os.O_CLOEXEC, 0o666))
        _bind_fd(fd, f"/dev/{name}")
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
    for link, target in (("fd", "/proc/self/fd"), ("stdin", "/proc/self/fd/0"),
                         ("stdout", "/proc/self/fd/1"), ("stderr", "/proc/self/fd/2"),
                         ("core", "/proc/kcore")):
        os.symlink(target, f"/dev/{link}")

    for target, fd in etc.items():
        if os.path.exists(target):  # a read-only rootfs may lack it (or hold a dangling link)
            _bind_fd(fd, target)
    for (m, fd), is_dir in zip(binds, bind_dirs, strict=True):
        if m["target"].startswith("/dev/") and not os.path.lexists(m["target"]):
            _dev_mountpoint(m["target"], is_dir)  # /dev is our tmpfs: no stub from the rootfs
        _bind_fd(fd, m["target"], sc.MS_REC, readonly=m["readonly"])
    for m in spec["mounts"]:
        if m["kind"] == "tmpfs":
            flags = sc.MS_NOSUID | sc.MS_NODEV | (sc.MS_RDONLY if m["readonly"] else 0)
            size = f",size={m['size']}" if m.get("size") else ""
            sc.mount("tmpfs", m["target"], "tmpfs", flags, "mode=755" + size)
    for fd in (*devices.values(), *etc.values(), *(fd for _, fd in binds)):
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
        sc.mount(None, "/", None, sc.MS_BIND | sc.MS_REMOUNT | sc.MS_RDONLY)


def _exec(run: dict[str, Any], status: int) -> None:
    """The command's process: drop privileges, then execve. Never returns."""
    spec = run["spec"]
    user = run["user"]
    args = spec["args"]
    try:
        os.set_inheritable(status, False)
        for sig in (signal.SIGPIPE, signal.SIGXFSZ, signal.SIGINT, signal.SIGCHLD):
            signal.signal(sig, signal.SIG_DFL)
        signal.pthread_sigmask(signal.SIG_SETMASK, [])
        for cap in range(sc.last_cap() + 1):
            if not defaults.CAP_MASK & (1 << cap):
                sc.prctl(sc.PR_CAPBSET_DROP, cap)
        if not run.get("rootless"):  # setgroups is denied in an unprivileged user ns
            os.setgroups(user["groups"])
        os.setgid(user["gid"])
        os.setuid(user["uid"])
        mask = defaults.CAP_MASK if user["uid"] == 0 else 0
        sc.capset(mask, mask, 0)
        sc.prctl(sc.PR_SET_NO_NEW_PRIVS, 1)
        os.chdir(spec["cwd"])
    except OSError as exc:
        _report(status, error=f"cannot start the process: {exc.strerror or exc}")
        os._exit(255)
    exec_in_path(args, run["env"], status)


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
        _report(status, error=f'exec: "{args[0]}": executable file not found in $PATH')
    except OSError as exc:
        _report(status, error=f'exec: "{args[0]}": {exc.strerror}')
    os._exit(127)


def main(argv: list[str]) -> int:
    """Entry point: serve on the socket whose fd number is ``argv[0]``."""
    if len(argv) != 1 or not argv[0].isdigit():
        print("usage: python -m builder.runtime.helper <socket-fd>", file=sys.stderr)
        return 2
    import socket

    with socket.socket(fileno=int(argv[0])) as sock:
        serve(sock)
    return 0


if __name__ == "__main__":
    status = main(sys.argv[1:])
    sys.stderr.flush()
    os._exit(status)  # nothing to finalize: the builder waits for this exit
