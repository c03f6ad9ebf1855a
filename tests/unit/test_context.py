"""The build context: .dockerignore, scan records, stat cache, digests, tar contexts."""

from __future__ import annotations

import bz2
import gzip
import io
import json
import lzma
import os
import socket
import stat
import tarfile
from pathlib import Path

import pytest
import zstandard
from blake3 import blake3
from hypothesis import given, settings
from hypothesis import strategies as st

import builder.context as context_mod
from builder.context import (
    ContextSnapshot,
    Entry,
    StatCache,
    ignore_patterns,
    open_context,
    scan,
)
from builder.context_tar import extract_tar
from builder.errors import ContextError

TYPE_CHECKING = False
if TYPE_CHECKING:
    from builder.context import EntryKind


def make_tree(root: Path, files: dict[str, str]) -> Path:
    for rel, data in files.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(data)
    return root


@pytest.fixture
def ctx(tmp_path: Path) -> Path:
    return make_tree(
        tmp_path / "ctx",
        {
            "Dockerfile": "FROM scratch\n",
            "app/main.py": "print(1)\n",
            "app/util.py": "x = 2\n",
            "docs/readme.md": "# hi\n",
            "node_modules/pkg/index.js": "1\n",
            "node_modules/keep/index.js": "2\n",
            "build/out.o": "obj",
        },
    )


def paths(snap: ContextSnapshot) -> set[str]:
    return set(snap.entries)


# --- .dockerignore --------------------------------------------------------------------------


def test_dockerignore_excludes_paths_and_everything_below(ctx: Path) -> None:
    (ctx / ".dockerignore").write_text("docs\n*.o\nbuild\n")
    snap = open_context(ctx).snapshot
    assert "docs" not in paths(snap) and "docs/readme.md" not in paths(snap)
    assert "build" not in paths(snap) and "build/out.o" not in paths(snap)
    assert {"app", "app/main.py", "Dockerfile", ".dockerignore"} <= paths(snap)
    assert snap.get("docs/readme.md") is None
    assert snap.children(".") == [".dockerignore", "Dockerfile", "app", "node_modules"]


def test_exception_reincludes_a_file_under_an_excluded_directory(ctx: Path) -> None:
    (ctx / ".dockerignore").write_text("node_modules\n!node_modules/keep\n")
    snap = open_context(ctx).snapshot
    assert "node_modules/keep/index.js" in paths(snap)
    assert "node_modules/pkg" not in paths(snap)
    assert "node_modules/pkg/index.js" not in paths(snap)
    # parent directories of re-included files are part of the context
    assert snap.entries["node_modules"].kind == "dir"


def test_walker_skips_excluded_directories_without_exceptions(ctx: Path) -> None:
    # a FIFO is reported when the walker sees it: it must never see this one
    os.mkfifo(ctx / "node_modules" / "pkg" / "pipe")
    (ctx / ".dockerignore").write_text("node_modules\n")
    snap = open_context(ctx).snapshot
    assert snap.stats.skipped == []
    (ctx / ".dockerignore").write_text("node_modules\n!node_modules/pkg/index.js\n")
    snap = open_context(ctx).snapshot
    assert "node_modules/pkg/index.js" in paths(snap)
    assert snap.stats.skipped == []  # pipe is excluded, so it is not even reported


def test_fifo_and_device_in_context_are_kept_a_socket_skipped(ctx: Path) -> None:
    os.mkfifo(ctx / "app" / "pipe")
    os.chmod(ctx / "app" / "pipe", 0o640)
    os.mknod(ctx / "app" / "null", 0o666 | stat.S_IFCHR, os.makedev(1, 3))
    sock = socket.socket(socket.AF_UNIX)
    sock.bind(str(ctx / "app" / "sock"))
    sock.close()
    snap = open_context(ctx).snapshot
    pipe, null = snap.entries["app/pipe"], snap.entries["app/null"]
    assert (pipe.kind, pipe.mode, pipe.size, pipe.digest) == ("fifo", 0o640, 0, "")
    assert (null.kind, null.rdev) == ("char", os.makedev(1, 3))
    assert "app/sock" not in paths(snap)
    assert len(snap.stats.skipped) == 1
    assert "socket 'app/sock'" in snap.stats.skipped[0]


