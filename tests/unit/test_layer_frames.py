"""Layers of many entries are written in zstd frames that begin where paths say, and a
frame compressed before is put in whole when its entries and their contents are the same."""

from __future__ import annotations

import hashlib
import io
import os
from pathlib import Path

import pytest
import zstandard

from builder.frames import FrameIndex
from builder.layers import Change, changes_from_tree, write_layer
from builder.layers import writer as layer_writer
from builder.layers.writer import FRAMES_FROM, LayerDigests


def _tree(root: Path, dirs: int = 50, files: int = 90) -> None:
    for d in range(dirs):
        sub = root / f"d{d:03}"
        sub.mkdir(parents=True)
        for f in range(files):
            (sub / f"f{f:03}").write_bytes(os.urandom(64 + (d * f) % 900))
    os.utime(root, ns=(10**18, 10**18))


def _contents(changes: list[Change]) -> dict[str, tuple[str, int]]:
    """What a copy would tell of these files: blake3 of the content, and the inode."""
    from blake3 import blake3

    out = {}
    for change in changes:
        assert change.source is not None
        st = os.lstat(change.source)
        if os.path.isfile(change.source) and st.st_size:
            out[change.path] = (blake3(Path(change.source).read_bytes()).hexdigest(), st.st_ino)
    return out


def zstd_frames(blob: bytes) -> list[bytes]:
    """The zstd frames of ``blob``, each compressed (other tests use it too)."""
    out, rest = [], blob
    while rest:
        obj = zstandard.ZstdDecompressor().decompressobj()
        obj.decompress(rest)
        out.append(rest[: len(rest) - len(obj.unused_data)])
        rest = obj.unused_data
    return out


class MemoryIndex:
    def __init__(self) -> None:
        self.frames: dict[str, tuple[bytes, int]] = {}
        self.asked = 0

    def add(self, blob: bytes, digests: LayerDigests) -> None:
        for key, offset, size, raw_size in digests.frames:
            if key is not None:
                packed = blob[offset: offset + size]
                raw = zstandard.ZstdDecompressor().decompressobj().decompress(packed)
                assert len(raw) == raw_size
                self.frames[key] = (packed, raw_size)

    def lookup(self, key: str) -> tuple[bytes, int] | None:
        self.asked += 1
        return self.frames.get(key)


def _write(changes: list[Change], **kwargs: object) -> tuple[bytes, LayerDigests]:
    out = io.BytesIO()
    digests = write_layer(changes, out, **kwargs)  # type: ignore[arg-type]
    return out.getvalue(), digests


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    _tree(tmp_path / "t")
    assert len(list(changes_from_tree(tmp_path / "t"))) >= FRAMES_FROM
    return tmp_path / "t"


