"""Layer writing and application: round trips, determinism, digests, whiteouts."""

from __future__ import annotations

import gzip
import hashlib
import io
import os
import random
import stat
import struct
import subprocess
import tarfile
import threading
import traceback
from pathlib import Path

import pytest
import zstandard

import builder.layers
from builder.errors import LayerError
from builder.layers import (
    MEDIA_TYPES,
    ApplyStats,
    Change,
    apply_layer,
    changes_from_tree,
    detect_compression,
    open_uncompressed,
    write_layer,
)

IS_ROOT = os.geteuid() == 0
COMPRESSIONS = ["zstd", "gzip", "none"]
# vfs_cap_data v2 with the effective bit: cap_net_bind_service permitted
CAPABILITY = struct.pack("<IIIII", 0x02000001, 1 << 10, 0, 0, 0)


def _xattrs_supported(path: Path) -> bool:
    probe = path / ".xattr-probe"
    probe.write_bytes(b"")
    try:
        os.setxattr(probe, "user.probe", b"1")
        return True
    except OSError:
        return False
    finally:
        probe.unlink()


def make_tree(root: Path) -> None:
    """A tree with every entry type the writer supports."""
    root.mkdir(parents=True, exist_ok=True)
    (root / "etc").mkdir()
    (root / "etc" / "hello").write_text("hello\n")
    os.link(root / "etc" / "hello", root / "etc" / "hello2")
    (root / "etc" / "passwd").write_text("root:x:0:0::/root:/bin/sh\n")
    (root / "bin").mkdir()
    (root / "bin" / "tool").write_bytes(random.Random(7).randbytes(3 * 1024 * 1024 + 17))
    os.chmod(root / "bin" / "tool", 0o4755)
    (root / "bin" / "empty").write_bytes(b"")
    os.symlink("tool", root / "bin" / "alias")
    os.symlink("/etc/passwd", root / "bin" / "abs-link")
    os.symlink("../" * 5 + "nowhere", root / "bin" / "dangling")
    (root / "tmp").mkdir()
    os.chmod(root / "tmp", 0o1777)
    os.mkfifo(root / "tmp" / "fifo")
    (root / "tmp" / "sock-free").write_text("x")
    long_dir = root / ("d" * 150)
    long_dir.mkdir()
    (long_dir / ("f" * 200)).write_text("long name")
    deep = root / "deep" / ("a" * 120) / ("b" * 120) / ("c" * 120)
    deep.mkdir(parents=True)  # paths > 255 bytes
    (deep / "leaf").write_text("deep")
    os.link(deep / "leaf", root / "deep" / "leaf-link")  # hardlink with a long linkname
    (root / "unicodé").mkdir()
    (root / "unicodé" / "日本語.txt").write_text("konnichiwa")
    (root / "unicodé" / ("ü" * 60)).write_text("long non-ascii")
    os.chmod(root / "etc" / "passwd", 0o640)
    (root / "sgid").mkdir()
    os.chmod(root / "sgid", 0o2775)
    if IS_ROOT:
        os.chown(root / "etc" / "passwd", 1000, 1001)
        os.chown(root / "bin" / "alias", 42, 43, follow_symlinks=False)
        os.chown(root / "sgid", 3000000, 3000001)  # ids that need PAX records
        os.mknod(root / "tmp" / "null", 0o666 | stat.S_IFCHR, os.makedev(1, 3))
        os.mknod(root / "tmp" / "loop", 0o660 | stat.S_IFBLK, os.makedev(7, 0))
    if _xattrs_supported(root):
        os.setxattr(root / "etc" / "hello", "user.greeting", b"bonjour")
        os.setxattr(root / "etc", "user.dir", b"yes")
        if IS_ROOT:
            os.setxattr(root / "bin" / "tool", "security.capability", CAPABILITY)
    os.utime(root / "etc" / "hello", (1_600_000_000, 1_600_000_000))


