"""Containers end to end: ``dockyard run`` and friends on real namespaces, overlay, cgroups."""

from __future__ import annotations

import io
import json
import os
import shutil
import signal
import stat
import subprocess
import sys
import tarfile
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import pytest

REPO = Path(__file__).resolve().parents[2]
BUSYBOX = Path("/bin/busybox")

pytestmark = pytest.mark.integration


def _skip_reason() -> str | None:
    if os.geteuid() != 0:
        return "needs root"
    if not BUSYBOX.exists():
        return "needs busybox-static (/bin/busybox)"
    return None


class Dockyard:
    """The CLI against one root."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.env = {**os.environ, "PYTHONPATH": str(REPO)}

    def __call__(self, *args: str, check: bool = True, timeout: float = 60,
                 **kw: Any) -> subprocess.CompletedProcess[str]:
        kw.setdefault("text", True)
        proc = subprocess.run(
            [sys.executable, "-m", "builder", "--root", str(self.root), *args],
            capture_output=True, env=self.env, timeout=timeout, cwd=REPO, **kw)
        if check and proc.returncode != 0:
            raise AssertionError(f"dockyard {' '.join(args)} failed ({proc.returncode}):\n"
                                 f"{proc.stdout}\n{proc.stderr}")
        return proc

    def inspect(self, name: str) -> dict[str, Any]:
        data = json.loads(self("inspect", "--type", "container", name).stdout)
        assert isinstance(data, list) and len(data) == 1
        result: dict[str, Any] = data[0]
        return result

    def ids(self, *flags: str) -> list[str]:
        return self("ps", "-q", "--no-trunc", *flags).stdout.split()


def busybox_root(base: Path) -> Dockyard:
    """The CLI on ``base/root``, with ``bb`` built there; skips where containers cannot run."""
    if (reason := _skip_reason()) is not None:
        pytest.skip(reason)
    d = Dockyard(base / "root")
    build_busybox(d, base / "bb")
    return d


def build_busybox(d: Dockyard, ctx: Path, tag: str = "bb") -> None:
    """Build ``tag``: busybox ``FROM scratch``, its applets installed in ``/bin``."""
    ctx.mkdir()
    shutil.copy2(BUSYBOX, ctx / "busybox")
    (ctx / "Dockerfile").write_text(
        'FROM scratch\nCOPY busybox /bin/busybox\n'
        'RUN ["/bin/busybox","--install","-s","/bin"]\n')
    d("build", "-t", tag, str(ctx))


@pytest.fixture(scope="module")
def dy(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Dockyard]:
    base = tmp_path_factory.mktemp("runner")
    d = busybox_root(base)
    conf = base / "conf"
    conf.mkdir()
    (conf / "Dockerfile").write_text(
        "FROM bb\nENV FOO=from-image\nRUN mkdir -p /work /data && echo seeded > /data/seed "
        "&& echo 'app:x:1000:1000::/home/app:/bin/sh' >> /etc/passwd\n"
        "WORKDIR /work\nUSER app\nVOLUME /data\nSTOPSIGNAL SIGUSR1\n")
    d("build", "-t", "conf", str(conf))
    yield d
    for cid in d.ids("-a"):
        d("rm", "-f", cid, check=False)


def _wait_for(predicate: Any, timeout: float = 10.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return
        time.sleep(0.05)
    raise AssertionError("condition not reached in time")


def test_a_deep_tree_in_a_container(dy: Dockyard) -> None:
    """Directories nested deeper than Python's default recursion limit: diff lists them, and
    rm removes the container whole (it stopped half-way with a RecursionError)."""
    nest = "i=0; while [ $i -lt 1500 ]; do mkdir a && cd a || exit 1; i=$((i+1)); done; echo x > f"
    dy("run", "--name", "deep", "bb", "sh", "-c", f"mkdir /t && cd /t && {{ {nest}; }}")
    changes = dy("diff", "deep").stdout.splitlines()
    assert changes[:2] == ["A /t", "A /t/a"] and len(changes) == 1502
    assert changes[-1] == "A /t" + "/a" * 1500 + "/f"
    dy("rm", "deep")
    left = [p.name for p in (dy.root / "containers").iterdir() if not p.name.startswith(".")
            or p.name.startswith((".rm-", ".later-"))]
    assert left == []


def test_attached_run_streams_and_exit_status(dy: Dockyard) -> None:
    proc = dy("run", "--name", "attached", "bb", "sh", "-c",
              "echo out; echo err >&2; exit 3", check=False)
    assert proc.returncode == 3
    assert proc.stdout == "out\n"
    assert proc.stderr == "err\n"
    info = dy.inspect("attached")
    assert info["State"]["Status"] == "exited"
    assert info["State"]["ExitCode"] == 3
    logs = dy("logs", "attached")
    assert (logs.stdout, logs.stderr) == ("out\n", "err\n")
    lines = [json.loads(x) for x in Path(info["LogPath"]).read_text().splitlines()]
    assert [(x["log"], x["stream"]) for x in lines] == [("out\n", "stdout"), ("err\n", "stderr")]
    assert all(x["time"].endswith("Z") for x in lines)
    dy("rm", "attached")
    assert dy.ids("-a") == [] or "attached" not in dy("ps", "-a").stdout


def test_rm_flag_removes_the_container(dy: Dockyard) -> None:
    before = set(dy.ids("-a"))
    assert dy("run", "--rm", "bb", "true").returncode == 0
    assert set(dy.ids("-a")) == before
    assert dy("run", "--rm", "bb", "sh", "-c", "exit 5", check=False).returncode == 5
    assert set(dy.ids("-a")) == before


def test_missing_image_and_command(dy: Dockyard) -> None:
    proc = dy("run", "--rm", "no-such-image", "true", check=False)
    assert proc.returncode != 0
    assert "Unable to find image 'no-such-image'" in proc.stderr
    assert "Traceback" not in proc.stderr
    proc = dy("run", "--rm", "bb", "no-such-command", check=False)
    assert proc.returncode == 127
    assert "executable file not found" in proc.stderr


def test_env_workdir_user_from_image_and_flags(dy: Dockyard) -> None:
    script = 'echo "$FOO $(id -u) $(pwd) $HOME"'
    out = dy("run", "--rm", "conf", "sh", "-c", script).stdout
    assert out == "from-image 1000 /work /home/app\n"
    out = dy("run", "--rm", "-e", "FOO=flag", "-u", "0:0", "-w", "/tmp/new", "conf",
             "sh", "-c", script).stdout
    assert out == "flag 0 /tmp/new /root\n" or out == "flag 0 /tmp/new /\n"


def test_env_file(dy: Dockyard, tmp_path: Path) -> None:
    env_file = tmp_path / "env"
    env_file.write_text("# comment\nA=1\nB=two words\n")
    out = dy("run", "--rm", "--env-file", str(env_file), "bb", "sh", "-c",
             'echo "$A|$B"').stdout
    assert out == "1|two words\n"


def test_detached_ps_logs_follow_exec_inspect(dy: Dockyard) -> None:
    cid = dy("run", "-d", "--name", "web", "bb", "sh", "-c",
             "echo ready > /marker; i=0; while true; do echo tick $i; i=$((i+1)); "
             "sleep 0.2; done").stdout.strip()
    assert len(cid) == 64
    assert cid in dy.ids()  # a new CLI process sees it running
    ps = dy("ps").stdout
    assert "web" in ps and "Up " in ps
    rows = [json.loads(x) for x in dy("ps", "--format", "json").stdout.splitlines()]
    assert any(r["Names"] == "web" and r["State"] == "running" for r in rows)
    # logs -f streams while the container runs
    follow = subprocess.Popen(
        [sys.executable, "-m", "builder", "--root", str(dy.root), "logs", "-f", "web"],
        stdout=subprocess.PIPE, text=True, env=dy.env)
    assert follow.stdout is not None
    seen = [follow.stdout.readline() for _ in range(3)]
    assert seen[0] == "tick 0\n" and seen[2].startswith("tick ")
    # exec sees the container's files and processes
    assert dy("exec", "web", "cat", "/marker").stdout == "ready\n"
    ps_inside = dy("exec", "web", "ps").stdout
    assert "while true" in ps_inside or "sh -c" in ps_inside
    assert dy("exec", "web", "sh", "-c", "exit 4", check=False).returncode == 4
    assert dy("exec", "-e", "X=1", "-w", "/bin", "web", "sh", "-c",
              'echo "$X $(pwd)"').stdout == "1 /bin\n"
    missing = dy("exec", "-w", "/nowhere", "web", "true", check=False)
    assert missing.returncode == 126
    assert 'chdir to cwd ("/nowhere") set in config.json failed' in missing.stderr
    assert dy("exec", "web", "hostname").stdout.strip() == cid[:12]
    top = dy("top", "web").stdout
    assert "sleep" in top or "sh -c" in top
    info = dy.inspect(cid[:8])  # a unique prefix names it
    assert info["State"]["Running"] is True and info["State"]["Pid"] > 0
    assert info["Name"] == "/web"
    dy("stop", "-t", "1", "web")
    rest, _ = follow.communicate(timeout=10)  # -f ends with the container
    assert follow.returncode == 0 and rest.startswith("tick ")
    assert cid not in dy.ids()
    assert cid in dy.ids("-a")
    assert "Exited (" in dy("ps", "-a").stdout
    dy("rm", "web")


def test_exec_start_failures_are_126(dy: Dockyard) -> None:
    """As Docker's exec: whatever keeps the command from starting, status 126, one line."""
    dy("run", "-d", "--name", "fails", "bb", "sleep", "100")
    for args, words in ((["-u", "nosuch", "id"], "unable to find user nosuch: "),
                        (["-u", "0:nosuch", "id"], "unable to find group nosuch: "),
                        (["-w", "/nowhere", "true"], 'chdir to cwd ("/nowhere")'),
                        (["no-such-command"], "executable file not found")):
        res = dy("exec", *args[:-1], "fails", args[-1], check=False)
        assert res.returncode == 126, (args, res.stderr)
        assert res.stderr.startswith("dockyard: ") and words in res.stderr
        assert res.stderr.count("\n") == 1
    dy("rm", "-f", "fails")


