"""``dockyard rmi [-f] IMAGE...``: untag and remove images."""

from __future__ import annotations

import contextlib
from typing import Any

import click

from builder.cli.imagefmt import open_store
from builder.cli.output import print_error
from builder.descriptor import hex_of
from builder.errors import ContainerError, DockyardError, NotFoundError
from builder.store import Store


def _users(store: Store, name: str, image_users: Any) -> list[Any]:
    try:
        image = store.resolve(name)
    except NotFoundError:
        return []
    return list(image_users(store.root, image.id))


def _untag_all(store: Store, name: str) -> list[tuple[str, str]]:
    """Untag ``name`` (or every name of the image ``name`` is an ID of); keep the image."""
    from builder.reference import parse_lookup

    image = store.resolve(name)
    named = None
    with contextlib.suppress(DockyardError):
        ref = parse_lookup(name)
        if ref in image.names:
            named = ref
    if named is not None:
        gone = store.remove_name(image, named)
    else:
        gone = sorted(image.names, key=str)
        for ref in gone:
            store.untag(ref)
        store.add_image(image.descriptor)  # kept, untagged
    return [("Untagged", ref.familiar) for ref in gone]


@click.command("rmi")
@click.argument("names", nargs=-1, required=True, metavar="IMAGE...")
@click.option("-f", "--force", is_flag=True, help="Remove the image even when several "
              "repositories name it; untag an image containers use.")
@click.pass_context
def rmi(ctx: click.Context, names: tuple[str, ...], force: bool) -> None:
    """Remove one or more images (a name untags; the image goes with its last name)."""
    from builder.runner.lifecycle import image_users

    store = open_store(ctx)
    failed = False
    for name in names:
        try:
            users = _users(store, name, image_users)
            if users and not force:
                raise ContainerError(
                    f'conflict: unable to remove repository reference "{name}" (must force) '
                    f"- container {users[0].id[:12]} is using its referenced image "
                    f"{hex_of(users[0].config['Image'])[:12]}")
            # Docker keeps an image containers use: untag it only
            events = _untag_all(store, name) if users else store.remove_image(name, force=force)
        except DockyardError as err:
            print_error(err)
            failed = True
            continue
        for event, value in events:
            click.echo(f"{event}: {value}")
    if failed:
        ctx.exit(1)
