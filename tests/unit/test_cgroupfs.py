"""Where a container's cgroup directories show at /sys/fs/cgroup (builder.runtime.cgroupfs)."""

from __future__ import annotations

from builder.runtime.cgroupfs import names

V1 = """\
30 25 0:26 / /sys/fs/cgroup ro,nosuid,nodev,noexec shared:9 - tmpfs tmpfs ro,mode=755
31 30 0:27 / /sys/fs/cgroup/unified rw,nosuid,nodev,noexec shared:10 - cgroup2 cgroup2 rw
32 30 0:28 / /sys/fs/cgroup/memory rw,nosuid,nodev,noexec shared:11 - cgroup cgroup rw,memory
33 30 0:29 / /sys/fs/cgroup/cpu,cpuacct rw shared:12 - cgroup cgroup rw,cpu,cpuacct
34 30 0:30 / /sys/fs/cgroup/pids rw,nosuid,nodev,noexec shared:13 - cgroup cgroup rw,pids
35 25 0:31 / /mnt/odd\\040place rw shared:14 - cgroup cgroup rw,freezer
36 25 0:32 / /srv rw shared:15 - ext4 /dev/vda rw
"""


def test_v1_hierarchies_by_their_mount_point_under_sys_fs_cgroup() -> None:
    dirs = ["/sys/fs/cgroup/memory/ci/dockyard/c1", "/sys/fs/cgroup/pids/dockyard/c1",
            "/sys/fs/cgroup/cpu,cpuacct/dockyard/c1"]
    assert names(dirs, V1) == [("memory", dirs[0]), ("pids", dirs[1]),
                               ("cpu,cpuacct", dirs[2])]


def test_a_hierarchy_elsewhere_by_its_base_name_and_escapes_decoded() -> None:
    assert names(["/mnt/odd place/dockyard/c1"], V1) == [("odd place",
                                                          "/mnt/odd place/dockyard/c1")]


def test_v2_alone_is_sys_fs_cgroup_itself_and_named_once() -> None:
    v2 = "30 25 0:26 / /sys/fs/cgroup rw,nosuid - cgroup2 cgroup2 rw,nsdelegate\n"
    d = "/sys/fs/cgroup/user.slice/dockyard/c1"
    assert names([d, d], v2) == [("", d)]


def test_directories_on_no_cgroup_mount_are_left_out() -> None:
    # /srv is ext4; a path merely sharing a prefix with a mount point is not below it
    assert names(["/srv/x", "/sys/fs/cgroup/memoryx/c1", "/tmp/y"], V1) == []
