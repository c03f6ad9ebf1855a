"""builder.runner.spawn: init forked before its plan is written, on real containers."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from builder.runner.container import Containers
from builder.runner.plan import mount_plan
from builder.runner.spawn import spawn
from builder.runner.supervisor import Attach, supervise
from tests.integration.test_isolation import host_processes
from tests.integration.test_runner import Dockyard, _skip_reason, busybox_root

pytestmark = pytest.mark.integration


@pytest.fixture(scope="module")
def dy(tmp_path_factory: pytest.TempPathFactory) -> Dockyard:
    return busybox_root(tmp_path_factory.mktemp("spawn"))


def _gone(pid: int) -> bool:
    """Whether ``pid`` is neither running nor a zombie."""
    return not os.path.exists(f"/proc/{pid}")


def test_an_init_without_a_plan_exits_and_is_reaped() -> None:
    if (reason := _skip_reason()) is not None:
        pytest.skip(reason)
    for tty, stdin, network in ((False, False, "none"), (True, False, "host"),
                                (False, True, "none")):
        spawned = spawn(tty, stdin, network)
        pid = spawned.pid
        assert not _gone(pid)
        spawned.abandon()
        assert _gone(pid)
        spawned.abandon()  # twice is harmless


def test_an_init_forked_for_other_flags_is_replaced(dy: Dockyard, tmp_path: Path) -> None:
    dy("create", "--name", "other-flags", "bb", "sh", "-c", "echo out; echo err >&2; exit 3")
    c = Containers(dy.root).get("other-flags")
    wrong = spawn(True, True, "host")  # the container has no tty, no stdin, no network
    out_r, out_w = os.pipe()
    err_r, err_w = os.pipe()
    try:
        code = supervise(dy.root, c, Attach(None, out_w, err_w), spawned=wrong)
    finally:
        os.close(out_w)
        os.close(err_w)
    with os.fdopen(out_r) as out, os.fdopen(err_r) as err:
        assert (code, out.read(), err.read()) == (3, "out\n", "err\n")
    assert _gone(wrong.pid)
    dy("rm", "other-flags")


def test_a_plan_larger_than_a_pipe_reaches_init(dy: Dockyard, tmp_path: Path) -> None:
    env_file = tmp_path / "env"
    env_file.write_text("".join(f"V{i}={'x' * 100}\n" for i in range(2000)))  # ~210 KB
    proc = dy("run", "--rm", "--env-file", str(env_file), "bb", "sh", "-c",
              'env | grep -c "^V[0-9]*=x"; echo "$V1999" | wc -c')
    assert proc.stdout.split() == ["2000", "101"]


def test_a_missing_image_leaves_no_init_behind(dy: Dockyard) -> None:
    marker = f"{dy.root}/no-such-image-{os.getpid()}"
    proc = dy("run", "--rm", marker.rpartition("/")[2] + ":1", "true", check=False)
    assert proc.returncode != 0
    assert "no-such-image" in proc.stderr
    assert proc.stdout == ""
    assert host_processes(marker.rpartition("/")[2]) == []
    assert dy.ids("-a") == []


def test_a_plan_given_before_the_start_is_recorded_carries_every_mount(dy: Dockyard) -> None:
    """The plan ``run`` gives init early, end to end: binds, tmpfs and a volume."""
    proc = dy("run", "--rm", "-v", f"{dy.root}/bind-src:/bind", "--tmpfs", "/scratch",
              "-v", "/anon", "bb", "sh", "-c",
              "touch /bind/made /scratch/t /anon/v && mount | grep -c ' /scratch '")
    assert proc.stdout.strip() == "1"
    assert os.path.exists(f"{dy.root}/bind-src/made")


def _imported(dy: Dockyard, *args: str) -> set[str]:
    """The modules ``dockyard ARGS`` imports, in the CLI and in init (``-X importtime``
    reports both), run as a user runs it: the console script (``python -m`` adds runpy's)."""
    script = Path(sys.executable).with_name("dockyard")
    if not script.exists():
        pytest.skip("no dockyard console script beside this Python")
    proc = subprocess.run([str(script), "--root", str(dy.root), *args], capture_output=True,
                          text=True, timeout=60, env={**dy.env, "PYTHONPROFILEIMPORTTIME": "1"})
    assert proc.returncode == 0, proc.stderr
    return {line.split("|")[-1].strip() for line in proc.stderr.splitlines()
            if line.startswith("import time:")}


def test_a_plain_run_loads_only_what_it_needs(dy: Dockyard) -> None:
    """Not the modules whose start-up cost was taken out of ``run --rm IMAGE true``."""
    loaded = _imported(dy, "run", "--rm", "bb", "true")
    assert {"builder.runner.spawn", "builder.runner.init", "builder.runtime.sandbox"} <= loaded
    assert not loaded & {"ctypes", "_socket", "socket", "struct", "json", "re", "pathlib",
                         "contextlib", "enum", "builder.store", "builder.runtime.helper",
                         "builder.runner.cgroups", "builder.runtime.stubs", "builder.snapshot"}
    assert "_socket" in _imported(dy, "run", "--rm", "-t", "bb", "true")  # a terminal's fd


def test_the_init_layer_spares_the_mount_points(dy: Dockyard, tmp_path: Path) -> None:
    dy("create", "--name", "plain-points", "bb", "true")
    dy("create", "--name", "bind-points", "-v", f"{tmp_path}:/data", "bb", "true")
    try:
        plain = mount_plan(dy.root, Containers(dy.root).get("plain-points"))
        assert plain["points"] is None  # the image's init layer, on top, has them all
        assert "/.init/" in plain["overlay"]["lowers"][-1]
        bind = mount_plan(dy.root, Containers(dy.root).get("bind-points"))
        assert bind["points"] == {"/proc": True, "/dev": True, "/sys": True, "/data": True}
        proc = dy("start", "-a", "bind-points")
        assert proc.returncode == 0
    finally:
        dy("rm", "plain-points", "bind-points")


def test_a_container_with_limits_gets_its_plan_from_the_supervisor(dy: Dockyard) -> None:
    """Limits: init joins their cgroups, made by the supervisor, before anything else."""
    proc = dy("run", "--rm", "--pids-limit", "64", "bb", "sh", "-c",
              "cat /proc/self/cgroup | grep -c dockyard")
    assert int(proc.stdout.strip()) >= 1
