"""What the commands do to containers: start detached, signal, stop, wait, remove
(:mod:`builder.runner.create` creates them)."""

from __future__ import annotations

import os
import sys
import time

from builder.errors import ContainerError
from builder.runner.container import Container, Containers, supervisor_alive
from builder.runner.removal import empty_later, empty_trash, move_out, remove_cgroups
from builder.runtime import signals

TYPE_CHECKING = False
if TYPE_CHECKING:
    from pathlib import Path



def start_detached(root: str | Path, c: Container) -> None:
    """Start ``c`` under a supervisor of its own that outlives this process."""
    import subprocess

    import builder

    c.reload()
    if c.running:
        return
    if c.config.get("Snapshot") == "overlay":  # layers collected meanwhile: unpack them here
        from builder.runner.plan import lower_dirs

        lower_dirs(root, c.config)
    ready_r, ready_w = os.pipe()
    env = dict(os.environ)
    package_parent = os.path.dirname(os.path.dirname(os.path.realpath(builder.__file__)))
    env["PYTHONPATH"] = os.pathsep.join(p for p in (package_parent, env.get("PYTHONPATH", ""))
                                        if p)
    try:
        subprocess.Popen(
            [sys.executable, "-S", "-m", "builder.runner.supervisor", str(root), c.id,
             str(ready_w)],
            pass_fds=(ready_w,), stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL, env=env, start_new_session=True, close_fds=True,
        )
    except OSError as exc:
        raise ContainerError(f"cannot start the supervisor: {exc.strerror}") from None
    finally:
        os.close(ready_w)
    with os.fdopen(ready_r, "rb") as f:
        line = f.readline().decode(errors="replace").strip()
    if line == "ok":
        return
    from builder.runner.supervisor import StartError

    if not line:
        raise ContainerError("the container's supervisor exited before starting it")
    code, _, message = line.partition(" ")
    raise StartError(message, int(code) if code.isdigit() else 125)


def parse_signal(text: str) -> int:
    """A signal number that can be sent, from ``9``, ``KILL``, ``SIGKILL`` or ``RTMIN+3``
    (the names Docker knows, :data:`builder.signames.SIGNALS`)."""
    text = text.strip().upper()
    if text.isdigit():
        number = int(text)
        if 0 < number < 65:
            return number
    else:
        from builder.signames import SIGNALS

        found = SIGNALS.get(text.removeprefix("SIG"))
        if found is not None:
            return found
    raise ContainerError(f"invalid signal: {text}")


def send_signal(c: Container, sig: int) -> None:
    """Send ``sig`` to the running container's process."""
    c.reload()
    if not c.running:
        raise ContainerError(f"cannot kill container: {c.name}: container is not running")
    pid = int(c.state.get("Pid") or 0)
    try:
        fd = os.pidfd_open(pid)
    except OSError:
        return
    try:
        if supervisor_alive(c.state):
            signals.pidfd_send_signal(fd, sig)
    except OSError:
        pass
    finally:
        os.close(fd)


def wait_exit(c: Container, timeout: float | None = None) -> bool:
    """Wait until ``c`` is not running (True) or ``timeout`` seconds pass (False)."""
    import select

    deadline = None if timeout is None else time.monotonic() + timeout
    while True:
        c.reload()
        if not c.running:
            return True
        pid = int(c.state.get("Supervisor") or 0)
        left = None if deadline is None else deadline - time.monotonic()
        if left is not None and left <= 0:
            return False
        try:
            fd = os.pidfd_open(pid)
        except OSError:
            time.sleep(0.01)
            continue
        try:
            select.select([fd], [], [], 0.5 if left is None else min(left, 0.5))
        finally:
            os.close(fd)


def wait_code(c: Container) -> int:
    """Wait until ``c`` is not running; its exit status, also when it removed itself
    (``--rm``: its supervisor tells its waiters before removing it, as Docker's ``wait``
    reports such a container's status)."""
    fd = -1
    if c.running and c.config.get("HostConfig", {}).get("AutoRemove"):
        from builder.runner.removal import add_waiter

        fd = add_waiter(c)
    try:
        wait_exit(c)
        if fd >= 0 and not os.path.exists(c.dir):
            told = os.pread(fd, 32, 0).strip()
            if told.lstrip(b"-").isdigit():
                return int(told)
        return int(c.state.get("ExitCode", 0))
    finally:
        if fd >= 0:
            os.close(fd)


def stop(c: Container, timeout: float | None = None, sig: int | None = None) -> None:
    """Docker's stop: ``sig`` (default: the container's stop signal, else SIGTERM), then
    SIGKILL after ``timeout`` seconds (default: its stop timeout, else 10); a negative
    timeout waits for ever."""
    c.reload()
    if not c.running:
        return
    config = c.config["Config"]
    if sig is None:
        sig = parse_signal(config.get("StopSignal") or "SIGTERM")
    if timeout is None:
        timeout = config.get("StopTimeout")
    timeout = 10 if timeout is None else timeout
    _kill(c, sig)
    if wait_exit(c, timeout if timeout >= 0 else None):
        return
    _kill(c, signals.SIGKILL)
    wait_exit(c)


def _kill(c: Container, sig: int) -> None:
    """:func:`send_signal`, when the container still runs."""
    try:
        send_signal(c, sig)
    except ContainerError:
        pass


def remove(root: str | Path, c: Container, force: bool = False,
           volumes: bool = False) -> None:
    """Delete ``c`` (killing it first with ``force``); ``volumes`` removes its anonymous ones.

    Removing a container that is already gone does nothing."""
    if not os.path.exists(c.dir):
        return
    c.reload()
    if c.running:
        if not force:
            raise ContainerError(
                f"cannot remove container {c.name}: container is running: stop the container "
                "before removing or force remove")
        _kill(c, signals.SIGKILL)
        wait_exit(c, 30)
    with c.locked(missing_ok=True) as held:
        if not held or not os.path.exists(c.dir):
            return  # removed meanwhile
        c.reload()
        if c.running:
            raise ContainerError(f"cannot remove container {c.name}: it is still running")
        remove_cgroups(list(c.state.get("Cgroups") or []))
        trash = move_out(c)
    empty_trash(root, c, trash, volumes)
    empty_later(os.path.dirname(c.dir))


def volumes_remove(root: str | Path, name: str) -> None:
    """Remove volume ``name``."""
    from builder.runner import volumes

    volumes.remove(root, name)


def image_users(root: str | Path, image_id: str) -> list[Container]:
    """The containers created from image ``image_id``."""
    return [c for c in Containers(root).all() if c.config.get("Image") == image_id]
