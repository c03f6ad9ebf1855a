"""Registry push and pull over loopback, beside ``skopeo copy`` to and from the same registry.

Usage: python bench/registry.py [--mb 300] [--layers 10] [--runs 3]

A generated image (``--layers`` gzip layers, ``--mb`` MiB of blobs in all: mostly random
bytes, some text) is committed to a store. Each run starts a fresh ``docker-registry`` (a
new port and an empty storage dir, so nothing is already there) and times:

- push:  ``dockyard push``  vs ``skopeo copy oci:<store>:<tag> docker://…`` (same blobs);
- pull:  ``dockyard pull`` into an empty root (digest and size checked, layers recorded;
  diff_ids are checked when a layer is first unpacked or exported, as containerd does) vs
  ``skopeo copy docker://… oci:<empty dir>``.

Both run as processes, each after a ``sync``: the writeback of what the previous step wrote
(the registry's storage, after a push) is not charged to the next one (both tools fsync
their blobs, and on ext4 an fsync waits for other files' pending data too). Figures are
medians over ``--runs``; ratio = dockyard / skopeo (target <= 1.0x). Output also goes to
bench/results/registry.txt.
"""

from __future__ import annotations

import argparse
import os
import random
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from builder.image import History, ImageConfig, commit_image  # noqa: E402
from builder.layers import changes_from_tree  # noqa: E402
from builder.reference import parse_normalized  # noqa: E402
from builder.store import Store, remove_tree  # noqa: E402
from tests.integration.registry_server import start_registry  # noqa: E402

RESULTS = REPO / "bench" / "results" / "registry.txt"
MB = 1024 * 1024
WORDS = b"the of and to in a is that for it as with was on be by this are from or at an".split()


def make_image(root: Path, work: Path, mb: int, layers: int) -> tuple[str, int]:
    """Commit the image as ``bench/registry:v1``; returns its name and blob bytes."""
    rng = random.Random(9)
    store = Store(root)
    descs, diff_ids = [], []
    per_layer = mb * MB // layers
    with store.session():
        for i in range(layers):
            tree = work / f"layer{i}"
            tree.mkdir(parents=True)
            budget, n = int(per_layer * 1.08), 0
            while budget > 0:
                size = min(budget, rng.randint(256 * 1024, 4 * MB))
                if n % 6:
                    data = rng.randbytes(size)
                else:
                    data = (b" ".join(rng.choices(WORDS, k=size // 3)))[:size]
                (tree / f"f{n:03}").write_bytes(data)
                budget -= size
                n += 1
            rec = store.commit_layer(changes_from_tree(tree), compression="gzip", level=1,
                                     epoch=0)
            remove_tree(tree)
            descs.append(rec.descriptor)
            diff_ids.append(rec.diff_id)
        config = ImageConfig(created="2024-01-01T00:00:00Z", diff_ids=tuple(diff_ids),
                             history=tuple(History(created_by=f"layer {i}")
                                           for i in range(layers)))
        name = "bench/registry:v1"
        commit_image(store, config.to_bytes(), descs, [parse_normalized(name)])
    return name, sum(d.size for d in descs)


CPU: dict[str, list[float]] = {}


def run(cmd: list[str], env: dict[str, str], label: str = "") -> float:
    """Wall seconds of ``cmd`` (run after a ``sync``); its CPU seconds (user + system) go to
    ``CPU[label]``."""
    os.sync()
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env)
    wall = time.perf_counter() - t0
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    CPU.setdefault(label, []).append(cpu)
    return wall


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--mb", type=int, default=300)
    ap.add_argument("--layers", type=int, default=10)
    ap.add_argument("--runs", type=int, default=3)
    args = ap.parse_args()
    if shutil.which("docker-registry") is None or shutil.which("skopeo") is None:
        sys.exit("needs docker-registry and skopeo")
    work = Path(tempfile.mkdtemp(prefix="dy-bench-registry-"))
    # as installed: byte-code cached (an environment that turns it off would time the
    # compiler, not dockyard)
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env.update(PYTHONPATH=str(REPO), DOCKER_CONFIG=str(work / "docker"))
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(REPO / "builder")],
                   check=True, stdout=subprocess.DEVNULL, env=env)
    dy = [sys.executable, "-m", "builder"]
    times: dict[str, list[float]] = {k: [] for k in
                                     ("dy push", "skopeo push", "dy pull", "skopeo pull")}
    try:
        src = work / "src"
        name, size = make_image(src, work / "trees", args.mb, args.layers)
        print(f"image: {args.layers} gzip layers, {size / MB:.0f} MiB of blobs")
        for i in range(args.runs):
            for first in ("dy", "skopeo") if i % 2 == 0 else ("skopeo", "dy"):
                reg = start_registry(work / f"reg-{i}-{first}")
                try:
                    ref = f"{reg.host}/bench/registry:v1"
                    (src / "blob-sources.db").unlink(missing_ok=True)
                    if first == "dy":
                        subprocess.run([*dy, "--root", str(src), "tag", name, ref], check=True,
                                       env=env)
                        times["dy push"].append(run([*dy, "--root", str(src), "push", ref],
                                                    env, "dy push"))
                        times["dy pull"].append(run([*dy, "--root", str(work / f"dst-{i}"),
                                                     "pull", ref], env, "dy pull"))
                        remove_tree(work / f"dst-{i}")
                        subprocess.run([*dy, "--root", str(src), "rmi", ref], check=True,
                                       env=env, stdout=subprocess.DEVNULL)
                    else:
                        times["skopeo push"].append(run(
                            ["skopeo", "copy", "--dest-tls-verify=false",
                             f"oci:{src / 'store'}:v1", f"docker://{ref}"], env, "skopeo push"))
                        times["skopeo pull"].append(run(
                            ["skopeo", "copy", "--src-tls-verify=false", f"docker://{ref}",
                             f"oci:{work / f'sk-{i}'}:v1"], env, "skopeo pull"))
                        remove_tree(work / f"sk-{i}")
                finally:
                    reg.stop()
                    remove_tree(reg.base)
        lines = [f"registry push/pull over loopback: {args.layers} gzip layers, "
                 f"{size / MB:.0f} MiB, median of {args.runs}"]
        for op in ("push", "pull"):
            d = statistics.median(times[f"dy {op}"])
            s = statistics.median(times[f"skopeo {op}"])
            dc = statistics.median(CPU[f"dy {op}"])
            sc = statistics.median(CPU[f"skopeo {op}"])
            lines.append(f"{op}: dockyard {d:.2f}s ({size / MB / d:.0f} MiB/s, cpu {dc:.2f}s)  "
                         f"skopeo {s:.2f}s ({size / MB / s:.0f} MiB/s, cpu {sc:.2f}s)  "
                         f"ratio {d / s:.2f}x")
        for key, runs in times.items():  # the spread, for a machine shared with others
            lines.append(f"  {key} runs: " + " ".join(f"{t:.2f}s" for t in runs))
        load = os.getloadavg()[0]
        lines.append(f"load average during the run: {load:.1f} on {os.cpu_count()} cpus")
        text = "\n".join(lines)
        print(text)
        RESULTS.parent.mkdir(exist_ok=True)
        RESULTS.write_text(text + "\n")
    finally:
        remove_tree(work)


if __name__ == "__main__":
    main()
