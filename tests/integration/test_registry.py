"""Pull, push, login and builds against a real registry (Debian's distribution 2.8).

Each registry runs on 127.0.0.1 with a free port and a temp storage dir: anonymous, with
htpasswd basic auth, or behind the Bearer token server of ``registry_server``. skopeo checks
what we push and pushes what we pull; a fault-injecting proxy spoils replies.
"""

from __future__ import annotations

import base64
import hashlib
import io
import json
import os
import shutil
import subprocess
import sys
import tarfile
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from builder.descriptor import MEDIA_OCI_INDEX, Descriptor
from builder.image import (
    History,
    ImageConfig,
    RunConfig,
    chain_ids,
    commit_image,
    host_architecture,
)
from builder.layers import changes_from_tree
from builder.reference import parse_normalized
from builder.registry.client import RegistryClient
from builder.registry.credentials import Credentials
from builder.registry.push import push
from builder.settings import Settings
from builder.store import Image, Store
from tests.integration.registry_server import (
    PASSWORD,
    USER,
    Fault,
    FaultProxy,
    Registry,
    have_registry,
    start_registry,
    write_credential_helper,
)

pytestmark = pytest.mark.integration

REPO = Path(__file__).resolve().parents[2]


def _requirements() -> None:
    if os.geteuid() != 0:
        pytest.skip("needs root")
    if not have_registry():
        pytest.skip("docker-registry is not installed")
    if shutil.which("skopeo") is None:
        pytest.skip("skopeo is not installed")


@pytest.fixture(scope="module")
def anon(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Registry]:
    _requirements()
    reg = start_registry(tmp_path_factory.mktemp("reg-anon"))
    yield reg
    reg.stop()


@pytest.fixture(scope="module")
def basic(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Registry]:
    _requirements()
    reg = start_registry(tmp_path_factory.mktemp("reg-basic"), auth="htpasswd")
    yield reg
    reg.stop()


@pytest.fixture(scope="module")
def token(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Registry]:
    _requirements()
    reg = start_registry(tmp_path_factory.mktemp("reg-token"), auth="token")
    yield reg
    reg.stop()


@pytest.fixture
def docker_config(tmp_path: Path) -> Path:
    path = tmp_path / "docker-config"
    path.mkdir()
    return path


def dockyard(root: Path, *args: str, config: Path, input: bytes | None = None,
             check: bool = True, env: dict[str, str] | None = None
             ) -> subprocess.CompletedProcess[str]:
    full_env = {**os.environ, "PYTHONPATH": str(REPO), "DOCKER_CONFIG": str(config),
                **(env or {})}
    full_env.pop("DOCKYARD_INSECURE_REGISTRIES", None)
    result = subprocess.run([sys.executable, "-m", "builder", "--root", str(root), *args],
                            cwd=REPO, capture_output=True, input=input.decode() if input
                            else None, text=True, timeout=300, env=full_env)
    if check and result.returncode != 0:
        raise AssertionError(f"dockyard {' '.join(args)} failed:\n{result.stdout}\n"
                             f"{result.stderr}")
    return result


def make_image(root: Path, work: Path, name: str, *, arch: str = "amd64",
               seed: str = "x") -> Image:
    """Three layers (zstd, gzip, uncompressed) with distinct content."""
    store = Store(root)
    layers = []
    diff_ids = []
    with store.session():
        for i, compression in enumerate(("zstd", "gzip", "none")):
            tree = work / f"{seed}-{arch}-layer{i}"
            (tree / "data").mkdir(parents=True)
            (tree / "data" / f"file{i}.txt").write_text(f"{seed} layer {i} {arch}\n" * 50)
            (tree / "data" / f"random{i}.bin").write_bytes(
                hashlib.sha256(f"{seed}{i}".encode()).digest() * 4000)
            rec = store.commit_layer(changes_from_tree(tree), compression=compression,
                                     epoch=0)
            layers.append(rec.descriptor)
            diff_ids.append(rec.diff_id)
        config = ImageConfig(
            architecture=arch, os="linux", created="2024-01-01T00:00:00Z",
            config=RunConfig(env=("PATH=/bin",), cmd=("/bin/sh",)),
            diff_ids=tuple(diff_ids),
            history=tuple(History(created_by=f"layer {i}") for i in range(3)),
        )
        return commit_image(store, config.to_bytes(), layers, [parse_normalized(name)])


def image_digests(image: Image) -> tuple[str, str, list[str], list[str]]:
    return image.digest, image.id, [x.digest for x in image.layers], image.diff_ids


def tree_listing(root: Path) -> dict[str, str]:
    out = {}
    for path in sorted(root.rglob("*")):
        rel = str(path.relative_to(root))
        if path.is_file() and not path.is_symlink():
            out[rel] = hashlib.sha256(path.read_bytes()).hexdigest()
        else:
            out[rel] = "dir" if path.is_dir() else "other"
    return out


