"""``dockyard run`` next to ``docker run`` of the same image on a private dockerd."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.integration.dockerd import Dockerd, busybox_context, loaded_dockerd

REPO = Path(__file__).resolve().parents[2]

pytestmark = pytest.mark.integration


def _dockyard(root: Path, *args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
    proc = subprocess.run([sys.executable, "-m", "builder", "--root", str(root), *args],
                          capture_output=True, text=True, env={**os.environ,
                                                               "PYTHONPATH": str(REPO)},
                          timeout=120)
    if check and proc.returncode != 0:
        raise AssertionError(f"dockyard {args} failed: {proc.stderr}")
    return proc


@pytest.fixture(scope="module")
def both(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, Dockerd]]:
    base = tmp_path_factory.mktemp("runner-docker")
    root = base / "root"
    ctx = busybox_context(base / "ctx", "RUN mkdir -p /etc /w && echo 'u:x:1000:1000::/home/u:"
                                        "/bin/sh' > /etc/passwd\nENV GREETING=hello\nWORKDIR /w\n")
    _dockyard(root, "build", "-t", "cmp", str(ctx))
    archive = base / "cmp.tar"
    _dockyard(root, "save", "-o", str(archive), "cmp")
    with loaded_dockerd(base / "dockerd", archive) as daemon:
        yield root, daemon


def _pair(both: tuple[Path, Dockerd], *args: str) -> tuple[Any, Any]:
    root, daemon = both
    ours = subprocess.run([sys.executable, "-m", "builder", "--root", str(root), "run", "--rm",
                           *args], capture_output=True, timeout=120,
                          env={**os.environ, "PYTHONPATH": str(REPO)})
    theirs = daemon.docker("run", "--rm", "--network", "none", *args, check=False)
    return ((ours.returncode, ours.stdout, ours.stderr),
            (theirs.returncode, theirs.stdout, theirs.stderr))


@pytest.mark.parametrize("args", [
    ["cmp", "sh", "-c", "echo out; echo err >&2; exit 3"],
    ["cmp", "sh", "-c", "env | grep -v ^HOSTNAME= | sort"],
    ["-u", "1000", "cmp", "sh", "-c", "id; echo $HOME; pwd"],
    ["-u", "1000:5", "cmp", "id"],
    ["-u", "0", "cmp", "id"],
    ["-u", "4242", "cmp", "sh", "-c", "id; echo $HOME"],
    ["-e", "GREETING=bye", "-w", "/tmp/x", "cmp", "sh", "-c", "echo $GREETING; pwd"],
    # the environment's order, and -e NAME without a value in the caller's unsetting NAME
    ["-e", "A=1", "-e", "GREETING", "-e", "PATH=/bin:/usr/bin", "cmp", "sh", "-c",
     "tr '\\0' '\\n' < /proc/$$/environ | grep -v ^HOSTNAME="],
    ["-t", "-e", "Z=1", "cmp", "sh", "-c",
     "tr '\\0' '\\n' < /proc/$$/environ | grep -v ^HOSTNAME="],
    ["cmp", "sh", "-c", "grep -E '^(CapBnd|CapEff|CapPrm|NoNewPrivs):' /proc/self/status"],
    ["-u", "1000", "cmp", "sh", "-c", "grep -E '^(CapBnd|CapEff|CapPrm):' /proc/self/status"],
    ["--security-opt", "no-new-privileges", "cmp", "grep", "NoNewPrivs", "/proc/self/status"],
    ["cmp", "sh", "-c", "ls /dev | sort; ls /dev/pts; ls -l /dev/ptmx /dev/null | cut -c1-10"],
    ["cmp", "sh", "-c", "cat /etc/hosts | grep -v $(hostname); ls -l /etc/resolv.conf | wc -l"],
    ["-t", "cmp", "tty"],
    ["--entrypoint", "echo", "cmp", "a", "b"],
    ["cmp", "sh", "-c", "kill -9 $$; echo survived"],  # PID 1 ignores it
    ["--init", "cmp", "sh", "-c", "kill -9 $$; echo survived"],  # not PID 1 there
    ["cmp", "sh", "-c", "echo $$; cat /proc/1/cmdline | tr '\\0' ' '"],
    ["cmp", "cat", "/etc/hostname/"],
])
def test_same_as_docker(both: tuple[Path, Dockerd], args: list[str]) -> None:
    ours, theirs = _pair(both, *args)
    assert ours == theirs


def test_inspect_and_log_shape_match_docker(both: tuple[Path, Dockerd]) -> None:
    root, daemon = both
    _dockyard(root, "run", "--name", "shape", "cmp", "sh", "-c", "echo out; echo err >&2")
    daemon.docker("run", "--name", "shape", "--network", "none", "cmp", "sh", "-c",
                  "echo out; echo err >&2")
    ours = json.loads(_dockyard(root, "inspect", "shape").stdout)[0]
    theirs = json.loads(daemon.docker("inspect", "shape").stdout)[0]
    assert set(ours["State"]) <= set(theirs["State"])
    assert {k: ours["State"][k] for k in ("Status", "Running", "ExitCode", "OOMKilled")} == \
        {k: theirs["State"][k] for k in ("Status", "Running", "ExitCode", "OOMKilled")}
    assert (ours["Path"], ours["Args"]) == (theirs["Path"], theirs["Args"])
    assert ours["Config"]["Env"] == theirs["Config"]["Env"]
    assert ours["Config"]["WorkingDir"] == theirs["Config"]["WorkingDir"]
    for key in ("ResolvConfPath", "HostnamePath", "HostsPath", "LogPath"):  # made by the start
        assert os.path.isfile(ours[key]) and os.path.isfile(theirs[key])
        # the log's name differs: container-json.log where Docker has <id>-json.log
        assert ours[key].rpartition("/")[2].removeprefix("container") == \
            theirs[key].rpartition("/")[2].removeprefix(theirs["Id"])

    def entries(path: str) -> list[tuple[str, str]]:
        lines = Path(path).read_text().splitlines()
        return sorted((json.loads(x)["stream"], json.loads(x)["log"]) for x in lines)

    assert entries(ours["LogPath"]) == entries(theirs["LogPath"])
    assert _dockyard(root, "logs", "shape").stdout == daemon.docker(
        "logs", "shape").stdout.decode()
    _dockyard(root, "rm", "shape")
    daemon.docker("rm", "shape")


def _created(both: tuple[Path, Dockerd], name: str,
             args: list[str]) -> tuple[dict[str, Any], dict[str, Any]]:
    """``inspect`` of a container created on each side by ``create --name NAME ARGS``
    (``--network none`` on Docker's unless ARGS name one); both are removed again."""
    root, daemon = both
    network = [] if "--network" in args else ["--network", "none"]
    _dockyard(root, "create", "--name", name, *args)
    daemon.docker("create", "--name", name, *network, *args)
    try:
        return (json.loads(_dockyard(root, "inspect", name).stdout)[0],
                json.loads(daemon.docker("inspect", name).stdout)[0])
    finally:
        _dockyard(root, "rm", "-v", name)
        daemon.docker("rm", "-v", name)


# HostConfig keys whose values are not compared (their presence and place are), and why
_HOST_VALUES_DIFFER = {
    "MaskedPaths": "newer Docker's list is masked (with /proc/interrupts and "
                   "/sys/devices/virtual/powercap), which 20.10 leaves visible",
}
if os.path.exists("/sys/fs/cgroup/cgroup.controllers"):
    _HOST_VALUES_DIFFER["CgroupnsMode"] = ("no cgroup namespace is made; Docker 20.10 makes "
                                           "one on a cgroup v2 host")


@pytest.mark.parametrize(("name", "flags"), [
    ("plain", []),
    ("limits", ["-m", "64m", "--cpus", "0.5", "--pids-limit", "20"]),
    # bind sources that hold no daemon's root: Docker gives a bind of one (/tmp, in a run
    # whose dockerd lives under /tmp) rslave propagation instead of its default rprivate
    ("fs", ["--read-only", "--tmpfs", "/run:rw,size=1m", "-v", "/srv:/data:ro"]),
    ("proc", ["--init", "-e", "A=1", "-w", "/tmp", "-u", "1000"]),
    ("hostnet", ["--security-opt", "seccomp=unconfined", "--network", "host"]),
    ("secopts", ["--security-opt", "seccomp:unconfined", "--security-opt",
                 "no-new-privileges:true"]),
    ("more", ["--cpus", "1.001", "--tmpfs", "/b", "--tmpfs", "/a:ro", "-v", "/srv:/c",
              "-v", "named:/n", "--pids-limit", "-1", "-t"]),
])
def test_created_container_inspects_as_docker(both: tuple[Path, Dockerd], name: str,
                                              flags: list[str]) -> None:
    """The whole object's keys in Docker's order; HostConfig's values, but for
    :data:`_HOST_VALUES_DIFFER`; State, Mounts, Config and NetworkSettings as Docker's."""
    ours, theirs = _created(both, name, [*flags, "cmp", "true"])
    assert list(ours) == list(theirs)
    paths = ("ResolvConfPath", "HostnamePath", "HostsPath", "LogPath")
    assert [ours[k] for k in paths] == [theirs[k] for k in paths] == ["", "", "", ""]
    assert list(ours["HostConfig"]) == list(theirs["HostConfig"])
    for key, value in theirs["HostConfig"].items():
        if key == "Binds" and value is not None:  # Docker 20.10's client orders them anyhow
            assert sorted(ours["HostConfig"][key]) == sorted(value)
        elif key not in _HOST_VALUES_DIFFER:
            assert (key, ours["HostConfig"][key]) == (key, value)
    assert list(ours["GraphDriver"]["Data"]) == list(theirs["GraphDriver"]["Data"])
    assert ours["State"] == theirs["State"]
    volume_sources = {m["Destination"] for m in theirs["Mounts"] if m["Type"] == "volume"}
    for mount in ours["Mounts"] + theirs["Mounts"]:  # in each daemon's own directory
        if mount["Destination"] in volume_sources:
            mount["Source"] = ""
    assert sorted(ours["Mounts"], key=str) == sorted(theirs["Mounts"], key=str)
    ours["Config"]["Hostname"] = theirs["Config"]["Hostname"]  # the ID's start, or the host's
    assert json.dumps(ours["Config"]) == json.dumps(theirs["Config"])
    assert json.dumps(ours["NetworkSettings"]) == json.dumps(theirs["NetworkSettings"])


@pytest.fixture(scope="module")
def rich(both: tuple[Path, Dockerd],
         tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Dockerd]:
    """Image ``cmpr``: ``cmp`` with every config field a Dockerfile sets."""
    root, daemon = both
    base = tmp_path_factory.mktemp("rich")
    (base / "Dockerfile").write_text(
        "FROM cmp\nEXPOSE 80 53/udp\nHEALTHCHECK --interval=5s --retries=2 CMD true\n"
        'SHELL ["/bin/sh", "-x", "-c"]\nSTOPSIGNAL SIGUSR1\nVOLUME /v\nLABEL a=1 b=2\n'
        'ONBUILD RUN true\nUSER 1000\nENTRYPOINT ["sh", "-c"]\nCMD ["echo hi"]\n')
    _dockyard(root, "build", "-t", "cmpr", str(base))
    _dockyard(root, "save", "-o", str(base / "cmpr.tar"), "cmpr")
    daemon.docker("load", "-i", str(base / "cmpr.tar"))
    return both


@pytest.mark.parametrize("flags", [
    [],
    ["-u", "0", "-w", "/tmp", "--entrypoint", "echo", "-v", "/srv:/v2", "--stop-signal", "term",
     "--stop-timeout", "3", "-l", "b=3", "-l", "0", "-l", "z=", "--expose", "9-11/udp",
     "--expose", "80", "--expose", "8/sctp", "--expose", "7/x/y"],
    ["--stop-timeout", "-1", "--stop-signal", "SIGRTMIN+3", "--expose", "443/", "--expose",
     "8-9-10", "-l", "a=x"],
])
def test_container_config_from_image_as_docker(rich: tuple[Path, Dockerd],
                                               flags: list[str]) -> None:
    """A container's Config takes the image's exposed ports, healthcheck, volumes, labels,
    stop signal, user and command as Docker merges them."""
    label_file = rich[0].parent / "labels"
    label_file.write_text("# a comment\nb=from file\n  bare\nc=1\n")
    ours, theirs = _created(rich, f"rich{len(flags)}",
                            [*flags, "--label-file", str(label_file), "cmpr"])
    ours["Config"]["Hostname"] = theirs["Config"]["Hostname"]
    assert json.dumps(ours["Config"], indent=1) == json.dumps(theirs["Config"], indent=1)
    assert (ours["Path"], ours["Args"]) == (theirs["Path"], theirs["Args"])


@pytest.fixture(scope="module")
def running(both: tuple[Path, Dockerd]) -> Iterator[tuple[Path, Dockerd]]:
    """A container named ``execs`` running ``cmp`` on both sides."""
    root, daemon = both
    _dockyard(root, "run", "-d", "--name", "execs", "cmp", "sleep", "1000")
    daemon.docker("run", "-d", "--name", "execs", "--network", "none", "cmp", "sleep", "1000")
    try:
        yield both
    finally:
        _dockyard(root, "rm", "-f", "execs", check=False)
        daemon.docker("rm", "-f", "execs", check=False)


@pytest.mark.parametrize("flags", [
    [], ["-u", "1000"], ["-u", "1000:5"], ["-u", "4242"], ["-u", "0:1000"],
    ["-w", "/etc", "-e", "GREETING=bye", "-e", "NEW=1"], ["-t"],
    ["-e", "PATH=/bin", "-e", "NEW=1", "-e", "GREETING", "-e", "HOSTNAME=h"],
])
def test_exec_same_as_docker(running: tuple[Path, Dockerd], flags: list[str]) -> None:
    """User, groups, home, working directory and environment (its order too) of an exec,
    as Docker's."""
    root, daemon = running
    args = ["exec", *flags, "execs", "sh", "-c",
            "id; echo $HOME; pwd; tr '\\0' '\\n' < /proc/$$/environ | grep -v ^HOSTNAME="]
    ours = subprocess.run([sys.executable, "-m", "builder", "--root", str(root), *args],
                          capture_output=True, timeout=120,
                          env={**os.environ, "PYTHONPATH": str(REPO)})
    theirs = daemon.docker(*args)
    assert (ours.returncode, ours.stdout) == (0, theirs.stdout)


@pytest.mark.parametrize(("flags", "command"), [
    (["-u", "nosuch"], ["id"]),
    (["-u", "1000:nosuch"], ["id"]),
    (["-w", "/missing"], ["pwd"]),
    (["-w", "/etc/passwd"], ["pwd"]),
    ([], ["nosuchcmd"]),
    ([], ["/etc"]),
    (["-d"], ["nosuchcmd"]),
    (["-d", "-u", "nosuch"], ["true"]),
])
def test_exec_start_failures_as_docker(running: tuple[Path, Dockerd], flags: list[str],
                                       command: list[str]) -> None:
    """Docker's exec: 126 for any command that cannot start (1 detached), runc's words."""
    root, daemon = running
    ours = _dockyard(root, "exec", *flags, "execs", *command, check=False)
    theirs = daemon.docker("exec", *flags, "execs", *command, check=False)
    assert ours.returncode == theirs.returncode
    assert ours.stdout == ""  # Docker's attached exec writes it on stdout (docker/cli#2025)
    message = ours.stderr.strip().removeprefix("dockyard: ")
    assert message and "\n" not in message
    assert message in (theirs.stdout + theirs.stderr).decode()  # Docker's words wrap runc's


@pytest.mark.parametrize("template", [
    "{{.State.Status}} {{.State.ExitCode}} {{.State.Running}}",
    "{{.Name}}|{{.Path}}|{{.Args}}|{{json .Args}}|{{len .Args}}",
    "{{.Config.Labels.nope}}|{{.Config.Env}}|{{.Config.WorkingDir}}",
    "{{.Config.Entrypoint}}|{{json .Config.Entrypoint}}|{{len .Config.OnBuild}}",
    "{{range $i, $a := .Args}}{{$i}}={{$a}};{{end}}{{if .State.Running}}up{{else}}down{{end}}",
    '{{index .Args 0}} {{printf "%q %5.1f %x" .Path 2.25 255}} {{upper .Name}}',
    "{{.Nope}}",
    "{{.State.Nope}}",
    "{{foo .}}",
    "{{.State.Status",
    '{{define "x"}}{{.Name}}:{{.State.Status}}{{end}}{{template "x" .}}|'
    '{{block "b" .Args}}{{len .}}{{$}}{{end}}|{{template "b" .Path}}',
    '{{define "x"}}[{{.}}]{{end}}{{template "x"}}{{define "x"}} {{end}}',
    '{{template "nope" .}}',
    '{{define "x"}}\n {{.Nope.X}}{{end}}{{template "x" .Name}}',
    '{{define "x"}}a{{end}}{{define "x"}}b{{end}}',
    '{{define "r"}}{{template "r" .}}{{end}}{{template "r" .}}',
    # the lexer's and parser's words, as Go 1.19's (Docker 20.10's client)
    '{{"\\q"}}', '{{else x}}', '{{range $x, $y, $z := .}}{{end}}', '{{range $a, $b}}{{end}}',
    '{{range .Args}}{{else}}{{else}}{{end}}', '{{range .Args}}{{continue 1}}{{end}}',
    '{{range $a, 3}}{{end}}', '{{$a, $b := 1}}', '{{.Id}', '{{ .Id} }}', '{{.Id!}}',
    '{{.Id-}}', '{{len}', '{{.Id:}}', '{{.Idé}}|{{é}}', '{{.Id€}}', '{{€}}', "{{'\\q'}}",
])
def test_inspect_format_same_as_docker(both: tuple[Path, Dockerd], template: str) -> None:
    root, daemon = both
    if not any(c == "fmt" for c in _dockyard(root, "ps", "-a", "--format",
                                                 "{{.Names}}").stdout.split()):
        _dockyard(root, "run", "--name", "fmt", "cmp", "sh", "-c", "exit 3", check=False)
        daemon.docker("run", "--name", "fmt", "--network", "none", "cmp", "sh", "-c", "exit 3",
                      check=False)
    ours = _dockyard(root, "inspect", "-f", template, "fmt", check=False)
    theirs = daemon.docker("inspect", "-f", template, "fmt", check=False)
    assert (ours.returncode, ours.stdout) == (theirs.returncode, theirs.stdout.decode())
    assert ours.stderr.removeprefix("error: ") == theirs.stderr.decode()


@pytest.mark.parametrize(("command", "template"), [
    ("images", "{{.Repository}}:{{.Tag}}"),
    ("images", r"table {{.Repository}}\t{{.Tag}}\t{{.Digest}}"),
    ("images", "{{.Nope}}"),
    ("ps", r"table {{.Names}}\t{{.Image}}\t{{.State}}\t{{.Networks}}"),
    ("ps", "{{.Names}} {{.Labels}} {{.Mounts}} {{.LocalVolumes}}|{{json .Names}}"),
    ("ps", "table {{.Names}} and {{upper .State}}"),
    ("ps", "{{.Nope}}"),
    ("ps", "{{foo}}"),
    ("ps", "{{.Names}}|{{.Command}}"),
])
def test_list_format_same_as_docker(both: tuple[Path, Dockerd], command: str,
                                    template: str) -> None:
    root, daemon = both
    if not any(c == "lst" for c in _dockyard(root, "ps", "-a", "--format",
                                                 "{{.Names}}").stdout.split()):
        _dockyard(root, "create", "--name", "lst", "cmp", "true")
        daemon.docker("create", "--name", "lst", "--network", "none", "cmp", "true")
    args = [command, "-a" if command == "ps" else "cmp", "--format", template]
    ours = _dockyard(root, *args, check=False)
    theirs = daemon.docker(*args, check=False)
    assert (ours.returncode, ours.stdout) == (theirs.returncode, theirs.stdout.decode())
    assert ours.stderr.removeprefix("error: ") == theirs.stderr.decode()


@pytest.fixture(scope="module")
def listed(both: tuple[Path, Dockerd],
           tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, Dockerd, Path]]:
    """The same four containers on both sides: running (with a bind mount), exited 0 after
    writing a file, exited 3 from an image with labels, created (with a named volume)."""
    root, daemon = both
    base = tmp_path_factory.mktemp("ps-filters")
    (base / "Dockerfile").write_text('FROM cmp\nLABEL team=a solo=""\n')
    _dockyard(root, "build", "-t", "cmpl", str(base))
    _dockyard(root, "save", "-o", str(base / "cmpl.tar"), "cmpl")
    daemon.docker("load", "-i", str(base / "cmpl.tar"))
    bind = f"{base}:/mnt/src"
    for side in ("ours", "docker"):
        def make(*args: str, check: bool = True, side: str = side) -> None:
            if side == "ours":
                _dockyard(root, *args, check=check)
            else:
                daemon.docker(args[0], "--network", "none", *args[1:], check=check)
        make("run", "-d", "--name", "pf-run", "-v", bind, "cmp", "sleep", "1000")
        make("run", "--name", "pf-ok", "cmp", "sh", "-c", "echo hi > /w/f")
        make("run", "--name", "pf-three", "cmpl", "sh", "-c", "exit 3", check=False)
        make("create", "--name", "pf-new", "-v", "pfvol:/data", "cmp", "true")
    try:
        yield root, daemon, base
    finally:
        _dockyard(root, "rm", "-f", "pf-run", check=False)
        daemon.docker("rm", "-f", "pf-run", check=False)


