"""The build cache index: records, hits, slots and explanations, across processes."""

from __future__ import annotations

import multiprocessing
from pathlib import Path

from builder import cachekey
from builder.cache import BuildCache, CacheRecord
from builder.graph import PlanSettings, plan
from builder.parser import parse


def _inputs(text: str, **build_args: str) -> dict[str, object]:
    g = plan(parse(text), PlanSettings(build_args=build_args, platform="linux/amd64"), {})
    keys = cachekey.keys_for(g, lambda step: "blake3:src")
    return dict(keys[(0, len(g.stages[0].steps) - 1)].inputs)


def test_lookup_commit_roundtrip(tmp_path: Path) -> None:
    inputs = _inputs("FROM busybox\nRUN make\n")
    key = cachekey.digest_of(inputs)
    with BuildCache(tmp_path) as cache:
        assert cache.lookup(key) is None
        cache.commit(
            key,
            CacheRecord(
                key=key, layer_digest="sha256:" + "1" * 64, diff_id="sha256:" + "2" * 64,
                inputs=inputs, stage="stage-0", instruction="RUN make",
            ),
        )  # fmt: skip
        assert (tmp_path / "cache" / "index").is_dir()
    with BuildCache(tmp_path) as cache:
        peek = cache.lookup(key, touch=False)
        assert peek is not None and peek.hits == 0 and peek.created > 0
        rec = cache.lookup(key)
        assert rec is not None
        assert rec.hits == 1 and rec.layer_digest == "sha256:" + "1" * 64
        assert rec.inputs == inputs and rec.instruction == "RUN make"
        again = cache.lookup(key)
        assert again is not None and again.hits == 2 and again.last_used >= rec.last_used
        assert len(cache) == 1


def test_config_only_record(tmp_path: Path) -> None:
    inputs = _inputs("FROM busybox\nENV A=1\n")
    key = cachekey.digest_of(inputs)
    with BuildCache(tmp_path) as cache:
        cache.commit(key, CacheRecord(key=key, config_change={"Env": {"A": "1"}}, inputs=inputs))
        rec = cache.lookup(key)
        assert rec is not None and rec.layer_digest is None
        assert rec.config_change == {"Env": {"A": "1"}}


def test_explain_against_the_previous_build_of_the_slot(tmp_path: Path) -> None:
    text = "FROM busybox\nARG VERSION\nRUN make\n"
    old = _inputs(text, VERSION="1.2")
    new = _inputs(text, VERSION="1.3")
    with BuildCache(tmp_path) as cache:
        assert cache.explain(old) == ["RUN make: not built before"]
        cache.commit(cachekey.digest_of(old), CacheRecord(key="", inputs=old))
        assert cache.explain(old) == []
        assert cache.explain(new) == ["RUN make: build arg VERSION changed 1.2 → 1.3"]
        latest = cache.latest(str(old["slot"]))
        assert latest is not None and latest.key == cachekey.digest_of(old)


def _commit_many(root: str, worker: int) -> None:
    with BuildCache(root) as cache:
        for i in range(40):
            key = f"blake3:{worker:02d}{i:062d}"
            cache.commit(key, CacheRecord(key=key, inputs={"slot": f"s/{i}/RUN"}))


def test_process_safe(tmp_path: Path) -> None:
    ctx = multiprocessing.get_context("spawn")
    procs = [ctx.Process(target=_commit_many, args=(str(tmp_path), w)) for w in range(3)]
    for p in procs:
        p.start()
    for p in procs:
        p.join(60)
        assert p.exitcode == 0
    with BuildCache(tmp_path) as cache:
        assert len(cache) == 120
        for w in range(3):
            assert cache.lookup(f"blake3:{w:02d}{39:062d}", touch=False) is not None
