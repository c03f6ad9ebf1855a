"""Image configs, manifests and indexes (OCI image-spec, Docker image spec v1.x).

A config or manifest is identified by the sha256 of its exact bytes, so these builders
serialize once (sorted keys, no whitespace) and callers keep the bytes they hashed; configs
read from elsewhere are never re-serialized.
"""

from __future__ import annotations

import hashlib
import json
import platform as _platform

from builder.descriptor import (
    MEDIA_OCI_CONFIG,
    MEDIA_OCI_INDEX,
    MEDIA_OCI_MANIFEST,
    Descriptor,
    check_digest,
)
from builder.errors import StoreError
from builder.record import Record

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Iterable, Mapping, Sequence
    from typing import Any, Final

    from builder.reference import Reference
    from builder.store import Image, Store


def _strs(value: object) -> tuple[str, ...] | None:
    if value is None:
        return None
    if isinstance(value, str):
        return (value,)
    if isinstance(value, list | tuple):
        return tuple(str(v) for v in value)
    return None


def _keys(value: object) -> tuple[str, ...]:
    return tuple(sorted(str(k) for k in value)) if isinstance(value, dict) else ()


class RunConfig(Record):
    """The ``config`` section: how a container of the image runs (Docker's field set)."""

    __slots__ = ("user", "exposed_ports", "env", "entrypoint", "cmd", "volumes", "working_dir",
                 "labels", "stop_signal", "healthcheck", "on_build", "shell", "args_escaped")
    user: Final[str]
    exposed_ports: Final[tuple[str, ...]]
    env: Final[tuple[str, ...]]
    entrypoint: Final[tuple[str, ...] | None]
    cmd: Final[tuple[str, ...] | None]
    volumes: Final[tuple[str, ...]]
    working_dir: Final[str]
    labels: Final[Mapping[str, str]]
    stop_signal: Final[str]
    healthcheck: Final[Mapping[str, Any] | None]
    on_build: Final[tuple[str, ...]]
    shell: Final[tuple[str, ...]]
    args_escaped: Final[bool]

    def __init__(
        self,
        user: str = "",
        exposed_ports: tuple[str, ...] = (),
        env: tuple[str, ...] = (),
        entrypoint: tuple[str, ...] | None = None,
        cmd: tuple[str, ...] | None = None,
        volumes: tuple[str, ...] = (),
        working_dir: str = "",
        labels: Mapping[str, str] | None = None,
        stop_signal: str = "",
        healthcheck: Mapping[str, Any] | None = None,
        on_build: tuple[str, ...] = (),
        shell: tuple[str, ...] = (),
        args_escaped: bool = False,
    ) -> None:
        self.user = user
        self.exposed_ports = exposed_ports
        self.env = env
        self.entrypoint = entrypoint
        self.cmd = cmd
        self.volumes = volumes
        self.working_dir = working_dir
        self.labels = {} if labels is None else labels
        self.stop_signal = stop_signal
        self.healthcheck = healthcheck
        self.on_build = on_build
        self.shell = shell
        self.args_escaped = args_escaped

    @classmethod
    def from_dict(cls, data: object) -> RunConfig:
        """Parse Docker's/OCI's ``config`` object leniently (unknown fields are dropped)."""
        if not isinstance(data, dict):
            return cls()
        labels = data.get("Labels")
        health = data.get("Healthcheck")
        return cls(
            user=str(data.get("User") or ""),
            exposed_ports=_keys(data.get("ExposedPorts")),
            env=_strs(data.get("Env")) or (),
            entrypoint=_strs(data.get("Entrypoint")),
            cmd=_strs(data.get("Cmd")),
            volumes=_keys(data.get("Volumes")),
            working_dir=str(data.get("WorkingDir") or ""),
            labels={str(k): str(v) for k, v in labels.items()} if isinstance(labels, dict) else {},
            stop_signal=str(data.get("StopSignal") or ""),
            healthcheck=dict(health) if isinstance(health, dict) else None,
            on_build=_strs(data.get("OnBuild")) or (),
            shell=_strs(data.get("Shell")) or (),
            args_escaped=bool(data.get("ArgsEscaped")),
        )

    def to_dict(self) -> dict[str, Any]:
        """Docker's field names; empty fields are left out."""
        out: dict[str, Any] = {}
        if self.user:
            out["User"] = self.user
        if self.exposed_ports:
            out["ExposedPorts"] = {p: {} for p in self.exposed_ports}
        if self.env:
            out["Env"] = list(self.env)
        if self.entrypoint is not None:
            out["Entrypoint"] = list(self.entrypoint)
        if self.cmd is not None:
            out["Cmd"] = list(self.cmd)
        if self.volumes:
            out["Volumes"] = {v: {} for v in self.volumes}
        if self.working_dir:
            out["WorkingDir"] = self.working_dir
        if self.labels:
            out["Labels"] = dict(self.labels)
        if self.stop_signal:
            out["StopSignal"] = self.stop_signal
        if self.healthcheck is not None:
            out["Healthcheck"] = dict(self.healthcheck)
        if self.on_build:
            out["OnBuild"] = list(self.on_build)
        if self.shell:
            out["Shell"] = list(self.shell)
        if self.args_escaped:
            out["ArgsEscaped"] = True
        return out