def snapshot(root: Path) -> dict[str, tuple[object, ...]]:
    """Everything that a layer round trip must preserve, keyed by relative path."""
    result: dict[str, tuple[object, ...]] = {}
    inodes: dict[int, str] = {}
    for dirpath, dirnames, filenames in os.walk(root):
        for name in sorted(dirnames + filenames):
            path = Path(dirpath) / name
            rel = str(path.relative_to(root))
            st = os.lstat(path)
            kind = stat.S_IFMT(st.st_mode)
            content: object = None
            if stat.S_ISREG(st.st_mode):
                content = hashlib.sha256(path.read_bytes()).hexdigest()
            elif stat.S_ISLNK(st.st_mode):
                content = os.readlink(path)
            elif stat.S_ISCHR(st.st_mode) or stat.S_ISBLK(st.st_mode):
                content = (os.major(st.st_rdev), os.minor(st.st_rdev))
            link_group = None
            if not stat.S_ISDIR(st.st_mode) and st.st_nlink > 1:
                link_group = inodes.setdefault(st.st_ino, rel)
            try:
                xattrs = tuple(
                    sorted(
                        (n, os.getxattr(path, n, follow_symlinks=False))
                        for n in os.listxattr(path, follow_symlinks=False)
                    )
                )
            except OSError:
                xattrs = ()
            result[rel] = (
                kind,
                stat.S_IMODE(st.st_mode),
                st.st_uid,
                st.st_gid,
                content,
                int(st.st_mtime),
                link_group,
                xattrs,
            )
    return result


def write_bytes(source: Path, compression: str = "zstd", **kwargs: object) -> tuple[bytes, object]:
    out = io.BytesIO()
    digests = write_layer(changes_from_tree(source), out, compression=compression, **kwargs)  # type: ignore[arg-type]
    return out.getvalue(), digests


def decompress(blob: bytes) -> bytes:
    return open_uncompressed(io.BytesIO(blob)).read()


def test_public_api_is_pinned() -> None:
    assert set(builder.layers.__all__) == {
        "MEDIA_TYPES", "OPAQUE_MARKER", "WHITEOUT_PREFIX", "ApplyStats", "Change", "ChangeKind",
        "Compression", "HashingReader", "LayerDigests", "apply_layer", "changes_from_tree",
        "detect_compression", "open_uncompressed", "transcode", "write_layer",
    }
    assert all(hasattr(builder.layers, name) for name in builder.layers.__all__)


def test_changes_and_stats_are_value_records() -> None:
    assert Change("a", "delete") == Change("a", "delete", None)
    assert Change("a", "add", "/x") != Change("a", "add", "/y")
    assert len({Change("a", "add", "/x"), Change("a", "add", "/x")}) == 1
    assert repr(Change("a", "delete")) == "Change(path='a', kind='delete', source=None)"
    one, two = ApplyStats(), ApplyStats()
    one.entries += 1
    assert (one.entries, two.entries) == (1, 0) and one != two
    with pytest.raises(TypeError, match="unhashable"):
        hash(one)


@pytest.mark.parametrize("source", COMPRESSIONS)
@pytest.mark.parametrize("target", COMPRESSIONS)
def test_transcode_rewrites_the_same_tar_and_gives_its_diff_id(
        tmp_path: Path, source: str, target: str) -> None:
    src = tmp_path / "src"
    make_tree(src)
    blob, digests = write_bytes(src, source)
    out = io.BytesIO()
    got, size = builder.layers.transcode(io.BytesIO(blob), out, target)  # type: ignore[arg-type]
    assert (got, size) == (digests.diff_id, digests.uncompressed_size)  # type: ignore[attr-defined]
    assert decompress(out.getvalue()) == decompress(blob)
    assert builder.layers.detect_compression(out.getvalue()[:8]) == target
    assert builder.layers.transcode(io.BytesIO(blob)) == (got, size)  # hashing only


@pytest.mark.parametrize("compression", COMPRESSIONS)
def test_round_trip_preserves_every_type(tmp_path: Path, compression: str) -> None:
    src = tmp_path / "src"
    make_tree(src)
    blob, digests = write_bytes(src, compression)
    dst = tmp_path / "dst"
    stats = apply_layer(io.BytesIO(blob), dst)
    assert snapshot(dst) == snapshot(src)
    assert stats.skipped == 0
    assert stats.bytes == sum(p.stat().st_size for p in src.rglob("*") if p.is_file()
                              and not p.is_symlink() and p.name != "hello2"
                              and p.name != "leaf-link")
    assert digests.media_type == MEDIA_TYPES[compression]  # type: ignore[attr-defined]


