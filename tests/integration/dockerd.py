"""A private ``dockerd`` for tests: its own data, exec root and socket under a temp dir.

Started once per test session (see the ``dockerd`` fixture users), stopped by its PID.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import subprocess
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

DOCKER_CLIENT = "/usr/bin/docker"  # Debian's client, matching Debian's dockerd


@dataclass
class Dockerd:
    """A running private daemon and how to talk to it."""

    base: Path
    process: subprocess.Popen[bytes]

    @property
    def host(self) -> str:
        return f"unix://{self.base / 'sock'}"

    @property
    def env(self) -> dict[str, str]:
        return {**os.environ, "DOCKER_HOST": self.host, "DOCKER_BUILDKIT": "0"}

    def docker(self, *args: str, check: bool = True, timeout: float = 300,
               input: bytes | None = None,
               buildkit: bool = False) -> subprocess.CompletedProcess[bytes]:
        """Run the docker client against this daemon (``docker build`` with the classic
        builder, or with the daemon's BuildKit when ``buildkit``)."""
        env = {**self.env, "DOCKER_BUILDKIT": "1"} if buildkit else self.env
        result = subprocess.run([DOCKER_CLIENT, *args], env=env, capture_output=True,
                                timeout=timeout, input=input)
        if check and result.returncode != 0:
            raise AssertionError(f"docker {' '.join(args)} failed: {result.stderr.decode()}")
        return result


def start_dockerd(base: Path, timeout: float = 60) -> Dockerd:
    """Start ``dockerd`` with everything under ``base``; wait until it answers."""
    if os.geteuid() != 0:
        pytest.skip("a private dockerd needs root")
    if shutil.which("dockerd") is None or not os.path.exists(DOCKER_CLIENT):
        pytest.skip("dockerd or the docker client is not installed")
    base.mkdir(parents=True, exist_ok=True)
    log = open(base / "dockerd.log", "wb")  # noqa: SIM115 - lives as long as the daemon
    process = subprocess.Popen(
        ["dockerd", "--iptables=false", "--bridge=none", "--data-root", str(base / "data"),
         "--exec-root", str(base / "exec"), "--pidfile", str(base / "pid"),
         "--host", f"unix://{base / 'sock'}"],
        stdout=log, stderr=subprocess.STDOUT, start_new_session=True,
    )
    log.close()
    daemon = Dockerd(base, process)
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"dockerd exited: {(base / 'dockerd.log').read_text()[-2000:]}")
        if (base / "sock").exists() and daemon.docker("version", check=False,
                                                      timeout=10).returncode == 0:
            return daemon
        time.sleep(0.2)
    stop_dockerd(daemon)
    raise RuntimeError("dockerd did not come up in time")


def stop_dockerd(daemon: Dockerd) -> None:
    """Stop the daemon by its PID and wait for it."""
    if daemon.process.poll() is None:
        daemon.process.send_signal(signal.SIGTERM)
        try:
            daemon.process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            daemon.process.kill()
            daemon.process.wait(timeout=30)
    subprocess.run(["umount", "-R", str(daemon.base / "data")], capture_output=True)
    shutil.rmtree(daemon.base, ignore_errors=True)


BUSYBOX = Path("/bin/busybox")
BUSYBOX_BASE = ('FROM scratch\nCOPY busybox /bin/busybox\n'
                'RUN ["/bin/busybox","--install","-s","/bin"]\n')
"""The start of the comparisons' images: the static busybox and its applets."""


def busybox_context(ctx: Path, steps: str) -> Path:
    """``ctx`` made a build context: the static busybox and a Dockerfile of
    :data:`BUSYBOX_BASE` and then ``steps`` (skips the test without root or busybox)."""
    if os.geteuid() != 0 or not BUSYBOX.exists():
        pytest.skip("needs root and busybox-static")
    ctx.mkdir(parents=True)
    shutil.copy2(BUSYBOX, ctx / "busybox")
    (ctx / "Dockerfile").write_text(BUSYBOX_BASE + steps)
    return ctx


@contextlib.contextmanager
def loaded_dockerd(base: Path, archive: Path) -> Iterator[Dockerd]:
    """A private dockerd under ``base`` with the image archive ``archive`` loaded; stopped
    on leaving."""
    daemon = start_dockerd(base)
    try:
        daemon.docker("load", "-i", str(archive))
        yield daemon
    finally:
        stop_dockerd(daemon)
