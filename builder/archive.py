"""Image tarballs: ``docker save`` archives and OCI-layout tarballs, both ways; rootfs import.

``save`` writes one tar that is an OCI image layout (``oci-layout``, ``index.json``,
``blobs/sha256/…``) and, for ``fmt="docker"``, also a docker-archive (``manifest.json`` and
``repositories`` pointing into ``blobs/``), which Docker 20.10+ loads. Docker before 23 cannot
read zstd, so the docker format writes zstd layers uncompressed (as ``docker save`` does; gzip
on request); diff_ids, and so the image ID, are unchanged. The OCI format keeps the blobs as
stored.

``load`` reads either kind (and Docker's legacy ``<id>/layer.tar`` layout), any layer
compression, verifying blob digests and every layer's diff_id before naming an image. Member
names are only looked up, never extracted, so hostile paths in the outer tar do no harm;
layer contents are extracted only by :func:`builder.layers.apply_layer`.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import posixpath
import shutil
import tarfile
import tempfile
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any, BinaryIO, Final, Literal, cast

from builder.descriptor import (
    ANNOTATION_IMAGE_NAME,
    ANNOTATION_REF_NAME,
    INDEX_TYPES,
    MEDIA_OCI_LAYER,
    MEDIA_OCI_LAYER_GZIP,
    MEDIA_OCI_LAYER_ZSTD,
    MEDIA_OCI_MANIFEST,
    OCI_LAYOUT,
    Descriptor,
    hex_of,
    sha256_digest,
)
from builder.errors import DigestError, DockyardError, LayerError, ReferenceFormatError, StoreError
from builder.image import (
    History,
    ImageConfig,
    RunConfig,
    build_index,
    build_manifest,
    commit_image,
    host_architecture,
    now_rfc3339,
)
from builder.record import Record
from builder.reference import Reference, parse_normalized
from builder.store import Image, Store, remove_tree

if TYPE_CHECKING:
    from builder.layers import Compression

Format = Literal["docker", "oci"]
SaveCompression = Literal["keep", "gzip", "zstd", "none"]

_CHUNK = 1 << 20
_MAX_JSON = 32 << 20
_MEDIA_BY_COMPRESSION = {"none": MEDIA_OCI_LAYER, "gzip": MEDIA_OCI_LAYER_GZIP,
                         "zstd": MEDIA_OCI_LAYER_ZSTD}
_UNSUPPORTED_MAGIC = {b"BZh": "bzip2", b"\xfd7zXZ\x00": "xz"}


class SaveItem(Record):
    """An image to save and the names to record for it."""

    __slots__ = ("image", "names")
    image: Final[Image]
    names: Final[tuple[Reference, ...]]

    def __init__(self, image: Image, names: tuple[Reference, ...] = ()) -> None:
        self.image = image
        self.names = names


# -- save -------------------------------------------------------------------------------------


class _TarOut:
    """A deterministic tar writer (fixed owner, mode and mtime) over a stream."""

    def __init__(self, out: BinaryIO) -> None:
        self._tar = tarfile.open(  # noqa: SIM115 - closed by close()
            fileobj=out, mode="w|", format=tarfile.PAX_FORMAT
        )
        self._dirs: set[str] = set()

    def _dir(self, name: str) -> None:
        if name in self._dirs:
            return
        self._dirs.add(name)
        info = tarfile.TarInfo(name + "/")
        info.type, info.mode, info.mtime = tarfile.DIRTYPE, 0o755, 0
        self._tar.addfile(info)

    def add(self, name: str, data: bytes | None = None, path: Path | None = None,
            stream: IO[bytes] | None = None, size: int | None = None) -> None:
        parts = name.split("/")
        for i in range(1, len(parts)):
            self._dir("/".join(parts[:i]))
        info = tarfile.TarInfo(name)
        info.mode, info.mtime = 0o644, 0
        if data is not None:
            info.size = len(data)
            self._tar.addfile(info, _BytesReader(data))
        elif path is not None:
            info.size = path.stat().st_size
            with open(path, "rb") as f:
                self._tar.addfile(info, f)
        else:
            assert stream is not None and size is not None
            info.size = size
            self._tar.addfile(info, stream)

    def close(self) -> None:
        self._tar.close()

    def abort(self) -> None:
        """Leave the archive unfinished after an error: no end-of-archive blocks, and nothing
        flushed later when the stream object is collected (its file is closed by then)."""
        for part in (self._tar.fileobj, self._tar):
            if part is not None:
                setattr(part, "closed", True)  # noqa: B010 - tarfile has no abort of its own


class _BytesReader:
    def __init__(self, data: bytes) -> None:
        self._data = memoryview(data)

    def read(self, n: int = -1) -> bytes:
        n = len(self._data) if n < 0 else n
        chunk, self._data = self._data[:n], self._data[n:]
        return bytes(chunk)


def save(
    store: Store,
    items: Sequence[SaveItem],
    out: BinaryIO,
    fmt: Format = "docker",
    compression: SaveCompression = "keep",
) -> None:
    """Write ``items`` to ``out`` as one tarball (see the module docstring).

    ``compression`` re-compresses the layers (``keep``: as stored, except that zstd layers
    are written uncompressed in the docker format, as ``docker save`` writes its own).
    Diff_ids and image IDs do not change; manifest digests do.
    """
    if fmt == "docker" and compression == "zstd":
        raise StoreError("the docker format cannot hold zstd layers (Docker before 23 cannot "
                         "load them); use --format oci")
    with store.session():
        _save(store, items, out, fmt, compression)


def _save(store: Store, items: Sequence[SaveItem], out: BinaryIO, fmt: Format,
          compression: SaveCompression) -> None:
    tar = _TarOut(out)
    written: set[str] = set()
    temps: list[Path] = []
    index: list[Descriptor] = []
    docker_manifest: list[dict[str, Any]] = []
    repositories: dict[str, dict[str, str]] = {}
    try:
        for item in items:
            image = item.image
            layers = image.layers
            if len(layers) != len(image.diff_ids):
                raise StoreError(f"image {image.id}: its manifest has {len(layers)} layers but "
                                 f"its config {len(image.diff_ids)} diff_ids")
            manifest_bytes: bytes | None = None
            wanted = [_wanted(layer, fmt, compression) for layer in layers]
            for layer, diff_id, want in zip(layers, image.diff_ids, wanted, strict=True):
                if want is None:  # written as stored: its diff_id must be right
                    store.verify_layer(diff_id, layer)
            if any(wanted):
                layers = []
                for layer, diff_id, want in zip(image.layers, image.diff_ids, wanted,
                                                strict=True):
                    if want is not None:
                        path, layer = _recompress(store, layer, diff_id, want)
                        temps.append(path)
                        if layer.digest not in written:
                            written.add(layer.digest)
                            tar.add(_blob_name(layer.digest), path=path)
                    layers.append(layer)
                config_desc = Descriptor.from_dict(image.manifest["config"])
                manifest_bytes = build_manifest(config_desc, layers)
            blobs = [Descriptor.from_dict(image.manifest["config"]), *layers]
            for blob in blobs:
                if blob.digest in written:
                    continue
                written.add(blob.digest)
                with store.open_blob(blob.digest, blob.size) as reader:
                    tar.add(_blob_name(blob.digest), stream=reader, size=blob.size)
            if manifest_bytes is None:
                manifest_bytes = store.read_blob(image.digest, image.descriptor.size)
            manifest_desc = Descriptor(MEDIA_OCI_MANIFEST, sha256_digest(manifest_bytes),
                                       len(manifest_bytes), platform=image.descriptor.platform)
            if manifest_desc.digest not in written:
                written.add(manifest_desc.digest)
                tar.add(_blob_name(manifest_desc.digest), data=manifest_bytes)
            names = [n.with_default_tag() for n in item.names]
            for name in names:
                annotations = {ANNOTATION_IMAGE_NAME: str(name)}
                if name.tag:
                    annotations[ANNOTATION_REF_NAME] = name.tag
                index.append(manifest_desc.with_annotations(annotations))
            if not names:
                index.append(manifest_desc)
            docker_manifest.append({
                "Config": _blob_name(image.id),
                "RepoTags": [n.familiar for n in names if n.tag] or None,
                "Layers": [_blob_name(layer.digest) for layer in layers],
            })
            for name in names:
                if name.tag and layers:
                    repositories.setdefault(name.familiar_name, {})[name.tag] = hex_of(
                        layers[-1].digest)
        tar.add("index.json", data=build_index(index))
        tar.add("oci-layout", data=OCI_LAYOUT)
        if fmt == "docker":
            tar.add("manifest.json", data=json.dumps(docker_manifest).encode())
            if repositories:
                tar.add("repositories", data=json.dumps(repositories).encode())
        tar.close()
    except BaseException:
        tar.abort()
        raise
    finally:
        for path in temps:
            path.unlink(missing_ok=True)


def _blob_name(digest: str) -> str:
    return f"blobs/sha256/{hex_of(digest)}"


def _kind(layer: Descriptor) -> str:
    if layer.media_type.endswith(("+zstd", ".zstd")):
        return "zstd"
    if layer.media_type.endswith(("+gzip", ".gzip")):
        return "gzip"
    return "none"


def _wanted(layer: Descriptor, fmt: Format,
            compression: SaveCompression) -> Compression | None:
    """The compression ``layer`` must be re-written in, or None to copy it as stored."""
    kind = _kind(layer)
    if compression == "keep":
        return "none" if fmt == "docker" and kind == "zstd" else None
    return None if kind == compression else compression


def _recompress(store: Store, layer: Descriptor, diff_id: str,
                kind: Compression) -> tuple[Path, Descriptor]:
    """Re-compress a layer blob into a temp file, checking that its tar is ``diff_id``;
    returns the file and its descriptor."""
    from builder.layers import transcode

    store.ensure()
    fd, name = tempfile.mkstemp(dir=store.tmp_dir, prefix="save-")
    path = Path(name)
    hasher = _HashingFile(os.fdopen(fd, "wb"))
    try:
        with store.open_blob(layer.digest, layer.size) as blob:
            got, size = transcode(blob, cast(BinaryIO, hasher), kind)
        hasher.close()
        store.settle_layer(diff_id, layer, got, size)
    except BaseException:
        hasher.close()
        path.unlink(missing_ok=True)
        raise
    media_type = _MEDIA_BY_COMPRESSION[kind]
    return path, Descriptor(media_type, "sha256:" + hasher.hash.hexdigest(), hasher.size)


class _HashingFile:
    def __init__(self, file: BinaryIO) -> None:
        self._file = file
        self.hash = hashlib.sha256()
        self.size = 0

    def write(self, data: bytes) -> int:
        self.hash.update(data)
        self.size += len(data)
        return self._file.write(data)

    def flush(self) -> None:
        self._file.flush()

    def close(self) -> None:
        self._file.close()


# -- load -------------------------------------------------------------------------------------


class _Archive:
    """Random access to the members of a tarball by normalized name (links resolved)."""

    def __init__(self, tar: tarfile.TarFile) -> None:
        self._tar = tar
        self._members: dict[str, tarfile.TarInfo] = {}
        for info in tar:
            name = _clean(info.name)
            if name is not None:
                self._members[name] = info

    def has(self, name: str) -> bool:
        return self._resolve(name) is not None

    def _resolve(self, name: str) -> tarfile.TarInfo | None:
        seen = 0
        info = self._members.get(name)
        while info is not None and info.issym():
            seen += 1
            target = posixpath.normpath(posixpath.join(posixpath.dirname(name), info.linkname))
            if seen > 16 or target.startswith("../") or target == ".." or target.startswith("/"):
                raise StoreError(f"invalid archive: link {name!r} points outside the archive")
            name = target
            info = self._members.get(name)
        return info

    @contextlib.contextmanager
    def open(self, name: str) -> Iterator[IO[bytes]]:
        info = self._resolve(name)
        if info is None or not (info.isfile() or info.islnk()):
            raise StoreError(f"invalid archive: {name} is missing or not a file")
        try:
            stream = self._tar.extractfile(info)
        except KeyError:
            stream = None
        if stream is None:
            raise StoreError(f"invalid archive: cannot read {name}")
        with stream:
            yield stream

    def read_json(self, name: str) -> Any:
        with self.open(name) as f:
            data = f.read(_MAX_JSON + 1)
        if len(data) > _MAX_JSON:
            raise StoreError(f"invalid archive: {name} is too large")
        try:
            return json.loads(data)
        except ValueError:
            raise StoreError(f"invalid archive: {name} is not valid JSON") from None

    def read_bytes(self, name: str) -> bytes:
        with self.open(name) as f:
            data = f.read(_MAX_JSON + 1)
        if len(data) > _MAX_JSON:
            raise StoreError(f"invalid archive: {name} is too large")
        return data


def _clean(name: str) -> str | None:
    name = posixpath.normpath("/" + name.replace("\\", "/")).lstrip("/")
    return name or None


def load(store: Store, src: BinaryIO) -> list[Image]:
    """Load every image in a docker-archive or OCI-layout tarball; returns them, named.

    The tarball may itself be gzip or zstd compressed (``docker save | gzip``); such input,
    and input that cannot seek (a pipe), is first spooled, uncompressed, to a temp file.
    """
    from builder.layers import detect_compression, open_uncompressed

    name = getattr(src, "name", None)
    name = ("stdin" if name == "<stdin>" else name) if isinstance(name, str) else "the input"
    store.ensure()
    with contextlib.ExitStack() as stack:
        seekable = False
        with contextlib.suppress(AttributeError, OSError, ValueError):
            seekable = src.seekable() and os.path.isfile(f"/proc/self/fd/{src.fileno()}")
        head = b""
        if seekable:
            head = src.read(4)
            src.seek(-len(head), os.SEEK_CUR)
        if not seekable or detect_compression(head) != "none":
            spool = stack.enter_context(
                tempfile.TemporaryFile(dir=store.tmp_dir, prefix="load-"))
            try:
                with open_uncompressed(src) as plain:
                    shutil.copyfileobj(plain, spool, _CHUNK)
            except LayerError as exc:
                raise StoreError(f"invalid archive: {exc}") from None
            spool.seek(0)
            src = spool
        try:
            tar = stack.enter_context(tarfile.open(fileobj=src, mode="r:*"))
            archive = _Archive(tar)
        except tarfile.ReadError:  # tarfile's own text lists each method it tried
            raise StoreError(f"invalid archive: {_not_a_tar(src, name)}") from None
        except (tarfile.TarError, EOFError, OSError) as exc:
            raise StoreError(f"invalid archive: {exc}") from None
        try:
            with store.session():
                if archive.has("oci-layout") and archive.has("index.json"):
                    return _load_oci(store, archive)
                if archive.has("manifest.json"):
                    return _load_docker(store, archive)
                raise StoreError(
                    "invalid archive: it contains neither a manifest.json nor an OCI layout")
        except (tarfile.TarError, EOFError, OSError) as exc:
            raise StoreError(f"invalid archive: {exc}") from None


def _not_a_tar(src: BinaryIO, name: str) -> str:
    """Why ``src`` (seekable) is no tarball, in one line."""
    with contextlib.suppress(OSError, ValueError):
        if src.seek(0, os.SEEK_END) == 0:
            return f"{name} is empty"
    return f"not a tar archive (or a compressed one): {name}"


def _names(values: object) -> list[Reference]:
    if not isinstance(values, list):
        return []
    out = []
    for value in values:
        if not isinstance(value, str):
            raise StoreError("invalid archive: RepoTags must be strings")
        try:
            ref = parse_normalized(value)
        except ReferenceFormatError as exc:
            raise StoreError(f"invalid archive: bad tag {value!r}: {exc}") from None
        if ref.digest is not None:
            raise StoreError(f"invalid archive: {value!r} is not a name:tag")
        out.append(ref)
    return out


def _load_docker(store: Store, archive: _Archive) -> list[Image]:
    items = archive.read_json("manifest.json")
    if not isinstance(items, list):
        raise StoreError("invalid archive: manifest.json is not a list")
    loaded: list[Image] = []
    for item in items:
        if not isinstance(item, dict) or not isinstance(item.get("Config"), str):
            raise StoreError("invalid archive: manifest.json entry has no Config")
        layer_paths = item.get("Layers") or []
        if not isinstance(layer_paths, list) or not all(isinstance(p, str) for p in layer_paths):
            raise StoreError("invalid archive: manifest.json Layers must be a list of paths")
        names = _names(item.get("RepoTags"))
        config_bytes = archive.read_bytes(_clean(item["Config"]) or "")
        config = ImageConfig.from_bytes(config_bytes)
        if len(layer_paths) != len(config.diff_ids):
            raise StoreError(
                f"invalid manifest, layers length mismatch: expected {len(config.diff_ids)}, "
                f"got {len(layer_paths)}")
        layers = []
        for i, (path, diff_id) in enumerate(zip(layer_paths, config.diff_ids, strict=True)):
            with archive.open(_clean(path) or "") as stream:
                layers.append(_import_layer(store, stream, diff_id, i, None))
        loaded.append(commit_image(store, config_bytes, layers, names, check_history=False))
    return loaded


def _import_layer(store: Store, stream: IO[bytes], diff_id: str, index: int,
                  expected: Descriptor | None) -> Descriptor:
    """Copy a layer blob into the store as-is, then check its diff_id."""
    from builder.layers import detect_compression, transcode

    head = stream.read(8)
    for magic, kind in _UNSUPPORTED_MAGIC.items():
        if head.startswith(magic):
            raise LayerError(f"layer {index}: {kind} compression is not supported")
    media_type = _MEDIA_BY_COMPRESSION[detect_compression(head)]
    if expected is not None and expected.media_type.startswith("application/vnd.oci"):
        media_type = expected.media_type
    with store.blob_writer(expected.digest if expected else None, media_type) as writer:
        writer.write(head)
        while chunk := stream.read(_CHUNK):
            writer.write(chunk)
            if expected is not None and writer.size > expected.size:
                raise DigestError(f"layer {index}: blob {expected.digest} is too large")
    desc = writer.descriptor
    assert desc is not None
    if expected is not None and desc.size != expected.size:
        raise DigestError(f"layer {index}: blob {expected.digest} has the wrong size")
    with store.open_blob(desc.digest, desc.size) as blob:
        got, size = transcode(blob)
    if got != diff_id:
        raise DigestError(f"invalid diffID for layer {index}: calculated {got}, got {diff_id}")
    store.record_layer(diff_id, desc, size)
    return desc


def _load_oci(store: Store, archive: _Archive) -> list[Image]:
    index = archive.read_json("index.json")
    if not isinstance(index, dict) or not isinstance(index.get("manifests"), list):
        raise StoreError("invalid archive: index.json has no manifests")
    loaded: list[Image] = []
    for entry in index["manifests"]:
        desc = Descriptor.from_dict(entry)
        names = _oci_names(desc)
        manifest_desc, manifest_bytes = _pick_manifest(archive, desc)
        manifest = json.loads(manifest_bytes)
        config_desc = Descriptor.from_dict(manifest.get("config"))
        config_bytes = _read_blob(archive, config_desc)
        config = ImageConfig.from_bytes(config_bytes)
        layer_descs = [Descriptor.from_dict(d) for d in manifest.get("layers") or []]
        if len(layer_descs) != len(config.diff_ids):
            raise StoreError(
                f"invalid manifest, layers length mismatch: expected {len(config.diff_ids)}, "
                f"got {len(layer_descs)}")
        for i, (layer, diff_id) in enumerate(zip(layer_descs, config.diff_ids, strict=True)):
            with archive.open(_blob_name(layer.digest)) as stream:
                _import_layer(store, stream, diff_id, i, layer)
        store.put_blob(config_bytes, config_desc.digest, config_desc.media_type)
        store.put_blob(manifest_bytes, manifest_desc.digest, manifest_desc.media_type)
        platform = manifest_desc.platform or ImageConfig.from_bytes(config_bytes).platform
        stored = Descriptor(manifest_desc.media_type, manifest_desc.digest, manifest_desc.size,
                            platform=platform)
        store.add_image(stored, names)
        loaded.append(store.load_image(stored, [n.with_default_tag() for n in names]))
    return loaded


def _read_blob(archive: _Archive, desc: Descriptor) -> bytes:
    data = archive.read_bytes(_blob_name(desc.digest))
    if len(data) != desc.size or sha256_digest(data) != desc.digest:
        raise DigestError(f"invalid archive: blob {desc.digest} does not match its digest")
    return data


def _pick_manifest(archive: _Archive, desc: Descriptor, depth: int = 0) -> tuple[Descriptor, bytes]:
    """The image manifest for this host under ``desc`` (following nested indexes)."""
    data = _read_blob(archive, desc)
    try:
        doc = json.loads(data)
    except ValueError:
        raise StoreError(f"invalid archive: {desc.digest} is not valid JSON") from None
    if not isinstance(doc, dict):
        raise StoreError(f"invalid archive: {desc.digest} is not a JSON object")
    if desc.media_type not in INDEX_TYPES and doc.get("mediaType") not in INDEX_TYPES:
        return desc, data
    if depth > 4:
        raise StoreError("invalid archive: image indexes nested too deeply")
    children = [Descriptor.from_dict(c) for c in doc.get("manifests") or []]
    if not children:
        raise StoreError(f"invalid archive: index {desc.digest} is empty")
    arch, _ = host_architecture()
    for child in children:
        p = child.platform or {}
        if p.get("os", "linux") == "linux" and p.get("architecture", arch) == arch:
            return _pick_manifest(archive, child, depth + 1)
    raise StoreError(f"invalid archive: no image for linux/{arch} in index {desc.digest}")


def _oci_names(desc: Descriptor) -> list[Reference]:
    name = desc.annotations.get(ANNOTATION_IMAGE_NAME)
    if name is None:
        ref_name = desc.annotations.get(ANNOTATION_REF_NAME, "")
        if "/" in ref_name or ":" in ref_name:
            name = ref_name
    if not name:
        return []
    try:
        ref = parse_normalized(name)
    except ReferenceFormatError:
        return []
    return [ref] if ref.tag else []


# -- import -----------------------------------------------------------------------------------


def import_rootfs(
    store: Store,
    src: BinaryIO,
    names: Sequence[Reference] = (),
    *,
    message: str = "",
    source: str = "-",
    config: RunConfig | None = None,
    compression: Literal["zstd", "gzip", "none"] = "gzip",
    epoch: int | None = None,
) -> Image:
    """``docker import``: a rootfs tarball (any compression) becomes a one-layer image.

    The tarball is extracted with :func:`builder.layers.apply_layer` (which refuses or
    neutralises hostile entries) and re-written with :func:`builder.layers.write_layer`.
    """

    with store.session():
        return _import(store, src, names, message, source, config, compression, epoch)


def _import(store: Store, src: BinaryIO, names: Sequence[Reference], message: str,
            source: str, config: RunConfig | None, compression: Literal["zstd", "gzip", "none"],
            epoch: int | None) -> Image:
    from builder.layers import apply_layer, changes_from_tree

    work = Path(tempfile.mkdtemp(dir=store.tmp_dir, prefix="import-"))
    try:
        rootfs = work / "rootfs"
        rootfs.mkdir()
        try:
            apply_layer(src, rootfs)
        except DockyardError:
            raise
        except (OSError, tarfile.TarError, EOFError) as exc:
            raise LayerError(f"cannot import the tarball: {exc}") from None
        with store.session():
            layer = store.commit_layer(changes_from_tree(rootfs), compression=compression,
                                       epoch=epoch)
            created = now_rfc3339(epoch)
            comment = message or f"Imported from {source}"
            arch, variant = host_architecture()
            image_config = ImageConfig(
                architecture=arch,
                variant=variant if arch == "arm" else "",
                created=created,
                config=config or RunConfig(),
                diff_ids=(layer.diff_id,),
                history=(History(created=created, comment=comment),),
                extra={"comment": comment},
            )
            return commit_image(store, image_config.to_bytes(), [layer.descriptor], names)
    finally:
        remove_tree(work)


__all__ = ["Format", "SaveCompression", "SaveItem", "import_rootfs", "load", "save"]
