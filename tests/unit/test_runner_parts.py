"""The runner's pure parts: sizes, signals, names, durations, the json-file log writer."""

from __future__ import annotations

import json
import os
import signal
import stat
from pathlib import Path
from typing import Any

import pytest

from builder.cli.cp import split_arg
from builder.cli.ps import human_duration
from builder.cli.runflags import build_options, env_file_lines, parse_run, parse_size
from builder.errors import ContainerError, ReferenceFormatError
from builder.runner import channel
from builder.runner.cgroups import Limits
from builder.runner.container import Container, Containers, check_name, now, parse_time
from builder.runner.create import CreateOptions, _mounts, _volume_mode, create
from builder.runner.lifecycle import parse_signal
from builder.runner.logs import LogWriter, read_entries
from builder.runner.supervisor import Attach, error_code


def test_parse_size() -> None:
    assert parse_size("512") == 512
    assert parse_size("64k") == 64 << 10
    assert parse_size("32m") == 32 << 20
    assert parse_size("1.5g") == 3 << 29
    assert parse_size("2MB") == 2 << 20
    for bad in ("", "lots", "-1m", "1x"):
        with pytest.raises(ContainerError):
            parse_size(bad)


def test_parse_signal() -> None:
    assert parse_signal("9") == 9
    assert parse_signal("KILL") == signal.SIGKILL
    assert parse_signal("sigusr1") == signal.SIGUSR1
    # an image's STOPSIGNAL may name any of Docker's signals
    assert parse_signal("RTMIN+3") == signal.SIGRTMIN + 3
    assert parse_signal("SIGRTMAX-1") == signal.SIGRTMAX - 1
    assert parse_signal("sigcld") == signal.SIGCHLD
    for bad in ("NOPE", "0", "99", ""):
        with pytest.raises(ContainerError):
            parse_signal(bad)


def test_container_names() -> None:
    check_name("web-1.a_b")
    for bad in ("a", "-x", "bad name", "ünï", "x" * 129, "a/b"):
        with pytest.raises(ContainerError):
            check_name(bad)


def test_human_duration() -> None:
    assert human_duration(0.5) == "Less than a second"
    assert human_duration(1) == "1 second"
    assert human_duration(45) == "45 seconds"
    assert human_duration(90) == "About a minute"
    assert human_duration(600) == "10 minutes"
    assert human_duration(3600) == "About an hour"
    assert human_duration(5 * 3600) == "5 hours"
    assert human_duration(3 * 86400) == "3 days"


def test_times_round_trip() -> None:
    stamp = now()
    assert stamp.endswith("Z") and len(stamp.split(".")[1]) == 10
    assert abs(parse_time(stamp) - parse_time(now())) < 5
    assert parse_time("0001-01-01T00:00:00Z") == 0


def test_log_writer_lines_and_pieces(tmp_path: Path) -> None:
    path = tmp_path / "log"
    log = LogWriter(path)
    log.write("stdout", b"one\ntw")
    log.write("stderr", b"err\n")
    log.write("stdout", b"o\n" + b"x" * (20 * 1024) + b"\n")
    log.write("stdout", b"tail")
    log.close()
    entries = [e for _, e in read_entries(path)]
    assert [(e["stream"], e["log"]) for e in entries[:3]] == [
        ("stdout", "one\n"), ("stderr", "err\n"), ("stdout", "two\n")]
    assert "".join(e["log"] for e in entries[3:5]) == "x" * (20 * 1024) + "\n"
    assert len(entries[3]["log"]) == 16 * 1024
    assert entries[-1]["log"] == "tail"
    for line in path.read_text().splitlines():
        assert set(json.loads(line)) == {"log", "stream", "time"}


def test_log_reader_skips_a_partial_line(tmp_path: Path) -> None:
    path = tmp_path / "log"
    path.write_text('{"log": "a\\n", "stream": "stdout", "time": "t"}\n{"log": "b')
    assert [e["log"] for _, e in read_entries(path)] == ["a\n"]
    assert list(read_entries(tmp_path / "missing")) == []


def test_env_file(tmp_path: Path) -> None:
    path = tmp_path / "env"
    path.write_text("# c\n\nA=1\n  B=two words\nC\n")
    assert env_file_lines(str(path)) == ["A=1", "B=two words", "C"]
    path.write_text("BAD KEY=1\n")
    with pytest.raises(ContainerError):
        env_file_lines(str(path))
    with pytest.raises(ContainerError):
        env_file_lines(str(tmp_path / "missing"))