def test_dockerfile_specific_ignore_file_takes_precedence(ctx: Path, tmp_path: Path) -> None:
    (ctx / ".dockerignore").write_text("app\n")
    elsewhere = tmp_path / "files"
    elsewhere.mkdir()
    dockerfile = elsewhere / "web.Dockerfile"
    dockerfile.write_text("FROM scratch\nCOPY . /\n")
    (elsewhere / "web.Dockerfile.dockerignore").write_text("docs\n")
    bc = open_context(ctx, dockerfile)
    assert bc.dockerfile == "FROM scratch\nCOPY . /\n"
    assert bc.dockerfile_name == "web.Dockerfile"
    assert "app/main.py" in paths(bc.snapshot)  # the root .dockerignore is not used
    assert "docs" not in paths(bc.snapshot)
    # without the specific file, the context's .dockerignore applies
    (elsewhere / "web.Dockerfile.dockerignore").unlink()
    assert "app" not in paths(open_context(ctx, dockerfile).snapshot)
    assert ignore_patterns(ctx, dockerfile) == ["app"]


def test_missing_dockerfile_and_context_are_clear_errors(tmp_path: Path) -> None:
    with pytest.raises(ContextError, match="failed to read dockerfile"):
        open_context(tmp_path)
    with pytest.raises(ContextError, match="not found"):
        open_context(tmp_path / "nope")


def test_dockerfile_from_stdin_with_directory_context(ctx: Path) -> None:
    bc = open_context(ctx, "-", stdin=io.BytesIO(b"FROM busybox\n"))
    assert bc.dockerfile == "FROM busybox\n"
    assert "app/main.py" in paths(bc.snapshot)


# --- scan records ---------------------------------------------------------------------------


def test_scan_records_type_mode_owner_size_and_hash(ctx: Path) -> None:

    main = ctx / "app" / "main.py"
    os.chown(main, 1234, 5678)
    os.chmod(main, 0o4751)  # after chown, which clears setuid
    os.symlink("main.py", ctx / "app" / "link")
    snap = scan(ctx)
    e = snap.entries["app/main.py"]
    assert (e.kind, e.mode, e.uid, e.gid, e.size) == ("file", 0o4751, 1234, 5678, 9)
    assert e.digest == blake3(b"print(1)\n").hexdigest()
    link = snap.entries["app/link"]
    assert (link.kind, link.link, link.digest) == ("symlink", "main.py", "")
    assert snap.entries["app"].kind == "dir"
    assert snap.entries["."].kind == "dir"
    assert list(snap.entries) == sorted(snap.entries)


def test_symlinks_are_recorded_never_followed(ctx: Path) -> None:
    os.symlink("/etc/passwd", ctx / "passwd")
    os.symlink("/", ctx / "hostroot")
    os.symlink("../../..", ctx / "app" / "up")
    snap = scan(ctx)
    assert snap.entries["passwd"].kind == "symlink"
    assert snap.entries["passwd"].link == "/etc/passwd"
    assert snap.entries["passwd"].digest == ""  # the target was not read
    assert not any(p.startswith(("hostroot/", "app/up/")) for p in snap.entries)
    # resolving through them stays in the context, its root acting as a chroot (as Docker)
    assert snap.resolve("passwd") == "etc/passwd"
    assert snap.resolve("hostroot/etc/passwd") == "etc/passwd"
    assert snap.resolve("app/up/x") == "x"
    assert snap.get(snap.resolve("passwd")) is None
    with pytest.raises(ContextError):
        snap.open("passwd")
    os.symlink("app/main.py", ctx / "inside")
    assert scan(ctx).resolve("inside") == "app/main.py"


