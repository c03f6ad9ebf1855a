"""Layer compression: media types, detection by magic bytes, streaming decompression, and the
one-pass pipeline that hashes a tar stream and compresses it in threads."""

from __future__ import annotations

import gzip
import hashlib
import io
import queue
import threading
import zlib
from collections.abc import Callable
from typing import Any, BinaryIO, Literal, cast

import zstandard
from isal import igzip, isal_zlib  # gzip's format, inflated at ~3x zlib's speed

from builder.errors import FrameError, LayerError

Compression = Literal["zstd", "gzip", "none"]

MEDIA_TYPES: dict[Compression, str] = {
    "zstd": "application/vnd.oci.image.layer.v1.tar+zstd",
    "gzip": "application/vnd.oci.image.layer.v1.tar+gzip",
    "none": "application/vnd.oci.image.layer.v1.tar",
}

GZIP_MAGIC = b"\x1f\x8b"
ZSTD_MAGIC = b"\x28\xb5\x2f\xfd"

_QUEUE_DEPTH = 8
_CHUNK = 1 << 20
_STOP = b""
_INLINE_LIMIT = 4 << 20  # a layer's tar below this is hashed and compressed inline


def detect_compression(head: bytes) -> Compression:
    """The compression of a blob judged by its first bytes (4 are enough)."""
    if head.startswith(ZSTD_MAGIC):
        return "zstd"
    if head.startswith(GZIP_MAGIC):
        return "gzip"
    return "none"


class _Prefixed(io.RawIOBase):
    """A raw stream that yields ``head`` and then the rest of ``blob``."""

    def __init__(self, head: bytes, blob: BinaryIO) -> None:
        self._head = head
        self._blob = blob

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: bytearray | memoryview) -> int:  # type: ignore[override]
        view = memoryview(buffer).cast("B")
        if self._head:
            n = min(len(view), len(self._head))
            view[:n] = self._head[:n]
            self._head = self._head[n:]
            return n
        data = self._blob.read(len(view))
        view[: len(data)] = data
        return len(data)


_DECODE_ERRORS = (gzip.BadGzipFile, EOFError, zlib.error, isal_zlib.IsalError,
                  zstandard.ZstdError)


class _Decoded(io.RawIOBase):
    """Wraps a decompressing reader so that corrupt input raises LayerError."""

    def __init__(self, inner: io.RawIOBase | io.BufferedIOBase | zstandard.ZstdDecompressionReader,
                 kind: Compression) -> None:
        self._inner = inner
        self._kind = kind

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: bytearray | memoryview) -> int:  # type: ignore[override]
        try:
            return self._inner.readinto(buffer) or 0
        except _DECODE_ERRORS as exc:  # type: ignore[misc]
            raise LayerError(f"corrupt {self._kind} layer blob: {exc}") from None

    def close(self) -> None:
        try:
            self._inner.close()
        finally:
            super().close()


class _Prefetch(io.RawIOBase):
    """Reads ``inner`` ahead in a thread (decompression overlaps the consumer's work)."""

    def __init__(self, inner: io.RawIOBase) -> None:
        self._inner = inner
        self._queue: queue.Queue[bytes | BaseException] = queue.Queue(_QUEUE_DEPTH)
        self._pending = memoryview(b"")
        self._stopping = threading.Event()
        self._eof = False
        self._thread = threading.Thread(target=self._run, name="layer-decompress", daemon=True)
        self._thread.start()

    def _put(self, item: bytes | BaseException) -> bool:
        while not self._stopping.is_set():
            try:
                self._queue.put(item, timeout=0.1)
                return True
            except queue.Full:
                continue
        return False

    def _run(self) -> None:
        try:
            while True:
                data = self._inner.read(1 << 20) or b""
                if not self._put(data) or not data:
                    return
        except BaseException as exc:
            self._put(exc)

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: bytearray | memoryview) -> int:  # type: ignore[override]
        if not self._pending:
            if self._eof:
                return 0
            item = self._queue.get()
            if isinstance(item, BaseException):
                self._eof = True
                raise item
            if not item:
                self._eof = True
                return 0
            self._pending = memoryview(item)
        n = min(len(buffer), len(self._pending))
        memoryview(buffer).cast("B")[:n] = self._pending[:n]
        self._pending = self._pending[n:]
        return n

    def close(self) -> None:
        if not self.closed:
            self._stopping.set()
            self._thread.join()
            self._inner.close()
        super().close()


