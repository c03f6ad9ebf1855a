"""What ``dockyard run`` does once its flags are read, for click and for the fast entry."""

from __future__ import annotations

import os
import sys

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Callable
    from pathlib import Path
    from typing import Any

    from builder.runner.container import Container
    from builder.runner.create import CreateOptions
    from builder.runner.spawn import Spawned
    from builder.settings import Settings


NOT_STARTED = 125
"""Docker's status when the container could not be made or started (a missing image, a bad
flag value, a name in use...)."""


def run_container(root: str | Path, kw: dict[str, Any], settings: Settings | None) -> int:
    """Create the container ``kw`` describes and run it: attached, the exit status is the
    command's; detached (``kw["detach"]``), print the ID and return 0; an error before the
    command runs is reported with status :data:`NOT_STARTED`."""
    from builder.errors import ContainerError, DockyardError

    if kw["tty"] and kw["interactive"] and not kw["detach"] and not os.isatty(0):
        # Docker's client refuses it (status 1); a relay would wait for ever
        raise ContainerError("the input device is not a TTY")
    try:
        return _run_container(root, kw, settings)
    except DockyardError as err:
        from builder.cli.output import print_error

        print_error(err)
        return NOT_STARTED


def _run_container(root: str | Path, kw: dict[str, Any], settings: Settings | None) -> int:
    import gc

    gc.disable()  # start-up allocates much and frees little: no collections until it runs
    spawned = None
    if not kw["detach"]:  # init starts while the container is made (builder.runner.spawn)
        from builder.runner.spawn import spawn

        spawned = spawn(bool(kw["tty"]), bool(kw["interactive"]), str(kw["network"]))
    try:
        from builder.cli.runflags import build_options

        return _run(root, build_options(kw), kw["detach"], settings, spawned)
    finally:
        if spawned is not None:
            spawned.abandon()  # when it was not used


def _collect_from_now() -> None:
    """Collect garbage again, leaving out what start-up made (it lives as long as the
    process): one collection over all of it would delay the run by ~2 ms."""
    import gc

    gc.freeze()
    gc.enable()


def _run(root: str | Path, opts: CreateOptions, detach: bool, settings: Settings | None,
         spawned: Spawned | None) -> int:
    from builder.runner.create import create

    container = create(root, opts, settings)
    try:
        if detach:
            from builder.runner.lifecycle import start_detached

            start_detached(root, container)
            sys.stdout.write(container.id + "\n")
            return 0
        if spawned is not None:
            _give_plan(root, container, spawned)
        from builder.runner.supervisor import StartError

        try:
            return attached(root, container, opts.interactive, spawned, _collect_from_now)
        except StartError as err:
            sys.stderr.write(f"dockyard: {err.message}\n")
            if opts.auto_remove:
                _remove(root, container)
            return err.code
    except BaseException:
        if opts.auto_remove:
            _remove(root, container)
        raise


def _give_plan(root: str | Path, container: Container, spawned: Spawned) -> None:
    """Give the init forked for ``container`` its plan now, so that it runs up to the command
    while the supervisor records the start; not when the container has limits (the
    supervisor makes their cgroups, which init joins first) or init was forked for other
    stdio or network than it has (the supervisor forks another)."""
    from builder.runner.plan import build_plan, has_limits
    from builder.runner.spawn import spawn_key

    if has_limits(container.config) or spawned.key != spawn_key(container.config):
        return
    plan, _ = build_plan(root, container)
    plan["cgroups"] = []
    spawned.send(plan)


def _remove(root: str | Path, container: Container) -> None:
    from builder.runner.lifecycle import remove

    remove(root, container, force=True, volumes=True)


def attached(root: str | Path, container: Container, interactive: bool,
             spawned: Spawned | None = None, on_started: Callable[[], None] | None = None) -> int:
    """Run ``container`` attached to this process's streams (with ``spawned``, an init
    forked for it already); returns its exit status."""
    from builder.runner.supervisor import Attach, supervise

    return supervise(root, container, Attach(0 if interactive else None, 1, 2),
                     on_started=on_started, spawned=spawned)