def test_exec_detached(dy: Dockyard) -> None:
    """-d returns once the command runs, with nothing of its output; it goes on alone."""
    dy("run", "-d", "--name", "bg", "bb", "sleep", "100")
    res = dy("exec", "-d", "bg", "sh", "-c", "echo out; echo err >&2; sleep 3; echo done > /m")
    assert (res.returncode, res.stdout, res.stderr) == (0, "", "")
    assert dy("exec", "bg", "test", "-e", "/m", check=False).returncode == 1
    _wait_for(lambda: dy("exec", "bg", "cat", "/m", check=False).stdout == "done\n")
    assert dy("logs", "bg").stdout == ""
    dy("exec", "-dt", "bg", "sh", "-c", "tty > /t")  # its terminal is drained meanwhile
    _wait_for(lambda: dy("exec", "bg", "cat", "/t", check=False).stdout.startswith("/dev/pts/"))
    res = dy("exec", "-d", "bg", "no-such-command", check=False)
    assert res.returncode == 1 and "executable file not found" in res.stderr
    dy("rm", "-f", "bg")


def test_exec_env_file_and_privileged(dy: Dockyard, tmp_path: Path) -> None:
    env_file = tmp_path / "exec.env"
    env_file.write_text("# comment\nB=2\nPYTHONPATH\n")
    dy("run", "-d", "--name", "ef", "bb", "sleep", "100")
    out = dy("exec", "--env-file", str(env_file), "-e", "B=3", "ef", "sh", "-c",
             'echo "$B $PYTHONPATH"').stdout
    assert out == f"3 {REPO}\n"
    res = dy("exec", "--env-file", str(tmp_path / "missing"), "ef", "true", check=False)
    assert res.returncode == 1 and "cannot read env file" in res.stderr

    def caps(*flags: str) -> dict[str, str]:
        out = dy("exec", *flags, "ef", "grep", "-E", "^(Cap|Seccomp:)", "/proc/self/status")
        return dict(line.split(":\t") for line in out.stdout.splitlines())

    own = int(dict(line.split(":\t") for line in Path("/proc/self/status").read_text()
                   .splitlines() if line.startswith("CapPrm"))["CapPrm"], 16)
    assert int(caps()["CapEff"], 16) == 0xA80425FB
    full = caps("--privileged")  # every capability, under the container's seccomp filter
    assert {int(full[k], 16) for k in ("CapEff", "CapPrm", "CapBnd", "CapInh")} == {own}
    assert full["Seccomp"] == "2"
    user = caps("--privileged", "-u", "1000")  # as Docker's: none left after the exec
    assert (int(user["CapEff"], 16), int(user["CapBnd"], 16)) == (0, own)
    dy("rm", "-f", "ef")


def test_stop_honours_stopsignal_and_timeout(dy: Dockyard) -> None:
    dy("run", "-d", "--name", "sig", "conf", "sh", "-c",
       "trap 'echo got usr1; exit 7' USR1; while true; do sleep 0.1; done")
    time.sleep(0.3)
    dy("stop", "sig")
    assert dy.inspect("sig")["State"]["ExitCode"] == 7
    assert "got usr1" in dy("logs", "sig").stdout
    dy("rm", "sig")
    dy("run", "-d", "--name", "stubborn", "bb", "sh", "-c",
       "trap '' TERM; while true; do sleep 0.1; done")
    time.sleep(0.3)
    started = time.monotonic()
    dy("stop", "-t", "1", "stubborn")
    assert time.monotonic() - started >= 1.0
    assert dy.inspect("stubborn")["State"]["ExitCode"] == 137
    assert dy("wait", "stubborn").stdout.strip() == "137"
    dy("rm", "stubborn")


