"""A container's first process: PID 1 of its pid namespace, forked by the supervisor.

It unshares the other namespaces, joins the container's cgroups, mounts the overlay rootfs
in its own mount namespace (so the mount goes away with the container), fills new volumes
from the image, pivots into the rootfs with Docker's defaults, sets up a pseudo-terminal
from the container's own devpts when asked, and then, as Docker does, becomes the command
(which is PID 1: it gets only the signals it handles, and reaps its orphans). With
``--init`` it instead stays as a small init (like Docker's ``--init``): it forks the
command, forwards every signal it gets to it, reaps zombies, and exits with its status.
Its death ends the container: the kernel kills the rest of the pid namespace, and the
supervisor's death kills it (a parent-death signal, re-armed after the change of user).

It reports on the status channel (:mod:`builder.runner.channel`), one JSON object per
message: ``{"pty": 1}`` with the terminal's master fd attached, ``{"error": message}``,
``{"exit": status}``.

It is forked before its plan is written (:mod:`builder.runner.spawn`): it imports this
module and enters its namespaces while the supervisor creates the container.
"""

from __future__ import annotations

import marshal
import os
import sys

from builder.runner import channel
from builder.runtime import defaults, sandbox, seccomp
from builder.runtime import signals as signal
from builder.runtime import syscalls as sc
from builder.runtime.defaults import container_env
from builder.runtime.executor import ProcessSpec
from builder.runtime.overlayfs import mount_overlay
from builder.runtime.users import resolve_user

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any, NoReturn

    from builder.runner.channel import End

_TIOCSPTLCK = 0x40045431
_TIOCGPTN = 0x80045430
_TIOCSCTTY = 0x540E
_FORWARDED = [s for s in signal.valid_signals()
              if s not in (signal.SIGKILL, signal.SIGSTOP, signal.SIGCHLD)
              and 0 < int(s) < 32]


def start(plan_fd: int, stdio: tuple[int, int, int], status: End, exec_fd: int,
          network: str) -> NoReturn:
    """The body of a spawned init (see :mod:`builder.runner.spawn`): enter the namespaces
    while the supervisor makes the plan, read it from ``plan_fd``, then :func:`run_init`.
    Without a plan (the container was not created) it just exits."""
    sc.prctl(sc.PR_SET_PDEATHSIG, signal.SIGKILL)  # the supervisor's death ends it
    sc.last_cap()  # read now, while the plan is made
    seccomp.prepare()  # likewise built
    failed = None
    try:
        sandbox.unshare_namespaces(network)
    except OSError as exc:
        failed = exc  # reported once the status channel is set up, as any other failure
    chunks = []
    while chunk := os.read(plan_fd, 1 << 16):
        chunks.append(chunk)
    if not chunks:
        os._exit(0)
    run_init(marshal.loads(b"".join(chunks)), stdio, status, exec_fd, failed)


def mount_root(part: dict[str, Any]) -> None:
    """Mount the container's root at ``rootfs`` (the overlay, when there is one) and make
    its mount ``points`` (see :func:`builder.runner.plan.mount_plan`)."""
    rootfs = part["rootfs"]
    overlay = part.get("overlay")
    if overlay:
        mount_overlay(rootfs, overlay["lowers"], overlay["upper"], overlay["work"])
    if part["points"] is not None:  # None: the init layer has them
        from builder.runtime.stubs import stub_points

        stub_points(rootfs, part["points"])


def run_init(plan: dict[str, Any], stdio: tuple[int, int, int], status: End,
             exec_fd: int, failed: OSError | None) -> NoReturn:
    """The body of the init process, in the container's namespaces but for its hostname
    (never returns); ``failed`` is why entering them failed.

    ``exec_fd`` is the write end of a pipe that closes when the command has been executed
    (or init has failed): the supervisor waits for it.
    """
    code = 255
    fd = 3
    try:
        sources = (*stdio, status.fileno(), exec_fd)
        base = max(100, *sources) + 1  # above every fd in play: dup2 clobbers none of them
        high = [os.dup2(f, base + i) for i, f in enumerate(sources)]
        for i, source in enumerate(high):
            os.dup2(source, i)  # 0-2 stdio, 3 status, 4 exec
        os.closerange(5, 1 << 16)
        for procs in plan["cgroups"]:
            with open(f"{procs}/cgroup.procs", "w") as f:
                f.write("0")
        os.setsid()
        for sig in (*_FORWARDED, signal.SIGCHLD):  # ignored ones would stay ignored
            signal.signal(sig, signal.SIG_DFL)
        spec = plan["spec"]
        if failed is not None:
            raise failed
        sc.sethostname(spec["hostname"])
        os.umask(0o022)
        rootfs = plan["rootfs"]
        mount_root(plan)
        for target, data in plan["fill"]:
            from builder.runner.volumes import fill_volume

            fill_volume(rootfs, target, data)
        proc_spec = ProcessSpec.from_json(spec)
        user = resolve_user(rootfs, proc_spec.user)
        run = {**plan, "user": {"uid": user.uid, "gid": user.gid, "groups": list(user.groups)},
               "env": container_env(proc_spec, user.home), "rootless": None}
        if spec["tty"]:  # nothing can be imported after pivot_root
            import fcntl  # noqa: F401  (the terminal's ioctls)
        sandbox.setup_root(run)
        try:
            os.unlink("/dev/core")  # not in Docker's /dev
        except OSError:
            pass
        slave = ""
        if spec["tty"]:
            slave = _open_pty(fd, user.uid)
        if not plan.get("init"):
            _command(run, fd, slave)
        cmd = os.fork()
        if cmd == 0:
            _command(run, fd, slave)
        os.close(4)
        for sig in _FORWARDED:
            signal.signal(sig, lambda s, _f: _forward(cmd, s))
        code = sandbox.reap(cmd)
        sandbox.report(fd, exit=code)
    except OSError as exc:
        sandbox.report(fd, error=f"cannot set up the container: {exc.strerror or exc}")
    except BaseException as exc:
        sandbox.report(fd, error=f"cannot set up the container: {exc}")
    os._exit(code)


