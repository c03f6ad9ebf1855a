"""The fast entry's flag parser reads ``run`` and ``build`` arguments exactly as click does,
and declines (``None``) whatever it does not read, so that click explains it."""

from __future__ import annotations

from typing import Any

import click
import pytest

from builder.cli.build import build as build_command
from builder.cli.buildflags import parse_build, request_of
from builder.cli.run import run as run_command
from builder.cli.runflags import parse_run
from builder.errors import FlagError, ReferenceFormatError


def _click(command: click.Command, args: list[str]) -> dict[str, Any]:
    ctx = command.make_context(command.name or "", list(args))
    return dict(ctx.params)


RUN_ARGS = [
    ["bb", "true"],
    ["--rm", "bb", "true"],
    ["--rm", "-d", "bb"],
    ["-it", "bb", "sh"],
    ["-dit", "--name", "web", "bb", "httpd", "-f"],
    ["-e", "A=1", "-eB=2", "--env", "C=3", "--env=D=4", "bb", "env"],
    ["-w", "/tmp", "-u", "1000:1000", "bb", "id", "-u"],
    ["--entrypoint", "", "bb", "echo", "hi"],
    ["--entrypoint=/bin/sh", "bb", "-c", "echo --rm"],
    ["-v", "/a:/b:ro", "--volume", "named:/data", "--tmpfs", "/run", "bb"],
    ["--pids-limit", "64", "--memory", "32m", "--cpus", "1.5", "bb", "true"],
    ["--pids-limit=-1", "-m32m", "bb"],
    ["--network", "host", "--net=none", "bb"],
    ["--security-opt", "no-new-privileges", "--read-only", "--init", "bb"],
    ["--security-opt=seccomp=unconfined", "bb"],
    ["-h", "box", "--hostname=other", "bb", "hostname"],
    ["--", "bb", "--rm"],
    ["--rm", "bb", "--", "x"],
    ["-i", "-e", "-x", "bb"],
    ["--env-file", "/dev/null", "bb"],
]


@pytest.mark.parametrize("args", RUN_ARGS, ids=" ".join)
def test_run_arguments_read_as_click_reads_them(args: list[str]) -> None:
    fast = parse_run(args)
    assert fast is not None
    assert fast == _click(run_command, args)


BUILD_ARGS = [
    [],
    ["."],
    ["-t", "app", "."],
    [".", "-t", "app", "-t", "app:2"],
    ["-q", "--no-cache", "--pull", "ctx"],
    ["-f", "Dockerfile.dev", "--build-arg", "A=1", "--build-arg=B", "--target", "t", "ctx"],
    ["--jobs", "4", "--progress", "plain", "--network=none", "ctx"],
    ["--progress=json", "--iidfile", "/tmp/id", "--label", "k=v", "-"],
    ["-o", "type=local,dest=out", "--output=type=oci,dest=x.tar", "ctx"],
    ["--secret", "id=s,src=f", "--runtime", "runc", "--snapshotter", "copy", "ctx"],
    ["--cache-to", "type=local,dest=c", "--cache-from", "type=local,src=c", "ctx"],
    ["--cache-keep-storage", "1GB", "--all-stages", "--no-cache-filter", "a", "ctx"],
    ["-qt", "app", "ctx"],
    ["--", "-ctx"],
]


@pytest.mark.parametrize("args", BUILD_ARGS, ids=lambda a: " ".join(a) or "(none)")
def test_build_arguments_read_as_click_reads_them(args: list[str]) -> None:
    fast = parse_build(args)
    assert fast is not None
    assert fast == _click(build_command, args)


DECLINED_RUN = [
    [],  # no image
    ["--help"],
    ["--rm"],
    ["--bogus", "bb"],
    ["-x", "bb"],
    ["--rm=yes", "bb"],
    ["--pids-limit", "many", "bb"],
    ["--cpus", "x", "bb"],
    ["-e"],
    ["--name"],
]


@pytest.mark.parametrize("args", DECLINED_RUN, ids=lambda a: " ".join(a) or "(none)")
def test_run_declines_what_click_must_explain(args: list[str]) -> None:
    assert parse_run(args) is None


DECLINED_BUILD = [
    ["--help"],
    ["a", "b"],
    ["--jobs", "0", "."],
    ["--jobs", "x", "."],
    ["--progress", "fancy", "."],
    ["--network", "bridge", "."],
    ["--runtime=crun", "."],
    ["--squash", "."],
    ["-t"],
]


@pytest.mark.parametrize("args", DECLINED_BUILD, ids=" ".join)
def test_build_declines_what_click_must_explain(args: list[str]) -> None:
    assert parse_build(args) is None
    with pytest.raises(click.exceptions.Exit if args == ["--help"] else click.UsageError):
        _click(build_command, args)


@pytest.mark.parametrize("tag", ["foo:1@sha256:" + "a" * 64, "foo@sha256:" + "b" * 64])
def test_build_refuses_a_tag_with_a_digest(tag: str) -> None:
    kw = parse_build(["-t", "ok:1", "-t", tag, "/nonexistent"])
    assert kw is not None
    with pytest.raises(ReferenceFormatError,
                       match=f"invalid tag '{tag}': build tag cannot contain a digest"):
        request_of(kw)


@pytest.mark.parametrize(("flags", "outputs"), [
    (["-o", "-"], [("tar", "-")]),
    (["-o", "out"], [("local", "out")]),
    (["-o", "type=tar,dest=fs.tar", "-o", "type=oci,dest=-"], [("tar", "fs.tar"), ("oci", "-")]),
    (["-o", "type=docker,dest=-"], [("docker", "-")]),
])
def test_build_outputs_as_buildx_reads_them(flags: list[str],
                                            outputs: list[tuple[str, str]]) -> None:
    kw = parse_build([*flags, "ctx"])
    assert kw is not None
    assert [(o.type, o.dest) for o in request_of(kw).outputs] == outputs


@pytest.mark.parametrize(("flags", "message"), [
    (["-o", "type=local,dest=-"], "type=local needs a directory"),
    (["-o", "-", "-o", "type=oci,dest=-"], "only one --output can go to the standard output"),
    (["-q", "-o", "-"], "-q prints the image ID on the standard output"),
    (["-o", "type=zip,dest=x"], "unsupported output type 'zip'"),
])
def test_build_refuses_outputs_that_cannot_be(flags: list[str], message: str) -> None:
    kw = parse_build([*flags, "ctx"])
    assert kw is not None
    with pytest.raises(FlagError, match=message):
        request_of(kw)
