"""A tmpfs's ``mount -o`` words as mount(2) flags and data."""

from __future__ import annotations

from builder.runtime import syscalls as sc
from builder.runtime.tmpfs import tmpfs_mount_args


def test_defaults_are_nosuid_nodev_and_the_kernels_mode() -> None:
    assert tmpfs_mount_args(()) == (sc.MS_NOSUID | sc.MS_NODEV, "")


def test_dockers_run_defaults_then_the_given_words() -> None:
    flags, data = tmpfs_mount_args(("noexec", "nosuid", "nodev", "size=1m", "mode=700", "exec",
                                    "ro"))
    assert flags == sc.MS_NOSUID | sc.MS_NODEV | sc.MS_RDONLY
    assert data == "size=1m,mode=700"
    flags, _ = tmpfs_mount_args(("noexec", "suid", "dev", "rw"), readonly=True, size=4096)
    assert flags == sc.MS_NOEXEC | sc.MS_NODEV | sc.MS_RDONLY  # dev is never granted
    assert tmpfs_mount_args((), size=4096)[1] == "size=4096"
