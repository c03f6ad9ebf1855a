"""Pure parts of the runtime: USER resolution, env, etc files, OCI config, output pump."""

from __future__ import annotations

import json
import os
import threading
from pathlib import Path

import pytest

from builder.errors import ExecutionError
from builder.runtime import MountSpec, ProcessSpec, defaults, native, stubs
from builder.runtime.pump import pump
from builder.runtime.spec import oci_config
from builder.runtime.users import ExecUser, path_in_root, resolve_user


@pytest.fixture
def rootfs(tmp_path: Path) -> Path:
    etc = tmp_path / "etc"
    etc.mkdir()
    (etc / "passwd").write_text(
        "root:x:0:0:root:/root:/bin/sh\n"
        "# comment\n"
        "bob:x:1000:1000:Bob:/home/bob:/bin/sh\n"
        "daemon:x:2:2::/:/bin/false\n"
    )
    (etc / "group").write_text("root:x:0:\nbob:x:1000:\nwheel:x:10:bob,daemon\naudio:x:29:bob\n")
    return tmp_path


@pytest.mark.parametrize(
    ("user", "expected"),
    [
        ("", ExecUser(0, 0, (), "/root")),
        ("root", ExecUser(0, 0, (), "/root")),
        ("bob", ExecUser(1000, 1000, (10, 29), "/home/bob")),
        ("1000", ExecUser(1000, 1000, (10, 29), "/home/bob")),
        ("bob:wheel", ExecUser(1000, 10, (), "/home/bob")),
        ("bob:29", ExecUser(1000, 29, (), "/home/bob")),
        ("4242", ExecUser(4242, 0, (), "/")),
        ("4242:4343", ExecUser(4242, 4343, (), "/")),
        ("daemon", ExecUser(2, 2, (10,), "/")),
    ],
)
def test_resolve_user_follows_dockers_rules(rootfs: Path, user: str, expected: ExecUser) -> None:
    assert resolve_user(rootfs, user) == expected


def test_unknown_names_are_errors(rootfs: Path) -> None:
    with pytest.raises(ExecutionError, match="unable to find user alice"):
        resolve_user(rootfs, "alice")
    with pytest.raises(ExecutionError, match="unable to find group staff"):
        resolve_user(rootfs, "bob:staff")


def test_passwd_is_read_inside_the_root(tmp_path: Path) -> None:
    (tmp_path / "etc").mkdir()
    (tmp_path / "etc" / "passwd").symlink_to("/etc/passwd")  # host file must not be read
    assert resolve_user(tmp_path, "0") == ExecUser(0, 0, (), "/")
    with pytest.raises(ExecutionError):
        resolve_user(tmp_path, "root")


def test_path_in_root_clamps_escapes(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "up").symlink_to("../../../..")
    (tmp_path / "a" / "abs").symlink_to("/a")
    assert path_in_root(tmp_path, "/a/up/etc/x") == tmp_path / "etc" / "x"
    assert path_in_root(tmp_path, "/a/abs/abs/f") == tmp_path / "a" / "f"
    assert path_in_root(tmp_path, "/../../x") == tmp_path / "x"
    (tmp_path / "loop").symlink_to("loop")
    with pytest.raises(ExecutionError, match="symbolic links"):
        path_in_root(tmp_path, "/loop/x")


def test_default_capabilities_are_dockers() -> None:
    assert defaults.CAP_MASK == 0xA80425FB
    assert len(defaults.CAPABILITIES) == 14


def test_container_env_adds_path_hostname_home() -> None:
    spec = ProcessSpec(args=("true",), env=("A=1",), hostname="h")
    assert defaults.container_env(spec, "/root") == [
        "A=1", f"PATH={defaults.DEFAULT_PATH}", "HOSTNAME=h", "HOME=/root"]
    spec = ProcessSpec(args=("true",), env=("PATH=/x", "HOME=/h", "HOSTNAME=o"))
    assert defaults.container_env(spec, "/root") == list(spec.env)


