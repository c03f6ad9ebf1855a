"""Sharing the build cache between roots (standing for machines): ``--cache-to`` /
``--cache-from``, damaged imports, ``cache prune --keep-storage``, ``cache verify``."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from builder.cache_io import read_cache_dir
from tests.conftest import REPO

pytestmark = pytest.mark.integration

BASE_DOCKERFILE = (
    'FROM scratch\nCOPY busybox /bin/busybox\nRUN ["/bin/busybox","--install","-s","/bin"]\n'
)

APP_DOCKERFILE = """\
FROM base:1 AS gen
RUN echo generated > /gen

FROM base:1
COPY a.txt /a.txt
RUN cat /a.txt > /a.copy
COPY b.txt /b.txt
RUN cat /a.copy /b.txt > /ab
WORKDIR /w
RUN echo done > /w/done
COPY --from=gen /gen /gen
"""

APP_STEPS = [
    "[gen 2/2] RUN echo generated > /gen",
    "[stage-1 2/8] COPY a.txt /a.txt",
    "[stage-1 3/8] RUN cat /a.txt > /a.copy",
    "[stage-1 4/8] COPY b.txt /b.txt",
    "[stage-1 5/8] RUN cat /a.copy /b.txt > /ab",
    "[stage-1 6/8] WORKDIR /w",
    "[stage-1 7/8] RUN echo done > /w/done",
    "[stage-1 8/8] COPY --from=gen /gen /gen",
]


def need_root() -> None:
    if os.geteuid() != 0:
        pytest.skip("builds need root")
    if not Path("/bin/busybox").is_file():
        pytest.skip("busybox-static is not installed")


def dy(root: Path, *args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
    res = subprocess.run(
        [sys.executable, "-m", "builder", "--root", str(root), *args],
        capture_output=True, text=True, timeout=300, check=False,
        env={**os.environ, "PYTHONPATH": str(REPO)},
    )  # fmt: skip
    if check:
        assert res.returncode == 0, res.stdout + res.stderr
    return res


def step_states(stderr: str) -> dict[str, bool]:
    """Plain progress → {step display: cached?}."""
    names: dict[str, str] = {}
    cached: dict[str, bool] = {}
    for line in stderr.splitlines():
        m = re.match(r"#(\d+) (\[.*)$", line)
        if m:
            names[m.group(1)] = m.group(2)
            cached.setdefault(m.group(2), False)
            continue
        m = re.match(r"#(\d+) CACHED$", line)
        if m:
            cached[names[m.group(1)]] = True
    return cached


def base_context(tmp: Path) -> Path:
    ctx = tmp / "base-ctx"
    ctx.mkdir()
    shutil.copy("/bin/busybox", ctx / "busybox")
    (ctx / "Dockerfile").write_text(BASE_DOCKERFILE)
    return ctx


def app_context(where: Path) -> Path:
    where.mkdir()
    (where / "Dockerfile").write_text(APP_DOCKERFILE)
    (where / "a.txt").write_text("alpha\n")
    (where / "b.txt").write_text("beta\n")
    return where


def build(
    root: Path, ctx: Path, *args: str, check: bool = True
) -> subprocess.CompletedProcess[str]:
    return dy(root, "build", "--progress", "plain", *args, str(ctx), check=check)


def image_id(root: Path, ctx: Path, *args: str) -> tuple[str, dict[str, bool], str]:
    iid = ctx.parent / f"iid-{os.getpid()}"
    res = build(root, ctx, "--iidfile", str(iid), *args)
    return iid.read_text(), step_states(res.stderr), res.stderr


@pytest.fixture
def machines(tmp_path: Path) -> tuple[Path, Path, Path, Path]:
    """Root A with base:1 and the app built and exported (mode=max); an empty root B that
    got base:1 through A's exported base cache. Returns (A, B, base cache, app cache)."""
    need_root()
    a, b = tmp_path / "A", tmp_path / "B"
    base_cache, app_cache = tmp_path / "cache-base", tmp_path / "cache-app"
    bctx = base_context(tmp_path)
    id_a, _, _ = image_id(a, bctx, "-t", "base:1",
                          "--cache-to", f"type=local,dest={base_cache},mode=max")
    id_b, states, _ = image_id(b, bctx, "-t", "base:1",
                               "--cache-from", f"type=local,src={base_cache}")
    assert all(states.values()) and len(states) == 2, states
    assert id_a == id_b  # the same image on both machines
    ctx = app_context(tmp_path / "app-a")
    build(a, ctx, "-t", "app", "--cache-to", f"type=local,dest={app_cache},mode=max")
    return a, b, base_cache, app_cache


