"""The init layer: a container's mount points are made once per image, below its upper dir."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.integration.test_runner import Dockyard, busybox_root

pytestmark = pytest.mark.integration

STUB_XATTR = "trusted.dockyard.stub"


@pytest.fixture(scope="module")
def dy(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Dockyard]:
    base = tmp_path_factory.mktemp("initlayer")
    d = busybox_root(base)
    etc = base / "etc-ctx"
    (etc / "etc").mkdir(parents=True)
    (etc / "run").mkdir()
    (etc / "etc" / "motd").write_text("kept\n")
    (etc / "etc" / "resolv.conf").symlink_to("/run/resolv.conf")
    (etc / "etc").chmod(0o750)
    os.utime(etc / "etc", (981173106, 981173106))  # 2001-02-03 04:05:06 UTC
    (etc / "Dockerfile").write_text("FROM bb\nCOPY . /\n")  # /etc as a child: its own mtime
    (etc / ".dockerignore").write_text("Dockerfile\n.dockerignore\n")
    d("build", "-t", "etcimg", str(etc))
    yield d


def _init_dir(d: Dockyard, image: str) -> Path:
    image_id = d("images", "-q", "--no-trunc", image).stdout.split()[0]
    return d.root / "containers" / ".init" / image_id.removeprefix("sha256:")


def test_mount_points_live_in_the_init_layer_not_the_container(dy: Dockyard) -> None:
    cid = dy("create", "bb", "true").stdout.strip()
    init = _init_dir(dy, "bb")
    for rel in ("proc", "dev", "sys", "etc/hosts", "etc/hostname", "etc/resolv.conf"):
        assert os.path.lexists(init / rel), rel
        assert os.getxattr(init / rel, STUB_XATTR, follow_symlinks=False) == b"1"
    config = dy.inspect(cid)
    assert config["GraphDriver"]["Data"]["LowerDir"].split(":")[-1] == str(init)
    dy("start", "-a", cid)
    assert os.listdir(dy.root / "containers" / cid / "upper") == []
    dy("rm", cid)


def test_the_images_directories_keep_their_attributes(dy: Dockyard) -> None:
    out = dy("run", "--rm", "etcimg", "sh", "-c",
             "stat -c '%a %Y' /etc; cat /etc/motd").stdout
    assert out.splitlines() == ["750 981173106", "kept"]
    init = _init_dir(dy, "etcimg")
    assert (init / "run" / "resolv.conf").is_file()  # the image's link is followed
    assert not os.path.lexists(init / "etc" / "resolv.conf")
    st = os.stat(init / "etc")
    assert (st.st_mode & 0o7777, int(st.st_mtime)) == (0o750, 981173106)


def test_a_lost_init_layer_is_made_again_and_old_containers_still_start(
        dy: Dockyard) -> None:
    cid = dy("create", "bb", "cat", "/etc/hostname").stdout.strip()
    init = _init_dir(dy, "bb")
    shutil.rmtree(init)
    assert dy("start", "-a", cid).stdout.strip() == cid[:12]
    assert dy("run", "--rm", "bb", "ls", "/proc/self/").returncode == 0
    assert init.is_dir()
    dy("rm", cid)


def test_container_prune_removes_init_layers_no_container_uses(dy: Dockyard) -> None:
    running = dy("run", "-d", "bb", "sleep", "60").stdout.strip()
    dy("create", "etcimg", "true")
    bb_init, etc_init = _init_dir(dy, "bb"), _init_dir(dy, "etcimg")
    assert bb_init.is_dir() and etc_init.is_dir()
    dy("container", "prune", "-f")
    assert bb_init.is_dir()  # the running container's
    assert not etc_init.exists()
    dy("rm", "-f", running)
    dy("container", "prune", "-f")
    assert not bb_init.exists()
    assert dy("run", "--rm", "bb", "true").returncode == 0
    assert bb_init.is_dir()


def test_a_symlinked_etc_file_stays_a_link_to_the_mounted_file(dy: Dockyard) -> None:
    out = dy("run", "--rm", "etcimg", "sh", "-c",
             "readlink /etc/resolv.conf; cat /run/resolv.conf; echo --; "
             "cut -d' ' -f5 /proc/self/mountinfo").stdout
    link, _, rest = out.partition("\n")
    resolv, _, mounts = rest.partition("--\n")
    assert link == "/run/resolv.conf"  # as runc does: the mount goes where the link points
    assert resolv.strip()  # the container's resolv.conf, not the empty stub
    assert "/run/resolv.conf" in mounts.split()
    assert "/etc/resolv.conf" not in mounts.split()
