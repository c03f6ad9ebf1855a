"""Interoperability of the store and its tarballs with Docker 20.10, skopeo and umoci.

One private dockerd serves the whole module. The image is built by Docker's classic builder
from a busybox binary and a tree with modes, a symlink and a hardlink; then:

(a) ``docker save`` → ``dockyard load``;
(b) ``dockyard save`` → ``docker rmi`` the original → ``docker load`` → ``docker run``; the
    config and the file listing (path, type, mode, uid, gid, size, content hash, link target)
    match the original's;
(c) ``skopeo inspect oci:<root>/store:<tag>`` and ``umoci unpack --image <root>/store:<tag>``
    read the store directly (the loaded layers stay uncompressed, as Docker saved them);
(d) ``dockyard save --format oci`` is read by ``skopeo inspect oci-archive:``.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import stat
import subprocess
import sys
import tarfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.integration.dockerd import Dockerd, start_dockerd, stop_dockerd

pytestmark = pytest.mark.integration

TAG = "dyinterop"
IMAGE = f"{TAG}:v1"
REPO = Path(__file__).resolve().parents[2]

DOCKERFILE = """\
FROM scratch
COPY busybox /bin/busybox
COPY tree/ /
COPY --chown=1234:5678 tree/opt/run.sh /srv/run.sh
ENV PATH=/bin FOO=bar
WORKDIR /work
LABEL org.example.test=interop
EXPOSE 8080
CMD ["busybox", "cat", "/etc/hello"]
"""

# Docker adds these to every container's filesystem; they are not part of the image.
RUNTIME_PATHS = (".dockerenv", "dev", "proc", "sys", "etc/hosts", "etc/hostname",
                 "etc/resolv.conf", "etc/mtab")

Entry = tuple[str, int, int, int, int, str, str]  # type, mode, uid, gid, size, sha256, link


def dockyard(root: Path, *args: str, input: bytes | None = None,
             check: bool = True) -> subprocess.CompletedProcess[bytes]:
    result = subprocess.run([sys.executable, "-m", "builder", "--root", str(root), *args],
                            cwd=REPO, capture_output=True, input=input, timeout=300)
    if check and result.returncode != 0:
        raise AssertionError(f"dockyard {' '.join(args)} failed: {result.stderr.decode()}")
    return result


def listing_from_tar(path: Path) -> dict[str, Entry]:
    out: dict[str, Entry] = {}
    with tarfile.open(path) as tar:
        for m in tar:
            name = m.name.removeprefix("./").rstrip("/")
            if not name or name.split("/")[0] in RUNTIME_PATHS[:4] or name in RUNTIME_PATHS:
                continue
            kind = {tarfile.DIRTYPE: "dir", tarfile.SYMTYPE: "symlink"}.get(m.type, "file")
            digest = ""
            if m.isfile():
                f = tar.extractfile(m)
                assert f is not None
                digest = hashlib.sha256(f.read()).hexdigest()
            size = m.size if m.isfile() else 0
            link = m.linkname if m.issym() else ""
            if m.islnk():
                kind, link = "file", ""
                f = tar.extractfile(m)
                assert f is not None
                data = f.read()
                digest, size = hashlib.sha256(data).hexdigest(), len(data)
            out[name] = (kind, m.mode & 0o7777, m.uid, m.gid, size, digest, link)
    return out


def listing_from_dir(root: Path) -> dict[str, Entry]:
    out: dict[str, Entry] = {}
    for dirpath, dirnames, filenames in os.walk(root):
        for name in dirnames + filenames:
            p = Path(dirpath) / name
            rel = str(p.relative_to(root))
            st = p.lstat()
            if stat.S_ISDIR(st.st_mode):
                entry: Entry = ("dir", st.st_mode & 0o7777, st.st_uid, st.st_gid, 0, "", "")
            elif stat.S_ISLNK(st.st_mode):
                entry = ("symlink", st.st_mode & 0o7777, st.st_uid, st.st_gid, 0, "",
                         os.readlink(p))
            else:
                entry = ("file", st.st_mode & 0o7777, st.st_uid, st.st_gid, st.st_size,
                         hashlib.sha256(p.read_bytes()).hexdigest(), "")
            out[rel] = entry
    return out


def hardlink_groups(path: Path) -> set[tuple[str, str]]:
    with tarfile.open(path) as tar:
        return {(m.name.removeprefix("./"), m.linkname.removeprefix("./"))
                for m in tar if m.islnk()}


@pytest.fixture(scope="module")
def daemon(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Dockerd]:
    d = start_dockerd(tmp_path_factory.mktemp("dockerd"))
    try:
        yield d
    finally:
        stop_dockerd(d)


@pytest.fixture(scope="module")
def work(tmp_path_factory: pytest.TempPathFactory) -> Path:
    for tool in ("skopeo", "umoci"):
        if shutil.which(tool) is None:
            pytest.skip(f"{tool} is not installed")
    if not os.path.exists("/bin/busybox"):
        pytest.skip("/bin/busybox (busybox-static) is not installed")
    return tmp_path_factory.mktemp("interop")


@pytest.fixture(scope="module")
def original(daemon: Dockerd, work: Path) -> dict[str, object]:
    """Build with Docker, record its inspect data, run output and export listing, save it."""
    ctx = work / "ctx"
    tree = ctx / "tree"
    (tree / "etc").mkdir(parents=True)
    (tree / "opt" / "private").mkdir(parents=True)
    shutil.copy("/bin/busybox", ctx / "busybox")
    (ctx / "Dockerfile").write_text(DOCKERFILE)
    (tree / "etc" / "hello").write_text("hello from the image\n")
    os.chmod(tree / "etc" / "hello", 0o640)
    os.symlink("hello", tree / "etc" / "hello-link")
    os.link(tree / "etc" / "hello", tree / "etc" / "hello-hard")
    (tree / "opt" / "run.sh").write_text("#!/bin/sh\necho run\n")
    os.chmod(tree / "opt" / "run.sh", 0o755)
    (tree / "opt" / "private" / "key").write_bytes(os.urandom(333))
    os.chmod(tree / "opt" / "private" / "key", 0o600)
    os.chmod(tree / "opt" / "private", 0o700)
    os.symlink("/etc/hello", tree / "opt" / "abs-link")
    os.chmod(tree / "opt", 0o751)
    daemon.docker("build", "--network=none", "-t", IMAGE, str(ctx))
    inspect = json.loads(daemon.docker("image", "inspect", IMAGE).stdout)[0]
    run = daemon.docker("run", "--rm", "--network", "none", IMAGE).stdout
    container = daemon.docker("create", IMAGE).stdout.decode().strip()
    daemon.docker("export", "-o", str(work / "orig-export.tar"), container)
    daemon.docker("rm", container)
    daemon.docker("save", "-o", str(work / "docker-save.tar"), IMAGE)
    listing = listing_from_tar(work / "orig-export.tar")
    links = hardlink_groups(work / "orig-export.tar")
    # what the comparisons below rely on being there
    assert links == {("etc/hello-hard", "etc/hello")}
    assert listing["etc/hello-link"][0] == "symlink" and listing["etc/hello"][1] == 0o640
    assert listing["srv/run.sh"][2:4] == (1234, 5678)
    return {"inspect": inspect, "run": run, "listing": listing, "links": links}


@pytest.fixture(scope="module")
def root(original: dict[str, object], work: Path) -> Path:
    """(a) ``dockyard load`` of Docker's own ``docker save`` output."""
    root = work / "dockyard"
    out = dockyard(root, "load", "-i", str(work / "docker-save.tar")).stdout.decode()
    assert out == f"Loaded image: {IMAGE}\n"
    return root


