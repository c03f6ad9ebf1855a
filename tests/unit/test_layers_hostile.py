"""Hostile layer tarballs: nothing outside the target may change.

Every case builds its tarball here, applies it to ``tmp_path/target`` next to a sentinel in
``tmp_path/outside``, and checks that nothing outside the target changed or appeared. The
case id ends with ``error`` (LayerError expected) or ``neutralised`` (applied, but confined
to the target the way Docker's chrooted extraction confines it).
"""

from __future__ import annotations

import contextlib
import gzip
import hashlib
import io
import os
import stat
import tarfile
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
import zstandard
from hypothesis import given, settings
from hypothesis import strategies as st

from builder.errors import LayerError
from builder.layers import apply_layer

IS_ROOT = os.geteuid() == 0


@dataclass
class Arena:
    tmp: Path
    target: Path
    outside: Path
    sentinel: Path


def _arena(tmp_path: Path) -> Arena:
    target = tmp_path / "target"
    target.mkdir()
    outside = tmp_path / "outside"
    outside.mkdir()
    sentinel = outside / "sentinel"
    sentinel.write_text("precious")
    os.chmod(sentinel, 0o600)
    (outside / "x").write_text("x")
    return Arena(tmp_path, target, outside, sentinel)


def _fingerprint(arena: Arena) -> dict[str, tuple[object, ...]]:
    """Everything under tmp_path except the target: type, mode, owner, mtime, content."""
    prints: dict[str, tuple[object, ...]] = {}
    for dirpath, dirnames, filenames in os.walk(arena.tmp):
        if Path(dirpath) == arena.tmp:
            dirnames[:] = [d for d in dirnames if d != "target"]
            filenames = [f for f in filenames if f != "target"]
        for name in dirnames + filenames:
            p = Path(dirpath) / name
            st = os.lstat(p)
            body = hashlib.sha256(p.read_bytes()).hexdigest() if stat.S_ISREG(st.st_mode) else None
            prints[str(p)] = (st.st_mode, st.st_uid, st.st_gid, st.st_mtime_ns, st.st_size, body)
    root_st = os.lstat(arena.tmp)
    prints["."] = (root_st.st_mode, root_st.st_uid)
    return prints


def tar(*entries: tarfile.TarInfo | tuple[tarfile.TarInfo, bytes]) -> bytes:
    buf = io.BytesIO()
    with tarfile.open(fileobj=buf, mode="w", format=tarfile.PAX_FORMAT) as tf:
        for entry in entries:
            if isinstance(entry, tuple):
                info, data = entry
                info.size = len(data)
                tf.addfile(info, io.BytesIO(data))
            else:
                tf.addfile(entry)
    return buf.getvalue()


def f(name: str, data: bytes = b"pwned") -> tuple[tarfile.TarInfo, bytes]:
    info = tarfile.TarInfo(name)
    info.mode = 0o644
    return info, data


def d(name: str, mode: int = 0o755) -> tarfile.TarInfo:
    info = tarfile.TarInfo(name)
    info.type = tarfile.DIRTYPE
    info.mode = mode
    return info


def sym(name: str, target: str) -> tarfile.TarInfo:
    info = tarfile.TarInfo(name)
    info.type = tarfile.SYMTYPE
    info.linkname = target
    return info


def hard(name: str, target: str) -> tarfile.TarInfo:
    info = tarfile.TarInfo(name)
    info.type = tarfile.LNKTYPE
    info.linkname = target
    return info


def dev(
    name: str, kind: bytes = tarfile.CHRTYPE, major: int = 1, minor: int = 3
) -> tarfile.TarInfo:
    info = tarfile.TarInfo(name)
    info.type = kind
    info.devmajor, info.devminor = major, minor
    info.mode = 0o666
    return info


@dataclass
class Case:
    id: str
    build: Callable[[Arena], bytes]
    check: Callable[[Arena], bool] | None = None  # what a neutralised case must leave
    setup: Callable[[Arena], None] | None = None

    @property
    def expect_error(self) -> bool:
        return self.id.endswith("error")


def _exists(p: Path) -> bool:
    return os.path.lexists(p)


def _corrupt_checksum(a: Arena) -> bytes:
    raw = bytearray(tar(f("ok", b"fine")))
    raw[0] = ord("O")  # name changed, checksum not updated
    return bytes(raw)


def _long_component(a: Arena) -> bytes:
    return tar(f("dir/" + "n" * 300))


def _huge_pax(a: Arena) -> bytes:
    info, data = f("x")
    info.pax_headers = {"comment": "c" * (2 << 20)}
    return tar((info, data))


