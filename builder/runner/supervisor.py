"""The supervisor: one process per running container, like conmon.

It forks the container's init (:mod:`builder.runner.init`) in a new pid namespace, records
the state, writes the output to the json-file log (and to an attached client), forwards
signals, and when init exits records the exit status, the OOM kill and the times, removes
the cgroups, and removes the container when it was created with ``--rm``.

Attached runs (``run`` without ``-d``, ``start -a``) supervise in the CLI process itself;
detached ones run ``python -m builder.runner.supervisor ROOT ID READY_FD`` in a new session,
which outlives the CLI. ``READY_FD`` gets one line: ``ok`` once the command has been
executed, or ``<exit code> <message>`` when it could not be started.
"""

from __future__ import annotations

import errno
import os
import sys

from builder.errors import ContainerError, DockyardError
from builder.jsonio import loads
from builder.record import Record
from builder.runner.container import Container, Containers, boot_id, now, process_start
from builder.runner.plan import build_plan
from builder.runner.removal import remove_cgroups
from builder.runtime import signals

TYPE_CHECKING = False
if TYPE_CHECKING:
    import select
    from collections.abc import Callable
    from pathlib import Path
    from typing import Any

    from builder.runner.logs import LogWriter
    from builder.runner.spawn import Spawned

_PROXIED = (signals.SIGINT, signals.SIGTERM, signals.SIGHUP, signals.SIGQUIT, signals.SIGUSR1,
            signals.SIGUSR2)


class Attach(Record):
    """The client's streams: where output goes and (with ``-i``) where input comes from."""

    __slots__ = ("stdin", "stdout", "stderr")
    _hashable = False
    stdin: int | None
    stdout: int
    stderr: int

    def __init__(self, stdin: int | None, stdout: int, stderr: int) -> None:
        self.stdin = stdin
        self.stdout = stdout
        self.stderr = stderr


class StartError(ContainerError):
    """The container's process could not be started; ``code`` is Docker's exit status."""

    def __init__(self, message: str, code: int) -> None:
        super().__init__(message)
        self.code = code


def error_code(message: str) -> int:
    """Docker's exit status for a start failure: 127 not found, 126 not executable, 125."""
    if message.startswith("exec:"):
        return 127 if "not found" in message or "no such file" in message.lower() else 126
    return 125


