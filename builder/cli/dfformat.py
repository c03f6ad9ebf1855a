"""``system df``'s output as Docker 20.10's client writes it: the summary table (or a
template run on each of its rows), and with ``-v`` the sections of images, containers,
volumes and build cache records (or a template run once on all of them)."""

from __future__ import annotations

import time
from datetime import UTC, datetime

from builder.cli.imagefmt import human_size, parse_time, short_id, since
from builder.diskusage import (
    CacheUsage,
    ContainerUsage,
    DiskUsage,
    ImageUsage,
    Summary,
    VolumeUsage,
)
from builder.gotemplate import Method, Struct
from builder.units import human_duration

SUMMARY_TABLE = r"table {{.Type}}\t{{.TotalCount}}\t{{.Active}}\t{{.Size}}\t{{.Reclaimable}}"
SUMMARY_HEADERS = {"Type": "TYPE", "TotalCount": "TOTAL", "Active": "ACTIVE", "Size": "SIZE",
                   "Reclaimable": "RECLAIMABLE"}
_SUMMARY_RAW = ("type: {{.Type}}\ntotal: {{.TotalCount}}\nactive: {{.Active}}\n"
                "size: {{.Size}}\nreclaimable: {{.Reclaimable}}\n")
_SUMMARY_TYPES = {"Images": "*formatter.diskUsageImagesContext",
                  "Containers": "*formatter.diskUsageContainersContext",
                  "Local Volumes": "*formatter.diskUsageVolumesContext",
                  "Build Cache": "*formatter.diskUsageBuilderContext"}

_IMAGES_TABLE = (r"table {{.Repository}}\t{{.Tag}}\t{{.ID}}\t{{.CreatedSince}}\t{{.VirtualSize}}"
                 r"\t{{.SharedSize}}\t{{.UniqueSize}}\t{{.Containers}}")
_CONTAINERS_TABLE = (r"table {{.ID}}\t{{.Image}}\t{{.Command}}\t{{.LocalVolumes}}\t{{.Size}}"
                     r"\t{{.RunningFor}}\t{{.Status}}\t{{.Names}}")
_VOLUMES_TABLE = r"table {{.Name}}\t{{.Links}}\t{{.Size}}"
_CACHE_TABLE = (r"table {{.ID}}\t{{.CacheType}}\t{{.Size}}\t{{.CreatedSince}}"
                r"\t{{.LastUsedSince}}\t{{.UsageCount}}\t{{.Shared}}")
VOLUME_HEADERS = {"Name": "VOLUME NAME", "Driver": "DRIVER", "Scope": "SCOPE",
                  "Mountpoint": "MOUNTPOINT", "Labels": "LABELS", "Links": "LINKS",
                  "Size": "SIZE"}
CACHE_HEADERS = {"ID": "CACHE ID", "Parent": "PARENT", "CacheType": "CACHE TYPE",
                 "Size": "SIZE", "CreatedSince": "CREATED", "LastUsedSince": "LAST USED",
                 "UsageCount": "USAGE", "InUse": "IN USE", "Shared": "SHARED",
                 "Description": "DESCRIPTION"}

# ``-v --format raw``: each section's raw format, as Docker's client puts them together
_VERBOSE_RAW = """{{range .Images}}type: Image
repository: {{ .Repository }}
tag: {{.Tag}}
digest: {{.Digest}}
image_id: {{.ID}}
created_at: {{.CreatedAt}}
virtual_size: {{.Size}}

{{end -}}
{{range .Containers}}type: Container
container_id: {{.ID}}
image: {{.Image}}
command: {{.Command}}
created_at: {{.CreatedAt}}
state: {{- pad .State 1 0}}
status: {{- pad .Status 1 0}}
names: {{.Names}}
labels: {{- pad .Labels 1 0}}
ports: {{- pad .Ports 1 0}}
size: {{.Size}}\\n
{{end -}}
{{range .Volumes}}type: Volume
name: {{.Name}}\\ndriver: {{.Driver}}\\n
{{end -}}
{{range .BuildCache}}type: Build Cache
build_cache_id: {{.ID}}
parent_id: {{.Parent}}
build_cache_type: {{.CacheType}}
description: {{.Description}}
created_at: {{.CreatedAt}}
created_since: {{.CreatedSince}}
last_used_at: {{.LastUsedAt}}
last_used_since: {{.LastUsedSince}}
usage_count: {{.UsageCount}}
in_use: {{.InUse}}
shared: {{.Shared}}

{{end -}}"""


