"""``dockyard inspect [-f FORMAT] NAME...``: Docker-shaped JSON about images and containers,
or a Go template run on each."""

from __future__ import annotations

import json
from typing import Any

import click

from builder.cli.imagefmt import image_size, open_store
from builder.cli.output import print_error
from builder.errors import DockyardError, TemplateError
from builder.store import Image, Store

# Docker's container.Config fields, in its order; None = left out when absent (omitempty)
_CONFIG_FIELDS: tuple[tuple[str, Any], ...] = (
    ("Hostname", ""), ("Domainname", ""), ("User", ""), ("AttachStdin", False),
    ("AttachStdout", False), ("AttachStderr", False), ("ExposedPorts", None), ("Tty", False),
    ("OpenStdin", False), ("StdinOnce", False), ("Env", []), ("Cmd", []),
    ("Healthcheck", None), ("ArgsEscaped", None), ("Image", ""), ("Volumes", {}),
    ("WorkingDir", ""), ("Entrypoint", []), ("NetworkDisabled", None), ("MacAddress", None),
    ("OnBuild", []), ("Labels", {}), ("StopSignal", None), ("StopTimeout", None),
    ("Shell", None),
)

_HEALTH_FIELDS = ("Test", "Interval", "Timeout", "StartPeriod", "StartInterval", "Retries")


def docker_config(raw: object) -> dict[str, Any]:
    """An image's run config with Docker's full field set (``null`` for unset lists)."""
    src = raw if isinstance(raw, dict) else {}
    out: dict[str, Any] = {}
    for key, default in _CONFIG_FIELDS:
        if key in src:
            out[key] = src[key]
        elif default is not None:
            out[key] = None if isinstance(default, list | dict) else default
    out.update({k: v for k, v in src.items() if k not in out})
    for key in ("ExposedPorts", "Volumes", "Labels"):  # Go's JSON sorts a map's keys
        if isinstance(out.get(key), dict):
            out[key] = dict(sorted(out[key].items()))
    health = out.get("Healthcheck")
    if isinstance(health, dict):  # in the order of Docker's HealthConfig struct
        order = {k: n for n, k in enumerate(_HEALTH_FIELDS)}
        out["Healthcheck"] = dict(sorted(health.items(), key=lambda kv: order.get(kv[0], 99)))
    return out


def inspect_image(store: Store, image: Image) -> dict[str, Any]:
    """The ``docker image inspect`` object for ``image``."""
    cfg = image.config
    names = sorted(image.names, key=str)  # as Docker's reference store lists them
    out: dict[str, Any] = {
        "Id": image.id,
        "RepoTags": [n.familiar for n in names if n.tag],
        "RepoDigests": [n.familiar for n in names if n.digest and not n.tag],
        "Parent": "",
        "Comment": cfg.get("comment", ""),
        "Created": cfg.get("created", ""),
        "Container": cfg.get("container", ""),
        "ContainerConfig": docker_config(cfg.get("container_config")),
        "DockerVersion": cfg.get("docker_version", ""),
        "Author": cfg.get("author", ""),
        "Config": docker_config(cfg.get("config")),
        "Architecture": cfg.get("architecture", ""),
    }
    if cfg.get("variant"):
        out["Variant"] = cfg["variant"]
    size = image_size(store, image)
    out.update({
        "Os": cfg.get("os", ""),
        "Size": size,
        "VirtualSize": size,
        "GraphDriver": {"Data": None, "Name": "dockyard"},
        "RootFS": {"Type": "layers", "Layers": image.diff_ids},
        "Metadata": {"LastTagTime": "0001-01-01T00:00:00Z"},
        "Descriptor": image.descriptor.to_dict(),
    })
    return out


# the fields of Docker's inspect structs that are Go maps (a missing key is <no value>
# there, an error in a struct)
_MAP_FIELDS = frozenset({"Labels", "Volumes", "ExposedPorts", "Networks", "Ports",
                         "PortBindings", "Data", "Sysctls", "Tmpfs", "StorageOpt",
                         "DriverOpts", "Annotations", "annotations"})


# and those that are Go slices (nil: [] when printed, null in JSON)
_LIST_FIELDS = frozenset({
    "Cmd", "Entrypoint", "Env", "OnBuild", "Shell", "Args", "Mounts", "RepoTags",
    "RepoDigests", "Layers", "Binds", "CapAdd", "CapDrop", "Dns", "DnsOptions", "DnsSearch",
    "ExtraHosts", "GroupAdd", "Links", "SecurityOpt", "Devices", "DeviceCgroupRules",
    "DeviceRequests", "Ulimits", "MaskedPaths", "ReadonlyPaths", "BlkioWeightDevice",
    "BlkioDeviceReadBps", "BlkioDeviceWriteBps", "BlkioDeviceReadIOps", "BlkioDeviceWriteIOps",
})


def go_shaped(value: Any, name: str = "", is_map: bool = False) -> Any:
    """``value`` with its dicts marked as Go structs or maps, as Docker's types have them."""
    from builder.gotemplate import NilList, NilMap, Struct

    if is_map and value is None:
        return NilMap()
    if value is None and name in _LIST_FIELDS:
        return NilList()
    if isinstance(value, list):
        return [go_shaped(v) for v in value]
    if not isinstance(value, dict):
        return value
    if is_map:
        return {k: go_shaped(v) for k, v in value.items()}
    return Struct({k: go_shaped(v, k, k in _MAP_FIELDS or (name, k) == ("LogConfig", "Config"))
                   for k, v in value.items()})


@click.command("inspect")
@click.option("-f", "--format", "fmt", default="", metavar="FORMAT",
              help="'json' (one line) or a Go template run on each object.")
@click.option("--type", "kind", type=click.Choice(["container", "image"]), default=None,
              help="Only look for this kind of object.")
@click.argument("names", nargs=-1, required=True, metavar="NAME...")
@click.pass_context
def inspect(ctx: click.Context, names: tuple[str, ...], kind: str | None, fmt: str) -> None:
    """Show low-level information on containers and images as a JSON array."""
    from builder.cli.containerinfo import inspect_container
    from builder.cli.runopts import root_of
    from builder.errors import ContainerError
    from builder.runner.container import Containers

    template = None
    if fmt and fmt != "json":
        from builder.gotemplate import parse

        try:
            template = parse(fmt)
        except TemplateError as err:
            print_error(TemplateError(f"template parsing error: {err}", parsing=True))
            ctx.exit(64)  # as Docker: a usage error
    store = open_store(ctx)
    containers = Containers(root_of(ctx))
    found: list[dict[str, Any]] = []
    lines: list[str] = []
    errors: list[DockyardError] = []
    for name in names:
        try:
            obj = None
            if kind != "image":
                try:
                    obj = inspect_container(containers.get(name))
                except ContainerError:
                    if kind == "container":
                        raise
            if obj is None:
                obj = inspect_image(store, store.resolve(name))
            found.append(obj)
            if template is not None:
                lines.append(template.execute(go_shaped(obj)))
        except DockyardError as err:
            if template is not None and isinstance(err, TemplateError):
                err = TemplateError(f"template parsing error: {err}")
            errors.append(err)
    if template is not None:
        click.echo("\n".join(lines))  # an empty line when nothing came out, as Docker
    elif fmt == "json":
        click.echo(json.dumps(found, ensure_ascii=False, separators=(",", ":")))
    else:
        click.echo(json.dumps(found, indent=4, ensure_ascii=False))
    for problem in errors:
        print_error(problem)
    if errors:
        ctx.exit(1)