@pytest.mark.parametrize("filters", [
    ["-a"], [], ["-f", "status=exited"], ["-f", "exited=0"], ["-a", "-f", "exited=3"],
    ["-a", "-f", "exited=0", "-f", "exited=3"], ["-a", "-f", "status=exited", "-f", "exited=3"],
    ["-f", "status=created", "-f", "status=running"], ["-a", "-f", "name=pf-r"],
    ["-a", "-f", "name=^pf-(ok|new)$"], ["-a", "-f", "name=^/pf-o"], ["-a", "-f", "name=["],
    ["-a", "-f", "label=team"], ["-f", "label=team"], ["-a", "-f", "label=solo="],
    ["-a", "-f", "label=team=a", "-f", "label=solo"], ["-a", "-f", "label=team=b"],
    ["-a", "-f", "before=pf-ok"], ["-f", "before=pf-ok"], ["-a", "-f", "since=/pf-ok"],
    ["-f", "since=pf-run"], ["-a", "-f", "since=pf-run", "-f", "before=pf-new"],
    ["-a", "-f", "name=pf-run", "-f", "before=pf-ok"],
    ["-a", "-f", "ancestor=cmp"], ["-a", "-f", "ancestor=cmp:latest", "-f", "ancestor=cmpl"],
    ["-a", "-f", "ancestor=nope"], ["-a", "-f", "volume=pfvol"], ["-a", "-f", "volume=/data"],
    ["-a", "-f", "volume=/mnt/src"], ["-a", "-f", "network=none"], ["-a", "-f", "network=host"],
    ["-a", "-f", "is-task=false"], ["-a", "-f", "is-task=true"], ["-a", "-f", "health=none"],
    ["-a", "-f", "isolation=default"], ["-f", " STATUS = exited "],
    ["-n", "2", "-f", "name=pf-"], ["-l", "-f", "name=pf-"], ["-n", "0", "-f", "name=pf-"],
    ["-n", "1", "-f", "name=pf-", "-f", "status=exited"],
])
def test_ps_filters_as_docker(listed: tuple[Path, Dockerd, Path], filters: list[str]) -> None:
    root, daemon, _ = listed
    args = ["ps", "--format", "{{.Names}}", *filters]
    ours = _dockyard(root, *args)
    theirs = daemon.docker(*args)

    def mine(out: str) -> list[str]:  # the module's other tests leave containers too
        names = [n for n in out.split() if n.startswith("pf-")]
        return names if "-n" in filters or "-l" in filters else sorted(names)

    assert mine(ours.stdout) == mine(theirs.stdout.decode())


