"""The COPY/ADD file operation against real directories (run as root: owners are real)."""

from __future__ import annotations

import bz2
import gzip
import hashlib
import http.server
import io
import lzma
import os
import socket
import stat
import struct
import tarfile
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import zstandard

from builder.context import ContextSnapshot, ignore_patterns, scan
from builder.copy import CopyRequest, CopyResult, context_digest, copy_into, sources_digester
from builder.errors import BuildError, ContextError, Location
from builder.graph import PlanSettings, Step, plan
from builder.instructions import Add, Copy, InlineFile
from builder.parser import parse
from builder.sourcetree import DirectoryTree, resolve_sources

pytestmark = pytest.mark.skipif(os.geteuid() != 0, reason="owners need root")

MULTI = "the destination must be a directory and end with a /"


def tree(root: Path, files: dict[str, str]) -> Path:
    root.mkdir(parents=True, exist_ok=True)
    for rel, data in files.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(data)
    return root


@pytest.fixture
def ctx(tmp_path: Path) -> Path:
    return tree(
        tmp_path / "ctx",
        {
            "a.txt": "A",
            "b.txt": "B",
            "c.md": "C",
            "arr[0].txt": "arr",
            "home.txt": "home-txt",
            "homer.md": "homer",
            "hom/x.txt": "hom-x",
            "hom/y.sh": "hom-y",
            "dir/one": "1",
            "dir/sub/two": "2",
            "dir/sub/three.txt": "3",
            "x/a.txt": "xa",
            "y/a.txt": "ya",
            "x/y/a.txt": "xya",
            "x/y/b.txt": "xyb",
            "x/y/c.md": "xyc",
            "src/a.txt": "sa",
            "src/x/b.txt": "sb",
            "src/x/y/c.txt": "sc",
            "src/x/y/d.md": "sd",
        },
    )


@pytest.fixture
def rootfs(tmp_path: Path) -> Path:
    root = tree(
        tmp_path / "rootfs",
        {
            "etc/passwd": "root:x:0:0:root:/root:/bin/sh\n"
            "app:x:1000:1001:app:/home/app:/bin/sh\n"
            "# comment\nweb:x:33:34::/var/www:/bin/false\n",
            "etc/group": "root:x:0:\nstaff:x:50:\napp:x:1001:\n",
        },
    )
    return root


def run(
    ctx: Path | ContextSnapshot | DirectoryTree,
    target: Path,
    *sources: str,
    dest: str,
    **kw: object,
) -> CopyResult:
    snap = scan(ctx, ignore_patterns(ctx, None)) if isinstance(ctx, Path) else ctx
    req = CopyRequest(sources=sources, dest=dest, **kw)  # type: ignore[arg-type]
    return copy_into(req, snap, target)


def read(path: Path) -> str:
    return path.read_text()


# --- destination rules ----------------------------------------------------------------------


def test_trailing_slash_decides_file_or_directory(ctx: Path, rootfs: Path) -> None:
    run(ctx, rootfs, "a.txt", dest="/abs")
    assert read(rootfs / "abs") == "A"
    run(ctx, rootfs, "a.txt", dest="/abs2/")
    assert read(rootfs / "abs2" / "a.txt") == "A"
    run(ctx, rootfs, "a.txt", dest="/deep/er/name")
    assert read(rootfs / "deep" / "er" / "name") == "A"
    st = os.stat(rootfs / "deep" / "er")
    assert (st.st_mode & 0o7777, st.st_uid, st.st_gid) == (0o755, 0, 0)


def test_relative_destination_is_relative_to_workdir(ctx: Path, rootfs: Path) -> None:
    run(ctx, rootfs, "a.txt", dest="rel/", workdir="/usr/src/app")
    assert read(rootfs / "usr/src/app/rel/a.txt") == "A"
    run(ctx, rootfs, "b.txt", dest=".", workdir="/usr/src/app")
    assert read(rootfs / "usr/src/app/b.txt") == "B"
    run(ctx, rootfs, "c.md", dest="name", workdir="/w")
    assert read(rootfs / "w/name") == "C"


def test_several_sources_need_a_directory_destination(ctx: Path, rootfs: Path) -> None:
    with pytest.raises(
        BuildError, match=f"When using COPY with more than one source file, {MULTI}"
    ):
        run(ctx, rootfs, "a.txt", "b.txt", dest="/d")
    with pytest.raises(BuildError, match=f"When using COPY .*{MULTI}"):
        run(ctx, rootfs, "*.txt", dest="/d")
    with pytest.raises(BuildError, match=f"When using ADD .*{MULTI}"):
        run(ctx, rootfs, "a.txt", "b.txt", dest="/d", command="ADD")
    assert not (rootfs / "d").exists()
    run(ctx, rootfs, "a.txt", "b.txt", dest="/d/")
    assert read(rootfs / "d/a.txt") == "A" and read(rootfs / "d/b.txt") == "B"
    run(ctx, rootfs, "c*", dest="/single")  # one match: a plain file destination is fine
    assert read(rootfs / "single") == "C"


def test_file_onto_an_existing_directory_goes_inside(ctx: Path, rootfs: Path) -> None:
    (rootfs / "existing").mkdir()
    run(ctx, rootfs, "a.txt", dest="/existing")
    assert read(rootfs / "existing/a.txt") == "A"


def test_file_replaces_a_file_but_not_a_directory(ctx: Path, rootfs: Path) -> None:
    (rootfs / "f").write_text("old")
    run(ctx, rootfs, "a.txt", dest="/f")
    assert read(rootfs / "f") == "A"
    (rootfs / "d" / "a.txt").mkdir(parents=True)
    with pytest.raises(BuildError, match=r"cannot replace to directory /d/a\.txt with file"):
        run(ctx, rootfs, "a.txt", dest="/d/")


def test_directory_copies_its_contents_and_merges(ctx: Path, rootfs: Path) -> None:
    (rootfs / "out" / "sub").mkdir(parents=True)
    (rootfs / "out" / "keep").write_text("kept")
    os.chmod(rootfs / "out", 0o700)
    os.chmod(ctx / "dir" / "sub", 0o750)
    run(ctx, rootfs, "dir", dest="/out")
    assert not (rootfs / "out" / "dir").exists()
    assert read(rootfs / "out/one") == "1"
    assert read(rootfs / "out/sub/two") == "2"
    assert read(rootfs / "out/keep") == "kept"
    assert os.stat(rootfs / "out").st_mode & 0o777 == 0o700  # the top directory is kept
    assert os.stat(rootfs / "out/sub").st_mode & 0o777 == 0o750  # inner ones take the source's
    run(ctx, rootfs, "dir/", dest="/new/")  # trailing slash on a source is ignored
    assert read(rootfs / "new/sub/two") == "2"


def test_copying_a_tree_leaves_no_descriptor_open(ctx: Path, rootfs: Path) -> None:
    """An fd left on a copied directory would keep the step's overlay mounted (busy)."""
    before = set(os.listdir("/proc/self/fd"))
    run(ctx, rootfs, "src", dest="/out/")
    run(ctx, rootfs, "src", "x", dest="/out2/", parents=True)
    assert read(rootfs / "out/x/y/c.txt") == "sc"
    assert set(os.listdir("/proc/self/fd")) <= before