class History(Record):
    """One ``history`` entry; ``empty_layer`` entries have no layer."""

    __slots__ = ("created", "created_by", "author", "comment", "empty_layer")
    created: Final[str | None]
    created_by: Final[str]
    author: Final[str]
    comment: Final[str]
    empty_layer: Final[bool]

    def __init__(self, created: str | None = None, created_by: str = "", author: str = "",
                 comment: str = "", empty_layer: bool = False) -> None:
        self.created = created
        self.created_by = created_by
        self.author = author
        self.comment = comment
        self.empty_layer = empty_layer

    @classmethod
    def from_dict(cls, data: object) -> History:
        """Parse one history entry leniently."""
        if not isinstance(data, dict):
            return cls()
        created = data.get("created")
        return cls(
            created=str(created) if created else None,
            created_by=str(data.get("created_by") or ""),
            author=str(data.get("author") or ""),
            comment=str(data.get("comment") or ""),
            empty_layer=bool(data.get("empty_layer")),
        )

    def to_dict(self) -> dict[str, Any]:
        """The JSON form, empty fields left out."""
        out: dict[str, Any] = {}
        if self.created:
            out["created"] = self.created
        if self.created_by:
            out["created_by"] = self.created_by
        if self.author:
            out["author"] = self.author
        if self.comment:
            out["comment"] = self.comment
        if self.empty_layer:
            out["empty_layer"] = True
        return out


class ImageConfig(Record):
    """An image config: platform, run config, layers (diff_ids) and history.

    ``architecture`` defaults to this machine's."""

    __slots__ = ("architecture", "os", "variant", "created", "author", "config", "diff_ids",
                 "history", "extra")
    architecture: Final[str]
    os: Final[str]
    variant: Final[str]
    created: Final[str | None]
    author: Final[str]
    config: Final[RunConfig]
    diff_ids: Final[tuple[str, ...]]
    history: Final[tuple[History, ...]]
    extra: Final[Mapping[str, Any]]

    def __init__(
        self,
        architecture: str | None = None,
        os: str = "linux",
        variant: str = "",
        created: str | None = None,
        author: str = "",
        config: RunConfig | None = None,
        diff_ids: tuple[str, ...] = (),
        history: tuple[History, ...] = (),
        extra: Mapping[str, Any] | None = None,
    ) -> None:
        self.architecture = host_architecture()[0] if architecture is None else architecture
        self.os = os
        self.variant = variant
        self.created = created
        self.author = author
        self.config = RunConfig() if config is None else config
        self.diff_ids = diff_ids
        self.history = history
        self.extra = {} if extra is None else extra

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> ImageConfig:
        """Parse a config; fields this class does not model are kept in ``extra``."""
        rootfs = data.get("rootfs")
        if not isinstance(rootfs, dict) or rootfs.get("type") != "layers":
            raise StoreError("image config has no rootfs of type \"layers\"")
        diff_ids = tuple(check_digest(d, "diff_id") for d in rootfs.get("diff_ids") or [])
        history = data.get("history") or []
        known = {"architecture", "os", "variant", "created", "author", "config", "rootfs",
                 "history"}
        return cls(
            architecture=str(data.get("architecture") or ""),
            os=str(data.get("os") or ""),
            variant=str(data.get("variant") or ""),
            created=str(data["created"]) if data.get("created") else None,
            author=str(data.get("author") or ""),
            config=RunConfig.from_dict(data.get("config")),
            diff_ids=diff_ids,
            history=tuple(History.from_dict(h) for h in history if isinstance(h, dict)),
            extra={k: v for k, v in data.items() if k not in known},
        )

    @classmethod
    def from_bytes(cls, data: bytes) -> ImageConfig:
        """Parse config JSON bytes."""
        try:
            doc = json.loads(data)
        except ValueError as exc:
            raise StoreError(f"image config is not valid JSON: {exc}") from None
        if not isinstance(doc, dict):
            raise StoreError("image config is not a JSON object")
        return cls.from_dict(doc)

    def to_dict(self) -> dict[str, Any]:
        """The JSON form (extra fields included)."""
        out: dict[str, Any] = dict(self.extra)
        out["architecture"] = self.architecture
        out["os"] = self.os
        if self.variant:
            out["variant"] = self.variant
        if self.created:
            out["created"] = self.created
        if self.author:
            out["author"] = self.author
        out["config"] = self.config.to_dict()
        out["rootfs"] = {"type": "layers", "diff_ids": list(self.diff_ids)}
        if self.history:
            out["history"] = [h.to_dict() for h in self.history]
        return out

    def to_bytes(self) -> bytes:
        """Canonical bytes: sorted keys, no whitespace. Hash these, store these."""
        return canonical_json(self.to_dict())

    def check(self) -> None:
        """Raise :class:`StoreError` if history does not match the layers."""
        if self.history:
            layered = sum(1 for h in self.history if not h.empty_layer)
            if layered != len(self.diff_ids):
                raise StoreError(
                    f"image config has {len(self.diff_ids)} layers but {layered} "
                    "non-empty history entries"
                )

    def with_layer(self, diff_id: str, history: History) -> ImageConfig:
        """A copy with one more layer and its history entry."""
        return self.replace(diff_ids=(*self.diff_ids, diff_id), history=(*self.history, history))

    @property
    def platform(self) -> dict[str, str]:
        """The OCI platform object of this config."""
        out = {"architecture": self.architecture, "os": self.os}
        if self.variant:
            out["variant"] = self.variant
        return out