def test_other_root_builds_everything_from_the_exported_cache(
    tmp_path: Path, machines: tuple[Path, Path, Path, Path]
) -> None:
    a, b, _, app_cache = machines
    for name in ("oci-layout", "index.json"):
        assert (app_cache / name).is_file()
    assert len(read_cache_dir(app_cache).entries) == len(APP_STEPS)
    ctx_b = app_context(tmp_path / "app-b")
    id_a = json.loads(dy(a, "inspect", "app").stdout)[0]["Id"]
    id_b, states, err = image_id(b, ctx_b, "-t", "app",
                                 "--cache-from", f"type=local,src={app_cache}")
    assert states == {s: True for s in APP_STEPS}, err
    assert "Steps: 0 run" in err
    assert id_b == id_a
    out = tmp_path / "out"
    build(b, ctx_b, "-o", f"type=local,dest={out}",
          "--cache-from", f"type=local,src={app_cache}")
    assert (out / "ab").read_text() == "alpha\nbeta\n"
    assert (out / "gen").read_text() == "generated\n"

    # one copied file changes on machine B: exactly the steps from COPY b.txt run
    (ctx_b / "b.txt").write_text("BETA\n")
    out2 = tmp_path / "out2"
    _, states, err = image_id(b, ctx_b, "-o", f"type=local,dest={out2}",
                              "--cache-from", f"type=local,src={app_cache}")
    first = APP_STEPS.index("[stage-1 4/8] COPY b.txt /b.txt")
    assert states == {s: i < first or s.startswith("[gen") for i, s in enumerate(APP_STEPS)}, err
    assert (out2 / "ab").read_text() == "alpha\nBETA\n"


def test_mode_min_exports_only_the_final_stages(
    tmp_path: Path, machines: tuple[Path, Path, Path, Path]
) -> None:
    a, _, _, _ = machines
    ctx = app_context(tmp_path / "app-min")
    dest = tmp_path / "cache-min"
    build(a, ctx, "--cache-to", f"type=local,dest={dest}")
    stages = {e.stage for e in read_cache_dir(dest).entries.values()}
    assert stages == {"stage-1"}


def test_export_is_incremental(tmp_path: Path, machines: tuple[Path, Path, Path, Path]) -> None:
    a, _, _, app_cache = machines
    before = {p.name: p.stat().st_ino for p in (app_cache / "blobs" / "sha256").iterdir()}
    ctx = app_context(tmp_path / "app-again")
    (ctx / "b.txt").write_text("changed\n")
    build(a, ctx, "--cache-to", f"type=local,dest={app_cache},mode=max")
    after = {p.name: p.stat().st_ino for p in (app_cache / "blobs" / "sha256").iterdir()}
    kept = {e.layer.digest.removeprefix("sha256:") for e in read_cache_dir(app_cache)
            .entries.values() if e.layer and e.stage == "gen"}
    assert kept and all(before[k] == after[k] for k in kept)  # not rewritten
    assert not any(p.name.startswith(".tmp") for p in (app_cache / "blobs" / "sha256").iterdir())


def _entry_blob(cache_dir: Path, instruction: str) -> Path:
    entry = next(e for e in read_cache_dir(cache_dir).entries.values()
                 if e.instruction == instruction)
    assert entry.layer is not None
    return cache_dir / "blobs" / "sha256" / entry.layer.digest.removeprefix("sha256:")


