"""Thin ctypes wrappers for the Linux calls Python 3.11 lacks (x86_64 and aarch64).

Every wrapper raises ``OSError`` with the errno and the call's name; callers turn that into
a typed error with context. Importing this module has no side effects beyond loading libc.

The functions are bound through ``_ctypes``, the C module under :mod:`ctypes`, the way
``ctypes.CDLL(None, use_errno=True)`` binds them: the few C types they need are declared
here. ``import ctypes`` (its Python layer declares some forty types and classes) would cost
about 2.5 ms of every ``dockyard run``, which starts a container in about 20.
"""

from __future__ import annotations

import _ctypes
import os
import sys

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

    _Simple = _ctypes._SimpleCData[Any]
    _Array = _ctypes.Array[Any]
else:
    _Simple = _ctypes._SimpleCData
    _Array = _ctypes.Array


class _Int(_Simple):
    _type_ = "i"


class _Long(_Simple):
    _type_ = "l"


class _ULong(_Simple):
    _type_ = "L"


class _CharP(_Simple):
    _type_ = "z"


class _Char(_Simple):
    _type_ = "c"


class _StatfsBuffer(_Array):
    """Room for a ``struct statfs`` (120 bytes on x86_64 and aarch64)."""

    _type_ = _Char
    _length_ = 120


class _IfReq(_Array):
    """A ``struct ifreq`` (40 bytes), over a bytearray."""

    _type_ = _Char
    _length_ = 40


class _Function(_ctypes.CFuncPtr):
    """A libc function: C calling convention, errno kept for :func:`_ctypes.get_errno`."""

    _flags_ = _ctypes.FUNCFLAG_CDECL | _ctypes.FUNCFLAG_USE_ERRNO
    _restype_ = _Int


class _Libc:
    """The process's own symbols (libc among them), as ``ctypes.CDLL(None)``."""

    _handle = _ctypes.dlopen(None, 0)  # type: ignore[arg-type]  # NULL: our own symbols

    def __getattr__(self, name: str) -> _Function:
        func = _Function((name, self))  # type: ignore[arg-type]  # any object with _handle
        setattr(self, name, func)
        return func


_libc = _Libc()

CLONE_NEWNS = 0x00020000
CLONE_NEWUTS = 0x04000000
CLONE_NEWIPC = 0x08000000
CLONE_NEWUSER = 0x10000000
CLONE_NEWPID = 0x20000000
CLONE_NEWNET = 0x40000000

MS_RDONLY = 1
MS_NOSUID = 2
MS_NODEV = 4
MS_NOEXEC = 8
MS_REMOUNT = 32
MS_BIND = 4096
MS_MOVE = 8192
MS_REC = 16384
MS_PRIVATE = 1 << 18
MS_SLAVE = 1 << 19
MS_STRICTATIME = 1 << 24

MNT_DETACH = 2

PR_SET_PDEATHSIG = 1
PR_CAPBSET_DROP = 24
PR_SET_NO_NEW_PRIVS = 38

OVERLAYFS_SUPER_MAGIC = 0x794C7630

SYNC_FILE_RANGE_WRITE = 2

_SYSCALLS = {
    "x86_64": {"pivot_root": 155, "seccomp": 317, "open_tree": 428, "move_mount": 429,
               "fsopen": 430, "fsconfig": 431, "fsmount": 432, "mount_setattr": 442},
    "aarch64": {"pivot_root": 41, "seccomp": 277, "open_tree": 428, "move_mount": 429,
                "fsopen": 430, "fsconfig": 431, "fsmount": 432, "mount_setattr": 442},
}
_NR = _SYSCALLS.get(os.uname().machine, _SYSCALLS["x86_64"])

FSOPEN_CLOEXEC = 1
FSCONFIG_SET_FLAG = 0
FSCONFIG_SET_STRING = 1
FSCONFIG_CMD_CREATE = 6
FSMOUNT_CLOEXEC = 1
MOUNT_ATTR_RDONLY = 1
MOUNT_ATTR_NOSUID = 2
MOUNT_ATTR_NODEV = 4
MOUNT_ATTR_NOEXEC = 8
MOVE_MOUNT_F_EMPTY_PATH = 4
MOVE_MOUNT_T_SYMLINKS = 0x10
AT_FDCWD = -100

_libc.syscall.restype = _Long
_libc.mount.argtypes = [_CharP, _CharP, _CharP, _ULong, _CharP]
_libc.umount2.argtypes = [_CharP, _Int]
_libc.unshare.argtypes = [_Int]
_libc.sethostname.argtypes = [_CharP, _ULong]  # size_t
_libc.prctl.argtypes = [_Int, _ULong, _ULong, _ULong, _ULong]
_libc.sync_file_range.argtypes = [_Int, _Long, _Long, _Int]  # off64_t: a long on 64 bits


