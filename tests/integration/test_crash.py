"""Crash safety: SIGKILL ``dockyard load`` and a layer commit at random moments.

After every kill, every blob ``index.json`` names verifies, every file under
``blobs/sha256/`` hashes to its own name (a temp file is never taken for a blob), and the
next operation on the same store succeeds.
"""

from __future__ import annotations

import hashlib
import json
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from builder.store import Store

pytestmark = pytest.mark.integration

REPO = Path(__file__).resolve().parents[2]
ROUNDS = 20

COMMIT = """
import sys
from builder.image import History, ImageConfig, commit_image
from builder.layers import changes_from_tree
from builder.reference import parse
from builder.store import Store

store = Store(sys.argv[1])
with store.session():
    layer = store.commit_layer(changes_from_tree(sys.argv[2]), compression="gzip", level=1)
    config = ImageConfig(diff_ids=(layer.diff_id,), history=(History(created_by="commit"),))
    commit_image(store, config.to_bytes(), [layer.descriptor], [parse(sys.argv[3])])
print("done")
"""


def check_store(root: Path) -> None:
    store = Store(root)
    assert store.fsck() == []
    json.loads((root / "store" / "index.json").read_bytes())
    for path in store.blobs_dir.iterdir():
        h = hashlib.sha256()
        with open(path, "rb") as f:
            while chunk := f.read(1 << 20):
                h.update(chunk)
        assert h.hexdigest() == path.name, f"{path} does not match its name"


def run_and_kill(args: list[str], delay: float) -> int:
    proc = subprocess.Popen(args, cwd=REPO, stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL)
    time.sleep(delay)
    if proc.poll() is None:
        os.kill(proc.pid, signal.SIGKILL)
    return proc.wait(timeout=60)


def timed(args: list[str]) -> float:
    start = time.monotonic()
    result = subprocess.run(args, cwd=REPO, capture_output=True, timeout=300)
    assert result.returncode == 0, result.stderr.decode()
    return time.monotonic() - start


@pytest.fixture(scope="module")
def big_tree(tmp_path_factory: pytest.TempPathFactory) -> Path:
    tree = tmp_path_factory.mktemp("big") / "tree"
    rng = random.Random(1234)
    for d in range(8):
        sub = tree / f"d{d}"
        sub.mkdir(parents=True)
        for i in range(25):
            (sub / f"f{i}").write_bytes(rng.randbytes(40_000))
    return tree


def test_kill_layer_commit(tmp_path: Path, big_tree: Path) -> None:
    root = tmp_path / "root"
    base = [sys.executable, "-c", COMMIT, str(root), str(big_tree)]
    duration = timed([*base, "warmup:1"])
    rng = random.Random(42)
    killed = 0
    for n in range(ROUNDS):
        (big_tree / "d0" / "f0").write_bytes(rng.randbytes(40_000))  # a new layer each round
        rc = run_and_kill([*base, f"crash:{n}"], duration * rng.uniform(0.05, 0.9))
        killed += rc == -signal.SIGKILL
        check_store(root)
        duration = timed([*base, f"after:{n}"])
        assert Store(root).resolve(f"after:{n}").diff_ids
    assert killed >= ROUNDS // 2
    Store(root).gc()
    check_store(root)
    assert list(Store(root).tmp_dir.iterdir()) == []


def test_kill_load(tmp_path: Path, big_tree: Path) -> None:
    source = tmp_path / "source"
    subprocess.run([sys.executable, "-c", COMMIT, str(source), str(big_tree), "big:1"],
                   cwd=REPO, check=True, capture_output=True, timeout=300)
    archive = tmp_path / "big.tar"
    dockyard = [sys.executable, "-m", "builder"]
    subprocess.run([*dockyard, "--root", str(source), "save", "-o", str(archive), "big:1"],
                   cwd=REPO, check=True, capture_output=True, timeout=300)
    root = tmp_path / "root"
    load = [*dockyard, "--root", str(root), "load", "-i", str(archive)]
    duration = timed(load)
    rng = random.Random(7)
    killed = 0
    for _ in range(ROUNDS):
        store = Store(root)
        if rng.random() < 0.5:
            store.remove_image("big:1")  # so the kill hits a load that writes blobs
        rc = run_and_kill(load, duration * rng.uniform(0.05, 0.9))
        killed += rc == -signal.SIGKILL
        check_store(root)
        duration = timed(load)
        assert Store(root).resolve("big:1").id == Store(source).resolve("big:1").id
    assert killed >= ROUNDS // 2
    Store(root).gc()
    check_store(root)
