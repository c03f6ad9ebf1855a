"""``dockyard build``: build an image from a Dockerfile."""

from __future__ import annotations

import csv
import os
import sys
from pathlib import Path

import click

from builder.settings import Settings


def _pairs(values: tuple[str, ...], what: str, from_env: bool = False) -> dict[str, str]:
    out: dict[str, str] = {}
    for value in values:
        key, sep, val = value.partition("=")
        if not key:
            raise click.BadParameter(f"invalid {what} {value!r}: expected KEY=VALUE")
        if not sep:
            if not from_env:
                raise click.BadParameter(f"invalid {what} {value!r}: expected KEY=VALUE")
            if key not in os.environ:
                continue  # as Docker: an unset variable passes nothing
            val = os.environ[key]
        out[key] = val
    return out


def _fields(value: str, what: str) -> dict[str, str]:
    try:
        items = next(csv.reader([value]))
    except (csv.Error, StopIteration):
        raise click.BadParameter(f"invalid {what} {value!r}") from None
    out = {}
    for item in items:
        key, sep, val = item.partition("=")
        if not sep:
            raise click.BadParameter(f"invalid {what} field {item!r}: expected key=value")
        out[key.strip().lower()] = val
    return out


def _outputs(values: tuple[str, ...]) -> tuple[object, ...]:
    from builder.build import Output

    outs = []
    for value in values:
        if "=" not in value:
            outs.append(Output("local", value))
            continue
        f = _fields(value, "--output")
        kind = f.get("type", "local")
        if kind not in ("docker", "oci", "local"):
            raise click.BadParameter(f"unsupported output type {kind!r} (docker, oci, local)")
        if not f.get("dest"):
            raise click.BadParameter(f"--output type={kind} needs dest=PATH")
        outs.append(Output(kind, f["dest"]))  # type: ignore[arg-type]
    return tuple(outs)


def _local_cache(value: str, flag: str, path_key: str, extra: set[str]) -> dict[str, str]:
    """The fields of a ``type=local`` cache flag: ``path_key`` given, no unknown field."""
    f = _fields(value, flag)
    if f.get("type", "local") != "local":
        raise click.BadParameter(f"unsupported cache type {f['type']!r} (local)")
    if not f.get(path_key):
        raise click.BadParameter(f"{flag} type=local needs {path_key}=DIR")
    unknown = set(f) - {"type", path_key, *extra}
    if unknown:
        raise click.BadParameter(f"unknown {flag} field {sorted(unknown)[0]!r}")
    return f


def _cache_to(values: tuple[str, ...]) -> tuple[object, ...]:
    from builder.build import CacheExport

    out = []
    for value in values:
        f = _local_cache(value, "--cache-to", "dest", {"mode", "mounts"})
        mode = f.get("mode", "min")
        if mode not in ("min", "max"):
            raise click.BadParameter(f"invalid --cache-to mode {mode!r} (min, max)")
        mounts = f.get("mounts", "false").lower()
        if mounts not in ("true", "false"):
            raise click.BadParameter(f"invalid --cache-to mounts {mounts!r} (true, false)")
        out.append(CacheExport(Path(f["dest"]), mode, mounts == "true"))  # type: ignore[arg-type]
    return tuple(out)


def _cache_from(values: tuple[str, ...]) -> tuple[object, ...]:
    from builder.build import CacheImport

    out = []
    for value in values:
        f = _local_cache(value, "--cache-from", "src", set())
        out.append(CacheImport(Path(f["src"])))
    return tuple(out)


def _keep_storage(value: str | None) -> int | None:
    if value is None:
        return None
    from builder.errors import DockyardError
    from builder.units import parse_size

    try:
        return parse_size(value)
    except DockyardError as err:
        raise click.BadParameter(err.message) from None


def _secrets(values: tuple[str, ...]) -> dict[str, Path]:
    out = {}
    for value in values:
        f = _fields(value, "--secret")
        ident = f.get("id")
        src = f.get("src") or f.get("source")
        if not ident or not src:
            raise click.BadParameter(f"invalid --secret {value!r}: expected id=ID,src=PATH")
        out[ident] = Path(src)
    return out