def test_round_trip_from_a_pipe(tmp_path: Path) -> None:
    src = tmp_path / "src"
    make_tree(src)
    blob, _ = write_bytes(src, "gzip")
    read_end, write_end = os.pipe()

    def feed() -> None:
        with os.fdopen(write_end, "wb") as w:
            w.write(blob)

    feeder = threading.Thread(target=feed)
    feeder.start()
    with os.fdopen(read_end, "rb", buffering=0) as r:
        apply_layer(r, tmp_path / "dst")  # type: ignore[arg-type]
    feeder.join()
    assert snapshot(tmp_path / "dst") == snapshot(src)


@pytest.mark.parametrize("big", [False, True], ids=["inline", "threaded"])
@pytest.mark.parametrize("compression", COMPRESSIONS)
def test_digests_match_independent_hashes(tmp_path: Path, compression: str, big: bool) -> None:
    src = tmp_path / "src"
    make_tree(src)
    if big:  # past the size below which the pipeline works without threads
        (src / "big").write_bytes(random.Random(3).randbytes(6 * 1024 * 1024))
    blob, d = write_bytes(src, compression)
    tar = decompress(blob)
    assert d.diff_id == "sha256:" + hashlib.sha256(tar).hexdigest()  # type: ignore[attr-defined]
    assert d.digest == "sha256:" + hashlib.sha256(blob).hexdigest()  # type: ignore[attr-defined]
    assert d.size == len(blob)  # type: ignore[attr-defined]
    assert d.uncompressed_size == len(tar)  # type: ignore[attr-defined]
    assert detect_compression(blob[:4]) == compression
    if compression == "none":
        assert d.digest == d.diff_id  # type: ignore[attr-defined]


def test_diff_id_is_the_same_for_every_compression(tmp_path: Path) -> None:
    src = tmp_path / "src"
    make_tree(src)
    ids = {write_bytes(src, c)[1].diff_id for c in COMPRESSIONS}  # type: ignore[attr-defined]
    assert len(ids) == 1


def test_zstd_blob_is_one_frame_and_gzip_header_is_fixed(tmp_path: Path) -> None:
    src = tmp_path / "src"
    make_tree(src)
    zblob, _ = write_bytes(src, "zstd")
    frame = zstandard.get_frame_parameters(zblob)
    assert frame.has_checksum is False
    assert zstandard.frame_content_size(zblob) == -1  # streamed: no content size
    assert zblob.count(b"\x28\xb5\x2f\xfd") >= 1
    gblob, _ = write_bytes(src, "gzip")
    assert gblob[3] == 0  # FLG: no name, no comment, no extra
    assert gblob[4:8] == b"\0\0\0\0"  # MTIME 0
    assert gzip.decompress(gblob) == decompress(zblob)


def test_output_is_deterministic_and_epoch_clamps_mtimes(tmp_path: Path) -> None:
    a, b = tmp_path / "a", tmp_path / "b"
    make_tree(a)
    make_tree(b)
    for p in [b, *b.rglob("*")]:
        os.utime(p, (2_000_000_000, 2_000_000_000), follow_symlinks=False)  # later than epoch
    one, d1 = write_bytes(a, "zstd", epoch=1_500_000_000)
    two, d2 = write_bytes(a, "zstd", epoch=1_500_000_000)
    other, d3 = write_bytes(b, "zstd", epoch=1_500_000_000)
    assert one == two and d1 == d2
    assert one == other and d1 == d3
    with tarfile.open(fileobj=io.BytesIO(decompress(one))) as tf:
        members = tf.getmembers()
    assert members and all(m.mtime <= 1_500_000_000 for m in members)
    hello = next(m for m in members if m.name == "etc/hello")
    assert hello.mtime == 1_500_000_000
    free, _ = write_bytes(a, "none")
    with tarfile.open(fileobj=io.BytesIO(free)) as tf:
        assert tf.getmember("etc/hello").mtime == 1_600_000_000


