"""Volumes under ``<root>/volumes/<name>/_data``: named ones, and anonymous ones for the
image's VOLUME paths. A new volume is filled from the image's content at its path the first
time a container mounts it, as Docker does."""

from __future__ import annotations

import contextlib
import os
import re
import secrets
import shutil
import stat
from pathlib import Path

from builder.errors import ContainerError
from builder.runtime.users import path_in_root

_NAME = re.compile(r"[a-zA-Z0-9][a-zA-Z0-9_.-]+")
_FILLED = ".filled"


def volume_dir(root: str | Path, name: str) -> Path:
    """The data dir of volume ``name`` (created when missing)."""
    if not _NAME.fullmatch(name):
        raise ContainerError(f'"{name}" includes invalid characters for a local volume name, '
                             "only [a-zA-Z0-9][a-zA-Z0-9_.-] are allowed")
    data = Path(root) / "volumes" / name / "_data"
    data.mkdir(parents=True, exist_ok=True, mode=0o755)
    return data


def anonymous(root: str | Path) -> tuple[str, Path]:
    """A new anonymous volume: its name (64 hex digits) and data dir."""
    name = secrets.token_hex(32)
    return name, volume_dir(root, name)


def remove(root: str | Path, name: str) -> None:
    """Delete volume ``name``."""
    path = Path(root) / "volumes" / name
    if _NAME.fullmatch(name) and path.is_dir():
        shutil.rmtree(path, ignore_errors=True)


def fill_volume(rootfs: str | Path, target: str, data: str | Path) -> None:
    """Copy the image's content at ``target`` into an empty volume, once."""
    rootfs, data = Path(rootfs), Path(data)
    marker = data.parent / _FILLED
    if marker.exists():
        return
    source = path_in_root(rootfs, target)
    if source.is_dir() and not source.is_symlink() and not any(data.iterdir()):
        _copy_dir(source, data)
        st = source.stat()
        os.chown(data, st.st_uid, st.st_gid)
        os.chmod(data, stat.S_IMODE(st.st_mode))
    marker.touch()


def _copy_dir(source: Path, dest: Path) -> None:
    for entry in os.scandir(source):
        st = entry.stat(follow_symlinks=False)
        target = dest / entry.name
        if stat.S_ISDIR(st.st_mode):
            target.mkdir()
            _copy_dir(Path(entry.path), target)
        elif stat.S_ISLNK(st.st_mode):
            os.symlink(os.readlink(entry.path), target)
        elif stat.S_ISREG(st.st_mode):
            shutil.copyfile(entry.path, target, follow_symlinks=False)
        else:
            continue
        with contextlib.suppress(OSError):
            os.chown(target, st.st_uid, st.st_gid, follow_symlinks=False)
        if not stat.S_ISLNK(st.st_mode):
            os.chmod(target, stat.S_IMODE(st.st_mode))
            os.utime(target, ns=(st.st_atime_ns, st.st_mtime_ns))