def open_uncompressed(blob: BinaryIO, *, prefetch: bool = False) -> BinaryIO:
    """A streaming reader of the tar inside ``blob`` (gzip, zstd or plain, detected).

    Reads ``blob`` sequentially; works on pipes. Corrupt compressed data raises LayerError
    from ``read``. Closing the result does not close ``blob``. With ``prefetch``, a
    compressed blob is decompressed ahead in a thread; close the result to stop it.
    """
    head = b""
    while len(head) < 4:
        more = blob.read(4 - len(head))
        if not more:
            break
        head += more
    kind = detect_compression(head)
    raw = _Prefixed(head, blob)
    inner: io.RawIOBase | io.BufferedIOBase | zstandard.ZstdDecompressionReader
    if kind == "gzip":
        buffered = io.BufferedReader(raw, 1 << 16)
        inner = igzip.GzipFile(fileobj=buffered, mode="rb")  # type: ignore[no-untyped-call]
    elif kind == "zstd":
        inner = zstandard.ZstdDecompressor().stream_reader(
            cast(BinaryIO, raw), read_size=1 << 17, read_across_frames=True, closefd=False
        )
    else:
        inner = raw
    decoded: io.RawIOBase = _Decoded(inner, kind)
    if prefetch and kind != "none":
        decoded = _Prefetch(decoded)
    return cast(BinaryIO, io.BufferedReader(decoded, 1 << 20))


class HashingReader:
    """Reads ``stream`` and hashes (sha256) and counts every byte read through it."""

    def __init__(self, stream: BinaryIO) -> None:
        self._stream = stream
        self._hash = hashlib.sha256()
        self.size = 0

    def read(self, n: int = -1) -> bytes:
        data = self._stream.read(n)
        self._hash.update(data)
        self.size += len(data)
        return data

    def digest(self) -> str:
        """``sha256:<hex>`` of the bytes read so far."""
        return "sha256:" + self._hash.hexdigest()


def transcode(blob: BinaryIO, out: BinaryIO | None = None,
              compression: Compression = "none") -> tuple[str, int]:
    """Read the tar inside ``blob`` (any compression) to the end of ``blob``, writing it to
    ``out`` compressed as ``compression`` (gzip -6 without a timestamp, zstd -3) when ``out``
    is given; returns the tar's ``sha256:`` digest and length, padding after it included
    (its diff_id). ``blob`` is read to its end, so a verifying reader checks its digest."""
    import shutil

    with open_uncompressed(blob, prefetch=True) as plain:
        tar = HashingReader(plain)
        if out is not None and compression == "gzip":
            with gzip.GzipFile(fileobj=out, mode="wb", mtime=0, compresslevel=6) as gz:
                shutil.copyfileobj(tar, gz, _CHUNK)
        elif out is not None and compression == "zstd":
            with zstandard.ZstdCompressor(level=3).stream_writer(out, closefd=False) as zw:
                shutil.copyfileobj(tar, zw, _CHUNK)
        elif out is not None:
            shutil.copyfileobj(tar, out, _CHUNK)
        while tar.read(_CHUNK):  # padding after the tar is part of the diff_id
            pass
    while blob.read(_CHUNK):
        pass
    return tar.digest(), tar.size


class _Worker(threading.Thread):
    """Runs ``fn`` on every chunk of its queue, then ``at_end``; after a failure it keeps
    draining (so producers never block forever) and skips the rest of the work."""

    def __init__(
        self,
        name: str,
        fn: Callable[[Any], None],
        at_end: Callable[[], None] | None = None,
    ) -> None:
        super().__init__(name=name, daemon=True)
        self.queue: queue.Queue[Any] = queue.Queue(_QUEUE_DEPTH)
        self.error: BaseException | None = None
        self._fn = fn
        self._at_end = at_end

    def run(self) -> None:
        fn, get = self._fn, self.queue.get
        while True:
            chunk = get()
            if chunk is _STOP:
                break
            if self.error is None:
                try:
                    fn(chunk)
                except BaseException as exc:
                    self.error = exc
        if self._at_end is not None:
            try:
                self._at_end()
            except BaseException as exc:
                self.error = self.error or exc


class _Packed:
    """Compressed bytes (one whole zstd frame) the compressor passes on as they are (held,
    not copied: a big context's layer puts tens of MB in this way)."""

    __slots__ = ("data",)

    def __init__(self, data: bytes) -> None:
        self.data = data

    def __len__(self) -> int:
        return len(self.data)