def test_directory_onto_a_file_is_an_error(ctx: Path, rootfs: Path) -> None:
    (rootfs / "file").write_text("x")
    with pytest.raises(BuildError, match="cannot copy to non-directory: /file"):
        run(ctx, rootfs, "dir", dest="/file")


def test_a_file_in_the_destination_path_is_a_clear_error(ctx: Path, rootfs: Path) -> None:
    with pytest.raises(BuildError, match="COPY failed: /etc/passwd: not a directory"):
        run(ctx, rootfs, "a.txt", dest="/etc/passwd/x/")
    with pytest.raises(BuildError, match="not a directory"):
        run(ctx, rootfs, "a.txt", dest="/etc/passwd/x")


def test_missing_source_is_not_found(ctx: Path, rootfs: Path) -> None:
    with pytest.raises(BuildError, match='COPY failed: "/nope": not found in the build context'):
        run(ctx, rootfs, "nope", dest="/x")
    with DirectoryTree(ctx) as stage, pytest.raises(BuildError, match='"/nope": not found'):
        run(stage, rootfs, "/nope", dest="/x")
    (ctx / ".dockerignore").write_text("a.txt\n")
    with pytest.raises(BuildError, match=r'"/a\.txt": not found'):
        run(ctx, rootfs, "a.txt", dest="/x")  # ignored files are invisible


def test_empty_wildcard_copies_nothing(ctx: Path, rootfs: Path) -> None:
    result = run(ctx, rootfs, "*.nothing", dest="/w/")
    assert result.files == 0


def test_source_cannot_climb_out_of_the_context(ctx: Path, rootfs: Path) -> None:
    run(ctx, rootfs, "../../a.txt", dest="/up")
    assert read(rootfs / "up") == "A"
    run(ctx, rootfs, "/dir/../b.txt", dest="/up2")
    assert read(rootfs / "up2") == "B"


# --- wildcards ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "pattern, expected",
    [
        ("*.txt", ["a.txt", "arr[0].txt", "b.txt", "home.txt"]),
        ("?.txt", ["a.txt", "b.txt"]),
        ("[ab].txt", ["a.txt", "b.txt"]),
        ("[^a].txt", ["b.txt"]),
        ("[a-b].*", ["a.txt", "b.txt"]),
        ("arr[[]0].txt", ["arr[0].txt"]),
        ("*/a.txt", ["src/a.txt", "x/a.txt", "y/a.txt"]),
        ("x/*/?.txt", ["x/y/a.txt", "x/y/b.txt"]),
        ("hom*", ["hom", "home.txt", "homer.md"]),
    ],
)
def test_wildcards_follow_go_filepath_match(ctx: Path, pattern: str, expected: list[str]) -> None:
    assert resolve_sources(scan(ctx), pattern) == expected


def test_wildcard_star_does_not_cross_slashes(ctx: Path) -> None:
    assert resolve_sources(scan(ctx), "*.md") == ["c.md", "homer.md"]
    assert resolve_sources(scan(ctx), "x*") == ["x"]


def test_bad_pattern_is_an_error(ctx: Path) -> None:
    with pytest.raises(BuildError, match="syntax error in pattern"):
        resolve_sources(scan(ctx), "[a")


def test_wildcard_copy_takes_each_match(ctx: Path, rootfs: Path) -> None:
    run(ctx, rootfs, "hom*", dest="/m/")
    assert read(rootfs / "m/home.txt") == "home-txt"
    assert read(rootfs / "m/x.txt") == "hom-x"  # a matched directory copies its contents
    assert not (rootfs / "m/hom").exists()


# --- --exclude and --parents ----------------------------------------------------------------


def test_exclude(ctx: Path, rootfs: Path) -> None:
    run(ctx, rootfs, "hom*", dest="/e/", excludes=("*.txt",))
    # home.txt is excluded by its own name, hom/x.txt by its path inside the matched dir
    assert sorted(os.listdir(rootfs / "e")) == ["homer.md", "y.sh"]
    run(ctx, rootfs, "dir", dest="/e2/", excludes=("sub/*.txt", "one"))
    assert sorted(p.relative_to(rootfs / "e2").as_posix() for p in (rootfs / "e2").rglob("*")) == [
        "sub",
        "sub/two",
    ]
    run(ctx, rootfs, "dir", dest="/e3/", excludes=("sub", "!sub/two"))
    assert sorted(p.relative_to(rootfs / "e3").as_posix() for p in (rootfs / "e3").rglob("*")) == [
        "one",
        "sub",
        "sub/two",
    ]


def test_parents_keeps_relative_directories(ctx: Path, rootfs: Path) -> None:
    run(ctx, rootfs, "./x/a.txt", "./y/a.txt", dest="/no_parents/")
    assert sorted(os.listdir(rootfs / "no_parents")) == ["a.txt"]
    run(ctx, rootfs, "./x/a.txt", "./y/a.txt", dest="/parents/", parents=True)
    assert read(rootfs / "parents/x/a.txt") == "xa"
    assert read(rootfs / "parents/y/a.txt") == "ya"
    assert sorted(os.listdir(rootfs / "parents")) == ["x", "y"]
    assert sorted(os.listdir(rootfs / "parents/x")) == ["a.txt"]


def test_parents_pivot_and_double_star(ctx: Path, rootfs: Path) -> None:
    run(ctx, rootfs, "./x/./y/*.txt", dest="/p/", parents=True)
    assert sorted(p.relative_to(rootfs / "p").as_posix() for p in (rootfs / "p").rglob("*")) == [
        "y",
        "y/a.txt",
        "y/b.txt",
    ]
    run(ctx, rootfs, "./src/**/*.txt", dest="/q/", parents=True)
    files = sorted(p.relative_to(rootfs / "q").as_posix() for p in (rootfs / "q").rglob("*.*"))
    assert files == ["src/a.txt", "src/x/b.txt", "src/x/y/c.txt"]
    with pytest.raises(BuildError, match="not found"):
        run(ctx, rootfs, "./x/nope.txt", dest="/r/", parents=True)


# --- ownership and modes --------------------------------------------------------------------


def test_context_files_are_owned_by_root(ctx: Path, rootfs: Path) -> None:
    os.chown(ctx / "a.txt", 1234, 4321)
    os.chmod(ctx / "a.txt", 0o640)
    run(ctx, rootfs, "a.txt", dest="/o")
    st = os.stat(rootfs / "o")
    assert (st.st_uid, st.st_gid, st.st_mode & 0o7777) == (0, 0, 0o640)


def test_from_copies_keep_ownership(ctx: Path, rootfs: Path) -> None:
    os.chown(ctx / "dir" / "one", 1234, 4321)
    with DirectoryTree(ctx) as stage:
        run(stage, rootfs, "/dir", dest="/o/")
        run(stage, rootfs, "/dir/one", dest="/p", chown="7:8")
    assert (os.stat(rootfs / "o/one").st_uid, os.stat(rootfs / "o/one").st_gid) == (1234, 4321)
    assert (os.stat(rootfs / "p").st_uid, os.stat(rootfs / "p").st_gid) == (7, 8)