def test_stop_signal_and_timeout_flags(dy: Dockyard) -> None:
    """--stop-signal and --stop-timeout replace the image's and the default 10 s."""
    dy("run", "-d", "--name", "flagsig", "--stop-signal", "usr2", "--stop-timeout", "1", "bb",
       "sh", "-c", "trap 'sleep 4; exit 7' USR2; while true; do sleep 0.1; done")
    time.sleep(0.3)
    dy("stop", "flagsig")  # USR2 arrives; the trap outlasts the second given
    assert dy.inspect("flagsig")["State"]["ExitCode"] == 137
    dy("rm", "flagsig")
    bad = dy("create", "--stop-signal", "NOPE", "bb", check=False)
    assert (bad.returncode, bad.stderr) == (125, "error: Invalid signal: NOPE\n")


def test_kill_and_restart(dy: Dockyard) -> None:
    # the command is PID 1, as in Docker: a signal it does not handle does nothing
    dy("run", "-d", "--name", "pid1", "bb", "sleep", "100")
    dy("kill", "-s", "TERM", "pid1")
    time.sleep(0.5)
    assert dy.inspect("pid1")["State"]["Running"] is True
    dy("rm", "-f", "pid1")
    # under --init, the init passes it on
    dy("run", "-d", "--init", "--name", "kk", "bb", "sh", "-c", "echo start; sleep 100")
    assert dy("exec", "kk", "cat", "/proc/1/comm").stdout != "sh\n"
    dy("kill", "-s", "TERM", "kk")
    _wait_for(lambda: dy.inspect("kk")["State"]["Status"] == "exited")
    assert dy.inspect("kk")["State"]["ExitCode"] == 143
    dy("start", "kk")
    assert dy.inspect("kk")["State"]["Running"] is True
    dy("kill", "kk")
    assert dy.inspect("kk")["State"]["ExitCode"] == 137
    dy("restart", "-t", "1", "kk")
    assert dy.inspect("kk")["State"]["Running"] is True
    _wait_for(lambda: dy("logs", "kk").stdout.count("start") == 3)
    proc = dy("rm", "kk", check=False)
    assert proc.returncode != 0 and "is running" in proc.stderr
    dy("rm", "-f", "kk")
    assert "kk" not in [json.loads(x)["Names"]
                        for x in dy("ps", "-a", "--format", "json").stdout.splitlines()]


def test_start_attached(dy: Dockyard) -> None:
    cid = dy("create", "--name", "later", "bb", "sh", "-c", "echo hi; exit 2").stdout.strip()
    assert dy.inspect(cid)["State"]["Status"] == "created"
    proc = dy("start", "-a", "later", check=False)
    assert (proc.returncode, proc.stdout) == (2, "hi\n")
    dy("rm", "later")


def test_interactive_stdin(dy: Dockyard) -> None:
    proc = dy("run", "--rm", "-i", "bb", "sh", "-c", "tr a-z A-Z", input="hello\n")
    assert proc.stdout == "HELLO\n"
    proc = dy("run", "--rm", "bb", "cat", input="ignored\n")  # without -i: no stdin
    assert proc.stdout == ""


def test_tty(dy: Dockyard) -> None:
    out = dy("run", "--rm", "-t", "bb", "tty").stdout
    assert out.strip().startswith("/dev/pts/")
    dy("run", "-d", "--name", "tt", "bb", "sleep", "100")
    assert dy("exec", "-t", "tt", "tty").stdout.strip().startswith("/dev/pts/")
    assert dy("exec", "tt", "tty", check=False).stdout.strip() == "not a tty"
    dy("rm", "-f", "tt")


def _on_terminal(dy: Dockyard, *args: str, typed: bytes) -> tuple[bytes, int]:
    """Run the CLI on a pseudo-terminal of our own, type ``typed``; (output, status)."""
    import pty
    import select

    master, slave = pty.openpty()
    proc = subprocess.Popen(
        [sys.executable, "-m", "builder", "--root", str(dy.root), *args],
        stdin=slave, stdout=slave, stderr=slave, env=dy.env, start_new_session=True)
    os.close(slave)
    out = b""
    try:
        deadline = time.monotonic() + 30
        while b"# " not in out and time.monotonic() < deadline:  # the shell's prompt
            if select.select([master], [], [], 0.5)[0]:
                try:
                    out += os.read(master, 4096)
                except OSError:  # the CLI is gone already
                    break
        os.write(master, typed)
        while time.monotonic() < deadline:
            if select.select([master], [], [], 0.5)[0]:
                try:
                    data = os.read(master, 4096)
                except OSError:
                    break
                if not data:
                    break
                out += data
            elif proc.poll() is not None:
                break
        return out, proc.wait(timeout=30)
    finally:
        os.close(master)


def test_interactive_terminal(dy: Dockyard) -> None:
    out, code = _on_terminal(dy, "run", "--rm", "-it", "bb", "sh",
                             typed=b"echo $((6*7)); tty; exit 5\n")
    assert code == 5
    assert b"42\r\n/dev/pts/0\r\n" in out
    dy("run", "-d", "--name", "ttyexec", "bb", "sleep", "100")
    out, code = _on_terminal(dy, "exec", "-it", "ttyexec", "sh",
                             typed=b"echo $((7*6)) $(tty); exit 3\n")
    assert code == 3
    assert b"42 /dev/pts/" in out
    dy("rm", "-f", "ttyexec")


def test_cp_both_ways_stays_inside(dy: Dockyard, tmp_path: Path) -> None:
    dy("run", "--name", "files", "bb", "sh", "-c",
       "test -e /top.txt && exit 0; mkdir -p /d/sub && echo x > /d/sub/f && echo top > /top.txt && "
       "ln -s /../../../../../../.. /escape && ln -s /etc /etclink")
    out = tmp_path / "out"
    out.mkdir()
    dy("cp", "files:/top.txt", str(out))
    dy("cp", "files:/d", str(out / "copied"))
    assert (out / "top.txt").read_text() == "top\n"
    assert (out / "copied" / "sub" / "f").read_text() == "x\n"
    host_file = tmp_path / "in.txt"
    host_file.write_text("from host\n")
    # a link pointing out of the container resolves inside it
    dy("cp", str(host_file), "files:/escape/landed.txt")
    assert not Path("/landed.txt").exists()
    dy("cp", str(host_file), "files:/etclink/")
    check = dy("run", "--rm", "-v", f"{tmp_path}:/host:ro", "bb", "true")
    assert check.returncode == 0
    dy("start", "-a", "files")  # the files are there when it runs again
    committed = dy("commit", "files", "files:v1").stdout.strip()
    assert committed.startswith("sha256:")
    got = dy("run", "--rm", "files:v1", "cat", "/landed.txt", "/etc/in.txt", "/d/sub/f")
    assert got.stdout == "from host\nfrom host\nx\n"
    # running container: cp through its root
    dy("run", "-d", "--name", "live", "bb", "sleep", "100")
    dy("cp", str(host_file), "live:/")
    assert dy("exec", "live", "cat", "/in.txt").stdout == "from host\n"
    dy("exec", "live", "sh", "-c", "echo made inside > /made")
    dy("cp", "live:/made", str(out / "made"))
    assert (out / "made").read_text() == "made inside\n"
    dy("rm", "-f", "live", "files")
    dy("rmi", "files:v1")


