"""The ``build`` flags (one table for click and the fast entry) and the request they make."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from builder.cli.fastargs import Flag, parse
from builder.errors import FlagError

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

    from builder.build import BuildRequest, CacheExport, CacheImport, Output
    from builder.settings import Settings

BUILD_FLAGS: tuple[Flag, ...] = (
    Flag(("-t", "--tag"), "tags", "multi", (), "Name and tag the image (repeatable)."),
    Flag(("-f", "--file"), "dockerfile", "str", None, "The Dockerfile (- for stdin)."),
    Flag(("--build-arg",), "build_args", "multi", (), "Set a build arg (KEY=VALUE)."),
    Flag(("--target",), "target", "str", "", "Build this stage."),
    Flag(("--all-stages",), "all_stages", "flag", False,
         "Build every stage, not only those the target needs."),
    Flag(("--no-cache",), "no_cache", "flag", False, "Do not use the build cache."),
    Flag(("--pull",), "pull", "flag", False,
         "Always check the registry for newer base images."),
    Flag(("--no-cache-filter",), "no_cache_filter", "multi", (),
         "Do not use the cache for these stages."),
    Flag(("--jobs",), "jobs", "posint", None, "Steps run at once."),
    Flag(("--progress",), "progress", "choice", "auto",
         choices=("auto", "tty", "plain", "json", "quiet"), show_default=True),
    Flag(("--iidfile",), "iidfile", "str", None, "Write the image ID to this file."),
    Flag(("--label",), "labels", "multi", (), "Set an image label (KEY=VALUE)."),
    Flag(("--network",), "network", "choice", "default", "Network for RUN steps.",
         choices=("default", "none", "host")),
    Flag(("--secret",), "secrets", "multi", (), "id=ID,src=PATH for RUN --mount=type=secret."),
    Flag(("-o", "--output"), "outputs", "multi", (),
         "type=docker|oci|tar,dest=FILE (-: stdout) or type=local,dest=DIR; "
         "PATH alone: type=local, - alone: type=tar to stdout."),
    Flag(("-q", "--quiet"), "quiet", "flag", False, "Print only the image ID."),
    Flag(("--runtime",), "runtime", "choice", "native", "How RUN steps are isolated.",
         choices=("native", "runc"), show_default=True),
    Flag(("--snapshotter",), "snapshotter", "choice", "auto",
         choices=("auto", "overlay", "copy"), show_default=True),
    Flag(("--cache-to",), "cache_to", "multi", (),
         "Export the build cache: type=local,dest=DIR[,mode=min|max][,mounts=true]."),
    Flag(("--cache-from",), "cache_from", "multi", (),
         "Use an exported build cache: type=local,src=DIR (repeatable)."),
    Flag(("--cache-keep-storage",), "cache_keep_storage", "str", None,
         "Prune the build cache to SIZE after the build, least recently used first "
         "(default: $DOCKYARD_CACHE_KEEP_STORAGE or 10GB; 0: no pruning).", metavar="SIZE"),
)


def parse_build(args: list[str]) -> dict[str, Any] | None:
    """``build``'s arguments (``[FLAGS...] [CONTEXT]``) as click reads them, or None."""
    parsed = parse(args, BUILD_FLAGS, interspersed=True)
    if parsed is None or len(parsed[1]) > 1:
        return None
    kw, positional = parsed
    kw["context"] = positional[0] if positional else "."
    return kw


def run_build(request: BuildRequest, kw: dict[str, Any], settings: Settings) -> None:
    """Build ``request`` (made by :func:`request_of` from the parsed flags ``kw``); ``-q``
    prints the image ID.

    The process collects no garbage: a build allocates an object or more per context file
    and frees them at its end, so each full collection walked them all (for 20,000 files,
    ~0.1 s of a one-file-change rebuild went to collections), and what a build leaves in
    cycles is freed when the process exits."""
    import gc

    from builder.build import build
    from builder.cli.entry import stop_on_termination
    from builder.progress import make_reporter

    gc.disable()
    stop_on_termination()

    if request.iidfile:  # as docker build: a failed build leaves no stale ID behind
        try:
            os.unlink(request.iidfile)
        except FileNotFoundError:
            pass
        except OSError as err:
            raise FlagError(f"cannot remove {request.iidfile}: {err.strerror}") from None
    reporter = make_reporter("quiet" if kw["quiet"] else kw["progress"])
    result = build(request, settings, reporter)
    if kw["quiet"]:
        sys.stdout.write(result.image_id + "\n")