def assert_nothing_half_stored(root: Path) -> None:
    store = Store(root)
    assert store.fsck() == []
    tmp = store.tmp_dir
    assert not tmp.exists() or list(tmp.iterdir()) == []
    for path in store.blobs_dir.iterdir():  # every blob under its digest is what it says
        assert hashlib.sha256(path.read_bytes()).hexdigest() == path.name


# -- anonymous ---------------------------------------------------------------------------------


def test_push_then_pull_into_empty_root_gives_the_same_image(
        anon: Registry, tmp_path: Path, docker_config: Path) -> None:
    src = tmp_path / "src"
    name = f"{anon.host}/dy/roundtrip:v1"
    original = make_image(src, tmp_path, name)
    out = dockyard(src, "push", name, config=docker_config)
    assert f"digest: {original.digest}" in out.stdout
    again = dockyard(src, "push", name, config=docker_config)
    assert again.stdout.count("Layer already exists") == 4  # 3 layers and the config

    dst = tmp_path / "dst"
    pulled = dockyard(dst, "pull", name, config=docker_config)
    assert pulled.stdout.strip().endswith(name)
    assert f"Digest: {original.digest}" in pulled.stdout
    image = Store(dst).resolve(name)
    assert image_digests(image) == image_digests(original)
    assert Store(dst).read_blob(image.digest) == Store(src).read_blob(original.digest)
    for diff_id in image.diff_ids:
        assert tree_listing(Store(dst).unpacked(diff_id)) == tree_listing(
            Store(src).unpacked(diff_id))
    assert_nothing_half_stored(dst)

    up_to_date = dockyard(dst, "pull", "-q", name, config=docker_config)
    assert up_to_date.stdout.strip() == name

    # a second repository on the same registry: blobs are mounted, not uploaded
    other = f"{anon.host}/dy/other:v2"
    dockyard(dst, "tag", name, other, config=docker_config)
    mounted = dockyard(dst, "push", other, config=docker_config)
    assert mounted.stdout.count("Mounted") == 4, mounted.stdout

    by_digest = dockyard(tmp_path / "dst2", "pull", f"{anon.host}/dy/other@{original.digest}",
                         config=docker_config)
    assert "Downloaded newer image" in by_digest.stdout
    assert Store(tmp_path / "dst2").resolve(f"{anon.host}/dy/other@{original.digest}").id \
        == original.id


def test_skopeo_reads_what_we_push(anon: Registry, tmp_path: Path,
                                   docker_config: Path) -> None:
    src = tmp_path / "src"
    name = f"{anon.host}/dy/skopeo-read:v1"
    original = make_image(src, tmp_path, name, seed="sk")
    dockyard(src, "push", "--compression", "gzip", name, config=docker_config)
    raw = subprocess.run(["skopeo", "inspect", "--tls-verify=false", "--raw",
                          f"docker://{name}"], capture_output=True, check=True).stdout
    manifest = json.loads(raw)
    assert all(x["mediaType"].endswith("+gzip") for x in manifest["layers"])
    assert manifest["config"]["digest"] == original.id
    info = json.loads(subprocess.run(["skopeo", "inspect", "--tls-verify=false",
                                      f"docker://{name}"], capture_output=True,
                                     check=True).stdout)
    assert info["Digest"] == "sha256:" + hashlib.sha256(raw).hexdigest()
    assert info["Architecture"] == "amd64"
    config = json.loads(subprocess.run(["skopeo", "inspect", "--tls-verify=false", "--config",
                                        "--raw", f"docker://{name}"], capture_output=True,
                                       check=True).stdout)
    assert config["rootfs"]["diff_ids"] == original.diff_ids
    # skopeo copy verifies every blob's digest while copying
    subprocess.run(["skopeo", "copy", "--src-tls-verify=false", f"docker://{name}",
                    f"oci:{tmp_path / 'oci'}:v1"], capture_output=True, check=True)
    index = json.loads((tmp_path / "oci" / "index.json").read_text())
    assert index["manifests"][0]["digest"] == info["Digest"]

    # re-compressed to zstd: same diff_ids, so the same config; pulled back intact
    zst = f"{anon.host}/dy/skopeo-read:zstd"
    dockyard(src, "tag", name, zst, config=docker_config)
    dockyard(src, "push", "--compression", "zstd", zst, config=docker_config)
    dockyard(tmp_path / "zroot", "pull", zst, config=docker_config)
    back = Store(tmp_path / "zroot").resolve(zst)
    assert back.id == original.id and back.diff_ids == original.diff_ids
    assert all(x.media_type.endswith("+zstd") for x in back.layers)
    assert_nothing_half_stored(tmp_path / "zroot")

    # as stored (zstd, gzip and plain layers): skopeo copies it too
    plain = f"{anon.host}/dy/skopeo-read:asis"
    dockyard(src, "tag", name, plain, config=docker_config)
    dockyard(src, "push", plain, config=docker_config)
    raw = subprocess.run(["skopeo", "inspect", "--tls-verify=false", "--raw",
                          f"docker://{plain}"], capture_output=True, check=True).stdout
    assert "sha256:" + hashlib.sha256(raw).hexdigest() == original.digest
    subprocess.run(["skopeo", "copy", "--src-tls-verify=false", f"docker://{plain}",
                    f"oci:{tmp_path / 'oci2'}:v1"], capture_output=True, check=True)


