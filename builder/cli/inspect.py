"""``dockyard inspect IMAGE...``: Docker-shaped JSON about images."""

from __future__ import annotations

import json
from typing import Any

import click

from builder.cli.imagefmt import image_size, open_store
from builder.cli.output import print_error
from builder.errors import DockyardError
from builder.runner.container import Container
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
    return out


def inspect_image(store: Store, image: Image) -> dict[str, Any]:
    """The ``docker image inspect`` object for ``image``."""
    cfg = image.config
    out: dict[str, Any] = {
        "Id": image.id,
        "RepoTags": [n.familiar for n in image.names if n.tag],
        "RepoDigests": [f"{n.familiar_name}@{n.digest}" for n in image.names if n.digest],
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


def inspect_container(c: Container) -> dict[str, Any]:
    """The ``docker container inspect`` object for container ``c``."""
    state = {k: c.state.get(k, v) for k, v in (
        ("Status", "created"), ("Running", False), ("Paused", False), ("Restarting", False),
        ("OOMKilled", False), ("Dead", False), ("Pid", 0), ("ExitCode", 0), ("Error", ""),
        ("StartedAt", ""), ("FinishedAt", ""))}
    cfg = c.config
    mounts = [{"Type": m["Type"], **({"Name": m["Name"]} if m.get("Name") else {}),
               "Source": m["Source"], "Destination": m["Destination"],
               "Driver": "local" if m["Type"] == "volume" else "", "Mode": "",
               "RW": m["RW"], "Propagation": "rprivate" if m["Type"] == "bind" else ""}
              for m in cfg.get("Mounts") or []]
    return {
        "Id": c.id, "Created": cfg.get("Created", ""), "Path": cfg["Path"],
        "Args": cfg["Args"], "State": state, "Image": cfg.get("Image", ""),
        "ResolvConfPath": c.path("resolv.conf"), "HostnamePath": c.path("hostname"),
        "HostsPath": c.path("hosts"), "LogPath": c.log_path, "Name": "/" + c.name,
        "RestartCount": 0, "Driver": cfg.get("Driver", ""), "Platform": "linux",
        "HostConfig": cfg.get("HostConfig", {}),
        "GraphDriver": {"Name": cfg.get("Driver", ""), "Data": {
            "UpperDir": c.path("upper"), "LowerDir": ":".join(cfg.get("LowerDirs") or []),
            "WorkDir": c.path("work"), "MergedDir": c.path("rootfs")}},
        "Mounts": mounts,
        "Config": {**cfg.get("Config", {}),
                   "Hostname": cfg.get("Config", {}).get("Hostname") or c.id[:12]},
        "NetworkSettings": {"Networks": {cfg.get("HostConfig", {}).get("NetworkMode", "none"):
                                         {}}},
    }


@click.command("inspect")
@click.option("--type", "kind", type=click.Choice(["container", "image"]), default=None,
              help="Only look for this kind of object.")
@click.argument("names", nargs=-1, required=True, metavar="NAME...")
@click.pass_context
def inspect(ctx: click.Context, names: tuple[str, ...], kind: str | None) -> None:
    """Show low-level information on containers and images as a JSON array."""
    from builder.cli.runopts import root_of
    from builder.errors import ContainerError
    from builder.runner.container import Containers

    store = open_store(ctx)
    containers = Containers(root_of(ctx))
    found: list[dict[str, Any]] = []
    errors: list[DockyardError] = []
    for name in names:
        try:
            if kind != "image":
                try:
                    found.append(inspect_container(containers.get(name)))
                    continue
                except ContainerError:
                    if kind == "container":
                        raise
            found.append(inspect_image(store, store.resolve(name)))
        except DockyardError as err:
            errors.append(err)
    click.echo(json.dumps(found, indent=4, ensure_ascii=False))
    for problem in errors:
        print_error(problem)
    if errors:
        ctx.exit(1)
