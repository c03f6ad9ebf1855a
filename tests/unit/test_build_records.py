"""The value classes of the build path: equality, hashing, defaults, stored and printed forms
(they were dataclasses; callers rely on what those gave)."""

from __future__ import annotations

import ast
import io
import json
import os
import time
from pathlib import Path

import diskcache  # type: ignore[import-untyped]
import pytest

from builder.build import BuildRequest, BuildResult, CacheExport, CacheImport, Output
from builder.cache import BuildCache, CacheRecord
from builder.context import BuildContext, Entry, ScanStats, entry_from_stat, open_context
from builder.progress import Event, JsonReporter

REPO = Path(__file__).resolve().parents[2]


# -- request and result ----------------------------------------------------------------------


def test_request_defaults_are_fresh_and_stdin_is_neither_compared_nor_shown() -> None:
    a, b = BuildRequest(), BuildRequest()
    assert a.build_args == {} and a.labels == {} and a.secrets == {}
    assert a.build_args is not b.build_args and a.labels is not b.labels
    assert a.context == "." and a.runtime == "native" and a.compression == "zstd"
    with_stdin = BuildRequest(context="-", stdin=io.BytesIO(b"FROM scratch\n"))
    assert with_stdin == BuildRequest(context="-")
    assert "stdin" not in repr(with_stdin) and repr(with_stdin).startswith("BuildRequest(context=")
    assert BuildRequest(tags=("a",)) != BuildRequest(tags=("b",))
    assert BuildRequest(build_args={"A": "1"}) != BuildRequest(build_args={"A": "2"})
    assert a.replace(target="t") == BuildRequest(target="t")


def test_outputs_and_cache_flags_compare_and_hash_by_value() -> None:
    assert Output("local", "out") == Output("local", "out")
    assert Output("local", "out") != Output("oci", "out")
    assert len({Output("docker", "a.tar"), Output("docker", "a.tar")}) == 1
    export = CacheExport(Path("/c"))
    assert (export.mode, export.mounts) == ("min", False)
    assert export == CacheExport(Path("/c"), "min", False)
    assert hash(export) == hash(CacheExport(Path("/c")))
    assert export != CacheExport(Path("/c"), "max")
    assert {CacheImport(Path("/a")), CacheImport(Path("/a")), CacheImport(Path("/b"))} == {
        CacheImport(Path("/a")), CacheImport(Path("/b"))
    }
    assert repr(CacheImport(Path("/a"))) == "CacheImport(src=PosixPath('/a'))"


def test_result_equality_and_defaults() -> None:
    r = BuildResult("sha256:1", "sha256:2", ("t",), 0, 2, 0.5)
    assert r.new_layers == () and r.warnings == ()
    assert r == BuildResult("sha256:1", "sha256:2", ("t",), 0, 2, 0.5, (), ())
    assert hash(r) == hash(BuildResult("sha256:1", "sha256:2", ("t",), 0, 2, 0.5))
    assert r != BuildResult("sha256:1", "sha256:2", ("t",), 1, 1, 0.5)


# -- cache records ---------------------------------------------------------------------------


def test_cache_record_is_stored_as_the_dict_of_its_fields_in_order(tmp_path: Path) -> None:
    inputs = {"slot": "s/0/RUN", "args": ["x", {"y": (1, 2.5, None, True)}]}
    record = CacheRecord(
        key="k", layer_digest="sha256:1", diff_id="sha256:2", config_change={"Env": ["A=1"]},
        created=5.0, last_used=6.0, inputs=inputs, stage="b", instruction="RUN x",
    )  # fmt: skip
    with BuildCache(tmp_path) as cache:
        cache.commit("k", record)
    with diskcache.Cache(str(tmp_path / "cache" / "index")) as db:
        stored = db.get("key:k")
        assert db.get("slot:s/0/RUN") == "k"
    assert list(stored.items()) == [
        ("key", "k"), ("layer_digest", "sha256:1"), ("diff_id", "sha256:2"),
        ("config_change", {"Env": ["A=1"]}), ("created", 5.0), ("last_used", 6.0), ("hits", 0),
        ("inputs", inputs), ("stage", "b"), ("instruction", "RUN x"),
    ]  # fmt: skip
    assert type(stored["inputs"]["args"][1]["y"]) is tuple


