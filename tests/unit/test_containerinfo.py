"""The container inspect object: Docker 20.10's shape, from old and new stored configs."""

from __future__ import annotations

from typing import Any

from builder.cli.containerinfo import host_config, inspect_container
from builder.cli.inspect import go_shaped
from builder.gotemplate import parse
from builder.runner.container import Container
from builder.runner.create import tmpfs_map

CID = "0123456789ab" + "c" * 52


def _container(host: dict[str, Any], mounts: list[dict[str, Any]] | None = None,
               config: dict[str, Any] | None = None) -> Container:
    return Container("/nowhere", {
        "Id": CID, "Name": "old", "Path": "sh", "Args": [], "Image": "sha256:x",
        "Driver": "overlay", "Config": config or {"Env": [], "Cmd": ["sh"], "StopSignal": ""},
        "HostConfig": host, "Mounts": mounts or [],
    }, {"Status": "created"})


# what containers created before Docker's full HostConfig stored
OLD_HOST: dict[str, Any] = {
    "NetworkMode": "none", "Memory": 0, "PidsLimit": 0, "NanoCpus": 0, "AutoRemove": False,
    "Init": False, "ReadonlyRootfs": True, "SecurityOpt": None,
    "Binds": ["/tmp:/data:ro", "vol:/v"], "Tmpfs": ["/run:rw,size=1m", "/a"],
}
OLD_MOUNTS: list[dict[str, Any]] = [
    {"Type": "bind", "Source": "/tmp", "Destination": "/data", "RW": False},
    {"Type": "volume", "Name": "vol", "Source": "/r/vol", "Destination": "/v", "RW": True,
     "Anonymous": False},
    {"Type": "tmpfs", "Source": "", "Destination": "/run", "RW": True, "Options": "rw"},
]


def test_old_stored_shape_inspects_as_docker() -> None:
    obj = inspect_container(_container(OLD_HOST, OLD_MOUNTS))
    host = obj["HostConfig"]
    assert host["Tmpfs"] == {"/a": "", "/run": "rw,size=1m"}
    assert list(host["Tmpfs"]) == ["/a", "/run"]  # a Go map: sorted keys
    assert (host["PidsLimit"], host["SecurityOpt"], host["ReadonlyRootfs"]) == (None, None, True)
    assert "Init" not in host
    assert list(host)[:4] == ["Binds", "ContainerIDFile", "LogConfig", "NetworkMode"]
    assert list(host)[-2:] == ["MaskedPaths", "ReadonlyPaths"]
    assert obj["Mounts"] == [
        {"Type": "bind", "Source": "/tmp", "Destination": "/data", "Mode": "ro", "RW": False,
         "Propagation": "rprivate"},
        {"Type": "volume", "Name": "vol", "Source": "/r/vol", "Destination": "/v",
         "Driver": "local", "Mode": "z", "RW": True, "Propagation": ""},
    ]
    assert obj["Config"]["Env"] is None
    assert "StopSignal" not in obj["Config"]
    assert obj["Config"]["Hostname"] == CID[:12]
    assert obj["State"]["StartedAt"] == "0001-01-01T00:00:00Z"
    assert list(obj["NetworkSettings"]["Networks"]) == ["none"]


def test_old_and_new_stored_shapes_give_the_same_object() -> None:
    new = {**OLD_HOST, "Tmpfs": tmpfs_map(OLD_HOST["Tmpfs"]), "PidsLimit": None}
    assert host_config(new) == host_config(OLD_HOST)
    assert host_config({**OLD_HOST, "Binds": []})["Binds"] is None
    assert "Tmpfs" not in host_config({**OLD_HOST, "Tmpfs": []})


def test_limits_and_init_as_docker_computes_them() -> None:
    host = host_config({"NetworkMode": "host", "Memory": 64 << 20, "PidsLimit": 20,
                        "NanoCpus": 500_000_000, "Init": True})
    assert (host["Memory"], host["MemorySwap"], host["NanoCpus"], host["PidsLimit"]) == (
        67108864, 134217728, 500000000, 20)
    assert list(host)[-1] == "Init" and host["Init"] is True
    assert host["NetworkMode"] == "host"
    assert host_config({"PidsLimit": -1})["PidsLimit"] is None


def test_templates_read_every_docker_field_of_an_old_container() -> None:
    obj = go_shaped(inspect_container(_container(OLD_HOST, OLD_MOUNTS)))
    template = parse("{{.HostConfig.Privileged}} {{.HostConfig.RestartPolicy.Name}} "
                     "{{json .HostConfig.Tmpfs}} {{.HostConfig.LogConfig.Config.x}} "
                     "{{.HostConfig.ShmSize}} {{json .ExecIDs}} {{.AppArmorProfile}}|")
    assert template.execute(obj) == (
        'false no {"/a":"","/run":"rw,size=1m"} <no value> 67108864 null |')
