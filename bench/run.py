"""Wall time of ``dockyard run --rm IMAGE true`` against ``docker run`` and ``podman run``.

The image is busybox built ``FROM scratch`` by ``dockyard build``, saved and loaded into a
private dockerd (started and stopped by PID) and into podman under a temporary root when
podman is installed (``--runtime runc``; this host also needs the nofile/nproc ulimits).
Also printed: the floor under any Python CLI here (``python -c pass``), dockyard's CLI
doing little (``dockyard ps``), and a detached run plus ``rm -f``. The package is
byte-compiled first, as an installed one would be. Run as root:

    python bench/run.py [--runs N] [--no-docker] [--no-podman]
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
from typing import Any

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from timing import dockyard_exe, median_ms  # noqa: E402  (bench/, the script's own directory)

BUSYBOX = Path("/bin/busybox")
ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
ENV["PYTHONPATH"] = str(REPO)


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
    dockyard = [*dockyard_exe(), "--root", str(root)]
    run(*dockyard, "build", "-q", "-t", "bb", str(ctx))
    archive = base / "bb.tar"
    run(*dockyard, "save", "-o", str(archive), "bb")
    return archive


def docker_runner(base: Path, archive: Path) -> tuple[Callable[[], object], Any, str]:
    """A private dockerd with the image loaded: (one run, the daemon, its version)."""
    from tests.integration.dockerd import start_dockerd

    daemon = start_dockerd(base / "docker")
    daemon.docker("load", "-i", str(archive))
    version = daemon.docker("version", "-f", "{{.Server.Version}}").stdout.decode().strip()
    return (lambda: daemon.docker("run", "--rm", "--network", "none", "bb:latest", "true"),
            daemon, f"docker {version}")


def podman_runner(base: Path, archive: Path) -> tuple[Callable[[], object], list[str], str]:
    """podman under a private root with the image loaded: (one run, its argv, version)."""
    store = base / "podman"
    podman = ["podman", "--root", str(store / "root"), "--runroot", str(store / "run"),
              "--runtime", "runc", "--cgroup-manager", "cgroupfs", "--events-backend", "none"]
    run(*podman, "load", "-i", str(archive))
    version = run("podman", "--version").stdout.decode().strip()
    return (lambda: run(*podman, "run", "--rm", "--network", "none", "--ulimit",
                        "nofile=1024:1024", "--ulimit", "nproc=1024:1024",
                        "docker.io/library/bb:latest", "true"), podman, version)


def interleaved(fns: dict[str, Callable[[], object]], runs: int) -> dict[str, float]:
    """Median ms of each, runs interleaved so that the machine's load hits all alike."""
    times: dict[str, list[float]] = {name: [] for name in fns}
    for fn in fns.values():
        fn()  # warm up
    for _ in range(runs):
        for name, fn in fns.items():
            start = time.perf_counter()
            fn()
            times[name].append(time.perf_counter() - start)
    return {name: statistics.median(t) * 1000 for name, t in times.items()}


def main() -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--runs", type=int, default=20)
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
        dockyard = [*dockyard_exe(), "--root", str(root)]
        results["python -c pass (floor)"] = median_ms(
            lambda: run(sys.executable, "-c", "pass"), opts.runs, warmup=2)
        results["dockyard ps (CLI floor)"] = median_ms(
            lambda: run(*dockyard, "ps"), opts.runs, warmup=2)
        ours = "dockyard run --rm bb true"
        fns: dict[str, Callable[[], object]] = {
            ours: lambda: run(*dockyard, "run", "--rm", "bb", "true")}
        daemon = None
        podman: list[str] = []
        try:
            if not opts.no_docker and shutil.which("dockerd") is not None:
                fns["docker run --rm --network none bb true"], daemon, note = docker_runner(
                    base, archive)
                notes.append(note)
            if not opts.no_podman and shutil.which("podman") is not None:
                try:
                    fns["podman run --rm --network none bb true"], podman, note = \
                        podman_runner(base, archive)
                    notes.append(note)
                except subprocess.CalledProcessError as exc:
                    notes.append("podman failed: "
                                 + exc.stderr.decode(errors="replace").strip()[:300])
            results.update(interleaved(fns, opts.runs))
        finally:
            if daemon is not None:
                from tests.integration.dockerd import stop_dockerd

                stop_dockerd(daemon)
            if podman:
                subprocess.run([*podman, "system", "reset", "-f"], capture_output=True,
                               check=False)
                subprocess.run(["umount", "-R", str(base / "podman")], capture_output=True,
                               check=False)

        def detached() -> None:
            cid = run(*dockyard, "run", "-d", "bb", "true").stdout.decode().strip()
            run(*dockyard, "rm", "-f", cid)

        results["dockyard run -d bb true + rm -f"] = median_ms(
            detached, max(opts.runs // 3, 5), warmup=2)
    load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    print(f"`run --rm IMAGE true`, wall time from the shell (median, {os.cpu_count()} cores, "
          f"{opts.runs} runs, interleaved with the peers'; load average {load})")
    for name, ms in results.items():
        print(f"  {name:<42} {ms:8.1f} ms")
    ours_ms = results["dockyard run --rm bb true"]
    for peer in ("docker run --rm --network none bb true",
                 "podman run --rm --network none bb true"):
        if peer in results:
            print(f"  dockyard / {peer:<40} {ours_ms / results[peer]:6.3f}x  (target <= 0.1x "
                  "docker)" if peer.startswith("docker") else
                  f"  dockyard / {peer:<40} {ours_ms / results[peer]:6.3f}x")
    for note in notes:
        print(f"  ({note})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