def test_cache_record_reads_a_stored_dict_and_ignores_unknown_fields(tmp_path: Path) -> None:
    old = {
        "key": "k", "layer_digest": None, "diff_id": None, "config_change": {"Cmd": ["sh"]},
        "created": 1.0, "last_used": 2.0, "hits": 3, "inputs": {"slot": "s"}, "stage": "",
        "instruction": "CMD sh", "added_later": "x",
    }  # fmt: skip
    (tmp_path / "cache").mkdir()
    with diskcache.Cache(str(tmp_path / "cache" / "index")) as db:
        db.set("key:k", old)
    with BuildCache(tmp_path) as cache:
        got = cache.lookup("k")
    assert got is not None
    assert got.hits == 4 and got.last_used > 2.0
    assert got.replace(hits=3, last_used=2.0) == CacheRecord.from_dict(old)
    assert CacheRecord.from_dict(old).config_change == {"Cmd": ["sh"]}


def test_cache_record_defaults_and_value_equality() -> None:
    a, b = CacheRecord("k"), CacheRecord("k")
    assert a == b and a.config_change == {} and a.inputs == {}
    assert a.config_change is not b.config_change
    assert a.replace(hits=1) != a and a.replace(hits=1).hits == 1 and a.hits == 0


# -- the context -----------------------------------------------------------------------------


def test_entry_equality_and_hash_ignore_mtime_only() -> None:
    base = Entry("a/b", "file", 0o644, 0, 0, 3, "", "d" * 64, 111, 0)
    assert base == Entry("a/b", "file", 0o644, 0, 0, 3, "", "d" * 64, 222, 0)
    assert hash(base) == hash(Entry("a/b", "file", 0o644, 0, 0, 3, digest="d" * 64))
    changes = {
        "path": "a/c", "kind": "symlink", "mode": 0o600, "uid": 1, "gid": 1, "size": 4,
        "link": "x", "digest": "e" * 64, "rdev": 5,
    }  # fmt: skip
    for name, value in changes.items():
        other = base.replace(**{name: value})
        assert other != base, name
        assert getattr(other, name) == value and other.mtime_ns == 111
    assert len({base, base.replace(mtime_ns=9), base.replace(size=9)}) == 2
    assert base != ("a/b", "file") and base.__eq__(object()) is NotImplemented
    assert repr(base).startswith("Entry(path='a/b', kind='file', mode=420,")


def test_entry_from_stat_and_scan_records(tmp_path: Path) -> None:
    (tmp_path / "f").write_text("hi")
    os.symlink("f", tmp_path / "l")
    st = os.lstat(tmp_path / "f")
    e = entry_from_stat("f", st, digest="d")
    assert (e.path, e.kind, e.size, e.digest, e.mtime_ns) == ("f", "file", 2, "d", st.st_mtime_ns)
    link = entry_from_stat("l", os.lstat(tmp_path / "l"), link="f")
    assert (link.kind, link.size, link.link) == ("symlink", 0, "f")


def test_scan_stats_and_build_context_are_mutable_and_unhashable(tmp_path: Path) -> None:
    a, b = ScanStats(), ScanStats()
    assert a == b and a.skipped == [] and a.skipped is not b.skipped
    a.hashed += 1
    assert a != b
    with pytest.raises(TypeError, match="unhashable"):
        hash(a)
    (tmp_path / "Dockerfile").write_text("FROM scratch\n")
    with open_context(tmp_path) as ctx:
        assert isinstance(ctx, BuildContext)
        assert ctx.dockerfile == "FROM scratch\n" and ctx.dockerfile_name == "Dockerfile"
        assert ctx.root == tmp_path.absolute() and ctx._tmp is None
        assert ctx == BuildContext(ctx.snapshot, "FROM scratch\n", "Dockerfile")
        assert ctx != BuildContext(ctx.snapshot, "FROM busybox\n", "Dockerfile")
        with pytest.raises(TypeError, match="unhashable"):
            hash(ctx)