def _check(result: int, name: str, detail: str = "") -> int:
    if result < 0:
        err = _ctypes.get_errno()
        msg = f"{name}: {os.strerror(err)}"
        raise OSError(err, msg + (f" ({detail})" if detail else ""))
    return result


def _b(value: str | os.PathLike[str] | None) -> bytes | None:
    return None if value is None else os.fsencode(value)


def mount(source: str | None, target: str | os.PathLike[str], fstype: str | None,
          flags: int = 0, data: str | None = None) -> None:
    """mount(2)."""
    _check(_libc.mount(_b(source), _b(target), _b(fstype), flags, _b(data)),
           "mount", f"{fstype or 'bind'} on {os.fspath(target)}")


def umount(target: str | os.PathLike[str], flags: int = 0) -> None:
    """umount2(2)."""
    _check(_libc.umount2(_b(target), flags), "umount", os.fspath(target))


def unshare(flags: int) -> None:
    """unshare(2)."""
    _check(_libc.unshare(flags), "unshare")


def setns(fd: int, nstype: int) -> None:
    """setns(2)."""
    _check(_libc.setns(fd, nstype), "setns")


def sethostname(name: str) -> None:
    """sethostname(2)."""
    raw = name.encode()
    _check(_libc.sethostname(raw, len(raw)), "sethostname")


def pivot_root(new_root: str, put_old: str) -> None:
    """pivot_root(2)."""
    _check(_libc.syscall(_NR["pivot_root"], _b(new_root), _b(put_old)), "pivot_root")


def prctl(option: int, arg2: int = 0, arg3: int = 0, arg4: int = 0, arg5: int = 0) -> int:
    """prctl(2)."""
    return _check(_libc.prctl(option, arg2, arg3, arg4, arg5), "prctl")


SECCOMP_SET_MODE_FILTER = 1


