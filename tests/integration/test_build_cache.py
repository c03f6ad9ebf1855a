"""``dockyard build`` through the CLI: cache hits and misses, concurrency, failures, Ctrl-C,
outputs and progress.

Every build is a real one (overlay snapshots, namespaces, the store). Which steps ran and
which came from the cache is read from ``--progress json`` events; the concurrency test
counts real executions in a cache mount, which lives outside every rootfs.
"""

from __future__ import annotations

import io
import json
import os
import pty
import re
import select
import shutil
import signal
import subprocess
import sys
import tarfile
import time
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from builder.store import Store

pytestmark = pytest.mark.integration

REPO = Path(__file__).resolve().parents[2]
ENV = {**os.environ, "PYTHONPATH": str(REPO)}
BUSYBOX = Path("/bin/busybox")
BASE = 'FROM scratch\nCOPY busybox /bin/busybox\nRUN ["/bin/busybox", "--install", "-s", "/bin"]\n'


@pytest.fixture(autouse=True)
def _needs_root() -> None:
    if os.geteuid() != 0:
        pytest.skip("builds need root (namespaces, overlayfs)")
    if not BUSYBOX.exists():
        pytest.skip("busybox-static is not installed")


@dataclass
class Outcome:
    """What one ``--progress json`` build did."""

    proc: subprocess.CompletedProcess[str]
    ran: list[str] = field(default_factory=list)
    cached: list[str] = field(default_factory=list)
    logs: list[str] = field(default_factory=list)
    image: str = ""


def dockyard(root: Path, *args: str, cwd: Path | None = None, check: bool = True,
             timeout: float = 300) -> subprocess.CompletedProcess[str]:
    proc = subprocess.run([sys.executable, "-m", "builder", "--root", str(root), *args],
                          env=ENV, cwd=cwd, capture_output=True, text=True, timeout=timeout)
    if check and proc.returncode != 0:
        raise AssertionError(f"dockyard {' '.join(args)} failed:\n{proc.stderr}")
    return proc


def parse_events(stdout: str) -> Outcome:
    out = Outcome(subprocess.CompletedProcess([], 0, stdout, ""))
    for line in stdout.splitlines():
        event = json.loads(line)  # every line is one JSON object
        kind = event["event"]
        if kind == "started":
            out.ran.append(event["step"])
        elif kind == "cached":
            out.cached.append(event["step"])
        elif kind == "log":
            out.logs.append(event["line"])
        elif kind == "summary":
            out.image = event["image"]
            assert event["run"] == len(out.ran) and event["cached"] == len(out.cached)
    return out


def build(root: Path, ctx: Path, *args: str) -> Outcome:
    proc = dockyard(root, "build", "--progress", "json", *args, str(ctx))
    out = parse_events(proc.stdout)
    out.proc = proc
    assert out.image.startswith("sha256:")
    return out


def context(tmp: Path, dockerfile: str, files: dict[str, str] | None = None) -> Path:
    ctx = tmp / "ctx"
    ctx.mkdir(parents=True, exist_ok=True)
    shutil.copy2(BUSYBOX, ctx / "busybox")
    (ctx / "Dockerfile").write_text(dockerfile)
    for name, text in (files or {}).items():
        (ctx / name).parent.mkdir(parents=True, exist_ok=True)
        (ctx / name).write_text(text)
    return ctx


def instructions(steps: list[str]) -> list[str]:
    """``[stage 2/5] RUN x`` -> ``RUN x``."""
    return [s.split("] ", 1)[1] for s in steps]