def test_frames_begin_where_paths_say_and_hold_the_same_tar(
        tree: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    changes = list(changes_from_tree(tree))
    blob, first = _write(changes, digests=_contents(changes))
    frames = zstd_frames(blob)
    assert len(frames) == len(first.frames) > 10
    assert [(o, s) for _, o, s, _ in first.frames] == \
        [(sum(map(len, frames[:i])), len(f)) for i, f in enumerate(frames)]
    assert all(key is not None for key, *_ in first.frames)
    monkeypatch.setattr(layer_writer, "FRAMES_FROM", 10**9)
    whole_blob, whole = _write(changes)
    assert len(zstd_frames(whole_blob)) == 1
    assert whole.diff_id == first.diff_id
    monkeypatch.undo()
    tar = zstandard.ZstdDecompressor().stream_reader(
        io.BytesIO(blob), read_across_frames=True).read()
    assert "sha256:" + hashlib.sha256(tar).hexdigest() == first.diff_id
    assert first.digest == "sha256:" + hashlib.sha256(blob).hexdigest()

    # a file changed: one frame's key changes, the others and every boundary stay
    target = tree / "d020" / "f033"
    target.write_bytes(b"changed" * 333)
    _, second = _write(changes, digests=_contents(changes))
    assert [o for _, o, _, _ in second.frames][:5] == [o for _, o, _, _ in first.frames][:5]
    changed = [i for i, (a, b) in enumerate(zip(first.frames, second.frames, strict=True))
               if a[0] != b[0]]
    assert len(changed) == 1


def test_a_layer_written_again_takes_its_unchanged_frames_whole(
        tree: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    changes = list(changes_from_tree(tree))
    index = MemoryIndex()
    blob, first = _write(changes, digests=_contents(changes), reuse=index.lookup)
    index.add(blob, first)
    target = tree / "d031" / "f007"
    target.write_bytes(b"new content")
    read: list[str] = []
    real_read = layer_writer._read_small

    def read_small(source: str, size: int) -> bytes:
        read.append(source)
        return real_read(source, size)

    monkeypatch.setattr(layer_writer, "_read_small", read_small)
    blob2, second = _write(changes, digests=_contents(changes), reuse=index.lookup)
    assert str(target) in read and 0 < len(read) <= layer_writer.FRAME_CAP
    assert len(read) < len(changes) // 4  # only the changed frame's files were read
    # the same bytes as a layer written afresh
    fresh_blob, fresh = _write(changes, digests=_contents(changes))
    assert blob2 == fresh_blob and second == fresh
    reused = set(zstd_frames(blob)) & set(zstd_frames(blob2))
    assert len(reused) == len(second.frames) - 1


def test_a_file_of_unknown_content_leaves_its_frame_unkeyed(tree: Path) -> None:
    changes = list(changes_from_tree(tree))
    contents = _contents(changes)
    digest, inode = contents["d010/f010"]
    contents["d010/f010"] = (digest, inode + 1)  # not the inode it names: unknown
    del contents["d040/f040"]
    index = MemoryIndex()
    blob, first = _write(changes, digests=contents)
    index.add(blob, first)
    unkeyed = [f for f in first.frames if f[0] is None]
    assert len(unkeyed) == 2
    _, again = _write(changes, digests=contents, reuse=index.lookup)
    assert again.diff_id == first.diff_id
    assert index.asked == len(first.frames) - 2  # an unkeyed frame is never looked up


def test_the_frame_index_gives_only_whole_frames_of_blobs_in_the_store(
        tree: Path, tmp_path: Path) -> None:
    changes = list(changes_from_tree(tree))
    blob, digests = _write(changes, digests=_contents(changes))
    blobs = tmp_path / "blobs"
    blobs.mkdir()
    (blobs / digests.digest.removeprefix("sha256:")).write_bytes(blob)

    def blob_path(digest: str) -> Path:
        return blobs / digest.removeprefix("sha256:")

    index = FrameIndex(tmp_path / "frames", blob_path)
    try:
        index.record(digests.digest, digests.frames)
        key, offset, size, raw_size = digests.frames[3]
        assert key is not None
        assert index.lookup(key) == (blob[offset: offset + size], raw_size)
        assert index.lookup("0" * 64) is None
        # a record that does not name one whole frame of its blob is not used
        other = digests.frames[4]
        index.record(digests.digest, [("a" * 64, offset, size + other[2], raw_size),
                                      ("b" * 64, offset + 1, size, raw_size),
                                      ("c" * 64, offset, size - 1, raw_size),
                                      ("d" * 64, offset + size - 7, size, raw_size)])
        assert [index.lookup(k * 64) for k in "abcd"] == [None] * 4
    finally:
        index.close()
    # a blob gone from the store: nothing, and its records go
    (blobs / digests.digest.removeprefix("sha256:")).unlink()
    index = FrameIndex(tmp_path / "frames", blob_path)
    try:
        assert index.lookup(key) is None
    finally:
        index.close()
    import diskcache  # type: ignore[import-untyped]

    with diskcache.Cache(str(tmp_path / "frames")) as raw_cache:
        assert key not in raw_cache


def test_frames_begin_about_once_in_256_entries_whatever_the_paths_look_like() -> None:
    """A CRC-32 is linear: over paths of one shape its low byte is never 0 (``d000/f00.js``
    ... gave no frame start at all in 6,000 paths). The hash takes its mixed top bits."""
    from builder.layers.writer import FRAME_EVERY, _starts_frame

    shapes = [[f"d{i // 100:03}/f{i % 100:02}.js" for i in range(6000)],
              [f"small/d{i // 20:04}/f{i % 20:02}" for i in range(20000)],
              [f"usr/lib/pkg{i // 50}/mod{i % 50}.py" for i in range(20000)]]
    for paths in shapes:
        starts = sum(_starts_frame(p.encode()) for p in paths)
        expected = len(paths) / FRAME_EVERY
        assert expected / 2 < starts < expected * 2, (paths[0], starts)


def test_a_frame_that_does_not_hold_what_its_record_says_fails_the_write(tree: Path) -> None:
    """The hasher decompresses a reused frame: fewer or more tar bytes than recorded, or
    bytes that are not one whole frame, are a FrameError (the store then writes the layer
    again without frames), never a layer whose diff_id was taken over other bytes."""
    from builder.errors import FrameError

    changes = list(changes_from_tree(tree))
    contents = _contents(changes)
    blob, first = _write(changes, digests=contents)
    key, offset, size, raw_size = first.frames[2]
    packed = blob[offset: offset + size]
    for found in [(packed, raw_size + 1), (packed, raw_size - 512)]:
        with pytest.raises(FrameError, match=r"holds|does not decompress"):
            _write(changes, digests=contents,
                   reuse=lambda k, found=found: found if k == key else None)
    for wrong in (packed + packed, packed[:-1], b"\0" * size):
        with pytest.raises(FrameError, match="not one whole frame"):
            _write(changes, digests=contents,
                   reuse=lambda k, wrong=wrong: (wrong, raw_size) if k == key else None)


def test_the_store_writes_a_layer_afresh_when_a_recorded_frame_is_wrong(
        tree: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import diskcache  # type: ignore[import-untyped]

    import builder.layers
    from builder.store import Store

    store = Store(tmp_path / "root")
    changes = list(changes_from_tree(tree))
    contents = _contents(changes)
    with store.session():
        first = store.commit_layer(changes, contents=contents)
    with diskcache.Cache(str(store.root / "cache" / "frames")) as index:
        keys = list(index)
        assert len(keys) > 10
        for key in keys:  # every record says one byte more than its frame holds
            blob, offset, size, raw_size = index[key]
            index[key] = (blob, offset, size, raw_size + 1)
    calls: list[bool] = []
    real = builder.layers.write_layer

    def write_layer(*args: object, **kwargs: object) -> LayerDigests:
        calls.append(kwargs.get("reuse") is not None)
        return real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(builder.layers, "write_layer", write_layer)
    with store.session():
        again = store.commit_layer(changes, contents=contents)
    assert calls == [True, False]  # with the index's frames, which failed; then without
    assert again == first
    data = store.blob_path(again.descriptor.digest).read_bytes()
    assert "sha256:" + hashlib.sha256(data).hexdigest() == again.descriptor.digest


def test_frame_sizes_are_the_frames_a_layer_is_written_in(tree: Path) -> None:
    from builder.layers.writer import frame_sizes

    changes = list(changes_from_tree(tree))
    blob, digests = _write(changes, digests=_contents(changes))
    sizes = frame_sizes((c.path for c in changes), len(changes))
    assert len(sizes) == len(digests.frames) and sum(sizes) == len(changes)
    # each frame's tar bytes are its entries': split the tar where the sizes say
    tar = zstandard.ZstdDecompressor().stream_reader(io.BytesIO(blob),
                                                     read_across_frames=True).read()
    raws = [raw for *_, raw in digests.frames]
    import tarfile

    with tarfile.open(fileobj=io.BytesIO(tar)) as archive:
        offsets = [m.offset for m in archive.getmembers()]
    starts = [0]
    for size in sizes[:-1]:
        starts.append(starts[-1] + size)
    assert [offsets[i] for i in starts] == [sum(raws[:k]) for k in range(len(raws))]
    assert frame_sizes((c.path for c in changes[:10]), 10) == []  # too few: one stream


def test_a_planned_layer_is_the_layer_its_changes_make(tree: Path) -> None:
    """Frames given by key and frames given by their changes make the very blob the
    changes make; a key the index has not is a FrameError."""
    from builder.errors import FrameError
    from builder.layers.writer import frame_sizes

    changes = list(changes_from_tree(tree))
    index = MemoryIndex()
    blob, first = _write(changes, digests=_contents(changes))
    index.add(blob, first)
    (tree / "d031" / "f007").write_bytes(b"new content")
    contents = _contents(changes)
    fresh_blob, fresh = _write(changes, digests=contents)
    plan: list[str | list[Change]] = []
    start = 0
    for (key, *_), size in zip(first.frames, frame_sizes((c.path for c in changes),
                                                         len(changes)), strict=True):
        frame = changes[start:start + size]
        start += size
        touched = any(c.path == "d031/f007" for c in frame)
        plan.append(frame if touched or key is None else key)
    assert sum(isinstance(p, list) for p in plan) == 1
    planned_blob, planned = _write([], digests=contents, reuse=index.lookup, plan=plan)
    assert planned_blob == fresh_blob and planned == fresh
    with pytest.raises(FrameError):
        _write([], digests=contents, reuse=MemoryIndex().lookup, plan=plan)
    with pytest.raises(FrameError):
        _write([], digests=contents, plan=plan)  # nothing to take frames from