@pytest.mark.parametrize("template", [
    '{{.Names}} {{.Label "team"}}|{{"solo" | .Label}}|{{.Label "nope"}}|{{.Label .Names}}',
    '{{.Names}} {{define "x"}}{{.Label "team"}}{{end}}{{block "y" .}}{{template "x" .}}{{end}}',
    r'table {{.Names}}\t{{.Label "team"}}\t{{.Label "com.ex.my-key"}}',
    "{{.Names}} {{.Label}}",
    "{{.Names}} {{.Label 3}}",
    '{{.Names}} {{.Nope "x"}}',
])
def test_ps_label_as_docker(listed: tuple[Path, Dockerd, Path], template: str) -> None:
    root, daemon, _ = listed
    args = ["ps", "-a", "--format", template, "-f", "name=pf-"]
    ours = _dockyard(root, *args, check=False)
    theirs = daemon.docker(*args, check=False)
    assert (ours.returncode, ours.stderr.removeprefix("error: ")) == (
        theirs.returncode, theirs.stderr.decode())
    mine, docker = ours.stdout.splitlines(), theirs.stdout.decode().splitlines()
    assert mine[:1] == docker[:1]  # a table's header first; rows in creation order
    assert sorted(mine) == sorted(docker)


def test_ps_filter_by_id_as_docker(listed: tuple[Path, Dockerd, Path]) -> None:
    root, daemon, _ = listed
    for ps in (lambda *a: _dockyard(root, "ps", *a).stdout,
               lambda *a: daemon.docker("ps", *a).stdout.decode()):
        full = ps("-aq", "--no-trunc", "-f", "name=^pf-ok$").strip()
        for ref in (full, full[:5], f"since={full}"):
            arg = ref if "=" in ref else f"id={ref}"
            got = ps("-a", "--format", "{{.Names}}", "-f", arg, "-f", "name=pf-").split()
            assert sorted(got) == (["pf-new", "pf-three"] if "since" in ref else ["pf-ok"])


