"""Build context scan and COPY throughput, beside simple peers measured in the same run.

Usage: python bench/context.py [--small 20000] [--big-mb 200] [--runs 3]

A generated context holds many small files (0-4 KiB, 20 per directory) and a few big ones.
Figures (medians): a cold scan (no stat cache: every file read and blake3-hashed in
threads), a warm scan (stat cache: nothing read), and a COPY of the whole context into an
empty directory. Peers: ``tar -c | cat > /dev/null`` of the same tree (what sending a context to a
daemon costs at least), a one-thread Python walk hashing every file with sha256, and
``cp -a``. Writes its output to bench/results/context.txt as well.
"""

from __future__ import annotations

import argparse
import hashlib
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

from builder.context import StatCache, scan
from builder.copy import CopyRequest, copy_into

RESULTS = Path(__file__).resolve().parent / "results" / "context.txt"
MB = 1024 * 1024


def generate(root: Path, small: int, big_mb: int) -> int:
    rng = random.Random(7)
    total = 0
    for i in range(small):
        d = root / f"pkg{i // 400}" / f"mod{(i // 20) % 20}"
        d.mkdir(parents=True, exist_ok=True)
        data = rng.randbytes(rng.randint(0, 4096))
        (d / f"f{i}.py").write_bytes(data)
        total += len(data)
    big = root / "assets"
    big.mkdir()
    for i in range(max(1, big_mb // 50)):
        data = rng.randbytes(min(50, big_mb) * MB)
        (big / f"blob{i}.bin").write_bytes(data)
        total += len(data)
    return total


def median(fn: Callable[[], object], runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def sha256_walk(root: Path) -> None:
    for dirpath, _dirs, files in os.walk(root):
        for name in files:
            with open(os.path.join(dirpath, name), "rb") as f:
                hashlib.sha256(f.read()).digest()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--small", type=int, default=20000)
    parser.add_argument("--big-mb", type=int, default=200)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    lines: list[str] = []

    def say(text: str) -> None:
        print(text, flush=True)
        lines.append(text)

    with tempfile.TemporaryDirectory(prefix="dockyard-bench-") as tmp:
        ctx = Path(tmp) / "ctx"
        ctx.mkdir()
        total = generate(ctx, args.small, args.big_mb)
        say(
            f"context: {args.small} small files + {args.big_mb} MiB in big files, "
            f"{total / MB:.0f} MiB in all; {os.cpu_count()} cores; median of {args.runs}"
        )

        cold = median(lambda: scan(ctx), args.runs)
        cache = StatCache(Path(tmp) / "stat")
        scan(ctx, stat_cache=cache)
        warm = median(lambda: scan(ctx, stat_cache=cache), args.runs)
        snap = scan(ctx, stat_cache=cache)
        digest = median(lambda: snap.digest(["."]), args.runs)
        cache.close()

        def tar_null() -> None:
            # through a pipe: GNU tar skips reading file data when writing to /dev/null itself
            subprocess.run(f"tar -cf - -C {ctx} . | cat > /dev/null", shell=True, check=True)

        tar_t = median(tar_null, args.runs)
        sha_t = median(lambda: sha256_walk(ctx), args.runs)

        def do_copy() -> None:
            out = Path(tmp) / "out"
            shutil.rmtree(out, ignore_errors=True)
            out.mkdir()
            copy_into(CopyRequest(sources=(".",), dest="/app/"), snap, out)

        def do_cp() -> None:
            out = Path(tmp) / "cp"
            shutil.rmtree(out, ignore_errors=True)
            subprocess.run(["cp", "-a", str(ctx), str(out)], check=True)

        # alternate the two: file creation dominates both and the disk's speed drifts
        copy_times, cp_times = [], []
        for _ in range(args.runs):
            copy_times.append(median(do_copy, 1))
            cp_times.append(median(do_cp, 1))
        copy_t, cp_t = statistics.median(copy_times), statistics.median(cp_times)

        say(f"scan, cold (read + blake3 in threads) {cold:8.3f} s  {total / MB / cold:7.0f} MiB/s")
        say(f"scan, warm (stat cache, no reads)     {warm:8.3f} s  {cold / warm:5.1f}x faster")
        say(f"digest of the whole context           {digest:8.3f} s")
        say(
            f"peer: tar -c | cat >/dev/null         {tar_t:8.3f} s  cold scan = "
            f"{cold / tar_t:4.2f}x tar"
        )
        say(
            f"peer: python sha256 walk, 1 thread    {sha_t:8.3f} s  cold scan = "
            f"{cold / sha_t:4.2f}x"
        )
        say(f"COPY . /app/ (verified against scan)  {copy_t:8.3f} s")
        say(f"peer: cp -a                           {cp_t:8.3f} s  COPY = {copy_t / cp_t:4.2f}x cp")
    RESULTS.parent.mkdir(exist_ok=True)
    RESULTS.write_text("\n".join(lines) + "\n")


if __name__ == "__main__":
    main()
