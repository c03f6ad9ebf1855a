"""Build cache export and import, beside ``cp -r`` of the same bytes.

Usage: python bench/cache.py [--small 20000] [--big 3] [--heavy-mb 300] [--runs 5]

Two builds fill a root's cache (needs root, and /bin/busybox for the second):

* big context: ``FROM scratch`` + ``COPY . /app`` of a context of ``--small`` small files
  (0-4 KiB) and ``--big`` files of 50 MB;
* layer heavy: busybox, then one RUN writing ``--heavy-mb`` MB of random data.

For each, medians over ``--runs`` of: a full export to an empty directory
(``export_records``, as ``cache export``/``--cache-to`` do), an incremental re-export (every
blob already there), ``cp -r`` of the exported directory (the same bytes), and an import
into an empty root (``import_all``: every blob copied and verified by digest and diff_id)
against ``cp -r`` again. Target: export <= 1.5x the copy. Writes bench/results/cache.txt too.
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from builder.cache import BuildCache
from builder.cache_export import export_records
from builder.cache_import import import_all
from builder.store import Store

RESULTS = Path(__file__).resolve().parent / "results" / "cache.txt"
REPO = Path(__file__).resolve().parent.parent
MB = 1024 * 1024


def big_context(where: Path, small: int, big: int) -> None:
    rng = random.Random(7)
    for i in range(small):
        d = where / f"pkg{i // 400}" / f"mod{(i // 20) % 20}"
        d.mkdir(parents=True, exist_ok=True)
        (d / f"f{i}.py").write_bytes(rng.randbytes(rng.randint(0, 4096)))
    (where / "assets").mkdir()
    for i in range(big):
        (where / "assets" / f"blob{i}.bin").write_bytes(rng.randbytes(50 * MB))
    (where / "Dockerfile").write_text("FROM scratch\nCOPY . /app\n")


def heavy_context(where: Path, mb: int) -> None:
    where.mkdir(parents=True, exist_ok=True)
    shutil.copy("/bin/busybox", where / "busybox")
    (where / "Dockerfile").write_text(
        "FROM scratch\nCOPY busybox /bin/busybox\n"
        f'RUN ["/bin/busybox", "sh", "-c", "/bin/busybox head -c {mb * MB} /dev/urandom > /big"]\n'
    )


def build(root: Path, ctx: Path) -> None:
    subprocess.run(
        [sys.executable, "-m", "builder", "--root", str(root), "build", "--progress", "quiet",
         "--cache-keep-storage", "0", str(ctx)],
        check=True, env={**os.environ, "PYTHONPATH": str(REPO)},
    )  # fmt: skip


def alternate(
    pairs: list[tuple[Callable[[], object], Callable[[], object]]], runs: int
) -> list[float]:
    """Medians of each (prepare, measured) pair, the pairs taking turns in every round so
    that the machine's load falls on all of them alike."""
    times: list[list[float]] = [[] for _ in pairs]
    for _ in range(runs):
        for i, (prepare, fn) in enumerate(pairs):
            prepare()
            start = time.perf_counter()
            fn()
            times[i].append(time.perf_counter() - start)
    return [statistics.median(t) for t in times]


def tree_bytes(path: Path) -> int:
    return sum(f.stat().st_size for f in path.rglob("*") if f.is_file())


def scenario(name: str, root: Path, work: Path, runs: int, say: Callable[[str], None]) -> None:
    store = Store(root)
    dest, copy, other = work / f"{name}-export", work / f"{name}-copy", work / f"{name}-import"

    def clear(*paths: Path) -> Callable[[], None]:
        def run() -> None:
            for p in paths:
                shutil.rmtree(p, ignore_errors=True)
            subprocess.run(["sync"], check=False)

        return run

    with BuildCache(root) as cache:
        records = cache.records()

    def export() -> None:
        with store.session():
            export_records(store, records, dest)

    def copy_tree() -> None:
        subprocess.run(["cp", "-r", str(dest), str(copy)], check=True)

    def do_import() -> None:
        with BuildCache(other) as c2:
            report = import_all(other, dest, Store(other), c2)
            assert report.imported == len(records) and not report.damaged, report

    export()
    t_export, t_copy, t_again, t_import = alternate(
        [(clear(dest), export), (clear(copy), copy_tree), (lambda: None, export),
         (clear(other), do_import)], runs,
    )  # fmt: skip
    size = tree_bytes(dest)
    say(f"{name}: {len(records)} records, {size / MB:.1f} MB of blobs")
    say(f"  export (full)         {t_export:7.3f}s  {t_export / t_copy:5.2f}x cp -r"
        f"  {'OK' if t_export <= 1.5 * t_copy else 'over'} (target <= 1.5x)")
    say(f"  export (incremental)  {t_again:7.3f}s  {t_again / t_copy:5.2f}x cp -r")
    say(f"  import (verified)     {t_import:7.3f}s  {t_import / t_copy:5.2f}x cp -r")
    say(f"  cp -r                 {t_copy:7.3f}s")
    for p in (dest, copy, other):
        shutil.rmtree(p, ignore_errors=True)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--small", type=int, default=20000)
    parser.add_argument("--big", type=int, default=3)
    parser.add_argument("--heavy-mb", type=int, default=300)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    lines: list[str] = []

    def say(text: str) -> None:
        print(text, flush=True)
        lines.append(text)

    say(f"bench/cache.py  runs={args.runs}  (medians, runs alternating; sync before each run)")
    with tempfile.TemporaryDirectory(prefix="bench-cache-", dir="/var/tmp") as tmp:
        work = Path(tmp)
        ctx = work / "big-ctx"
        big_context(ctx, args.small, args.big)
        start = time.perf_counter()
        build(work / "root-big", ctx)
        say(f"big context build: {args.small} small files + {args.big} x 50 MB "
            f"({time.perf_counter() - start:.1f}s)")
        scenario("big-context", work / "root-big", work, args.runs, say)
        heavy = work / "heavy-ctx"
        heavy_context(heavy, args.heavy_mb)
        start = time.perf_counter()
        build(work / "root-heavy", heavy)
        say(f"layer-heavy build: one RUN writing {args.heavy_mb} MB "
            f"({time.perf_counter() - start:.1f}s)")
        scenario("layer-heavy", work / "root-heavy", work, args.runs, say)
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text("\n".join(lines) + "\n")


if __name__ == "__main__":
    main()