def test_a_build_step_gets_no_hostname_variable_and_buildkits_hosts() -> None:
    spec = ProcessSpec(args=("true",), env=("A=1",), hostname="h", build_step=True)
    assert defaults.container_env(spec, "/root") == [
        "A=1", f"PATH={defaults.DEFAULT_PATH}", "HOME=/root"]
    assert defaults.hosts_file(spec) == (
        "127.0.0.1\tlocalhost h\n::1\tlocalhost ip6-localhost ip6-loopback\n")
    assert ProcessSpec.from_json(spec.to_json()) == spec


def test_resolv_conf_drops_loopback_resolvers_off_the_host_network() -> None:
    host = "search lan\nnameserver 127.0.0.53\nnameserver 10.0.0.1\nnameserver ::1\n"
    spec = ProcessSpec(args=("true",))
    assert defaults.resolv_conf(spec, host) == "search lan\nnameserver 10.0.0.1\n"
    host_net = ProcessSpec(args=("true",), network="host")
    assert defaults.resolv_conf(host_net, host) == host


def test_hosts_file_names_the_hostname_and_extra_hosts() -> None:
    spec = ProcessSpec(args=("true",), hostname="box", extra_hosts=(("db", "10.1.1.1"),))
    text = defaults.hosts_file(spec)
    assert text.startswith("127.0.0.1\tlocalhost box\n")
    assert text.endswith("10.1.1.1\tdb\n")


def test_process_spec_json_round_trip() -> None:
    spec = ProcessSpec(args=("a", "b"), env=("X=1",), mounts=(MountSpec("tmpfs", "/t"),),
                       extra_hosts=(("h", "1.2.3.4"),), network="host", user="1:2")
    assert ProcessSpec.from_json(spec.to_json()) == spec


def test_process_spec_json_shape_and_value_semantics() -> None:
    mount = MountSpec("bind", "/m", "/src", readonly=True)
    spec = ProcessSpec(args=("a",), mounts=(mount,), extra_hosts=(("db", "10.0.0.1"),))
    data = spec.to_json()
    assert data == {
        "args": ("a",), "env": (), "cwd": "/", "user": "", "hostname": "dockyard",
        "network": "none", "tty": False,
        "mounts": ({"kind": "bind", "target": "/m", "source": "/src", "readonly": True,
                    "size": 0, "options": ()},),
        "readonly_rootfs": False, "extra_hosts": (("db", "10.0.0.1"),), "build_step": False,
    }
    through_json = ProcessSpec.from_json(json.loads(json.dumps(data)))  # lists come back
    assert through_json == spec and hash(through_json) == hash(spec)
    assert through_json.mounts[0] == mount and through_json.extra_hosts == spec.extra_hosts
    assert spec != ProcessSpec(args=("a",), mounts=(mount.replace(readonly=False),),
                               extra_hosts=(("db", "10.0.0.1"),))
    assert spec.replace(tty=True).tty and not spec.tty
    assert len({ExecUser(0, 0, (), "/"), ExecUser(0, 0, (), "/")}) == 1


def test_oci_config_carries_the_same_settings(tmp_path: Path) -> None:
    spec = ProcessSpec(args=("sh", "-c", "x"), cwd="/w", hostname="h",
                       mounts=(MountSpec("bind", "/m", "/src", readonly=True),))
    user = ExecUser(0, 0, (10,), "/root")
    config = oci_config(tmp_path, spec, user, ["A=1"], {"/etc/hosts": "/x/hosts"})
    proc = config["process"]
    assert proc["terminal"] is False and proc["noNewPrivileges"] is True
    assert proc["user"] == {"uid": 0, "gid": 0, "additionalGids": [10]}
    assert (proc["args"], proc["env"], proc["cwd"]) == (["sh", "-c", "x"], ["A=1"], "/w")
    caps = proc["capabilities"]
    assert set(caps["bounding"]) == set(caps["effective"]) == set(defaults.CAPABILITIES)
    assert "inheritable" not in caps and "ambient" not in caps
    assert config["root"]["path"] == str(tmp_path) and config["hostname"] == "h"
    assert {"type": "network"} in config["linux"]["namespaces"]
    assert config["linux"]["maskedPaths"] == list(defaults.MASKED_PATHS)
    assert config["linux"]["readonlyPaths"] == list(defaults.READONLY_PATHS)
    dests = {m["destination"]: m for m in config["mounts"]}
    assert dests["/m"]["options"] == ["rbind", "rprivate", "ro"]
    assert dests["/etc/hosts"]["source"] == "/x/hosts"
    assert "ro" in dests["/sys"]["options"]
    nonroot = oci_config(tmp_path, ProcessSpec(args=("x",), network="host"),
                         ExecUser(5, 5, (), "/"), [], {})
    assert nonroot["process"]["capabilities"]["effective"] == []
    assert {"type": "network"} not in nonroot["linux"]["namespaces"]