def _repo_digests(root: Path, name: str, config: Path) -> list[str]:
    out = dockyard(root, "inspect", "-f", "{{json .RepoDigests}}", name, config=config)
    return list(json.loads(out.stdout))


def test_pull_and_push_record_repo_digests(anon: Registry, tmp_path: Path,
                                           docker_config: Path) -> None:
    """As Docker: a push or pull names the image by the manifest digest the registry has
    (``name@sha256:…``), shown by inspect and images, removed by rmi; OCI tools still read
    the store, and save writes tags only."""
    src = tmp_path / "src"
    repo = f"{anon.host}/dy/digests"
    original = make_image(src, tmp_path, f"{repo}:v1", seed="dg")
    assert _repo_digests(src, f"{repo}:v1", docker_config) == []
    dockyard(src, "push", f"{repo}:v1", config=docker_config)
    assert _repo_digests(src, f"{repo}:v1", docker_config) == [f"{repo}@{original.digest}"]
    # what is pushed re-compressed has a digest of its own; the image has both
    dockyard(src, "tag", f"{repo}:v1", f"{repo}:gz", config=docker_config)
    gz = dockyard(src, "push", "-q", "--compression", "gzip", f"{repo}:gz",
                  config=docker_config).stdout.strip()
    assert _repo_digests(src, f"{repo}:v1", docker_config) == sorted(
        [f"{repo}@{original.digest}", f"{repo}@{gz}"])

    dst = tmp_path / "dst"
    dockyard(dst, "pull", f"{repo}:gz", config=docker_config)
    assert _repo_digests(dst, f"{repo}:gz", docker_config) == [f"{repo}@{gz}"]
    assert dockyard(dst, "images", "--digests", "--format",
                    "{{.Repository}} {{.Tag}} {{.Digest}}",
                    config=docker_config).stdout == f"{repo} gz {gz}\n"
    assert dockyard(dst, "inspect", "-f", "{{.Id}}", f"{repo}@{gz}",
                    config=docker_config).stdout.strip() == original.id
    # skopeo and umoci read the store (the repo digest is one more entry without a
    # ref.name), and save writes the tag alone
    subprocess.run(["skopeo", "copy", "--dest-tls-verify=false", f"oci:{dst / 'store'}:gz",
                    f"docker://{repo}:copied"], capture_output=True, check=True)
    listed = subprocess.run(["umoci", "ls", "--layout", str(dst / "store")],
                            capture_output=True, text=True, check=True).stdout
    assert listed.split() == ["gz"]
    bundle = tmp_path / "bundle"
    unpacked = subprocess.run(["umoci", "unpack", "--image", f"{dst / 'store'}:gz",
                               str(bundle)], capture_output=True, text=True)
    assert unpacked.returncode == 0, unpacked.stderr
    assert (bundle / "rootfs" / "data" / "file0.txt").is_file()
    dockyard(dst, "save", "-o", str(tmp_path / "saved.tar"), repo, config=docker_config)
    with tarfile.open(tmp_path / "saved.tar") as tar:
        manifest = json.load(tar.extractfile("manifest.json"))  # type: ignore[arg-type]
        index = json.load(tar.extractfile("index.json"))  # type: ignore[arg-type]
    assert manifest[0]["RepoTags"] == [f"{repo}:gz"]
    assert [e["annotations"]["io.containerd.image.name"] for e in index["manifests"]] == [
        f"{repo}:gz"]
    # the last tag of the repository takes its repo digest along
    freed = "".join(f"Deleted: {c}\n" for c in reversed(chain_ids(original.diff_ids)))
    assert dockyard(dst, "rmi", f"{repo}:gz", config=docker_config).stdout == (
        f"Untagged: {repo}:gz\nUntagged: {repo}@{gz}\nDeleted: {original.id}\n{freed}")

    # by digest: no tag, one repo digest; rmi of it removes the image
    dockyard(dst, "pull", f"{repo}@{original.digest}", config=docker_config)
    assert dockyard(dst, "images", "--digests", "--format",
                    "{{.Repository}} {{.Tag}} {{.Digest}}",
                    config=docker_config).stdout == f"{repo} <none> {original.digest}\n"
    assert dockyard(dst, "rmi", f"{repo}@{original.digest}", config=docker_config).stdout == (
        f"Untagged: {repo}@{original.digest}\nDeleted: {original.id}\n{freed}")
    assert_nothing_half_stored(dst)