@pytest.mark.parametrize(
    "spec, ids",
    [
        ("app", (1000, 1001)),
        ("app:staff", (1000, 50)),
        ("55:staff", (55, 50)),
        ("1", (1, 1)),
        ("10:11", (10, 11)),
        ("root", (0, 0)),
        ("web:app", (33, 1001)),
    ],
)
def test_chown_names_and_ids(ctx: Path, rootfs: Path, spec: str, ids: tuple[int, int]) -> None:
    run(ctx, rootfs, "dir", dest="/c/new/", chown=spec)
    for path in ("c/new/one", "c/new/sub", "c/new/sub/two", "c/new"):
        st = os.stat(rootfs / path)
        assert (st.st_uid, st.st_gid) == ids, path


def test_chown_numeric_needs_no_passwd(ctx: Path, tmp_path: Path) -> None:
    target = tmp_path / "scratch"
    target.mkdir()
    run(ctx, target, "a.txt", dest="/a", chown="42:43")
    assert (os.stat(target / "a").st_uid, os.stat(target / "a").st_gid) == (42, 43)
    with pytest.raises(BuildError, match="can't find uid for user app: no such user: app"):
        run(ctx, target, "a.txt", dest="/a", chown="app")


def test_chown_unknown_names_are_errors(ctx: Path, rootfs: Path) -> None:
    with pytest.raises(BuildError, match="no such user: nobody"):
        run(ctx, rootfs, "a.txt", dest="/a", chown="nobody")
    with pytest.raises(BuildError, match="no such group: wheel"):
        run(ctx, rootfs, "a.txt", dest="/a", chown="app:wheel")
    with pytest.raises(BuildError, match="invalid --chown"):
        run(ctx, rootfs, "a.txt", dest="/a", chown="app:")


def test_chown_for_link_reads_users_from_the_stage(ctx: Path, rootfs: Path, tmp_path: Path) -> None:
    empty = tmp_path / "link-layer"
    empty.mkdir()
    req = CopyRequest(sources=("a.txt",), dest="/srv/a", chown="app", link=True)
    copy_into(req, scan(ctx), empty, users_root=rootfs)
    st = os.stat(empty / "srv/a")
    assert (st.st_uid, st.st_gid) == (1000, 1001)
    assert sorted(os.listdir(empty)) == ["srv"]  # only what the copy made


def test_chmod_octal(ctx: Path, rootfs: Path) -> None:
    run(ctx, rootfs, "dir", dest="/m/", chmod="0640")
    assert os.stat(rootfs / "m/one").st_mode & 0o7777 == 0o640
    assert os.stat(rootfs / "m/sub").st_mode & 0o7777 == 0o640  # BuildKit: dirs too
    run(ctx, rootfs, "a.txt", dest="/s", chmod="4755")
    assert os.stat(rootfs / "s").st_mode & 0o7777 == 0o4755


@pytest.mark.parametrize("value", ["888", "77777", "9"])
def test_chmod_invalid(ctx: Path, rootfs: Path, value: str) -> None:
    with pytest.raises(BuildError, match=r"invalid chmod parameter: '.*'\. it should be octal"):
        run(ctx, rootfs, "a.txt", dest="/a", chmod=value)


def test_chmod_symbolic_changes_each_entry_from_its_own_mode(
        ctx: Path, rootfs: Path) -> None:
    """A symbolic --chmod (syntax 1.14) applies to each copied file and directory's source
    mode; the directories a copy makes for its destination stay 0755."""
    os.chmod(ctx / "dir" / "one", 0o600)
    os.chmod(ctx / "dir" / "sub" / "two", 0o700)
    os.chmod(ctx / "dir" / "sub", 0o700)
    run(ctx, rootfs, "dir", dest="/m/made/", chmod="go+rX,u-w")
    modes = {p: os.stat(rootfs / "m" / "made" / p).st_mode & 0o7777
             for p in ("one", "sub", "sub/two")}
    assert modes == {"one": 0o444, "sub": 0o555, "sub/two": 0o555}
    assert os.stat(rootfs / "m" / "made").st_mode & 0o7777 == 0o755
    assert os.stat(rootfs / "m").st_mode & 0o7777 == 0o755


# --- symlinks -------------------------------------------------------------------------------


def test_symlinks_inside_a_copied_directory_stay_links(ctx: Path, rootfs: Path) -> None:
    os.symlink("/etc/shadow", ctx / "dir" / "abs")
    os.symlink("one", ctx / "dir" / "rel")
    run(ctx, rootfs, "dir", dest="/l/")
    assert os.readlink(rootfs / "l/abs") == "/etc/shadow"
    assert os.readlink(rootfs / "l/rel") == "one"
    assert os.lstat(rootfs / "l/abs").st_uid == 0


def test_named_symlink_source_is_followed_inside_the_context(ctx: Path, rootfs: Path) -> None:
    os.symlink("dir/one", ctx / "alias")
    run(ctx, rootfs, "alias", dest="/f/")
    assert read(rootfs / "f/alias") == "1"
    assert not os.path.islink(rootfs / "f/alias")
    # an absolute target resolves at the context root (a chroot), never on the host
    os.symlink("/etc/passwd", ctx / "pw")
    with pytest.raises(BuildError, match="not found"):
        run(ctx, rootfs, "pw", dest="/g")
    os.symlink("/etc", ctx / "etcdir")
    with pytest.raises(BuildError, match="not found"):
        run(ctx, rootfs, "etcdir/passwd", dest="/g")
    os.symlink("/dir/one", ctx / "abs-alias")
    run(ctx, rootfs, "abs-alias", dest="/h")
    assert read(rootfs / "h") == "1"


def test_from_stage_symlinks_resolve_inside_the_stage(tmp_path: Path, rootfs: Path) -> None:
    stage = tree(tmp_path / "stage", {"opt/tool": "tool"})
    os.symlink("/opt/tool", stage / "tool-link")  # absolute: the stage's /opt, not the host's
    os.symlink("/opt", stage / "optlink")
    with DirectoryTree(stage) as src:
        run(src, rootfs, "/tool-link", dest="/t")
        run(src, rootfs, "/optlink/tool", dest="/u")
    assert read(rootfs / "t") == "tool" and read(rootfs / "u") == "tool"


def test_destination_symlink_cannot_escape_the_target(ctx: Path, tmp_path: Path) -> None:
    target = tmp_path / "target"
    target.mkdir()
    host = tmp_path / "host"
    host.mkdir()
    (host / "victim").write_text("untouched")
    os.symlink(str(host), target / "dst")  # absolute, pointing at a host directory
    os.symlink("../../../../../..", target / "up")
    os.symlink(str(host / "victim"), target / "victim")
    run(ctx, target, "a.txt", dest="/dst/")
    run(ctx, target, "b.txt", dest="/up/x/")
    run(ctx, target, "c.md", dest="/victim")
    run(ctx, target, "dir", dest="/dst/inner/")
    assert sorted(os.listdir(host)) == ["victim"]
    assert (host / "victim").read_text() == "untouched"
    inside = target / str(host).lstrip("/")  # the symlink resolved inside the target
    assert read(inside / "a.txt") == "A"
    assert read(inside / "victim") == "C"
    assert read(inside / "inner" / "sub" / "two") == "2"
    assert read(target / "x" / "b.txt") == "B"


