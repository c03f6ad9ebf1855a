"""``exec``: run another process in a running container's namespaces and cgroups.

A forked child joins the cgroups and the namespaces of the container's init (pid, ipc,
uts, net, mount), forks again to be inside the pid namespace, and executes the command
with Docker's capabilities (every one this process holds with ``--privileged``), the
container's seccomp filter (unless it has ``seccomp=unconfined``) and its user, environment
and working directory.
With a terminal, the pair is opened in the container's own devpts and this process relays
between it and its own streams. Detached, the joining child leaves this process's session,
and this process returns once the command has been executed.
"""

from __future__ import annotations

import contextlib
import fcntl
import json
import os
import selectors
import signal
import struct
import termios
import tty as ttymod
from pathlib import Path
from typing import Any, NoReturn

from builder.errors import ContainerError, ExecutionError
from builder.runner.container import Container, merge_env, supervisor_alive
from builder.runner.init import exec_command, take_terminal  # before joining: nothing imports after
from builder.runner.plan import process_env, security_of
from builder.runtime import sandbox
from builder.runtime import syscalls as sc
from builder.runtime.users import resolve_user

_NAMESPACES = (("ipc", sc.CLONE_NEWIPC), ("uts", sc.CLONE_NEWUTS), ("net", sc.CLONE_NEWNET),
               ("pid", sc.CLONE_NEWPID), ("mnt", sc.CLONE_NEWNS))
_TIOCSPTLCK = 0x40045431
_TIOCGPTN = 0x80045430

NOT_STARTED = 126
"""Docker's status for an exec whose command could not be started, whatever the reason (a
missing command or user, a working directory that is not there...): its daemon's."""


def _env(c: Container, extra: list[str], home: str, tty: bool) -> list[str]:
    """An exec's environment in Docker's order: its daemon's PATH, HOSTNAME and (with a
    terminal) TERM, each replaced in place by the container's and then by ``-e``, which
    append the others; HOME last when none of these set it, as runc adds it."""
    cfg = c.config["Config"]
    env = merge_env(process_env(cfg.get("Env") or [], cfg.get("Hostname") or c.id[:12], tty),
                    extra)
    if all(e.split("=", 1)[0] != "HOME" for e in env):
        env.append(f"HOME={home}")
    return env


def exec_in(c: Container, args: list[str], env: list[str], user: str | None, workdir: str,
            interactive: bool, tty: bool, *, detach: bool = False,
            privileged: bool = False) -> int:
    """Run ``args`` in ``c``; returns its exit status, or 0 once it runs when ``detach``.
    Raises StartError (:data:`NOT_STARTED`) when it cannot start."""
    c.reload()
    pid = int(c.state.get("Pid") or 0)
    if not c.running or not supervisor_alive(c.state) or pid <= 0:
        raise ContainerError(f"container {c.name} is not running")
    if not args:
        raise ContainerError("no command given")
    if tty and interactive and not detach and not os.isatty(0):
        raise ContainerError("the input device is not a TTY")
    root = Path(f"/proc/{pid}/root")
    try:
        ns_fds = [(os.open(f"/proc/{pid}/ns/{name}", os.O_RDONLY | os.O_CLOEXEC), kind)
                  for name, kind in _NAMESPACES]
    except OSError as exc:
        raise ContainerError(f"cannot join container {c.name}: {exc.strerror}") from None
    try:
        try:
            resolved = resolve_user(root, user if user is not None
                                    else str(c.config["Config"].get("User") or ""))
        except ExecutionError as err:  # runc's words, as Docker's
            raise _start_error(err.message) from None
        run: dict[str, Any] = {
            "spec": {"args": list(args),
                     "cwd": workdir or c.config["Config"].get("WorkingDir") or "/"},
            "user": {"uid": resolved.uid, "gid": resolved.gid, "groups": list(resolved.groups)},
            "env": _env(c, env, resolved.home, tty),
            "rootless": None,
            **security_of(c),  # as the container's command
        }
        if privileged:
            run["caps"] = _own_capabilities()
        master, slave = _pty(root, resolved.uid) if tty else (-1, "")
        status_r, status_w = os.pipe2(os.O_CLOEXEC)
        child = os.fork()
        if child == 0:
            os.close(status_r)
            _join(ns_fds, list(c.state.get("Cgroups") or []), run, status_w, slave,
                  master, interactive and not detach, detach)
        os.close(status_w)
    finally:
        for fd, _ in ns_fds:
            os.close(fd)
    code = 0
    try:
        if not detach:
            if master >= 0:
                _relay(master, child, interactive)
            code = _wait(child)
    finally:
        if master >= 0:
            os.close(master)
    # the pipe ends when the command is executed (detached) or the child is gone
    with os.fdopen(status_r, "rb") as f:
        for line in f:
            with contextlib.suppress(ValueError):
                item = json.loads(line)
                if isinstance(item, dict) and "error" in item:
                    raise _start_error(str(item["error"]))
    return code