def _docker_archive(path: Path, files: dict[str, bytes], busybox: bool) -> None:
    layer = io.BytesIO()
    with tarfile.open(fileobj=layer, mode="w", format=tarfile.PAX_FORMAT) as tar:
        dirs = sorted({p.rsplit("/", 1)[0] for p in files} | ({"bin"} if busybox else set()))
        for d in dirs:
            info = tarfile.TarInfo(d + "/")
            info.type, info.mode = tarfile.DIRTYPE, 0o755
            tar.addfile(info)
        if busybox:
            data = Path("/bin/busybox").read_bytes()
            info = tarfile.TarInfo("bin/busybox")
            info.size, info.mode = len(data), 0o755
            tar.addfile(info, io.BytesIO(data))
        for name, data in sorted(files.items()):
            info = tarfile.TarInfo(name)
            info.size, info.mode = len(data), 0o644
            tar.addfile(info, io.BytesIO(data))
    layer_bytes = layer.getvalue()
    diff_id = "sha256:" + hashlib.sha256(layer_bytes).hexdigest()
    config = json.dumps({
        "architecture": host_architecture()[0], "os": "linux",
        "config": {"Env": ["PATH=/bin"], "Cmd": ["/bin/busybox", "cat", "/etc/msg"]},
        "rootfs": {"type": "layers", "diff_ids": [diff_id]},
        "history": [{"created_by": "handmade"}],
    }).encode()
    config_name = hashlib.sha256(config).hexdigest() + ".json"
    manifest = json.dumps([{"Config": config_name, "RepoTags": ["handmade:v1"],
                            "Layers": ["layer0/layer.tar"]}]).encode()
    with tarfile.open(path, "w") as tar:
        for name, data in ((config_name, config), ("layer0/layer.tar", layer_bytes),
                           ("manifest.json", manifest)):
            info = tarfile.TarInfo(name)
            info.size = len(data)
            tar.addfile(info, io.BytesIO(data))


def test_image_pushed_by_skopeo_is_pulled_and_run_by_a_build(
        anon: Registry, tmp_path: Path, docker_config: Path) -> None:
    archive = tmp_path / "handmade.tar"
    message = b"hello from a skopeo-pushed image\n"
    _docker_archive(archive, {"etc/msg": message, "usr/share/doc/readme": b"x" * 5000},
                    busybox=True)
    name = f"{anon.host}/skopeo/handmade:v1"
    subprocess.run(["skopeo", "copy", "--dest-tls-verify=false", f"docker-archive:{archive}",
                    f"docker://{name}"], capture_output=True, check=True)
    root = tmp_path / "root"
    dockyard(root, "pull", name, config=docker_config)
    store = Store(root)
    image = store.resolve(name)
    assert image.descriptor.media_type == "application/vnd.docker.distribution.manifest.v2+json"
    rootfs = store.unpacked(image.diff_ids[0])
    assert (rootfs / "etc" / "msg").read_bytes() == message
    assert (rootfs / "bin" / "busybox").read_bytes() == Path("/bin/busybox").read_bytes()
    assert_nothing_half_stored(root)

    # `dockyard run` of an image only in the registry pulls it, as `docker run` does
    run_root = tmp_path / "run-root"
    ran = dockyard(run_root, "run", "--rm", "--network", "none", name,
                   "/bin/busybox", "cat", "/etc/msg", config=docker_config)
    assert ran.stdout.encode() == message
    assert f"Unable to find image '{name}' locally" in ran.stderr
    assert Store(run_root).resolve(name).digest == image.digest

    # a build whose base is only in the registry pulls it and runs its busybox
    ctx = tmp_path / "ctx"
    ctx.mkdir()
    other = f"{anon.host}/skopeo/handmade2:v1"
    subprocess.run(["skopeo", "copy", "--dest-tls-verify=false", f"docker-archive:{archive}",
                    f"docker://{other}"], capture_output=True, check=True)
    (ctx / "Dockerfile").write_text(
        f"FROM {other}\nRUN [\"/bin/busybox\", \"sh\", \"-c\", "
        "\"/bin/busybox cat /etc/msg > /out.txt\"]\n"
        f"COPY --from={name} /etc/msg /copied.txt\n")
    out = tmp_path / "out"
    dockyard(tmp_path / "build-root", "build", "--progress", "plain", "--network", "none",
             "-t", "ran", "-o", f"type=local,dest={out}", str(ctx), config=docker_config)
    assert (out / "out.txt").read_bytes() == message
    assert (out / "copied.txt").read_bytes() == message
    assert Store(tmp_path / "build-root").resolve(other).digest  # pulled into the store

    # a newer image under the same tag: used only with --pull
    newer = b"a newer base\n"
    _docker_archive(tmp_path / "newer.tar", {"etc/msg": newer}, busybox=True)
    subprocess.run(["skopeo", "copy", "--dest-tls-verify=false",
                    f"docker-archive:{tmp_path / 'newer.tar'}", f"docker://{other}"],
                   capture_output=True, check=True)
    for flags, want in (((), message), (("--pull",), newer)):
        dest = tmp_path / f"out{len(flags)}"
        dockyard(tmp_path / "build-root", "build", *flags, "--network", "none", "-q",
                 "-o", f"type=local,dest={dest}", str(ctx), config=docker_config)
        assert (dest / "out.txt").read_bytes() == want