def test_open_refuses_a_path_that_became_a_symlink(ctx: Path, tmp_path: Path) -> None:
    snap = scan(ctx)
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "main.py").write_text("secret")
    os.rename(ctx / "app", tmp_path / "app.moved")
    os.symlink(outside, ctx / "app")
    with pytest.raises(ContextError, match="changed"):
        snap.open("app/main.py")


# --- stat cache -----------------------------------------------------------------------------


@pytest.mark.parametrize("threads", [None, 1, 3])
def test_large_files_hashed_in_threads_beside_small_ones(tmp_path: Path,
                                                        threads: int | None) -> None:
    ctx = tmp_path / "ctx"
    blobs = {f"big/{i}": os.urandom((1 << 20) + 4099 * i) for i in range(4)}
    blobs |= {f"small/{i:03}": os.urandom(i * 7) for i in range(200)}
    for rel, data in blobs.items():
        (ctx / rel).parent.mkdir(parents=True, exist_ok=True)
        (ctx / rel).write_bytes(data)
    snap = scan(ctx, threads=threads)
    assert snap.stats.hashed == len(blobs)
    for rel, data in blobs.items():
        entry = snap.get(rel)
        assert entry is not None and entry.digest == blake3(data).hexdigest(), rel


def test_stat_cache_skips_reading_unchanged_files(
    ctx: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cache_dir = tmp_path / "root" / "cache" / "stat"
    with StatCache.for_root(tmp_path / "root") as cache:
        first = scan(ctx, stat_cache=cache)
    assert cache_dir.is_dir()
    assert first.stats.hashed == first.stats.files == 7
    assert first.stats.cached == 0

    def no_reads(path: str, expect: os.stat_result) -> tuple[str, None]:
        raise AssertionError(f"{path} was read again")

    # a new process would open the cache afresh: the digests come from disk
    monkeypatch.setattr(context_mod, "_hash_file", no_reads)
    with StatCache(cache_dir) as cache:
        second = scan(ctx, stat_cache=cache)
    assert second.stats.hashed == 0 and second.stats.cached == 7
    assert second.entries == first.entries
    assert second.digest(["."]) == first.digest(["."])

    monkeypatch.undo()
    (ctx / "app" / "util.py").write_text("x = 3\n")  # same size, new content
    with StatCache(cache_dir) as cache:
        third = scan(ctx, stat_cache=cache)
    assert third.stats.hashed == 1 and third.stats.cached == 6
    assert third.entries["app/util.py"].digest != first.entries["app/util.py"].digest


def test_a_stat_cache_record_that_does_not_read_back_is_no_record(
        ctx: Path, tmp_path: Path) -> None:
    import diskcache  # type: ignore[import-untyped]

    os.setxattr(ctx / "app" / "main.py", "user.note", b"\x00kept")
    with StatCache(tmp_path / "sc") as cache:
        first = scan(ctx, stat_cache=cache)
        again = scan(ctx, stat_cache=cache)
    assert again.stats.cached == first.stats.files and again.entries == first.entries
    assert again.entries["app/main.py"].xattrs == (("user.note", b"\x00kept"),)
    with diskcache.Cache(str(tmp_path / "sc")) as raw:
        (key,) = [k for k in raw if k[0] == "files-m"]
        for bad in (b"", b"\xff\x00garbage", 42, {"app/main.py": "not a record"}):
            raw[key] = bad
            with StatCache(tmp_path / "sc") as cache:
                assert cache.load(str(ctx)) == {}
                assert scan(ctx, stat_cache=cache).stats.hashed == first.stats.files


def test_stat_cache_misses_on_inode_change(ctx: Path, tmp_path: Path) -> None:
    with StatCache(tmp_path / "sc") as cache:
        scan(ctx, stat_cache=cache)
        target = ctx / "app" / "main.py"
        st = target.stat()
        (ctx / "new").write_text("print(2)\n")
        os.replace(ctx / "new", target)
        os.utime(target, ns=(st.st_atime_ns, st.st_mtime_ns))  # same size and mtime
        again = scan(ctx, stat_cache=cache)
    assert again.stats.hashed == 1
    assert again.entries["app/main.py"].digest != ""


# --- digests --------------------------------------------------------------------------------


def test_digest_ignores_mtime(ctx: Path) -> None:
    before = scan(ctx).digest(["app"])
    os.utime(ctx / "app" / "main.py", (1, 1))
    os.utime(ctx / "app", (2, 2))
    assert scan(ctx).digest(["app"]) == before


@pytest.mark.parametrize("change", ["content", "mode", "uid", "gid", "link", "rename", "add"])
def test_digest_changes_with_content_and_metadata(ctx: Path, change: str) -> None:
    os.symlink("main.py", ctx / "app" / "link")
    before = scan(ctx).digest(["app"])
    main = ctx / "app" / "main.py"
    if change == "content":
        main.write_text("print(2)\n")
    elif change == "mode":
        os.chmod(main, 0o755)
    elif change == "uid":
        os.chown(main, 1000, -1)
    elif change == "gid":
        os.chown(main, -1, 1000)
    elif change == "link":
        os.unlink(ctx / "app" / "link")
        os.symlink("util.py", ctx / "app" / "link")
    elif change == "rename":
        os.rename(main, ctx / "app" / "main2.py")
    else:
        (ctx / "app" / "empty").write_text("")
    assert scan(ctx).digest(["app"]) != before


def test_digest_is_scoped_to_the_selection(ctx: Path) -> None:
    snap = scan(ctx)
    app = snap.digest(["app"])
    (ctx / "docs" / "readme.md").write_text("changed")
    snap2 = scan(ctx)
    assert snap2.digest(["app"]) == app
    assert snap2.digest(["."]) != snap.digest(["."])
    assert snap2.digest(["/app/"]) == app  # paths are normalised
    # swapping which files are selected changes the digest
    assert snap.digest(["app/main.py", "app/util.py"]) != snap.digest(
        ["app/util.py", "app/main.py"]
    )
    with pytest.raises(ContextError, match="not found"):
        snap.digest(["nope"])


def test_digest_is_stable_across_copies_of_the_same_tree(tmp_path: Path) -> None:
    files = {"a/b.txt": "b", "c.txt": "c"}
    one = scan(make_tree(tmp_path / "one", files))
    two = scan(make_tree(tmp_path / "two", files))
    assert one.digest(["."]) == two.digest(["."])


def test_digest_of_names_that_are_not_utf8(tmp_path: Path) -> None:
    """A name byte that is not UTF-8 is hashed as that byte, by the one-pass records and
    by the general ones (an xattr-less hardlink pair takes the latter)."""
    for sub, extra in (("plain", False), ("linked", True)):
        root = tmp_path / sub / "c"
        (root / "d").mkdir(parents=True)
        (root / "d" / os.fsdecode(b"f\xff")).write_text("x\n")
        if extra:
            os.link(root / "d" / os.fsdecode(b"f\xff"), root / "d" / "g")
        snap = scan(root)
        assert snap.digest(["d"]) == snap.digest(["d/"])
    plain = scan(tmp_path / "plain" / "c")
    other = tmp_path / "other"
    (other / "d").mkdir(parents=True)
    (other / "d" / os.fsdecode(b"f\xfe")).write_text("x\n")
    assert plain.digest(["d"]) != scan(other).digest(["d"])


# "\udcff": a name byte that is not UTF-8, as os.fsdecode gives it
_NAMES = st.text(alphabet=st.sampled_from(list('ab."\\\x01\né/ -\udcff')), min_size=1,
                 max_size=6)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(
    _NAMES, st.sampled_from(["file", "dir", "symlink", "fifo", "char", "block"]),
    st.integers(0, 0o7777), st.integers(0, 70000),
    st.sampled_from(["", "x", "a\"b", "f0", "f\udcff"]),
    st.booleans()), min_size=1, max_size=12))
