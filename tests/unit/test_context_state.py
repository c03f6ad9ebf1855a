"""The context state digest, and the build memo's use of it to skip a scan."""

from __future__ import annotations

import os
import time
from pathlib import Path
from typing import Any

import pytest

from builder import context_state
from builder.build import memo
from builder.build.request import BuildRequest
from builder.context_state import state_digest
from builder.settings import Settings


@pytest.fixture
def settled(monkeypatch: pytest.MonkeyPatch) -> None:
    """Trust digests of entries changed just now (the tests' files are all new)."""
    monkeypatch.setattr(context_state, "RACY_NS", 0)


def make(tmp: Path) -> Path:
    ctx = tmp / "ctx"
    (ctx / "src" / "deep").mkdir(parents=True)
    (ctx / "Dockerfile").write_text("FROM scratch\nCOPY . /\n")
    (ctx / "src" / "a.txt").write_text("alpha")
    (ctx / "src" / "deep" / "b.txt").write_text("beta")
    (ctx / "link").symlink_to("src/a.txt")
    return ctx


def tick() -> None:
    time.sleep(0.05)  # past the kernel's timestamp granularity, so ctimes differ


@pytest.mark.usefixtures("settled")
@pytest.mark.parametrize("change", ["content", "chmod", "rename", "add", "remove", "relink"])
def test_any_change_a_scan_could_see_changes_the_digest(tmp_path: Path, change: str) -> None:
    ctx = make(tmp_path)
    before = state_digest(str(ctx))
    assert before is not None and state_digest(str(ctx)) == before
    tick()
    target = ctx / "src" / "deep" / "b.txt"
    if change == "content":  # same size, mtime put back: only the ctime tells
        st = target.stat()
        target.write_text("BETA")
        os.utime(target, ns=(st.st_atime_ns, st.st_mtime_ns))
    elif change == "chmod":
        target.chmod(0o600)
    elif change == "rename":
        target.rename(target.with_name("c.txt"))
    elif change == "add":
        (ctx / "src" / "new").write_text("")
    elif change == "remove":
        target.unlink()
    else:
        (ctx / "link").unlink()
        (ctx / "link").symlink_to("src/deep/b.txt")
    assert state_digest(str(ctx)) != before


@pytest.mark.usefixtures("settled")
def test_a_directory_the_scan_skips_is_not_walked(tmp_path: Path) -> None:
    ctx = make(tmp_path)
    (ctx / "node_modules").mkdir()
    before = state_digest(str(ctx), ["node_modules"])
    tick()
    (ctx / "node_modules" / "x").write_text("x")  # changes only inside the pruned directory
    assert state_digest(str(ctx), ["node_modules"]) == before
    # an exception pattern could re-include something inside: then it is walked
    with_exception = state_digest(str(ctx), ["node_modules", "!node_modules/keep"])
    tick()
    (ctx / "node_modules" / "y").write_text("y")
    assert state_digest(str(ctx), ["node_modules", "!node_modules/keep"]) != with_exception


