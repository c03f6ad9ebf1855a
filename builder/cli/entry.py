"""The ``dockyard`` entry point: a fast road for plain ``run`` and ``build`` commands, click
for the rest.

``dockyard run --rm IMAGE true`` and a no-op ``dockyard build`` are timed like Docker's; much
of their cost would be the import of click and of the other commands' modules. When the
arguments are plain (``[--root DIR] run|build FLAGS...`` with the flags of
:mod:`builder.cli.runflags` or :mod:`builder.cli.buildflags`), they are read here and only
what the command needs is imported; anything else goes to the click CLI, which also explains
mistakes.
"""

from __future__ import annotations

import sys

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Callable


DEEPEST = 10_000
"""The recursion limit every command runs with: the walkers of file trees (a container's, a
layer's, a context's) take a few calls a level, and a tree may be as deep as Linux lets
paths be (PATH_MAX, 4,096 bytes: 2,048 levels), as Docker takes them."""


def main() -> None:
    """Run the command in ``sys.argv``; exit with its status."""
    sys.setrecursionlimit(max(sys.getrecursionlimit(), DEEPEST))
    argv = sys.argv[1:]
    code = _fast_run(argv)
    if code is None:
        from builder.cli.app import main as click_main

        click_main(argv)  # exits
    else:
        _leave(code)


def _leave(code: int) -> None:
    """Exit without the interpreter's teardown (freeing every module costs ~10 ms, a tenth
    of a no-op build): a fast command has closed all it opened, but the standard streams."""
    import os

    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (OSError, ValueError):  # a closed pipe: nothing more to say
            pass
    os._exit(code)


def guarded(action: Callable[[], int]) -> int:
    """Run ``action``; a library error becomes its one-line message and status 1."""
    try:
        return action()
    except BaseException as exc:
        code = reported(exc)
        if code is None:
            raise
        return code


class Terminated(KeyboardInterrupt):
    """SIGTERM or SIGHUP, taken as Ctrl-C is (see :func:`stop_on_termination`)."""

    def __init__(self, signum: int) -> None:
        super().__init__(signum)
        self.signum = signum


def stop_on_termination() -> None:
    """Make SIGTERM and SIGHUP stop the command (from the main thread) as Ctrl-C does: the
    work is cancelled and cleaned up (mounts, snapshots, half-written files), then the
    process exits with 128 + the signal. A repeated one is ignored while that runs, and one
    ignored from the start (``nohup``) stays ignored."""
    import signal

    taken = [sig for sig in (signal.SIGTERM, signal.SIGHUP)
             if signal.getsignal(sig) is not signal.SIG_IGN]

    def stop(signum: int, _frame: object) -> None:
        for sig in taken:
            signal.signal(sig, signal.SIG_IGN)
        raise Terminated(signum)

    for sig in taken:
        signal.signal(sig, stop)


def reported(exc: BaseException) -> int | None:
    """Print what ``exc`` means and give the exit status, or ``None`` for a bug's exception."""
    from builder.errors import DockyardError

    if isinstance(exc, DockyardError):
        from builder.cli.output import print_error

        print_error(exc)
        return 1
    if isinstance(exc, Terminated):
        sys.stderr.write("Terminated.\n")
        return 128 + exc.signum
    if isinstance(exc, KeyboardInterrupt):
        sys.stderr.write("Interrupted.\n")
        return 130
    if isinstance(exc, BrokenPipeError):
        return 141
    return None


def _fast_run(argv: list[str]) -> int | None:
    """The status of a plain ``run`` or ``build``, or ``None`` when click must read ``argv``."""
    import os

    root = None
    rest = argv
    if argv[:1] == ["--root"] and len(argv) > 1:
        root, rest = argv[1], argv[2:]
    elif argv[:1] and argv[0].startswith("--root="):
        root, rest = argv[0].partition("=")[2], argv[1:]
    if root is not None and (not root or (os.path.exists(root) and not os.path.isdir(root))):
        return None
    if rest[:1] == ["run"]:
        return _run(root, rest[1:])
    if rest[:1] == ["build"]:
        return _build(root, rest[1:])
    return None


def _run(root: str | None, args: list[str]) -> int | None:
    from builder.cli.runflags import parse_run

    kw = parse_run(args)
    if kw is None:
        return None

    def run() -> int:
        from builder.cli.runmain import run_container
        from builder.settings import root_dir

        return run_container(root_dir(root), kw, None)

    return guarded(run)


def _build(root: str | None, args: list[str]) -> int | None:
    from builder.cli.buildflags import parse_build, request_of

    kw = parse_build(args)
    if kw is None:
        return None
    from builder.errors import DockyardError, FlagError

    try:
        request = request_of(kw)
    except FlagError:
        return None  # click explains a bad value
    except DockyardError as err:
        return reported(err)

    def build() -> int:
        from builder.cli.buildflags import run_build
        from builder.settings import Settings

        run_build(request, kw, Settings.from_env(root))
        return 0

    return guarded(build)