def test_the_one_pass_records_are_the_records(rows: list[tuple[str, str, int, int, str, bool]]
                                              ) -> None:
    """The digest's fast path writes exactly what :meth:`Entry.record` writes, and gives
    way (None) for xattrs, devices, hardlinked files and names JSON escapes."""
    entries, names = [], []
    for i, (name, kind, mode, uid, link, xattr) in enumerate(rows):
        entries.append(Entry(f"sel/{i}", kind, mode, uid, uid // 2, i * 7,  # type: ignore[arg-type]
                             link, "d" * 64 if kind == "file" else "", 0, 5 if kind in
                             ("char", "block") else 0, (("user.x", b"1"),) if xattr else ()))
        names.append(name)
    fast = context_mod._plain_records(entries, names)
    plain = not any(e.xattrs or e.kind in ("char", "block") or (e.link and e.kind == "file")
                    for e in entries) and not any(
        c in '"\\' or ord(c) < 32 for text in [*names, *(e.link for e in entries)] for c in text)
    assert (fast is not None) == plain
    if fast is not None:
        assert fast == context_mod._records(entries, names)


# --- tar contexts ---------------------------------------------------------------------------


def _tar(members: list[tuple[tarfile.TarInfo, bytes | None]]) -> bytes:
    buf = io.BytesIO()
    with tarfile.open(fileobj=buf, mode="w") as tar:
        for info, data in members:
            if data is not None:
                info.size = len(data)
            tar.addfile(info, io.BytesIO(data) if data is not None else None)
    return buf.getvalue()


