"""``dockyard history IMAGE``: the layers of an image and the steps that made them."""

from __future__ import annotations

import json

import click

from builder.cli.imagefmt import human_size, open_store, short_id, since, table
from builder.image import History


def _ellipsis(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


@click.command("history")
@click.argument("name", metavar="IMAGE")
@click.option("-q", "--quiet", is_flag=True, help="Only show image IDs.")
@click.option("--no-trunc", is_flag=True, help="Don't truncate output.")
@click.option("-H", "--human", type=bool, default=True, show_default=True,
              help="Print sizes and dates in human readable format.")
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table",
              help="Output format.")
@click.pass_context
def history(ctx: click.Context, name: str, quiet: bool, no_trunc: bool, human: bool,
            fmt: str) -> None:
    """Show the history of an image, newest step first."""
    store = open_store(ctx)
    image = store.resolve(name)
    entries = [History.from_dict(h) for h in image.config.get("history") or []
               if isinstance(h, dict)]
    diff_ids = list(image.diff_ids)
    if not entries:
        entries = [History(created=image.config.get("created")) for _ in diff_ids]
    layers = iter(zip(diff_ids, image.layers, strict=False))
    sizes: list[int] = []
    for entry in entries:
        if entry.empty_layer:
            sizes.append(0)
            continue
        diff_id, layer = next(layers, (None, None))
        if diff_id is None or layer is None:
            sizes.append(0)
            continue
        size = store.uncompressed_size(diff_id)
        sizes.append(layer.size if size is None else size)
    rows = []
    for i, (entry, size) in reversed(list(enumerate(zip(entries, sizes, strict=True)))):
        top = i == len(entries) - 1
        ident = (image.id if no_trunc else short_id(image.id)) if top else "<missing>"
        created_by = entry.created_by.replace("\t", " ")
        rows.append({
            "ID": ident,
            "CreatedAt": entry.created or "",
            "CreatedSince": since(entry.created) if human else (entry.created or ""),
            "CreatedBy": created_by if no_trunc else _ellipsis(created_by, 45),
            "Size": human_size(size) if human else str(size),
            "Comment": entry.comment,
        })
    if quiet:
        for row in rows:
            click.echo(row["ID"])
        return
    if fmt == "json":
        for row in rows:
            click.echo(json.dumps(row, sort_keys=True, ensure_ascii=False))
        return
    click.echo(table(
        ["IMAGE", "CREATED", "CREATED BY", "SIZE", "COMMENT"],
        [[r["ID"], r["CreatedSince"], r["CreatedBy"], r["Size"], r["Comment"]] for r in rows],
    ))