class Supervisor:
    """Runs one container to its end; see the module docstring."""

    def __init__(self, root: str | Path, c: Container, attach: Attach | None,
                 spawned: Spawned | None = None) -> None:
        self.root = root
        self.c = c
        self.attach = attach
        self.spawned = spawned
        self.init = 0
        self.cgroups: list[str] = []
        self.messages: list[dict[str, Any]] = []
        self.master = -1
        self.to_stdin = -1

    def start(self) -> None:
        """Fork init and wait until the command runs; raises StartError when it cannot."""
        c = self.c
        with c.locked():
            c.reload()
            if c.running:
                raise ContainerError(f"container {c.name} is already running")
            spawned = self.spawned
            if spawned is not None and spawned.sent:  # run gave init its plan already
                self._adopt(spawned)
            else:
                plan, limits = build_plan(self.root, c)
                if limits is not None:
                    from builder.runner import cgroups

                    self.cgroups = [str(p) for p in cgroups.setup(c.id, limits)]
                plan["cgroups"] = self.cgroups
                try:
                    self._fork(plan)
                except BaseException:
                    remove_cgroups(self.cgroups)
                    raise
            me = os.getpid()
            c.save_state(Status="running", Running=True, Pid=self.init, ExitCode=0, Error="",
                         OOMKilled=False, StartedAt=now(), FinishedAt="0001-01-01T00:00:00Z",
                         Supervisor=me, SupervisorStart=process_start(me), BootId=boot_id(),
                         Cgroups=self.cgroups)
        self._open_log()
        self._wait_exec()

    def _open_log(self) -> None:
        """Get ready to relay, while init sets the container up: the log is open, what the
        rest of the run uses is imported, and earlier runs' leftovers are deleted."""
        import select  # noqa: F401  (the relay's)

        from builder.runner.logs import LogWriter
        from builder.runner.removal import empty_later

        self.log = LogWriter(self.c.log_path)
        empty_later(os.path.dirname(self.c.dir), limit=2)

    def _fork(self, plan: dict[str, Any]) -> None:
        from builder.runner.spawn import spawn, spawn_key

        key = spawn_key(self.c.config)
        spawned, self.spawned = self.spawned, None
        if spawned is not None and spawned.key != key:
            spawned.abandon()  # forked for other flags than the container has
            spawned = None
        if spawned is None:
            spawned = spawn(*key)
        self._adopt(spawned)
        spawned.send(plan)

    def _adopt(self, spawned: Spawned) -> None:
        self.spawned = None
        self.init = spawned.pid
        self.pidfd = spawned.pidfd
        self.status = spawned.status
        self.exec_r = spawned.exec_r
        self.outputs = spawned.outputs
        self.to_stdin = spawned.to_stdin

    def _wait_exec(self) -> None:
        """Block until the command was executed (or init failed); collect early messages."""
        while True:
            try:
                if not os.read(self.exec_r, 1):
                    break
            except InterruptedError:
                continue
        os.close(self.exec_r)
        self._read_status(block=False)
        errors = [m["error"] for m in self.messages if "error" in m]
        if errors:
            message = str(errors[0])
            self.log.close()
            self.finish(error_code(message), message)
            raise StartError(message, error_code(message))

    def _read_status(self, block: bool) -> bool:
        """Read status messages; False once the channel is at its end."""
        self.status.setblocking(block)
        while True:
            try:
                msg, fds = self.status.receive()
            except (BlockingIOError, InterruptedError):
                return True
            if not msg:
                for fd in fds:
                    os.close(fd)
                return False
            try:
                item = loads(msg)
            except ValueError:
                item = None
            if isinstance(item, dict):
                if item.get("pty") and fds:
                    self.master = fds[0]
                    fds = fds[1:]
                self.messages.append(item)
            for fd in fds:
                os.close(fd)
            if block:
                return True

    def forward(self, sig: int) -> None:
        """Send ``sig`` to the container (init passes it on to the command)."""
        try:
            signals.pidfd_send_signal(self.pidfd, sig)
        except OSError:
            pass

    def run(self) -> int:
        """Relay output and input until the container exits; returns its exit status."""
        import select

        log = self.log
        poller = select.poll()
        out: dict[int, str] = dict(self.outputs)
        if self.master >= 0:
            out[self.master] = "stdout"
            self.to_stdin = self.master
            self._resize()
        for fd in out:
            os.set_blocking(fd, False)
            poller.register(fd, select.POLLIN)
        status_fd = self.status.fileno()
        poller.register(status_fd, select.POLLIN)
        poller.register(self.pidfd, select.POLLIN)
        source = self.attach.stdin if self.attach else None
        if source is not None and self.to_stdin >= 0:
            poller.register(source, select.POLLIN)
        init_done = False
        status_open = True
        try:
            while out or not init_done:
                for fd, _ in poller.poll():  # readable, at its end, or in error: read it
                    if fd in out:
                        try:
                            data = os.read(fd, 65536)
                        except BlockingIOError:
                            continue
                        except OSError as exc:  # EIO: the terminal's last user is gone
                            if exc.errno != errno.EIO:
                                raise
                            data = b""
                        if not data:
                            poller.unregister(fd)
                            del out[fd]
                            continue
                        log.write(out[fd], data)
                        self._show(out[fd], data)
                    elif fd == self.pidfd:
                        poller.unregister(fd)
                        init_done = True
                        if self.master >= 0 and self.master in out:
                            # nothing holds the terminal now: read what is left, then stop
                            self._drain(self.master, log)
                            poller.unregister(self.master)
                            del out[self.master]
                    elif fd == status_fd:
                        if status_open and not self._read_status(block=True):
                            poller.unregister(fd)
                            status_open = False
                    elif fd == source:
                        self._pass_input(poller, fd)
        finally:
            log.close()
        _, wstatus = os.waitpid(self.init, 0)
        if status_open:
            self._read_status(block=False)
        code = os.waitstatus_to_exitcode(wstatus)
        code = code if code >= 0 else 128 - code
        error = ""
        for m in self.messages:
            if "exit" in m:
                code = int(m["exit"])
            elif "error" in m and not error:
                error = str(m["error"])
        self.finish(code, error)
        return code

    def _drain(self, fd: int, log: LogWriter) -> None:
        while True:
            try:
                data = os.read(fd, 65536)
            except OSError:
                return
            if not data:
                return
            log.write("stdout", data)
            self._show("stdout", data)

    def _show(self, stream: str, data: bytes) -> None:
        if self.attach is None:
            return
        target = self.attach.stdout if stream == "stdout" else self.attach.stderr
        if target < 0:
            return
        try:
            view = memoryview(data)
            while view:
                view = view[os.write(target, view):]
        except OSError:  # the client went away: keep the container going
            self.attach.stdout = self.attach.stderr = -1

    def _pass_input(self, poller: select.poll, fd: int) -> None:
        try:
            data = os.read(fd, 65536)
        except OSError:
            data = b""
        if not data:
            poller.unregister(fd)
            if self.master < 0 and self.to_stdin >= 0:
                os.close(self.to_stdin)
                self.to_stdin = -1
            return
        try:
            view = memoryview(data)
            while view:
                view = view[os.write(self.to_stdin, view):]
        except OSError:
            pass

    def _resize(self) -> None:
        import termios

        source = self.attach.stdin if self.attach else None
        if source is None or not os.isatty(source) or self.master < 0:
            return
        try:
            size = os.get_terminal_size(source)
            termios.tcsetwinsize(self.master, (size.lines, size.columns))
        except OSError:
            pass

    def finish(self, code: int, error: str) -> None:
        """Record the end of the run; remove the container when it was made with --rm."""
        c = self.c
        oom = False
        if self.cgroups:
            from builder.runner import cgroups

            oom = cgroups.oom_killed(self.cgroups)
            cgroups.remove(self.cgroups)
        if self.to_stdin >= 0 and self.to_stdin != self.master:
            try:
                os.close(self.to_stdin)
            except OSError:
                pass
        self.status.close()
        os.close(self.pidfd)
        self.pidfd = -1  # a signal forwarded from now on goes nowhere
        if c.config["HostConfig"].get("AutoRemove"):
            from builder.runner.removal import discard

            try:
                if discard(self.root, c, code):
                    return  # gone: no state to record
            except DockyardError:
                pass
        with c.locked(missing_ok=True) as held:
            if held:
                c.save_state(Status="exited", Running=False, Pid=0, ExitCode=code,
                             Error=error, OOMKilled=oom, FinishedAt=now(), Supervisor=0)


