"""The native executor without root: a user namespace mapping the caller to uid 0."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

pytestmark = pytest.mark.integration

REPO = Path(__file__).resolve().parents[2]
SYSTEM_PYTHON = Path("/usr/bin/python3")  # the test interpreter may live where nobody can read
NOBODY = 65534

SCRIPT = r"""
import json, sys
from pathlib import Path
from builder.errors import ExecutionError
from builder.runtime import ProcessSpec
from builder.runtime.native import NativeExecutor

rootfs, state = Path(sys.argv[1]), Path(sys.argv[2])
results = {}
with NativeExecutor(state) as ex:
    for net in ("none", "host"):
        out = []
        code = ex.run(rootfs, ProcessSpec(
            args=("/bin/sh", "-c",
                  "id -u; hostname; grep -E 'CapEff|Seccomp:' /proc/self/status; "
                  "ip -o link | wc -l; "
                  "set -- /proc/[0-9]*; echo $#; "
                  "(echo 1 > /proc/sys/kernel/panic) 2>/dev/null || echo ro; "
                  "echo made > /made"),
            network=net, hostname="rootless"), lambda s, line: out.append(line.decode()))
        results[net] = [code, "".join(out)]
    try:
        ex.run(rootfs, ProcessSpec(args=("true",), user="1000"), lambda s, line: None)
    except ExecutionError as exc:
        results["user"] = str(exc)
print(json.dumps(results))
"""


def _skip_reason() -> str | None:
    if os.geteuid() != 0:
        return "needs root to drop to another user"
    if not SYSTEM_PYTHON.exists() or shutil.which("setpriv") is None:
        return "needs /usr/bin/python3 and setpriv"
    if not Path("/bin/busybox").exists():
        return "needs busybox-static"
    return None


@pytest.fixture
def world() -> Iterator[Path]:
    """A directory every user can reach (pytest's tmp dirs are private to root)."""
    base = Path(tempfile.mkdtemp(prefix="dockyard-rootless-"))
    base.chmod(0o755)
    yield base
    shutil.rmtree(base, ignore_errors=True)


def test_rootless_run_is_isolated(world: Path) -> None:
    if (reason := _skip_reason()) is not None:
        pytest.skip(reason)
    shutil.copytree(REPO / "builder", world / "pkg" / "builder",
                    ignore=shutil.ignore_patterns("__pycache__"))
    rootfs = world / "rootfs"
    (rootfs / "bin").mkdir(parents=True)
    shutil.copy2("/bin/busybox", rootfs / "bin" / "busybox")
    subprocess.run(["chroot", str(rootfs), "/bin/busybox", "--install", "-s", "/bin"],
                   check=True)
    subprocess.run(["chown", "-R", f"{NOBODY}:{NOBODY}", str(rootfs)], check=True)
    state = world / "state"
    state.mkdir()
    os.chown(state, NOBODY, NOBODY)
    env = {"PATH": "/usr/bin:/bin", "PYTHONPATH": str(world / "pkg"), "HOME": str(state)}
    proc = subprocess.run(
        ["setpriv", f"--reuid={NOBODY}", f"--regid={NOBODY}", "--clear-groups",
         "--inh-caps=-all", str(SYSTEM_PYTHON), "-c", SCRIPT, str(rootfs), str(state)],
        env=env, capture_output=True, text=True, timeout=60, check=False,
    )
    assert proc.returncode == 0, proc.stderr
    results = json.loads(proc.stdout)
    code, out = results["none"]
    lines = out.split("\n")
    assert code == 0
    # its own pid namespace: the helper's init and sh alone (counted by sh itself, not by a
    # pipeline whose second process may not exist yet when the first lists /proc)
    assert lines[:7] == ["0", "rootless", "CapEff:\t00000000a80425fb", "Seccomp:\t2", "1", "2",
                         "ro"]
    code, out = results["host"]
    assert code == 0
    assert out.split("\n")[4] == str(len(os.listdir("/sys/class/net")))
    assert "only uid 0 is mapped" in results["user"]
    made = rootfs / "made"
    assert made.read_text() == "made\n" and made.stat().st_uid == NOBODY
    assert sorted(p.name for p in rootfs.iterdir()) == ["bin", "made"]  # stubs removed