def test_tar_format_matches_docker_conventions(tmp_path: Path) -> None:
    src = tmp_path / "src"
    make_tree(src)
    raw, _ = write_bytes(src, "none")
    assert raw.endswith(bytes(1024))
    assert len(raw) % 512 == 0
    with tarfile.open(fileobj=io.BytesIO(raw)) as tf:
        members = tf.getmembers()
    names = [m.name for m in members]
    assert "etc" in names and "etc/hello" in names
    first = raw[:512]
    assert first[257:265] == b"ustar\x0000"
    assert first[:4] == b"bin/"  # directories carry a trailing slash, no "./"
    assert all(m.uname == "" and m.gname == "" for m in members)
    for m in members:
        assert "atime" not in m.pax_headers and "ctime" not in m.pax_headers
        assert "mtime" not in m.pax_headers
    by_name = {m.name: m for m in members}
    assert by_name["etc/hello2"].islnk() and by_name["etc/hello2"].linkname == "etc/hello"
    assert by_name["etc/hello"].pax_headers == {"SCHILY.xattr.user.greeting": "bonjour"} or (
        not _xattrs_supported(tmp_path)
    )
    assert by_name["etc/passwd"].pax_headers == {}  # no PAX record when nothing needs it
    assert by_name["bin/tool"].mode == 0o4755
    assert by_name["tmp"].mode == 0o1777
    # entries are sorted component-wise with parents first
    keys = [m.name.split("/") for m in members]
    assert keys == sorted(keys)
    listing = subprocess.run(
        ["tar", "-tvf", "-"], input=raw, capture_output=True, check=True
    ).stdout.decode()
    assert "etc/hello2 link to etc/hello" in listing
    assert "unicodé/日本語.txt" in listing
    assert "d" * 150 + "/" + "f" * 200 in listing


@pytest.mark.parametrize("fmt", ["posix", "gnu"])
def test_applies_gnu_tar_archives(tmp_path: Path, fmt: str) -> None:
    src = tmp_path / "src"
    make_tree(src)
    raw = subprocess.run(
        ["tar", "-C", str(src), f"--format={fmt}", "--xattrs", "--xattrs-include=*",
         "-cf", "-", "."],
        capture_output=True, check=True,
    ).stdout
    apply_layer(io.BytesIO(raw), tmp_path / "dst")
    want, got = snapshot(src), snapshot(tmp_path / "dst")
    if fmt == "gnu":  # no xattrs in the GNU format
        want = {k: v[:-1] for k, v in want.items()}
        got = {k: v[:-1] for k, v in got.items()}
    assert got == want


def test_sockets_are_skipped(tmp_path: Path) -> None:
    import socket

    src = tmp_path / "src"
    src.mkdir()
    (src / "a").write_text("a")
    with socket.socket(socket.AF_UNIX) as s:
        s.bind(str(src / "sock"))
        raw, _ = write_bytes(src, "none")
    with tarfile.open(fileobj=io.BytesIO(raw)) as tf:
        assert tf.getnames() == ["a"]


def test_overrides_for_owner_and_mode(tmp_path: Path) -> None:
    src = tmp_path / "src"
    make_tree(src)
    raw, _ = write_bytes(src, "none", uid_gid=(1234, 5678), mode_override=0o750)
    with tarfile.open(fileobj=io.BytesIO(raw)) as tf:
        for m in tf.getmembers():
            assert (m.uid, m.gid) == (1234, 5678)
            assert m.mode == (0o777 if m.issym() else 0o750)


def test_changes_from_tree_order_and_prefix(tmp_path: Path) -> None:
    src = tmp_path / "src"
    (src / "a").mkdir(parents=True)
    (src / "a" / "b").write_text("")
    (src / "a-b").write_text("")
    (src / "a.b").write_text("")
    (src / "B").write_text("")
    paths = [c.path for c in changes_from_tree(src, prefix="/usr/local/")]
    assert paths == [f"usr/local/{p}" for p in ("B", "a", "a/b", "a-b", "a.b")]
    assert all(c.kind == "add" and c.source and os.path.isabs(c.source)
               for c in changes_from_tree(src))