def test_directory_merge_never_follows_an_existing_symlink(ctx: Path, tmp_path: Path) -> None:
    target = tmp_path / "target"
    (target / "out").mkdir(parents=True)
    outside = tmp_path / "outside"
    outside.mkdir()
    os.symlink(str(outside), target / "out" / "sub")
    with pytest.raises(BuildError, match="cannot copy to non-directory"):
        run(ctx, target, "dir", dest="/out/")
    assert os.listdir(outside) == []


def test_copied_directories_keep_their_source_mtime(ctx: Path, rootfs: Path) -> None:
    # Docker (classic and BuildKit): a directory copied from the source keeps its mtime
    # although its children were written after it; a destination made on the way is new
    for rel in ("dir/sub", "dir"):
        os.utime(ctx / rel, ns=(1_600_000_000_000_000_000,) * 2)
    run(ctx, rootfs, "dir/", dest="/new/")
    run(ctx, rootfs, "dir", dest="/other/dir")
    run(ctx, rootfs, "*.txt", "dir", dest="/etc/", excludes=("dir/one",))
    for where in ("new/sub", "other/dir/sub", "etc/sub"):
        assert os.stat(rootfs / where).st_mtime_ns == 1_600_000_000_000_000_000, where
    assert os.stat(rootfs / "other" / "dir").st_mtime_ns != 1_600_000_000_000_000_000


def test_context_file_changed_after_scan_is_detected(ctx: Path, rootfs: Path) -> None:
    snap = scan(ctx)
    (ctx / "a.txt").write_text("Z")
    with pytest.raises(ContextError, match="changed"):
        run(snap, rootfs, "a.txt", dest="/z")


def test_context_file_grown_after_scan_is_detected(ctx: Path, rootfs: Path) -> None:
    snap = scan(ctx)
    (ctx / "dir" / "one").write_text("1 and more")  # the scanned bytes are still its start
    with pytest.raises(ContextError, match="changed"):
        run(snap, rootfs, "dir", dest="/d/")


def test_context_file_swapped_for_a_fifo_after_scan_fails_without_hanging(
    ctx: Path, rootfs: Path
) -> None:
    snap = scan(ctx)
    (ctx / "dir" / "sub" / "two").unlink()
    os.mkfifo(ctx / "dir" / "sub" / "two")  # opening it for reading would wait for a writer
    outcome: list[BaseException | None] = []

    def copy() -> None:
        try:
            run(snap, rootfs, "dir", dest="/d/")
            outcome.append(None)
        except BaseException as e:  # handed to the test thread
            outcome.append(e)

    worker = threading.Thread(target=copy, daemon=True)
    worker.start()
    worker.join(10)
    assert not worker.is_alive(), "the copy hung on the FIFO"
    assert isinstance(outcome[0], ContextError) and "changed" in str(outcome[0])


# --- heredocs -------------------------------------------------------------------------------


def test_heredoc_files(rootfs: Path) -> None:
    env = {"NAME": "world"}

    def expand(text: str) -> str:
        return text.replace("$NAME", env["NAME"])

    req = CopyRequest(
        dest="/h/",
        contents=(
            InlineFile("greet.txt", "hello $NAME\n", expand=True),
            InlineFile("raw.txt", "hello $NAME\n", expand=False),
            InlineFile("tabs.txt", "\t\tindented\n\tx\n", expand=False, chomp=True),
        ),
    )
    result = copy_into(req, None, rootfs, expand=expand)
    assert result.files == 3
    assert read(rootfs / "h/greet.txt") == "hello world\n"
    assert read(rootfs / "h/raw.txt") == "hello $NAME\n"
    assert read(rootfs / "h/tabs.txt") == "indented\nx\n"
    st = os.stat(rootfs / "h/greet.txt")
    assert (st.st_mode & 0o7777, st.st_uid, st.st_gid) == (0o644, 0, 0)
    copy_into(CopyRequest(dest="/single", contents=(InlineFile("f", "x"),)), None, rootfs)
    assert read(rootfs / "single") == "x"


def test_request_from_instruction_expands_words() -> None:
    loc = Location("Dockerfile", 1, 1)
    env = {"D": "/dst", "U": "app"}

    def expand(s: str) -> str:
        for k, v in env.items():
            s = s.replace("$" + k, v)
        return s

    copy = Copy(loc, "COPY", sources=("$D/a",), dest="$D/", chown="$U", excludes=("$D",))
    req = CopyRequest.from_instruction(copy, workdir="/w", expand=expand)
    assert (req.sources, req.dest, req.chown, req.excludes) == (
        ("/dst/a",),
        "/dst/",
        "app",
        ("$D",),
    )
    add = Add(loc, "ADD", sources=("x",), dest="y", checksum="$U", unpack=False)
    req = CopyRequest.from_instruction(add, expand=expand)
    assert (req.command, req.unpack, req.checksum) == ("ADD", False, "app")


# --- ADD: archives --------------------------------------------------------------------------


def _archive() -> bytes:
    buf = io.BytesIO()
    with tarfile.open(fileobj=buf, mode="w") as tar:
        for name, data, mode in [
            ("top.txt", b"top", 0o600),
            ("pkg/lib.py", b"lib", 0o755),
            ("pkg/.wh.gone", b"", 0o644),
        ]:
            info = tarfile.TarInfo(name)
            info.size, info.mode, info.uid, info.gid = len(data), mode, 500, 501
            tar.addfile(info, io.BytesIO(data))
        link = tarfile.TarInfo("pkg/link")
        link.type, link.linkname = tarfile.SYMTYPE, "/etc/passwd"
        tar.addfile(link)
    return buf.getvalue()


COMPRESS = {
    "plain": lambda b: b,
    "gzip": gzip.compress,
    "bzip2": bz2.compress,
    "xz": lzma.compress,
    "zstd": lambda b: zstandard.ZstdCompressor().compress(b),
}


@pytest.mark.parametrize("kind", sorted(COMPRESS))
def test_add_extracts_local_archives(ctx: Path, rootfs: Path, kind: str) -> None:
    (ctx / "bundle.bin").write_bytes(COMPRESS[kind](_archive()))
    result = run(ctx, rootfs, "bundle.bin", dest="/opt/app", command="ADD")
    assert result.archives == 1
    assert read(rootfs / "opt/app/top.txt") == "top"
    st = os.stat(rootfs / "opt/app/pkg/lib.py")
    assert (st.st_mode & 0o7777, st.st_uid, st.st_gid) == (0o755, 500, 501)
    assert (rootfs / "opt/app/pkg/.wh.gone").is_file()  # a whiteout name is a plain file here
    assert os.readlink(rootfs / "opt/app/pkg/link") == "/etc/passwd"


def test_add_archive_with_chown_and_unpack_false(ctx: Path, rootfs: Path) -> None:
    (ctx / "b.tar.gz").write_bytes(gzip.compress(_archive()))
    run(ctx, rootfs, "b.tar.gz", dest="/x/", command="ADD", chown="app")
    assert os.stat(rootfs / "x/pkg/lib.py").st_uid == 1000
    run(ctx, rootfs, "b.tar.gz", dest="/y/", command="ADD", unpack=False)
    assert (rootfs / "y/b.tar.gz").read_bytes()[:2] == b"\x1f\x8b"
    run(ctx, rootfs, "b.tar.gz", dest="/z/")  # COPY never extracts
    assert (rootfs / "z/b.tar.gz").is_file()