def seccomp_filter(program: bytes) -> None:
    """seccomp(SECCOMP_SET_MODE_FILTER): add the classic BPF ``program`` (its 8-byte
    instructions) to the calling thread's filters."""
    pointer = _CharP(program)  # holds the bytes; its own buffer is the pointer to them
    fprog = (len(program) // 8).to_bytes(2, sys.byteorder) + bytes(6) + bytes(memoryview(pointer))
    _check(_libc.syscall(_NR["seccomp"], SECCOMP_SET_MODE_FILTER, 0, fprog), "seccomp")
    del pointer


def sync_file_range(fd: int, offset: int, nbytes: int,
                    flags: int = SYNC_FILE_RANGE_WRITE) -> None:
    """sync_file_range(2): by default, start writing a byte range back without waiting."""
    _check(_libc.sync_file_range(fd, offset, nbytes, flags), "sync_file_range")


def capset(effective: int, permitted: int, inheritable: int) -> None:
    """capset(2) with 64-bit masks (_LINUX_CAPABILITY_VERSION_3)."""
    header = (0x20080522).to_bytes(4, sys.byteorder) + bytes(4)  # version, pid 0 (self)
    data = b"".join(((mask >> (32 * i)) & 0xFFFFFFFF).to_bytes(4, sys.byteorder)
                    for i in range(2) for mask in (effective, permitted, inheritable))
    _check(_libc.capset(header, data), "capset")


def last_cap() -> int:
    """The highest capability number the kernel knows (read once per process)."""
    global _last_cap
    if _last_cap < 0:
        try:
            with open("/proc/sys/kernel/cap_last_cap", "rb") as f:
                _last_cap = int(f.read())
        except OSError:
            return 40
    return _last_cap


_last_cap = -1


def loopback_up() -> None:
    """Bring ``lo`` up in the current network namespace (SIOCSIFFLAGS)."""
    siocgifflags, siocsifflags, iff_up = 0x8913, 0x8914, 0x1
    fd = _check(_libc.socket(2, 2 | 0o2000000, 0), "socket")  # AF_INET, SOCK_DGRAM|CLOEXEC
    try:
        req = bytearray(40)  # struct ifreq: name[16], then the flags (short)
        req[:2] = b"lo"
        buf = _IfReq.from_buffer(req)
        _check(_libc.ioctl(fd, siocgifflags, buf), "ioctl SIOCGIFFLAGS")
        flags = int.from_bytes(req[16:18], sys.byteorder) | iff_up
        req[16:18] = flags.to_bytes(2, sys.byteorder)
        _check(_libc.ioctl(fd, siocsifflags, buf), "ioctl SIOCSIFFLAGS")
        del buf
    finally:
        os.close(fd)


def statfs_type(target: int | str | os.PathLike[str]) -> int:
    """``f_type`` of the filesystem holding ``target``: a path, or an open file's fd."""
    buf = _StatfsBuffer()
    if isinstance(target, int):
        _check(_libc.fstatfs(target, buf), "fstatfs")
    else:
        _check(_libc.statfs(_b(target), buf), "statfs", os.fspath(target))
    return int.from_bytes(bytes(memoryview(buf))[:8], sys.byteorder)


class FsContext:
    """The new mount API: fsopen → fsconfig… → fsmount → move_mount."""

    def __init__(self, fstype: str) -> None:
        self.fstype = fstype
        self.fd = _check(_libc.syscall(_NR["fsopen"], fstype.encode(), FSOPEN_CLOEXEC), "fsopen")

    def _config(self, cmd: int, key: str | None, value: str | None) -> None:
        res = _libc.syscall(_NR["fsconfig"], self.fd, cmd, _b(key), _b(value), 0)
        if res < 0:
            err = _ctypes.get_errno()
            raise OSError(err, f"fsconfig {key or 'create'}: {os.strerror(err)}"
                          + self._kernel_log())

    def set_string(self, key: str, value: str) -> None:
        """FSCONFIG_SET_STRING."""
        self._config(FSCONFIG_SET_STRING, key, value)

    def set_flag(self, key: str) -> None:
        """FSCONFIG_SET_FLAG."""
        self._config(FSCONFIG_SET_FLAG, key, None)

    def mount_at(self, target: str | os.PathLike[str], readonly: bool = False) -> None:
        """Create the superblock and attach it at ``target``."""
        self._config(FSCONFIG_CMD_CREATE, None, None)
        attrs = MOUNT_ATTR_RDONLY if readonly else 0
        mfd = _libc.syscall(_NR["fsmount"], self.fd, FSMOUNT_CLOEXEC, attrs)
        _check(mfd, "fsmount", self._kernel_log())
        try:
            _check(_libc.syscall(_NR["move_mount"], mfd, b"", AT_FDCWD, _b(target),
                                 MOVE_MOUNT_F_EMPTY_PATH), "move_mount", os.fspath(target))
        finally:
            os.close(mfd)

    def _kernel_log(self) -> str:
        lines = []
        try:
            os.set_blocking(self.fd, False)
            while True:
                lines.append(os.read(self.fd, 1024).decode(errors="replace").strip())
        except OSError:
            pass
        return (" (" + "; ".join(x for x in lines if x) + ")") if any(lines) else ""

    def close(self) -> None:
        """Release the context fd."""
        if self.fd >= 0:
            os.close(self.fd)
            self.fd = -1


OPEN_TREE_CLONE = 1
AT_EMPTY_PATH = 0x1000
AT_RECURSIVE = 0x8000


def clone_tree(path: str, recursive: bool = False) -> int:
    """open_tree(OPEN_TREE_CLONE): a detached bind mount of ``path``, as an fd.

    Unlike a path, it survives pivot_root and the unmount of the old root, so host files
    can be bind-mounted into the container afterwards with :func:`attach_tree`.
    """
    flags = OPEN_TREE_CLONE | os.O_CLOEXEC | (AT_RECURSIVE if recursive else 0)
    return _check(_libc.syscall(_NR["open_tree"], AT_FDCWD, _b(path), flags),
                  "open_tree", path)


def attach_tree(fd: int, target: str, follow: bool = False) -> None:
    """move_mount a tree from :func:`clone_tree` onto ``target`` (with ``follow``, onto what
    a symlink there points to)."""
    flags = MOVE_MOUNT_F_EMPTY_PATH | (MOVE_MOUNT_T_SYMLINKS if follow else 0)
    _check(_libc.syscall(_NR["move_mount"], fd, b"", AT_FDCWD, _b(target), flags),
           "move_mount", target)


def set_mount_attrs(target: int | str, attrs: int, recursive: bool = False) -> None:
    """mount_setattr(2): add ``attrs`` (``MOUNT_ATTR_*``) to the mount at ``target`` (a path,
    or an fd from :func:`clone_tree`), and with ``recursive`` to every mount below it; the
    mounts' other attributes are kept."""
    attr = (attrs.to_bytes(8, sys.byteorder) + bytes(24))  # struct mount_attr: attr_set, ...
    flags = AT_RECURSIVE if recursive else 0
    if isinstance(target, int):
        dirfd, path, flags = target, b"", flags | AT_EMPTY_PATH
    else:
        dirfd, path = AT_FDCWD, os.fsencode(target)
    _check(_libc.syscall(_NR["mount_setattr"], dirfd, path, flags, attr, len(attr)),
           "mount_setattr", str(target))