def _nul_pax_name(a: Arena) -> bytes:
    info, data = f("x")
    raw = tar((info, data))
    # Replace the PAX path with one holding a NUL: build the records by hand.
    record = b"path=a\x00b\n"
    body = b"%d %s" % (len(record) + 3, record)
    hdr = tarfile.TarInfo("PaxHeaders/x")
    hdr.type = tarfile.XHDTYPE
    hdr.size = len(body)
    block = hdr.tobuf(format=tarfile.USTAR_FORMAT)
    return block + body + bytes(-len(body) % 512) + raw


CASES = [
    Case("dotdot-name-error", lambda a: tar(f("../evil"))),
    Case("dotdot-inside-name-error", lambda a: tar(d("a/"), f("a/../../evil"))),
    Case("dotdot-after-root-error", lambda a: tar(f("/../evil"))),
    Case(
        "absolute-name-neutralised",
        lambda a: tar(f(str(a.sentinel))),
        check=lambda a: (a.target / str(a.sentinel).lstrip("/")).read_bytes() == b"pwned",
    ),
    Case(
        "symlink-then-write-through-neutralised",
        lambda a: tar(sym("escape", str(a.outside)), f("escape/sentinel")),
        check=lambda a: (a.target / str(a.outside).lstrip("/") / "sentinel").read_bytes()
        == b"pwned",
    ),
    Case(
        "relative-symlink-climbing-out-neutralised",
        lambda a: tar(sym("up", "../../../../../../.."), f("up/pwned")),
        check=lambda a: (a.target / "pwned").read_bytes() == b"pwned",
    ),
    Case(
        "relative-symlink-chain-neutralised",
        lambda a: tar(d("x/"), sym("x/a", "../b"), sym("b", "c/../../outside"), f("x/a/sentinel")),
        check=lambda a: (a.target / "outside" / "sentinel").read_bytes() == b"pwned",
    ),
    Case(
        "symlinked-parent-to-slash-neutralised",
        lambda a: tar(sym("rootlink", "/"), f("rootlink" + str(a.sentinel))),
        check=lambda a: (a.target / str(a.sentinel).lstrip("/")).read_bytes() == b"pwned",
    ),
    Case("symlink-loop-error", lambda a: tar(sym("a", "b"), sym("b", "a"), f("a/x"))),
    Case("hardlink-dotdot-outside-error", lambda a: tar(hard("hl", "../outside/sentinel"))),
    Case("hardlink-absolute-outside-error", lambda a: tar(hard("hl", str(a.sentinel)))),
    Case(
        "hardlink-through-symlink-error",
        lambda a: tar(sym("s", str(a.outside)), hard("hl", "s/sentinel")),
    ),
    Case(
        "hardlink-to-symlink-links-the-symlink-neutralised",
        lambda a: tar(sym("s", str(a.sentinel)), hard("hl", "s"), f("hl", b"overwrite")),
        check=lambda a: (a.target / "hl").read_bytes() == b"overwrite"
        and os.path.islink(a.target / "s"),
    ),
    Case("whiteout-dotdot-error", lambda a: tar(f(".wh..."))),
    Case("whiteout-empty-name-error", lambda a: tar(f("dir/.wh."))),
    Case("whiteout-escaping-parent-error", lambda a: tar(f("../outside/.wh.sentinel"))),
    Case("whiteout-dotdot-x-error", lambda a: tar(d("a/"), f("a/../../.wh.x"))),
    Case("whiteout-absolute-path-neutralised", lambda a: tar(f(str(a.outside / ".wh.sentinel")))),
    Case(
        "whiteout-through-symlink-neutralised",
        lambda a: tar(sym("s", str(a.outside)), f("s/.wh.sentinel"), f("s/.wh.x")),
    ),
    Case(
        "opaque-through-symlink-neutralised",
        lambda a: tar(sym("s", str(a.outside)), f("s/.wh..wh..opq")),
    ),
    Case(
        "opaque-through-lower-symlink-neutralised",
        lambda a: tar(f("lowdir/.wh..wh..opq"), f("lowdir/new", b"new")),
        setup=lambda a: os.symlink(a.outside, a.target / "lowdir"),
    ),
    Case(
        "device-node-escaping-error",
        lambda a: tar(dev("../null")),
    ),
    Case("long-component-error", _long_component),
    Case("oversized-pax-header-error", _huge_pax),
    Case("nul-in-pax-name-error", _nul_pax_name),
    Case("truncated-in-data-error", lambda a: tar(f("big", b"z" * 5000))[:1536]),
    Case("truncated-at-entry-boundary-error", lambda a: tar(f("a", b"1"), f("b", b"2"))[:1024]),
    Case("truncated-gzip-error", lambda a: gzip.compress(tar(f("a", os.urandom(20000))))[:-2000]),
    Case(
        "truncated-zstd-error",
        lambda a: zstandard.compress(tar(f("a", os.urandom(20000))))[:-2000],
    ),
    Case("bad-checksum-error", _corrupt_checksum),
    Case("garbage-error", lambda a: os.urandom(4096)),
    Case("empty-input-error", lambda a: b""),
    Case("file-replacing-root-error", lambda a: tar(f("."))),
    Case("file-replacing-root-slash-error", lambda a: tar(f("/"))),
    Case("symlink-replacing-root-error", lambda a: tar(sym("./", str(a.outside)))),
    Case(
        "duplicate-entries-last-wins-neutralised",
        lambda a: tar(f("dup", b"first"), sym("dup", str(a.sentinel)), f("dup", b"second")),
        check=lambda a: (a.target / "dup").read_bytes() == b"second"
        and not os.path.islink(a.target / "dup"),
    ),
    Case(
        "file-over-lower-symlink-neutralised",
        lambda a: tar(f("lower")),
        setup=lambda a: os.symlink(a.sentinel, a.target / "lower"),
        check=lambda a: not os.path.islink(a.target / "lower"),
    ),
    Case(
        "file-over-lower-hardlink-to-outside-neutralised",
        lambda a: tar(f("shared")),
        setup=lambda a: os.link(a.sentinel, a.target / "shared"),
        check=lambda a: (a.target / "shared").read_bytes() == b"pwned"
        and os.stat(a.sentinel).st_nlink == 1,
    ),
    Case(
        "dir-over-lower-symlink-does-not-chmod-outside-neutralised",
        lambda a: tar(d("lowdir", 0o777), dev("fifo", tarfile.FIFOTYPE)),
        setup=lambda a: (
            os.symlink(a.outside, a.target / "lowdir"),
            os.symlink(a.sentinel, a.target / "fifo"),
        ),
        check=lambda a: os.path.isdir(a.target / "lowdir")
        and not os.path.islink(a.target / "lowdir"),
    ),
    Case(
        "write-under-lower-symlinked-dir-neutralised",
        lambda a: tar(f("lowdir/sentinel"), f("lowdir/new")),
        setup=lambda a: os.symlink(a.outside, a.target / "lowdir"),
        check=lambda a: (a.target / str(a.outside).lstrip("/") / "sentinel").read_bytes()
        == b"pwned",
    ),
    Case(
        "write-under-lower-symlinked-parent-chain-neutralised",
        lambda a: tar(f("l1/l2/sentinel")),
        setup=lambda a: (
            os.symlink("l2dir", a.target / "l1"),
            os.mkdir(a.target / "l2dir"),
            os.symlink("../../outside", a.target / "l2dir" / "l2"),
        ),
        check=lambda a: (a.target / "outside" / "sentinel").read_bytes() == b"pwned",
    ),
]


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_hostile_layer(tmp_path: Path, case: Case) -> None:
    arena = _arena(tmp_path)
    if case.setup is not None:
        case.setup(arena)
    blob = case.build(arena)
    before = _fingerprint(arena)
    if case.expect_error:
        with pytest.raises(LayerError):
            apply_layer(io.BytesIO(blob), arena.target)
    else:
        apply_layer(io.BytesIO(blob), arena.target)
        if case.check is not None:
            assert case.check(arena)
    assert _fingerprint(arena) == before
    assert arena.sentinel.read_text() == "precious"
    assert os.path.isdir(arena.target) and not os.path.islink(arena.target)