def test_a_loaded_image_matches_docker(original: dict[str, object], root: Path) -> None:
    inspect = original["inspect"]
    assert isinstance(inspect, dict)
    ours = json.loads(dockyard(root, "inspect", IMAGE).stdout)[0]
    assert ours["Id"] == inspect["Id"]
    assert ours["RepoTags"] == [IMAGE]
    for key in ("Config", "Architecture", "Os", "RootFS", "Created", "DockerVersion"):
        assert ours[key] == inspect[key], key
    images = dockyard(root, "images").stdout.decode().splitlines()
    assert images[0].split() == ["REPOSITORY", "TAG", "IMAGE", "ID", "CREATED", "SIZE"]
    assert images[1].split()[:3] == [TAG, "v1", inspect["Id"][7:19]]
    history = dockyard(root, "history", "--format", "json", IMAGE).stdout.decode().splitlines()
    assert len(history) == len(json.loads(
        dockyard(root, "inspect", IMAGE).stdout)[0]["RootFS"]["Layers"]) + 4  # ENV..CMD
    assert dockyard(root, "history", "-q", IMAGE).stdout.decode().split()[0] == inspect["Id"][
        7:19]


def test_b_docker_loads_and_runs_our_save(daemon: Dockerd, original: dict[str, object],
                                          root: Path, work: Path) -> None:
    ours = work / "dockyard-save.tar"
    dockyard(root, "save", "-o", str(ours), IMAGE)
    daemon.docker("rmi", IMAGE)
    assert daemon.docker("image", "inspect", IMAGE, check=False).returncode != 0
    out = daemon.docker("load", "-i", str(ours)).stdout.decode()
    assert f"Loaded image: {IMAGE}" in out
    inspect = json.loads(daemon.docker("image", "inspect", IMAGE).stdout)[0]
    before = original["inspect"]
    assert isinstance(before, dict)
    for key in ("Id", "Config", "Architecture", "Os", "RootFS", "Created"):
        assert inspect[key] == before[key], key
    assert daemon.docker("run", "--rm", "--network", "none", IMAGE).stdout == original["run"]
    listing = daemon.docker(
        "run", "--rm", "--network", "none", IMAGE, "busybox", "stat", "-c", "%n %a %u %g %s",
        "/etc/hello", "/opt/private/key", "/opt", "/work").stdout.decode()
    assert "/etc/hello 640 0 0 21" in listing and "/opt 751 0 0" in listing
    container = daemon.docker("create", IMAGE).stdout.decode().strip()
    daemon.docker("export", "-o", str(work / "ours-export.tar"), container)
    daemon.docker("rm", container)
    assert listing_from_tar(work / "ours-export.tar") == original["listing"]
    assert hardlink_groups(work / "ours-export.tar") == original["links"]
    # stdin/stdout forms
    piped = dockyard(root, "save", IMAGE).stdout
    assert piped == ours.read_bytes()
    other = work / "dockyard-stdin"
    assert dockyard(other, "load", input=piped).stdout.decode() == f"Loaded image: {IMAGE}\n"


