"""``commit``: a container's changes as a new layer on its image, with its run config."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from builder.errors import ContainerError
from builder.runner.container import Container


def commit(root: Path, c: Container, ref: str | None, message: str = "",
           author: str = "") -> Any:
    """Commit ``c``'s file system changes; returns the new image (tagged ``ref``)."""
    from builder.image import History, ImageConfig, RunConfig, commit_image, now_rfc3339
    from builder.reference import parse_normalized
    from builder.store import Store

    store = Store(root)
    names = [parse_normalized(ref)] if ref else []
    base = next((i for i in store.images() if i.id == c.config["Image"]), None)
    if base is None:
        raise ContainerError(f"the image of container {c.name} ({c.config['Image']}) is gone")
    lowers = [Path(p) for p in c.config.get("LowerDirs") or []]
    if c.config.get("Snapshot") == "overlay":
        from builder.snapshot.upper import upper_changes

        changes = upper_changes(Path(c.dir) / "upper", lowers)
    else:
        from builder.snapshot.tree import compare, merged

        rootfs = str((Path(c.dir) / "rootfs").resolve())
        changes = compare(rootfs, merged(lowers) if lowers else None)
    cfg = c.config["Config"]
    old = ImageConfig.from_bytes(base.config_bytes)
    run = RunConfig.from_dict({**old.config.to_dict(), **{
        "Env": cfg.get("Env"), "Cmd": cfg.get("Cmd"), "Entrypoint": cfg.get("Entrypoint"),
        "WorkingDir": cfg.get("WorkingDir"), "User": cfg.get("User"),
    }})
    created = now_rfc3339()
    command = " ".join([c.config["Path"], *c.config["Args"]])
    with store.session():
        layers = list(base.layers)
        config = ImageConfig(
            architecture=old.architecture, os=old.os, variant=old.variant, created=created,
            author=author or old.author, config=run, diff_ids=old.diff_ids,
            history=old.history,
            # the image's comment is the commit's message, as Docker's (the parent's goes)
            extra={**{k: v for k, v in old.extra.items() if k != "comment"},
                   **({"comment": message} if message else {})},
        )
        history = History(created=created, created_by=command, comment=message,
                          author=author, empty_layer=not changes)
        if changes:
            record = store.commit_layer(changes)
            config = config.with_layer(record.diff_id, history)
            layers.append(record.descriptor)
        else:
            config = config.replace(history=(*config.history, history))
        return commit_image(store, config.to_bytes(), layers, names,
                            check_history=bool(old.history))