def _file(name: str, data: bytes, mode: int = 0o644) -> tuple[tarfile.TarInfo, bytes]:
    info = tarfile.TarInfo(name)
    info.mode = mode
    return info, data


def _link(name: str, target: str, kind: bytes = tarfile.SYMTYPE) -> tuple[tarfile.TarInfo, None]:
    info = tarfile.TarInfo(name)
    info.type = kind
    info.linkname = target
    return info, None


def _context_tar() -> bytes:
    d = tarfile.TarInfo("src")
    d.type = tarfile.DIRTYPE
    d.mode = 0o755
    return _tar(
        [
            _file("Dockerfile", b"FROM scratch\nCOPY . /\n"),
            (d, None),
            _file("src/run.sh", b"#!/bin/sh\n", 0o775),
            _link("src/passwd", "/etc/passwd"),
            _file(".dockerignore", b"secret\n"),
            _file("secret", b"s3cr3t"),
        ]
    )


COMPRESSORS = {
    "plain": lambda b: b,
    "gzip": gzip.compress,
    "bzip2": bz2.compress,
    "xz": lzma.compress,
    "zstd": lambda b: zstandard.ZstdCompressor().compress(b),
}


@pytest.mark.parametrize("kind", sorted(COMPRESSORS))
def test_tar_context_on_stdin(kind: str) -> None:
    data = COMPRESSORS[kind](_context_tar())
    with open_context("-", stdin=io.BytesIO(data)) as bc:
        root = bc.root
        assert bc.dockerfile == "FROM scratch\nCOPY . /\n"
        snap = bc.snapshot
        assert snap.entries["src/run.sh"].mode == 0o775  # permission bits kept
        assert snap.entries["src/passwd"].kind == "symlink"
        assert snap.entries["src/passwd"].link == "/etc/passwd"
        assert "secret" not in snap.entries  # its .dockerignore applies
        assert root.is_dir()
    assert not root.exists()  # closing removes the temporary directory


def test_plain_dockerfile_on_stdin_means_an_empty_context() -> None:
    with open_context("-", stdin=io.BytesIO(b"FROM busybox\nRUN true\n")) as bc:
        assert bc.dockerfile == "FROM busybox\nRUN true\n"
        assert list(bc.snapshot.entries) == ["."]


def test_tar_context_with_dockerfile_path_inside() -> None:
    data = _tar([_file("sub/Custom", b"FROM x\n"), _file("a", b"a")])
    with open_context("-", "sub/Custom", stdin=io.BytesIO(data)) as bc:
        assert bc.dockerfile == "FROM x\n"
    with pytest.raises(ContextError, match="not found in the context archive"):
        open_context("-", stdin=io.BytesIO(data))


