"""A tmpfs mount's ``mount -o`` words (``--tmpfs /run:size=64m,exec``) as mount(2) takes
them: the flags, and the data the kernel's tmpfs reads (``size``, ``mode``, ``uid``...)."""

from __future__ import annotations

from builder.runtime import syscalls as sc

_MS_SYNCHRONOUS = 16
_MS_DIRSYNC = 128
_MS_NOATIME = 1024
_MS_NODIRATIME = 2048
_MS_RELATIME = 1 << 21

# word: (flags it sets, flags it clears); "dev" clears nothing: no container mount allows
# devices (there is no device cgroup: see builder.runtime.sandbox)
_FLAGS: dict[str, tuple[int, int]] = {
    "ro": (sc.MS_RDONLY, 0), "rw": (0, sc.MS_RDONLY),
    "nosuid": (sc.MS_NOSUID, 0), "suid": (0, sc.MS_NOSUID),
    "nodev": (sc.MS_NODEV, 0), "dev": (0, 0),
    "noexec": (sc.MS_NOEXEC, 0), "exec": (0, sc.MS_NOEXEC),
    "sync": (_MS_SYNCHRONOUS, 0), "async": (0, _MS_SYNCHRONOUS),
    "dirsync": (_MS_DIRSYNC, 0),
    "noatime": (_MS_NOATIME, 0), "atime": (0, _MS_NOATIME),
    "nodiratime": (_MS_NODIRATIME, 0), "diratime": (0, _MS_NODIRATIME),
    "relatime": (_MS_RELATIME, 0), "norelatime": (0, _MS_RELATIME),
    "strictatime": (sc.MS_STRICTATIME, 0), "nostrictatime": (0, sc.MS_STRICTATIME),
    "defaults": (0, 0), "mand": (0, 0), "nomand": (0, 0), "remount": (0, 0),
}  # fmt: skip


def tmpfs_mount_args(options: tuple[str, ...] | list[str], readonly: bool = False,
                     size: int = 0) -> tuple[int, str]:
    """mount(2)'s flags and data for a tmpfs with ``options`` (later words win: ``noexec``
    then ``exec`` is exec), always nosuid unless ``suid`` is asked for, and nodev; then
    ``readonly`` and ``size`` (bytes, 0: none) on top. Unknown words are data."""
    flags = sc.MS_NOSUID | sc.MS_NODEV
    data = []
    for word in options:
        if word in _FLAGS:
            on, off = _FLAGS[word]
            flags = (flags | on) & ~off
        elif word:
            data.append(word)
    if readonly:
        flags |= sc.MS_RDONLY
    if size:
        data.append(f"size={size}")
    return flags, ",".join(data)  # nodev: no word clears it