def test_exec_passes_on_no_descriptor_of_its_caller(dy: Dockyard, tmp_path: Path) -> None:
    """A descriptor the CLI inherits (here one of a host directory, which would lead out of
    the container's root) never reaches the command, attached, with a terminal or detached,
    as with run."""
    secret = tmp_path / "host-only"
    secret.mkdir()
    (secret / "file").write_text("host secret\n")
    fd = os.open(secret, os.O_RDONLY | os.O_DIRECTORY)
    try:
        dy("run", "-d", "--name", "fds", "bb", "sleep", "100")
        script = f"ls /proc/self/fd/{fd}/ && cat /proc/self/fd/{fd}/file; echo $(ls /proc/self/fd)"
        for flags in ([], ["-t"], ["-d"]):
            args = (["sh", "-c", f"({script}) > /dev/shm/out 2>&1"] if flags == ["-d"]
                    else ["sh", "-c", script])
            proc = dy("exec", *flags, "fds", *args, pass_fds=(fd,), stdin=subprocess.DEVNULL)
            if flags == ["-d"]:
                time.sleep(0.5)
                proc = dy("exec", "fds", "cat", "/dev/shm/out")
            assert "host secret" not in proc.stdout, flags
            assert proc.stdout.split()[-4:] == ["0", "1", "2", "3"], (flags, proc.stdout)
        proc = dy("run", "--rm", "bb", "sh", "-c", script, pass_fds=(fd,))
        assert "host secret" not in proc.stdout
    finally:
        os.close(fd)
        dy("rm", "-f", "fds")


def test_cp_keeps_modification_times_both_ways(dy: Dockyard, tmp_path: Path) -> None:
    """As Docker's cp (a tar both ways): files, directories and symlinks keep their
    modification times, a directory's set after its contents."""
    src = tmp_path / "timed"
    (src / "sub").mkdir(parents=True)
    (src / "sub" / "f").write_text("x")
    (src / "sub" / "l").symlink_to("f")
    stamps = {src: 1_000_000_000, src / "sub": 1_100_000_000, src / "sub" / "f": 1_200_000_000,
              src / "sub" / "l": 1_300_000_000}
    for path, when in sorted(stamps.items(), key=lambda kv: -len(str(kv[0]))):
        os.utime(path, (when, when), follow_symlinks=False)
    dy("run", "-d", "--name", "times", "bb", "sh", "-c",
       "mkdir -p /o/d && echo y > /o/d/g && ln -s g /o/d/l && touch -h -d @1400000000 /o/d/l "
       "&& touch -d @1500000000 /o/d/g /o/d && touch -d @1600000000 /o && sleep 100")
    try:
        dy("cp", str(src), "times:/in")
        got = dy("exec", "times", "stat", "-c", "%Y", "/in", "/in/sub", "/in/sub/f",
                 "/in/sub/l").stdout.split()
        assert got == ["1000000000", "1100000000", "1200000000", "1300000000"]
        dy("cp", "times:/o", str(tmp_path / "out"))
        out = tmp_path / "out"
        assert [os.lstat(p).st_mtime for p in (out, out / "d", out / "d" / "g", out / "d" / "l")
                ] == [1_600_000_000, 1_500_000_000, 1_500_000_000, 1_400_000_000]
    finally:
        dy("rm", "-f", "times")


def test_cp_owners_as_documented_and_archive_keeps_them(dy: Dockyard, tmp_path: Path) -> None:
    """As Docker documents cp: copied in, root's; copied out, the caller's; with -a, the
    owners at the source (both ways, and a tar stream in). Modes, set-user-ID included, stay."""
    src = tmp_path / "owned"
    (src / "sub").mkdir(parents=True)
    (src / "sub" / "f").write_text("x")
    (src / "sub" / "l").symlink_to("f")
    for path in (src, src / "sub", src / "sub" / "f", src / "sub" / "l"):
        os.lchown(path, 1234, 5678)
    for path in (src, src / "sub"):
        path.chmod(0o755)
    (src / "sub" / "f").chmod(0o4755)  # after its chown, which clears the bit
    dy("run", "-d", "--name", "own", "bb", "sh", "-c",
       "mkdir /o && echo y > /o/g && ln -s g /o/l && chown -hR 1000:1001 /o && "
       "chmod 4711 /o/g && sleep 100")
    dy("cp", str(src), "own:/plain")
    dy("cp", "-a", str(src), "own:/kept")
    sent = io.BytesIO()
    with tarfile.open(fileobj=sent, mode="w") as tar:
        info = tarfile.TarInfo("t")
        info.uid, info.gid, info.size = 1234, 5678, 1
        tar.addfile(info, io.BytesIO(b"t"))
    dy("cp", "-", "own:/plain", input=sent.getvalue(), text=False)
    dy("cp", "-a", "-", "own:/kept", input=sent.getvalue(), text=False)
    names = " ".join(f"/{top}{rest}" for top in ("plain", "kept")
                     for rest in ("", "/sub", "/sub/f", "/sub/l", "/t"))
    got = dy("exec", "own", "sh", "-c", f"stat -c '%u:%g %a' {names}").stdout.split("\n")
    assert got[:5] == ["0:0 755", "0:0 755", "0:0 4755", "0:0 777", "0:0 644"]
    assert got[5:10] == ["1234:5678 755", "1234:5678 755", "1234:5678 4755",
                         "1234:5678 777", "1234:5678 644"]
    out = tmp_path / "out"
    out.mkdir()
    dy("cp", "own:/o", str(out / "plain"))
    dy("cp", "-a", "own:/o", str(out / "kept"))

    def owners(path: Path) -> tuple[int, int, int]:
        st = path.lstat()
        return st.st_uid, st.st_gid, stat.S_IMODE(st.st_mode)

    me = (os.getuid(), os.getgid())
    assert owners(out / "plain" / "g") == (*me, 0o4711)
    assert owners(out / "plain" / "l")[:2] == me
    assert owners(out / "kept" / "g") == (1000, 1001, 0o4711)
    assert owners(out / "kept" / "l")[:2] == owners(out / "kept")[:2] == (1000, 1001)
    with tarfile.open(fileobj=io.BytesIO(dy("cp", "own:/o", "-", text=False).stdout)) as tar:
        assert {(m.name, m.uid, m.gid) for m in tar.getmembers()} == {
            ("o", 1000, 1001), ("o/g", 1000, 1001), ("o/l", 1000, 1001)}
    dy("rm", "-f", "own")