def _start_error(message: str) -> Exception:
    from builder.runner.supervisor import StartError

    return StartError(message, NOT_STARTED)


def _own_capabilities() -> int:
    """The capabilities this process holds (``--privileged``: Docker gives all of them, but
    none can be given that this process lacks)."""
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith("CapPrm:"):
                return int(line.split()[1], 16)
    return 0


def _pty(root: Path, uid: int) -> tuple[int, str]:
    try:
        master = os.open(root / "dev/pts/ptmx", os.O_RDWR | os.O_NOCTTY | os.O_CLOEXEC)
        fcntl.ioctl(master, _TIOCSPTLCK, struct.pack("i", 0))
        number = struct.unpack("I", fcntl.ioctl(master, _TIOCGPTN, b"\0" * 4))[0]
        os.chown(root / f"dev/pts/{number}", uid, -1)
    except OSError as exc:
        raise ContainerError(f"cannot allocate a terminal: {exc.strerror}") from None
    return master, f"/dev/pts/{number}"


def _join(ns_fds: list[tuple[int, int]], cgroup_dirs: list[str], run: dict[str, Any],
          status: int, slave: str, master: int, interactive: bool, detach: bool) -> NoReturn:
    """The forked child: join ``c``'s cgroups and namespaces, fork the command and wait for
    it. Detached, it leaves the caller's session, its streams (and so the command's) are
    ``/dev/null``, it closes ``status`` once the command runs and drains its terminal."""
    code = 255
    try:
        for path in cgroup_dirs:
            with open(Path(path) / "cgroup.procs", "w") as f:
                f.write("0")
        for fd, kind in ns_fds:
            sc.setns(fd, kind)
        null = os.open("/dev/null", os.O_RDWR)
        if detach:
            os.setsid()  # the caller's terminal and its signals are not the command's
            for i in range(3):
                os.dup2(null, i)
        elif not interactive and not slave:
            os.dup2(null, 0)
        pid = os.fork()
        if pid == 0:
            os.setsid()
            if slave:
                take_terminal(slave)
            # nothing this process was given (by whoever ran the CLI) reaches the command:
            # an inherited descriptor of a host directory would be a way out of its root
            os.closerange(3, status)
            os.closerange(status + 1, max(1 << 16, os.sysconf("SC_OPEN_MAX")))
            exec_command(run, status)
        if detach:
            os.dup2(null, status)  # only the command's copy is left: the caller's EOF
            if master >= 0:
                _relay(master, pid, False)  # to /dev/null, so that it never blocks
        else:
            for sig in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP, signal.SIGQUIT):
                signal.signal(sig, lambda s, _f: os.kill(pid, s))
        code = _wait(pid)
    except OSError as exc:
        sandbox.report(status, error=f"cannot join the container: {exc.strerror or exc}")
    except BaseException as exc:
        sandbox.report(status, error=f"cannot join the container: {exc}")
    os._exit(code)


def _wait(pid: int) -> int:
    while True:
        try:
            _, wstatus = os.waitpid(pid, 0)
        except InterruptedError:
            continue
        code = os.waitstatus_to_exitcode(wstatus)
        return code if code >= 0 else 128 - code


def _relay(master: int, child: int, interactive: bool) -> None:
    """Copy between the terminal's master and our streams until the process is gone."""
    saved = None
    if interactive and os.isatty(0):
        saved = termios.tcgetattr(0)
        with contextlib.suppress(OSError):
            size = os.get_terminal_size(0)
            termios.tcsetwinsize(master, (size.lines, size.columns))
        ttymod.setraw(0)
    pidfd = os.pidfd_open(child)
    sel = selectors.DefaultSelector()
    sel.register(master, selectors.EVENT_READ)
    sel.register(pidfd, selectors.EVENT_READ)
    if interactive:
        sel.register(0, selectors.EVENT_READ)
    try:
        done = False
        while not done:
            for key, _ in sel.select():
                if key.fd == master:
                    try:
                        data = os.read(master, 65536)
                    except OSError:
                        data = b""
                    if not data:
                        done = True
                        break
                    os.write(1, data)
                elif key.fd == pidfd:
                    sel.unregister(pidfd)
                    os.set_blocking(master, False)
                    with contextlib.suppress(OSError):
                        while data := os.read(master, 65536):
                            os.write(1, data)
                    done = True
                    break
                else:
                    data = os.read(0, 65536)
                    if not data:
                        sel.unregister(0)
                        continue
                    os.write(master, data)
    finally:
        sel.close()
        os.close(pidfd)
        if saved is not None:
            termios.tcsetattr(0, termios.TCSADRAIN, saved)