def test_stdin_context_removes_its_temporary_directory() -> None:
    with open_context("-", stdin=io.BytesIO(b"FROM scratch\n")) as ctx:
        tmp = ctx.root.parent
        assert tmp.is_dir() and ctx.snapshot.get("Dockerfile") is None
    assert not tmp.exists() and ctx._tmp is None


# -- progress events -------------------------------------------------------------------------


def test_event_defaults_and_equality() -> None:
    before = time.monotonic()
    e = Event("cached", "0:1", "[2/3] COPY a b")
    assert before <= e.time <= time.monotonic()
    assert e.data == {} and e.data is not Event("log").data
    assert e == Event("cached", "0:1", "[2/3] COPY a b", {}, e.time)
    assert e != Event("cached", "0:1", "[2/3] COPY a b", {}, e.time + 1)
    assert Event("log", time=0.0).time == 0.0


def test_json_progress_lines_are_unchanged() -> None:
    out = io.StringIO()
    reporter = JsonReporter(out)
    reporter.on_event(Event("cached", "0:0", "[2/3] COPY ä /b", time=1.5))
    reporter.on_event(Event("summary", data={"run": 0, "layers": [], "path": Path("/x")},
                            time=2.0))  # fmt: skip
    reporter.close()
    assert out.getvalue().splitlines() == [
        '{"event": "cached", "id": "0:0", "step": "[2/3] COPY ä /b", "time": 1.5}',
        '{"event": "summary", "id": "", "step": "", "time": 2.0, "run": 0, "layers": [], '
        '"path": "/x"}',
    ]
    assert json.loads(out.getvalue().splitlines()[0])["event"] == "cached"


# -- what the no-op build path imports -------------------------------------------------------

# A no-op ``dockyard build`` is bound by start-up: these modules of its path import none of
# these at load (only in the functions of a cache miss, or for the type checker).
_NO_OP_MODULES = (
    "builder/cli/entry.py", "builder/cli/buildflags.py", "builder/cli/fastargs.py",
    "builder/build/__init__.py", "builder/build/request.py", "builder/build/memo.py",
    "builder/progress.py", "builder/context.py", "builder/context_state.py", "builder/ignore.py",
    "builder/cache.py", "builder/record.py",
)  # fmt: skip
_COSTLY = {
    "dataclasses", "typing", "hashlib", "threading", "concurrent", "shutil", "tempfile",
    "subprocess", "socket", "selectors", "inspect",
}  # fmt: skip


def _load_time_imports(source: str) -> set[str]:
    """Top-level modules imported when the module loads (not under ``if TYPE_CHECKING``,
    not inside functions)."""
    found: set[str] = set()

    def visit(body: list[ast.stmt]) -> None:
        for node in body:
            if isinstance(node, ast.Import):
                found.update(alias.name.split(".")[0] for alias in node.names)
            elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
                found.add(node.module.split(".")[0])
            elif isinstance(node, ast.If):
                if not (isinstance(node.test, ast.Name) and node.test.id == "TYPE_CHECKING"):
                    visit(node.body)
                visit(node.orelse)
            elif isinstance(node, ast.ClassDef | ast.Try | ast.With):
                visit(node.body)

    visit(ast.parse(source).body)
    return found


@pytest.mark.parametrize("path", _NO_OP_MODULES)
def test_no_op_build_modules_import_nothing_costly_at_load(path: str) -> None:
    assert _load_time_imports((REPO / path).read_text()) & _COSTLY == set()


def test_the_import_check_sees_load_time_imports() -> None:
    source = (
        "import typing\nfrom dataclasses import dataclass\nTYPE_CHECKING = False\n"
        "if TYPE_CHECKING:\n    import shutil\nelse:\n    import threading\n"
        "def f():\n    import tempfile\n"
    )
    assert _load_time_imports(source) & _COSTLY == {"typing", "dataclasses", "threading"}