def test_write_layer_rejects_bad_changes(tmp_path: Path) -> None:
    f = tmp_path / "f"
    f.write_text("x")
    cases = [
        [Change("b", "add", str(f)), Change("a", "add", str(f))],  # unsorted
        [Change("a", "add", str(f)), Change("a", "add", str(f))],  # duplicate
        [Change("a/../b", "add", str(f))],
        [Change("/abs", "add", str(f))],
        [Change("./a", "add", str(f))],
        [Change("a//b", "add", str(f))],
        [Change("a/.wh.b", "add", str(f))],
        [Change("a", "add", None)],
        [Change("a", "opaque", str(f))],  # not a directory
        [Change("a", "add", str(tmp_path / "missing"))],
        # component by component, "a/b" comes before "a-b" ("/" sorts before any byte)
        [Change("a-b", "add", str(f)), Change("a/b", "add", str(f))],
        [Change("a", "add", str(f)), Change("a/b/c", "add", str(f)),
         Change("a/b", "add", str(f))],
        [Change("", "add", str(f))],
        [Change("a/", "add", str(f))],
        [Change("a/.", "add", str(f))],
        [Change("..", "add", str(f))],
        [Change("a\0b", "add", str(f))],
    ]
    for changes in cases:
        with pytest.raises(LayerError):
            write_layer(changes, io.BytesIO())
    d = tmp_path / "d"
    d.mkdir()
    names = [".x", "a", "a/b", "a/b/c", "a/b-c", "a-b", "a.b", "a0", "b..c"]
    out = io.BytesIO()
    write_layer([Change(p, "add", str(d if p in ("a", "a/b") else f)) for p in names], out,
                compression="none")
    with tarfile.open(fileobj=io.BytesIO(out.getvalue())) as tar:
        assert tar.getnames() == names


@pytest.mark.skipif(not IS_ROOT, reason="mknod of a 0:0 char device needs root")
def test_overlay_whiteout_device_as_add_is_refused(tmp_path: Path) -> None:
    wh = tmp_path / "gone"
    os.mknod(wh, 0o600 | stat.S_IFCHR, os.makedev(0, 0))
    with pytest.raises(LayerError, match="whiteout"):
        write_layer([Change("gone", "add", str(wh))], io.BytesIO())


@pytest.mark.parametrize("big", [False, True], ids=["inline", "threaded"])
def test_failing_output_raises_instead_of_hanging(tmp_path: Path, big: bool) -> None:
    src = tmp_path / "src"
    make_tree(src)
    if big:
        (src / "big").write_bytes(bytes(6 * 1024 * 1024))

    class Broken(io.RawIOBase):
        def writable(self) -> bool:
            return True

        def write(self, b: object) -> int:
            raise OSError(28, "No space left on device")

    with pytest.raises(OSError, match="No space"):
        write_layer(changes_from_tree(src), Broken(), compression="none")  # type: ignore[arg-type]


def _tar(entries: list[tuple[str, str, bytes | str]]) -> bytes:
    """A tar from (name, kind, data-or-linkname) with kind in file/dir/symlink."""
    buf = io.BytesIO()
    with tarfile.open(fileobj=buf, mode="w", format=tarfile.PAX_FORMAT) as tf:
        for name, kind, data in entries:
            info = tarfile.TarInfo(name)
            info.mtime = 1_000_000
            if kind == "dir":
                info.type = tarfile.DIRTYPE
                info.mode = 0o755
                tf.addfile(info)
            elif kind == "symlink":
                info.type = tarfile.SYMTYPE
                info.linkname = str(data)
                tf.addfile(info)
            elif kind == "link":
                info.type = tarfile.LNKTYPE
                info.linkname = str(data)
                tf.addfile(info)
            else:
                payload = data if isinstance(data, bytes) else data.encode()
                info.size = len(payload)
                info.mode = 0o644
                tf.addfile(info, io.BytesIO(payload))
    return buf.getvalue()


def _lower(tmp_path: Path) -> Path:
    root = tmp_path / "root"
    apply_layer(io.BytesIO(_tar([
        ("etc/", "dir", ""),
        ("etc/hello", "file", "hi"),
        ("etc/hello2", "link", "etc/hello"),
        ("etc/keep", "file", "keep"),
        ("opq/", "dir", ""),
        ("opq/old", "file", "old"),
        ("opq/sub/", "dir", ""),
        ("opq/sub/older", "file", "older"),
        ("opq/sub/kept-name", "file", "lower version"),
        ("var/", "dir", ""),
        ("var/lib/", "dir", ""),
        ("var/lib/db", "file", "db"),
    ])), root)
    return root


def _tree(root: Path) -> dict[str, str]:
    out = {}
    for p in sorted(root.rglob("*")):
        rel = str(p.relative_to(root))
        out[rel] = "dir" if p.is_dir() else p.read_text()
    return out