class _Unpack(_Packed):
    """A zstd frame whose ``raw_size`` tar bytes the hasher takes: it decompresses them in
    its own thread (one-shot decompression lets go of the GIL)."""

    __slots__ = ("raw_size",)

    def __init__(self, data: bytes, raw_size: int) -> None:
        super().__init__(data)
        self.raw_size = raw_size

    def tar_bytes(self) -> bytes:
        try:
            raw = zstandard.ZstdDecompressor().decompress(self.data,
                                                          max_output_size=self.raw_size)
        except zstandard.ZstdError as exc:
            raise FrameError(f"a reused zstd frame does not decompress: {exc}") from None
        if len(raw) != self.raw_size:
            raise FrameError(f"a reused zstd frame holds {len(raw)} bytes, not {self.raw_size}")
        return raw


def frame_size(data: bytes) -> int | None:
    """Where the zstd frame at the start of ``data`` ends (its header, blocks and checksum
    walked, nothing decompressed); None if ``data`` does not hold a whole one."""
    try:
        pos = zstandard.frame_header_size(data)
        checksum = zstandard.get_frame_parameters(data).has_checksum
    except zstandard.ZstdError:
        return None
    while True:
        if pos + 3 > len(data):
            return None
        head = int.from_bytes(data[pos:pos + 3], "little")
        kind, size = (head >> 1) & 3, head >> 3
        if kind == 3:  # reserved
            return None
        pos += 3 + (1 if kind == 1 else size)  # an RLE block holds its one byte
        if head & 1:  # the last block
            break
    pos += 4 if checksum else 0
    return pos if pos <= len(data) else None


_END_FRAME = bytearray()  # tells the compressor to finish its frame (by identity)
_MARK = bytearray()  # tells the emitter a frame ended (by identity)
_Item = bytes | bytearray
_Chunk = bytes | bytearray | _Packed  # what the hasher and the compressor take