def test_tar_context_reads_its_dockerfile_and_ignore_file_inside_it(tmp_path: Path) -> None:
    """Links in the archive resolve inside it: a Dockerfile or .dockerignore reached through
    one is the archive's own file, never the host's."""
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "secret").write_text("FROM host-secret\n")
    (outside / "ign").write_text("a\n")
    data = _tar([_link("d", str(outside)), _link(".dockerignore", str(outside / "ign")),
                 _file("a", b"a"), _file("real/Dockerfile", b"FROM x\n"),
                 _link("Dockerfile", "/real/../real/Dockerfile")])
    with pytest.raises(ContextError, match="d/secret not found in the context archive"):
        open_context("-", "d/secret", stdin=io.BytesIO(data))
    with open_context("-", stdin=io.BytesIO(data)) as bc:
        assert bc.dockerfile == "FROM x\n"  # a link to the archive's own file is followed
        assert "a" in bc.snapshot.entries  # the host's ignore file was not read
    inside = _tar([_file("ign", b"a\n"), _link(".dockerignore", "/ign"), _file("a", b"a"),
                   _file("Dockerfile", b"FROM x\n")])
    with open_context("-", stdin=io.BytesIO(inside)) as bc:
        assert "a" not in bc.snapshot.entries


@pytest.mark.parametrize(
    "members, message",
    [
        ([_file("../escape", b"x")], "unsafe"),
        ([_link("evil", "/etc"), _file("evil/passwd", b"x")], "below a non-directory"),
        ([_link("evil", "/tmp/nowhere-dockyard"), _file("evil", b"x")], "replaces"),
        ([_link("hard", "/etc/passwd", tarfile.LNKTYPE)], "unsafe"),
        ([_link("hard", "../../etc/passwd", tarfile.LNKTYPE)], "unsafe"),
        ([_link("up", "../..."), _file("x", b"")], None),
        ([_file("a/../../escape", b"x")], "unsafe"),
        ([_link("hard", "missing", tarfile.LNKTYPE)], "unsafe"),
        ([_link("out", "/etc/passwd"), _link("hard", "out", tarfile.LNKTYPE)], None),
        ([_link("dir", "/etc"), _link("hard", "dir/passwd", tarfile.LNKTYPE)], "unsafe"),
    ],
)
def test_hostile_context_tar_is_refused(
    tmp_path: Path, members: list[tuple[tarfile.TarInfo, bytes | None]], message: str | None
) -> None:
    dest = tmp_path / "dest"
    dest.mkdir()
    data = _tar(members)
    if message is None:
        extract_tar(io.BytesIO(data), dest)  # a link is just a link, never followed
        for info, _ in members:  # a hardlink to a symlink is that symlink again
            assert not (info.issym() or info.islnk()) or (dest / info.name).is_symlink()
        assert Path("/etc/passwd").stat().st_nlink == 1
        return
    with pytest.raises(ContextError, match=message):
        extract_tar(io.BytesIO(data), dest)
    assert not (tmp_path / "escape").exists()
    assert not Path("/tmp/nowhere-dockyard").exists()
    assert Path("/etc/passwd").read_bytes() != b"x"


def test_context_tar_keeps_modes_times_and_hardlinks(tmp_path: Path) -> None:
    top = tarfile.TarInfo("/locked")  # a leading "/" is dropped
    top.type, top.mode, top.mtime = tarfile.DIRTYPE, 0o500, 1_000_000
    tool, data = _file("/locked/tool", b"#!/bin/sh\n", 0o4755)
    tool.mtime = 2_000_000
    again, _ = _link("locked/again", "locked/tool", tarfile.LNKTYPE)
    again.mode = 0o4755  # a hardlink's own header sets the inode's mode, as in Docker
    data_tar = _tar([(top, None), (tool, data), (again, None)])
    extract_tar(io.BytesIO(data_tar), tmp_path)  # children first, the 0500 mode last
    locked = tmp_path / "locked"
    assert stat.S_IMODE(locked.stat().st_mode) == 0o500
    assert locked.stat().st_mtime == 1_000_000
    st = (locked / "tool").stat()
    assert (stat.S_IMODE(st.st_mode), st.st_mtime, st.st_nlink) == (0o4755, 2_000_000, 2)
    assert (locked / "again").stat().st_ino == st.st_ino
    assert (locked / "again").read_bytes() == b"#!/bin/sh\n"


