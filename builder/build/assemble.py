"""Turn the target stage of a finished build into an image: config, history, manifest, tags,
and the ``-o`` outputs."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any, BinaryIO

from builder.build.history import COMMENT, created_by
from builder.build.request import BuildRequest, Output, write_iidfile
from builder.errors import BuildError, OutputError
from builder.graph import BuildGraph, Stage
from builder.image import History, ImageConfig, RunConfig, commit_image, now_rfc3339
from builder.store import Image

if TYPE_CHECKING:
    from builder.build.engine import Build

DEFAULT_PATH = "PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"


def _last_change(build: Build) -> int | None:
    """When the newest step of the build was made: a build that reuses every step from the
    cache makes the same image (same ID) as the build that ran them."""
    times = [o.created for o in build.outcomes.values() if o.created]
    return int(max(times)) if times else None


def _created(build: Build, graph: BuildGraph, stage: Stage) -> str:
    """The image's ``created``: SOURCE_DATE_EPOCH, else the newest step's time, else (no
    step made a layer) the base's, so that a rebuild makes the same image ID."""
    epoch = build.settings.source_date_epoch or _last_change(build)
    if epoch is not None:
        return now_rfc3339(epoch)
    base = stage.base
    while base.kind == "stage" and base.stage is not None:
        base = graph.stages[base.stage].base
    image = build.images.get(base.ref) if base.kind == "image" else None
    created = image.config.get("created") if image is not None else None
    return created if isinstance(created, str) and created else now_rfc3339(0)


def stage_history(build: Build, graph: BuildGraph, stage: Stage, created: str) -> list[History]:
    """The history of a stage's image: its base's history, then one entry per step."""
    base = stage.base
    if base.kind == "image":
        raw = build.images[base.ref].config.get("history") or [] if base.ref in build.images else []
        history = [History.from_dict(h) for h in raw]
    elif base.kind == "stage" and base.stage is not None:
        history = stage_history(build, graph, graph.stages[base.stage], created)
    else:
        history = []
    for step in stage.steps:
        text = created_by(step)
        if text is None:
            continue
        outcome = build.outcomes.get((stage.index, step.index))
        empty = outcome is None or outcome.added is None
        history.append(History(created=created, created_by=text, comment=COMMENT,
                               empty_layer=empty))
    return history


def assemble(
    build: Build, graph: BuildGraph, stage: Stage, results: Mapping[str, Any], req: BuildRequest
) -> Image:
    """Commit the image of ``stage``, tag it, write ``--iidfile`` and the outputs."""
    from builder.reference import parse_normalized

    final = results[build.stage_final[stage.index]]
    created = _created(build, graph, stage)
    run_config: dict[str, Any] = stage.config.to_docker()
    env = list(run_config.get("Env") or [])
    if not any(e.startswith("PATH=") for e in env):
        run_config["Env"] = [DEFAULT_PATH, *env]
    if req.labels:
        run_config["Labels"] = {**(run_config.get("Labels") or {}), **req.labels}
    os_name, _, arch = stage.platform.partition("/")
    arch, _, variant = arch.partition("/")
    config = ImageConfig(
        architecture=arch or "amd64",
        os=os_name or "linux",
        variant=variant,
        created=created,
        author=stage.config.author,
        config=RunConfig.from_dict(run_config),
        diff_ids=tuple(layer.diff_id for layer in final.layers),
        history=tuple(stage_history(build, graph, stage, created)),
    )
    names = [parse_normalized(tag) for tag in req.tags]
    image = commit_image(
        build.store, config.to_bytes(), [layer.blob for layer in final.layers], names
    )
    if req.iidfile:
        write_iidfile(req.iidfile, image.id)
    for output in req.outputs:
        export(build, image, output)
    return image


def export(build: Build, image: Image, output: Output) -> None:
    """Write one ``-o`` output."""
    from builder import archive
    from builder.layers import apply_layer

    dest = Path(output.dest)
    if output.type == "local":
        try:
            dest.mkdir(parents=True, exist_ok=True)
        except FileExistsError:
            raise OutputError(f"cannot write {dest}: not a directory") from None
        except OSError as exc:
            raise OutputError(f"cannot write {dest}: {exc.strerror}") from None
        for layer, diff_id in zip(image.layers, image.diff_ids, strict=True):
            build.store.verify_layer(diff_id, layer)  # a base layer may not be checked yet
            with build.store.open_blob(layer.digest, layer.size) as blob:
                apply_layer(blob, dest)
        return
    if output.type not in ("docker", "oci", "tar"):
        raise BuildError(f"unsupported output type {output.type!r}")
    from builder.outfile import output_stream

    # a failed or killed build leaves a file as it was
    named = None if output.dest == "-" else output.dest  # "-": the standard output
    with output_stream(named, "refusing to write a tar archive to a terminal: redirect the "
                       "output or give dest=FILE") as out:
        if output.type == "tar":
            _write_rootfs_tar(build, image, out)
        else:
            archive.save(
                build.store, [archive.SaveItem(image, image.names)], out, fmt=output.type,
                compression="gzip" if output.type == "docker" else "keep",
            )  # fmt: skip


def _write_rootfs_tar(build: Build, image: Image, out: BinaryIO) -> None:
    """``type=tar``: the image's file system (its layers applied) as one plain tar."""
    import tempfile

    from builder.layers import apply_layer, changes_from_tree, write_layer
    from builder.rmtree import remove_tree

    tmp = build.root / "tmp"  # which a prune empties, should this process be killed
    tmp.mkdir(parents=True, exist_ok=True)
    rootfs = Path(tempfile.mkdtemp(prefix="tar-output-", dir=tmp))
    try:
        for layer, diff_id in zip(image.layers, image.diff_ids, strict=True):
            build.store.verify_layer(diff_id, layer)
            with build.store.open_blob(layer.digest, layer.size) as blob:
                apply_layer(blob, rootfs)
        write_layer(changes_from_tree(rootfs), out, compression="none")
    finally:
        remove_tree(rootfs)