def test_a_layer_that_is_not_its_diff_id_is_refused_where_it_is_used(
        anon: Registry, tmp_path: Path, docker_config: Path) -> None:
    """The blob matches its digest but not the config's diff_id: the pull stores it (as
    containerd does, it checks diff_ids at unpack), and every use of the layer refuses it."""
    src = tmp_path / "src"
    store = Store(src)
    trees = {}
    for part in ("claimed", "served"):
        trees[part] = tmp_path / part
        (trees[part] / "bin").mkdir(parents=True)
        shutil.copy("/bin/busybox", trees[part] / "bin" / "busybox")
        (trees[part] / "msg").write_text(f"the {part} layer\n")
    with store.session():
        claimed = store.commit_layer(changes_from_tree(trees["claimed"]), compression="gzip",
                                     epoch=0)
        served = store.commit_layer(changes_from_tree(trees["served"]), compression="gzip",
                                    epoch=0)
        config = ImageConfig(created="2024-01-01T00:00:00Z", diff_ids=(claimed.diff_id,),
                             config=RunConfig(env=("PATH=/bin",), cmd=("/bin/busybox", "true")),
                             history=(History(created_by="lying"),))
        commit_image(store, config.to_bytes(), [served.descriptor],
                     [parse_normalized("lying:v1")])
    # our own push checks the layer first, so skopeo pushes it
    name = f"{anon.host}/dy/lying:v1"
    subprocess.run(["skopeo", "copy", "--dest-tls-verify=false", f"oci:{src / 'store'}:v1",
                    f"docker://{name}"], capture_output=True, check=True)

    root = tmp_path / "root"
    dockyard(root, "pull", name, config=docker_config)
    wrong = f"does not hold diff_id {claimed.diff_id}"
    ctx, labels = tmp_path / "ctx", tmp_path / "labels"
    ctx.mkdir()
    (ctx / "Dockerfile").write_text(f"FROM {name}\nRUN [\"/bin/busybox\", \"true\"]\n")
    labels.mkdir()
    (labels / "Dockerfile").write_text(f"FROM {name}\nLABEL a=b\n")  # nothing to unpack
    local = tmp_path / "local"
    uses = {
        "run": ("run", "--rm", "--network", "none", name, "/bin/busybox", "cat", "/msg"),
        "build": ("build", "--network", "none", "-q", "-t", "built", str(ctx)),
        "build -o local": ("build", "-q", "-o", f"type=local,dest={local}", str(labels)),
        "save": ("save", "-o", str(tmp_path / "saved.tar"), name),
        "save oci": ("save", "--format", "oci", "-o", str(tmp_path / "saved-oci.tar"), name),
        "push": ("push", f"{anon.host}/dy/lying-again:v1"),
    }
    dockyard(root, "tag", name, f"{anon.host}/dy/lying-again:v1", config=docker_config)
    for what, args in uses.items():
        out = dockyard(root, *args, config=docker_config, check=False)
        assert out.returncode != 0, what
        assert wrong in out.stderr, (what, out.stderr)
        assert "Traceback" not in out.stderr and "the served layer" not in out.stdout, what
        assert list(Store(root).layers_dir.iterdir()) == [], what
    assert not (tmp_path / "saved.tar").exists() and not (tmp_path / "saved-oci.tar").exists()
    assert not (local / "msg").exists()
    assert_nothing_half_stored(root)
    # ours refuses to push it at all
    dockyard(src, "tag", "lying:v1", f"{anon.host}/dy/lying-ours:v1", config=docker_config)
    out = dockyard(src, "push", f"{anon.host}/dy/lying-ours:v1", config=docker_config,
                   check=False)
    assert out.returncode != 0 and wrong in out.stderr and "Traceback" not in out.stderr