def _forward(cmd: int, sig: int) -> None:
    try:
        os.kill(cmd, sig)
    except OSError:
        pass


def _open_pty(status: int, uid: int) -> str:
    """A terminal in the container's devpts: send the master out, return the slave's path."""
    master = os.open("/dev/ptmx", os.O_RDWR | os.O_NOCTTY | os.O_CLOEXEC)
    try:
        import fcntl  # imported before pivot_root (see run_init)

        fcntl.ioctl(master, _TIOCSPTLCK, bytes(4))  # int 0: unlock
        number = int.from_bytes(fcntl.ioctl(master, _TIOCGPTN, bytes(4)), sys.byteorder)
        path = f"/dev/pts/{number}"
        os.chown(path, uid, -1)
        channel.send_fds(status, b'{"pty": 1}', [master])
    finally:
        os.close(master)
    return path


def take_terminal(slave: str) -> None:
    """Make the pty ``slave`` this session's controlling terminal and stdin/out/err."""
    tty = os.open(slave, os.O_RDWR)
    import fcntl  # imported before pivot_root (see run_init)

    fcntl.ioctl(tty, _TIOCSCTTY, 0)
    for i in range(3):
        os.dup2(tty, i)
    if tty > 2:
        os.close(tty)


def _command(run: dict[str, Any], status: int, slave: str) -> NoReturn:
    try:
        os.set_inheritable(4, False)
        if os.getsid(0) != os.getpid():
            os.setsid()
        if slave:
            take_terminal(slave)
    except OSError as exc:
        sandbox.report(status, error=f"cannot set up the terminal: {exc.strerror or exc}")
        os._exit(255)
    exec_command(run, status)


def exec_command(run: dict[str, Any], status: int) -> NoReturn:
    """Install the seccomp filter (unless ``run["seccomp"]`` is false), drop to Docker's
    capabilities (or to ``run["caps"]``, every one for an exec's ``--privileged``, also
    inheritable as Docker's) and the user, then execve (Docker's rules, not a build's: the
    primary group is among the supplementary ones; no_new_privs only when asked)."""
    spec = run["spec"]
    user = run["user"]
    args = spec["args"]
    try:
        os.set_inheritable(status, False)
        for sig in (signal.SIGPIPE, signal.SIGXFSZ):
            signal.signal(sig, signal.SIG_DFL)
        signal.pthread_sigmask(signal.SIG_SETMASK, [])
        caps = run.get("caps")
        keep = defaults.CAP_MASK if caps is None else int(caps)
        inheritable = 0 if caps is None else keep
        for cap in range(sc.last_cap() + 1):
            if not keep & (1 << cap):
                sc.prctl(sc.PR_CAPBSET_DROP, cap)
        if run.get("seccomp", True):  # while CAP_SYS_ADMIN allows it, as runc does
            seccomp.install()
        if inheritable:  # set while root: it outlives the change of user
            sc.capset(keep, keep, inheritable)
        os.setgroups(sorted({*user["groups"], user["gid"]}))
        os.setgid(user["gid"])
        os.setuid(user["uid"])
        sc.prctl(sc.PR_SET_PDEATHSIG, signal.SIGKILL)  # a change of user clears it
        mask = keep if user["uid"] == 0 else 0
        sc.capset(mask, mask, inheritable)
        if run.get("no_new_privs"):
            sc.prctl(sc.PR_SET_NO_NEW_PRIVS, 1)
    except OSError as exc:
        sandbox.report(status, error=f"cannot start the process: {exc.strerror or exc}")
        os._exit(255)
    try:
        os.chdir(spec["cwd"])
    except OSError as exc:  # runc's words (an exec's -w to a missing directory)
        sandbox.report(status, error=f'chdir to cwd ("{spec["cwd"]}") set in config.json '
                                     f"failed: {(exc.strerror or str(exc)).lower()}")
        os._exit(255)
    sandbox.exec_in_path(args, run["env"], status)
