"""``dockyard cp CONTAINER:SRC DEST`` and ``dockyard cp SRC CONTAINER:DEST``."""

from __future__ import annotations

from pathlib import Path

import click

from builder.cli.runopts import root_of
from builder.errors import ContainerError


def split_arg(arg: str) -> tuple[str | None, str]:
    """``(container, path)`` for ``NAME:PATH``, ``(None, path)`` for a local path."""
    if arg.startswith(("/", ".")) or ":" not in arg:
        return None, arg
    name, _, path = arg.partition(":")
    return name, path


@click.command("cp")
@click.option("-a", "--archive", is_flag=True,
              help="Archive mode (copy all uid/gid information).")
@click.option("-L", "--follow-link", "follow", is_flag=True,
              help="Always follow a symbolic link in SRC_PATH.")
@click.argument("src")
@click.argument("dest")
@click.pass_context
def cp(ctx: click.Context, src: str, dest: str, archive: bool, follow: bool) -> None:
    """Copy files between a container and the host (container paths stay inside it); ``-``
    as SRC reads a tar stream from stdin, as DEST writes one to stdout. Copies are owned by
    the container's root (in) or the caller (out); with -a, by their owners at the source."""
    import sys

    from builder.runner.container import Containers
    from builder.runner.cp import (
        container_root,
        copy_in,
        copy_in_tar,
        copy_out,
        copy_out_tar,
    )

    src_name, src_path = split_arg(src)
    dest_name, dest_path = split_arg(dest)
    containers = Containers(root_of(ctx))
    if src == "-" and dest_name is not None:  # a tar stream on stdin, extracted there
        with container_root(containers.get(dest_name)) as root:
            copy_in_tar(root, sys.stdin.buffer, dest_path or "/", archive)
        return
    if dest == "-" and src_name is not None:  # a tar stream of it on stdout
        from builder.outfile import output_stream

        with output_stream(None, "cowardly refusing to write a tar archive to a terminal") \
                as out, container_root(containers.get(src_name)) as root:
            copy_out_tar(root, src_path or "/", out, follow)
        return
    if (src_name is None) == (dest_name is None):
        raise ContainerError("copying between containers or within the host is not "
                             "supported: one side must be CONTAINER:PATH")
    if src_name is not None:
        if not src_path:
            raise ContainerError("the container path is empty")
        with container_root(containers.get(src_name)) as root:
            copy_out(root, src_path, dest_path, follow, archive)
    else:
        assert dest_name is not None
        if not dest_path:
            raise ContainerError("the container path is empty")
        with container_root(containers.get(dest_name)) as root:
            copy_in(root, Path(src_path), dest_path, follow, archive)