def test_add_does_not_extract_by_name(ctx: Path, rootfs: Path) -> None:
    (ctx / "fake.tar.gz").write_bytes(b"")
    (ctx / "text.gz").write_bytes(gzip.compress(b"not a tar"))
    run(ctx, rootfs, "fake.tar.gz", "text.gz", dest="/n/", command="ADD")
    assert (rootfs / "n/fake.tar.gz").read_bytes() == b""
    assert gzip.decompress((rootfs / "n/text.gz").read_bytes()) == b"not a tar"


def test_add_hostile_archive_stays_inside(ctx: Path, tmp_path: Path) -> None:
    target = tmp_path / "target"
    target.mkdir()
    outside = tmp_path / "outside"
    outside.mkdir()
    buf = io.BytesIO()
    with tarfile.open(fileobj=buf, mode="w") as tar:
        link = tarfile.TarInfo("esc")
        link.type, link.linkname = tarfile.SYMTYPE, str(outside)
        tar.addfile(link)
        info = tarfile.TarInfo("esc/pwned")
        info.size = 1
        tar.addfile(info, io.BytesIO(b"x"))
    (ctx / "evil.tar").write_bytes(buf.getvalue())
    run(ctx, target, "evil.tar", dest="/d/", command="ADD")
    assert os.listdir(outside) == []
    assert (target / "d" / str(outside).lstrip("/") / "pwned").read_bytes() == b"x"

    buf = io.BytesIO()
    with tarfile.open(fileobj=buf, mode="w") as tar:
        info = tarfile.TarInfo("../../climb")
        info.size = 1
        tar.addfile(info, io.BytesIO(b"x"))
    (ctx / "climb.tar").write_bytes(buf.getvalue())
    with pytest.raises(BuildError, match="escapes the destination"):
        run(ctx, target, "climb.tar", dest="/d/", command="ADD")
    assert not (tmp_path / "climb").exists()


# --- ADD: URLs ------------------------------------------------------------------------------


@pytest.fixture
def server(tmp_path: Path) -> Iterator[tuple[str, Path]]:
    root = tmp_path / "www"
    root.mkdir()

    class Handler(http.server.SimpleHTTPRequestHandler):
        def __init__(self, *args: object, **kwargs: object) -> None:
            super().__init__(*args, directory=str(root), **kwargs)  # type: ignore[arg-type]

        def log_message(self, format: str, *args: object) -> None:
            pass

    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}", root
    finally:
        httpd.shutdown()
        httpd.server_close()
        thread.join()


def test_add_url_with_checksum(server: tuple[str, Path], rootfs: Path) -> None:
    base, www = server
    (www / "tool.sh").write_bytes(b"#!/bin/sh\necho hi\n")
    digest = "sha256:" + hashlib.sha256(b"#!/bin/sh\necho hi\n").hexdigest()
    req = CopyRequest(sources=(f"{base}/tool.sh",), dest="/bin/", command="ADD", checksum=digest)
    result = copy_into(req, None, rootfs)
    assert result.files == 1
    got = rootfs / "bin/tool.sh"
    assert got.read_bytes() == b"#!/bin/sh\necho hi\n"
    st = os.stat(got)
    assert (st.st_mode & 0o7777, st.st_uid) == (0o600, 0)
    assert abs(st.st_mtime - os.stat(www / "tool.sh").st_mtime) < 2  # Last-Modified
    copy_into(CopyRequest(sources=(f"{base}/tool.sh",), dest="/named", command="ADD"), None, rootfs)
    assert (rootfs / "named").read_bytes() == b"#!/bin/sh\necho hi\n"


def test_add_url_checksum_mismatch(server: tuple[str, Path], rootfs: Path) -> None:
    base, www = server
    (www / "f").write_bytes(b"data")
    bad = "sha256:" + "0" * 64
    req = CopyRequest(sources=(f"{base}/f",), dest="/f", command="ADD", checksum=bad)
    with pytest.raises(BuildError, match="digest mismatch"):
        copy_into(req, None, rootfs)
    assert not (rootfs / "f").exists()
    with pytest.raises(BuildError, match="invalid checksum"):
        copy_into(
            CopyRequest(sources=(f"{base}/f",), dest="/f", command="ADD", checksum="md5:1"),
            None,
            rootfs,
        )


def test_add_url_unpack_and_http_errors(server: tuple[str, Path], rootfs: Path) -> None:
    base, www = server
    (www / "a.tgz").write_bytes(gzip.compress(_archive()))
    copy_into(CopyRequest(sources=(f"{base}/a.tgz",), dest="/kept/", command="ADD"), None, rootfs)
    assert (rootfs / "kept/a.tgz").is_file()  # URLs are not extracted by default
    req = CopyRequest(sources=(f"{base}/a.tgz",), dest="/x/", command="ADD", unpack=True)
    copy_into(req, None, rootfs)
    assert read(rootfs / "x/top.txt") == "top"
    with pytest.raises(BuildError, match="invalid response status 404"):
        copy_into(CopyRequest(sources=(f"{base}/missing",), dest="/m", command="ADD"), None, rootfs)


def test_add_unreachable_url(rootfs: Path) -> None:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    req = CopyRequest(sources=(f"http://127.0.0.1:{port}/x",), dest="/x", command="ADD")
    with pytest.raises(BuildError, match=r"failed to load .*cannot connect"):
        copy_into(req, None, rootfs)


def test_url_and_git_sources_rules(rootfs: Path) -> None:
    with pytest.raises(BuildError, match="source can't be a URL for COPY"):
        copy_into(CopyRequest(sources=("http://example.com/x",), dest="/x"), None, rootfs)
    # a git source is checked out by the build (tests/integration/test_build_add_git.py)
    with pytest.raises(BuildError, match="a git source needs a build"):
        req = CopyRequest(sources=("https://github.com/a/b.git",), dest="/x", command="ADD")
        copy_into(req, None, rootfs)
    with pytest.raises(BuildError, match="a git source needs a build"):
        req = CopyRequest(sources=("git@github.com:a/b.git",), dest="/x", command="ADD")
        copy_into(req, None, rootfs)
    with pytest.raises(BuildError, match="checksum can't be specified for COPY"):
        copy_into(CopyRequest(sources=("a",), dest="/x", checksum="sha256:00"), None, rootfs)


def _listing(root: Path) -> list[str]:
    out = []
    for path in sorted(root.rglob("*")):
        st = os.lstat(path)
        link = f" -> {os.readlink(path)}" if path.is_symlink() else ""
        out.append(
            f"{stat.filemode(st.st_mode)} {st.st_uid}/{st.st_gid} {path.relative_to(root)}{link}"
        )
    return out


