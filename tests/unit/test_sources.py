"""Context source digests for COPY/ADD and RUN bind mounts."""

from __future__ import annotations

import os
from pathlib import Path

from builder.graph import PlanSettings, Step, plan
from builder.parser import parse
from builder.sources import ContextHasher


def _step(line: str) -> Step:
    g = plan(parse(f"FROM busybox\n{line}\n"), PlanSettings(platform="linux/amd64"))
    return g.stages[0].steps[-1]


def _ctx(tmp_path: Path) -> Path:
    ctx = tmp_path / "ctx"
    (ctx / "src" / "pkg").mkdir(parents=True)
    (ctx / "src" / "main.py").write_text("print(1)\n")
    (ctx / "src" / "pkg" / "mod.py").write_text("x = 1\n")
    (ctx / "README.md").write_text("readme\n")
    return ctx


def _digest(ctx: Path, line: str) -> str | None:
    return ContextHasher(ctx)(_step(line))


def test_content_and_mode_change_the_digest_mtime_does_not(tmp_path: Path) -> None:
    ctx = _ctx(tmp_path)
    line = "COPY src/ /app/"
    before = _digest(ctx, line)
    os.utime(ctx / "src" / "main.py", (1, 1))
    assert _digest(ctx, line) == before
    (ctx / "src" / "pkg" / "mod.py").write_text("x = 2\n")
    changed = _digest(ctx, line)
    assert changed != before
    (ctx / "src" / "main.py").chmod(0o755)
    assert _digest(ctx, line) != changed
    assert _digest(ctx, "COPY README.md /r") != _digest(ctx, line)


def test_unselected_and_ignored_files_do_not_count(tmp_path: Path) -> None:
    ctx = _ctx(tmp_path)
    line = "COPY src/*.py /app/"
    before = _digest(ctx, line)
    (ctx / "README.md").write_text("other\n")
    (ctx / "src" / "pkg" / "mod.py").write_text("x = 3\n")  # not matched by src/*.py
    assert _digest(ctx, line) == before
    (ctx / ".dockerignore").write_text("src/main.py\n")
    ignored = _digest(ctx, line)
    (ctx / "src" / "main.py").write_text("changed\n")
    assert _digest(ctx, line) == ignored != before


def test_excludes_and_missing_sources(tmp_path: Path) -> None:
    ctx = _ctx(tmp_path)
    line = "COPY --exclude=pkg src /app/"
    before = _digest(ctx, line)
    (ctx / "src" / "pkg" / "mod.py").write_text("x = 9\n")
    assert _digest(ctx, line) == before
    assert _digest(ctx, "COPY nothing-here /x") != _digest(ctx, "COPY src /x")


def test_run_bind_mount_and_remote_sources(tmp_path: Path) -> None:
    ctx = _ctx(tmp_path)
    line = "RUN --mount=source=src,target=/src make"
    before = _digest(ctx, line)
    (ctx / "src" / "main.py").write_text("changed\n")
    assert _digest(ctx, line) != before
    assert _digest(ctx, "ADD https://example.com/a.tgz /a") is None
    assert _digest(ctx, "COPY --from=alpine /a /a") is None
