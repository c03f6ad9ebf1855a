"""The records of full COPY layers, and the whole layer of a delta over one."""

from __future__ import annotations

from pathlib import Path

from builder.build import lineage
from builder.layers import Change
from builder.layers.writer import PooledStat

CONTENT = ("d" * 64, 7, 0o100644, 0, 0, 5, 1_700_000_000_000_000_000, 0, 2, 9)


def test_a_record_is_read_back(tmp_path: Path) -> None:
    key = lineage.key_for("/ctx", "COPY src/ /src/")
    changes = [Change("src", "add", "/x/src"), Change("src/a", "add", "/x/src/a"),
               Change("src/b", "add", "/x/src/b"), Change("src/xattrs", "add", "/x/src/xattrs")]
    known = {"/x/src": PooledStat(("", 1, 0o40755, 0, 0, 0, 5_000_000_000, 0, 2, 9)),
             "/x/src/a": PooledStat(CONTENT)}  # src/xattrs is not known: it has xattrs
    lineage.save(tmp_path, key, "sha256:" + "a" * 64, changes, {"src/a": CONTENT}, known)
    found = lineage.load(tmp_path, key)
    assert found is not None
    assert found.diff_id == "sha256:" + "a" * 64
    assert found.paths == [("src", "add"), ("src/a", "add"), ("src/b", "add"),
                           ("src/xattrs", "add")]
    assert found.contents == {"src/a": CONTENT}
    assert found.dirs == {"src": (0o40755, 0, 0, 5_000_000_000)}
    assert not [p for p in (tmp_path / "cache" / "lineage").iterdir() if p.name != key]


def test_keys_tell_contexts_and_instructions_apart() -> None:
    keys = {lineage.key_for(c, i) for c in ("/a", "/b") for i in ("COPY . /", "COPY . /x")}
    assert len(keys) == 4


def test_a_record_that_cannot_be_read_is_none(tmp_path: Path) -> None:
    key = lineage.key_for("/ctx", "COPY . /app")
    assert lineage.load(tmp_path, key) is None
    path = tmp_path / "cache" / "lineage" / key
    path.parent.mkdir(parents=True)
    for damaged in (b"", b"\x00garbage", b"\xe9\x03\x00\x00"):  # nothing, junk, an int
        path.write_bytes(damaged)
        assert lineage.load(tmp_path, key) is None
    import marshal

    head = b"dockyard-lineage-3 sha256:" + b"a" * 64 + b"\n"
    path.write_bytes(head + marshal.dumps(([], {}, {}, [])))
    assert lineage.load(tmp_path, key) is not None  # (the shape that is read)
    body = marshal.dumps(([], {}, {}, []))
    path.write_bytes(head.replace(b"-3 ", b"-9 ") + body)  # another version
    assert lineage.load(tmp_path, key) is None
    path.write_bytes(head.replace(b"a" * 64, b"x") + body)
    assert lineage.load(tmp_path, key) is None
    for shape in (([("a",)], {}, {}, []), ([1], {}, {}, []), ([], {"a": 3}, {}, []),
                  ([], {"a": (1, 2, 3)}, {}, []), ({}, {}, {}, []), ([], [], {}, []),
                  ([], {}, {"a": (1,)}, []), ([], {}, [], []), ([], {}, {}, [("k", 1)]),
                  ([("a", "add")], {}, {}, [("k", 2)]), ([], {}, {}, [1])):
        path.write_bytes(head + marshal.dumps(shape))  # another shape
        assert lineage.load(tmp_path, key) is None
    path.write_bytes(head + marshal.dumps(([], {}, {})))  # an earlier version's body
    assert lineage.load(tmp_path, key) is None


def test_prune_drops_the_records_of_layers_gone(tmp_path: Path) -> None:
    kept, gone = "sha256:" + "a" * 64, "sha256:" + "b" * 64
    for diff_id in (kept, gone):
        lineage.save(tmp_path, lineage.key_for("/c", diff_id), diff_id, [], {}, {})
    folder = tmp_path / "cache" / "lineage"
    (folder / ".half-written.123").write_bytes(b"dockyard-lineage-3 ")
    (folder / "junk").write_bytes(b"junk")
    assert lineage.prune(tmp_path, {kept}) > 0
    assert [p.name for p in folder.iterdir()] == [lineage.key_for("/c", kept)]
    assert lineage.prune(tmp_path / "nowhere", {kept}) == 0


def test_a_removed_path_makes_a_delta_incomplete() -> None:
    base = lineage.Lineage("sha256:" + "a" * 64,
                           [("src", "add"), ("src/a", "add"), ("src/b", "add")], {}, {})
    delta = [Change("src", "add", "/d/src"), Change("src/a", "add", "/d/src/a")]
    assert lineage.complete(base, delta, {"src/b"})
    assert not lineage.complete(base, delta, set())  # src/b is neither written nor kept