class Pipeline:
    """Takes tar bytes in chunks and, in worker threads, hashes them (sha256: the diff_id),
    compresses them, hashes the compressed bytes and writes those to ``out``.

    Three stages (hash, compress, emit) run concurrently with the producer; the libraries
    release the GIL, so the compressor can keep a core to itself. The threads start only
    once :data:`_INLINE_LIMIT` bytes have come: a smaller layer (most build steps make one)
    is hashed and compressed in the caller's thread at :meth:`finish`, without three thread
    starts and hand-offs. Chunks handed to :meth:`put` must not be modified afterwards.

    A zstd stream may be cut into frames (:meth:`end_frame`), and a frame compressed
    before may be put in whole (:meth:`reuse`); :attr:`frame_ends` then holds where each
    frame of ``out`` ends.
    """

    def __init__(self, out: BinaryIO, compression: Compression, level: int,
                 out_digest: Callable[[], str] | None = None) -> None:
        if compression not in MEDIA_TYPES:
            raise ValueError(f"unknown compression {compression!r}")
        self.compression = compression
        self.size = 0
        self.frame_ends: list[int] = []
        self._out = out
        self._out_digest = out_digest  # ``out`` hashes what it takes: not hashed twice
        self._sha = hashlib.sha256()
        self._out_sha = hashlib.sha256()
        self._out_size = 0
        self._zstd: zstandard.ZstdCompressor | None = None
        self._zc: zstandard.ZstdCompressionObj | None = None
        self._dirty = False  # the zstd frame under way has taken bytes
        self._gz: zlib._Compress | None = None
        self._hasher = _Worker("layer-hash", self._hash)
        self._emitter = _Worker("layer-emit", self._emit)
        self._workers = [self._hasher, self._emitter]
        self._packer = self._emitter  # the stage after the hasher's sibling: compress or emit
        if compression != "none":
            if compression == "zstd":
                self._zstd = zstandard.ZstdCompressor(level=level, write_checksum=False)
                self._zc = self._zstd.compressobj()
            else:
                self._gz = zlib.compressobj(level, zlib.DEFLATED, 31)  # 31: gzip, mtime 0, no name
            self._packer = _Worker("layer-compress", self._compress, self._flush)
            self._workers.insert(1, self._packer)
        # (item, hash it, compress it) until the threads run; None once they do
        self._pending: list[tuple[_Chunk, bool, bool]] | None = []
        self._pending_size = 0
        self._closed = False

    def _start(self) -> None:
        pending, self._pending = self._pending or [], None
        for worker in self._workers:
            worker.start()
        for item, hash_it, pack_it in pending:
            self._route(item, hash_it, pack_it)

    def _route(self, item: _Chunk, hash_it: bool = True, pack_it: bool = True) -> None:
        if self._pending is not None:
            self._pending.append((item, hash_it, pack_it))
            self._pending_size += len(item)
            if self._pending_size >= _INLINE_LIMIT:
                self._start()
            return
        if hash_it:
            self._hasher.queue.put(item)
        if pack_it:
            self._packer.queue.put(item)

    def _finish_inline(self) -> None:
        """Hash, compress and emit what :meth:`put` kept, in this thread."""
        pending, self._pending = self._pending or [], []
        for item, hash_it, pack_it in pending:
            if hash_it:
                self._hash(item)
            if pack_it:
                if self._packer is self._emitter:  # no compression: no frames either
                    assert not isinstance(item, _Packed)
                    self._emit(item)
                else:
                    self._pack(item, self._emit)
        self._end(self._emit)

    def _hash(self, chunk: _Chunk) -> None:
        if isinstance(chunk, _Packed):  # only an _Unpack is hashed
            assert isinstance(chunk, _Unpack)
            chunk = chunk.tar_bytes()
        self._sha.update(chunk)

    def _emit(self, data: _Item) -> None:
        if data is _MARK:
            self.frame_ends.append(self._out_size)
            return
        if self._out_digest is None and (self._zc is not None or self._gz is not None):
            self._out_sha.update(data)
        self._out.write(data)
        self._out_size += len(data)

    def _compress(self, item: _Chunk) -> None:
        self._pack(item, self._emitter.queue.put)

    def _pack(self, item: _Chunk, emit: Callable[[_Item], None]) -> None:
        if item is _END_FRAME:
            self._end_frame(emit)
        elif isinstance(item, _Packed):
            emit(item.data)
            emit(_MARK)
        elif self._zc is not None:
            self._dirty = True
            data = self._zc.compress(item)
            if data:
                emit(data)
        else:
            assert self._gz is not None
            data = self._gz.compress(item)
            if data:
                emit(data)

    def _end_frame(self, emit: Callable[[_Item], None]) -> None:
        """Finish the zstd frame under way, if it has taken anything, and start another."""
        if self._zc is None or self._zstd is None or not self._dirty:
            return
        data = self._zc.flush(zstandard.COMPRESSOBJ_FLUSH_FINISH)
        self._zc = self._zstd.compressobj()
        self._dirty = False
        if data:
            emit(data)
        emit(_MARK)

    def _end(self, emit: Callable[[_Item], None]) -> None:
        """Finish the compressed stream."""
        if self._zc is not None:
            self._end_frame(emit)
        elif self._gz is not None:
            data = self._gz.flush()
            if data:
                emit(data)

    def _flush(self) -> None:
        try:
            if self._packer.error is None:
                self._end(self._emitter.queue.put)
        finally:
            self._emitter.queue.put(_STOP)

    def check(self) -> None:
        """Re-raise a failure of a worker thread (e.g. ``out`` refused a write)."""
        for worker in self._workers:
            if worker.error is not None:
                raise worker.error

    def put(self, chunk: bytes | bytearray) -> None:
        """Queue a chunk of tar bytes (blocks while the workers are behind)."""
        if not chunk:
            return
        self.size += len(chunk)
        self._route(chunk)

    def end_frame(self) -> None:
        """End the zstd frame under way here: what comes next starts a frame of its own."""
        if self._zstd is None:
            raise ValueError("only a zstd stream has frames")
        self._route(_END_FRAME, hash_it=False)

    def reuse(self, packed: bytes, raw_size: int) -> None:
        """Put in one whole zstd frame compressed before: ``packed``, holding ``raw_size``
        tar bytes (which the hasher decompresses and hashes as ever: if they are not
        that many, :meth:`finish` raises :class:`~builder.errors.FrameError`). The frame
        under way ends first."""
        if self._zstd is None:
            raise ValueError("only a zstd stream has frames")
        if frame_size(packed) != len(packed):
            raise FrameError("a reused zstd frame is not one whole frame")
        self.size += raw_size
        self._route(_END_FRAME, hash_it=False)
        self._route(_Unpack(packed, raw_size), pack_it=False)
        self._route(_Packed(packed), hash_it=False)

    def _stop(self) -> None:
        if not self._closed:
            self._closed = True
            if self._pending is not None:
                return  # the threads never started
            self._hasher.queue.put(_STOP)
            self._packer.queue.put(_STOP)
            for worker in self._workers:
                worker.join()

    def abort(self) -> None:
        """Stop the workers without finishing the stream."""
        self._stop()

    def finish(self) -> tuple[str, str, int]:
        """Flush everything; return (diff_id, blob digest, blob size)."""
        if self._pending is not None and not self._closed:
            self._closed = True
            self._finish_inline()
        self._stop()
        self.check()
        diff_id = "sha256:" + self._sha.hexdigest()
        if self.compression == "none":
            digest = diff_id
        elif self._out_digest is not None:
            digest = self._out_digest()
        else:
            digest = "sha256:" + self._out_sha.hexdigest()
        return diff_id, digest, self._out_size