def canonical_json(data: Any) -> bytes:
    """JSON with sorted keys and no insignificant whitespace."""
    return json.dumps(data, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode()


def now_rfc3339(epoch: int | None = None) -> str:
    """``created`` time: ``epoch`` (SOURCE_DATE_EPOCH) if given, else now, in UTC."""
    from datetime import UTC, datetime

    if epoch is not None:
        return datetime.fromtimestamp(epoch, UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def host_architecture() -> tuple[str, str]:
    """(GOARCH, variant) of this machine."""
    machine = _platform.machine().lower()
    return {
        "x86_64": ("amd64", ""),
        "amd64": ("amd64", ""),
        "aarch64": ("arm64", "v8"),
        "arm64": ("arm64", "v8"),
        "armv7l": ("arm", "v7"),
        "armv6l": ("arm", "v6"),
        "i686": ("386", ""),
        "i386": ("386", ""),
        "ppc64le": ("ppc64le", ""),
        "s390x": ("s390x", ""),
        "riscv64": ("riscv64", ""),
    }.get(machine, (machine, ""))


def chain_ids(diff_ids: Sequence[str]) -> list[str]:
    """ChainIDs of a layer stack: ``sha256(parent + " " + diff_id)``."""
    out: list[str] = []
    for diff_id in diff_ids:
        if not out:
            out.append(diff_id)
        else:
            out.append("sha256:" + hashlib.sha256(f"{out[-1]} {diff_id}".encode()).hexdigest())
    return out


def build_manifest(
    config: Descriptor, layers: Iterable[Descriptor], annotations: Mapping[str, str] | None = None
) -> bytes:
    """OCI image manifest bytes."""
    doc: dict[str, Any] = {
        "schemaVersion": 2,
        "mediaType": MEDIA_OCI_MANIFEST,
        "config": config.to_dict(),
        "layers": [layer.to_dict() for layer in layers],
    }
    if annotations:
        doc["annotations"] = dict(annotations)
    return canonical_json(doc)


def build_index(manifests: Iterable[Descriptor]) -> bytes:
    """OCI image index bytes (also the shape of ``index.json``)."""
    doc = {
        "schemaVersion": 2,
        "mediaType": MEDIA_OCI_INDEX,
        "manifests": [m.to_dict() for m in manifests],
    }
    return canonical_json(doc)


def commit_image(
    store: Store,
    config_bytes: bytes,
    layers: Sequence[Descriptor],
    names: Iterable[Reference] = (),
    *,
    check_history: bool = True,
) -> Image:
    """Store config and manifest (layers must be in the store) and name the image.

    Call inside ``store.session()`` when the layer blobs were written in the same session.
    """
    config = ImageConfig.from_bytes(config_bytes)
    if check_history:
        config.check()
    if len(config.diff_ids) != len(layers):
        raise StoreError(
            f"layers length mismatch: {len(layers)} layers for {len(config.diff_ids)} diff_ids"
        )
    for layer in layers:
        if not store.has_blob(layer.digest):
            raise StoreError(f"layer blob {layer.digest} is not in the store")
    with store.session():
        config_desc = store.put_blob(config_bytes, media_type=MEDIA_OCI_CONFIG)
        manifest_bytes = build_manifest(config_desc, layers)
        manifest_desc = store.put_blob(manifest_bytes, media_type=MEDIA_OCI_MANIFEST)
        manifest_desc = Descriptor(
            manifest_desc.media_type, manifest_desc.digest, manifest_desc.size,
            platform=config.platform,
        )
        names = list(names)
        store.add_image(manifest_desc, names)
    return store.load_image(manifest_desc, [n.with_default_tag() for n in names])