def test_supplementary_groups_hold_the_primary_one(dy: Dockyard, tmp_path: Path) -> None:
    """As Docker's: a user in other groups keeps its primary group among its groups."""
    ctx = tmp_path / "groups"
    ctx.mkdir()
    (ctx / "Dockerfile").write_text(
        "FROM bb\nRUN echo 'app:x:1000:1000::/home/app:/bin/sh' >> /etc/passwd && "
        "printf 'root:x:0:\\napp:x:1000:\\nstaff:x:50:app\\n' > /etc/group\n")
    dy("build", "-t", "groups", str(ctx))
    for user in ("app", "1000"):
        out = dy("run", "--rm", "-u", user, "groups", "grep", "^Groups", "/proc/self/status")
        assert out.stdout.split()[1:] == ["50", "1000"]
    dy("rmi", "groups")


def test_a_container_not_made_is_status_125(dy: Dockyard) -> None:
    """As docker run and create: 125 when no container could be made or started."""
    for args in (["run", "--rm", "-w", "rel", "bb", "true"], ["run", "--bogus", "bb"],
                 ["create", "--pids-limit", "abc", "bb"], ["create", "-v", "/x:/", "bb"]):
        res = dy(*args, check=False)
        assert res.returncode == 125, (args, res.stderr)
        assert "Traceback" not in res.stderr
    assert dy("run", "--rm", "bb", "sh", "-c", "exit 3", check=False).returncode == 3


def test_host_network_has_the_hosts_name_and_hosts_file(dy: Dockyard) -> None:
    out = dy("run", "--rm", "--network", "host", "bb", "sh", "-c",
             "hostname; echo $HOSTNAME; cat /etc/hosts").stdout
    name = os.uname().nodename
    assert out.split("\n")[:2] == [name, name]
    assert out.split("\n", 2)[2] == Path("/etc/hosts").read_text()
    assert dy("run", "--rm", "--network", "host", "-h", "mine", "bb",
              "hostname").stdout == "mine\n"


def test_terminal_flags_as_dockers(dy: Dockyard) -> None:
    """-t sets TERM=xterm (run and exec); -it with no terminal on stdin is refused, where a
    run waited for ever and an exec crashed."""
    assert "TERM=xterm" in dy("run", "--rm", "-t", "bb", "env").stdout.split()
    assert "TERM=" not in dy("run", "--rm", "bb", "env").stdout
    res = dy("run", "--rm", "-it", "bb", "sh", check=False, timeout=20,
             stdin=subprocess.DEVNULL)
    assert res.returncode == 1 and "the input device is not a TTY" in res.stderr
    dy("run", "-d", "--name", "ttys", "bb", "sleep", "100")
    assert dy("exec", "-t", "ttys", "sh", "-c", "echo $TERM").stdout.strip() == "xterm"
    res = dy("exec", "-it", "ttys", "true", check=False, timeout=20, stdin=subprocess.DEVNULL)
    assert res.returncode == 1 and "the input device is not a TTY" in res.stderr
    assert "Traceback" not in res.stderr
    dy("rm", "-f", "ttys")


def test_tmpfs_mounts_as_dockers(dy: Dockyard) -> None:
    """--tmpfs: Docker's defaults (noexec, nosuid, nodev, mode 1777), then its options."""
    script = 'stat -c %a /x; grep " /x " /proc/mounts | cut -d" " -f4'
    out = dy("run", "--rm", "--tmpfs", "/x", "bb", "sh", "-c", script).stdout.split()
    assert out[0] == "1777"
    assert {"rw", "nosuid", "nodev", "noexec"} <= set(out[1].split(","))
    out = dy("run", "--rm", "--tmpfs", "/x:size=1m,mode=700,exec,ro", "bb", "sh", "-c",
             script).stdout.split()
    assert out[0] == "700"
    words = set(out[1].split(","))
    assert {"ro", "nosuid", "nodev", "size=1024k"} <= words and "noexec" not in words


def test_cp_replaces_what_is_in_the_way_and_follows_nothing(dy: Dockyard, tmp_path: Path) -> None:
    victim = tmp_path / "victim"
    victim.mkdir()
    (victim / "orig").write_text("orig\n")
    victim_mode = stat.S_IMODE(victim.stat().st_mode)
    dy("run", "-d", "--name", "cpw", "bb", "sh", "-c",
       f"mknod /up c 1 11; mkfifo /fifo; mkdir /data; ln -s {victim} /data/sub; "
       f"ln -s {victim}/orig /data/f; sleep 100")
    payload = tmp_path / "payload"
    payload.write_text("payload\n")
    # into the container: a device node or a fifo in the way is replaced, not opened
    dy("cp", str(payload), "cpw:/up", timeout=20)
    dy("cp", str(payload), "cpw:/fifo", timeout=20)
    got = dy("exec", "cpw", "sh", "-c", "ls -l /up /fifo | cut -c1; cat /up /fifo").stdout
    assert got == "-\n-\npayload\npayload\n"
    # out of it: links left on the host by an earlier copy are replaced, never followed
    out = tmp_path / "out"
    out.mkdir()
    dy("cp", "cpw:/data", str(out))
    assert os.readlink(out / "data" / "f") == f"{victim}/orig"
    dy("exec", "cpw", "sh", "-c", "rm /data/f && echo overwritten > /data/f")
    dy("cp", "cpw:/data", str(out))
    assert (out / "data" / "f").read_text() == "overwritten\n"
    assert not (out / "data" / "f").is_symlink()
    dy("exec", "cpw", "sh", "-c", "rm /data/sub && mkdir /data/sub && echo x > /data/sub/pwn")
    res = dy("cp", "cpw:/data", str(out), check=False)
    assert res.returncode != 0
    assert "cannot overwrite non-directory" in res.stderr
    assert sorted(os.listdir(victim)) == ["orig"]
    assert (victim / "orig").read_text() == "orig\n"
    assert stat.S_IMODE(victim.stat().st_mode) == victim_mode
    # a symlink named as the source is copied as a link, unless -L (both ways)
    dy("exec", "cpw", "sh", "-c", "echo target > /data/t && ln -s /data/t /data/abs")
    dy("cp", "cpw:/data/abs", str(tmp_path / "abs"))
    assert os.readlink(tmp_path / "abs") == "/data/t"
    res = dy("cp", "cpw:/data/t", f"{tmp_path}/nodir/", check=False)
    assert res.returncode == 1 and "destination directory" in res.stderr
    assert not (tmp_path / "nodir").exists()
    dy("cp", "-L", "cpw:/data/abs", str(tmp_path / "followed"))
    assert (tmp_path / "followed").read_text() == "target\n"
    (tmp_path / "hostlink").symlink_to(payload)
    dy("cp", str(tmp_path / "hostlink"), "cpw:/data/hl")
    dy("cp", "-L", str(tmp_path / "hostlink"), "cpw:/data/hf")
    got = dy("exec", "cpw", "sh", "-c", "readlink /data/hl; cat /data/hf").stdout
    assert got == f"{payload}\npayload\n"
    # "-": a tar stream out on stdout, in from stdin (extracted inside the container only)
    streamed = dy("cp", "cpw:/data", "-", text=False).stdout
    with tarfile.open(fileobj=io.BytesIO(streamed)) as tar:
        assert tar.getmember("data/abs").linkname == "/data/t"
        assert tar.extractfile("data/t").read() == b"target\n"  # type: ignore[union-attr]
    sent = io.BytesIO()
    with tarfile.open(fileobj=sent, mode="w") as tar:
        info = tarfile.TarInfo("in/new.txt")
        info.size = 3
        tar.addfile(info, io.BytesIO(b"new"))
    dy("cp", "-", "cpw:/data", input=sent.getvalue(), text=False)
    assert dy("exec", "cpw", "cat", "/data/in/new.txt").stdout == "new"
    evil = io.BytesIO()
    with tarfile.open(fileobj=evil, mode="w") as tar:
        info = tarfile.TarInfo("../../../../escaped")
        tar.addfile(info, io.BytesIO(b""))
    res = dy("cp", "-", "cpw:/data", input=evil.getvalue(), text=False, check=False)
    assert res.returncode == 1 and b"Traceback" not in res.stderr
    # the running container's /proc and /sys come out empty, as Docker's cp gives them
    dy("cp", "cpw:/proc", str(tmp_path / "proc"))
    assert os.listdir(tmp_path / "proc") == []
    dy("rm", "-f", "cpw")