def test_a_sequence_of_copies_matches_docker(tmp_path: Path) -> None:
    """The listing below is what Docker 20.10 (BuildKit) produced for the same Dockerfile."""
    ctx = tree(tmp_path / "ctx", {"a.txt": "A\n", "dir/one": "1\n", "dir/sub/two": "2\n"})
    os.chmod(ctx / "dir" / "sub", 0o700)
    (ctx / "links").mkdir()
    os.symlink("/tgt", ctx / "links" / "lnk")
    os.symlink("/tgt/f.txt", ctx / "links" / "flnk")
    os.symlink("missing", ctx / "links" / "dangle")
    target = tmp_path / "rootfs"
    target.mkdir()
    snap = scan(ctx)
    for src, dest, extra in [
        ("a.txt", "/e/x", {"chmod": "711"}),
        ("dir", "/e", {}),
        ("a.txt", "/e", {}),
        ("links", "/", {}),
        ("a.txt", "/lnk/", {}),  # through the copied symlink /lnk -> /tgt
        ("a.txt", "/flnk", {}),  # replaces the symlink's target, /tgt/f.txt
        ("a.txt", "/dangle", {}),  # creates the dangling link's target, /missing
        ("dir", "/out", {"chown": "1:2"}),
        ("a.txt", "/tgt2/", {}),
        ("dir/sub", "/tgt2/", {}),
    ]:
        copy_into(CopyRequest(sources=(src,), dest=dest, **extra), snap, target)  # type: ignore[arg-type]
    assert _listing(target) == [
        "lrwxrwxrwx 0/0 dangle -> missing",
        "drwxr-xr-x 0/0 e",
        "-rw-r--r-- 0/0 e/a.txt",
        "-rw-r--r-- 0/0 e/one",
        "drwx------ 0/0 e/sub",
        "-rw-r--r-- 0/0 e/sub/two",
        "-rwx--x--x 0/0 e/x",
        "lrwxrwxrwx 0/0 flnk -> /tgt/f.txt",
        "lrwxrwxrwx 0/0 lnk -> /tgt",
        "-rw-r--r-- 0/0 missing",
        "drwxr-xr-x 1/2 out",
        "-rw-r--r-- 1/2 out/one",
        "drwx------ 1/2 out/sub",
        "-rw-r--r-- 1/2 out/sub/two",
        "drwxr-xr-x 0/0 tgt",
        "-rw-r--r-- 0/0 tgt/a.txt",
        "-rw-r--r-- 0/0 tgt/f.txt",
        "drwxr-xr-x 0/0 tgt2",
        "-rw-r--r-- 0/0 tgt2/a.txt",
        "-rw-r--r-- 0/0 tgt2/two",
    ]


def test_context_digest_follows_what_the_copy_reads(ctx: Path) -> None:
    def key(snap: ContextSnapshot, *sources: str, **kw: object) -> str:
        req = CopyRequest(sources=sources, dest="/d/", **kw)  # type: ignore[arg-type]
        return context_digest(req, snap)

    before = scan(ctx)
    k_dir, k_glob, k_par = (
        key(before, "dir"),
        key(before, "*.txt"),
        key(before, "./x/./y", parents=True),
    )
    os.utime(ctx / "dir" / "one", (5, 5))
    (ctx / "c.md").write_text("changed")  # selected by none of them
    same = scan(ctx)
    assert (key(same, "dir"), key(same, "*.txt"), key(same, "./x/./y", parents=True)) == (
        k_dir,
        k_glob,
        k_par,
    )
    (ctx / "dir" / "sub" / "two").write_text("3")
    (ctx / "new.txt").write_text("")  # a new wildcard match
    (ctx / "x" / "y" / "a.txt").write_text("!")
    after = scan(ctx)
    assert key(after, "dir") != k_dir
    assert key(after, "*.txt") != k_glob
    assert key(after, "./x/./y", parents=True) != k_par
    with pytest.raises(BuildError, match="not found"):
        key(after, "missing")
    os.symlink("/etc", ctx / "etc")  # resolves to itself inside the context: a loop
    with pytest.raises(BuildError, match="too many levels of symbolic links"):
        key(scan(ctx), "etc/passwd")


def test_add_archive_hardlinks_stay_inside(ctx: Path, tmp_path: Path) -> None:
    target = tmp_path / "target"
    target.mkdir()

    def archive(link_target: str) -> bytes:
        buf = io.BytesIO()
        with tarfile.open(fileobj=buf, mode="w") as tar:
            info = tarfile.TarInfo("data/file")
            info.size = 4
            tar.addfile(info, io.BytesIO(b"data"))
            link = tarfile.TarInfo("data/hard")
            link.type, link.linkname = tarfile.LNKTYPE, link_target
            tar.addfile(link)
        return buf.getvalue()

    (ctx / "ok.tar").write_bytes(archive("data/file"))
    run(ctx, target, "ok.tar", dest="/x/", command="ADD")
    assert os.stat(target / "x/data/hard").st_ino == os.stat(target / "x/data/file").st_ino

    host_ino = os.stat("/etc/passwd").st_ino
    (ctx / "abs.tar").write_bytes(archive("/etc/passwd"))
    with pytest.raises(BuildError, match="cannot extract archive"):
        run(ctx, target, "abs.tar", dest="/y/", command="ADD")
    assert os.stat("/etc/passwd").st_nlink >= 1
    assert not any(os.stat(p).st_ino == host_ino for p in target.rglob("*") if not p.is_symlink())
    (ctx / "up.tar").write_bytes(archive("../../../etc/passwd"))
    with pytest.raises(BuildError, match="escapes the destination"):
        run(ctx, target, "up.tar", dest="/z/", command="ADD")


def test_from_copy_makes_fifos_and_devices_skips_sockets(tmp_path: Path, rootfs: Path) -> None:
    stage = tree(tmp_path / "stage", {"run/app.conf": "x"})
    os.mkfifo(stage / "run" / "pipe")
    os.chmod(stage / "run" / "pipe", 0o620)
    os.chown(stage / "run" / "pipe", 12, 34)
    os.mknod(stage / "run" / "null", 0o666 | stat.S_IFCHR, os.makedev(1, 3))
    sock = socket.socket(socket.AF_UNIX)
    sock.bind(str(stage / "run" / "sock"))
    sock.close()
    with DirectoryTree(stage) as src:
        result = run(src, rootfs, "/run", dest="/r/")
    assert sorted(os.listdir(rootfs / "r")) == ["app.conf", "null", "pipe"]
    pipe, null = os.lstat(rootfs / "r" / "pipe"), os.lstat(rootfs / "r" / "null")
    assert stat.S_ISFIFO(pipe.st_mode) and stat.S_IMODE(pipe.st_mode) == 0o620
    assert (pipe.st_uid, pipe.st_gid) == (12, 34)
    assert stat.S_ISCHR(null.st_mode) and null.st_rdev == os.makedev(1, 3)
    assert result.skipped == ["/run/sock: sockets are not copied"]


# --- planned steps --------------------------------------------------------------------------


def _steps(text: str) -> list[Step]:
    graph = plan(parse(text), PlanSettings(platform="linux/amd64"))
    return [step for stage in graph.stages for step in stage.steps]