def test_a_fresh_change_makes_the_digest_untrusted(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(context_state, "FINE_RACY_NS", context_state.RACY_NS)
    ctx = make(tmp_path)
    assert state_digest(str(ctx)) is None  # just written: within RACY_NS
    assert state_digest(str(tmp_path / "missing")) is None


def test_a_change_a_tick_old_is_settled_where_ctimes_have_fractions(tmp_path: Path) -> None:
    ctx = make(tmp_path)
    if (ctx / "src" / "a.txt").stat().st_ctime_ns % 1_000_000_000 == 0:
        pytest.skip("this file system keeps whole-second ctimes")
    time.sleep(0.15)  # past FINE_RACY_NS, well within RACY_NS
    digest = state_digest(str(ctx))
    assert digest is not None and digest == state_digest(str(ctx))


def test_which_ctimes_are_settled() -> None:
    now = 1_800_000_000 * 10**9
    fine, whole = 123_456_789, 0
    assert context_state.settled([now - 3 * 10**9 + whole, now - 3 * 10**9 + fine], now)
    assert context_state.settled([now - 10**9 + fine - 10**9], now)  # 1.9 s, a fraction
    assert context_state.settled([now - 150_000_000], now)  # 0.15 s, a fraction
    assert not context_state.settled([now - 10**9 + whole], now)  # 1 s, whole seconds
    assert not context_state.settled([now - 50_000_000], now)  # 0.05 s
    assert not context_state.settled([now - 5 * 10**9, now + 10**7], now)  # one in the future
    assert context_state.settled([], now)


@pytest.mark.usefixtures("settled")
def test_the_memo_key_is_found_without_a_scan_until_the_context_changes(
        tmp_path: Path) -> None:
    ctx = make(tmp_path)
    settings = Settings(root=tmp_path / "root")
    request = BuildRequest(context=str(ctx))
    assert memo.Prescan(request, settings).key is None  # never scanned
    first = memo.Prescan(request, settings)
    with memo.opened_context(request, settings) as opened:
        key = first.scanned(opened)
        assert key == memo.key_for(request, settings, opened)
    assert memo.Prescan(request, settings).key == key
    tick()
    target = ctx / "src" / "a.txt"
    st = target.stat()
    target.write_text("ALPHA")
    os.utime(target, ns=(st.st_atime_ns, st.st_mtime_ns))
    second = memo.Prescan(request, settings)
    assert second.key is None
    with memo.opened_context(request, settings) as opened:
        changed = second.scanned(opened)
        assert changed == memo.key_for(request, settings, opened)
    assert changed != key and memo.Prescan(request, settings).key == changed
    # another Dockerfile text or build argument gives another key from the same state
    other = BuildRequest(context=str(ctx), build_args={"A": "1"})
    assert memo.Prescan(other, settings).key not in (None, changed)


def test_stdin_contexts_are_always_scanned(tmp_path: Path) -> None:
    settings = Settings(root=tmp_path / "root")
    assert memo.Prescan(BuildRequest(context="-"), settings).key is None


def _ignored_tree(tmp: Path) -> tuple[Path, list[str]]:
    ctx = make(tmp)
    (ctx / "skip" / "keep").mkdir(parents=True)
    (ctx / "skip" / "keep" / "c.txt").write_text("gamma")
    (ctx / "skip" / "d.txt").write_text("delta")
    (ctx / "gone").mkdir()
    (ctx / "gone" / "e.txt").write_text("epsilon")
    os.mkfifo(ctx / "fifo")
    return ctx, ["skip", "!skip/keep", "gone", "*.log"]


def test_a_scan_takes_what_the_state_walk_saw(tmp_path: Path) -> None:
    from builder.context import StatCache, scan

    ctx, patterns = _ignored_tree(tmp_path)
    listing = context_state.Listing(str(ctx), patterns)
    state_digest(str(ctx), patterns, listing)
    assert str(ctx / "gone") not in listing.dirs  # pruned: neither walk goes there
    with StatCache(tmp_path / "stat") as cache:
        walked = scan(ctx, patterns, stat_cache=cache)
        assert walked.stats.hashed == 4
        given = scan(ctx, patterns, stat_cache=cache, listing=listing)
    assert given.entries == walked.entries and given.stats.cached == 4
    assert "skip/keep/c.txt" in given.entries and "skip/d.txt" not in given.entries
    assert given.entries["link"].link == "src/a.txt"

    # the listing is what the scan sees: a file made after the walk is not in it...
    (ctx / "src" / "later.txt").write_text("later")
    assert "src/later.txt" not in scan(ctx, patterns, listing=listing).entries
    # ...and a listing of other patterns, another root or a failed walk is not used
    assert "src/later.txt" in scan(ctx, patterns[:-1], listing=listing).entries
    elsewhere = context_state.Listing(str(tmp_path), patterns)
    elsewhere.dirs.update(listing.dirs)
    assert "src/later.txt" in scan(ctx, patterns, listing=elsewhere).entries
    failed = context_state.Listing(str(ctx), patterns)
    assert state_digest(str(ctx / "missing"), patterns, failed) is None and not failed.dirs
    assert "src/later.txt" in scan(ctx, patterns, listing=failed).entries


@pytest.mark.usefixtures("settled")
def test_a_missed_prescan_hands_its_listing_to_the_scan(tmp_path: Path,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    ctx = make(tmp_path)
    settings = Settings(root=tmp_path / "root")
    request = BuildRequest(context=str(ctx))
    prescan = memo.Prescan(request, settings)
    assert prescan.key is None and prescan.listing is not None
    listed: list[str] = []
    real_scandir = os.scandir

    def scandir(path: str) -> object:
        listed.append(str(path))
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", scandir)
    with memo.opened_context(request, settings, prescan) as opened:
        prescan.scanned(opened)
        assert "src/deep/b.txt" in opened.snapshot.entries
    assert listed == [] and prescan.listing is None
    monkeypatch.setattr(os, "scandir", real_scandir)
    assert memo.Prescan(request, settings).listing is None  # a hit: nothing to scan


@pytest.mark.usefixtures("settled")
def test_a_hit_opens_no_database_and_a_bad_state_record_is_a_miss(tmp_path: Path) -> None:
    from builder.context import StatCache

    ctx = make(tmp_path)
    settings = Settings(root=tmp_path / "root")
    request = BuildRequest(context=str(ctx))
    first = memo.Prescan(request, settings)
    with memo.opened_context(request, settings, first) as opened:
        key = first.scanned(opened)
    first.close()
    hit = memo.Prescan(request, settings)
    assert hit.key == key
    assert hit.stat_cache()._opened is None  # the state record is a file, not in diskcache
    hit.close()
    records = list((tmp_path / "root" / "cache" / "state").iterdir())
    assert len(records) == 1 and records[0].read_text().startswith("v1 ")
    for bad in ("", "v1 abc def\n", "v2 " + "0" * 64 + " " + "0" * 64 + "\n", "\xff"):
        records[0].write_text(bad, "latin-1")
        assert memo.Prescan(request, settings).key is None
        assert StatCache.for_root(tmp_path / "root").load_state(str(ctx)) == ("", "")


@pytest.mark.usefixtures("settled")
def test_a_root_whose_path_has_wildcards_still_prunes_what_the_scan_skips(
        tmp_path: Path) -> None:
    ctx = make(tmp_path / "a[1]*?")
    (ctx / "node_modules").mkdir()
    before = state_digest(str(ctx), ["node_modules", "*.log"])
    assert before is not None
    tick()
    (ctx / "node_modules" / "x").write_text("x")
    assert state_digest(str(ctx), ["node_modules", "*.log"]) == before
    tick()
    (ctx / "src" / "x.log").write_text("x")  # excluded, yet walked: the digest may change
    (ctx / "src" / "a.txt").chmod(0o600)  # seen by the scan: it must
    assert state_digest(str(ctx), ["node_modules", "*.log"]) != before


@pytest.mark.usefixtures("settled")
def test_the_listing_is_let_go_when_find_gives_the_hoped_digest_first(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    ctx = make(tmp_path)
    digest = state_digest(str(ctx))
    assert digest is not None
    # find is done before the walk starts: the walk stops at once, on a hit only
    real = context_state._StateWalk.__init__

    def finished(self: context_state._StateWalk, *args: object) -> None:
        real(self, *args)  # type: ignore[arg-type]
        self.digest()

    monkeypatch.setattr(context_state._StateWalk, "__init__", finished)
    hit = context_state.Listing(str(ctx), [])
    assert state_digest(str(ctx), (), hit, digest) == digest and not hit.dirs
    miss = context_state.Listing(str(ctx), [])
    assert state_digest(str(ctx), (), miss, "0" * 64) == digest
    assert str(ctx / "src" / "deep") in miss.dirs


def test_without_find_there_is_no_digest_and_the_scan_gets_its_listing(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    ctx = make(tmp_path)
    monkeypatch.setattr(context_state, "FIND", str(tmp_path / "no-find"))
    listing = context_state.Listing(str(ctx), [])
    assert state_digest(str(ctx), (), listing, "0" * 64) is None
    assert str(ctx / "src" / "deep") in listing.dirs
    assert listing.links == {str(ctx / "link"): "src/a.txt"}


def test_an_interrupted_walk_leaves_no_find_behind(tmp_path: Path,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    ctx = make(tmp_path)
    pids: list[int] = []
    real = os.posix_spawnp

    def spawn(*args: Any, **kwargs: Any) -> int:
        pids.append(real(*args, **kwargs))
        return pids[-1]

    def interrupted(*args: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "posix_spawnp", spawn)
    monkeypatch.setattr(context_state, "_fill", interrupted)
    with pytest.raises(KeyboardInterrupt):
        state_digest(str(ctx), (), context_state.Listing(str(ctx), []))
    assert len(pids) == 1
    assert not Path(f"/proc/{pids[0]}").exists()  # killed and reaped


@pytest.mark.parametrize("failing", ["memfd_create", "waitpid"])
def test_a_walk_find_cannot_report_gives_no_digest(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, failing: str) -> None:
    """No memfd (an old kernel), or find's exit status lost (reaped elsewhere): no digest,
    so the build scans, and the scan still gets its listing."""
    ctx = make(tmp_path)
    real = getattr(os, failing)

    def fail(*args: Any) -> Any:
        if failing == "waitpid":
            real(*args)  # reaped here, as by another waiter
            raise ChildProcessError(10, "No child processes")
        raise OSError(38, "Function not implemented")

    monkeypatch.setattr(os, failing, fail)
    listing = context_state.Listing(str(ctx), [])
    assert state_digest(str(ctx), (), listing, "0" * 64) is None
    assert str(ctx / "src" / "deep") in listing.dirs
