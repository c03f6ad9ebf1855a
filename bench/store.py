"""Store throughput: commit, save, load, unpack, beside Docker 20.10 and skopeo on the same data.

Usage: python bench/store.py [--mb 200] [--runs 3] [--no-docker]

A generated image (one layer of mixed files: half text-like, half random, 64 KiB-4 MiB, plus
2,000 small files) is committed into a fresh store as zstd, then saved as a docker-archive
(zstd layers written uncompressed, as docker save does) and as an OCI tarball (blobs
copied), and loaded back into a fresh store (copy + digest + diff_id check).

Peers, when installed: docker save / docker load on a private dockerd started for the run
(killed by PID at the end), and skopeo copy docker-archive: oci:. Figures are medians over
--runs; MiB/s are of the uncompressed layer. Output also goes to bench/results/store.txt.
"""

from __future__ import annotations

import argparse
import io
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

from builder.archive import SaveItem, load, save
from builder.image import History, ImageConfig, commit_image
from builder.layers import changes_from_tree
from builder.reference import parse
from builder.store import Store, remove_tree

RESULTS = Path(__file__).resolve().parent / "results" / "store.txt"
MB = 1024 * 1024
WORDS = b"the of and to in a is that for it as with was on be by this are from or at an".split()


def make_tree(root: Path, total_mb: int) -> None:
    rng = random.Random(5)
    (root / "small").mkdir(parents=True)
    for i in range(2000):
        (root / "small" / f"f{i:04}").write_bytes(b" ".join(rng.choices(WORDS, k=rng.randint(
            0, 600))))
    (root / "big").mkdir()
    budget, n = total_mb * MB, 0
    while budget > 0:
        size = min(budget, rng.randint(64 * 1024, 4 * MB))
        if n % 2:
            data = rng.randbytes(size)
        else:
            data = (b" ".join(rng.choices(WORDS, k=size // 3)) + b"\n" * size)[:size]
        (root / "big" / f"b{n:03}").write_bytes(data)
        budget -= size
        n += 1


def timed(fn: Callable[[], object], runs: int, before: Callable[[], object] | None = None
          ) -> float:
    times = []
    for _ in range(runs):
        if before is not None:
            before()
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def commit(store: Store, tree: Path) -> tuple[str, int]:
    with store.session():
        layer = store.commit_layer(changes_from_tree(tree), compression="zstd")
        config = ImageConfig(diff_ids=(layer.diff_id,), history=(History(created_by="bench"),))
        commit_image(store, config.to_bytes(), [layer.descriptor], [parse("bench:1")])
    assert layer.uncompressed_size is not None
    return layer.diff_id, layer.uncompressed_size


class Daemon:
    def __init__(self, base: Path) -> None:
        self.base = base
        self.env = {**os.environ, "DOCKER_HOST": f"unix://{base / 'sock'}"}
        log = open(base / "log", "wb")  # noqa: SIM115
        self.proc = subprocess.Popen(
            ["dockerd", "--iptables=false", "--bridge=none", "--data-root", str(base / "data"),
             "--exec-root", str(base / "exec"), "--pidfile", str(base / "pid"),
             "--host", f"unix://{base / 'sock'}"], stdout=log, stderr=subprocess.STDOUT)
        log.close()
        for _ in range(300):
            if self.docker("version", check=False).returncode == 0:
                return
            time.sleep(0.2)
        raise RuntimeError("dockerd did not start")

    def docker(self, *args: str, check: bool = True) -> subprocess.CompletedProcess[bytes]:
        return subprocess.run(["/usr/bin/docker", *args], env=self.env, capture_output=True,
                              check=check)

    def stop(self) -> None:
        self.proc.terminate()
        self.proc.wait(timeout=60)
        subprocess.run(["umount", "-R", str(self.base / "data")], capture_output=True)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--mb", type=int, default=200)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--no-docker", action="store_true")
    args = parser.parse_args()
    lines: list[str] = []

    def say(text: str) -> None:
        print(text, flush=True)
        lines.append(text)

    with tempfile.TemporaryDirectory(prefix="bench-store-") as tmp:
        work = Path(tmp)
        tree = work / "tree"
        make_tree(tree, args.mb)
        src = Store(work / "src")
        t_commit = timed(lambda: commit(src, tree), args.runs)
        diff_id, tar_size = commit(src, tree)
        image = src.resolve("bench:1")
        mib = tar_size / MB
        zsize = image.layers[0].size / MB
        say(f"store bench: 2 cores, Python {sys.version.split()[0]}, median of {args.runs}")
        say(f"image: one layer, {mib:.0f} MiB tar -> {zsize:.0f} MiB zstd, 2,000 small files")

        def rate(seconds: float) -> str:
            return f"{mib / seconds:7.0f} MiB/s  ({seconds:6.2f} s)"

        say(f"  commit (write_layer zstd into the store + tag)   {rate(t_commit)}")
        docker_tar, oci_tar = work / "docker.tar", work / "oci.tar"

        def do_save(path: Path, fmt: str, compression: str = "keep") -> None:
            with open(path, "wb") as f:
                save(src, [SaveItem(image, image.names)], f, fmt,  # type: ignore[arg-type]
                     compression)  # type: ignore[arg-type]

        t_save_g = timed(lambda: do_save(work / "gz.tar", "docker", "gzip"), 1)
        t_save_d = timed(lambda: do_save(docker_tar, "docker"), args.runs)
        t_save_o = timed(lambda: do_save(oci_tar, "oci"), args.runs)
        say(f"  save --format docker (zstd -> uncompressed)      {rate(t_save_d)}")
        say(f"  save --format docker --compression gzip (1 run)  {rate(t_save_g)}")
        say(f"  save --format oci (blobs copied)                 {rate(t_save_o)}")
        dst_root = work / "dst"

        def fresh() -> None:
            remove_tree(dst_root)

        def do_load(path: Path) -> None:
            with open(path, "rb") as f:
                load(Store(dst_root), f)

        t_load_d = timed(lambda: do_load(docker_tar), args.runs, fresh)
        t_load_o = timed(lambda: do_load(oci_tar), args.runs, fresh)
        say(f"  load docker-archive (plain tar, verify diff_id)  {rate(t_load_d)}")
        say(f"  load OCI tarball (zstd, verify diff_id)          {rate(t_load_o)}")
        store = Store(dst_root)

        def unpack_fresh() -> None:
            remove_tree(store.layers_dir / diff_id[7:])

        t_unpack = timed(lambda: store.unpacked(diff_id), args.runs, unpack_fresh)
        say(f"  unpacked() (zstd blob -> layer directory)        {rate(t_unpack)}")

        if shutil.which("skopeo"):
            def skopeo() -> None:
                subprocess.run(["skopeo", "copy", "-q", f"docker-archive:{docker_tar}",
                                f"oci:{work / 'skopeo'}:x"], check=True, capture_output=True)

            t_skopeo = timed(skopeo, args.runs, lambda: remove_tree(work / "skopeo"))
            say(f"  peer: skopeo copy docker-archive: -> oci:        {rate(t_skopeo)}"
                f"  ours (load) = {t_skopeo / t_load_d:.2f}x its speed")
        if not args.no_docker and os.geteuid() == 0 and shutil.which("dockerd"):
            base = work / "dockerd"
            base.mkdir()
            daemon = Daemon(base)
            try:
                def rmi() -> None:
                    daemon.docker("rmi", "bench:1", check=False)

                t_dload = timed(lambda: daemon.docker("load", "-i", str(docker_tar)),
                                args.runs, rmi)
                t_dsave = timed(lambda: daemon.docker("save", "-o", str(work / "d.tar"),
                                                      "bench:1"), args.runs)
                say(f"  peer: docker load (same docker-archive)          {rate(t_dload)}"
                    f"  ours = {t_dload / t_load_d:.2f}x its speed")
                say(f"  peer: docker save (uncompressed layers)          {rate(t_dsave)}"
                    f"  ours (docker fmt) = {t_dsave / t_save_d:.2f}x, "
                    f"(oci fmt) = {t_dsave / t_save_o:.2f}x its speed")
            finally:
                daemon.stop()
    RESULTS.parent.mkdir(exist_ok=True)
    RESULTS.write_text("\n".join(lines) + "\n")


if __name__ == "__main__":
    io.DEFAULT_BUFFER_SIZE = 1 << 16
    main()