def test_the_whole_layer_is_the_delta_over_the_base_in_layer_order() -> None:
    base = lineage.Lineage(
        "sha256:" + "a" * 64,
        [("src", "add"), ("src/a", "add"), ("src/a-b", "add"), ("src/z", "add")],
        {"src/a": CONTENT, "src/z": CONTENT[:2]}, {},
    )
    mine = {"src/z": ("e" * 64, 8)}
    delta = [Change("src", "add", "/d/src"), Change("src/a/new", "add", "/d/src/a/new"),
             Change("src/z", "add", "/d/src/z")]
    known: dict = {}
    changes, contents = lineage.merged(base, "/b", delta, mine, known)
    assert [(c.path, c.source) for c in changes] == [
        ("src", "/d/src"), ("src/a", "/b/src/a"), ("src/a/new", "/d/src/a/new"),
        ("src/a-b", "/b/src/a-b"), ("src/z", "/d/src/z"),
    ]  # a directory comes right before its children ("/" sorts first)
    assert contents == {"src/a": CONTENT, "src/z": ("e" * 64, 8)}
    assert list(known) == ["/b/src/a"]
    assert isinstance(known["/b/src/a"], PooledStat) and known["/b/src/a"].st_ino == 7


def test_many_changes_are_sorted_into_the_base_too() -> None:
    paths = [("d", "add")] + [(f"d/f{i:03}", "add") for i in range(100)]
    base = lineage.Lineage("sha256:" + "a" * 64, paths, {}, {})
    delta = [Change("d", "add", "/d/d")] + [
        Change(f"d/f{i:03}{tail}", "add", f"/d/d/f{i:03}{tail}")
        for i in range(0, 100, 2) for tail in ("", "/x")]
    changes, _ = lineage.merged(base, "/b", delta, {}, {})
    names = [c.path for c in changes]
    assert len(names) == 151 and names[:4] == ["d", "d/f000", "d/f000/x", "d/f001"]
    assert names == sorted(names, key=lambda p: p.replace("/", "\0"))
    assert {c.source for c in changes if c.path == "d/f001"} == {"/b/d/f001"}


def _framed() -> lineage.Lineage:
    paths = [("a", "add"), ("a/1", "add"), ("b", "add"), ("c", "add"), ("c/1", "add")]
    paths += [(f"z/{i:02}", "add") for i in range(20)]
    return lineage.Lineage("sha256:" + "a" * 64, paths, {"c/1": CONTENT, "a/1": CONTENT},
                           {}, [("k1", 2), (None, 1), ("k3", 2), ("k4", 20)])


def test_a_plan_takes_the_frames_a_delta_leaves_alone_by_key() -> None:
    base = _framed()
    delta = [Change("c/1", "add", "/d/c/1")]
    known: dict = {}
    found = lineage.planned(base, "/b", delta, {"c/1": ("e" * 64, 8)}, known)
    assert found is not None
    plan, held = found
    assert plan[0] == "k1" and plan[3] == "k4"
    assert [(c.path, c.source) for c in plan[1]] == [("b", "/b/b")]  # no key: written
    assert [(c.path, c.source) for c in plan[2]] == [("c", "/b/c"), ("c/1", "/d/c/1")]
    assert held == {"c/1": ("e" * 64, 8)} and known == {}


def test_no_plan_when_the_delta_adds_paths_or_changes_much_or_frames_are_unknown() -> None:
    base = _framed()
    assert lineage.planned(base, "/b", [Change("c/2", "add", "/d/c/2")], {}, {}) is None
    many = [Change(f"z/{i:02}", "add", f"/d/z/{i:02}") for i in range(10)]
    assert lineage.planned(base, "/b", many, {}, {}) is None
    base.frames = []
    assert lineage.planned(base, "/b", [Change("c/1", "add", "/d/c/1")], {}, {}) is None


def test_a_record_keeps_frames_only_for_a_layer_of_known_single_inodes(tmp_path: Path) -> None:
    from builder.layers import writer

    count = writer.FRAMES_FROM
    changes = [Change("d", "add", "/x/d")] + [
        Change(f"d/f{i:05}", "add", f"/x/d/f{i:05}") for i in range(count)]
    sizes = writer.frame_sizes((c.path for c in changes), len(changes))
    frames = [(f"k{i}", 0, 0, 0) for i in range(len(sizes))]
    stats = {c.source: PooledStat(("", i, 0o100644, 0, 0, 1, 0, 0, 2, 9))
             for i, c in enumerate(changes[1:])}
    stats["/x/d"] = PooledStat(("", 99999, 0o40755, 0, 0, 0, 0, 0, 2, 9))
    key = lineage.key_for("/c", "COPY d /d")
    lineage.save(tmp_path, key, "sha256:" + "a" * 64, changes, {}, stats, frames)
    found = lineage.load(tmp_path, key)
    assert found is not None and found.frames == [(f"k{i}", s) for i, s in enumerate(sizes)]
    # a hardlink (two paths of one inode) or an entry not known: no frames kept
    for damage in ("link", "unknown"):
        broken = dict(stats)
        if damage == "link":
            broken["/x/d/f00001"] = broken["/x/d/f00000"]
        else:
            del broken["/x/d/f00001"]
        lineage.save(tmp_path, key, "sha256:" + "a" * 64, changes, {}, broken, frames)
        found = lineage.load(tmp_path, key)
        assert found is not None and found.frames == []