@pytest.mark.parametrize("filters", [
    ["-f", "foo=bar"], ["-f", "label=x", "-f", "foo=bar"], ["-f", "status=bogus"],
    ["-f", "exited=x"], ["-f", "before=nope"], ["-f", "since=pf-ok", "-f", "since=nope"],
    ["-f", "is-task=x"], ["-f", "health=x"],
])
def test_ps_filter_errors_as_docker(listed: tuple[Path, Dockerd, Path],
                                    filters: list[str]) -> None:
    root, daemon, _ = listed
    ours = _dockyard(root, "ps", "-a", *filters, check=False)
    theirs = daemon.docker("ps", "-a", *filters, check=False)
    assert (ours.returncode, ours.stdout) == (theirs.returncode, theirs.stdout.decode()) == (1, "")
    assert ours.stderr.removeprefix("error: ") == theirs.stderr.decode().removeprefix(
        "Error response from daemon: ")


def test_ps_bad_filter_is_a_usage_error(listed: tuple[Path, Dockerd, Path]) -> None:
    ours = _dockyard(listed[0], "ps", "-f", "status", check=False)
    assert ours.returncode == 2
    assert "bad format of filter (expected name=value)" in ours.stderr


@pytest.mark.parametrize("args", [
    ["--format", "{{.Names}} {{.Mounts}}"],
    ["--no-trunc", "--format", "{{.Names}} {{.Mounts}}"],
    ["--format", "{{json .}}"],
])
def test_ps_mounts_and_json_keys_as_docker(listed: tuple[Path, Dockerd, Path],
                                           args: list[str]) -> None:
    """MOUNTS names each mount's volume or source, cut to 15 characters unless --no-trunc;
    the JSON row has Docker's keys (values that vary aside)."""
    root, daemon, _ = listed
    select = ["-a", "-f", "name=pf-run", "-f", "name=pf-new", "-f", "name=pf-ok"]
    ours = sorted(_dockyard(root, "ps", *select, *args).stdout.splitlines())
    theirs = sorted(daemon.docker("ps", *select, *args).stdout.decode().splitlines())
    if "{{json .}}" in args:
        keep = ("Command", "Labels", "LocalVolumes", "Mounts", "Networks", "Ports", "State")
        # pf-ok's command has a ">": Docker's row marshals itself, escaping it as \u003e
        assert any("\\u003e" in line for line in theirs)
        assert [">" in line for line in ours] == [">" in line for line in theirs]
        ours = [json.dumps({k: v if k in keep else "" for k, v in json.loads(line).items()})
                for line in ours]
        theirs = [json.dumps({k: v if k in keep else "" for k, v in json.loads(line).items()})
                  for line in theirs]
    assert ours == theirs