def test_request_from_a_planned_step_copies_like_docker(ctx: Path, rootfs: Path) -> None:
    steps = _steps(
        "FROM busybox\nARG NAME=world\nWORKDIR /srv\n"
        "COPY --chown=app:staff --chmod=640 dir sub/\n"
        "COPY <<EOF greeting.txt\nhello $NAME\nEOF\n"
        "ADD --unpack=false a.txt b.txt ./adds/\n"
    )
    copy_step, heredoc_step, add_step = steps[-3:]
    snap = scan(ctx)
    for step in (copy_step, heredoc_step, add_step):
        copy_into(CopyRequest.from_step(step), snap, rootfs)
    st = os.stat(rootfs / "srv/sub/sub/two")
    assert (st.st_uid, st.st_gid, st.st_mode & 0o777) == (1000, 50, 0o640)
    assert read(rootfs / "srv/greeting.txt") == "hello world\n"
    assert read(rootfs / "srv/adds/b.txt") == "B"
    req = CopyRequest.from_step(add_step)
    assert (req.command, req.unpack, req.workdir) == ("ADD", False, "/srv")


def test_sources_digester_for_cache_keys(ctx: Path) -> None:
    steps = _steps(
        "FROM busybox AS base\n"
        "COPY dir /d/\n"
        "COPY --parents ./x/./y /p/\n"
        "RUN --mount=type=bind,source=src,target=/s true\n"
        "ADD https://example.com/f /f\n"
        "FROM busybox\nCOPY --from=base /d /d\n"
    )
    copy_dir, copy_parents, run_mount, add_url, copy_from = steps
    before = sources_digester(scan(ctx))
    assert before(add_url) is None and before(copy_from) is None
    first = [before(s) for s in (copy_dir, copy_parents, run_mount)]
    assert all(d and d.startswith("blake3:") for d in first)
    assert len(set(first)) == 3
    (ctx / "src" / "a.txt").write_text("changed")
    after = sources_digester(scan(ctx))
    assert [after(s) for s in (copy_dir, copy_parents, run_mount)] == [
        first[0],
        first[1],
        after(run_mount),
    ]
    assert after(run_mount) != first[2]
    (ctx / "dir" / "one").write_text("changed")
    assert sources_digester(scan(ctx))(copy_dir) != first[0]
    missing = _steps("FROM busybox\nCOPY nope /n\n")[-1]
    with pytest.raises(BuildError, match="not found") as err:
        sources_digester(scan(ctx))(missing)
    assert err.value.location is not None and err.value.location.line == 2


def _files(top: Path) -> dict[str, tuple[object, ...]]:
    out: dict[str, tuple[object, ...]] = {}
    for dirpath, dirnames, filenames in os.walk(top):
        for name in dirnames + filenames:
            path = Path(dirpath) / name
            st = path.lstat()
            data = path.read_bytes() if stat.S_ISREG(st.st_mode) else None
            link = os.readlink(path) if path.is_symlink() else None
            out[str(path.relative_to(top))] = (st.st_mode, st.st_uid, st.st_gid, st.st_mtime_ns,
                                               data, link)
    return out


