"""Wall time of ``dockyard run --rm IMAGE true`` against ``docker run`` and ``podman run``.

The image is busybox built ``FROM scratch`` by ``dockyard build``, saved and loaded into a
private dockerd (started and stopped by PID) and into podman under a temporary root when
podman is installed (``--runtime runc``; this host also needs the nofile/nproc ulimits).
Also printed: the floor under any Python CLI here (``python -c pass``), dockyard's CLI
doing little (``dockyard ps``), and a detached run plus ``rm -f``. The package is
byte-compiled first, as an installed one would be. Run as root:

    python bench/run.py [--runs N] [--peer-runs N] [--no-docker] [--no-podman]
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

BUSYBOX = Path("/bin/busybox")
ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
ENV["PYTHONPATH"] = str(REPO)


def median_ms(fn: Callable[[], object], runs: int, warmup: int = 2) -> float:
    for _ in range(warmup):
        fn()
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000


def run(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(list(args), env=env or ENV, capture_output=True, check=True,
                          stdin=subprocess.DEVNULL)


def build_image(root: Path, base: Path) -> Path:
    """Build ``bb`` and save it as a docker-archive; returns the archive."""
    ctx = base / "ctx"
    ctx.mkdir()
    shutil.copy2(BUSYBOX, ctx / "busybox")
    (ctx / "Dockerfile").write_text('FROM scratch\nCOPY busybox /bin/busybox\n'
                                    'RUN ["/bin/busybox","--install","-s","/bin"]\n')
    dockyard = [sys.executable, "-m", "builder", "--root", str(root)]
    run(*dockyard, "build", "-q", "-t", "bb", str(ctx))
    archive = base / "bb.tar"
    run(*dockyard, "save", "-o", str(archive), "bb")
    return archive


def docker_ms(base: Path, archive: Path, runs: int) -> tuple[float | None, str]:
    from tests.integration.dockerd import start_dockerd, stop_dockerd

    if shutil.which("dockerd") is None:
        return None, "dockerd not installed"
    daemon = start_dockerd(base / "docker")
    try:
        daemon.docker("load", "-i", str(archive))
        ms = median_ms(lambda: daemon.docker("run", "--rm", "--network", "none", "bb:latest",
                                             "true"), runs, warmup=1)
        version = daemon.docker("version", "-f", "{{.Server.Version}}").stdout.decode().strip()
        return ms, f"docker {version}"
    finally:
        stop_dockerd(daemon)


def podman_ms(base: Path, archive: Path, runs: int) -> tuple[float | None, str]:
    if shutil.which("podman") is None:
        return None, "podman not installed"
    store = base / "podman"
    podman = ["podman", "--root", str(store / "root"), "--runroot", str(store / "run"),
              "--runtime", "runc", "--cgroup-manager", "cgroupfs", "--events-backend", "none"]
    try:
        run(*podman, "load", "-i", str(archive))
        ms = median_ms(lambda: run(*podman, "run", "--rm", "--network", "none", "--ulimit",
                                   "nofile=1024:1024", "--ulimit", "nproc=1024:1024",
                                   "docker.io/library/bb:latest", "true"), runs, warmup=1)
        version = run("podman", "--version").stdout.decode().strip()
        return ms, version
    except subprocess.CalledProcessError as exc:
        return None, f"podman failed: {exc.stderr.decode(errors='replace').strip()[:300]}"
    finally:
        subprocess.run([*podman, "system", "reset", "-f"], capture_output=True, check=False)
        subprocess.run(["umount", "-R", str(store)], capture_output=True, check=False)
        shutil.rmtree(store, ignore_errors=True)


def main() -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--runs", type=int, default=30)
    parser.add_argument("--peer-runs", type=int, default=15)
    parser.add_argument("--no-docker", action="store_true")
    parser.add_argument("--no-podman", action="store_true")
    opts = parser.parse_args()
    if os.geteuid() != 0:
        print("bench/run.py needs root", file=sys.stderr)
        return 2
    results: dict[str, float] = {}
    notes: list[str] = []
    # as an installed package would be: byte-compiled (this environment may disable it)
    run(sys.executable, "-m", "compileall", "-q", str(REPO / "builder"))
    with tempfile.TemporaryDirectory(prefix="bench-run-") as tmp:
        base = Path(tmp)
        root = base / "root"
        archive = build_image(root, base)
        dockyard = [sys.executable, "-m", "builder", "--root", str(root)]
        results["python -c pass (floor)"] = median_ms(
            lambda: run(sys.executable, "-c", "pass"), opts.runs)
        results["dockyard ps (CLI floor)"] = median_ms(lambda: run(*dockyard, "ps"), opts.runs)
        results["dockyard run --rm bb true"] = median_ms(
            lambda: run(*dockyard, "run", "--rm", "bb", "true"), opts.runs)

        def detached() -> None:
            cid = run(*dockyard, "run", "-d", "bb", "true").stdout.decode().strip()
            run(*dockyard, "rm", "-f", cid)

        results["dockyard run -d bb true + rm -f"] = median_ms(detached, max(opts.runs // 3, 5))
        if not opts.no_docker:
            ms, note = docker_ms(base, archive, opts.peer_runs)
            notes.append(note)
            if ms is not None:
                results["docker run --rm --network none bb true"] = ms
        if not opts.no_podman:
            ms, note = podman_ms(base, archive, opts.peer_runs)
            notes.append(note)
            if ms is not None:
                results["podman run --rm --network none bb true"] = ms
    load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    print(f"`run --rm IMAGE true`, wall time from the shell (median, {os.cpu_count()} cores, "
          f"{opts.runs} runs; peers {opts.peer_runs}; load average {load})")
    for name, ms in results.items():
        print(f"  {name:<42} {ms:8.1f} ms")
    ours = results["dockyard run --rm bb true"]
    for peer in ("docker run --rm --network none bb true",
                 "podman run --rm --network none bb true"):
        if peer in results:
            print(f"  dockyard / {peer:<40} {ours / results[peer]:6.3f}x  (target <= 0.1x "
                  "docker)" if peer.startswith("docker") else
                  f"  dockyard / {peer:<40} {ours / results[peer]:6.3f}x")
    for note in notes:
        print(f"  ({note})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