@pytest.mark.parametrize("args", [
    ["-a", "-s", "--format", "{{.Names}} {{.Size}}"],
    ["-a", "--format", "{{.Names}} {{.Size}}"],
    ["-a", "--format", "{{.Names}} {{json .}}"],
])
def test_ps_size_as_docker(listed: tuple[Path, Dockerd, Path], args: list[str]) -> None:
    root, daemon, _ = listed

    def sizes(out: str) -> list[tuple[str, str]]:
        rows = []
        for line in out.splitlines():
            name, _, rest = line.partition(" ")
            rows.append((name, json.loads(rest)["Size"] if rest.startswith("{") else rest))
        return sorted(r for r in rows if r[0].startswith("pf-"))

    ours = sizes(_dockyard(root, "ps", *args).stdout)
    theirs = sizes(daemon.docker("ps", *args).stdout.decode())
    assert ours == theirs
    assert len(ours) == 4


def test_ps_size_column(listed: tuple[Path, Dockerd, Path]) -> None:
    root, daemon, _ = listed
    ours = _dockyard(root, "ps", "-s", "-f", "name=pf-run").stdout.splitlines()
    theirs = daemon.docker("ps", "-s", "-f", "name=pf-run").stdout.decode().splitlines()
    assert ours[0].split() == theirs[0].split()
    assert ours[1].endswith(" pf-run    0B (virtual " + theirs[1].rpartition("virtual ")[2])