def _read(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError:
        return b""


def mounts_under(root: Path) -> list[str]:
    text = Path("/proc/self/mountinfo").read_text()
    return [line for line in text.splitlines() if str(root) in line]


def forget_memo(root: Path) -> None:
    """Drop the whole-build memo, so the next build plans and looks up every step."""
    shutil.rmtree(root / "cache" / "builds", ignore_errors=True)


def assert_consistent(root: Path) -> None:
    assert Store(root).fsck() == []
    assert mounts_under(root) == []
    leftovers = [p.name for p in (root / "snapshots").rglob("*") if p.is_dir()
                 and p.name.startswith("build-")] if (root / "snapshots").exists() else []
    assert leftovers == []


LAYERED = BASE + """\
COPY a.txt /a
RUN cat /a > /a2
COPY b.txt /b
RUN cat /b > /b2
RUN echo end > /end
"""


def test_noop_rebuild_and_touched_mtimes_run_nothing(tmp_path: Path) -> None:
    root = tmp_path / "root"
    ctx = context(tmp_path, LAYERED, {"a.txt": "a\n", "b.txt": "b\n"})
    first = build(root, ctx, "-t", "app")
    assert len(first.ran) == 7 and first.cached == []
    again = build(root, ctx, "-t", "app")  # answered by the build memo
    assert again.ran == [] and len(again.cached) == 7
    assert again.image == first.image
    forget_memo(root)
    planned = build(root, ctx, "-t", "app")  # every step looked up in the cache
    assert planned.ran == [] and len(planned.cached) == 7
    assert planned.image == first.image
    later = time.time() + 3600
    for path in [ctx, *ctx.rglob("*")]:
        os.utime(path, (later, later))
    touched = build(root, ctx, "-t", "app")
    assert touched.ran == [] and touched.image == first.image
    forget_memo(root)
    os.utime(ctx / "a.txt", (later + 60, later + 60))
    touched = build(root, ctx, "-t", "app")
    assert touched.ran == [] and len(touched.cached) == 7 and touched.image == first.image


def test_changed_file_reruns_from_its_step_only(tmp_path: Path) -> None:
    root = tmp_path / "root"
    ctx = context(tmp_path, LAYERED, {"a.txt": "a\n", "b.txt": "b\n"})
    first = build(root, ctx)
    (ctx / "b.txt").write_text("b changed\n")
    second = build(root, ctx)
    assert instructions(second.cached) == [
        "COPY busybox /bin/busybox", 'RUN ["/bin/busybox", "--install", "-s", "/bin"]',
        "COPY a.txt /a", "RUN cat /a > /a2",
    ]
    assert instructions(second.ran) == ["COPY b.txt /b", "RUN cat /b > /b2", "RUN echo end > /end"]
    assert second.image != first.image


def test_build_arg_used_late_keeps_earlier_steps_cached(tmp_path: Path) -> None:
    dockerfile = BASE + "RUN echo early > /early\nARG FLAVOR=plain\nRUN echo $FLAVOR > /flavor\n"
    root = tmp_path / "root"
    ctx = context(tmp_path, dockerfile)
    build(root, ctx, "--build-arg", "FLAVOR=one")
    second = build(root, ctx, "--build-arg", "FLAVOR=two")
    assert instructions(second.ran) == ["RUN echo $FLAVOR > /flavor"]
    assert len(second.cached) == 3
    third = build(root, ctx, "--build-arg", "FLAVOR=two")
    assert third.ran == []


def test_ignored_and_unused_files_keep_everything_cached(tmp_path: Path) -> None:
    dockerfile = BASE + "COPY a.txt /a\nCOPY sub/ /sub/\nRUN ls /sub > /listing\n"
    root = tmp_path / "root"
    ctx = context(tmp_path, dockerfile, {
        "a.txt": "a\n", "sub/kept.txt": "kept\n", "sub/ignored.txt": "x\n", "unused.txt": "u\n",
        ".dockerignore": "sub/ignored.txt\n",
    })
    first = build(root, ctx)
    (ctx / "sub" / "ignored.txt").write_text("changed\n")
    (ctx / "unused.txt").write_text("changed\n")
    (ctx / "new-unused.txt").write_text("new\n")
    second = build(root, ctx)
    assert second.ran == [] and second.image == first.image
    (ctx / "sub" / "ignored.txt").write_text("changed again\n")
    forget_memo(root)
    third = build(root, ctx)
    assert third.ran == [] and len(third.cached) == 5 and third.image == first.image
    (ctx / "sub" / "kept.txt").write_text("changed\n")  # the control: a used file does count
    assert instructions(build(root, ctx).ran) == ["COPY sub/ /sub/", "RUN ls /sub > /listing"]


def test_concurrent_builds_run_each_step_once(tmp_path: Path) -> None:
    count = "--mount=type=cache,id=counter,target=/counter,sharing=shared"
    dockerfile = BASE + "".join(
        f"RUN {count} echo step{i} >> /counter/runs && sleep 1 && echo {i} > /f{i}\n"
        for i in range(3)
    )
    root = tmp_path / "root"
    ctx = context(tmp_path, dockerfile)
    args = [sys.executable, "-m", "builder", "--root", str(root), "build", "--progress", "json",
            "-t", "app", str(ctx)]
    procs = [subprocess.Popen(args, env=ENV, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                              text=True) for _ in range(2)]
    outs = [p.communicate(timeout=300) for p in procs]
    for proc, (_, err) in zip(procs, outs, strict=True):
        assert proc.returncode == 0, err
    results = [parse_events(stdout) for stdout, _ in outs]
    assert results[0].image == results[1].image
    (counter,) = list((root / "cache" / "mounts").glob("*/runs"))
    assert sorted(counter.read_text().split()) == ["step0", "step1", "step2"]
    assert sorted(results[0].ran + results[1].ran) == sorted(set(results[0].ran + results[1].ran))
    assert len(results[0].ran) + len(results[1].ran) == 5  # COPY, RUN install, 3 counted RUNs
    assert_consistent(root)


def test_no_cache_and_no_cache_filter(tmp_path: Path) -> None:
    dockerfile = BASE.replace("FROM scratch", "FROM scratch AS base") + (
        "FROM base AS one\nRUN echo 1 > /one\n"
        "FROM base AS two\nRUN echo 2 > /two\nRUN echo 22 >> /two\n"
        "FROM base\nCOPY --from=one /one /one\nCOPY --from=two /two /two\n"
    )
    root = tmp_path / "root"
    ctx = context(tmp_path, dockerfile)
    first = build(root, ctx)
    assert len(first.ran) == 7
    everything = build(root, ctx, "--no-cache")
    assert everything.cached == [] and len(everything.ran) == 7
    filtered = build(root, ctx, "--no-cache-filter", "two")
    assert filtered.ran and all(s.startswith("[two ") for s in filtered.ran)
    assert instructions(filtered.ran) == ["RUN echo 2 > /two", "RUN echo 22 >> /two"]
    assert not any(s.startswith("[two ") for s in filtered.cached)


def test_failing_run_commits_nothing_and_names_its_place(tmp_path: Path) -> None:
    dockerfile = BASE.replace("FROM scratch", "FROM scratch AS broken") + (
        "RUN echo fine > /fine\n"
        "RUN echo first-line && echo last-words && exit 3\n"
        "RUN echo never > /never\n"
    )
    root = tmp_path / "root"
    ctx = context(tmp_path, dockerfile)
    iid = tmp_path / "iid"
    iid.write_text("sha256:stale")
    proc = dockyard(root, "build", "--progress", "plain", "-t", "app", "--iidfile", str(iid),
                    str(ctx), check=False)
    assert proc.returncode != 0
    assert "Traceback" not in proc.stderr
    error = proc.stderr[proc.stderr.rfind("ERROR"):] if "ERROR" in proc.stderr else proc.stderr
    assert "broken" in error and "RUN echo first-line" in error
    assert "Dockerfile:5" in error
    assert "exit code: 3" in error
    assert re.search(r"^\s+\| first-line\n\s+\| last-words$", proc.stderr, re.M), error
    assert_consistent(root)
    assert Store(root).images() == []  # no image, no tag
    assert not iid.exists()  # as docker build: no stale ID
    (ctx / "Dockerfile").write_text(dockerfile.replace("exit 3", "true"))
    fixed = build(root, ctx, "-t", "app")
    assert instructions(fixed.cached) == [
        "COPY busybox /bin/busybox", 'RUN ["/bin/busybox", "--install", "-s", "/bin"]',
        "RUN echo fine > /fine",
    ]
    assert len(fixed.ran) == 2
    assert_consistent(root)


@pytest.mark.parametrize("sig", [signal.SIGINT, signal.SIGTERM, signal.SIGHUP])
def test_signal_mid_run_leaves_no_mounts_and_a_usable_store(tmp_path: Path, sig: int) -> None:
    """Ctrl-C, SIGTERM and SIGHUP all cancel the build and clean up."""
    dockerfile = BASE + "COPY a.txt /a\nRUN echo running && sleep 6017\n"
    root = tmp_path / "root"
    ctx = context(tmp_path, dockerfile, {"a.txt": "a\n"})
    proc = subprocess.Popen(
        [sys.executable, "-m", "builder", "--root", str(root), "build", "--progress", "plain",
         str(ctx)], env=ENV, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    assert proc.stdout is not None
    seen = ""
    for line in proc.stdout:  # until the RUN prints, so the signal lands mid-RUN
        seen += line
        if re.match(r"#\d+ [\d.]+ running$", line):
            break
    assert re.search(r"#\d+ [\d.]+ running", seen), seen
    assert mounts_under(root)  # the RUN's snapshot is mounted now
    started = time.monotonic()
    proc.send_signal(sig)
    rest, _ = proc.communicate(timeout=60)
    assert time.monotonic() - started < 30
    assert proc.returncode == 128 + sig
    assert not mounts_under(root)
    assert "Traceback" not in rest, rest
    assert_consistent(root)
    assert not [p for p in Path("/proc").glob("[0-9]*/cmdline")
                if b"sleep\x006017" in _read(p) or b"sleep 6017" in _read(p)]  # RUN killed
    (ctx / "Dockerfile").write_text(dockerfile.replace("sleep 6017", "true"))
    after = build(root, ctx)
    assert instructions(after.ran) == ["RUN echo running && true"]
    assert_consistent(root)


def test_quiet_iidfile_and_outputs(tmp_path: Path) -> None:
    dockerfile = BASE + "COPY a.txt /app/a.txt\nRUN ln -s a.txt /app/link && echo hi > /app/hi\n"
    root = tmp_path / "root"
    ctx = context(tmp_path, dockerfile, {"a.txt": "alpha\n"})
    iid = tmp_path / "iid"
    quiet = dockyard(root, "build", "-q", "--iidfile", str(iid), "-t", "app:1", str(ctx))
    assert re.fullmatch(r"sha256:[0-9a-f]{64}\n", quiet.stdout)
    assert quiet.stderr == ""
    image_id = quiet.stdout.strip()
    assert iid.read_text().strip() == image_id
    assert Store(root).resolve("app:1").id == image_id

    docker_tar, oci_tar, local = tmp_path / "d.tar", tmp_path / "o.tar", tmp_path / "local"
    out = build(root, ctx, "-t", "app:1", "-o", f"type=docker,dest={docker_tar}",
                "-o", f"type=oci,dest={oci_tar}", "-o", f"type=local,dest={local}")
    assert out.ran == [] and out.image == image_id
    with tarfile.open(docker_tar) as tar:
        names = tar.getnames()
        manifest = json.load(tar.extractfile("manifest.json"))  # type: ignore[arg-type]
        (entry,) = manifest
        assert entry["RepoTags"] == ["app:1"]
        assert image_id.split(":")[1] in entry["Config"]
        assert len(entry["Layers"]) == 4 and all(layer in names for layer in entry["Layers"])
    with tarfile.open(oci_tar) as tar:
        names = tar.getnames()
        assert "oci-layout" in names and "index.json" in names
        index = json.load(tar.extractfile("index.json"))  # type: ignore[arg-type]
        digest = index["manifests"][0]["digest"].split(":")[1]
        assert f"blobs/sha256/{digest}" in names
    assert (local / "app" / "a.txt").read_text() == "alpha\n"
    assert os.readlink(local / "app" / "link") == "a.txt"
    assert (local / "app" / "hi").read_text() == "hi\n"
    assert (local / "bin" / "busybox").stat().st_size == BUSYBOX.stat().st_size
    # outputs that cannot be written: one line naming them, no traceback; a link to a
    # file is written through
    for dest, message in ((f"type=local,dest={oci_tar}", f"cannot write {oci_tar}: not a"),
                          (f"type=docker,dest={tmp_path}/nope/d.tar", "No such file")):
        bad = dockyard(root, "build", "-q", "-o", dest, str(ctx), check=False)
        assert bad.returncode == 1 and message in bad.stderr and "Traceback" not in bad.stderr
    # the file system as a tar: to a file, or (-o -) to the standard output
    fs_tar = tmp_path / "fs.tar"
    streamed = subprocess.run(
        [sys.executable, "-m", "builder", "--root", str(root), "build", "--progress", "quiet",
         "-o", f"type=tar,dest={fs_tar}", "-o", "-", str(ctx)],
        env=ENV, capture_output=True, timeout=300, check=True).stdout
    with tarfile.open(fs_tar) as tar, tarfile.open(fileobj=io.BytesIO(streamed)) as again:
        for t in (tar, again):
            assert t.getmember("app/link").linkname == "a.txt"
            assert t.extractfile("app/hi").read() == b"hi\n"  # type: ignore[union-attr]
            assert t.getmember("bin/busybox").mode == 0o755
        assert tar.getnames() == again.getnames()
    (tmp_path / "link.tar").symlink_to(docker_tar)
    dockyard(root, "build", "-q", "-o", f"type=docker,dest={tmp_path}/link.tar", str(ctx))
    assert (tmp_path / "link.tar").is_symlink() and tarfile.is_tarfile(docker_tar)


def test_plain_progress_numbers_steps_and_prints_every_line(tmp_path: Path) -> None:
    long_line = "x" * 5000
    dockerfile = BASE + (
        f"RUN for i in $(seq 1 300); do echo line-$i; done && echo {long_line}\n"
    )
    root = tmp_path / "root"
    ctx = context(tmp_path, dockerfile)
    first = dockyard(root, "build", "--progress", "plain", str(ctx)).stderr
    for i in range(1, 301):
        assert re.search(rf"^#3 \d+\.\d+ line-{i}$", first, re.M), f"line-{i} missing"
    assert re.search(rf"^#3 \d+\.\d+ {long_line}$", first, re.M)
    # as BuildKit numbers them: FROM is 1/4, no stage name in a one-stage build
    assert re.search(r"^#1 \[2/4\] COPY busybox /bin/busybox$", first, re.M), first[:300]
    assert re.search(r"^#3 \[4/4\] RUN for i in", first, re.M)
    assert re.search(r"^#3 DONE \d+\.\ds$", first, re.M)
    assert "Steps: 3 run, 0 cached" in first
    again = dockyard(root, "build", "--progress", "plain", str(ctx)).stderr
    for n in (1, 2, 3):
        assert re.search(rf"^#{n} CACHED$", again, re.M)
    assert "line-1" not in again
    assert "Steps: 0 run, 3 cached" in again


def test_json_progress_is_one_event_per_line(tmp_path: Path) -> None:
    root = tmp_path / "root"
    ctx = context(tmp_path, BASE + "RUN echo hello-json\n")
    proc = dockyard(root, "build", "--progress", "json", str(ctx))
    events = [json.loads(line) for line in proc.stdout.splitlines()]
    kinds = [e["event"] for e in events]
    assert kinds.count("started") == 3 and kinds.count("finished") == 3
    assert kinds[-1] == "summary"
    assert any(e["event"] == "log" and e["line"] == "hello-json" for e in events)


def test_tty_progress_under_a_pseudo_terminal(tmp_path: Path) -> None:
    root = tmp_path / "root"
    ctx = context(tmp_path, BASE + "RUN echo on-a-tty && sleep 0.5\n")
    primary, secondary = pty.openpty()
    proc = subprocess.Popen(
        [sys.executable, "-m", "builder", "--root", str(root), "build", "--progress", "tty",
         str(ctx)], env={**ENV, "TERM": "xterm", "COLUMNS": "120"},
        stdin=secondary, stdout=secondary, stderr=secondary, close_fds=True)
    os.close(secondary)
    output = b""
    while True:
        ready, _, _ = select.select([primary], [], [], 120)
        if not ready:
            break
        try:
            chunk = os.read(primary, 65536)
        except OSError:  # EIO: the other side closed
            break
        if not chunk:
            break
        output += chunk
    os.close(primary)
    assert proc.wait(timeout=60) == 0, output.decode(errors="replace")
    text = re.sub(r"\x1b\[[0-9;?]*[A-Za-z]", "", output.decode(errors="replace"))
    assert "Traceback" not in text
    assert "Steps: 3 run, 0 cached" in text
    assert "Image: sha256:" in text


def test_context_or_dockerfile_from_stdin(tmp_path: Path) -> None:
    root = tmp_path / "root"
    ctx = context(tmp_path, BASE + "COPY a.txt /a\n", {"a.txt": "a\n"})
    from_stdin = subprocess.run(
        [sys.executable, "-m", "builder", "--root", str(root), "build", "-q", "-f", "-",
         str(ctx)], input=(ctx / "Dockerfile").read_bytes(), env=ENV, capture_output=True)
    assert from_stdin.returncode == 0, from_stdin.stderr.decode()
    image_id = from_stdin.stdout.decode().strip()
    tar = tmp_path / "ctx.tar"
    subprocess.run(["tar", "-C", str(ctx), "-cf", str(tar), "."], check=True)
    with tar.open("rb") as stdin:
        from_tar = subprocess.run(
            [sys.executable, "-m", "builder", "--root", str(root), "build", "--progress", "json",
             "-"], stdin=stdin, env=ENV, capture_output=True, text=True)
    assert from_tar.returncode == 0, from_tar.stderr
    out = parse_events(from_tar.stdout)
    assert out.ran == [] and out.image == image_id  # the same steps, all cached


def test_memo_misses_when_a_base_or_a_tag_moved(tmp_path: Path) -> None:
    root = tmp_path / "root"
    base_ctx = context(tmp_path / "b", BASE + "COPY v.txt /v\n", {"v.txt": "1\n"})
    app_ctx = context(tmp_path / "a", "FROM base:1\nRUN cat /v > /copied\n")
    build(root, base_ctx, "-t", "base:1")
    first = build(root, app_ctx, "-t", "app")
    (base_ctx / "v.txt").write_text("2\n")
    build(root, base_ctx, "-t", "base:1")  # base:1 now names another image
    second = build(root, app_ctx, "-t", "app")
    assert instructions(second.ran) == ["RUN cat /v > /copied"]
    assert second.image != first.image
    other = build(root, base_ctx, "-t", "app")  # the tag app moves away
    assert other.image != second.image
    third = build(root, app_ctx, "-t", "app")
    assert third.ran == [] and third.image == second.image
    assert Store(root).resolve("app").id == second.image  # tagged back


def test_steps_after_an_add_of_a_url_see_its_new_content(tmp_path: Path) -> None:
    import http.server
    import threading
    from functools import partial

    served = tmp_path / "www"
    served.mkdir()
    (served / "f.txt").write_text("v1\n")
    handler = partial(http.server.SimpleHTTPRequestHandler, directory=str(served))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        url = f"http://127.0.0.1:{server.server_address[1]}/f.txt"
        root = tmp_path / "root"
        ctx = context(tmp_path, BASE + f"ADD {url} /f.txt\nRUN cat /f.txt > /copy\n")
        out = tmp_path / "out1"
        build(root, ctx, "-o", f"type=local,dest={out}")
        assert (out / "copy").read_text() == "v1\n"
        (served / "f.txt").write_text("v2\n")
        out = tmp_path / "out2"
        second = build(root, ctx, "-o", f"type=local,dest={out}")
        assert (out / "f.txt").read_text() == "v2\n"
        assert (out / "copy").read_text() == "v2\n"  # not the RUN cached after v1
        assert "RUN cat /f.txt > /copy" in instructions(second.ran)
        assert not (root / "cache" / "builds").exists()  # never answered by the memo
    finally:
        server.shutdown()
        server.server_close()


def test_a_failed_image_output_leaves_the_destination_as_it_was(tmp_path: Path) -> None:
    root = tmp_path / "root"
    ctx = context(tmp_path, BASE + "RUN echo hi > /hi\n")
    build(root, ctx, "-t", "app:1")
    store = Store(root)
    layer = store.resolve("app:1").layers[-1]
    blob = store.blob_path(layer.digest)
    data = blob.read_bytes()
    os.chmod(blob, 0o644)
    blob.write_bytes(data[: len(data) // 2] + bytes(len(data) - len(data) // 2))  # damaged
    dest = tmp_path / "out.tar"
    dest.write_bytes(b"previous")
    proc = dockyard(root, "build", "-q", "-o", f"type=docker,dest={dest}", str(ctx),
                    check=False)
    assert proc.returncode == 1, proc.stderr
    assert "Traceback" not in proc.stderr
    assert dest.read_bytes() == b"previous"  # neither truncated nor half written
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".out.tar")] == []


def test_a_rebuild_counts_one_hit_per_cached_step(tmp_path: Path) -> None:
    root = tmp_path / "root"
    ctx = context(tmp_path, LAYERED, {"a.txt": "a\n", "b.txt": "b\n"})
    build(root, ctx)
    (ctx / "b.txt").write_text("b changed\n")  # later RUN steps miss
    build(root, ctx)
    hits = {r["instruction"]: r["hits"] for r in map(
        json.loads, dockyard(root, "cache", "ls", "--format", "json").stdout.splitlines())}
    assert hits["RUN cat /a > /a2"] == 1
    assert hits['RUN ["/bin/busybox", "--install", "-s", "/bin"]'] == 1
    assert hits["RUN echo end > /end"] == 0


def test_from_an_ambiguous_image_id_prefix_names_its_line(tmp_path: Path) -> None:
    root = tmp_path / "root"
    ctx = tmp_path / "ctx"
    ctx.mkdir()
    (ctx / "Dockerfile").write_text("FROM scratch\nCOPY f /f\n")
    for n in range(17):  # 17 image IDs: two share their first hex digit
        (ctx / "f").write_text(f"{n}\n")
        dockyard(root, "build", "-q", "-t", f"img{n}", str(ctx))
    ids = dockyard(root, "images", "-q", "--no-trunc").stdout.split()
    firsts = [i.removeprefix("sha256:")[0] for i in ids]
    shared = next(c for c in firsts if firsts.count(c) > 1)
    (ctx / "Dockerfile").write_text(f"# base\nFROM {shared}\nRUN true\n")
    proc = dockyard(root, "build", "-q", str(ctx), check=False)
    assert proc.returncode == 1
    assert proc.stderr.startswith("Dockerfile:2:1: ") and "is ambiguous" in proc.stderr


def test_a_context_as_deep_as_paths_go(tmp_path: Path) -> None:
    """Directories nested as deep as a path may be (4,096 bytes) are copied, cached, run
    and saved: every walk has the room (it raised RecursionError at some 600 levels)."""
    root = tmp_path / "root"
    ctx = context(tmp_path / "c", BASE + "COPY . /ctx/\nRUN find /ctx -name leaf | wc -c\n")
    depth = (4000 - len(f"{ctx}/leaf")) // 2
    fd = os.open(ctx, os.O_RDONLY)
    try:  # made through fds: the whole path is longer than calls by path may take
        for _ in range(depth):
            os.mkdir("d", dir_fd=fd)
            fd, parent = os.open("d", os.O_RDONLY, dir_fd=fd), fd
            os.close(parent)
        with open(os.open("leaf", os.O_WRONLY | os.O_CREAT, 0o644, dir_fd=fd), "w") as f:
            f.write("leaf\n")
    finally:
        os.close(fd)
    assert depth > 1900
    first = build(root, ctx, "-t", "deep:1")
    assert len(first.ran) == 4
    assert build(root, ctx, "-t", "deep:1").ran == []
    listing = dockyard(root, "run", "--rm", "deep:1", "find", "/ctx", "-name", "leaf").stdout
    assert listing == "/ctx" + "/d" * depth + "/leaf\n"
