"""The native executor: namespaces, pivot_root and Docker's defaults, from Python.

The builder never forks itself (it may run threads): it talks to a single-threaded helper
process (:mod:`builder.runtime.helper`), started on first use, over a Unix socket. Per run
it sends the run's JSON plus the write ends of three pipes, gets back the pid of the run's
init process, and drains the pipes here.
"""

from __future__ import annotations

import contextlib
import json
import os
import pwd
import select
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import weakref
from pathlib import Path
from typing import Any

import builder
from builder.errors import ExecutionError
from builder.runtime import defaults, stubs
from builder.runtime.defaults import container_env
from builder.runtime.executor import OutputCallback, ProcessSpec
from builder.runtime.pump import pump
from builder.runtime.users import resolve_user

_KILL_WAIT = 10.0


def userns_gaps() -> list[str]:
    """Why unprivileged user namespaces cannot be created here (empty when they can)."""
    gaps = []
    for knob, bad in (("/proc/sys/kernel/unprivileged_userns_clone", "0"),
                      ("/proc/sys/user/max_user_namespaces", "0")):
        try:
            if Path(knob).read_text().strip() == bad:
                gaps.append(f"user namespaces are disabled ({knob} = {bad})")
        except OSError:
            continue
    return gaps


def subid_gaps() -> list[str]:
    """What mapping more than one uid (USER other than root when rootless) would need."""
    gaps = []
    if shutil.which("newuidmap") is None or shutil.which("newgidmap") is None:
        gaps.append("newuidmap/newgidmap are not installed (package uidmap)")
    try:
        name = pwd.getpwuid(os.getuid()).pw_name
    except KeyError:
        name = str(os.getuid())
    for table in ("/etc/subuid", "/etc/subgid"):
        try:
            owners = {line.split(":", 1)[0] for line in Path(table).read_text().splitlines()}
        except OSError:
            owners = set()
        if name not in owners and str(os.getuid()) not in owners:
            gaps.append(f"no {table} range for {name}")
    return gaps


def require_root(what: str) -> None:
    """Raise a clear error naming what is missing when not running as root."""
    if os.geteuid() != 0:
        raise ExecutionError(
            f"{what} needs root: it creates namespaces and mounts as root (rootless, use "
            "the native executor with the copy snapshotter)"
        )


def _shutdown(sock: socket.socket, proc: subprocess.Popen[bytes]) -> None:
    """Close the helper's socket (it exits then) and reap it, killed if it lingers 5 s."""
    sock.close()
    if proc.returncode is not None:
        return  # reaped already (its pid may be another process's now)
    try:
        pidfd = os.pidfd_open(proc.pid)
    except OSError:
        proc.wait()
        return
    try:
        # woken the moment it exits (Popen.wait with a timeout polls in growing sleeps)
        if not select.select([pidfd], [], [], 5)[0]:
            proc.kill()
    finally:
        os.close(pidfd)
    proc.wait()


