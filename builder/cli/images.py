"""``dockyard images``: list images (Docker's columns, ``-q``, ``--format json|TEMPLATE``)."""

from __future__ import annotations

import contextlib
from typing import TYPE_CHECKING

import click

from builder.cli.imagefmt import human_size, image_size, open_store, parse_time, short_id, since
from builder.cli.imagefmt import table as render_table
from builder.reference import Reference
from builder.store import Image, Store

if TYPE_CHECKING:
    from builder.imagefilter import Filters

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
@click.option("--digests", is_flag=True, help="Show digests.")
@click.option("-f", "--filter", "filters", multiple=True, metavar="KEY=VALUE",
              help="Filter output: dangling=true|false, label=KEY[=VALUE], before=IMAGE, "
              "since=IMAGE, reference=PATTERN (repeatable).")
@click.option("-q", "--quiet", is_flag=True, help="Only show image IDs.")
@click.option("--no-trunc", is_flag=True, help="Don't truncate output.")
@click.option("--format", "fmt", default="table", help="'table' (default), 'json', a Go "
              "template run on each row, or 'table TEMPLATE'.")
@click.pass_context
def images(ctx: click.Context, repository: str | None, show_all: bool, digests: bool,
           filters: tuple[str, ...], quiet: bool, no_trunc: bool, fmt: str) -> None:
    """List images."""
    from builder.imagefilter import FilterError, parse_filters

    try:
        wanted = parse_filters(filters)
    except FilterError as err:
        raise click.BadParameter(err.message, param_hint="'-f' / '--filter'") from None
    if repository:  # as Docker's client: the argument is one more reference pattern
        wanted.setdefault("reference", []).append(repository)
    store = open_store(ctx)
    rows: list[tuple[float, dict[str, str]]] = []
    # as Docker's client: a template naming the field shows tags' digests, not --digests'
    # rows of digests without a tag
    need_digest = digests or "{{.Digest}}" in fmt
    for image, names in _selected(store, wanted):
        size = human_size(image_size(store, image))
        created = image.config.get("created")
        when = parse_time(created)
        for repo, tag, digest in _rows(names, need_digest, digests):
            rows.append((when.timestamp() if when else 0.0, {
                "Containers": "N/A",
                "CreatedAt": when.strftime("%Y-%m-%d %H:%M:%S +0000 UTC") if when else "",
                "CreatedSince": since(created),
                "Digest": digest,
                "ID": image.id if no_trunc else short_id(image.id),
                "Repository": repo,
                "SharedSize": "N/A",
                "Size": size,
                "Tag": tag,
                "UniqueSize": "N/A",
                "VirtualSize": size,
            }))
    rows.sort(key=lambda r: -r[0])
    from builder.cli.listformat import is_template

    if is_template(fmt):  # as Docker, a template wins over -q
        from builder.cli.listformat import render
        from builder.errors import TemplateError

        try:
            text = render(fmt, [r for _, r in rows], HEADERS, "*formatter.imageContext")
        except TemplateError as err:
            raise TemplateError(f"template parsing error: {err}", err.parsing) from None
        if rows or fmt.startswith("table"):
            click.echo(text)
        return
    if quiet:  # a line a row, as Docker's: an image with two names is listed twice
        for _, row in rows:
            click.echo(row["ID"])
        return
    if fmt == "json":
        from builder.cli.listformat import json_line

        for _, row in rows:
            click.echo(json_line(row))
        return
    columns = ["Repository", "Tag", *(["Digest"] if digests else []), "ID", "CreatedSince",
               "Size"]
    click.echo(render_table([HEADERS[c] for c in columns],
                            [[r[c] for c in columns] for _, r in rows]))


_ACCEPTED = ("dangling", "label", "before", "since", "reference")


def _resolve(store: Store, text: str) -> Image:
    from builder.errors import NotFoundError, ReferenceFormatError
    from builder.reference import parse_normalized

    try:
        return store.resolve(text)
    except NotFoundError:
        with contextlib.suppress(ReferenceFormatError):
            text = parse_normalized(text).with_default_tag().familiar
        raise NotFoundError(f"No such image: {text}") from None


def _selected(store: Store, filters: Filters) -> list[tuple[Image, list[Reference]]]:
    """The images Docker's ``filters`` keep, each with the names the reference filter keeps."""
    from builder.imagefilter import (
        created_ns,
        dangling_only,
        labels_match,
        reference_matches,
        validate,
    )

    validate(filters, _ACCEPTED)
    dangling = dangling_only(filters)
    # as Docker's daemon reads each value of before= and since=; several: all must hold
    before = min((created_ns(_resolve(store, v).config) for v in filters.get("before", [])),
                 default=None)
    after = max((created_ns(_resolve(store, v).config) for v in filters.get("since", [])),
                default=None)
    patterns = filters.get("reference")
    out: list[tuple[Image, list[Reference]]] = []
    for image in store.images():
        created = created_ns(image.config)
        if (before is not None and created >= before) or (after is not None and created <= after):
            continue
        if "label" in filters and not labels_match(
                filters["label"], image.config.get("config", {}).get("Labels")):
            continue
        names = sorted(image.names, key=str)  # as Docker's reference store lists them
        if patterns is not None:
            names = [n for n in names if reference_matches(patterns, n.familiar, n.familiar_name)]
            if not names:
                continue
        # as Docker's daemon: dangling=true keeps images without a tag (repo digests or
        # not), dangling=false those with any name
        if dangling is not None and (
                any(n.tag for n in names) if dangling else not names):
            continue
        out.append((image, names))
    return out


def _rows(names: list[Reference], need_digest: bool,
          digest_rows: bool) -> list[tuple[str, str, str]]:
    """(repository, tag, digest) of each row, as Docker's formatter: one per tag, or per
    tag and repo digest of its repository with ``need_digest``; a repository with repo
    digests but no tag is one ``<none>`` row (one per digest with ``digest_rows``); an
    image without names is one ``<none>`` row."""
    if not names:
        return [("<none>", "<none>", "<none>")]
    tags: dict[str, list[str]] = {}
    repo_digests: dict[str, list[str]] = {}
    for name in names:
        if name.tag is not None:
            tags.setdefault(name.familiar_name, []).append(name.tag)
        elif name.digest is not None:
            repo_digests.setdefault(name.familiar_name, []).append(name.digest)
    rows: list[tuple[str, str, str]] = []
    for repo, repo_tags in tags.items():
        shown = repo_digests.pop(repo, []) if need_digest else []
        repo_digests.pop(repo, None)
        rows.extend((repo, tag, d) for tag in repo_tags for d in shown or ["<none>"])
    for repo, found in repo_digests.items():
        rows.extend((repo, "<none>", d) for d in (found if digest_rows else [""]))
    return rows