def test_chunked_upload_follows_each_location(anon: Registry, tmp_path: Path) -> None:
    src = tmp_path / "src"
    proxy = FaultProxy(anon.host).start()
    name = f"{proxy.host}/dy/chunked:v1"
    try:
        original = make_image(src, tmp_path, name, seed="chunks")
        with RegistryClient(proxy.host, Settings(root=src), chunk_size=50_000) as client:
            result = push(Store(src), original, parse_normalized(name), client)
    finally:
        proxy.stop()
    assert result.digest == original.digest and result.pushed == 4
    patches = [p for m, p in proxy.requests if m == "PATCH"]
    chunks = sum(-(-b.size // 50_000) for b in original.layers) + 1  # and the config
    assert len(patches) == chunks
    assert len(set(patches)) == len(patches)  # each went to the Location of the one before
    dst = tmp_path / "dst"
    name = f"{anon.host}/dy/chunked:v1"
    with RegistryClient(anon.host, Settings(root=dst)) as client:
        from builder.registry.pull import pull

        pulled = pull(Store(dst), parse_normalized(name), client).image
    assert image_digests(pulled) == image_digests(original)


def test_index_selects_the_platform(anon: Registry, tmp_path: Path,
                                    docker_config: Path) -> None:
    src = tmp_path / "src"
    amd = make_image(src, tmp_path, f"{anon.host}/dy/multi:amd64", arch="amd64", seed="m")
    arm = make_image(src, tmp_path, f"{anon.host}/dy/multi:arm64", arch="arm64", seed="m")
    dockyard(src, "push", f"{anon.host}/dy/multi:amd64", config=docker_config)
    dockyard(src, "push", f"{anon.host}/dy/multi:arm64", config=docker_config)
    index = json.dumps({"schemaVersion": 2, "mediaType": MEDIA_OCI_INDEX, "manifests": [
        {**Descriptor(arm.descriptor.media_type, arm.digest, arm.descriptor.size).to_dict(),
         "platform": {"architecture": "arm64", "os": "linux", "variant": "v8"}},
        {**Descriptor(amd.descriptor.media_type, amd.digest, amd.descriptor.size).to_dict(),
         "platform": {"architecture": "amd64", "os": "linux"}},
    ]}).encode()
    with RegistryClient(anon.host, Settings(root=src)) as client:
        client.put_manifest("dy/multi", "latest", MEDIA_OCI_INDEX, index)
    name = f"{anon.host}/dy/multi:latest"
    pulled = dockyard(tmp_path / "a", "pull", "--platform", "linux/arm64", name,
                      config=docker_config)
    assert Store(tmp_path / "a").resolve(name).id == arm.id
    # as Docker 20.10, the repo digest is the index's, the digest the tag names
    index_digest = "sha256:" + hashlib.sha256(index).hexdigest()
    assert f"Digest: {index_digest}" in pulled.stdout
    assert _repo_digests(tmp_path / "a", name, docker_config) == [
        f"{anon.host}/dy/multi@{index_digest}"]
    # pulled again for another platform, the tag moves; the repo digest stays where it is
    # (Docker keeps a digest reference another image holds), unless pulled by digest
    dockyard(tmp_path / "a", "pull", "--platform", "linux/amd64", name, config=docker_config)
    assert Store(tmp_path / "a").resolve(f"{anon.host}/dy/multi@{index_digest}").id == arm.id
    dockyard(tmp_path / "a", "pull", "--platform", "linux/amd64",
             f"{anon.host}/dy/multi@{index_digest}", config=docker_config)
    assert Store(tmp_path / "a").resolve(f"{anon.host}/dy/multi@{index_digest}").id == amd.id
    dockyard(tmp_path / "b", "pull", "--platform", "linux/amd64", name, config=docker_config)
    assert Store(tmp_path / "b").resolve(name).id == amd.id
    if host_architecture()[0] in ("amd64", "arm64"):
        dockyard(tmp_path / "c", "pull", name, config=docker_config)
        want = amd if host_architecture()[0] == "amd64" else arm
        assert Store(tmp_path / "c").resolve(name).id == want.id
    bad = dockyard(tmp_path / "d", "pull", "--platform", "linux/s390x", name,
                   config=docker_config, check=False)
    assert bad.returncode == 1
    assert "no matching manifest for linux/s390x" in bad.stderr
    assert "linux/amd64" in bad.stderr and "Traceback" not in bad.stderr


# -- basic auth --------------------------------------------------------------------------------


def test_htpasswd_login_push_pull_logout(basic: Registry, tmp_path: Path,
                                         docker_config: Path) -> None:
    src = tmp_path / "src"
    name = f"{basic.host}/private/app:v1"
    original = make_image(src, tmp_path, name, seed="basic")
    denied = dockyard(src, "push", name, config=docker_config, check=False)
    assert denied.returncode == 1
    assert "unauthorized" in denied.stderr and "dockyard login" in denied.stderr
    assert "Traceback" not in denied.stderr

    wrong = dockyard(src, "login", "-u", USER, "--password-stdin", basic.host,
                     config=docker_config, input=b"not-the-password\n", check=False)
    assert wrong.returncode == 1 and "unauthorized" in wrong.stderr
    assert not (docker_config / "config.json").exists()

    ok = dockyard(src, "login", "-u", USER, "--password-stdin", basic.host,
                  config=docker_config, input=PASSWORD.encode() + b"\n")
    assert "Login Succeeded" in ok.stdout
    saved = json.loads((docker_config / "config.json").read_text())
    assert saved["auths"][basic.host]["auth"] == base64.b64encode(
        f"{USER}:{PASSWORD}".encode()).decode()
    assert (docker_config / "config.json").stat().st_mode & 0o077 == 0

    dockyard(src, "push", name, config=docker_config)
    dockyard(tmp_path / "dst", "pull", name, config=docker_config)
    assert image_digests(Store(tmp_path / "dst").resolve(name)) == image_digests(original)

    # blob storage redirect: followed, and credentials stay with the registry's host
    proxy = FaultProxy(basic.host, upstream_auth="Basic " + base64.b64encode(
        f"{USER}:{PASSWORD}".encode()).decode()).start()
    try:
        proxy.faults.append(Fault("GET", "/blobs/sha256:", "redirect", times=10))
        via = f"{proxy.host}/private/app:v1"
        config = json.loads((docker_config / "config.json").read_text())
        config["auths"][proxy.host] = config["auths"][basic.host]
        (docker_config / "config.json").write_text(json.dumps(config))
        dockyard(tmp_path / "dst-redirect", "pull", via, config=docker_config)
        assert Store(tmp_path / "dst-redirect").resolve(via).id == original.id
        assert len(proxy.seen_on_redirect) == 4
        assert proxy.seen_on_redirect == [None] * 4
    finally:
        proxy.stop()

    out = dockyard(src, "logout", basic.host, config=docker_config)
    assert f"Removing login credentials for {basic.host}" in out.stdout
    assert basic.host not in json.loads((docker_config / "config.json").read_text())["auths"]
    again = dockyard(tmp_path / "dst3", "pull", name, config=docker_config, check=False)
    assert again.returncode == 1 and "unauthorized" in again.stderr


def test_credential_helper_is_called_as_docker_calls_it(
        basic: Registry, tmp_path: Path, docker_config: Path) -> None:
    bindir = tmp_path / "bin"
    write_credential_helper(bindir)
    (docker_config / "config.json").write_text(json.dumps({"credsStore": "dytest"}))
    env = {"PATH": f"{bindir}:{os.environ['PATH']}"}
    dockyard(tmp_path / "r", "login", "-u", USER, "--password-stdin", basic.host,
             config=docker_config, input=PASSWORD.encode(), env=env)
    saved = json.loads((docker_config / "config.json").read_text())
    assert saved["auths"] == {basic.host: {}}  # the secret is in the helper, not the file
    stored = json.loads((bindir / "helper-store.json").read_text())
    assert stored[basic.host] == {"Username": USER, "Secret": PASSWORD}
    name = f"{basic.host}/helper/app:v1"
    make_image(tmp_path / "r", tmp_path, name, seed="helper")
    dockyard(tmp_path / "r", "push", name, config=docker_config, env=env)
    assert "get" in (bindir / "helper-store.json.log").read_text().split()
    dockyard(tmp_path / "r", "logout", basic.host, config=docker_config, env=env)
    assert json.loads((bindir / "helper-store.json").read_text()) == {}


# -- token auth --------------------------------------------------------------------------------


def test_token_auth_anonymous_pull_and_authenticated_push(
        token: Registry, tmp_path: Path, docker_config: Path) -> None:
    assert token.token_server is not None
    src = tmp_path / "src"
    public = f"{token.host}/public/app:v1"
    original = make_image(src, tmp_path, public, seed="token")
    denied = dockyard(src, "push", public, config=docker_config, check=False)
    assert denied.returncode == 1
    assert "unauthorized" in denied.stderr and "Traceback" not in denied.stderr

    dockyard(src, "login", "-u", USER, "--password-stdin", token.host, config=docker_config,
             input=PASSWORD.encode())
    dockyard(src, "push", public, config=docker_config)
    private = f"{token.host}/private/app:v1"
    dockyard(src, "tag", public, private, config=docker_config)
    mounted = dockyard(src, "push", private, config=docker_config)
    assert "Mounted" in mounted.stdout
    scopes = [r["scope"] for r in token.token_server.requests if r["user"] == USER]
    assert any("repository:public/app:pull" in s for s in scopes)  # the mount's source

    # anonymous: the public repository pulls with an anonymous token; the private one not
    dockyard(src, "logout", token.host, config=docker_config)
    dockyard(tmp_path / "anon", "pull", public, config=docker_config)
    assert Store(tmp_path / "anon").resolve(public).id == original.id
    assert any(r["user"] is None and r["auth"] is None for r in token.token_server.requests)
    refused = dockyard(tmp_path / "anon", "pull", private, config=docker_config, check=False)
    assert refused.returncode == 1
    assert "unauthorized" in refused.stderr and "dockyard login" in refused.stderr


def test_expired_tokens_are_refreshed(token: Registry, tmp_path: Path) -> None:
    assert token.token_server is not None
    src = tmp_path / "src"
    name = f"{token.host}/public/refresh:v1"
    make_image(src, tmp_path, name, seed="refresh")

    token.token_server.expires_in = 1
    try:
        with RegistryClient(token.host, Settings(root=src),
                            creds=Credentials(USER, PASSWORD)) as client:
            client.ping()
            before = len(token.token_server.requests)
            image = Store(src).resolve(name)
            push(Store(src), image, parse_normalized(name), client)
            first = len(token.token_server.requests)
            time.sleep(1.2)
            client.get_manifest("public/refresh", "v1")
            assert len(token.token_server.requests) > first > before
    finally:
        token.token_server.expires_in = 300


# -- bad replies -------------------------------------------------------------------------------


@pytest.fixture
def faulty(anon: Registry, tmp_path: Path, docker_config: Path) -> Iterator[tuple[FaultProxy,
                                                                                  Image]]:
    src = tmp_path / "faulty-src"
    name = f"{anon.host}/dy/faulty:v1"
    image = make_image(src, tmp_path, name, seed="faulty")
    dockyard(src, "push", name, config=docker_config)
    proxy = FaultProxy(anon.host).start()
    yield proxy, image
    proxy.stop()


def _pull_via(proxy: FaultProxy, root: Path, config: Path, check: bool = False
              ) -> subprocess.CompletedProcess[str]:
    return dockyard(root, "pull", f"{proxy.host}/dy/faulty:v1", config=config, check=check)


def test_blob_with_wrong_digest_is_refused(faulty: tuple[FaultProxy, Image], tmp_path: Path,
                                           docker_config: Path) -> None:
    proxy, image = faulty
    bad = image.layers[1].digest
    proxy.faults.append(Fault("GET", f"/blobs/{bad}", "corrupt", times=10))
    out = _pull_via(proxy, tmp_path / "r", docker_config)
    assert out.returncode == 1
    assert f"blob {bad}" in out.stderr and "does not match its digest" in out.stderr
    assert "Traceback" not in out.stderr
    store = Store(tmp_path / "r")
    assert not store.has_blob(bad)
    assert store.images() == []
    assert_nothing_half_stored(tmp_path / "r")


def test_truncated_blob_is_retried_then_refused(faulty: tuple[FaultProxy, Image],
                                                tmp_path: Path, docker_config: Path) -> None:
    proxy, image = faulty
    target = image.layers[0].digest
    proxy.faults.append(Fault("GET", f"/blobs/{target}", "truncate", times=1))
    ok = _pull_via(proxy, tmp_path / "once", docker_config)
    assert ok.returncode == 0, ok.stderr
    assert Store(tmp_path / "once").resolve(f"{proxy.host}/dy/faulty:v1").id == image.id
    assert proxy.faults[0].hits == 1

    proxy.faults[:] = [Fault("GET", f"/blobs/{target}", "truncate", times=100)]
    out = _pull_via(proxy, tmp_path / "always", docker_config)
    assert out.returncode == 1
    assert target in out.stderr and "Traceback" not in out.stderr
    assert not Store(tmp_path / "always").has_blob(target)
    assert Store(tmp_path / "always").images() == []
    assert_nothing_half_stored(tmp_path / "always")


def test_server_errors_are_retried(faulty: tuple[FaultProxy, Image], tmp_path: Path,
                                   docker_config: Path) -> None:
    proxy, image = faulty
    proxy.faults += [Fault("GET", "/manifests/v1", "500", times=2),
                     Fault("GET", f"/blobs/{image.layers[2].digest}", "500", times=2)]
    ok = _pull_via(proxy, tmp_path / "r", docker_config)
    assert ok.returncode == 0, ok.stderr
    assert [f.hits for f in proxy.faults] == [2, 2]
    assert_nothing_half_stored(tmp_path / "r")

    proxy.faults[:] = [Fault("GET", "/manifests/v1", "500", times=100)]
    out = _pull_via(proxy, tmp_path / "r2", docker_config)
    assert out.returncode == 1 and "injected failure" in out.stderr

    # a push through 500s on blob uploads retries the upload
    src = tmp_path / "push-src"
    name = f"{proxy.host}/dy/pushed:v1"
    make_image(src, tmp_path, name, seed="retry-push")
    proxy.faults[:] = [Fault("PATCH", "/blobs/uploads/", "500", times=2),
                       Fault("PUT", "/manifests/", "500", times=1)]
    dockyard(src, "push", name, config=docker_config)
    assert [f.hits for f in proxy.faults] == [2, 1]
    dockyard(tmp_path / "r3", "pull", name, config=docker_config)


def test_unknown_manifest_media_type_is_refused(faulty: tuple[FaultProxy, Image],
                                                tmp_path: Path, docker_config: Path) -> None:
    proxy, _ = faulty
    proxy.faults.append(Fault("GET", "/manifests/v1", "mediatype", times=10))
    out = _pull_via(proxy, tmp_path / "r", docker_config)
    assert out.returncode == 1
    assert "unsupported manifest media type 'application/vnd.example.unknown+json'" in out.stderr
    assert Store(tmp_path / "r").images() == []


def test_401_without_credentials(token: Registry, tmp_path: Path,
                                 docker_config: Path) -> None:
    out = dockyard(tmp_path / "r", "pull", f"{token.host}/private/nothing:v1",
                   config=docker_config, check=False)
    assert out.returncode == 1
    assert "unauthorized: authentication required" in out.stderr
    assert "Traceback" not in out.stderr