@pytest.mark.skipif(os.geteuid() != 0, reason="trusted.* xattrs need root")
def test_stubs_are_marked_and_leave_parent_times_alone(tmp_path: Path) -> None:
    root = tmp_path / "root"
    (root / "etc").mkdir(parents=True)
    (root / "etc" / "hosts").write_text("keep\n")
    os.utime(root / "etc", ns=(1, 1_000_000_000))
    os.utime(root, ns=(1, 2_000_000_000))
    spec = ProcessSpec(args=("true",), hostname="hh")
    files = stubs.prepare(root, spec, tmp_path / "state", {"/proc": True, "/m/n": False},
                          bundle=True)
    for made in ("etc/hostname", "etc/resolv.conf", "proc", "m", "m/n"):
        assert stubs.is_stub(str(root / made)), made
    assert (root / "proc").is_dir() and (root / "m" / "n").is_file()
    assert not stubs.is_stub(str(root / "etc" / "hosts"))
    assert (root / "etc").stat().st_mtime_ns == 1_000_000_000
    assert root.stat().st_mtime_ns == 2_000_000_000
    assert Path(files.etc["/etc/hostname"]).read_text() == "hh\n"
    assert files.bundle is not None and files.bundle.is_dir()
    files.cleanup()
    assert not any(Path(p).exists() for p in files.etc.values())
    assert not files.bundle.exists()
    assert (root / "proc").is_dir()  # kept for the next run; diffs skip it
    again = stubs.prepare(root, spec, tmp_path / "state", {"/proc": True})
    assert again.stubs == []
    again.cleanup()


def test_pump_splits_lines_and_drains_both_pipes() -> None:
    out_r, out_w = os.pipe()
    err_r, err_w = os.pipe()
    st_r, st_w = os.pipe()
    big = b"e" * 200_000 + b"\n"

    def writer() -> None:
        os.write(st_w, b'{"pid": 7}\n')
        for _ in range(20):
            os.write(err_w, big)  # far more than a pipe buffer
        os.write(out_w, b"one\ntwo\npart")
        os.write(st_w, b'{"exit": 3}\n')
        for fd in (out_w, err_w, st_w):
            os.close(fd)

    thread = threading.Thread(target=writer)
    thread.start()
    got: list[tuple[str, bytes]] = []
    status: dict[str, int] = {}
    try:
        pump(out_r, err_r, lambda s, line: got.append((s, line)), st_r, status.update)
    finally:
        thread.join()
        for fd in (out_r, err_r, st_r):
            os.close(fd)
    assert [line for s, line in got if s == "stdout"] == [b"one\n", b"two\n", b"part"]
    err = b"".join(line for s, line in got if s == "stderr")
    assert err == big * 20
    assert all(len(line) <= 1 << 16 for _, line in got)
    assert status == {"pid": 7, "exit": 3}


def test_without_root_errors_name_what_is_missing(monkeypatch: pytest.MonkeyPatch,
                                                  rootfs: Path, tmp_path: Path) -> None:
    monkeypatch.setattr(os, "geteuid", lambda: 1000)
    with native.NativeExecutor(tmp_path / "state") as ex, \
            pytest.raises(ExecutionError, match=r"only uid 0 is mapped.*USER bob.*newuidmap"):
        ex.run(rootfs, ProcessSpec(args=("true",), user="bob"), lambda s, b: None)
    with pytest.raises(ExecutionError, match=r"runc executor needs root"):
        native.require_root("the runc executor")
