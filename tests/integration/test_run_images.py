"""builder.runner.images.find_image: the image cache in ``containers/.images`` on real images."""

from __future__ import annotations

import ast
import marshal
import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from builder.runner.images import ImageInfo, find_image
from builder.store import Store
from tests.integration.test_runner import BUSYBOX, REPO, Dockyard, busybox_root

pytestmark = pytest.mark.integration


def _build(dy: Dockyard, ctx: Path, tag: str, dockerfile: str) -> str:
    ctx.mkdir()
    (ctx / "Dockerfile").write_text(dockerfile)
    dy("build", "-t", tag, str(ctx))
    return Store(dy.root).resolve(tag).id


@pytest.fixture
def dy(tmp_path: Path) -> Dockyard:
    d = busybox_root(tmp_path)
    os.makedirs(tmp_path / "root" / "containers", exist_ok=True)
    return d


def _cache(dy: Dockyard) -> Path:
    return dy.root / "containers" / ".images"


def _index(dy: Dockyard) -> bytes:
    return (dy.root / "store" / "index.json").read_bytes()


def _table(dy: Dockyard) -> dict[str, Any]:
    version, index, table = marshal.loads(_cache(dy).read_bytes())
    assert version == 1
    assert index == _index(dy)
    assert isinstance(table, dict)
    return table


def _entry(info: ImageInfo) -> tuple[Any, ...]:
    return (info.id, info.config, info.diff_ids, info.lower_dirs)


def _find_fresh(dy: Dockyard, ref: str) -> tuple[ImageInfo, bool]:
    """find_image in a new interpreter: its answer, and whether it imported builder.store."""
    script = (
        "import sys\n"
        "from builder.runner.images import find_image\n"
        f"info = find_image({str(dy.root)!r}, {ref!r})\n"
        "print(repr((info.id, info.config, info.diff_ids, info.lower_dirs,"
        " 'builder.store' in sys.modules)))\n")
    proc = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                          cwd=REPO, env=dy.env, timeout=60)
    assert proc.returncode == 0, proc.stderr
    *fields, imported = ast.literal_eval(proc.stdout)
    return ImageInfo(*fields), imported


def _matches_store(dy: Dockyard, info: ImageInfo, ref: str) -> None:
    image = Store(dy.root).resolve(ref)
    assert info.id == image.id
    assert info.diff_ids == list(image.diff_ids)
    assert info.config == image.config["config"]
    assert len(info.lower_dirs) == len(info.diff_ids) > 0
    assert all(os.path.isdir(d) for d in info.lower_dirs)


def test_first_call_caches_and_later_calls_skip_the_store(dy: Dockyard) -> None:
    root = str(dy.root)
    assert not _cache(dy).exists()
    info = find_image(root, "bb")
    _matches_store(dy, info, "bb")
    assert (Path(info.lower_dirs[0]) / "bin" / "busybox").is_file()
    assert _table(dy) == {"bb": _entry(info)}
    assert find_image(root, "bb") == info
    fresh, imported = _find_fresh(dy, "bb")
    assert fresh == info
    assert imported is False
    _cache(dy).unlink()
    fresh, imported = _find_fresh(dy, "bb")
    assert fresh == info
    assert imported is True
    assert _table(dy) == {"bb": _entry(info)}


def test_a_second_ref_shares_the_cache(dy: Dockyard, tmp_path: Path) -> None:
    other = _build(dy, tmp_path / "env", "withenv", "FROM bb\nENV X=1\n")
    bb = find_image(str(dy.root), "bb")
    env = find_image(str(dy.root), "withenv")
    assert env.id == other != bb.id
    assert "X=1" in env.config["Env"]
    _matches_store(dy, env, "withenv")
    assert _table(dy) == {"bb": _entry(bb), "withenv": _entry(env)}
    assert _find_fresh(dy, "withenv") == (env, False)
    assert _find_fresh(dy, "bb") == (bb, False)


def test_retag_is_seen(dy: Dockyard, tmp_path: Path) -> None:
    old = find_image(str(dy.root), "bb")
    assert _find_fresh(dy, "bb") == (old, False)
    new_id = _build(dy, tmp_path / "new", "next", "FROM bb\nRUN echo new > /marker\n")
    assert new_id != old.id
    dy("tag", "next", "bb")
    assert Store(dy.root).resolve("bb").id == new_id
    fresh, imported = _find_fresh(dy, "bb")
    assert fresh.id == new_id
    assert imported is True
    info = find_image(str(dy.root), "bb")
    assert info == fresh
    _matches_store(dy, info, "bb")
    assert len(info.diff_ids) == len(old.diff_ids) + 1
    assert _table(dy)["bb"] == _entry(info)
    assert _find_fresh(dy, "bb") == (info, False)