@pytest.fixture(scope="module")
def labelled(both: tuple[Path, Dockerd], tmp_path_factory: pytest.TempPathFactory
             ) -> tuple[Path, Dockerd]:
    """Images with labels, built one after another, on both sides: lab1:1 (also named
    reg.example/ns/lab1), lab2:2 and lab3."""
    root, daemon = both
    base = tmp_path_factory.mktemp("labelled")
    for tag, label in [("lab1:1", "a=1"), ("lab2:2", "a=3 b=2"), ("lab3", "c=x")]:
        (base / "Dockerfile").write_text(f"FROM cmp\nLABEL {label}\n")
        _dockyard(root, "build", "-t", tag, str(base))
    _dockyard(root, "tag", "lab1:1", "reg.example/ns/lab1")
    _dockyard(root, "save", "-o", str(base / "lab.tar"), "lab1:1", "reg.example/ns/lab1",
              "lab2:2", "lab3")
    daemon.docker("load", "-i", str(base / "lab.tar"))
    return root, daemon


def _same_listing(ours: subprocess.CompletedProcess[str],
                  theirs: subprocess.CompletedProcess[bytes]) -> None:
    """Same exit code, error and rows (Docker orders images created in one second anyhow),
    a table's compared cell by cell, its CREATED column left out (a second may pass)."""
    def rows(text: str) -> tuple[list[str], list[list[str]]]:
        lines = text.splitlines()
        if not lines or "IMAGE ID" not in lines[0]:
            return [], sorted([line] for line in lines)
        header = re.split(r" {2,}", lines[0].strip())
        skip = header.index("CREATED")
        cells = [re.split(r" {2,}", line.strip()) for line in lines[1:]]
        return header, sorted([c for i, c in enumerate(row) if i != skip] for row in cells)

    assert (ours.returncode, rows(ours.stdout)) == (theirs.returncode,
                                                    rows(theirs.stdout.decode()))
    assert ours.stderr.removeprefix("error: ") == theirs.stderr.decode().removeprefix(
        "Error response from daemon: ")


