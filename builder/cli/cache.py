"""``dockyard cache warm|ls|du|prune|export|import|verify``: the build cache."""

from __future__ import annotations

import json
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

import click

from builder.settings import Settings

if TYPE_CHECKING:
    from builder.cache import BuildCache
    from builder.progress import Event, Reporter
    from builder.store import Store


@contextmanager
def _open(settings: Settings) -> Iterator[tuple[Store, BuildCache]]:
    from builder.cache import BuildCache
    from builder.store import Store

    with BuildCache(settings.root) as cache:
        yield Store(settings.root), cache


def _size(value: str | None, what: str) -> int | None:
    if value is None:
        return None
    from builder.errors import DockyardError
    from builder.units import parse_size

    try:
        return parse_size(value)
    except DockyardError as err:
        raise click.BadParameter(err.message, param_hint=what) from None


@click.group("cache")
def cache() -> None:
    """Warm, inspect, share and prune the build cache."""


# -- warm ---------------------------------------------------------------------------------


class _Tally:
    """Counts cached and run steps per stage, passing events on to a progress reporter."""

    def __init__(self, inner: Reporter) -> None:
        self.inner = inner
        self.stages: dict[str, list[int]] = {}

    def on_event(self, event: Event) -> None:
        if event.kind in ("cached", "started") and event.step.startswith("["):
            name = event.step[1:].split(" ", 1)[0]
            counts = self.stages.setdefault(name, [0, 0])
            counts[0 if event.kind == "cached" else 1] += 1
        self.inner.on_event(event)

    def close(self) -> None:
        self.inner.close()


@cache.command("warm")
@click.argument("context", default=".")
@click.option("-f", "--file", "dockerfile", default=None, help="The Dockerfile.")
@click.option("--target", "targets", multiple=True, help="Build this stage (repeatable).")
@click.option("--all-stages", is_flag=True, help="Build every stage.")
@click.option("--build-arg", "build_args", multiple=True, help="Set a build arg (KEY=VALUE).")
@click.option("--cache-from", "cache_from", multiple=True, help="type=local,src=DIR.")
@click.option("--cache-to", "cache_to", multiple=True, help="type=local,dest=DIR[,mode=...].")
@click.option(
    "--progress", type=click.Choice(["auto", "tty", "plain", "json", "quiet"]), default="quiet",
    show_default=True,
)
@click.pass_obj
def warm(
    settings: Settings,
    context: str,
    dockerfile: str | None,
    targets: tuple[str, ...],
    all_stages: bool,
    build_args: tuple[str, ...],
    cache_from: tuple[str, ...],
    cache_to: tuple[str, ...],
    progress: str,
) -> None:
    """Build targets into the cache without tagging anything; print hits and misses."""
    from builder.build import BuildRequest
    from builder.build import build as run_build
    from builder.cli.buildflags import _cache_from, _cache_to, _pairs
    from builder.cli.entry import stop_on_termination
    from builder.errors import FlagError
    from builder.progress import make_reporter

    stop_on_termination()
    runs = [""] if all_stages or not targets else list(targets)
    tally_rows: list[tuple[str, str, int, int]] = []
    for target in runs:
        try:
            request = BuildRequest(
                context=context, dockerfile=dockerfile, target=target, all_stages=all_stages,
                build_args=_pairs(build_args, "--build-arg", from_env=True),
                cache_from=_cache_from(cache_from), cache_to=_cache_to(cache_to),
            )  # fmt: skip
        except FlagError as err:
            raise click.BadParameter(err.message) from None
        tally = _Tally(make_reporter(progress))
        run_build(request, settings, tally)
        for stage, (hits, misses) in tally.stages.items():
            tally_rows.append((target or "(default)", stage, hits, misses))
    from builder.cli.imagefmt import table

    rows = [[t, s, str(h), str(m)] for t, s, h, m in tally_rows]
    click.echo(table(["TARGET", "STAGE", "HITS", "MISSES"], rows))


# -- ls, du -------------------------------------------------------------------------------


@cache.command("ls")
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table")
@click.pass_obj
def ls(settings: Settings, fmt: str) -> None:
    """List the cache records, most recently used first."""
    from builder.cache_gc import _blob_size
    from builder.cli.imagefmt import human_size, table
    from builder.units import human_duration

    with _open(settings) as (store, c):
        records = sorted(c.records(), key=lambda r: r.last_used, reverse=True)
        sizes = {r.key: _blob_size(store, r.layer_digest) for r in records}
    if fmt == "json":
        for r in records:
            click.echo(json.dumps({
                "key": r.key, "stage": r.stage, "instruction": r.instruction,
                "size": sizes[r.key], "layer": r.layer_digest, "created": r.created,
                "lastUsed": r.last_used, "hits": r.hits,
            }))  # fmt: skip
        return
    now = time.time()
    rows = [
        [r.key.removeprefix("blake3:")[:12], r.stage, _short(r.instruction),
         human_size(sizes[r.key]), human_duration(now - r.created) + " ago",
         human_duration(now - r.last_used) + " ago", str(r.hits)]
        for r in records
    ]  # fmt: skip
    click.echo(table(["KEY", "STAGE", "INSTRUCTION", "SIZE", "CREATED", "LAST USED", "HITS"],
                     rows))


def _short(text: str, width: int = 40) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


