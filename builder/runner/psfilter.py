"""``ps`` filters (``-f KEY=VALUE``), ``-n`` and ``-a`` as Docker 20.10's daemon applies them.

A key given twice matches either value, different keys must all match (``label`` is the
exception: every ``label`` value must match). ``id`` and ``name`` first narrow the candidates
(an ``id`` is a unique ID prefix, a ``name`` a regular expression searched in the name with
and without its leading ``/``); the rest is decided container by container, newest first.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence

from builder.errors import ContainerError, FlagError
from builder.filterargs import FilterError, Filters, labels_match, parse_filters
from builder.runner.container import ZERO_TIME, Container

ACCEPTED = frozenset({
    "ancestor", "before", "exited", "expose", "health", "id", "is-task", "isolation", "label",
    "name", "network", "publish", "since", "status", "volume",
})
STATES = ("created", "restarting", "running", "removing", "paused", "exited", "dead")
HEALTH = ("starting", "healthy", "unhealthy", "none")
_INT = re.compile(r"[+-]?[0-9]+")
_GO_INT_MAX = 2**63 - 1


def parse(items: Iterable[str]) -> Filters:
    """``KEY=VALUE`` items (blanks around both trimmed, the key lower-cased, an empty item
    skipped) as values by key, in the given order; a FlagError for an item without ``=``, a
    ContainerError for an unknown key."""
    try:
        fields = parse_filters(item for item in items if item)
    except FilterError as err:
        raise FlagError(err.message) from None
    for key in fields:
        if key not in ACCEPTED:
            raise ContainerError(f"Invalid filter '{key}'")
    return fields


def state_of(c: Container) -> str:
    """Docker's state word of ``c`` (a container being started still reads *created*)."""
    status = str(c.state.get("Status") or "created")
    return "created" if status == "starting" else status


def name_matches(patterns: Sequence[str], name: str) -> bool:
    """Docker's ``Match``: a pattern equal to, or a regular expression found in, ``/NAME`` or
    ``NAME`` (an invalid expression matches nothing)."""
    for pattern in patterns:
        for source in (f"/{name}", name):
            if pattern == source:
                return True
            try:
                if re.search(pattern, source):
                    return True
            except re.error:
                continue
    return False


def unique_prefix(containers: Sequence[Container], prefix: str) -> str | None:
    """The ID that alone starts with ``prefix`` (None when none, several or empty)."""
    if not prefix:
        return None
    found = {c.id for c in containers if c.id.startswith(prefix)}
    return found.pop() if len(found) == 1 else None


def by_id_or_name(containers: Sequence[Container], ref: str) -> Container:
    """The container of full ID or name ``ref`` (``before``/``since``), as Docker finds it."""
    for c in containers:
        if c.id == ref:
            return c
    for c in containers:
        if c.name == ref.removeprefix("/"):
            return c
    raise ContainerError(f"no such container {ref}".rstrip())


def exit_code(value: str) -> int:
    """``exited=VALUE`` as Go's ``strconv.Atoi`` reads it, with its errors."""
    if not _INT.fullmatch(value):
        raise ContainerError(f'strconv.Atoi: parsing "{value}": invalid syntax')
    code = int(value)
    if not -_GO_INT_MAX - 1 <= code <= _GO_INT_MAX:
        raise ContainerError(f'strconv.Atoi: parsing "{value}": value out of range')
    return code


def _mounted(c: Container, volumes: Sequence[str]) -> bool:
    mounts = c.config.get("Mounts") or []
    places = {m.get("Destination") for m in mounts} | {m.get("Name") or m.get("Source")
                                                        for m in mounts}
    return any(v in places for v in volumes)


def _on_network(c: Container, networks: Sequence[str]) -> bool:
    mode = str(c.config.get("HostConfig", {}).get("NetworkMode") or "none")
    # the one endpoint has no network ID: only an empty prefix matches it
    return any(v == mode or v == "" for v in networks)


class Selection:
    """The checked filters and flags of one ``ps``, resolved against ``containers``."""

    def __init__(self, containers: Sequence[Container], fields: Filters, show_all: bool = False,
                 last: int = 0, image_id: Callable[[str], str | None] | None = None) -> None:
        self.fields = fields
        self.exited = [exit_code(v) for v in fields.get("exited", [])]
        for value in fields.get("status", []):
            if value not in STATES:
                raise ContainerError(f"Invalid filter 'status={value}'")
        for value in fields.get("health", []):
            if value not in HEALTH:
                raise ContainerError(f"Unrecognised filter value for health: {value}")
        # Docker keeps one of several values (in its map's order): the last one given here
        self.before = by_id_or_name(containers, fields["before"][-1]) if "before" in fields \
            else None
        self.since = by_id_or_name(containers, fields["since"][-1]) if "since" in fields \
            else None
        tasks = fields.get("is-task", [])
        if tasks and "true" not in tasks and "false" not in tasks:
            raise ContainerError(f"Invalid filter 'is-task=[{' '.join(tasks)}]'")
        self.task_only = "true" in tasks
        self.show_all = show_all or "status" in fields
        self.last = last
        self.ids = {i for i in (unique_prefix(containers, v) for v in fields.get("id", []))
                    if i is not None}
        self.images: set[str] = set()
        if "ancestor" in fields and image_id is not None:
            found = (image_id(v) for v in fields["ancestor"])
            self.images = {i for i in found if i is not None}

    def candidates(self, containers: Sequence[Container]) -> list[Container]:
        """``containers`` narrowed by ``id`` (then ``name``) as Docker does before its walk."""
        names = self.fields.get("name", [])
        if "id" in self.fields:
            return [c for c in containers if c.id in self.ids]
        if names:
            return [c for c in containers if name_matches(names, c.name)]
        return list(containers)

    def select(self, containers: Sequence[Container]) -> list[Container]:
        """The containers listed, from ``containers`` newest first."""
        shown: list[Container] = []
        before = self.before
        for c in self.candidates(containers):
            if before is not None:
                if c.id == before.id:
                    before = None
                continue
            if self.since is not None and c.id == self.since.id:
                break
            if not c.running and not self.show_all and self.last <= 0:
                continue
            if not self._named(c):
                continue
            if self.last > 0 and len(shown) == self.last:
                break
            if self._matches(c):
                shown.append(c)
        return shown

    def _named(self, c: Container) -> bool:
        f = self.fields
        if "name" in f and not name_matches(f["name"], c.name):
            return False
        if "id" in f and c.id not in self.ids:
            return False
        if "label" in f and not labels_match(
                f["label"], c.config.get("Config", {}).get("Labels") or {}):
            return False
        return "isolation" not in f or name_matches(f["isolation"], "default")

    def _matches(self, c: Container) -> bool:
        f = self.fields
        state = state_of(c)
        if self.exited and not (
                state != "running" and c.state.get("StartedAt", ZERO_TIME) != ZERO_TIME
                and c.state.get("ExitCode", 0) in self.exited):
            return False
        if "status" in f and state not in f["status"]:
            return False
        if "health" in f and "none" not in f["health"]:  # no container has a health check
            return False
        if "volume" in f and not _mounted(c, f["volume"]):
            return False
        if "ancestor" in f and c.config.get("Image") not in self.images:
            return False
        if "network" in f and not _on_network(c, f["network"]):
            return False
        if "publish" in f or "expose" in f:  # no container publishes or exposes a port
            return False
        return not self.task_only
