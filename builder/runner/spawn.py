"""A container's init, forked before its plan is written.

Once forked, init imports its own modules (:mod:`builder.runner.init`) and enters the
container's namespaces, while the supervisor goes on creating the container and writing
init's plan; the plan then comes on a pipe (marshalled, then the pipe's end). ``dockyard
run`` sends it as soon as the container exists, unless the container has limits (init must
join their cgroups, which the supervisor makes first); init then runs up to the command
while the supervisor records the start. ``dockyard run`` forks init as soon as its flags
are read, so on two cores the two halves of a start overlap instead of following each other;
every other start forks it just before the plan is sent. An init whose plan never comes (the
container could not be created) exits without doing anything.

The new pid namespace is unshared for the next child only, so init is PID 1 there and the
supervisor stays where it was. ``jsonio``, ``defaults``, ``executor`` and ``signals`` are
imported here without being used: init and the supervisor both use them, and importing them
before the fork spares one of the two the work.
"""

from __future__ import annotations

import marshal
import os

from builder import jsonio  # noqa: F401
from builder.errors import ContainerError
from builder.runner import channel
from builder.runtime import defaults, executor, signals  # noqa: F401
from builder.runtime import syscalls as sc

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

    from builder.runner.channel import End


class Spawned:
    """A forked init waiting for its plan, and the supervisor's ends of its fds."""

    __slots__ = ("key", "pid", "pidfd", "status", "exec_r", "plan_w", "outputs", "to_stdin",
                 "sent")

    def __init__(self, key: tuple[bool, bool, str], pid: int, status: End,
                 exec_r: int, plan_w: int, outputs: dict[int, str], to_stdin: int) -> None:
        self.key = key
        self.pid = pid
        self.pidfd = os.pidfd_open(pid)
        self.status = status
        self.exec_r = exec_r
        self.plan_w = plan_w
        self.outputs = outputs
        self.to_stdin = to_stdin
        self.sent = False  # whether init has its plan

    def send(self, plan: dict[str, Any]) -> None:
        """Give init its plan; from here on the supervisor owns init and the fds."""
        data = marshal.dumps(plan)
        try:
            view = memoryview(data)
            while view:
                view = view[os.write(self.plan_w, view):]
        except OSError:
            raise ContainerError("cannot start the container: its init exited") from None
        finally:
            os.close(self.plan_w)
            self.plan_w = -1
        self.sent = True

    def abandon(self) -> None:
        """Let an init whose plan was not sent exit, and reap it (no-op once sent)."""
        if self.plan_w < 0:
            return
        os.close(self.plan_w)
        self.plan_w = -1
        for fd in (self.pidfd, self.exec_r, *self.outputs, self.to_stdin):
            if fd >= 0:
                os.close(fd)
        self.status.close()
        try:
            os.waitpid(self.pid, 0)
        except ChildProcessError:
            pass


def spawn_key(config: dict[str, Any]) -> tuple[bool, bool, str]:
    """What a container's init is forked for (its stdio and its network), from its config:
    the arguments of :func:`spawn`."""
    cfg, host = config["Config"], config["HostConfig"]
    return (bool(cfg.get("Tty")), bool(cfg.get("OpenStdin")),
            "host" if host.get("NetworkMode") == "host" else "none")


def spawn(tty: bool, open_stdin: bool, network: str) -> Spawned:
    """Fork init, PID 1 of a new pid namespace, with its stdio as the container's config
    (``Tty``, ``OpenStdin``, network ``"host"`` or another) will want it."""
    ours, theirs = channel.pair(pass_fds=tty)  # a terminal's master fd comes on it
    null = os.open("/dev/null", os.O_RDWR | os.O_CLOEXEC)
    close_after: list[int] = [null]
    outputs: dict[int, str] = {}
    to_stdin = -1
    if tty:
        stdio = (null, null, null)
    else:
        out_r, out_w = os.pipe2(os.O_CLOEXEC)
        err_r, err_w = os.pipe2(os.O_CLOEXEC)
        close_after += [out_w, err_w]
        outputs = {out_r: "stdout", err_r: "stderr"}
        stdin = null
        if open_stdin:
            in_r, to_stdin = os.pipe2(os.O_CLOEXEC)
            close_after.append(in_r)
            stdin = in_r
        stdio = (stdin, out_w, err_w)
    exec_r, exec_w = os.pipe2(os.O_CLOEXEC)
    plan_r, plan_w = os.pipe2(os.O_CLOEXEC)
    close_after += [exec_w, plan_r]
    network = "host" if network == "host" else "none"
    own_pidns = os.open("/proc/self/ns/pid", os.O_RDONLY | os.O_CLOEXEC)
    try:
        sc.unshare(sc.CLONE_NEWPID)  # for the next child only
        pid = os.fork()
        if pid == 0:
            try:
                os.close(plan_w)  # so that an abandoned init reads the end of its plan
                from builder.runner import init

                init.start(plan_r, stdio, theirs, exec_w, network)
            finally:
                os._exit(255)
    except OSError as exc:
        for fd in (exec_r, plan_w, *outputs, to_stdin):
            if fd >= 0:
                os.close(fd)
        ours.close()
        raise ContainerError(f"cannot start the container: {exc.strerror or exc}") from None
    finally:
        try:
            sc.setns(own_pidns, sc.CLONE_NEWPID)
        except OSError:
            pass
        os.close(own_pidns)
        for fd in close_after:
            os.close(fd)
        theirs.close()
    return Spawned((tty, open_stdin, network), pid, ours, exec_r, plan_w, outputs, to_stdin)
