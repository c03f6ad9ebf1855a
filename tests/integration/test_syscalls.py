"""builder.runtime.syscalls, called for real: each in a forked child where it changes the
process (capabilities, namespaces), with the kernel's own view read back."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from builder.runtime import syscalls as sc

pytestmark = pytest.mark.integration

REPO = Path(__file__).resolve().parents[2]


def _in_child(body: Callable[[], int]) -> int:
    """Run ``body`` in a forked child; its return value is the child's exit status."""
    pid = os.fork()
    if pid == 0:
        code = 99
        try:
            code = body()
        finally:
            os._exit(code)
    _, status = os.waitpid(pid, 0)
    return os.waitstatus_to_exitcode(status)


def _root() -> None:
    if os.geteuid() != 0:
        pytest.skip("needs root")


def test_statfs_type_names_the_filesystem(tmp_path: Path) -> None:
    assert sc.statfs_type("/proc") == 0x9FA0  # PROC_SUPER_MAGIC
    assert sc.statfs_type("/sys") == 0x62656572  # SYSFS_MAGIC
    with pytest.raises(OSError) as err:
        sc.statfs_type(tmp_path / "missing")
    assert err.value.errno == 2 and "statfs" in str(err.value)


@pytest.mark.parametrize("mask", [0, 1 << 21, 0xA80425FB, (1 << 40) | (1 << 33) | 1])
def test_capset_sets_exactly_the_masks(mask: int) -> None:
    _root()
    last = sc.last_cap()
    mask &= (1 << (last + 1)) - 1

    def body() -> int:
        sc.capset(mask, mask, 0)
        with open("/proc/self/status") as f:
            fields = dict(line.split(":\t", 1) for line in f.read().splitlines() if ":\t" in line)
        return 0 if (int(fields["CapEff"], 16), int(fields["CapPrm"], 16),
                     int(fields["CapInh"], 16)) == (mask, mask, 0) else 1

    assert _in_child(body) == 0


def test_loopback_up_in_a_new_network_namespace() -> None:
    _root()

    def lo() -> str:
        return subprocess.run(["ip", "-o", "link", "show", "lo"], capture_output=True,
                              text=True, check=True).stdout

    def body() -> int:
        sc.unshare(sc.CLONE_NEWNET)
        before = lo()  # a new namespace's lo is down
        sc.loopback_up()
        return 0 if "<LOOPBACK>" in before and "<LOOPBACK,UP" in lo() else 1

    assert _in_child(body) == 0


def test_sethostname_and_errors_carry_errno_and_name() -> None:
    _root()

    def body() -> int:
        sc.unshare(sc.CLONE_NEWUTS)
        sc.sethostname("syscalls-test")
        if os.uname().nodename != "syscalls-test":
            return 1
        try:
            sc.setns(-1, sc.CLONE_NEWNET)
        except OSError as exc:
            return 0 if exc.errno == 9 and str(exc).startswith("[Errno 9] setns:") else 2
        return 3

    assert _in_child(body) == 0


def test_importing_it_does_not_import_ctypes() -> None:
    script = ("import sys\nfrom builder.runtime import syscalls\n"
              "print('ctypes' in sys.modules, 'builder.runtime.executor' in sys.modules)")
    proc = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                          cwd=REPO, check=True)
    assert proc.stdout.split() == ["False", "False"]
