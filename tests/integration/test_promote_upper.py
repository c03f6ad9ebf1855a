"""A step's upper dir becomes its layer's unpacked dir: it must equal the extracted layer.

Every test compares the promoted dir, entry by entry (type, mode, owner, size, content,
link target, device, xattrs, mtime, hardlink groups), with ``Store.unpacked`` of the same
blob in a fresh store, and checks that the fast path was taken (nothing was extracted).
"""

from __future__ import annotations

import hashlib
import os
import shutil
import signal
import socket
import stat
import struct
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest

import builder.layers
from builder.build import BuildRequest, build
from builder.layers import changes_from_tree
from builder.progress import QuietReporter
from builder.runtime.stubs import stub_points
from builder.settings import Settings
from builder.snapshot import OverlaySnapshotter
from builder.snapshot.promote import promote_upper
from builder.store import Store

pytestmark = pytest.mark.integration

REPO = Path(__file__).resolve().parents[2]
BUSYBOX = Path("/bin/busybox")
# VFS_CAP_REVISION_2 | effective, permitted = CAP_NET_BIND_SERVICE
FILE_CAPS = struct.pack("<IIIII", 0x02000001, 1 << 10, 0, 0, 0)

Entry = tuple[Any, ...]


def listing(root: Path) -> dict[str, Entry]:
    """Every entry under ``root`` (and ``root`` itself as "."), as extraction defines it:
    type, mode, owner, size (not of directories: it depends on their history), content
    hash, link target or device, xattrs, the paths sharing its inode, mtime."""
    found: dict[str, tuple[str, os.stat_result]] = {".": (str(root), os.lstat(root))}
    for dirpath, dirnames, filenames in os.walk(root):
        for name in dirnames + filenames:
            path = os.path.join(dirpath, name)
            found[os.path.relpath(path, root)] = (path, os.lstat(path))
    groups: dict[tuple[int, int], list[str]] = {}
    for rel, (_, st) in found.items():
        if not stat.S_ISDIR(st.st_mode):
            groups.setdefault((st.st_dev, st.st_ino), []).append(rel)
    out: dict[str, Entry] = {}
    for rel, (path, st) in found.items():
        mode = st.st_mode
        whiteout = stat.S_ISCHR(mode) and st.st_rdev == 0
        if stat.S_ISREG(mode):
            detail: object = hashlib.sha256(Path(path).read_bytes()).hexdigest()
        elif stat.S_ISLNK(mode):
            detail = os.readlink(path)
        elif stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
            detail = (os.major(st.st_rdev), os.minor(st.st_rdev))
        else:
            detail = None
        names = sorted(os.listxattr(path, follow_symlinks=False))
        xattrs = [(n, os.getxattr(path, n, follow_symlinks=False)) for n in names]
        links = None if stat.S_ISDIR(mode) else sorted(groups[(st.st_dev, st.st_ino)])
        out[rel] = (
            stat.S_IFMT(mode), mode & 0o7777, st.st_uid, st.st_gid,
            None if stat.S_ISDIR(mode) else st.st_size, detail, xattrs, links,
            # a whiteout's and the top dir's times are whenever extraction made them
            None if whiteout or rel == "." else st.st_mtime_ns,
        )  # fmt: skip  (atimes move whenever something reads an entry: not compared)
    return out


def extracted(store: Store, diff_id: str, where: Path) -> Path:
    """``diff_id`` unpacked by extraction in a fresh store at ``where``."""
    fresh = Store(where)
    for rec in store.layer_records(diff_id):
        with store.open_blob(rec.descriptor.digest) as blob:
            desc = fresh.put_blob(blob, rec.descriptor.digest, rec.descriptor.media_type)
        fresh.record_layer(diff_id, desc, rec.uncompressed_size)
    return fresh.unpacked(diff_id)


def assert_same_tree(promoted: Path, reference: Path) -> None:
    a, b = listing(promoted), listing(reference)
    assert sorted(a) == sorted(b)
    for rel in sorted(a):
        assert a[rel] == b[rel], rel


