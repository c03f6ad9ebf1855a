"""Shared helpers of the image commands: the store from settings, Docker's size, age and
table formats."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime, timedelta

import click

from builder.store import Image, Store
from builder.units import human_duration

_SIZE_UNITS = ("B", "kB", "MB", "GB", "TB", "PB", "EB", "ZB", "YB")


def open_store(ctx: click.Context) -> Store:
    """The store under the root from the group's settings."""
    from builder.settings import Settings

    settings = ctx.find_object(Settings) or Settings.from_env()
    return Store(settings.root)


def human_size(size: float, precision: int = 3) -> str:
    """Docker's ``units.HumanSizeWithPrecision(size, precision)``: ``1.98MB``, ``0B``."""
    i = 0
    while size >= 1000 and i < len(_SIZE_UNITS) - 1:
        size /= 1000
        i += 1
    return f"{size:.{precision}g}{_SIZE_UNITS[i]}"


def parse_time(value: object) -> datetime | None:
    """An RFC 3339 timestamp (nanoseconds allowed) as an aware UTC datetime (to the
    microsecond), or None."""
    from builder.gotime import rfc3339_ns

    ns = rfc3339_ns(value) if isinstance(value, str) else None
    if ns is None:
        return None
    try:
        return datetime(1970, 1, 1, tzinfo=UTC) + timedelta(microseconds=ns // 1000)
    except OverflowError:  # year 0, which Go allows and datetime does not
        return None


def since(value: object, now: datetime | None = None) -> str:
    """``2 minutes ago``, or ``N/A`` without a time."""
    when = parse_time(value)
    if when is None:
        return "N/A"
    now = now or datetime.now(UTC)
    return human_duration(max(0.0, (now - when).total_seconds())) + " ago"


def short_id(digest: str) -> str:
    """The 12-hex short form of a digest."""
    return digest.removeprefix("sha256:")[:12]


def image_size(store: Store, image: Image) -> int:
    """The bytes of the image's layers as Docker counts them (:meth:`Store.layer_size`)."""
    return sum(store.layer_size(diff_id, layer)
               for diff_id, layer in zip(image.diff_ids, image.layers, strict=False))


def table(header: Sequence[str], rows: Sequence[Sequence[str]]) -> str:
    """Columns as Docker's tabwriter lays them out (min width 10, padding 3)."""
    widths = [
        max(10, max((len(r[i]) for r in [header, *rows]), default=0) + 3)
        for i in range(len(header))
    ]
    lines = []
    for row in [header, *rows]:
        cells = [cell.ljust(widths[i]) for i, cell in enumerate(row[:-1])]
        lines.append(("".join(cells) + row[-1]).rstrip())
    return "\n".join(lines)