def test_commit_keeps_config_and_changes(dy: Dockyard) -> None:
    dy("run", "--name", "tocommit", "-e", "ADDED=yes", "bb", "sh", "-c",
       "echo changed > /etc/motd; rm /bin/vi")
    dy("commit", "tocommit", "committed:latest")
    out = dy("run", "--rm", "committed", "sh", "-c",
             'cat /etc/motd; echo "$ADDED"; test -e /bin/vi || echo vi-gone').stdout
    assert out == "changed\nyes\nvi-gone\n"
    assert dy("history", "committed").returncode == 0
    dy("commit", "-m", "my msg", "-a", "A", "tocommit", "committed:2")
    (image,) = json.loads(dy("inspect", "committed:2").stdout)
    assert (image["Comment"], image["Author"]) == ("my msg", "A")  # as Docker's commit
    dy("rm", "tocommit")
    dy("rmi", "committed", "committed:2")


def test_volumes(dy: Dockyard, tmp_path: Path) -> None:
    host = tmp_path / "bind"
    host.mkdir()
    (host / "hello").write_text("hi\n")
    out = dy("run", "--rm", "-v", f"{host}:/mnt/b", "bb", "sh", "-c",
             "cat /mnt/b/hello; echo w > /mnt/b/written").stdout
    assert out == "hi\n" and (host / "written").read_text() == "w\n"
    proc = dy("run", "--rm", "-v", f"{host}:/mnt/b:ro", "bb", "sh", "-c", "echo x > /mnt/b/y",
              check=False)
    assert proc.returncode != 0 and not (host / "y").exists()
    out = dy("run", "--rm", "--tmpfs", "/scratch", "bb", "sh", "-c",
             "grep -c ' /scratch tmpfs' /proc/mounts").stdout
    assert out == "1\n"
    # the image's VOLUME gets an anonymous volume seeded from the image
    dy("run", "--name", "vol", "-u", "0", "conf", "sh", "-c", "cat /data/seed; echo new > /data/n")
    assert dy("logs", "vol").stdout == "seeded\n"
    mounts = dy.inspect("vol")["Mounts"]
    assert [m["Destination"] for m in mounts] == ["/data"]
    data = Path(mounts[0]["Source"])
    assert (data / "seed").read_text() == "seeded\n" and (data / "n").read_text() == "new\n"
    dy("rm", "-v", "vol")
    assert not data.exists()
    # a named volume outlives its containers
    dy("run", "--rm", "-v", "named:/v", "bb", "sh", "-c", "echo kept > /v/f")
    assert dy("run", "--rm", "-v", "named:/v", "bb", "cat", "/v/f").stdout == "kept\n"


def test_pids_limit_stops_a_fork_bomb(dy: Dockyard) -> None:
    proc = dy("run", "--rm", "--pids-limit", "10", "bb", "sh", "-c",
              "for i in $(seq 1 50); do sleep 5 & done; echo survived", check=False,
              timeout=60)
    assert "can't fork" in proc.stderr
    unlimited = dy("run", "--rm", "bb", "sh", "-c",
                   "for i in $(seq 1 50); do sleep 1 & done; wait; echo fine")
    assert unlimited.stdout == "fine\n" and "can't fork" not in unlimited.stderr


def test_memory_limit_oom_kills_with_137(dy: Dockyard) -> None:
    proc = dy("run", "--name", "oom", "--memory", "32m", "bb", "sh", "-c",
              "x=a; while true; do x=$x$x; done", check=False, timeout=120)
    assert proc.returncode == 137
    assert dy.inspect("oom")["State"]["OOMKilled"] is True
    dy("rm", "oom")
    ok = dy("run", "--rm", "--memory", "64m", "--cpus", "0.5", "bb", "sh", "-c",
            "cat /proc/self/cgroup >/dev/null; echo ok")
    assert ok.stdout == "ok\n"


def test_limits_land_in_nested_cgroups(dy: Dockyard) -> None:
    cid = dy("run", "-d", "--memory", "48m", "--pids-limit", "33", "--cpus", "0.5", "bb",
             "sleep", "100").stdout.strip()
    state = json.loads((dy.root / "containers" / cid / "state.json").read_text())
    dirs = [Path(p) for p in state["Cgroups"]]
    assert dirs and all(p.name == cid and p.parent.name == "dockyard" for p in dirs)
    values = {}
    for d in dirs:
        for name in ("memory.limit_in_bytes", "memory.max", "pids.max", "cpu.cfs_quota_us",
                     "cpu.max"):
            if (d / name).exists():
                values[name] = (d / name).read_text().split()[0]
    assert values.get("memory.limit_in_bytes", values.get("memory.max")) == str(48 << 20)
    assert values["pids.max"] == "33"
    assert values.get("cpu.cfs_quota_us", values.get("cpu.max")) == "50000"
    inside = dy("exec", cid, "cat", "/proc/self/cgroup").stdout
    assert f"dockyard/{cid}" in inside
    dy("rm", "-f", cid)
    assert not any(d.exists() for d in dirs)
    # a limit the kernel refuses is an error, not ignored
    proc = dy("run", "--rm", "--cpus", "0.0001", "bb", "true", check=False)
    assert proc.returncode != 0 and "cpu" in proc.stderr and "Traceback" not in proc.stderr