def test_unrelated_index_change_drops_the_cache(dy: Dockyard) -> None:
    info = find_image(str(dy.root), "bb")
    before = _index(dy)
    dy("tag", "bb", "another:name")
    assert _index(dy) != before
    assert _find_fresh(dy, "bb") == (info, True)
    assert _find_fresh(dy, "bb") == (info, False)


def test_removed_lower_dir_is_unpacked_again(dy: Dockyard) -> None:
    info = find_image(str(dy.root), "bb")
    busybox = Path(info.lower_dirs[0]) / "bin" / "busybox"
    assert busybox.is_file()
    shutil.rmtree(info.lower_dirs[0])
    assert not os.path.exists(info.lower_dirs[0])
    again = find_image(str(dy.root), "bb")
    assert again == info
    assert all(os.path.isdir(d) for d in again.lower_dirs)
    assert busybox.read_bytes() == BUSYBOX.read_bytes()
    shutil.rmtree(info.lower_dirs[-1])
    fresh, imported = _find_fresh(dy, "bb")
    assert (fresh, imported) == (info, True)
    assert os.path.isdir(info.lower_dirs[-1])
    assert _find_fresh(dy, "bb") == (info, False)


def test_corrupt_cache_is_ignored_and_rewritten(dy: Dockyard) -> None:
    info = find_image(str(dy.root), "bb")
    good = _cache(dy).read_bytes()
    index = _index(dy)
    corrupt = [
        b"", b"\x00", b"garbage \xff\xfe\x00 not marshal", good[: len(good) // 2], good[:-1],
        b"\xff" * 64, marshal.dumps(None), marshal.dumps(7),
        marshal.dumps([1, 2]), marshal.dumps("abc"), marshal.dumps((1, index)),
        marshal.dumps((2, index, {"bb": _entry(info)})),
        marshal.dumps((1, index + b" ", {"bb": _entry(info)})),
        marshal.dumps((1, index, ["bb"])),
    ]
    for data in corrupt:
        _cache(dy).write_bytes(data)
        assert find_image(str(dy.root), "bb") == info, data
        assert _table(dy) == {"bb": _entry(info)}, data
    _cache(dy).write_bytes(b"\x00garbage")
    assert _find_fresh(dy, "bb") == (info, True)
    assert _table(dy) == {"bb": _entry(info)}


def test_stale_lower_dir_in_cache_is_not_used(dy: Dockyard) -> None:
    info = find_image(str(dy.root), "bb")
    stale = (info.id, info.config, info.diff_ids, [*info.lower_dirs[:-1], "/nonexistent/x"])
    _cache(dy).write_bytes(marshal.dumps((1, _index(dy), {"bb": stale})))
    assert _find_fresh(dy, "bb") == (info, True)
    assert _table(dy) == {"bb": _entry(info)}


def test_malformed_cache_entry_is_ignored(dy: Dockyard) -> None:
    info = find_image(str(dy.root), "bb")
    for entry in ("junk", (info.id,), (info.id, info.config, info.diff_ids)):
        _cache(dy).write_bytes(marshal.dumps((1, _index(dy), {"bb": entry})))
        assert find_image(str(dy.root), "bb") == info
        assert _table(dy) == {"bb": _entry(info)}


def test_run_cli_with_and_without_cache_and_after_retag(dy: Dockyard,
                                                         tmp_path: Path) -> None:
    assert not _cache(dy).exists()
    assert dy("run", "--rm", "bb", "sh", "-c", "exit 3", check=False).returncode == 3
    assert _cache(dy).is_file()
    assert set(_table(dy)) == {"bb"}
    assert dy("run", "--rm", "bb", "sh", "-c", "exit 3", check=False).returncode == 3
    assert dy("run", "--rm", "bb", "cat", "/marker", check=False).returncode != 0
    _build(dy, tmp_path / "new", "next", "FROM bb\nRUN echo new-image > /marker\n")
    dy("tag", "next", "bb")
    assert dy("run", "--rm", "bb", "cat", "/marker").stdout == "new-image\n"
    assert dy("run", "--rm", "bb", "cat", "/marker").stdout == "new-image\n"
    assert _table(dy)["bb"][0] == Store(dy.root).resolve("next").id
    _cache(dy).write_bytes(b"corrupt")
    proc = dy("run", "--rm", "bb", "sh", "-c", "cat /marker; exit 3", check=False)
    assert (proc.returncode, proc.stdout) == (3, "new-image\n")
    assert dy("run", "--rm", "bb", "sh", "-c", "exit 3", check=False).returncode == 3
    assert dy.ids("-a") == []