@pytest.mark.parametrize("args", [
    ["-f", "label=a"],
    ["-f", "label=a=3"],
    ["-f", "label=a=1", "-f", "label=b"],  # label values are AND-ed
    ["-f", "label=a", "-f", "reference=lab2"],  # keys are AND-ed
    ["-f", "label="],
    ["-f", "dangling=false", "-f", "reference=lab*"],
    ["-f", "dangling=true"],
    ["-f", "reference=lab1"],
    ["-f", "reference=*/*/lab1"],
    ["-f", "reference=lab2:*", "-f", "reference=lab3"],  # reference values are OR-ed
    ["-f", "before=lab3", "-f", "reference=lab*"],
    ["-f", "since=lab1:1"],
    ["-f", "since=lab1:1", "-f", "before=lab3"],
    ["lab*"],
    ["lab1", "-f", "reference=lab3"],  # the argument is one more pattern
    ["docker.io/library/lab1"],
    ["--digests", "-f", "reference=lab*"],
    ["--digests", "--format", "{{.Repository}} {{.Digest}}", "-f", "reference=lab2"],
    ["-f", "foo=1"],
    ["-f", "dangling=maybe"],
    ["-f", "reference=["],
    ["-f", "before=nope"],
    ["-f", "since=nope:2"],
    ["-q", "-f", "label=a"],  # one line a row: lab1's ID twice
])
def test_images_filters_as_docker(labelled: tuple[Path, Dockerd], args: list[str]) -> None:
    root, daemon = labelled
    _same_listing(_dockyard(root, "images", *args, check=False),
                  daemon.docker("images", *args, check=False))


def test_image_sizes_as_docker(labelled: tuple[Path, Dockerd]) -> None:
    """SIZE, and inspect's Size, count the layers' files as Docker does (not their tars)."""
    root, daemon = labelled
    listing = ["images", "--format", "{{.Repository}}:{{.Tag}} {{.Size}}", "-f", "reference=lab*"]
    assert sorted(_dockyard(root, *listing).stdout.splitlines()) == sorted(
        daemon.docker(*listing).stdout.decode().splitlines())
    sizes = ["inspect", "-f", "{{.Size}} {{.VirtualSize}}", "lab1:1", "cmp"]
    assert _dockyard(root, *sizes).stdout == daemon.docker(*sizes).stdout.decode()


def test_images_filter_without_equals_is_a_usage_error(labelled: tuple[Path, Dockerd]) -> None:
    root, daemon = labelled
    ours = _dockyard(root, "images", "-f", "dangling", check=False)
    theirs = daemon.docker("images", "-f", "dangling", check=False)
    message = "bad format of filter (expected name=value)"
    assert ours.returncode != 0 and message in ours.stderr
    assert theirs.returncode != 0 and message in theirs.stderr.decode()