def request_of(kw: dict[str, Any]) -> BuildRequest:
    """The build request of the parsed flags; a bad value raises :class:`FlagError`."""
    from builder.build import BuildRequest
    from builder.errors import ReferenceFormatError
    from builder.reference import parse_normalized

    for tag in kw["tags"]:  # reject bad names before any work
        if parse_normalized(tag).digest is not None:  # as Docker's builder
            raise ReferenceFormatError(f"invalid tag {tag!r}: build tag cannot contain a digest")
    context, dockerfile = kw["context"], kw["dockerfile"]
    iidfile = kw["iidfile"]
    if iidfile and not os.path.isdir(os.path.dirname(iidfile) or "."):
        # checked before any work: the ID is written only once the image is made
        raise FlagError(f"invalid --iidfile {iidfile!r}: no directory "
                        f"{os.path.dirname(iidfile)!r} to write it in")
    outputs = _outputs(kw["outputs"])
    if kw["quiet"] and any(o.dest == "-" for o in outputs):
        raise FlagError("-q prints the image ID on the standard output, where an --output "
                        "goes: use --iidfile")
    return BuildRequest(
        context=context,
        dockerfile=dockerfile,
        tags=kw["tags"],
        build_args=_pairs(kw["build_args"], "--build-arg", from_env=True),
        target=kw["target"],
        all_stages=kw["all_stages"],
        no_cache=kw["no_cache"],
        pull=kw["pull"],
        no_cache_filter=kw["no_cache_filter"],
        jobs=kw["jobs"],
        labels=_pairs(kw["labels"], "--label"),
        network=kw["network"],
        secrets=_secrets(kw["secrets"]),
        outputs=outputs,
        iidfile=iidfile,
        runtime=kw["runtime"],
        snapshotter=kw["snapshotter"],
        cache_to=_cache_to(kw["cache_to"]),
        cache_from=_cache_from(kw["cache_from"]),
        cache_keep_storage=_keep_storage(kw["cache_keep_storage"]),
        stdin=sys.stdin.buffer if "-" in (context, dockerfile) else None,
    )


def _pairs(values: tuple[str, ...], what: str, from_env: bool = False) -> dict[str, str]:
    out: dict[str, str] = {}
    for value in values:
        key, sep, val = value.partition("=")
        if not key:
            raise FlagError(f"invalid {what} {value!r}: expected KEY=VALUE")
        if not sep:
            if not from_env:
                raise FlagError(f"invalid {what} {value!r}: expected KEY=VALUE")
            if key not in os.environ:
                continue  # as Docker: an unset variable passes nothing
            val = os.environ[key]
        out[key] = val
    return out


def _fields(value: str, what: str) -> dict[str, str]:
    import csv

    try:
        items = next(csv.reader([value]))
    except (csv.Error, StopIteration):
        raise FlagError(f"invalid {what} {value!r}") from None
    out = {}
    for item in items:
        key, sep, val = item.partition("=")
        if not sep:
            raise FlagError(f"invalid {what} field {item!r}: expected key=value")
        out[key.strip().lower()] = val
    return out


def _outputs(values: tuple[str, ...]) -> tuple[Output, ...]:
    from builder.build import Output

    outs = []
    for value in values:
        if value == "-":  # as buildx: the file system as a tar, on the standard output
            outs.append(Output("tar", "-"))
            continue
        if "=" not in value:
            outs.append(Output("local", value))
            continue
        f = _fields(value, "--output")
        kind = f.get("type", "local")
        if kind not in ("docker", "oci", "local", "tar"):
            raise FlagError(f"unsupported output type {kind!r} (docker, oci, local, tar)")
        if not f.get("dest"):
            raise FlagError(f"--output type={kind} needs dest=PATH")
        if kind == "local" and f["dest"] == "-":
            raise FlagError("--output type=local needs a directory: dest=- is for a tar, "
                            "docker or oci output")
        outs.append(Output(kind, f["dest"]))  # type: ignore[arg-type]
    if sum(o.dest == "-" for o in outs) > 1:
        raise FlagError("only one --output can go to the standard output")
    return tuple(outs)


def _local_cache(value: str, flag: str, path_key: str, extra: set[str]) -> dict[str, str]:
    """The fields of a ``type=local`` cache flag: ``path_key`` given, no unknown field."""
    f = _fields(value, flag)
    if f.get("type", "local") != "local":
        raise FlagError(f"unsupported cache type {f['type']!r} (local)")
    if not f.get(path_key):
        raise FlagError(f"{flag} type=local needs {path_key}=DIR")
    unknown = set(f) - {"type", path_key, *extra}
    if unknown:
        raise FlagError(f"unknown {flag} field {sorted(unknown)[0]!r}")
    return f


def _cache_to(values: tuple[str, ...]) -> tuple[CacheExport, ...]:
    from builder.build import CacheExport

    out = []
    for value in values:
        f = _local_cache(value, "--cache-to", "dest", {"mode", "mounts"})
        mode = f.get("mode", "min")
        if mode not in ("min", "max"):
            raise FlagError(f"invalid --cache-to mode {mode!r} (min, max)")
        mounts = f.get("mounts", "false").lower()
        if mounts not in ("true", "false"):
            raise FlagError(f"invalid --cache-to mounts {mounts!r} (true, false)")
        out.append(CacheExport(Path(f["dest"]), mode, mounts == "true"))  # type: ignore[arg-type]
    return tuple(out)


def _cache_from(values: tuple[str, ...]) -> tuple[CacheImport, ...]:
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
        raise FlagError(err.message) from None


def _secrets(values: tuple[str, ...]) -> dict[str, Path]:
    out = {}
    for value in values:
        f = _fields(value, "--secret")
        ident = f.get("id")
        src = f.get("src") or f.get("source")
        if not ident or not src:
            raise FlagError(f"invalid --secret {value!r}: expected id=ID,src=PATH")
        out[ident] = Path(src)
    return out