@pytest.fixture()
def extractions(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    """Directories ``apply_layer`` extracted into during the test."""
    seen: list[Path] = []
    real = builder.layers.apply_layer

    def spy(blob: Any, target: Any, **kw: Any) -> Any:
        seen.append(Path(target))
        return real(blob, target, **kw)

    monkeypatch.setattr(builder.layers, "apply_layer", spy)
    return seen


def _lower_tree(src: Path) -> None:
    for d in ("etc", "keep", "d/sub", "mode", "copied"):
        (src / d).mkdir(parents=True, exist_ok=True)
    for f, text in (("a", "a"), ("b", "b"), ("etc/os", "os"), ("keep/k", "k"),
                    ("d/x", "x"), ("d/sub/y", "y"), ("copied/c", "c")):
        (src / f).write_text(text)
    os.utime(src / "etc", ns=(1_500_000_000_123_456_789, 1_500_000_000_123_456_789))


@pytest.mark.parametrize("epoch", [None, 1_600_000_000])
def test_promoted_upper_equals_extraction(tmp_path: Path, epoch: int | None,
                                          extractions: list[Path]) -> None:
    if os.geteuid() != 0:
        pytest.skip("needs root for overlay mounts")
    store = Store(tmp_path / "root")
    src = tmp_path / "src"
    _lower_tree(src)
    with store.session():
        lower = store.commit_layer(changes_from_tree(src)).diff_id
    lower_dir = store.unpacked(lower)
    snaps = OverlaySnapshotter(tmp_path / "root" / "snapshots")
    mount = snaps.prepare("step", [lower_dir])
    r = mount.rootfs
    try:
        os.unlink(r / "a")  # whiteouts (overlayfs may share one inode among them)
        os.unlink(r / "b")
        shutil.rmtree(r / "d")  # a replaced directory: opaque
        (r / "d").mkdir()
        (r / "d" / "new").write_text("new")
        (r / "h1").write_text("linked")
        os.link(r / "h1", r / "h2")
        os.link(r / "keep" / "k", r / "k2")  # a link to a copied-up lower file
        os.symlink("/keep/k", r / "s")
        (r / "su").write_text("#!/bin/sh\n")
        os.chown(r / "su", 1000, 1000)
        os.chmod(r / "su", 0o4755)
        os.mkfifo(r / "fifo")
        os.mknod(r / "null", stat.S_IFCHR | 0o666, os.makedev(1, 3))
        (r / "caps").write_text("caps")
        os.setxattr(r / "caps", "security.capability", FILE_CAPS)
        os.setxattr(r / "caps", "user.note", b"kept")
        os.setxattr(r / "caps", "trusted.private", b"dropped")
        os.symlink("nowhere", r / "slink")
        os.setxattr(r / "slink", "trusted.private", b"dropped", follow_symlinks=False)
        os.chmod(r / "mode", 0o700)  # a copied-up dir whose mode changed
        with open(r / "copied" / "c", "a") as f:  # copy-up without a change in content
            f.write("")
        (r / "future").write_text("future")
        os.utime(r / "future", ns=(4_000_000_000_500_000_000, 4_000_000_000_500_000_000))
        (r / "old").write_text("old")
        os.utime(r / "old", ns=(-5_000_000_000, -5_000_000_000))
        (r / "frac").write_text("frac")
        os.utime(r / "frac", ns=(1_234_567_890_987_654_321, 1_234_567_890_987_654_321))
        (r / "newdir" / "deep").mkdir(parents=True)
        os.chmod(r / "newdir" / "deep", 0o2750)
        with socket.socket(socket.AF_UNIX) as sock:  # tar cannot carry a socket
            sock.bind(str(r / "sock"))
        # mount-point stubs: /etc (copied up, times restored) and new dirs hold only them
        stub_points(r, {"/proc": True, "/newdir/mnt": True, "/run/secrets/x": False})
        changes = snaps.diff(mount)
        paths = {c.path for c in changes}
        assert "etc" not in paths and "proc" not in paths and "sock" in paths
        assert {("a", "delete"), ("d", "opaque")} <= {(c.path, c.kind) for c in changes}
        with store.session():
            record = store.commit_layer(changes, epoch=epoch)
        upper = snaps.detach(mount)
        assert upper is not None
        taken = store.adopt_unpacked(
            record.diff_id, upper, lambda d: promote_upper(str(d), changes, epoch))
        assert taken
    finally:
        snaps.remove(mount)
    promoted = store.unpacked(record.diff_id)
    assert promoted.name == record.diff_id.removeprefix("sha256:")
    assert len(extractions) == 1  # the lower layer only
    reference = extracted(store, record.diff_id, tmp_path / "fresh")
    assert_same_tree(promoted, reference)
    assert not os.path.lexists(promoted / "sock") and not os.path.lexists(promoted / "etc")
    assert os.getxattr(promoted / "d", "trusted.overlay.opaque") == b"y"


def _one_file_layer(tmp_path: Path) -> tuple[Store, Path, str]:
    """A store holding a layer of one file ``f`` (made from the tree ``src``)."""
    store = Store(tmp_path / "root")
    src = tmp_path / "src"
    (src / "f").parent.mkdir(parents=True)
    (src / "f").write_text("f")
    with store.session():
        diff_id = store.commit_layer(changes_from_tree(src)).diff_id
    return store, src, diff_id


def test_taken_layer_dir_is_kept(tmp_path: Path) -> None:
    """A layer unpacked already stays; the offered dir is not taken."""
    store, _src, diff_id = _one_file_layer(tmp_path)
    first = store.unpacked(diff_id)
    inode = os.stat(first / "f").st_ino
    offered = tmp_path / "offered"
    offered.mkdir()
    assert not store.adopt_unpacked(diff_id, offered, lambda d: None)
    assert offered.is_dir() and os.stat(first / "f").st_ino == inode


def test_failed_promotion_leaves_nothing(tmp_path: Path) -> None:
    """A dir that cannot be made equal is dropped; the layer is extracted later."""
    store, src, diff_id = _one_file_layer(tmp_path)
    offered = tmp_path / "offered"
    offered.mkdir()
    (offered / "unexpected").write_text("x")
    changes = list(changes_from_tree(src))  # "f" is missing from the offered dir
    assert not store.adopt_unpacked(
        diff_id, offered, lambda d: promote_upper(str(d), changes, None))
    assert [p.name for p in store.layers_dir.iterdir()] == []
    assert (store.unpacked(diff_id) / "f").read_text() == "f"


DOCKERFILE = """\
FROM scratch
COPY busybox /bin/busybox
RUN ["/bin/busybox", "--install", "-s", "/bin"]
RUN mkdir -p /app/old/sub /app/keep /data && echo 1 > /app/old/sub/f && echo k > /app/keep/k \\
 && echo gone > /app/gone && touch /app/keep/t && mkdir /tmpl && echo t > /tmpl/t
RUN rm /app/gone && rm -rf /app/old && mkdir /app/old && echo 2 > /app/old/new \\
 && ln /app/keep/k /app/hard && ln -s ../keep/k /app/soft && echo s > /app/suid \\
 && chown 1000:1000 /app/suid && chmod 4755 /app/suid && mkfifo /app/fifo \\
 && mknod /app/null c 1 3 && chmod 700 /app/keep && touch -d @4000000000 /app/future
RUN --mount=type=tmpfs,target=/scratch/mnt --mount=type=bind,source=busybox,target=/app/bb \\
    echo run > /app/ran && rm -rf /tmpl && mkdir /tmpl && ln /app/ran /tmpl/ran
WORKDIR /work/dir
COPY busybox /work/dir/bb
COPY tree/ /work/tree/
COPY --link tree/ /linked/
"""


@pytest.mark.parametrize("epoch", [None, "1700000000"])
def test_build_layers_equal_extraction(tmp_path: Path, epoch: str | None,
                                       extractions: list[Path],
                                       monkeypatch: pytest.MonkeyPatch) -> None:
    if os.geteuid() != 0 or not BUSYBOX.exists():
        pytest.skip("needs root and /bin/busybox")
    ctx = tmp_path / "ctx"
    ctx.mkdir()
    (ctx / "Dockerfile").write_text(DOCKERFILE)
    shutil.copy2(BUSYBOX, ctx / "busybox")
    for rel in ("tree/a/b/f", "tree/a/g", "tree/c/h"):  # nested directories
        (ctx / rel).parent.mkdir(parents=True, exist_ok=True)
        (ctx / rel).write_text(rel)
    os.chmod(ctx / "tree" / "a", 0o750)
    root = tmp_path / "root"
    if epoch is not None:
        monkeypatch.setenv("SOURCE_DATE_EPOCH", epoch)
    settings = Settings.from_env(root)
    result = build(BuildRequest(context=str(ctx), tags=("promote:1",), network="none",
                                snapshotter="overlay"), settings, QuietReporter())
    assert result.steps_run == 9
    assert extractions == []  # every step used the dir its parent step left
    store = Store(root)
    image = store.resolve("promote:1")
    for n, diff_id in enumerate(image.diff_ids):
        promoted = root / "layers" / diff_id.removeprefix("sha256:")
        assert promoted.is_dir()
        assert_same_tree(promoted, extracted(store, diff_id, tmp_path / f"fresh{n}"))
    assert not any(p.name.startswith(".tmp-") for p in (root / "layers").iterdir())


def test_kill_during_builds_leaves_no_half_layer(tmp_path: Path) -> None:
    """SIGKILL a build at random moments: a layer dir is complete or absent."""
    if os.geteuid() != 0 or not BUSYBOX.exists():
        pytest.skip("needs root and /bin/busybox")
    import random

    ctx = tmp_path / "ctx"
    ctx.mkdir()
    shutil.copy2(BUSYBOX, ctx / "busybox")
    root = tmp_path / "root"
    args = [sys.executable, "-m", "builder", "--root", str(root), "build", "-q",
            "--network", "none", str(ctx)]
    systmp = tmp_path / "systmp"  # the system's temp dir, as the builds see it
    systmp.mkdir()
    env = {**os.environ, "PYTHONPATH": str(REPO), "TMPDIR": str(systmp)}
    rng = random.Random(5)
    checked: set[str] = set()
    try:
        _kill_rounds(ctx, root, args, env, rng, checked, tmp_path)
        assert list(systmp.iterdir()) == []
    finally:
        for line in Path("/proc/self/mountinfo").read_text().splitlines():
            point = line.split()[4]
            if point.startswith(f"{root}/"):
                subprocess.run(["umount", "-l", point], check=False)


def _kill_rounds(ctx: Path, root: Path, args: list[str], env: dict[str, str],
                 rng: Any, checked: set[str], tmp_path: Path) -> None:
    def dockerfile(n: int) -> None:
        body = "".join(f"RUN mkdir /d{i} && for j in $(seq 1 150); do echo $j > /d{i}/f$j; "
                       f"done && rm -f /bin/ls\n" for i in range(6))
        (ctx / "Dockerfile").write_text(
            "FROM scratch\nCOPY busybox /bin/busybox\n"
            'RUN ["/bin/busybox", "--install", "-s", "/bin"]\n'
            f"RUN echo {n} > /round\n{body}")

    # the kills fall within a build's time: that of a build like the rounds' (new steps
    # after the first RUN), not of the first one, which runs more steps and met a slower
    # machine once in CI (only 2 of 8 rounds were killed in time)
    dockerfile(-1)
    subprocess.run(args, cwd=REPO, env=env, check=True, capture_output=True, timeout=300)
    dockerfile(-2)
    start = time.monotonic()
    subprocess.run(args, cwd=REPO, env=env, check=True, capture_output=True, timeout=300)
    duration = time.monotonic() - start
    killed = 0
    for n in range(8):
        dockerfile(n)  # new steps after the first RUN
        proc = subprocess.Popen(args, cwd=REPO, env=env, stdout=subprocess.DEVNULL,
                                stderr=subprocess.DEVNULL)
        time.sleep(duration * rng.uniform(0.15, 0.75))
        if proc.poll() is None:
            os.kill(proc.pid, signal.SIGKILL)
            killed += 1
        proc.wait(timeout=60)
        store = Store(root)
        for path in (root / "layers").iterdir():
            if path.name.startswith(".tmp-") or path.name in checked:
                continue
            checked.add(path.name)
            diff_id = "sha256:" + path.name
            assert_same_tree(path, extracted(store, diff_id, tmp_path / f"fresh-{path.name}"))
    assert killed >= 3
    # the next build completes over whatever the kills left, unmounting and deleting the
    # killed builds' snapshots, and GC sweeps the temp dirs
    subprocess.run(args, cwd=REPO, env=env, check=True, capture_output=True, timeout=300)
    assert list((root / "snapshots").iterdir()) == []
    assert not [line for line in Path("/proc/self/mountinfo").read_text().splitlines()
                if line.split()[4].startswith(f"{root}/")]
    Store(root).gc()
    assert not any(p.name.startswith(".tmp-") for p in (root / "layers").iterdir())
    # what the killed builds left (the executor's per-run files) was in the root, not in
    # the system's temp dir, so the GC swept it
    assert list((root / "tmp").iterdir()) == []


KILLED_MID_PROMOTION = """
import os, signal, sys
from pathlib import Path
from builder.layers import changes_from_tree
from builder.store import Store

store = Store(sys.argv[1])
src = Path(sys.argv[2])
with store.session():
    diff_id = store.commit_layer(changes_from_tree(src)).diff_id
print(diff_id, flush=True)
offered = Path(sys.argv[3])

def finish(tmp):
    os.unlink(tmp / "f0")  # half-way through making it the layer dir
    os.kill(os.getpid(), signal.SIGKILL)

store.adopt_unpacked(diff_id, offered, finish)
"""


def test_killed_promotion_leaves_no_layer_dir(tmp_path: Path) -> None:
    src, offered = tmp_path / "src", tmp_path / "offered"
    for d in (src, offered):
        d.mkdir()
        for i in range(5):
            (d / f"f{i}").write_text(str(i))
    root = tmp_path / "root"
    proc = subprocess.run([sys.executable, "-c", KILLED_MID_PROMOTION, str(root), str(src),
                           str(offered)], cwd=REPO, capture_output=True, text=True, timeout=60)
    assert proc.returncode == -signal.SIGKILL, proc.stderr
    diff_id = proc.stdout.split()[0]
    store = Store(root)
    left = [p.name for p in store.layers_dir.iterdir()]
    assert len(left) == 1 and left[0].startswith(".tmp-")  # never under the layer's name
    assert sorted(os.listdir(store.unpacked(diff_id))) == [f"f{i}" for i in range(5)]
    store.gc()  # sweeps the temp dir (and the untagged layer)
    assert not any(p.name.startswith(".tmp-") for p in store.layers_dir.iterdir())


def _plain_tree(r: Path) -> None:
    """Every kind of entry a plain snapshot may hold, with sub-second, future and negative
    times; the same tree each call."""
    from builder.runtime.stubs import STUB_XATTR

    (r / "d" / "sub").mkdir(parents=True)
    (r / "d" / "sub" / "f").write_text("deep")
    (r / "d" / "g").write_text("g")
    (r / "h1").write_text("linked")
    os.link(r / "h1", r / "h2")
    os.symlink("/d/g", r / "s")
    os.setxattr(r / "s", "trusted.private", b"dropped", follow_symlinks=False)
    (r / "su").write_text("#!/bin/sh\n")
    os.chown(r / "su", 1000, 1000)
    os.chmod(r / "su", 0o4755)
    os.mkfifo(r / "fifo")
    os.mknod(r / "null", stat.S_IFCHR | 0o666, os.makedev(1, 3))
    os.mknod(r / "gone", stat.S_IFCHR, os.makedev(0, 0))  # a whiteout: a delete
    (r / "caps").write_text("caps")
    os.setxattr(r / "caps", "security.capability", FILE_CAPS)
    os.setxattr(r / "caps", "user.note", b"kept")
    os.setxattr(r / "caps", "trusted.private", b"dropped")
    (r / "opq").mkdir()
    (r / "opq" / "in").write_text("in")
    os.setxattr(r / "opq", "user.overlay.opaque", b"y")
    (r / "stubdir").mkdir()  # an empty mount-point stub: not in the layer
    os.setxattr(r / "stubdir", STUB_XATTR, b"1")
    (r / "stubfile").write_text("")
    os.setxattr(r / "stubfile", STUB_XATTR, b"1")
    (r / "held").mkdir()  # a stub with something in it: in the layer
    os.setxattr(r / "held", STUB_XATTR, b"1")
    (r / "held" / "x").write_text("x")
    (r / "sockdir").mkdir()
    with socket.socket(socket.AF_UNIX) as sock:  # tar cannot carry a socket
        sock.bind(str(r / "sockdir" / "sock"))
    times = {"future": 4_000_000_000_500_000_000, "old": -5_000_000_000,
             "frac": 1_234_567_890_987_654_321}
    for name in times:
        (r / name).write_text(name)
    for n, (dirpath, dirnames, filenames) in enumerate(sorted(os.walk(r, topdown=False))):
        for name in [*filenames, *dirnames]:
            ns = times.get(name, 1_500_000_000_123_456_789 + n * 1_000_000_007)
            os.utime(os.path.join(dirpath, name), ns=(ns, ns), follow_symlinks=False)


@pytest.mark.parametrize("epoch", [None, 1_600_000_000])
def test_settled_plain_snapshot_equals_diff_and_promotion(tmp_path: Path,
                                                          epoch: int | None) -> None:
    """One walk gives the changes and the tree that a diff and a promotion give: the same
    layer, byte for byte, and a dir equal to its extraction."""
    if os.geteuid() != 0:
        pytest.skip("needs root for trusted xattrs and devices")
    from builder.snapshot.promote import promote_top, settle_plain
    from builder.snapshot.upper import upper_changes

    settled, promoted = tmp_path / "settled", tmp_path / "promoted"
    for top in (settled, promoted):
        top.mkdir()
        _plain_tree(top)
    known: dict[str, os.stat_result] = {}
    changes = settle_plain(str(settled), epoch, known)
    diffed = upper_changes(promoted, ())
    # the layer writer takes the walk's lstat of what keeps no xattr (and reads the rest)
    assert str(settled / "d" / "g") in known and str(settled / "opq") in known
    assert str(settled / "caps") not in known
    assert [(c.path, c.kind) for c in changes] == [
        (c.path, c.kind) for c in diffed if c.path != "sockdir/sock"]
    kinds = {c.path: c.kind for c in changes}
    assert kinds["gone"] == "delete" and kinds["opq"] == "opaque" and kinds["held"] == "add"
    assert "stubdir" not in kinds and "stubfile" not in kinds
    store = Store(tmp_path / "root")
    with store.session():
        record = store.commit_layer(changes, epoch=epoch, known=known)
        other = store.commit_layer(diffed, epoch=epoch)
    assert record.descriptor.digest == other.descriptor.digest
    assert record.diff_id == other.diff_id
    promote_top(str(settled))
    promote_upper(str(promoted), diffed, epoch)
    assert_same_tree(settled, promoted)
    assert_same_tree(settled, extracted(store, record.diff_id, tmp_path / "fresh"))
    assert not os.path.lexists(settled / "sockdir" / "sock")
    assert os.getxattr(settled / "opq", "trusted.overlay.opaque") == b"y"