def test_container_reads_its_own_limits_at_sys_fs_cgroup(dy: Dockyard) -> None:
    """As under runc: the container's own cgroups, read-only, where programs that size
    themselves look for them; no cgroup shared with the host or other containers."""
    from builder.runtime.cgroupfs import names

    cid = dy("run", "-d", "--memory", "48m", "--pids-limit", "33", "bb", "sleep",
             "100").stdout.strip()
    try:
        state = json.loads((dy.root / "containers" / cid / "state.json").read_text())
        shown = names(state["Cgroups"], Path("/proc/self/mountinfo").read_text())
        assert len(shown) == 2
        for name, host_dir in shown:
            where = f"/sys/fs/cgroup/{name}".rstrip("/")
            listed = set(dy("exec", cid, "ls", where).stdout.split())
            assert listed == set(os.listdir(host_dir)), name
            for limit, value in (("memory.limit_in_bytes", str(48 << 20)),
                                 ("memory.max", str(48 << 20)), ("pids.max", "33")):
                if limit in listed:
                    assert dy("exec", cid, "cat", f"{where}/{limit}").stdout == value + "\n"
            proc = dy("exec", cid, "sh", "-c", f"echo 1 > {where}/pids.max; mkdir {where}/x",
                      check=False)
            assert proc.returncode != 0 and "Read-only file system" in proc.stderr
        proc = dy("exec", cid, "touch", "/sys/fs/cgroup/x", check=False)
        assert "Read-only file system" in proc.stderr
    finally:
        dy("rm", "-f", cid)
    # a hierarchy without a cgroup of the container's own is not shown
    assert dy("run", "--rm", "bb", "ls", "-A", "/sys/fs/cgroup").stdout == ""


def test_seccomp_filter_unless_unconfined(dy: Dockyard) -> None:
    """Docker's default seccomp filter for the command, for --init's command and for exec;
    ``--security-opt seccomp=unconfined`` turns it off, and exec follows the container."""
    grep = ("grep", "Seccomp:", "/proc/self/status")
    assert dy("run", "--rm", "bb", *grep).stdout == "Seccomp:\t2\n"
    assert dy("run", "--rm", "--init", "-u", "1000", "bb", *grep).stdout == "Seccomp:\t2\n"
    proc = dy("run", "--rm", "bb", "unshare", "-U", "true", check=False)
    assert proc.returncode != 0 and "Operation not permitted" in proc.stderr
    assert dy("run", "--rm", "--security-opt", "seccomp=unconfined", "bb",
              *grep).stdout == "Seccomp:\t0\n"
    dy("run", "-d", "--name", "confined", "bb", "sleep", "60")
    dy("run", "-d", "--name", "unconfined", "--security-opt", "seccomp:unconfined", "bb",
       "sleep", "60")
    try:
        assert dy("exec", "confined", *grep).stdout == "Seccomp:\t2\n"
        assert dy("exec", "unconfined", *grep).stdout == "Seccomp:\t0\n"
        assert dy.inspect("unconfined")["HostConfig"]["SecurityOpt"] == ["seccomp:unconfined"]
    finally:
        dy("rm", "-f", "confined", "unconfined")
    proc = dy("run", "--rm", "--security-opt", "seccomp=/profile.json", "bb", "true",
              check=False)
    assert proc.returncode != 0 and "seccomp profiles are not supported" in proc.stderr


def test_bad_input_is_a_clear_error(dy: Dockyard) -> None:
    for args in (["run", "--memory", "lots", "bb", "true"],
                 ["run", "--network", "bridge", "bb", "true"],
                 ["run", "-v", "relative", "bb", "true"],
                 ["run", "--name", "bad name!", "bb", "true"],
                 ["kill", "-s", "NOPE", "whatever"],
                 ["rm", "no-such-container"],
                 ["exec", "no-such-container", "true"]):
        proc = dy(*args, check=False)
        assert proc.returncode != 0, args
        assert proc.stderr.strip() and "Traceback" not in proc.stderr, (args, proc.stderr)
    dy("create", "--name", "dup", "bb", "true")
    proc = dy("create", "--name", "dup", "bb", "true", check=False)
    assert proc.returncode != 0 and "already in use" in proc.stderr
    dy("rm", "dup")


def test_killed_supervisor_leaves_an_exited_container(dy: Dockyard) -> None:
    # as another user: the change of user must not lose the parent-death signal
    cid = dy("run", "-d", "--name", "orphan", "-u", "1000", "bb", "sleep", "1000").stdout.strip()
    info = dy.inspect(cid)
    state = json.loads((dy.root / "containers" / cid / "state.json").read_text())
    init = info["State"]["Pid"]
    os.kill(state["Supervisor"], signal.SIGKILL)
    _wait_for(lambda: not Path(f"/proc/{init}").exists())  # the container went with it
    assert cid not in dy.ids()
    assert cid in dy.ids("-a")
    after = dy.inspect(cid)["State"]
    assert after["Status"] == "exited" and after["Running"] is False
    assert "supervisor" in after["Error"]
    dy("rm", cid)
    assert not (dy.root / "containers" / cid).exists()


def test_state_from_before_a_reboot_reads_as_exited(dy: Dockyard) -> None:
    cid = dy("create", "--name", "reboot", "bb", "true").stdout.strip()
    path = dy.root / "containers" / cid / "state.json"
    state = json.loads(path.read_text())
    state.update(Status="running", Running=True, Pid=os.getpid(), Supervisor=os.getpid(),
                 SupervisorStart=0, BootId="another-boot")
    path.write_text(json.dumps(state))
    assert dy.inspect(cid)["State"]["Status"] == "exited"
    assert cid not in dy.ids()
    dy("rm", cid)


def test_twenty_concurrent_containers(dy: Dockyard) -> None:
    def start(i: int) -> str:
        return str(dy("run", "-d", "--name", f"many{i}", "bb", "sh", "-c",
                      f"echo {i}; sleep 100").stdout.strip())

    with ThreadPoolExecutor(20) as pool:
        ids = list(pool.map(start, range(20)))
    assert len(set(ids)) == 20
    running = set(dy.ids())
    assert set(ids) <= running
    for i, cid in enumerate(ids):
        assert dy("logs", cid).stdout == f"{i}\n"
    with ThreadPoolExecutor(20) as pool:
        results = list(pool.map(lambda cid: dy("rm", "-f", cid, check=False), ids))
    assert all(r.returncode == 0 for r in results), [r.stderr for r in results]
    assert not set(ids) & set(dy.ids("-a"))
    for cid in ids:
        assert not (dy.root / "containers" / cid).exists()


def test_rmi_refuses_an_image_in_use(dy: Dockyard, tmp_path: Path) -> None:
    ctx = tmp_path / "img"
    ctx.mkdir()
    (ctx / "Dockerfile").write_text("FROM bb\nRUN echo used > /used\n")
    dy("build", "-t", "inuse", str(ctx))
    dy("create", "--name", "user", "inuse", "cat", "/used")
    from builder.reference import parse_normalized
    from builder.store import Store

    store = Store(dy.root)  # a repo digest, as a push records it
    digest = "sha256:" + "4" * 64
    store.add_image(store.resolve("inuse").descriptor, [parse_normalized(f"inuse@{digest}")])
    proc = dy("rmi", "inuse", check=False)
    assert proc.returncode != 0 and "container" in proc.stderr and "must force" in proc.stderr
    # the repository's last tag goes with its repo digest; the image stays for the container
    assert dy("rmi", "-f", "inuse").stdout == (
        f"Untagged: inuse:latest\nUntagged: inuse@{digest}\n")
    assert "inuse" not in dy("images").stdout
    dy("system", "prune", "-f")
    proc = dy("start", "-a", "user")  # its image and layers are still there
    assert proc.stdout == "used\n"
    dy("rm", "user")


