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
``{"error": message}`` and/or ``{"exit": status}``. Everything the container side
(:mod:`builder.runtime.sandbox`) needs is imported here, before any fork or pivot_root.
"""

from __future__ import annotations

import os
import sys

from builder.jsonio import loads
from builder.runtime import defaults, seccomp
from builder.runtime import signals as signal
from builder.runtime import syscalls as sc
from builder.runtime.sandbox import (
    enter_namespaces,
    exec_in_path,
    reap,
    report,
    setup_root,
)

TYPE_CHECKING = False
if TYPE_CHECKING:
    import socket
    from typing import Any

_MAX_MESSAGE = 1 << 20


def serve(sock: socket.socket) -> None:
    """Fork an init for every message until the builder closes the socket."""
    import socket  # only here: importing this module should stay cheap

    signal.signal(signal.SIGCHLD, signal.SIG_IGN)  # inits are reaped by the kernel
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    seccomp.prepare()  # once: every init's command inherits it built
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
            report(fds[2], error=f"cannot start the container: {exc.strerror or exc}")
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
        report(status, error=f"cannot create a user namespace: {exc.strerror or exc}")
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
        setup_root(run)
        cmd = os.fork()
        if cmd == 0:
            _exec(run, status)
        code = reap(cmd)
        report(status, exit=code)
    except OSError as exc:
        report(status, error=f"cannot set up the container: {exc.strerror or exc}")
    except BaseException as exc:
        report(status, error=f"cannot set up the container: {exc!r}")
    os._exit(code)


def _exec(run: dict[str, Any], status: int) -> None:
    """The command's process: install the seccomp filter, drop privileges, then execve.
    Never returns."""
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
        seccomp.install()  # while CAP_SYS_ADMIN allows it (in a user namespace too)
        if not run.get("rootless"):  # setgroups is denied in an unprivileged user ns
            os.setgroups(user["groups"])
        os.setgid(user["gid"])
        os.setuid(user["uid"])
        mask = defaults.CAP_MASK if user["uid"] == 0 else 0
        sc.capset(mask, mask, 0)
        sc.prctl(sc.PR_SET_NO_NEW_PRIVS, 1)
        os.chdir(spec["cwd"])
    except OSError as exc:
        report(status, error=f"cannot start the process: {exc.strerror or exc}")
        os._exit(255)
    exec_in_path(args, run["env"], status)


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