@pytest.mark.parametrize("args", [
    ["-f", "--filter", "foo=1"],
    ["-f", "--filter", "until=1h", "--filter", "until=2h"],
    ["-f", "--filter", "until=nonsense"],
    # lab1 is used by a container: as Docker, its first name goes, the image stays
    ["-a", "-f", "--filter", "label=a=1"],
])
def test_image_prune_errors_and_in_use_as_docker(labelled: tuple[Path, Dockerd],
                                                 args: list[str]) -> None:
    root, daemon = labelled
    if not any(c == "uses-lab1" for c in _dockyard(root, "ps", "-a", "--format",
                                                       "{{.Names}}").stdout.split()):
        _dockyard(root, "create", "--name", "uses-lab1", "lab1:1", "true")
        daemon.docker("create", "--name", "uses-lab1", "--network", "none", "lab1:1", "true")
    _same_listing(_dockyard(root, "image", "prune", *args, check=False),
                  daemon.docker("image", "prune", *args, check=False))
    assert "reg.example/ns/lab1:latest" in _dockyard(root, "images", "--format",
                                                     "{{.Repository}}:{{.Tag}}").stdout


def test_image_prune_as_docker(labelled: tuple[Path, Dockerd],
                               tmp_path_factory: pytest.TempPathFactory) -> None:
    root, daemon = labelled
    base = tmp_path_factory.mktemp("dangling")
    for n, step in enumerate(['RUN ["/bin/busybox", "sh", "-c", "echo hi > /f"]', "LABEL z=1"]):
        (base / "Dockerfile").write_text(f"FROM cmp\n{step}\n")
        _dockyard(root, "build", "-t", "dang", str(base))
        _dockyard(root, "save", "-o", str(base / f"{n}.tar"), "dang")
        daemon.docker("load", "-i", str(base / f"{n}.tar"))
    # declined ("yes" is not "y"): nothing removed, nothing reclaimed
    ours = subprocess.run([sys.executable, "-m", "builder", "--root", str(root), "image",
                           "prune"], input="yes\n", capture_output=True, text=True,
                          env={**os.environ, "PYTHONPATH": str(REPO)}, timeout=120)
    theirs = daemon.docker("image", "prune", input=b"yes\n")
    assert ours.stdout == theirs.stdout.decode()
    assert "<none>" in _dockyard(root, "images").stdout
    ours = subprocess.run([sys.executable, "-m", "builder", "--root", str(root), "image",
                           "prune"], input="y\n", capture_output=True, text=True,
                          env={**os.environ, "PYTHONPATH": str(REPO)}, timeout=120)
    theirs = daemon.docker("image", "prune", input=b"y\n")
    assert (ours.returncode, ours.stdout) == (0, theirs.stdout.decode())
    assert "Deleted Images:\ndeleted: sha256:" in ours.stdout
    assert "<none>" not in _dockyard(root, "images").stdout
    # -a with a label filter: a tagged image goes, untagged first
    ours_a = _dockyard(root, "image", "prune", "-a", "-f", "--filter", "label=c=x")
    theirs_a = daemon.docker("image", "prune", "-a", "-f", "--filter", "label=c=x")
    assert ours_a.stdout == theirs_a.stdout.decode()
    assert ours_a.stdout.startswith("Deleted Images:\nuntagged: lab3:latest\ndeleted: sha256:")
    assert _dockyard(root, "images", "-q", "lab3").stdout == ""
    from builder.store import Store

    assert Store(root).fsck() == []  # the store stays consistent


def test_logs_since_until_details_as_docker(both: tuple[Path, Dockerd]) -> None:
    root, daemon = both
    script = "echo a; sleep 1.1; echo b; sleep 1.1; echo c >&2"
    _dockyard(root, "run", "--name", "timed", "cmp", "sh", "-c", script)
    daemon.docker("run", "--name", "timed", "--network", "none", "cmp", "sh", "-c", script)

    def both_logs(*args: str) -> tuple[tuple[int, str, str], tuple[int, str, str]]:
        def middle(times: str) -> str:
            return times.splitlines()[1].split(" ")[0]

        mine = middle(_dockyard(root, "logs", "-t", "timed").stdout)
        theirs = middle(daemon.docker("logs", "-t", "timed").stdout.decode())
        ours = _dockyard(root, "logs", *[a.replace("MIDDLE", mine) for a in args], "timed",
                         check=False)
        them = daemon.docker("logs", *[a.replace("MIDDLE", theirs) for a in args], "timed",
                             check=False)
        return ((ours.returncode, ours.stdout, ours.stderr.removeprefix("error: ")),
                (them.returncode, them.stdout.decode(), them.stderr.decode()))

    for args in (["--since", "MIDDLE"], ["--until", "MIDDLE"], ["--since", "MIDDLE",
                 "--until", "MIDDLE"], ["--since", "1h"], ["--since", "-1h"],
                 ["--until", "0"], ["--since", "0"], ["--details"], ["--details", "--tail", "1"],
                 ["--since", "nonsense"], ["--until", "2024-13-01"],
                 ["--since", "2024-01-01 00:00:00"], ["-f", "--until", "MIDDLE"]):
        ours, theirs = both_logs(*args)
        assert ours == theirs, args