def test_device_nodes_skipped_when_not_permitted(tmp_path: Path) -> None:
    arena = _arena(tmp_path)
    before = _fingerprint(arena)
    stats = apply_layer(
        io.BytesIO(tar(dev("dev/null"), dev("dev/sda", tarfile.BLKTYPE, 8, 0), f("dev/ok"))),
        arena.target,
        devices=False,
    )
    assert stats.skipped == 2
    assert not _exists(arena.target / "dev" / "null")
    assert not _exists(arena.target / "dev" / "sda")
    assert (arena.target / "dev" / "ok").exists()
    assert _fingerprint(arena) == before


@pytest.mark.skipif(not IS_ROOT, reason="mknod and chown need root")
def test_device_nodes_and_owners_as_root(tmp_path: Path) -> None:
    arena = _arena(tmp_path)
    info, data = f("owned")
    info.uid, info.gid = 1234, 5678
    stats = apply_layer(io.BytesIO(tar(dev("dev/null"), (info, data))), arena.target)
    assert stats.skipped == 0
    st = os.lstat(arena.target / "dev" / "null")
    assert stat.S_ISCHR(st.st_mode) and st.st_rdev == os.makedev(1, 3)
    owned = os.lstat(arena.target / "owned")
    assert (owned.st_uid, owned.st_gid) == (1234, 5678)
    not_owned = tmp_path / "t2"
    apply_layer(io.BytesIO(tar((info, data))), not_owned, chown=False)
    assert os.lstat(not_owned / "owned").st_uid == 0