def test_env_file_as_dockers_reader(tmp_path: Path) -> None:
    """Lines end at \\n only (a form feed stays in its value, a \\r before the \\n goes), a
    BOM is skipped; bytes that are not UTF-8, or an endless file, are an error, not a
    traceback or a hang."""
    path = tmp_path / "env"
    path.write_bytes(b"\xef\xbb\xbfA=1\r\nB=x\x0cy\n")
    assert env_file_lines(str(path)) == ["A=1", "B=x\x0cy"]
    path.write_bytes(b"A=1\nB=\xff\n")
    with pytest.raises(ContainerError, match="invalid utf8 bytes at line 2"):
        env_file_lines(str(path))
    with pytest.raises(ContainerError, match="larger than"):
        env_file_lines("/dev/zero")


def test_split_cp_arg() -> None:
    assert split_arg("c1:/etc/passwd") == ("c1", "/etc/passwd")
    assert split_arg("/host/a:b") == (None, "/host/a:b")
    assert split_arg("./x:y") == (None, "./x:y")
    assert split_arg("plain") == (None, "plain")


def test_error_codes() -> None:
    assert error_code('exec: "x": executable file not found in $PATH') == 127
    assert error_code('exec: "/etc": permission denied') == 126
    assert error_code("cannot set up the container: boom") == 125


def test_lookup_by_name_and_prefix(tmp_path: Path) -> None:
    containers = Containers(tmp_path)
    a = containers.create({"Name": "alpha"})
    b = containers.create({"Name": ""})
    assert containers.get("alpha").id == a.id
    assert containers.get(b.name).id == b.id
    assert containers.get(a.id).id == a.id
    assert containers.get(a.id[:12]).id == a.id
    with pytest.raises(ContainerError, match="No such container"):
        containers.get("nope")
    with pytest.raises(ContainerError, match="already in use"):
        containers.create({"Name": "alpha"})
    assert {c.id for c in containers.all()} == {a.id, b.id}
    half = Path(containers.dir) / ("f" * 64)
    half.mkdir()  # being created: no config yet, so no name
    (Path(b.dir) / "state.json").write_text("not json")  # its state does not matter here
    assert containers.names() == {"alpha", b.name}
    with pytest.raises(ContainerError, match="already in use"):
        containers.create({"Name": b.name})


def test_security_options() -> None:
    from builder.runner.security import parse_security

    def security(*opts: str) -> dict[str, bool]:
        args = [a for opt in opts for a in ("--security-opt", opt)]
        kw = parse_run([*args, "bb"])
        assert kw is not None
        assert build_options(kw).security_opt == list(opts)  # kept as given, as Docker's
        return parse_security(opts)

    assert security("seccomp=unconfined", "no-new-privileges:true") == {
        "no_new_privs": True, "seccomp": False}
    assert security("seccomp:unconfined") == {"no_new_privs": False, "seccomp": False}
    assert security("seccomp=builtin", "no-new-privileges=false") == {
        "no_new_privs": False, "seccomp": True}
    assert security("no-new-privileges", "no-new-privileges:false") == {  # the last one wins
        "no_new_privs": False, "seccomp": True}
    with pytest.raises(ContainerError, match="seccomp profiles are not supported"):
        security("seccomp=/etc/profile.json")
    with pytest.raises(ContainerError, match="only no-new-privileges"):
        security("apparmor=unconfined")


def test_options_and_limits_are_values() -> None:
    a, b = CreateOptions("bb"), CreateOptions("bb")
    assert a == b and a.command == a.env == a.security_opt == []
    a.env.append("X=1")
    assert b.env == [] and a != b  # each gets lists of its own
    with pytest.raises(TypeError):
        hash(a)  # mutable, as Container and Attach: not hashable
    for mutable in (Container(Path("/c"), {}, {}), Attach(None, 1, 2)):
        with pytest.raises(TypeError):
            hash(mutable)
    assert Limits() == Limits(0, 0, 0.0) and Limits().controllers() == []
    assert {Limits(memory=1 << 20), Limits(memory=1 << 20)} == {Limits(1 << 20)}
    assert Limits(pids=-1, cpus=0.5).controllers() == ["pids", "cpu"]


