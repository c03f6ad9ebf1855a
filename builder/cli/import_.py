"""``dockyard import FILE|- [REPOSITORY[:TAG]]``: a rootfs tarball becomes a one-layer image."""

from __future__ import annotations

import json
import shlex
import sys
from typing import BinaryIO, Literal, cast

import click

from builder.archive import import_rootfs
from builder.cli.imagefmt import open_store
from builder.errors import DockyardError
from builder.image import RunConfig
from builder.reference import parse


def _command(value: str) -> tuple[str, ...]:
    text = value.strip()
    if text.startswith("["):
        try:
            parsed = json.loads(text)
        except ValueError:
            parsed = None
        if isinstance(parsed, list) and all(isinstance(p, str) for p in parsed):
            return tuple(parsed)
    return ("/bin/sh", "-c", text)


def _pairs(value: str, instruction: str) -> list[tuple[str, str]]:
    words = shlex.split(value)
    if words and "=" not in words[0]:
        if len(words) < 2:
            raise DockyardError(f"{instruction} requires at least two arguments")
        return [(words[0], value.strip()[len(words[0]):].strip())]
    out = []
    for word in words:
        key, sep, val = word.partition("=")
        if not sep or not key:
            raise DockyardError(f"{instruction}: invalid key=value pair {word!r}")
        out.append((key, val))
    return out


def apply_change(config: RunConfig, change: str) -> RunConfig:
    """Apply one ``--change`` Dockerfile instruction to ``config``."""
    instruction, _, value = change.strip().partition(" ")
    keyword = instruction.upper()
    value = value.strip()
    if keyword == "CMD":
        return config.replace(cmd=_command(value))
    if keyword == "ENTRYPOINT":
        return config.replace(entrypoint=_command(value))
    if keyword == "ENV":
        env = [e for e in config.env]
        for key, val in _pairs(value, "ENV"):
            env = [e for e in env if e.partition("=")[0] != key] + [f"{key}={val}"]
        return config.replace(env=tuple(env))
    if keyword == "LABEL":
        return config.replace(labels={**config.labels, **dict(_pairs(value, "LABEL"))})
    if keyword == "WORKDIR":
        return config.replace(working_dir=value)
    if keyword == "USER":
        return config.replace(user=value)
    if keyword == "EXPOSE":
        from builder.ports import exposed_ports

        ports = {p for spec in value.split() for p in exposed_ports(spec)}
        return config.replace(exposed_ports=tuple(sorted({*config.exposed_ports, *ports})))
    if keyword == "VOLUME":
        volumes = list(_command(value)) if value.startswith("[") else value.split()
        return config.replace(volumes=tuple(sorted({*config.volumes, *volumes})))
    if keyword == "STOPSIGNAL":
        from builder.signames import parse_signal

        parse_signal(value)
        return config.replace(stop_signal=value)
    if keyword == "ONBUILD":
        return config.replace(on_build=(*config.on_build, value))
    raise DockyardError(f"{instruction} is not a valid change command")


@click.command("import")
@click.argument("source", metavar="FILE|-")
@click.argument("reference", required=False, metavar="[REPOSITORY[:TAG]]")
@click.option("-c", "--change", "changes", multiple=True,
              help="Apply a Dockerfile instruction (CMD, ENTRYPOINT, ENV, EXPOSE, LABEL, "
              "ONBUILD, STOPSIGNAL, USER, VOLUME, WORKDIR) to the image.")
@click.option("-m", "--message", default="", help="Set the commit message for the image.")
@click.option("--compression", type=click.Choice(["zstd", "gzip", "none"]), default="zstd",
              show_default=True, help="Compression of the stored layer.")
@click.pass_context
def import_(ctx: click.Context, source: str, reference: str | None, changes: tuple[str, ...],
            message: str, compression: str) -> None:
    """Import a rootfs tarball (any compression) as a one-layer image; prints its ID."""
    from builder.settings import Settings

    store = open_store(ctx)
    names = [parse(reference)] if reference else []
    config = RunConfig()
    for change in changes:
        config = apply_change(config, change)
    if "://" in source:
        raise DockyardError("importing from a URL is not supported; download the file first")
    settings = ctx.find_object(Settings)
    epoch = settings.source_date_epoch if settings else None
    kind = cast(Literal["zstd", "gzip", "none"], compression)
    if source == "-":
        image = import_rootfs(store, cast(BinaryIO, sys.stdin.buffer), names, message=message,
                              source="-", config=config, compression=kind, epoch=epoch)
    else:
        try:
            src = open(source, "rb")  # noqa: SIM115 - closed below
        except OSError as exc:
            raise DockyardError(f"cannot open {source}: {exc.strerror}") from None
        with src:
            image = import_rootfs(store, src, names, message=message, source=source,
                                  config=config, compression=kind, epoch=epoch)
    click.echo(image.id)
