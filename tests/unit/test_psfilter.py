"""``ps`` filters on container records, as Docker 20.10's daemon applies them."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest

from builder.blobs import counted_size
from builder.errors import ContainerError, FlagError
from builder.runner.container import ZERO_TIME, Container
from builder.runner.psfilter import Selection, parse
from builder.runner.size import container_size

IMAGE = "sha256:" + "a" * 64
OTHER = "sha256:" + "b" * 64


def _container(n: int, name: str, status: str, code: int = 0, labels: dict[str, str] | None
               = None, image: str = IMAGE, mounts: list[dict[str, Any]] | None = None,
               network: str = "none") -> Container:
    started = ZERO_TIME if status == "created" else "2024-01-01T00:00:00Z"
    config = {"Id": f"{n:x}" * 64, "Name": name, "Image": image, "Mounts": mounts or [],
              "Config": {"Labels": labels or {}}, "HostConfig": {"NetworkMode": network}}
    return Container(f"/nowhere/{n}", config, {"Status": status, "ExitCode": code,
                                               "StartedAt": started})


# newest first, as Containers.all() gives them
NEW = _container(4, "new", "created", mounts=[
    {"Type": "volume", "Name": "vol1", "Source": "/v/vol1/_data", "Destination": "/data"}])
THREE = _container(3, "three", "exited", 3, labels={"team": "a", "solo": ""}, image=OTHER)
OK = _container(2, "ok", "exited", 0, mounts=[
    {"Type": "bind", "Source": "/src", "Destination": "/mnt"}])
RUN = _container(1, "run", "running", network="host")
ALL = [NEW, THREE, OK, RUN]


def _names(*filters: str, show_all: bool = True, last: int = 0) -> list[str]:
    images = {"base": IMAGE, "other": OTHER}
    chosen = Selection(ALL, parse(filters), show_all, last, images.get).select(ALL)
    return [c.name for c in chosen]


@pytest.mark.parametrize(("filters", "expected"), [
    ((), ["new", "three", "ok", "run"]),
    (("id=2",), ["ok"]),
    (("id=" + "2" * 64,), ["ok"]),
    (("id=",), []),
    (("id=1", "id=2"), ["ok", "run"]),
    (("name=o",), ["ok"]),
    (("name=^/r",), ["run"]),
    (("name=^r",), ["run"]),
    (("name=e$", "name=^ok$"), ["three", "ok"]),
    (("name=[",), []),
    (("name=OK",), []),
    (("label=team",), ["three"]),
    (("label=solo=",), ["three"]),
    (("label=team=a", "label=solo"), ["three"]),
    (("label=team=b", "label=solo"), []),
    (("label=",), []),
    (("exited=0",), ["ok"]),
    (("exited=3", "exited=0"), ["three", "ok"]),
    (("exited=+3",), ["three"]),
    (("status=created", "status=running"), ["new", "run"]),
    (("status=exited", "exited=3"), ["three"]),
    (("status=paused",), []),
    (("before=ok",), ["run"]),
    (("since=ok",), ["new", "three"]),
    (("since=/ok", "before=new"), ["three"]),
    (("ancestor=base",), ["new", "ok", "run"]),
    (("ancestor=base", "ancestor=other"), ["new", "three", "ok", "run"]),
    (("ancestor=nope",), []),
    (("volume=vol1",), ["new"]),
    (("volume=/data",), ["new"]),
    (("volume=/src",), ["ok"]),
    (("volume=/mnt",), ["ok"]),
    (("volume=/v/vol1/_data",), []),
    (("network=none",), ["new", "three", "ok"]),
    (("network=host",), ["run"]),
    (("network=",), ["new", "three", "ok", "run"]),
    (("network=bridge",), []),
    (("is-task=true",), []),
    (("is-task=false",), ["new", "three", "ok", "run"]),
    (("isolation=default",), ["new", "three", "ok", "run"]),
    (("health=none",), ["new", "three", "ok", "run"]),
    (("health=healthy",), []),
    (("publish=80",), []),
    ((" Status = exited ", ""), ["three", "ok"]),
])
def test_filters(filters: tuple[str, ...], expected: list[str]) -> None:
    assert _names(*filters) == expected


def test_name_and_id_narrow_before_the_walk() -> None:
    # Docker looks for the before/since container among the name matches only
    assert _names("name=run", "before=ok") == []
    assert _names("name=ok", "since=three") == ["ok"]


def test_without_all() -> None:
    assert _names(show_all=False) == ["run"]
    assert _names("status=exited", show_all=False) == ["three", "ok"]
    assert _names("exited=0", show_all=False) == []
    assert _names("since=ok", show_all=False) == []
    assert _names("before=three", show_all=False) == ["run"]


def test_last() -> None:
    assert _names(show_all=False, last=2) == ["new", "three"]
    assert _names("status=exited", show_all=False, last=1) == ["three"]
    assert _names("name=o", show_all=False, last=5) == ["ok"]
    assert _names(show_all=False, last=0) == ["run"]


@pytest.mark.parametrize(("filters", "message"), [
    (("foo=bar",), "Invalid filter 'foo'"),
    (("label=x", "foo=bar"), "Invalid filter 'foo'"),
    (("=x",), "Invalid filter ''"),
    (("status=bogus",), "Invalid filter 'status=bogus'"),
    (("status=",), "Invalid filter 'status='"),
    (("exited=x",), 'strconv.Atoi: parsing "x": invalid syntax'),
    (("exited=",), 'strconv.Atoi: parsing "": invalid syntax'),
    (("exited=1_0",), 'strconv.Atoi: parsing "1_0": invalid syntax'),
    (("exited=99999999999999999999",),
     'strconv.Atoi: parsing "99999999999999999999": value out of range'),
    (("health=x",), "Unrecognised filter value for health: x"),
    (("is-task=x",), "Invalid filter 'is-task=[x]'"),
    (("before=nope",), "no such container nope"),
    (("since=" + "2" * 12,), "no such container " + "2" * 12),
    (("before=",), "no such container"),
])
def test_errors(filters: tuple[str, ...], message: str) -> None:
    with pytest.raises(ContainerError) as err:
        _names(*filters)
    assert str(err.value) == message


def test_bad_format() -> None:
    with pytest.raises(FlagError, match="bad format of filter"):
        parse(["status"])


def test_sizes(tmp_path: Path) -> None:
    layer = tmp_path / "layer"
    (layer / "d").mkdir(parents=True)
    (layer / "d" / "f").write_bytes(b"x" * 1000)
    os.link(layer / "d" / "f", layer / "hard")
    os.symlink("d/f", layer / "link")
    (layer / "empty").touch()
    assert counted_size(str(layer)) == 1003
    assert counted_size(str(tmp_path / "missing")) == 0
    cdir = tmp_path / "containers" / "c"
    (cdir / "upper" / "w").mkdir(parents=True)
    (cdir / "upper" / "w" / "f").write_bytes(b"hi\n")
    init = tmp_path / "containers" / ".init" / "x"
    (init / "etc").mkdir(parents=True)
    (init / "etc" / "hosts").write_bytes(b"127.0.0.1 localhost\n")
    c = Container(str(cdir), {"Snapshot": "overlay", "LowerDirs": [str(layer), str(init)]}, {})
    assert container_size(c) == (3, 1006)


def test_container_ls_takes_the_flags_of_ps(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from builder.cli.app import cli

    for args in (["-a"], ["-f", "status=exited", "-n", "1", "-s"]):
        result = CliRunner().invoke(cli, ["--root", str(tmp_path), "container", "ls", *args])
        assert (result.exit_code, result.output) == (0, "CONTAINER ID   IMAGE     COMMAND   "
                                                     "CREATED   STATUS    PORTS     NAMES"
                                                     + ("     SIZE" if "-s" in args else "") + "\n")