@cache.command("du")
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table")
@click.pass_obj
def du(settings: Settings, fmt: str) -> None:
    """Show the cache's size: total and reclaimable, and the cache mounts."""
    from builder.cache_gc import usage
    from builder.cli.imagefmt import human_size

    with _open(settings) as (store, c):
        u = usage(settings.root, store, c)
    if fmt == "json":
        click.echo(json.dumps({"records": u.records, "total": u.total,
                               "reclaimable": u.reclaimable, "mounts": u.mounts,
                               "mountBytes": u.mount_bytes}))
        return
    click.echo(f"Records:      {u.records}")
    click.echo(f"Total:        {human_size(u.total)}")
    click.echo(f"Reclaimable:  {human_size(u.reclaimable)}")
    click.echo(f"Cache mounts: {u.mounts} ({human_size(u.mount_bytes)})")


# -- prune --------------------------------------------------------------------------------


@cache.command("prune")
@click.option("-a", "--all", "everything", is_flag=True,
              help="Remove every record (and the cache mounts), not only unused ones.")
@click.option("--keep-storage", default=None, metavar="SIZE",
              help="Evict least recently used records until the cache fits in SIZE.")
@click.option("--filter", "filters", multiple=True, metavar="until=DURATION",
              help="Only records not used for DURATION (e.g. 24h).")
@click.option("-f", "--force", is_flag=True, help="Do not prompt for confirmation.")
@click.pass_obj
def prune(
    settings: Settings,
    everything: bool,
    keep_storage: str | None,
    filters: tuple[str, ...],
    force: bool,
) -> None:
    """Remove build cache records, least recently used first."""
    from builder.cache_gc import prune as run_prune
    from builder.cli.imagefmt import human_size
    from builder.errors import DockyardError
    from builder.units import parse_duration

    until = None
    for item in filters:
        key, sep, value = item.partition("=")
        if key != "until" or not sep:
            raise click.BadParameter(f"unsupported filter {item!r} (until=DURATION)",
                                     param_hint="--filter")
        try:
            until = parse_duration(value)
        except DockyardError as err:
            raise click.BadParameter(err.message, param_hint="--filter") from None
    budget = _size(keep_storage, "--keep-storage")
    if not force:
        what = "all build cache" if everything else "unused build cache"
        click.echo(f"WARNING! This will remove {what}.")
        if not click.confirm("Are you sure you want to continue?", default=False,
                             prompt_suffix=" "):
            return
    with _open(settings) as (store, c):
        report = run_prune(settings.root, store, c, everything=everything,
                           keep_storage=budget, until=until)
    for record in report.removed:
        click.echo(f"Deleted: {record.key}  {record.stage}  {_short(record.instruction)}")
    click.echo(f"Total reclaimed space: {human_size(report.reclaimed)}")


# -- export, import, verify ---------------------------------------------------------------


@cache.command("export")
@click.argument("dest", type=click.Path(file_okay=False))
@click.option("--mounts", is_flag=True, help="Also export the RUN --mount=type=cache contents.")
@click.pass_obj
def export(settings: Settings, dest: str, mounts: bool) -> None:
    """Write the whole build cache to DEST (an OCI layout), incrementally."""
    from builder.cache_export import export_records

    with _open(settings) as (store, c):
        idents = _mount_idents(settings.root) if mounts else []
        with store.session():
            report = export_records(store, c.records(), dest, root=settings.root,
                                    mounts=idents)
    for problem in report.skipped:
        click.echo(f"skipped {problem}", err=True)
    click.echo(f"Exported {report.entries} records, {report.mounts} mounts: "
               f"{report.blobs_written} blobs written, {report.blobs_reused} already there")


def _mount_idents(root: Path) -> list[tuple[str, str]]:
    """Every cache mount here, as (directory name, id); the id is not recorded locally."""
    mounts = Path(root) / "cache" / "mounts"
    if not mounts.is_dir():
        return []
    return [(p.name, "") for p in sorted(mounts.iterdir()) if not p.name.startswith(".")]


@cache.command("import")
@click.argument("src", type=click.Path(file_okay=False))
@click.pass_obj
def import_(settings: Settings, src: str) -> None:
    """Take every intact record of the exported cache at SRC into the local cache."""
    from builder.cache_import import import_all

    with _open(settings) as (store, c):
        report = import_all(settings.root, Path(src), store, c)
    for problem in report.damaged:
        click.echo(f"damaged, skipped: {problem}", err=True)
    click.echo(f"Imported {report.imported} records ({report.present} already here), "
               f"{report.mounts} mounts, {len(report.damaged)} damaged")
    if report.damaged:
        sys.exit(1)


@cache.command("verify")
@click.option("--repair", is_flag=True, help="Drop damaged records and corrupt blobs.")
@click.pass_obj
def verify(settings: Settings, repair: bool) -> None:
    """Re-hash every record and layer blob of the cache; report the damage."""
    from builder.cache_gc import verify as run_verify

    with _open(settings) as (store, c):
        report = run_verify(store, c, repair=repair)
    for key, problem in report.damaged.items():
        click.echo(f"damaged: {key}: {problem}")
    if repair and report.damaged:
        click.echo(f"Checked {report.checked} records: {len(report.damaged)} damaged, "
                   f"{report.repaired} dropped")
        return
    click.echo(f"Checked {report.checked} records: {len(report.damaged)} damaged")
    if report.damaged:
        sys.exit(1)