def test_a_large_copy_in_two_processes_writes_what_one_does(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Over 2,000 files: the directories are halved between this process and a child;
    the result, the counts and the pool's links are those of one process, and no content
    found in both halves is linked twice (the layer would carry a hardlink)."""
    import builder.halves

    if (os.cpu_count() or 1) < 2:
        pytest.skip("a copy is split only with two cores")
    files = {f"big/d{d:02}/f{f:02}": f"{d}-{f}\n" for d in range(60) for f in range(40)}
    files |= {f"big/d{d:02}/same": "same\n" for d in range(60)}
    ctx = tree(tmp_path / "ctx", files)
    for d in range(60):
        os.utime(ctx / "big" / f"d{d:02}" / "same", ns=(1_700_000_000_000_000_000,) * 2)
        os.symlink("same", ctx / "big" / f"d{d:02}" / "link")
    snap = scan(ctx)
    splits: list[int] = []
    real = builder.halves.in_two

    def spy(run: Any, items: Any, split: int) -> Any:
        splits.append(split)
        return real(run, items, split)

    monkeypatch.setattr(builder.halves, "in_two", spy)
    results = {}
    for name, min_items in (("two", 2000), ("one", 10**9)):
        monkeypatch.setattr(builder.halves, "MIN_ITEMS", min_items)
        pool, target = tmp_path / f"pool-{name}", tmp_path / f"target-{name}"
        pool.mkdir()
        target.mkdir()
        req = CopyRequest(sources=("big/",), dest="/big/")
        results[name] = (copy_into(req, snap, target, pool=pool), target, pool)
    assert splits == [30]  # once, in the middle of d00..d59
    (two, t2, p2), (one, t1, p1) = results["two"], results["one"]
    assert (two.files, two.dirs, two.symlinks, two.bytes) == (
        one.files, one.dirs, one.symlinks, one.bytes) == (2460, 60, 60, two.bytes)
    made = {"big": None}  # the destination directory is made now, in each copy
    assert _files(t2) | made == _files(t1) | made
    inodes = [(t2 / rel).lstat().st_ino for rel in _files(t2) if not (t2 / rel).is_symlink()]
    assert len(inodes) == len(set(inodes))  # no two paths of the copy share an inode
    assert sorted(os.listdir(p2)) == sorted(os.listdir(p1))


def test_hardlinks_of_a_large_copy_are_made_in_one_process(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A context that hardlinks files across its directories is copied in one process,
    which links each name to where its group's first name was written, pool or not."""
    import builder.halves

    files = {f"big/d{d:02}/f{f:02}": f"{d}-{f}\n" for d in range(60) for f in range(40)}
    ctx = tree(tmp_path / "ctx", files)
    os.link(ctx / "big" / "d00" / "f00", ctx / "big" / "d59" / "again")
    os.link(ctx / "big" / "d00" / "f00", ctx / "big" / "d30" / "again")
    snap = scan(ctx)
    splits: list[int] = []
    monkeypatch.setattr(builder.halves, "in_two", lambda *a: splits.append(a[2]))
    monkeypatch.setattr(builder.halves, "MIN_ITEMS", 2000)
    for pool in (tmp_path / "pool", None):
        target = tmp_path / f"target-{pool is not None}"
        target.mkdir()
        if pool is not None:
            pool.mkdir()
        result = copy_into(CopyRequest(sources=("big/",), dest="/big/"), snap, target,
                           pool=pool)
        assert result.files == 2402
        first = (target / "big" / "d00" / "f00").lstat()
        for name in ("d30/again", "d59/again"):
            st = (target / "big" / name).lstat()
            assert (st.st_ino, st.st_dev) == (first.st_ino, first.st_dev)
        others = {(target / "big" / "d00" / f"f{f:02}").lstat().st_ino for f in range(1, 40)}
        assert first.st_ino not in others
    assert splits == []


CAPABILITY = struct.pack("<IIIII", 0x02000001, 1 << 10, 0, 0, 0)  # cap_net_bind_service


def _xattrs(path: Path) -> dict[str, bytes]:
    return {n: os.getxattr(path, n, follow_symlinks=False)
            for n in os.listxattr(path, follow_symlinks=False)}


def test_the_xattrs_a_layer_keeps_are_copied_from_context_and_stages(tmp_path: Path) -> None:
    """user.* and file capabilities survive a copy, from the context or a stage, and a
    --chown (which would clear capabilities set before it); other xattrs do not, and a file
    with xattrs is never linked from the pool (whose files have none)."""
    src = tree(tmp_path / "ctx", {"bin/tool": "tool\n", "bin/plain": "tool\n"})
    os.setxattr(src / "bin" / "tool", "user.origin", b"ctx")
    os.setxattr(src / "bin" / "tool", "security.capability", CAPABILITY)
    os.setxattr(src / "bin" / "tool", "trusted.host", b"not copied")
    os.setxattr(src / "bin", "user.dir", b"d")
    want = {"user.origin": b"ctx", "security.capability": CAPABILITY}
    snap = scan(src)
    stage = DirectoryTree(src)
    for name, source, chown in (("ctx", snap, None), ("chown", snap, "7:8"),
                                ("stage", stage, None)):
        target, pool = tmp_path / f"out-{name}", tmp_path / f"pool-{name}"
        target.mkdir()
        pool.mkdir()
        copy_into(CopyRequest(sources=("bin",), dest="/usr/bin/", chown=chown), source,
                  target, pool=pool if source is snap else None)
        tool = target / "usr" / "bin" / "tool"
        assert _xattrs(tool) == want, name
        assert _xattrs(target / "usr" / "bin" / "plain") == {}
        if chown:
            assert (tool.stat().st_uid, tool.stat().st_gid) == (7, 8)
        if source is snap:
            assert tool.stat().st_nlink == 1  # written, not linked from the pool
    stage.close()
    (tmp_path / "out-dir").mkdir()
    copy_into(CopyRequest(sources=(".",), dest="/all/"), snap, tmp_path / "out-dir")
    assert _xattrs(tmp_path / "out-dir" / "all" / "bin") == {"user.dir": b"d"}


def test_strip_xattrs_removes_all_and_keeps_the_mode(tmp_path: Path) -> None:
    from builder.xattrs import strip_xattrs

    target = tmp_path / "f"
    target.write_text("x")
    os.chmod(target, 0o640)
    try:
        os.setxattr(target, "user.note", b"1")
        os.setxattr(target, "user.other", b"2")
    except OSError:
        pytest.skip("no user xattrs here")
    strip_xattrs(str(target))
    assert os.listxattr(target) == [] and os.stat(target).st_mode & 0o7777 == 0o640
    strip_xattrs(str(target))  # nothing to do


def _over_base(tmp_path: Path, files: dict[str, str], change: Any,
               req: CopyRequest | None = None) -> tuple[CopyResult, Path, Path]:
    """Copy ``files`` into a first target (the base, through a pool), apply ``change`` to
    the context, and copy again over the base into a second target: (the second copy's
    result, the base, the second target)."""
    from builder.copy import Base
    from builder.snapshot.promote import settle_plain

    ctx = tree(tmp_path / "ctx", files)
    for path in ctx.rglob("*"):  # a pooled file's mtime is past 2001
        os.utime(path, ns=(1_700_000_000_000_000_000,) * 2, follow_symlinks=False)
    pool, first, second = tmp_path / "pool", tmp_path / "first", tmp_path / "second"
    for d in (pool, first, second):
        d.mkdir()
    req = req or CopyRequest(sources=("src/",), dest="/src/")
    base = copy_into(req, scan(ctx), first, pool=pool)
    known: dict[str, Any] = {}
    changes = settle_plain(str(first), None, known, base.contents)
    dirs = {c.path: (st.st_mode, st.st_uid, st.st_gid, st.st_mtime_ns) for c in changes
            if (st := known.get(c.source)) is not None and stat.S_ISDIR(st.st_mode)}
    change(ctx)
    return copy_into(req, scan(ctx), second, pool=pool,
                     base=Base(str(first), base.contents, dirs)), first, second


def test_a_copy_over_a_base_writes_only_what_differs(tmp_path: Path) -> None:
    """What the base holds as the copy would write it is kept (listed, not written); the
    rest is written, and the two stacked are the copy written whole."""

    def change(ctx: Path) -> None:
        (ctx / "src" / "c").write_text("changed")
        os.chmod(ctx / "src" / "sub" / "a", 0o600)
        os.chmod(ctx / "src" / "moded", 0o700)
        for path in (ctx / "src" / "c", ctx / "src" / "sub" / "a", ctx / "src" / "moded"):
            os.utime(path, ns=(1_700_000_000_000_000_000,) * 2)

    files = {"src/a": "a", "src/b": "b", "src/c": "c", "src/sub/a": "sa", "src/sub/b": "sb",
             "src/same/x": "x", "src/moded/m": "m"}
    result, first, second = _over_base(tmp_path, files, change)
    assert result.kept == {"src/a", "src/b", "src/sub/b", "src/same", "src/same/x",
                           "src/moded/m"}
    written = sorted(str(p.relative_to(second)) for p in second.rglob("*"))
    assert written == ["src", "src/c", "src/moded", "src/sub", "src/sub/a"]
    assert stat.S_IMODE((second / "src" / "moded").stat().st_mode) == 0o700
    assert (second / "src" / "c").read_text() == "changed"
    assert stat.S_IMODE((second / "src" / "sub" / "a").stat().st_mode) == 0o600
    # the base's pool files are not linked into the delta: one inode, one path
    assert (second / "src" / "sub" / "a").stat().st_ino != (first / "src" / "a").stat().st_ino


def test_equal_content_at_another_path_is_not_linked_from_a_base(tmp_path: Path) -> None:
    """A new file with the content of a file the base links is written, not linked: the
    layer of the two stacked would hold two paths of one inode (a hardlink)."""

    def change(ctx: Path) -> None:
        (ctx / "src" / "twin").write_text("a")
        os.utime(ctx / "src" / "twin", ns=(1_700_000_000_000_000_000,) * 2)

    result, first, second = _over_base(tmp_path, {"src/a": "a"}, change)
    assert "src/a" in (result.kept or set())
    assert (second / "src" / "twin").stat().st_ino != (first / "src" / "a").stat().st_ino
    assert (second / "src" / "twin").stat().st_nlink == 1


@pytest.mark.parametrize("req", [
    CopyRequest(sources=("src/",), dest="/src/", command="ADD"),
    CopyRequest(sources=("src/",), dest="/src/", excludes=("*.md",)),
    CopyRequest(sources=("src/",), dest="/src/", contents=(InlineFile("f", "x"),)),
], ids=["add", "exclude", "heredoc"])
def test_a_base_is_not_used_where_the_copy_cannot_compare(tmp_path: Path,
                                                          req: CopyRequest) -> None:
    result, _, second = _over_base(tmp_path, {"src/a": "a"}, lambda ctx: None, req)
    assert result.kept is None
    assert (second / "src" / "a").read_text() == "a"


def test_a_base_is_not_used_for_a_context_with_hardlinks(tmp_path: Path) -> None:
    def change(ctx: Path) -> None:
        os.link(ctx / "src" / "a", ctx / "src" / "again")

    result, _, second = _over_base(tmp_path, {"src/a": "a", "src/b": "b"}, change)
    assert result.kept is None
    assert (second / "src" / "again").stat().st_ino == (second / "src" / "a").stat().st_ino