def test_c_skopeo_and_umoci_read_the_store(original: dict[str, object], root: Path,
                                           work: Path) -> None:
    inspect = original["inspect"]
    assert isinstance(inspect, dict)
    result = subprocess.run(["skopeo", "inspect", f"oci:{root}/store:v1"], capture_output=True,
                            timeout=120)
    assert result.returncode == 0, result.stderr.decode()
    summary = json.loads(result.stdout)
    assert summary["Labels"] == {"org.example.test": "interop"}
    assert summary["Env"] == ["PATH=/bin", "FOO=bar"]
    config = json.loads(subprocess.run(["skopeo", "inspect", "--config", f"oci:{root}/store:v1"],
                                       capture_output=True, timeout=120, check=True).stdout)
    assert config["rootfs"]["diff_ids"] == inspect["RootFS"]["Layers"]
    bundle = work / "bundle"
    result = subprocess.run(["umoci", "unpack", "--image", f"{root}/store:v1", str(bundle)],
                            capture_output=True, timeout=120)
    assert result.returncode == 0, result.stderr.decode()
    unpacked = listing_from_dir(bundle / "rootfs")
    expected = original["listing"]
    assert isinstance(expected, dict)
    assert unpacked == expected
    runtime = json.loads((bundle / "config.json").read_text())
    assert runtime["process"]["args"] == ["busybox", "cat", "/etc/hello"]
    assert runtime["process"]["cwd"] == "/work"


def test_d_oci_archive_is_read_by_skopeo(original: dict[str, object], root: Path,
                                         work: Path) -> None:
    inspect = original["inspect"]
    assert isinstance(inspect, dict)
    archive = work / "x.tar"
    dockyard(root, "save", "--format", "oci", "-o", str(archive), IMAGE)
    result = subprocess.run(["skopeo", "inspect", f"oci-archive:{archive}"], capture_output=True,
                            timeout=120)
    assert result.returncode == 0, result.stderr.decode()
    summary = json.loads(result.stdout)
    assert summary["Digest"] == json.loads(dockyard(root, "inspect", IMAGE).stdout)[0][
        "Descriptor"]["digest"]
    assert len(summary["Layers"]) == len(inspect["RootFS"]["Layers"])
    config = json.loads(subprocess.run(
        ["skopeo", "inspect", "--config", f"oci-archive:{archive}"], capture_output=True,
        timeout=120, check=True).stdout)
    assert config["rootfs"]["diff_ids"] == inspect["RootFS"]["Layers"]
    # and we read it back
    other = work / "dockyard-oci"
    assert dockyard(other, "load", "-i", str(archive)).stdout.decode() == (
        f"Loaded image: {IMAGE}\n")


def test_e_tag_rmi_prune(root: Path) -> None:
    dockyard(root, "tag", IMAGE, "localhost:5000/ns/copy:2")
    names = {json.loads(line)["Repository"] for line in
             dockyard(root, "images", "--format", "json").stdout.decode().splitlines()}
    assert names == {TAG, "localhost:5000/ns/copy"}
    assert dockyard(root, "rmi", "localhost:5000/ns/copy:2").stdout.decode() == (
        "Untagged: localhost:5000/ns/copy:2\n")
    bad = dockyard(root, "tag", IMAGE, "Bad/Name", check=False)
    assert bad.returncode == 1
    assert bad.stderr.decode() == (
        "error: invalid reference format: repository name must be lowercase\n")
    missing = dockyard(root, "rmi", "nope", check=False)
    assert missing.returncode == 1 and "No such image: nope" in missing.stderr.decode()
    assert "Total reclaimed space" in dockyard(root, "system", "prune", "-f").stdout.decode()
    assert dockyard(root, "system", "df").stdout.decode().startswith("TYPE")
    assert subprocess.run(["skopeo", "inspect", f"oci:{root}/store:v1"],
                          capture_output=True, timeout=120).returncode == 0