def human(size: int) -> str:
    """Docker's ``units.HumanSize``: four significant digits (``1.985MB``)."""
    return human_size(size, 4)


def reclaimable_text(s: Summary) -> str:
    """``1.2MB (45%)``: the bytes, and their share of the size when there is one."""
    if s.percent and s.size > 0:
        return f"{human(s.reclaimable)} ({s.reclaimable * 100 // s.size}%)"
    return human(s.reclaimable)


def summary_row(kind: str, s: Summary) -> Struct:
    """A summary row as Docker's ``diskUsage*Context`` (its fields in JSON's order)."""
    return Struct({"Active": str(s.active), "Reclaimable": reclaimable_text(s),
                   "Size": human(s.size), "TotalCount": str(s.total), "Type": kind},
                  _SUMMARY_TYPES.get(kind, ""))


def _unix_time(seconds: float) -> str:
    """Go's ``time.Time.String()`` in UTC: ``2024-01-02 03:04:05.5 +0000 UTC``."""
    when = datetime.fromtimestamp(seconds, UTC)
    fraction = f".{when.microsecond:06d}".rstrip("0").rstrip(".")
    return when.strftime("%Y-%m-%d %H:%M:%S") + fraction + " +0000 UTC"


def image_row(u: ImageUsage, trunc: bool) -> Struct:
    """An image as Docker's imageContext in ``system df -v``: its first tag only."""
    tagged = [n for n in sorted(u.image.names, key=str) if n.tag is not None]
    repo, tag = (tagged[0].familiar_name, str(tagged[0].tag)) if tagged else ("<none>",
                                                                              "<none>")
    created = u.image.config.get("created")
    when = parse_time(created)
    return Struct({
        "Containers": str(u.containers),
        "CreatedAt": when.strftime("%Y-%m-%d %H:%M:%S +0000 UTC") if when else "",
        "CreatedSince": since(created),
        "Digest": "",
        "ID": short_id(u.image.id) if trunc else u.image.id,
        "Repository": repo,
        "SharedSize": human(u.shared),
        "Size": human_size(u.size),
        "Tag": tag,
        "UniqueSize": human(u.unique),
        "VirtualSize": human(u.size),
    }, "*formatter.imageContext")


def _cut(text: str, width: int, trunc: bool) -> str:
    return text[:width - 1] + "…" if trunc and len(text) > width else text


def container_row(u: ContainerUsage, trunc: bool) -> Struct:
    """A container as Docker's ContainerContext in ``system df -v``: its writable layer's
    size only."""
    from builder.cli.ps import command_text, size_text, status_text
    from builder.runner.container import parse_time as container_time

    c = u.container
    created = container_time(c.config.get("Created", ""))
    labels: dict[str, str] = c.config.get("Config", {}).get("Labels") or {}
    mounts = c.config.get("Mounts") or []
    return Struct({
        "Command": command_text(c.config, trunc),
        "CreatedAt": time.strftime("%Y-%m-%d %H:%M:%S +0000 UTC", time.gmtime(created)),
        "ID": c.id[:12] if trunc else c.id,
        "Image": c.config.get("ImageRef", ""),
        "Labels": ",".join(f"{k}={v}" for k, v in labels.items()),
        "LocalVolumes": str(sum(m.get("Type") == "volume" for m in mounts)),
        "Mounts": ",".join(_cut(str(m.get("Name") or m.get("Source")), 15, trunc)
                           for m in mounts),
        "Names": c.name,
        "Networks": c.config.get("HostConfig", {}).get("NetworkMode", ""),
        "Ports": "",
        "RunningFor": human_duration(time.time() - created) + " ago",
        "Size": size_text(u.size, 0),
        "State": str(c.state.get("Status", "")),
        "Status": status_text(c.state),
    }, "*formatter.ContainerContext",
        {"Label": Method(lambda name: labels.get(name, ""), ("string",))})


def volume_row(v: VolumeUsage) -> Struct:
    """A volume as Docker's volumeContext."""
    return Struct({"Driver": "local", "Labels": "", "Links": str(v.links),
                   "Mountpoint": v.path, "Name": v.name, "Scope": "local",
                   "Size": human(v.size)}, "*formatter.volumeContext",
                  {"Label": Method(lambda name: "", ("string",))})