def test_corrupted_blob_in_imported_cache_is_a_miss(
    tmp_path: Path, machines: tuple[Path, Path, Path, Path]
) -> None:
    _, b, _, app_cache = machines
    blob = _entry_blob(app_cache, "COPY b.txt /b.txt")
    data = bytearray(blob.read_bytes())
    data[len(data) // 2] ^= 0xFF
    blob.write_bytes(bytes(data))
    ctx_b = app_context(tmp_path / "app-b")
    out = tmp_path / "out"
    _, states, err = image_id(b, ctx_b, "-o", f"type=local,dest={out}",
                              "--cache-from", f"type=local,src={app_cache}")
    assert states["[stage-1 4/8] COPY b.txt /b.txt"] is False, err
    assert sum(not c for c in states.values()) == 1, err
    assert "damaged" in err
    assert (out / "ab").read_text() == "alpha\nbeta\n"
    assert (out / "b.txt").read_text() == "beta\n"
    assert "0 damaged" in dy(b, "cache", "verify").stdout


@pytest.mark.parametrize("what", ["cache-manifest", "index"])
def test_corrupted_manifest_in_imported_cache_is_a_miss(
    tmp_path: Path, machines: tuple[Path, Path, Path, Path], what: str
) -> None:
    _, b, _, app_cache = machines
    if what == "index":
        (app_cache / "index.json").write_text("{not json")
    else:
        index = json.loads((app_cache / "index.json").read_text())
        manifest_hex = index["manifests"][0]["digest"].removeprefix("sha256:")
        manifest = json.loads((app_cache / "blobs" / "sha256" / manifest_hex).read_text())
        config = app_cache / "blobs" / "sha256" / manifest["config"]["digest"][7:]
        config.write_bytes(config.read_bytes().replace(b"alpha", b"alphx").replace(b'"', b"'", 1))
    ctx_b = app_context(tmp_path / "app-b")
    out = tmp_path / "out"
    _, states, err = image_id(b, ctx_b, "-o", f"type=local,dest={out}",
                              "--cache-from", f"type=local,src={app_cache}")
    assert not any(states.values()), err
    assert "not usable" in err
    assert (out / "ab").read_text() == "alpha\nbeta\n"
    res = dy(b, "cache", "import", str(app_cache), check=False)
    assert res.returncode == 1 and "Traceback" not in res.stderr


def test_prune_keep_storage_evicts_least_recently_used(
    tmp_path: Path, machines: tuple[Path, Path, Path, Path]
) -> None:
    a, _, _, _ = machines
    dy(a, "cache", "prune", "-f", "--all")
    assert json.loads(dy(a, "cache", "du", "--format", "json").stdout)["records"] == 0
    ctxs = {}
    for name in ("one", "two", "three"):
        ctx = tmp_path / f"p-{name}"
        ctx.mkdir()
        (ctx / "Dockerfile").write_text(
            f"FROM base:1\nRUN head -c 300000 /dev/urandom > /{name}\n")
        ctxs[name] = ctx
        build(a, ctx)
    build(a, ctxs["one"])  # "one" is now the most recently used
    sizes = {r["instruction"].split("> /")[1]: r["size"] for r in map(
        json.loads, dy(a, "cache", "ls", "--format", "json").stdout.splitlines())}
    assert set(sizes) == {"one", "two", "three"}
    total = json.loads(dy(a, "cache", "du", "--format", "json").stdout)["total"]
    budget = total - sizes["two"] + 1000
    dy(a, "cache", "prune", "-f", "--keep-storage", str(budget))
    du = json.loads(dy(a, "cache", "du", "--format", "json").stdout)
    assert du["total"] <= budget and du["records"] == 2
    left = {r["instruction"] for r in map(
        json.loads, dy(a, "cache", "ls", "--format", "json").stdout.splitlines())}
    assert left == {"RUN head -c 300000 /dev/urandom > /one",
                    "RUN head -c 300000 /dev/urandom > /three"}
    out = tmp_path / "out-two"
    _, states, _ = image_id(a, ctxs["two"], "-o", f"type=local,dest={out}")
    assert states == {"[2/2] RUN head -c 300000 /dev/urandom > /two": False}
    assert (out / "two").stat().st_size == 300000
    _, states, _ = image_id(a, ctxs["one"])
    assert all(states.values())


def test_automatic_pruning_keeps_the_cache_within_budget(
    tmp_path: Path, machines: tuple[Path, Path, Path, Path]
) -> None:
    a, _, _, _ = machines
    ctx = tmp_path / "big"
    ctx.mkdir()
    (ctx / "Dockerfile").write_text("FROM base:1\nRUN head -c 700000 /dev/urandom > /big\n")
    build(a, ctx, "--cache-keep-storage", "900KB")
    du = json.loads(dy(a, "cache", "du", "--format", "json").stdout)
    assert 0 < du["total"] <= 900 * 1024


def test_verify_repair_drops_damaged_records(
    tmp_path: Path, machines: tuple[Path, Path, Path, Path]
) -> None:
    a, _, _, _ = machines
    rec = next(r for r in map(json.loads, dy(a, "cache", "ls", "--format", "json")
                              .stdout.splitlines()) if r["instruction"] == "COPY b.txt /b.txt")
    blob = a / "store" / "blobs" / "sha256" / rec["layer"].removeprefix("sha256:")
    data = bytearray(blob.read_bytes())
    data[-5] ^= 0x55
    blob.write_bytes(bytes(data))
    res = dy(a, "cache", "verify", check=False)
    assert res.returncode == 1 and rec["key"] in res.stdout
    res = dy(a, "cache", "verify", "--repair")
    assert "1 damaged" in res.stdout
    assert "0 damaged" in dy(a, "cache", "verify").stdout
    ctx = app_context(tmp_path / "app-again")
    out = tmp_path / "out"
    _, states, _ = image_id(a, ctx, "-o", f"type=local,dest={out}")
    assert [s for s, c in states.items() if not c] == ["[stage-1 4/8] COPY b.txt /b.txt"]
    assert (out / "ab").read_text() == "alpha\nbeta\n"


def test_cache_mounts_travel_with_mounts_true(
    tmp_path: Path, machines: tuple[Path, Path, Path, Path]
) -> None:
    a, b, _, _ = machines
    ctx = tmp_path / "mnt"
    ctx.mkdir()
    (ctx / "Dockerfile").write_text(
        "FROM base:1\n"
        "RUN --mount=type=cache,id=dl,target=/var/cache/dl "
        "echo fetched > /var/cache/dl/pkg && cp /var/cache/dl/pkg /pkg\n")
    dest = tmp_path / "cache-mnt"
    build(a, ctx, "--cache-to", f"type=local,dest={dest},mounts=true")
    assert len(read_cache_dir(dest).mounts) == 1
    build(b, ctx, "--cache-from", f"type=local,src={dest}")
    from builder.cache_mounts import mount_dir

    assert (mount_dir(b, "dl") / "pkg").read_text() == "fetched\n"
    # a rebuild answered by the build memo seeds a missing mount as a planned one does
    shutil.rmtree(mount_dir(b, "dl"))
    assert "Steps: 0 run" in build(b, ctx, "--cache-from", f"type=local,src={dest}").stderr
    assert (mount_dir(b, "dl") / "pkg").read_text() == "fetched\n"


def test_unusable_cache_is_warned_of_by_every_rebuild(
    tmp_path: Path, machines: tuple[Path, Path, Path, Path]
) -> None:
    """A rebuild answered by the build memo warns of a --cache-from it cannot use, as the
    first build did and as a planned rebuild does."""
    a, _, _, _ = machines
    ctx = app_context(tmp_path / "app-warn")
    (ctx / "c.txt").write_text("not seen by the fixture's builds\n")
    bad = tmp_path / "not-a-cache"
    bad.mkdir()
    flags = ("--cache-from", f"type=local,src={bad}")
    memo = a / "cache" / "builds"
    runs = [build(a, ctx, *flags).stderr]
    records = {p.name: p.stat().st_ino for p in memo.iterdir()}
    runs.append(build(a, ctx, *flags).stderr)
    assert {p.name: p.stat().st_ino for p in memo.iterdir()} == records  # a memo answer
    shutil.rmtree(memo)
    runs.append(build(a, ctx, *flags).stderr)  # planned, every step looked up
    warnings = [[line for line in err.splitlines() if "not usable" in line] for err in runs]
    assert len(warnings[0]) == 1 and f"cache {bad} is not usable" in warnings[0][0], runs[0]
    assert warnings[1] == warnings[0] == warnings[2], runs


def test_cache_warm_export_import_commands(
    tmp_path: Path, machines: tuple[Path, Path, Path, Path]
) -> None:
    a, _, base_cache, _ = machines
    ctx = app_context(tmp_path / "app-warm")
    res = dy(a, "cache", "warm", "--target", "gen", str(ctx))
    assert re.search(r"gen\s+gen\s+1\s+0", res.stdout), res.stdout
    dest = tmp_path / "all"
    dy(a, "cache", "export", str(dest))
    c = tmp_path / "C"
    res = dy(c, "cache", "import", str(base_cache))
    assert "Imported 2 records" in res.stdout
    res = dy(c, "cache", "import", str(dest))
    assert "damaged" in res.stdout and "0 damaged" in res.stdout
    res = dy(c, "cache", "warm", str(ctx), "--all-stages", check=False)
    assert res.returncode == 1  # base:1 is not in C's store: a clear error, no traceback
    assert "Traceback" not in res.stderr and "base:1" in res.stderr


def test_skopeo_copies_the_exported_cache_and_the_copy_still_serves(
    tmp_path: Path, machines: tuple[Path, Path, Path, Path]
) -> None:
    if shutil.which("skopeo") is None:
        pytest.skip("skopeo is not installed")
    _, b, _, app_cache = machines
    copy = tmp_path / "copied"
    subprocess.run(["skopeo", "copy", f"oci:{app_cache}:cache", f"oci:{copy}:cache"],
                   check=True, capture_output=True, timeout=120)
    ctx_b = app_context(tmp_path / "app-b")
    _, states, err = image_id(b, ctx_b, "--cache-from", f"type=local,src={copy}")
    assert states == {s: True for s in APP_STEPS}, err