def test_whiteouts_and_opaque_markers(tmp_path: Path) -> None:
    root = _lower(tmp_path)
    stats = apply_layer(io.BytesIO(_tar([
        ("etc/", "dir", ""),
        ("etc/.wh.hello2", "file", ""),
        ("opq/", "dir", ""),
        ("opq/.wh..wh..opq", "file", ""),
        ("opq/new", "file", "new"),
        ("var/.wh.lib", "file", ""),
    ])), root)
    assert _tree(root) == {
        "etc": "dir", "etc/hello": "hi", "etc/keep": "keep",
        "opq": "dir", "opq/new": "new", "var": "dir",
    }
    assert stats.whiteouts == 2 and stats.opaques == 1


def test_opaque_marker_after_same_layer_children(tmp_path: Path) -> None:
    root = _lower(tmp_path)
    apply_layer(io.BytesIO(_tar([
        ("opq/", "dir", ""),
        ("opq/new", "file", "new"),
        ("opq/sub/kept-name", "file", "upper version"),  # same layer, under a lower dir
        ("opq/.wh..wh..opq", "file", ""),
    ])), root)
    assert _tree(root)["opq"] == "dir"
    assert {k: v for k, v in _tree(root).items() if k.startswith("opq/")} == {
        "opq/new": "new", "opq/sub": "dir", "opq/sub/kept-name": "upper version",
    }


def test_whiteout_never_hides_same_layer_entries(tmp_path: Path) -> None:
    root = _lower(tmp_path)
    apply_layer(io.BytesIO(_tar([
        ("etc/keep", "file", "replaced"),
        ("etc/.wh.keep", "file", ""),
    ])), root)
    assert (root / "etc" / "keep").read_text() == "replaced"


def test_write_then_apply_whiteouts_from_changes(tmp_path: Path) -> None:
    root = _lower(tmp_path)
    upper = tmp_path / "upper"
    (upper / "opq").mkdir(parents=True)
    (upper / "opq" / "fresh").write_text("fresh")
    changes = [
        Change("etc/hello", "delete"),
        Change("opq", "opaque", str(upper / "opq")),
        Change("opq/fresh", "add", str(upper / "opq" / "fresh")),
        Change("var/lib/db", "delete"),
    ]
    out = io.BytesIO()
    write_layer(changes, out, compression="gzip")
    with tarfile.open(fileobj=io.BytesIO(gzip.decompress(out.getvalue()))) as tf:
        infos = {m.name: m for m in tf.getmembers()}
    assert list(infos) == ["etc/.wh.hello", "opq", "opq/.wh..wh..opq", "opq/fresh",
                           "var/lib/.wh.db"]
    assert infos["etc/.wh.hello"].mode == 0 and infos["etc/.wh.hello"].size == 0
    apply_layer(io.BytesIO(out.getvalue()), root)
    tree = _tree(root)
    assert "etc/hello" not in tree and tree["etc/hello2"] == "hi"  # the other link survives
    assert {k for k in tree if k.startswith("opq/")} == {"opq/fresh"}
    assert "var/lib/db" not in tree and tree["var/lib"] == "dir"
    assert not any(".wh." in k for k in tree)


def test_dir_over_dir_keeps_children_and_takes_attributes(tmp_path: Path) -> None:
    root = _lower(tmp_path)
    buf = io.BytesIO()
    with tarfile.open(fileobj=buf, mode="w", format=tarfile.PAX_FORMAT) as tf:
        info = tarfile.TarInfo("etc")
        info.type = tarfile.DIRTYPE
        info.mode = 0o700
        info.mtime = 1234
        tf.addfile(info)
    apply_layer(io.BytesIO(buf.getvalue()), root)
    assert (root / "etc" / "keep").read_text() == "keep"
    st = os.stat(root / "etc")
    assert stat.S_IMODE(st.st_mode) == 0o700 and int(st.st_mtime) == 1234


def test_file_replaces_dir_and_symlink_replaces_file(tmp_path: Path) -> None:
    root = _lower(tmp_path)
    apply_layer(io.BytesIO(_tar([
        ("var/lib", "file", "now a file"),
        ("etc/keep", "symlink", "hello"),
    ])), root)
    assert (root / "var" / "lib").read_text() == "now a file"
    assert os.readlink(root / "etc" / "keep") == "hello"


def test_directory_mtimes_are_fixed_after_children(tmp_path: Path) -> None:
    root = tmp_path / "root"
    apply_layer(io.BytesIO(_tar([("a/", "dir", ""), ("a/b", "file", "x"), ("a/c/", "dir", ""),
                                 ("a/c/d", "file", "y")])), root)
    assert int(os.stat(root / "a").st_mtime) == 1_000_000
    assert int(os.stat(root / "a" / "c").st_mtime) == 1_000_000