def cache_row(u: CacheUsage, trunc: bool) -> Struct:
    """A build cache record as Docker's buildCacheContext of a BuildKit record: never in
    use, used once by the build that made it and once by each hit since."""
    r = u.record
    now = time.time()
    key = r.key.partition(":")[2][:12] if trunc else r.key
    return Struct({
        "CacheType": "regular",
        "CreatedAt": _unix_time(r.created),
        "CreatedSince": human_duration(max(0.0, now - r.created)) + " ago",
        "Description": r.instruction,
        "ID": key,
        "InUse": "false",
        "LastUsedAt": _unix_time(r.last_used),
        "LastUsedSince": human_duration(max(0.0, now - r.last_used)) + " ago",
        "Parent": "",
        "Shared": "true" if u.shared else "false",
        "Size": human_size(u.size),
        "UsageCount": str(r.hits + 1),
    }, "*formatter.buildCacheContext")


def summary(usage: DiskUsage, fmt: str) -> str:
    """``system df [--format F]``: the table, or a template run on each row (no final
    newline). Raises TemplateError in Docker's words."""
    from builder.cli.listformat import render
    from builder.errors import TemplateError

    if fmt in ("", "table"):
        fmt = SUMMARY_TABLE
    elif fmt == "raw":
        fmt = _SUMMARY_RAW
    elif fmt == "json":  # as Docker 23's client; 20.10's prints "json" on each row
        fmt = "{{json .}}"
    rows = [summary_row(kind, s) for kind, s in usage.summary()]
    try:
        return render(fmt, rows, SUMMARY_HEADERS, "")
    except TemplateError as err:
        raise TemplateError(f"template parsing error: {err}", err.parsing) from None


def verbose(usage: DiskUsage, fmt: str) -> str:
    """``system df -v [--format F]``: Docker's sections, then the store's own rows; or a
    template run once on ``.Images``, ``.Containers``, ``.Volumes`` and ``.BuildCache``
    (without a final newline, as Docker writes it)."""
    if fmt in ("", "table"):
        return _sections(usage)
    from builder.errors import TemplateError
    from builder.gotemplate import parse

    if fmt == "raw":
        fmt = _VERBOSE_RAW
    elif fmt == "json":  # as Docker 23's client
        fmt = "{{json .}}"
    trunc = fmt.startswith("table")
    source = fmt[len("table"):] if trunc else fmt
    source = source.strip(" ").replace("\\t", "\t").replace("\\n", "\n")
    try:
        template = parse(source)
    except TemplateError as err:
        raise TemplateError(f"template parsing error: {err}", err.parsing) from None
    return template.execute(Struct({
        "Images": [image_row(u, trunc) for u in usage.images],
        "Containers": [container_row(u, trunc) for u in usage.containers],
        "Volumes": [volume_row(v) for v in usage.volumes],
        "BuildCache": [cache_row(u, trunc) for u in usage.cache],
    }, "*formatter.diskUsageContext"))


def _sections(usage: DiskUsage) -> str:
    from builder.cli.images import HEADERS as IMAGE_HEADERS
    from builder.cli.listformat import render
    from builder.cli.ps import HEADERS as CONTAINER_HEADERS
    from builder.diskusage import cache_size

    parts = [
        "Images space usage:\n\n",
        render(_IMAGES_TABLE, [image_row(u, True) for u in usage.images], IMAGE_HEADERS, ""),
        "\n\nContainers space usage:\n\n",
        render(_CONTAINERS_TABLE, [container_row(u, True) for u in usage.containers],
               CONTAINER_HEADERS, ""),
        "\n\nLocal Volumes space usage:\n\n",
        render(_VOLUMES_TABLE, [volume_row(v) for v in usage.volumes], VOLUME_HEADERS, ""),
        f"\n\nBuild cache usage: {human(cache_size(usage.cache))}\n\n",
        render(_CACHE_TABLE, [cache_row(u, True) for u in usage.cache], CACHE_HEADERS, ""),
        "\n\nStore space usage (blobs and unpacked layers on disk):\n\n",
        render(SUMMARY_TABLE, [summary_row("Blobs", usage.blobs),
                               summary_row("Unpacked layers", usage.unpacked)],
               SUMMARY_HEADERS, ""),
    ]
    return "".join(parts)