def test_device_in_context_tar_is_refused(tmp_path: Path) -> None:
    info = tarfile.TarInfo("null")
    info.type = tarfile.CHRTYPE
    info.devmajor, info.devminor = 1, 3
    with pytest.raises(ContextError, match="device or fifo"):
        extract_tar(io.BytesIO(_tar([(info, None)])), tmp_path)


def test_garbage_on_stdin_that_looks_compressed_is_a_clear_error() -> None:
    with pytest.raises(ContextError, match="not a valid tar"):
        open_context("-", stdin=io.BytesIO(b"\x1f\x8b" + b"\0" * 100))


def test_walk_is_sorted_preorder(ctx: Path) -> None:
    snap = scan(ctx)
    assert [e.path for e in snap.walk("app")] == ["app", "app/main.py", "app/util.py"]
    walked = [e.path for e in snap.walk(".")]
    assert sorted(walked) == sorted(snap.entries)
    assert walked.index("node_modules") < walked.index("node_modules/keep")
    assert walked.index("node_modules/keep/index.js") < walked.index("node_modules/pkg")


def test_stat_cache_keeps_one_record_per_context(ctx: Path, tmp_path: Path) -> None:
    root = str(ctx.absolute())
    with StatCache(tmp_path / "sc") as cache:
        first = scan(ctx, stat_cache=cache)
        record = cache.load(root)
        assert sorted(record) == sorted(p for p, e in first.entries.items() if e.kind == "file")
        assert record["app/main.py"][1] == first.entries["app/main.py"].digest
        (ctx / "app" / "main.py").unlink()  # a file gone is forgotten
        scan(ctx, stat_cache=cache)
        assert "app/main.py" not in cache.load(root)
        assert cache.load(str(tmp_path)) == {}  # another context knows nothing yet
        scan(ctx, ["app"], stat_cache=cache)  # another .dockerignore: a record of its own
        assert not any(p.startswith("app/") for p in cache.load(root, ["app"]))
        assert "app/util.py" in cache.load(root)


@settings(max_examples=400, deadline=None)
@given(
    name=st.text(max_size=12) | st.text(max_size=4).map(lambda t: t + "\udcff"),
    link=st.text(max_size=6),
    kind=st.sampled_from(["file", "dir", "symlink", "fifo", "char", "block"]),
    numbers=st.tuples(*[st.integers(0, 2**40)] * 5),
)
def test_entry_records_are_json_lists_whatever_the_names(
        name: str, link: str, kind: EntryKind, numbers: tuple[int, ...]) -> None:
    mode, uid, gid, size, rdev = numbers
    entry = Entry("p", kind, mode, uid, gid, size, link, "ab" * 32, 0, rdev)
    fields = [name, kind, mode, uid, gid, size, link, "ab" * 32]
    fields += [rdev] if kind in ("char", "block") else []
    # an undecodable name byte (os.fsdecode's \udc80-\udcff) is written as that byte
    try:
        expected = json.dumps(fields, ensure_ascii=False).encode("utf-8", "surrogateescape")
    except UnicodeEncodeError:  # another lone surrogate: no file name gives one
        with pytest.raises(UnicodeEncodeError):
            entry.record(name)
        return
    assert entry.record(name) == expected + b"\n"


def _linked_context(root: Path, first: str = "a", linked: bool = True) -> Path:
    """``<first>/x`` with two more names ``b/y`` and ``b/z`` (copies when not ``linked``),
    and ``b/w``: the same content, an inode of its own that has a second name outside."""
    (root / first).mkdir(parents=True)
    (root / "b").mkdir()
    (root / first / "x").write_text("same\n")
    for name in ("y", "z"):
        if linked:
            os.link(root / first / "x", root / "b" / name)
        else:
            (root / "b" / name).write_text("same\n")
    (root / "b" / "w").write_text("same\n")
    os.link(root / "b" / "w", root.parent / f"{root.name}-outside")
    return root