@click.command()
@click.argument("context", default=".")
@click.option("-t", "--tag", "tags", multiple=True, help="Name and tag the image (repeatable).")
@click.option("-f", "--file", "dockerfile", default=None, help="The Dockerfile (- for stdin).")
@click.option("--build-arg", "build_args", multiple=True, help="Set a build arg (KEY=VALUE).")
@click.option("--target", default="", help="Build this stage.")
@click.option(
    "--all-stages", is_flag=True, help="Build every stage, not only those the target needs."
)
@click.option("--no-cache", is_flag=True, help="Do not use the build cache.")
@click.option("--pull", is_flag=True, help="Always check the registry for newer base images.")
@click.option("--no-cache-filter", multiple=True, help="Do not use the cache for these stages.")
@click.option("--jobs", type=click.IntRange(min=1), default=None, help="Steps run at once.")
@click.option(
    "--progress",
    type=click.Choice(["auto", "tty", "plain", "json", "quiet"]),
    default="auto",
    show_default=True,
)
@click.option("--iidfile", default=None, help="Write the image ID to this file.")
@click.option("--label", "labels", multiple=True, help="Set an image label (KEY=VALUE).")
@click.option(
    "--network",
    type=click.Choice(["default", "none", "host"]),
    default="default",
    help="Network for RUN steps.",
)
@click.option(
    "--secret", "secrets", multiple=True, help="id=ID,src=PATH for RUN --mount=type=secret."
)
@click.option(
    "-o",
    "--output",
    "outputs",
    multiple=True,
    help="type=docker|oci,dest=FILE or type=local,dest=DIR.",
)
@click.option("-q", "--quiet", is_flag=True, help="Print only the image ID.")
@click.option(
    "--runtime",
    type=click.Choice(["native", "runc"]),
    default="native",
    show_default=True,
    help="How RUN steps are isolated.",
)
@click.option(
    "--snapshotter",
    type=click.Choice(["auto", "overlay", "copy"]),
    default="auto",
    show_default=True,
)
@click.option(
    "--cache-to", "cache_to", multiple=True,
    help="Export the build cache: type=local,dest=DIR[,mode=min|max][,mounts=true].",
)
@click.option(
    "--cache-from", "cache_from", multiple=True,
    help="Use an exported build cache: type=local,src=DIR (repeatable).",
)
@click.option(
    "--cache-keep-storage", default=None, metavar="SIZE",
    help="Prune the build cache to SIZE after the build, least recently used first "
    "(default: $DOCKYARD_CACHE_KEEP_STORAGE or 10GB; 0: no pruning).",
)
@click.pass_obj
def build(
    settings: Settings,
    context: str,
    tags: tuple[str, ...],
    dockerfile: str | None,
    build_args: tuple[str, ...],
    target: str,
    all_stages: bool,
    no_cache: bool,
    pull: bool,
    no_cache_filter: tuple[str, ...],
    jobs: int | None,
    progress: str,
    iidfile: str | None,
    labels: tuple[str, ...],
    network: str,
    secrets: tuple[str, ...],
    outputs: tuple[str, ...],
    quiet: bool,
    runtime: str,
    snapshotter: str,
    cache_to: tuple[str, ...],
    cache_from: tuple[str, ...],
    cache_keep_storage: str | None,
) -> None:
    """Build an image from a Dockerfile and a context directory (- for a tar on stdin)."""
    from builder.build import BuildRequest
    from builder.build import build as run_build
    from builder.progress import make_reporter
    from builder.reference import parse_normalized

    for tag in tags:
        parse_normalized(tag)  # reject bad names before any work
    request = BuildRequest(
        context=context,
        dockerfile=dockerfile,
        tags=tags,
        build_args=_pairs(build_args, "--build-arg", from_env=True),
        target=target,
        all_stages=all_stages,
        no_cache=no_cache,
        pull=pull,
        no_cache_filter=no_cache_filter,
        jobs=jobs,
        labels=_pairs(labels, "--label"),
        network=network,
        secrets=_secrets(secrets),
        outputs=_outputs(outputs),  # type: ignore[arg-type]
        iidfile=iidfile,
        runtime=runtime,  # type: ignore[arg-type]
        snapshotter=snapshotter,  # type: ignore[arg-type]
        cache_to=_cache_to(cache_to),  # type: ignore[arg-type]
        cache_from=_cache_from(cache_from),  # type: ignore[arg-type]
        cache_keep_storage=_keep_storage(cache_keep_storage),
        stdin=sys.stdin.buffer if "-" in (context, dockerfile) else None,
    )
    if iidfile:  # as docker build: a failed build leaves no stale ID behind
        try:
            Path(iidfile).unlink(missing_ok=True)
        except OSError as err:
            raise click.BadParameter(f"cannot remove {iidfile}: {err.strerror}") from None
    reporter = make_reporter("quiet" if quiet else progress)
    result = run_build(request, settings, reporter)
    if quiet:
        sys.stdout.write(result.image_id + "\n")