def test_status_channel_carries_messages_and_fds() -> None:
    ours, theirs = channel.pair(pass_fds=True)
    read_end, write_end = os.pipe()
    try:
        channel.send_fds(theirs.fileno(), b'{"pty": 1}', [write_end])
        os.write(theirs.fileno(), b'{"exit": 3}\n')
        msg, fds = ours.receive()
        assert (json.loads(msg), len(fds)) == ({"pty": 1}, 1)
        os.write(fds[0], b"x")  # the same pipe, through another fd
        os.close(fds[0])
        assert os.read(read_end, 1) == b"x"
        assert ours.receive() == (b'{"exit": 3}\n', [])
        theirs.close()
        assert ours.receive() == (b"", [])
    finally:
        ours.close()
        os.close(read_end)
        os.close(write_end)


def test_status_channel_without_fds_is_a_pipe_of_lines() -> None:
    ours, theirs = channel.pair(pass_fds=False)
    try:
        assert stat.S_ISFIFO(os.fstat(ours.fileno()).st_mode)
        ours.setblocking(False)
        with pytest.raises(BlockingIOError):
            ours.receive()  # nothing yet
        os.write(theirs.fileno(), b'{"error": "a"}\n{"exit": 3}\n{"par')
        assert ours.receive() == (b'{"error": "a"}', [])
        assert ours.receive() == (b'{"exit": 3}', [])
        with pytest.raises(BlockingIOError):
            ours.receive()  # half a message: wait for the rest
        os.write(theirs.fileno(), b'tial": 1}\n\n')
        assert ours.receive() == (b'{"partial": 1}', [])
        os.write(theirs.fileno(), b'{"cut": ')
        theirs.close()
        ours.setblocking(True)
        assert ours.receive() == (b'{"cut": ', [])  # what came, then the end
        assert ours.receive() == (b"", [])
    finally:
        ours.close()


@pytest.mark.parametrize(("flags", "message"), [
    ({"workdir": "relative"},
     "the working directory 'relative' is invalid, it needs to be an absolute path"),
    ({"memory": 1}, "Minimum memory limit allowed is 6MB"),
    ({"memory": parse_size("100k")}, "Minimum memory limit allowed is 6MB"),
    ({"tmpfs": ["/x:size=bogus"]}, "invalid --tmpfs /x:size=bogus: invalid tmpfs option "
                                   "'size=bogus'"),
    ({"tmpfs": ["/x:rw,bogus"]}, "invalid tmpfs option 'bogus'"),
    ({"tmpfs": ["/x:mode=999"]}, "invalid tmpfs option 'mode=999'"),
    ({"tmpfs": ["/x:colour=red"]}, "invalid tmpfs option 'colour=red'"),
    ({"tmpfs": ["relative"]}, "invalid tmpfs path: relative"),
])
def test_create_refuses_bad_flags_before_looking_for_the_image(
        tmp_path: Path, flags: dict[str, Any], message: str) -> None:
    with pytest.raises(ContainerError) as info:
        create(tmp_path, CreateOptions(image="never-looked-up", **flags))
    assert message in str(info.value)
    assert not (tmp_path / "store").exists()


def test_create_takes_docker_tmpfs_options_and_the_smallest_memory(tmp_path: Path) -> None:
    """Good flags get past the checks: the image lookup is what fails."""
    opts = CreateOptions(image="UPPER", workdir="/w", memory=6 << 20,
                         tmpfs=["/x", "/y:rw,noexec,nosuid,size=64m,mode=1777,uid=0"])
    with pytest.raises(ReferenceFormatError,
                       match="invalid reference format: repository name must be lowercase"):
        create(tmp_path, opts)


@pytest.mark.parametrize(("mode", "source", "words"), [
    ("", "/h", set()), ("ro", "/h", {"ro"}), ("ro,z", "/h", {"ro", "z"}),
    ("Z,cached,rprivate", "/h", {"Z", "cached", "rprivate"}), ("nocopy", "vol", {"nocopy"}),
    ("delegated,rw", "vol", {"delegated", "rw"}),
])
def test_volume_modes_docker_takes(mode: str, source: str, words: set[str]) -> None:
    assert _volume_mode(mode, source) == words