def test_collected_layer_dirs_are_unpacked_again(dy: Dockyard) -> None:
    dy("create", "--name", "relayer", "bb", "echo", "back")
    lowers = dy.inspect("relayer")["GraphDriver"]["Data"]["LowerDir"].split(":")
    for lower in lowers:
        shutil.rmtree(lower)
    assert dy("start", "-a", "relayer").stdout == "back\n"
    shutil.rmtree(lowers[0])
    dy("start", "relayer")  # detached: the CLI unpacks before the supervisor starts
    assert dy("wait", "relayer").stdout == "0\n"
    assert dy("logs", "relayer").stdout == "back\nback\n"
    dy("rm", "relayer")


def test_container_prune(dy: Dockyard) -> None:
    dy("run", "--name", "stopped1", "bb", "true")
    dy("run", "-d", "--name", "alive", "bb", "sleep", "100")
    out = dy("container", "prune", "-f").stdout
    assert "Deleted Containers:" in out
    names = dy("ps", "-a").stdout
    assert "stopped1" not in names and "alive" in names
    dy("rm", "-f", "alive")


def test_root_on_overlayfs_uses_copies(tmp_path: Path) -> None:
    """Inside a container whose root is an overlayfs, containers get copy snapshots."""
    if (reason := _skip_reason()) is not None:
        pytest.skip(reason)
    for sub in ("l", "u", "w", "m"):
        (tmp_path / sub).mkdir()
    subprocess.run(["mount", "-t", "overlay", "overlay", "-o",
                    f"lowerdir={tmp_path / 'l'},upperdir={tmp_path / 'u'},"
                    f"workdir={tmp_path / 'w'}", str(tmp_path / "m")], check=True)
    try:
        d = Dockyard(tmp_path / "m" / "root")
        ctx = tmp_path / "ctx"
        ctx.mkdir()
        shutil.copy2(BUSYBOX, ctx / "busybox")
        (ctx / "Dockerfile").write_text(
            'FROM scratch\nCOPY busybox /bin/busybox\n'
            'RUN ["/bin/busybox","--install","-s","/bin"]\n')
        d("build", "-t", "bb", str(ctx))
        d("run", "--name", "copied", "bb", "sh", "-c", "echo kept > /f")
        assert d.inspect("copied")["GraphDriver"]["Name"] == "copy"
        d("cp", "copied:/f", str(tmp_path / "f"))
        assert (tmp_path / "f").read_text() == "kept\n"
        d("commit", "copied", "copied:1")
        assert d("run", "--rm", "copied:1", "cat", "/f").stdout == "kept\n"
        d("run", "-d", "--name", "live", "bb", "sleep", "100")
        assert "bin" in d("exec", "live", "ls", "/").stdout.split()
        d("rm", "-f", "copied", "live")
        assert not [p for p in (d.root / "containers").iterdir() if len(p.name) == 64]
    finally:
        subprocess.run(["umount", "-l", str(tmp_path / "m")], check=False)


def test_wait_reports_the_status_of_a_container_that_removes_itself(dy: Dockyard) -> None:
    """``docker wait`` on an ``--rm`` container prints its exit status, though the
    container is gone once it exits (it used to print 0)."""
    cid = dy("run", "-d", "--rm", "bb", "sh", "-c", "sleep 1; exit 5").stdout.strip()
    waiters = [subprocess.Popen(
        [sys.executable, "-m", "builder", "--root", str(dy.root), "wait", cid],
        stdout=subprocess.PIPE, text=True, env=dy.env, cwd=REPO) for _ in range(2)]
    outs = [w.communicate(timeout=30)[0] for w in waiters]
    assert outs == ["5\n", "5\n"]
    assert cid not in dy.ids("-a")
    gone = dy("wait", cid, check=False)
    assert gone.returncode == 1 and "No such container" in gone.stderr


def test_dev_has_the_hosts_devices_bound_in(dy: Dockyard) -> None:
    """/dev's devices are the host's (0666, root's), bind mounted as runc does where it has
    no device cgroup: /dev itself is nodev, so a node made there opens nothing."""
    script = ("for d in null zero full random urandom tty; do stat -c '%n %F %t:%T %a %u:%g' "
              "/dev/$d; done; awk '$5 ~ \"^/dev/\"' /proc/self/mountinfo | wc -l; "
              "echo x > /dev/null")
    out = dy("run", "--rm", "bb", "sh", "-c", script).stdout.split("\n")
    expected = []
    for name in ("null", "zero", "full", "random", "urandom", "tty"):
        rdev = os.stat(f"/dev/{name}").st_rdev
        expected.append(f"/dev/{name} character special file "
                        f"{os.major(rdev):x}:{os.minor(rdev):x} 666 0:0")
    assert out[:6] == expected
    assert out[6] == "9"  # the six devices, /dev/pts, /dev/shm, /dev/mqueue


def test_a_removed_run_leaves_its_small_files_to_the_next(dy: Dockyard) -> None:
    """An ``--rm`` container that leaves only Dockyard's few small files is moved out of the
    listings at once and deleted later: by the next run, by ``rm`` or by a prune. One that
    wrote into its root file system is deleted at once."""
    containers = dy.root / "containers"

    def left(prefix: str) -> set[str]:
        names = os.listdir(containers) if containers.exists() else []
        return {name for name in names if name.startswith(prefix)}

    dy("container", "prune", "-f")
    assert left(".later-") == set()
    before = set(dy.ids("-a"))
    dy("run", "--rm", "bb", "true")
    waiting = left(".later-")
    assert len(waiting) == 1 and set(dy.ids("-a")) == before
    kept = containers / waiting.pop()
    assert {p.name for p in kept.iterdir()} <= set(
        ["config.json", "container-json.log", "hostname", "hosts", "lock", "resolv.conf",
         "rootfs", "state.json", "upper", "work"])
    assert not os.path.ismount(kept / "rootfs")
    dy("run", "--rm", "bb", "sh", "-c", "head -c 100000 /dev/zero > /written")
    assert left(".later-") == set() and left(".rm-") == set()  # both gone
    assert set(dy.ids("-a")) == before
    dy("run", "--rm", "-v", "/anon", "bb", "true")  # its anonymous volume goes with it
    assert left(".later-") == set()
    dy("run", "--rm", "bb", "true")
    cid = dy("create", "bb", "true").stdout.strip()
    dy("rm", cid)
    assert left(".later-") == set()
    dy("run", "--rm", "bb", "true")
    dy("system", "prune", "-f")
    assert left(".later-") == set()
