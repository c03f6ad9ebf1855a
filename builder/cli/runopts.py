"""What the container commands share: the ``create``/``run`` flags and container lookup."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import click

from builder.errors import ContainerError

_SIZE = re.compile(r"(\d+(?:\.\d+)?)\s*([bkmgt]?)b?", re.IGNORECASE)


def parse_size(text: str) -> int:
    """Docker's RAMInBytes: ``512``, ``64k``, ``32m``, ``1.5g`` (binary units)."""
    match = _SIZE.fullmatch(text.strip())
    if not match:
        raise ContainerError(f"invalid size: '{text}'")
    scale = {"": 1, "b": 1, "k": 1 << 10, "m": 1 << 20, "g": 1 << 30, "t": 1 << 40}
    return int(float(match.group(1)) * scale[match.group(2).lower()])


def root_of(ctx: click.Context) -> Path:
    """The dockyard root from the group's settings."""
    from builder.settings import Settings

    settings = ctx.find_object(Settings) or Settings.from_env()
    return Path(settings.root)


def create_options(func: Callable[..., Any]) -> Callable[..., Any]:
    """The flags ``create`` and ``run`` share."""
    options = [
        click.option("--name", default="", help="Assign a name to the container."),
        click.option("-e", "--env", multiple=True, help="Set environment variables."),
        click.option("--env-file", multiple=True, type=click.Path(dir_okay=False),
                     help="Read in a file of environment variables."),
        click.option("-v", "--volume", multiple=True, help="Bind mount a volume."),
        click.option("--tmpfs", multiple=True, help="Mount a tmpfs directory."),
        click.option("-w", "--workdir", default="", help="Working directory inside the "
                     "container."),
        click.option("-u", "--user", default=None, help="Username or UID (format: "
                     "<name|uid>[:<group|gid>])."),
        click.option("--entrypoint", default=None, help="Overwrite the default ENTRYPOINT "
                     "of the image."),
        click.option("--network", "--net", default="none", help="Network: none or host."),
        click.option("-h", "--hostname", default="", help="Container host name."),
        click.option("-m", "--memory", default="", help="Memory limit."),
        click.option("--pids-limit", default=0, type=int, help="Tune container pids limit "
                     "(-1 for unlimited)."),
        click.option("--cpus", default=0.0, type=float, help="Number of CPUs."),
        click.option("-i", "--interactive", is_flag=True, help="Keep STDIN open."),
        click.option("-t", "--tty", is_flag=True, help="Allocate a pseudo-TTY."),
        click.option("--init", is_flag=True, help="Run an init inside the container that "
                     "forwards signals and reaps processes."),
        click.option("--rm", "auto_remove", is_flag=True, help="Automatically remove the "
                     "container when it exits."),
        click.option("--security-opt", multiple=True, help="Security options: only "
                     "no-new-privileges[:true|false]."),
        click.option("--read-only", is_flag=True, help="Mount the container's root "
                     "filesystem as read only."),
        click.argument("image"),
        click.argument("command", nargs=-1, type=click.UNPROCESSED),
    ]
    for option in reversed(options):
        func = option(func)
    return func


def env_file_lines(path: str) -> list[str]:
    """Docker's ``--env-file``: ``KEY=VALUE`` lines, ``#`` comments, bare ``KEY`` inherits."""
    try:
        text = Path(path).read_text()
    except OSError as exc:
        raise ContainerError(f"cannot read env file {path}: {exc.strerror}") from None
    out = []
    for line in text.splitlines():
        line = line.lstrip()
        if not line or line.startswith("#"):
            continue
        key = line.split("=", 1)[0]
        if not key or any(ch.isspace() for ch in key):
            raise ContainerError(f"invalid environment variable in {path}: {line}")
        out.append(line)
    return out


def build_options(kw: dict[str, Any]) -> Any:
    """``CreateOptions`` from the parsed flags."""
    from builder.runner.lifecycle import CreateOptions

    env: list[str] = []
    for path in kw["env_file"]:
        env += env_file_lines(path)
    env += list(kw["env"])
    if kw["pids_limit"] < -1:
        raise ContainerError("invalid --pids-limit: use -1 for unlimited or a positive number")
    security: list[str] = []
    for opt in kw["security_opt"]:
        name, _, value = opt.replace("=", ":", 1).partition(":")
        if name != "no-new-privileges" or value not in ("", "true", "false"):
            raise ContainerError(f"unsupported --security-opt {opt}: only "
                                 "no-new-privileges[:true|false]")
        if value != "false":
            security.append("no-new-privileges")
    if kw["cpus"] < 0:
        raise ContainerError("invalid --cpus: it must be positive")
    return CreateOptions(
        image=kw["image"], command=list(kw["command"]), name=kw["name"], env=env,
        volumes=list(kw["volume"]), tmpfs=list(kw["tmpfs"]), workdir=kw["workdir"],
        user=kw["user"], entrypoint=kw["entrypoint"], network=kw["network"],
        hostname=kw["hostname"], memory=parse_size(kw["memory"]) if kw["memory"] else 0,
        pids_limit=kw["pids_limit"], cpus=kw["cpus"], interactive=kw["interactive"],
        tty=kw["tty"], init=kw["init"], auto_remove=kw["auto_remove"],
        read_only=kw["read_only"], security_opt=security,
    )


def attached(root: Path, container: Any, interactive: bool) -> int:
    """Run ``container`` attached to this process's streams; returns its exit status."""
    from builder.runner.supervisor import Attach, supervise

    return supervise(root, container, Attach(0 if interactive else None, 1, 2))


def each_container(ctx: click.Context, names: tuple[str, ...], act: Callable[[Any], None]) -> None:
    """Apply ``act`` to each named container, echoing its name; an error is printed and the
    others still go ahead, as Docker does; exit 1 if any failed."""
    from builder.cli.output import print_error
    from builder.errors import DockyardError
    from builder.runner.container import Containers

    containers = Containers(root_of(ctx))
    failed = False
    for name in names:
        try:
            act(containers.get(name))
            click.echo(name)
        except DockyardError as err:
            print_error(err)
            failed = True
    if failed:
        ctx.exit(1)