def test_f_zstd_images_and_umoci(root: Path, work: Path) -> None:
    """Imported layers are zstd in the store: skopeo reads them there; umoci 0.4 cannot
    (it rejects the zstd media type), so ``save --format oci --compression gzip`` is the way
    to hand such an image to umoci. Docker 20.10 gets gzip from ``save`` automatically."""
    rootfs = work / "zroot"
    (rootfs / "bin").mkdir(parents=True)
    shutil.copy("/bin/busybox", rootfs / "bin" / "busybox")
    tarball = work / "zroot.tar"
    with tarfile.open(tarball, "w") as tar:
        tar.add(rootfs, arcname=".")
    out = dockyard(root, "import", "-c", 'CMD ["/bin/busybox", "true"]', str(tarball),
                   "zimg:1").stdout.decode().strip()
    assert out.startswith("sha256:")
    manifest = json.loads(dockyard(root, "inspect", "zimg:1").stdout)[0]["Descriptor"]
    raw = json.loads(subprocess.run(["skopeo", "inspect", "--raw", f"oci:{root}/store:1"],
                                    capture_output=True, timeout=120, check=True).stdout)
    assert raw["layers"][0]["mediaType"].endswith("+zstd")
    assert manifest["digest"].startswith("sha256:")
    archive = work / "zimg-gzip.tar"
    dockyard(root, "save", "--format", "oci", "--compression", "gzip", "-o", str(archive),
             "zimg:1")
    layout = work / "zimg-layout"
    layout.mkdir()
    subprocess.run(["tar", "-xf", str(archive), "-C", str(layout)], check=True, timeout=120)
    bundle = work / "zbundle"
    result = subprocess.run(["umoci", "unpack", "--image", f"{layout}:1", str(bundle)],
                            capture_output=True, timeout=120)
    assert result.returncode == 0, result.stderr.decode()
    assert (bundle / "rootfs" / "bin" / "busybox").read_bytes() == Path(
        "/bin/busybox").read_bytes()


def test_g_a_layer_in_many_zstd_frames(daemon: Dockerd, work: Path) -> None:
    """A COPY of thousands of files makes a zstd layer of many frames: skopeo decompresses
    all of them to the layer's diff_id, and Docker loads and runs the image we save."""
    from builder.layers.writer import FRAMES_FROM

    ctx = work / "frames-ctx"
    (ctx / "many").mkdir(parents=True)
    shutil.copy("/bin/busybox", ctx / "busybox")
    count = FRAMES_FROM + 200
    for i in range(count):
        sub = ctx / "many" / f"d{i // 100:03}"
        sub.mkdir(exist_ok=True)
        (sub / f"f{i % 100:02}").write_text(f"file {i}\n" * (i % 13))
    (ctx / "Dockerfile").write_text(
        'FROM scratch\nCOPY busybox /bin/busybox\nCOPY many/ /many/\n'
        'CMD ["/bin/busybox", "sh", "-c", "/bin/busybox find /many -type f | /bin/busybox wc -l"]\n'
    )
    root = work / "frames-root"
    dockyard(root, "build", "-q", "-t", "framed:1", str(ctx))
    raw = json.loads(subprocess.run(["skopeo", "inspect", "--raw", f"oci:{root}/store:1"],
                                    capture_output=True, timeout=120, check=True).stdout)
    layer = raw["layers"][1]
    blob = (root / "store" / "blobs" / "sha256" / layer["digest"].removeprefix("sha256:"))
    from tests.unit.test_layer_frames import zstd_frames

    assert len(zstd_frames(blob.read_bytes())) > 10
    out = work / "frames-dir"
    subprocess.run(["skopeo", "copy", "--dest-decompress", f"oci:{root}/store:1", f"dir:{out}"],
                   capture_output=True, timeout=300, check=True)
    config = json.loads(subprocess.run(["skopeo", "inspect", "--config", f"oci:{root}/store:1"],
                                       capture_output=True, timeout=120, check=True).stdout)
    diff_id = config["rootfs"]["diff_ids"][1]
    tar_path = out / diff_id.removeprefix("sha256:")
    assert "sha256:" + hashlib.sha256(tar_path.read_bytes()).hexdigest() == diff_id
    with tarfile.open(tar_path) as tar:
        assert sum(m.isfile() for m in tar) == count
    saved = work / "framed.tar"
    dockyard(root, "save", "-o", str(saved), "framed:1")
    daemon.docker("load", "-i", str(saved))
    run = daemon.docker("run", "--rm", "--network", "none", "framed:1").stdout
    assert run.decode().strip() == str(count)