def test_root_directory_entry_only_updates_attributes(tmp_path: Path) -> None:
    arena = _arena(tmp_path)
    (arena.target / "keep").write_text("keep")
    apply_layer(io.BytesIO(tar(d("./", 0o750), f("./new"))), arena.target)
    assert stat.S_IMODE(os.stat(arena.target).st_mode) == 0o750
    assert (arena.target / "keep").exists() and (arena.target / "new").exists()


def test_target_that_is_a_file_is_an_error(tmp_path: Path) -> None:
    target = tmp_path / "file"
    target.write_text("not a dir")
    with pytest.raises(LayerError, match="layer target"):
        apply_layer(io.BytesIO(tar(f("x"))), target)


_VALID = tar(
    d("etc/"), f("etc/passwd", b"root:x:0:0\n" * 20), sym("etc/link", "passwd"),
    hard("etc/hard", "etc/passwd"), f("a" * 120, b"long"), f("etc/.wh.gone"),
    f("etc/.wh..wh..opq"), dev("fifo", tarfile.FIFOTYPE),
)


@settings(max_examples=300, deadline=None)
@given(
    flips=st.lists(
        st.tuples(st.integers(0, len(_VALID) - 1), st.integers(0, 255)), min_size=1, max_size=8
    ),
    cut=st.one_of(st.none(), st.integers(0, len(_VALID))),
    rechecksum=st.booleans(),
)
def test_mutated_layers_fail_cleanly(
    flips: list[tuple[int, int]], cut: int | None, rechecksum: bool
) -> None:
    """Random corruption either applies inside the target or raises LayerError, nothing else.

    With ``rechecksum`` the headers get valid checksums again, so the corruption reaches the
    parser and the applier instead of stopping at the checksum test."""
    raw = bytearray(_VALID)
    for pos, value in flips:
        raw[pos] = value
    if rechecksum:
        for at in range(0, len(raw) - 511, 512):
            if raw[at + 257 : at + 262] == b"ustar":
                raw[at + 148 : at + 156] = b"        "
                raw[at + 148 : at + 156] = b"%06o\0 " % sum(raw[at : at + 512])
    blob = bytes(raw[:cut]) if cut is not None else bytes(raw)
    with tempfile.TemporaryDirectory() as tmp:
        arena = _arena(Path(tmp))
        before = _fingerprint(arena)
        with contextlib.suppress(LayerError):
            apply_layer(io.BytesIO(blob), arena.target)
        assert _fingerprint(arena) == before


_PARTS = st.sampled_from(["a", "b", "..", ".", "", ".wh.a", ".wh..wh..opq", "outside", "sentinel"])
_PATHS = st.lists(_PARTS, min_size=1, max_size=4).map("/".join)
_TARGETS = st.one_of(_PATHS, _PATHS.map(lambda p: "/" + p), st.just("{outside}"),
                     st.just("{sentinel}"))
_ENTRIES = st.lists(
    st.tuples(st.sampled_from(["file", "dir", "symlink", "hardlink", "fifo"]), _PATHS, _TARGETS),
    min_size=1,
    max_size=8,
)


@settings(max_examples=300, deadline=None)
@given(entries=_ENTRIES)
def test_random_hostile_sequences_stay_inside(entries: list[tuple[str, str, str]]) -> None:
    """Random mixes of symlinks (relative, absolute, to the outside), hardlinks, files,
    whiteouts and ``..`` names never change anything outside the target."""
    with tempfile.TemporaryDirectory() as tmp:
        arena = _arena(Path(tmp))
        members: list[tarfile.TarInfo | tuple[tarfile.TarInfo, bytes]] = []
        for kind, name, target in entries:
            target = target.format(outside=arena.outside, sentinel=arena.sentinel)
            if kind == "file":
                members.append(f(name))
            elif kind == "dir":
                members.append(d(name, 0o700))
            elif kind == "symlink":
                members.append(sym(name, target))
            elif kind == "hardlink":
                members.append(hard(name, target))
            else:
                members.append(dev(name, tarfile.FIFOTYPE))
        blob = tar(*members)
        before = _fingerprint(arena)
        with contextlib.suppress(LayerError):
            apply_layer(io.BytesIO(blob), arena.target)
        assert _fingerprint(arena) == before
        assert arena.sentinel.read_text() == "precious"

