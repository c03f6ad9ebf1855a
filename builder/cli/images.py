"""``dockyard images``: list images (Docker's columns, ``-q``, ``--format json|TEMPLATE``)."""

from __future__ import annotations

import click

from builder.cli.imagefmt import human_size, image_size, open_store, parse_time, short_id, since
from builder.cli.imagefmt import table as render_table
from builder.reference import Reference, parse

# Docker's column headers of a ``table`` template's fields
HEADERS = {
    "Repository": "REPOSITORY", "Tag": "TAG", "ID": "IMAGE ID", "Containers": "CONTAINERS",
    "CreatedAt": "CREATED AT", "CreatedSince": "CREATED", "Digest": "DIGEST",
    "SharedSize": "SHARED SIZE", "Size": "SIZE", "UniqueSize": "UNIQUE SIZE",
    "VirtualSize": "SIZE",
}


@click.command("images")
@click.argument("repository", required=False)
@click.option("-a", "--all", "show_all", is_flag=True, help="Show all images (no intermediate "
              "images are kept, so this is the same list).")
@click.option("-q", "--quiet", is_flag=True, help="Only show image IDs.")
@click.option("--no-trunc", is_flag=True, help="Don't truncate output.")
@click.option("--format", "fmt", default="table", help="'table' (default), 'json', a Go "
              "template run on each row, or 'table TEMPLATE'.")
@click.pass_context
def images(ctx: click.Context, repository: str | None, show_all: bool, quiet: bool,
           no_trunc: bool, fmt: str) -> None:
    """List images."""
    store = open_store(ctx)
    wanted = parse(repository) if repository else None
    rows: list[tuple[float, dict[str, str]]] = []
    for image in store.images():
        names: list[Reference | None] = [n for n in image.names if n.tag is not None]
        names = names or [None]
        size = human_size(image_size(store, image))
        created = image.config.get("created")
        when = parse_time(created)
        for name in names:
            if wanted is not None and (
                name is None or name.name != wanted.name
                or (wanted.tag is not None and name.tag != wanted.tag)
            ):
                continue
            rows.append((when.timestamp() if when else 0.0, {
                "Containers": "N/A",
                "CreatedAt": when.strftime("%Y-%m-%d %H:%M:%S +0000 UTC") if when else "",
                "CreatedSince": since(created),
                "Digest": "<none>",
                "ID": image.id if no_trunc else short_id(image.id),
                "Repository": name.familiar_name if name else "<none>",
                "SharedSize": "N/A",
                "Size": size,
                "Tag": (name.tag or "<none>") if name else "<none>",
                "UniqueSize": "N/A",
                "VirtualSize": size,
            }))
    rows.sort(key=lambda r: -r[0])
    if fmt not in ("", "table", "json"):  # as Docker, a template wins over -q
        from builder.cli.listformat import render
        from builder.errors import TemplateError

        try:
            text = render(fmt, [r for _, r in rows], HEADERS, "*formatter.imageContext")
        except TemplateError as err:
            raise TemplateError(f"template parsing error: {err}", err.parsing) from None
        if rows or fmt.startswith("table"):
            click.echo(text)
        return
    if quiet:
        seen: list[str] = []
        for _, row in rows:
            if row["ID"] not in seen:
                seen.append(row["ID"])
        for image_id in seen:
            click.echo(image_id)
        return
    if fmt == "json":
        from builder.cli.listformat import json_line

        for _, row in rows:
            click.echo(json_line(row))
        return
    header = ["REPOSITORY", "TAG", "IMAGE ID", "CREATED", "SIZE"]
    click.echo(render_table(header, [
        [r["Repository"], r["Tag"], r["ID"], r["CreatedSince"], r["Size"]] for _, r in rows
    ]))