class NativeExecutor:
    """Runs processes like ``docker run`` with Docker's defaults; see :class:`Executor`.

    Without root it runs rootless: a user namespace maps the caller to uid 0 (only that
    uid, so USER must resolve to 0:0), to be used with the copy snapshotter; layers written
    from such a snapshot need ``write_layer(..., uid_gid=(0, 0))``.

    ``state_dir`` holds per-run files (generated ``/etc/hosts`` and friends); a temporary
    directory in ``temp_parent`` (the system's by default; removed by :meth:`close`) is used
    when it is None. Call :meth:`close` (or use ``with``) to stop the helper.
    """

    def __init__(self, state_dir: Path | None = None, *,
                 temp_parent: Path | None = None) -> None:
        self._own_dir = state_dir is None
        self.state_dir = Path(state_dir) if state_dir is not None else \
            Path(tempfile.mkdtemp(prefix="dockyard-exec-", dir=temp_parent))
        self._lock = threading.Lock()
        self._sock: socket.socket | None = None
        self._proc: subprocess.Popen[bytes] | None = None
        self._owner = 0
        self._finalizer: weakref.finalize[Any, Any] | None = None
        self._runs: dict[int, int] = {}  # init pid → pidfd
        self._cancels = 0  # calls of cancel(): a run that began before one is killed
        self._runs_lock = threading.Lock()

    def __enter__(self) -> NativeExecutor:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        """Stop the helper process (runs in progress are killed)."""
        with self._lock:
            self._stop_helper()
        if self._own_dir:
            shutil.rmtree(self.state_dir, ignore_errors=True)

    def prestart(self) -> None:
        """Start the helper now rather than at the first run, so that its start-up overlaps
        the caller's work (a failure is left for that run to report)."""
        with self._lock, contextlib.suppress(ExecutionError):
            self._start_helper()

    def _start_helper(self) -> socket.socket:
        if (self._sock is not None and self._proc is not None and self._proc.poll() is None
                and self._owner == os.getpid()):
            return self._sock
        if self._finalizer is not None:
            if self._owner == os.getpid():
                self._finalizer()
            else:  # a forked copy of this object: the helper belongs to the parent
                self._finalizer.detach()
        ours, theirs = socket.socketpair(socket.AF_UNIX, socket.SOCK_SEQPACKET)
        env = dict(os.environ)
        package_parent = str(Path(builder.__file__).resolve().parent.parent)
        env["PYTHONPATH"] = os.pathsep.join(
            p for p in (package_parent, env.get("PYTHONPATH", "")) if p
        )
        try:
            proc = subprocess.Popen(
                [sys.executable, "-S", "-m", "builder.runtime.helper", str(theirs.fileno())],
                pass_fds=(theirs.fileno(),), stdin=subprocess.DEVNULL,
                stdout=subprocess.DEVNULL, env=env, start_new_session=True,
            )
        except OSError as exc:
            ours.close()
            raise ExecutionError(f"cannot start the executor helper: {exc.strerror}") from None
        finally:
            theirs.close()
        self._sock, self._proc, self._owner = ours, proc, os.getpid()
        self._finalizer = weakref.finalize(self, _shutdown, ours, proc)
        return ours

    def _stop_helper(self) -> None:
        if self._finalizer is not None:
            self._finalizer()
        self._sock = self._proc = self._finalizer = None

    def _submit(self, payload: bytes, fds: list[int]) -> int:
        with self._lock:
            for _attempt in (1, 2):
                sock = self._start_helper()
                try:
                    socket.send_fds(sock, [payload], fds)
                    reply = sock.recv(64)
                except OSError:
                    reply = b""
                except BaseException:
                    # interrupted between request and reply: the reply would reach the next
                    # run. Stopping the helper kills its inits (PDEATHSIG) and resets it.
                    self._stop_helper()
                    raise
                if reply:
                    return int(reply)
                self._stop_helper()
        raise ExecutionError("the executor helper process died")

    def run(self, rootfs: Path, spec: ProcessSpec, on_output: OutputCallback) -> int:
        """Run ``spec`` in ``rootfs``; see :class:`~builder.runtime.executor.Executor`."""
        began = self._cancels  # a cancel() from now on is for this run too
        rootless = os.geteuid() != 0
        if rootless and (gaps := userns_gaps()):
            raise ExecutionError(f"running without root needs user namespaces: {'; '.join(gaps)}")
        if not spec.args:
            raise ExecutionError("no command given")
        if spec.tty:
            raise ExecutionError("running with a terminal (tty) is not supported yet")
        rootfs = Path(rootfs).resolve()
        user = resolve_user(rootfs, spec.user)
        if rootless and (user.uid != 0 or user.gid != 0):
            raise ExecutionError(
                f"without root only uid 0 is mapped into the container, so USER {spec.user} "
                f"(uid {user.uid}, gid {user.gid}) cannot run: mapping more ids needs "
                "newuidmap/newgidmap with subuid/subgid ranges, not supported yet"
                + "".join(f"; {gap}" for gap in subid_gaps())
            )
        points = dict.fromkeys(defaults.MOUNT_DIRS, True)
        for m in spec.mounts:
            points[m.target] = m.kind == "tmpfs" or os.path.isdir(m.source)
        files = stubs.prepare(rootfs, spec, self.state_dir, points)
        payload = json.dumps({
            "spec": spec.to_json(),
            "rootfs": str(rootfs),
            "etc": files.etc,
            "user": {"uid": user.uid, "gid": user.gid, "groups": list(user.groups)},
            "env": container_env(spec, user.home),
            "rootless": {"uid": os.getuid(), "gid": os.getgid()} if rootless else None,
        }).encode()
        results: dict[str, Any] = {}
        pipes = [os.pipe2(os.O_CLOEXEC) for _ in range(3)]
        pidfd = -1
        init = 0
        try:
            try:
                init = self._submit(payload, [w for _, w in pipes])
            finally:
                for _, w in pipes:
                    os.close(w)
            with contextlib.suppress(OSError):
                pidfd = os.pidfd_open(init)
            with self._runs_lock:
                if pidfd >= 0:
                    self._runs[init] = pidfd
                cancelled = self._cancels != began
            if cancelled:  # while the helper started it, before cancel() could see it
                self._kill(pidfd)
            pump(pipes[0][0], pipes[1][0], on_output, pipes[2][0], results.update)
        except BaseException:
            self._kill(pidfd)
            raise
        finally:
            with self._runs_lock:
                self._runs.pop(init, None)
            for r, _ in pipes:
                with contextlib.suppress(OSError):
                    os.close(r)
            if pidfd >= 0:
                os.close(pidfd)
            files.cleanup()
        if "error" in results:
            raise ExecutionError(str(results["error"]))
        if "exit" not in results:
            raise ExecutionError("the process was cancelled (killed before it reported a status)")
        return int(results["exit"])

    @staticmethod
    def _kill(pidfd: int) -> None:
        if pidfd < 0:
            return
        with contextlib.suppress(OSError):
            signal.pidfd_send_signal(pidfd, signal.SIGKILL)
        with contextlib.suppress(OSError):
            select.select([pidfd], [], [], _KILL_WAIT)

    def cancel(self) -> None:
        """Kill every run in progress, also one still starting; their ``run`` raises
        ExecutionError."""
        with self._runs_lock:  # held: a run's pidfd is not closed meanwhile
            self._cancels += 1
            for pidfd in self._runs.values():
                with contextlib.suppress(OSError):
                    signal.pidfd_send_signal(pidfd, signal.SIGKILL)