@pytest.mark.parametrize(("mode", "source", "message"), [
    ("rx", "/h", "invalid mode: rx$"), ("ro,rw", "/h", "invalid mode: ro,rw$"),
    ("z,Z", "/h", "invalid mode"), ("shared", "/h", "propagation shared is not supported"),
    ("nocopy", "/h", "nocopy is for volumes"),
])
def test_volume_modes_docker_refuses(mode: str, source: str, message: str) -> None:
    with pytest.raises(ContainerError, match=message):
        _volume_mode(mode, source)


def test_a_volume_cannot_be_the_root(tmp_path: Path) -> None:
    opts = CreateOptions(image="bb", volumes=[f"{tmp_path}:/"])
    with pytest.raises(ContainerError, match="destination can't be '/'"):
        _mounts(tmp_path, opts, [])


@pytest.mark.parametrize("value", ["", "=x"])
def test_an_env_flag_with_no_name_is_refused(value: str) -> None:
    kw = parse_run(["-e", value, "bb"])
    assert kw is not None
    with pytest.raises(ContainerError, match="invalid environment variable"):
        build_options(kw)


def test_merge_env_as_dockers_replace_or_append(monkeypatch: pytest.MonkeyPatch) -> None:
    from builder.runner.container import merge_env

    monkeypatch.setenv("FROM_CALLER", "c")
    monkeypatch.delenv("NOT_SET", raising=False)
    monkeypatch.delenv("B", raising=False)
    env = ["PATH=/bin", "A=1", "B=2"]
    # set in place or appended; a bare name the caller has no value for unsets it
    assert merge_env(env, ["A=x", "NEW=1", "FROM_CALLER", "B", "NOT_SET"]) == [
        "PATH=/bin", "A=x", "NEW=1", "FROM_CALLER=c"]
    assert merge_env(env, ["A", "A=y"]) == ["PATH=/bin", "B=2", "A=y"]
    assert merge_env(["A=1", "A=2"], ["A=3"]) == ["A=3"]


def _options(*args: str) -> CreateOptions:
    kw = parse_run([*args, "bb"])
    assert kw is not None
    return build_options(kw)


def test_expose_as_dockers_client() -> None:
    def exposed(*specs: str) -> list[str]:
        return _options(*[a for s in specs for a in ("--expose", s)]).exposed

    assert exposed("80", "80/tcp", "81-81", "9-11/udp") == [
        "80/tcp", "81/tcp", "9/udp", "10/udp", "11/udp"]
    # the protocol as given, unchecked; a range from its first two parts
    assert exposed("443/", "7/X/y", "8-9-10") == ["443/tcp", "7/X", "8/tcp", "9/tcp"]


@pytest.mark.parametrize(("spec", "message"), [
    ("x", 'invalid range format for --expose: x, error: strconv.ParseUint: parsing "x": '
          "invalid syntax"),
    ("1:2", "invalid port format for --expose: 1:2"),
    ("9-3", "invalid range format for --expose: 9-3, error: Invalid range specified for the "
            "Port: 9-3"),
    ("/tcp", "invalid range format for --expose: /tcp, error: Empty string specified for ports"),
    ("70000", 'invalid range format for --expose: 70000, error: strconv.ParseUint: parsing '
              '"70000": value out of range'),
])
def test_expose_refused_as_by_docker_20_10s_client(spec: str, message: str) -> None:
    with pytest.raises(ContainerError) as caught:
        _options("--expose", spec)
    assert str(caught.value) == message


def test_labels_from_flags_and_files(tmp_path: Path) -> None:
    (tmp_path / "l").write_text("# c\nfile1=x\n  bare\nb=fromfile\n\n")
    opts = _options("--label-file", str(tmp_path / "l"), "-l", "b=2", "-l", "solo")
    assert opts.labels == {"file1": "x", "b": "2", "solo": ""}  # a file's bare name: none
    with pytest.raises(ContainerError, match="invalid label '=x': empty name"):
        _options("-l", "=x")


@pytest.mark.parametrize("sig", ["term", "SIGRTMIN+3", "9", "99"])
def test_stop_signals_docker_takes(sig: str) -> None:
    assert _options("--stop-signal", sig).stop_signal == sig


@pytest.mark.parametrize("sig", ["0", "NOPE", "SIGSIG"])
def test_stop_signals_docker_refuses(sig: str) -> None:
    with pytest.raises(ContainerError, match=f"^Invalid signal: {sig}$"):
        _options("--stop-signal", sig)