def test_hardlinked_files_are_grouped_by_their_first_name(tmp_path: Path) -> None:
    snap = scan(_linked_context(tmp_path / "ctx"))
    links = {p: snap.get(p).link for p in ("a/x", "b/y", "b/z", "b/w")}  # type: ignore[union-attr]
    assert links == {"a/x": "a/x", "b/y": "a/x", "b/z": "a/x", "b/w": ""}
    # an ignored name leaves the group: the next one comes first
    snap = scan(tmp_path / "ctx", ["a"])
    assert [snap.get(p).link for p in ("b/y", "b/z")] == ["b/y", "b/y"]  # type: ignore[union-attr]


def test_hardlinks_key_a_selection_as_a_tar_of_it_holds_them(tmp_path: Path) -> None:
    linked = scan(_linked_context(tmp_path / "linked"))
    copies = scan(_linked_context(tmp_path / "copies", linked=False))
    elsewhere = scan(_linked_context(tmp_path / "elsewhere", first="c"))
    # y and z are one file in "b" (z links to y there) wherever their group begins
    assert linked.digest(["b"]) == elsewhere.digest(["b"]) != copies.digest(["b"])
    # alone in its selection a name is a file like any other
    assert linked.digest(["b/z"]) == copies.digest(["b/z"])
    assert linked.digest(["."]) != copies.digest(["."])


def test_the_xattrs_a_layer_keeps_are_part_of_entries_and_keys(tmp_path: Path) -> None:
    """user.* (not overlay's) and file capabilities of files and directories are recorded,
    kept by the stat cache with the digest, and change the key of what selects them."""
    ctx = tmp_path / "ctx"
    (ctx / "d").mkdir(parents=True)
    (ctx / "d" / "f").write_text("x\n")
    os.chmod(ctx / "d" / "f", 0o644)
    os.setxattr(ctx / "d" / "f", "user.a", b"1")
    os.setxattr(ctx / "d" / "f", "user.overlay.opaque", b"y")
    os.setxattr(ctx / "d", "user.b", b"2")
    cache = StatCache(tmp_path / "stat")
    first = scan(ctx, stat_cache=cache)
    assert first.get("d/f").xattrs == (("user.a", b"1"),)  # type: ignore[union-attr]
    assert first.get("d").xattrs == (("user.b", b"2"),)  # type: ignore[union-attr]
    again = scan(ctx, stat_cache=cache)
    assert again.stats.cached == 1 and again.get("d/f") == first.get("d/f")
    os.setxattr(ctx / "d" / "f", "user.a", b"changed")
    changed = scan(ctx, stat_cache=cache)
    assert changed.stats.hashed == 1
    assert changed.get("d/f").xattrs == (("user.a", b"changed"),)  # type: ignore[union-attr]
    assert changed.digest(["d"]) != first.digest(["d"]) == again.digest(["d"])
    os.removexattr(ctx / "d" / "f", "user.a")
    os.removexattr(ctx / "d", "user.b")
    bare = scan(ctx, stat_cache=cache)
    # without xattrs a record is what it always was: keys made before stay valid
    content = blake3(b"x\n").hexdigest()
    assert bare.get("d/f").record("f") == (  # type: ignore[union-attr]
        f'["f", "file", 420, 0, 0, 2, "", "{content}"]\n'.encode())
    cache.close()


def test_a_file_as_the_context_is_not_a_directory(tmp_path: Path) -> None:
    (tmp_path / "Dockerfile").write_text("FROM scratch\n")
    with pytest.raises(ContextError) as info:
        open_context(tmp_path / "Dockerfile")
    assert str(info.value) == ("unable to prepare context: context must be a directory: "
                               f"{tmp_path / 'Dockerfile'}")