def test_replaced_directory_does_not_lend_its_mtime(tmp_path: Path) -> None:
    buf = io.BytesIO()
    with tarfile.open(fileobj=buf, mode="w", format=tarfile.PAX_FORMAT) as tf:
        first = tarfile.TarInfo("a")
        first.type, first.mtime = tarfile.DIRTYPE, 111
        tf.addfile(first)
        second = tarfile.TarInfo("a")
        second.size, second.mtime = 1, 222
        tf.addfile(second, io.BytesIO(b"x"))
    apply_layer(io.BytesIO(buf.getvalue()), tmp_path / "root")
    assert int(os.lstat(tmp_path / "root" / "a").st_mtime) == 222


def test_symlinked_parent_inside_root_is_followed_within_root(tmp_path: Path) -> None:
    root = tmp_path / "root"
    apply_layer(io.BytesIO(_tar([
        ("usr/", "dir", ""), ("usr/lib/", "dir", ""), ("lib", "symlink", "usr/lib"),
        ("lib/libc.so", "file", "libc"),
    ])), root)
    assert (root / "usr" / "lib" / "libc.so").read_text() == "libc"


def test_detect_and_open_uncompressed() -> None:
    data = b"hello tar" * 1000
    assert detect_compression(gzip.compress(data)[:4]) == "gzip"
    assert detect_compression(zstandard.compress(data)[:4]) == "zstd"
    assert detect_compression(data[:4]) == "none"
    assert detect_compression(b"") == "none"
    for blob in (gzip.compress(data), zstandard.compress(data), data):
        assert open_uncompressed(io.BytesIO(blob)).read() == data
    two_frames = zstandard.compress(data[:5]) + zstandard.compress(data[5:])
    assert open_uncompressed(io.BytesIO(two_frames)).read() == data
    with pytest.raises(LayerError):
        open_uncompressed(io.BytesIO(gzip.compress(data)[:-30] + b"garbage" * 5)).read()


@pytest.mark.skipif(not IS_ROOT, reason="needs root to switch to an unprivileged user")
def test_apply_as_unprivileged_user(tmp_path: Path) -> None:
    """Read-only directories still receive their children; no chown, no device nodes."""
    blob = tmp_path / "layer.tar"
    buf = io.BytesIO()
    with tarfile.open(fileobj=buf, mode="w", format=tarfile.PAX_FORMAT) as tf:
        ro = tarfile.TarInfo("ro")
        ro.type, ro.mode, ro.mtime = tarfile.DIRTYPE, 0o555, 4242
        tf.addfile(ro)
        child = tarfile.TarInfo("ro/child")
        child.size, child.uid = 2, 1234
        tf.addfile(child, io.BytesIO(b"ok"))
        node = tarfile.TarInfo("null")
        node.type, node.devmajor, node.devminor = tarfile.CHRTYPE, 1, 3
        tf.addfile(node)
    blob.write_bytes(buf.getvalue())
    target = tmp_path / "target"
    target.mkdir()
    os.chown(target, 65534, 65534)
    os.chmod(tmp_path, 0o711)
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:  # child: drop to nobody and apply
        code = 1
        try:
            os.close(read_end)
            fh = open(blob, "rb")  # noqa: SIM115
            os.chdir(tmp_path)  # relative lookups need no access to tmp_path's ancestors
            os.setgroups([])
            os.setgid(65534)
            os.setuid(65534)
            stats = apply_layer(fh, "target")
            os.write(write_end, str(stats.skipped).encode())
            code = 0
        except BaseException as exc:
            os.write(write_end, "".join(traceback.format_exception(exc)).encode())
        finally:
            os._exit(code)
    os.close(write_end)
    with os.fdopen(read_end) as r:
        report = r.read()
    _, status = os.waitpid(pid, 0)
    assert os.waitstatus_to_exitcode(status) == 0, report
    assert report == "1"
    st = os.stat(target / "ro")
    assert stat.S_IMODE(st.st_mode) == 0o555 and int(st.st_mtime) == 4242
    assert (target / "ro" / "child").read_bytes() == b"ok"
    assert os.stat(target / "ro" / "child").st_uid == 65534
    assert not os.path.lexists(target / "null")