def supervise(root: str | Path, c: Container, attach: Attach,
              on_started: Callable[[], None] | None = None,
              spawned: Spawned | None = None) -> int:
    """Run ``c`` attached to the client's streams in this process; returns its exit status.
    ``spawned`` is an init forked for it already (see :mod:`builder.runner.spawn`)."""
    sup = Supervisor(root, c, attach, spawned)
    saved = None
    tty = bool(c.config["Config"].get("Tty"))
    if tty and attach.stdin is not None and os.isatty(attach.stdin):
        import termios

        saved = termios.tcgetattr(attach.stdin)
    previous = {}
    try:
        sup.start()
        if on_started is not None:
            on_started()
        if saved is not None and attach.stdin is not None:
            import tty as ttymod

            ttymod.setraw(attach.stdin)
        for sig in (*_PROXIED, signals.SIGWINCH):
            handler = (lambda _s, _f: sup._resize()) if sig == signals.SIGWINCH else (
                lambda s, _f: sup.forward(s))
            previous[sig] = signals.signal(sig, handler)
        return sup.run()
    finally:
        for sig, old in previous.items():
            signals.signal(sig, old)
        if saved is not None and attach.stdin is not None:
            import termios

            termios.tcsetattr(attach.stdin, termios.TCSADRAIN, saved)


def main(argv: list[str]) -> int:
    """Detached supervisor: ``ROOT ID READY_FD``."""
    root, cid, ready = argv[0], argv[1], int(argv[2])
    os.set_inheritable(ready, False)
    for sig in _PROXIED:
        signals.signal(sig, signals.SIG_IGN)
    try:
        c = Containers(root).get(cid)
        sup = Supervisor(root, c, None)
        sup.start()
    except StartError as err:
        os.write(ready, f"{err.code} {err.message}\n".encode())
        return err.code
    except DockyardError as err:
        os.write(ready, f"125 {err.message}\n".encode())
        return 125
    for sig in _PROXIED:
        signals.signal(sig, lambda s, _f: sup.forward(s))
    os.write(ready, b"ok\n")
    os.close(ready)
    return sup.run()


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
