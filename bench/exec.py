"""Median time to start and reap ``true`` in a snapshot of a 3-layer busybox image.

Peers: dockyard's native executor, its runc backend, a plain ``runc run`` of an equivalent
bundle, and ``docker run --rm --network none`` of an equivalent image (a private dockerd
is started and killed by PID when Docker is installed). Run as root:

    python bench/exec.py [--runs N] [--docker-runs N] [--no-docker]
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from timing import median_ms  # bench/, the script's own directory

from builder.runtime import ProcessSpec
from builder.runtime.native import NativeExecutor
from builder.runtime.runc import RuncExecutor
from builder.snapshot import OverlaySnapshotter

BUSYBOX = Path("/bin/busybox")
DOCKER = "/usr/bin/docker"


def make_layers(base: Path) -> list[Path]:
    """busybox (+ applet links), /etc with users, /usr with a few files."""
    l1, l2, l3 = base / "l1", base / "l2", base / "l3"
    (l1 / "bin").mkdir(parents=True)
    shutil.copy2(BUSYBOX, l1 / "bin" / "busybox")
    subprocess.run(["chroot", str(l1), "/bin/busybox", "--install", "-s", "/bin"], check=True)
    (l2 / "etc").mkdir(parents=True)
    (l2 / "etc" / "passwd").write_text("root:x:0:0:root:/root:/bin/sh\n")
    (l2 / "etc" / "group").write_text("root:x:0:\n")
    (l3 / "usr" / "share").mkdir(parents=True)
    for i in range(20):
        (l3 / "usr" / "share" / f"f{i}").write_text(f"file {i}\n")
    return [l1, l2, l3]


def _ignore(_stream: str, _line: bytes) -> None:
    return None


def runc_bundle(base: Path, rootfs: Path) -> Path:
    """``runc spec`` defaults, not a terminal, rootfs = the snapshot, network namespace."""
    bundle = base / "bundle"
    bundle.mkdir()
    subprocess.run(["runc", "spec", "--bundle", str(bundle)], check=True)
    config = json.loads((bundle / "config.json").read_text())
    config["process"]["terminal"] = False
    config["process"]["args"] = ["/bin/true"]
    config["root"] = {"path": str(rootfs), "readonly": False}
    (bundle / "config.json").write_text(json.dumps(config))
    return bundle


def docker_median(base: Path, layers: list[Path], runs: int) -> tuple[float | None, str]:
    """Start a private dockerd, build the image, time ``docker run``; kill dockerd."""
    if shutil.which("dockerd") is None or not Path(DOCKER).exists():
        return None, "dockerd not installed"
    d = base / "docker"
    d.mkdir()
    log = (d / "log").open("wb")
    daemon = subprocess.Popen(
        ["dockerd", "--iptables=false", "--bridge=none", "--data-root", str(d / "data"),
         "--exec-root", str(d / "exec"), "--pidfile", str(d / "pid"),
         "--host", f"unix://{d}/sock"],
        stdout=log, stderr=subprocess.STDOUT, start_new_session=True,
    )
    env = {**os.environ, "DOCKER_HOST": f"unix://{d}/sock", "DOCKER_BUILDKIT": "0"}

    def docker(*args: str, check: bool = True) -> subprocess.CompletedProcess[bytes]:
        return subprocess.run([DOCKER, *args], env=env, capture_output=True, check=check)

    try:
        for _ in range(300):
            if docker("info", check=False).returncode == 0:
                break
            if daemon.poll() is not None:
                return None, "dockerd exited at start (see its log)"
            time.sleep(0.1)
        else:
            return None, "dockerd did not come up in 30 s"
        ctx = d / "ctx"
        for layer in layers:
            shutil.copytree(layer, ctx / layer.name, symlinks=True)
        (ctx / "Dockerfile").write_text(
            "FROM scratch\nCOPY l1/ /\nCOPY l2/ /\nCOPY l3/ /\n"
        )
        docker("build", "--network=none", "-q", "-t", "dockyard-bench-exec:3l", str(ctx))
        ms = median_ms(lambda: docker("run", "--rm", "--network", "none",
                                      "dockyard-bench-exec:3l", "/bin/true"), runs, warmup=1)
        version = docker("version", "-f", "{{.Server.Version}}").stdout.decode().strip()
        return ms, f"docker {version}"
    except subprocess.CalledProcessError as exc:
        return None, f"docker failed: {exc.stderr.decode(errors='replace').strip()[:200]}"
    finally:
        daemon.send_signal(signal.SIGTERM)
        try:
            daemon.wait(timeout=20)
        except subprocess.TimeoutExpired:
            daemon.kill()
            daemon.wait()
        log.close()
        subprocess.run(["umount", "-R", str(d / "data")], capture_output=True, check=False)
        shutil.rmtree(d, ignore_errors=True)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=100)
    parser.add_argument("--docker-runs", type=int, default=20)
    parser.add_argument("--no-docker", action="store_true")
    opts = parser.parse_args()
    if os.geteuid() != 0:
        print("bench/exec.py needs root", file=sys.stderr)
        return 2
    results: dict[str, float] = {}
    notes: list[str] = []
    with tempfile.TemporaryDirectory(prefix="bench-exec-") as tmp:
        base = Path(tmp)
        layers = make_layers(base)
        snaps = OverlaySnapshotter(base / "snapshots")
        mount = snaps.prepare("bench", layers)
        true = ProcessSpec(args=("/bin/true",))
        try:
            with NativeExecutor(base / "native") as native:
                results["dockyard native executor"] = median_ms(
                    lambda: native.run(mount.rootfs, true, _ignore), opts.runs)

                def lifecycle() -> None:
                    m = snaps.prepare("cycle", layers)
                    native.run(m.rootfs, true, _ignore)
                    snaps.diff(m)
                    snaps.remove(m)

                results["native incl. overlay prepare/diff/remove"] = median_ms(
                    lifecycle, opts.runs)
            with RuncExecutor(base / "runcx") as runc:
                results["dockyard runc backend"] = median_ms(
                    lambda: runc.run(mount.rootfs, true, _ignore), max(opts.runs // 2, 5))
            bundle = runc_bundle(base, mount.rootfs)
            counter = iter(range(1 << 30))
            results["runc run (runc spec bundle)"] = median_ms(
                lambda: subprocess.run(
                    ["runc", "--root", str(base / "runc-root"), "run", "--bundle", str(bundle),
                     f"bench-{next(counter)}"], stdin=subprocess.DEVNULL, check=True),
                max(opts.runs // 2, 5))
        finally:
            snaps.remove(mount)
        if not opts.no_docker:
            ms, note = docker_median(base, layers, opts.docker_runs)
            notes.append(note)
            if ms is not None:
                results["docker run --rm --network none"] = ms
    load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    print(f"start and reap `true` in a 3-layer overlay snapshot (median, {os.cpu_count()} cores,"
          f" {opts.runs} runs; docker {opts.docker_runs}; load average {load})")
    for name, ms in results.items():
        print(f"  {name:<42} {ms:8.1f} ms")
    native_ms = results["dockyard native executor"]
    for peer in ("runc run (runc spec bundle)", "docker run --rm --network none"):
        if peer in results:
            print(f"  native / {peer:<33} {native_ms / results[peer]:8.3f}×")
    for note in notes:
        print(f"  ({note})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
