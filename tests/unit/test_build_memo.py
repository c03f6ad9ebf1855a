"""The build memo's key: what in the context changes it, and what does not."""

from __future__ import annotations

import os
import stat
from pathlib import Path

from builder.build import BuildRequest
from builder.build.memo import key_for, opened_context
from builder.settings import Settings


def _key(context: Path, root: Path) -> str:
    request = BuildRequest(context=str(context))
    settings = Settings.from_env(str(root))
    with opened_context(request, settings) as ctx:
        return key_for(request, settings, ctx)


def test_memo_key_follows_content_and_devices_not_mtimes(tmp_path: Path) -> None:
    ctx, root = tmp_path / "ctx", tmp_path / "root"
    ctx.mkdir()
    (ctx / "Dockerfile").write_text("FROM scratch\nCOPY . /\n")
    (ctx / "a").write_text("one")
    first = _key(ctx, root)
    os.utime(ctx / "a", ns=(1, 1))
    assert _key(ctx, root) == first
    (ctx / "a").write_text("two")
    second = _key(ctx, root)
    assert second != first
    os.mknod(ctx / "dev", 0o666 | stat.S_IFCHR, os.makedev(1, 3))
    with_null = _key(ctx, root)
    assert with_null != second
    os.unlink(ctx / "dev")
    os.mknod(ctx / "dev", 0o666 | stat.S_IFCHR, os.makedev(1, 5))  # same mode, other device
    assert _key(ctx, root) not in (second, with_null)
    os.unlink(ctx / "dev")
    assert _key(ctx, root) == second


def test_memo_key_follows_kept_xattrs_and_hardlinks(tmp_path: Path) -> None:
    """What a COPY keeps of a file beyond its content changes the key: an xattr a layer
    keeps, and whether two names are one file."""
    ctx, root = tmp_path / "ctx", tmp_path / "root"
    ctx.mkdir()
    (ctx / "Dockerfile").write_text("FROM scratch\nCOPY . /\n")
    (ctx / "a").write_text("one")
    (ctx / "b").write_text("one")
    first = _key(ctx, root)
    os.setxattr(ctx / "a", "user.note", b"1")
    tagged = _key(ctx, root)
    assert tagged != first
    os.setxattr(ctx / "a", "user.note", b"2")
    assert _key(ctx, root) not in (first, tagged)
    os.removexattr(ctx / "a", "user.note")
    assert _key(ctx, root) == first
    os.unlink(ctx / "b")
    os.link(ctx / "a", ctx / "b")  # the same content, now one file
    assert _key(ctx, root) != first
