"""``dockyard graph`` end to end: formats, cache explanations, errors, Graphviz."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from builder import cachekey
from builder.cache import BuildCache, CacheRecord
from builder.graph import PlanSettings, plan
from builder.parser import parse_file
from tests.conftest import FIXTURES, REPO

FOUR = FIXTURES / "graph-cli" / "four-stages"


def dockyard(
    root: Path, *args: str, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    full_env = {**os.environ, "PYTHONPATH": str(REPO), **(env or {})}
    return subprocess.run(
        [sys.executable, "-m", "builder", "--root", str(root), "graph", *args],
        capture_output=True, text=True, env=full_env, timeout=120, check=False,
    )  # fmt: skip


@pytest.fixture
def context(tmp_path: Path) -> Path:
    ctx = tmp_path / "ctx"
    shutil.copytree(FOUR, ctx)
    return ctx


@pytest.mark.integration
def test_svg_of_four_stages_parses_as_xml(tmp_path: Path, context: Path) -> None:
    if shutil.which("dot") is None:
        pytest.skip("graphviz (dot) is not installed")
    out = tmp_path / "graph.svg"
    res = dockyard(tmp_path / "root", "--format", "svg", "-o", str(out), str(context))
    assert res.returncode == 0, res.stderr
    root = ET.fromstring(out.read_bytes())
    assert root.tag.endswith("svg")
    text = out.read_text()
    for name in ("deps", "build", "certs", "final", "COPY go.mod"):
        assert name in text


def test_dot_hides_pruned_stages_unless_all_stages(tmp_path: Path, context: Path) -> None:
    res = dockyard(tmp_path / "r", "--format", "dot", "--target", "build", str(context))
    assert res.returncode == 0, res.stderr
    assert "cluster_1" in res.stdout and "cluster_2" not in res.stdout
    res = dockyard(
        tmp_path / "r", "--format", "dot", "--target", "build", "--all-stages", str(context)
    )
    assert "cluster_2" in res.stdout and "cluster_3" in res.stdout
    mermaid = dockyard(tmp_path / "r", "--format", "mermaid", str(context)).stdout
    assert mermaid.startswith("flowchart") and "-.->|copy|" in mermaid


def test_json_and_text(tmp_path: Path, context: Path) -> None:
    res = dockyard(
        tmp_path / "r",
        "--format",
        "json",
        "--build-arg",
        "VERSION=1",
        "--build-arg",
        "X=2",
        str(context),
    )
    assert res.returncode == 0, res.stderr
    data = json.loads(res.stdout)
    assert data["version"] == 1 and [s["name"] for s in data["stages"]] == [
        "deps",
        "build",
        "certs",
        "final",
    ]
    assert data["target"] == {"index": 3, "name": "final"}
    assert "[Warning] One or more build-args [X] were not consumed" in res.stderr
    assert "base image configs are unknown" in res.stderr
    run = data["stages"][1]["steps"][2]
    assert run["build_args"] == {"VERSION": "1"} and run["line"] == 12 and run["end_line"] == 13
    text = dockyard(tmp_path / "r", str(context)).stdout
    assert "stage 1 build: FROM stage deps" in text and "line 12" in text


def _commit_build(root: Path, context: Path) -> None:
    """Record every step as a build would."""
    from builder.cli.graph import _sources_digester

    graph = plan(parse_file(context / "Dockerfile"), PlanSettings())
    keys = cachekey.keys_for(graph, _sources_digester(root, context, None))
    with BuildCache(root) as cache:
        for (stage, index), key in keys.items():
            if key.complete:
                step = graph.stages[stage].steps[index]
                cache.commit(
                    key.digest,
                    CacheRecord(key=key.digest, inputs=key.inputs, instruction=step.text),
                )


def test_cache_hits_and_explanations(tmp_path: Path, context: Path) -> None:
    root = tmp_path / "root"
    _commit_build(root, context)
    res = dockyard(root, str(context))
    assert res.returncode == 0, res.stderr
    assert " miss" not in res.stdout and "COPY go.mod  cached" in res.stdout

    (context / "src" / "main.go").write_text("package main\n")
    res = dockyard(root, "--build-arg", "VERSION=2", str(context))
    out = res.stdout
    assert "COPY src/  miss" in out
    assert "COPY src/: content of sources changed" in out
    assert "RUN go build" in out and "parent step missed" in out
    assert "build arg VERSION changed dev → 2" in out
    assert "COPY go.mod  cached" in out

    data = json.loads(dockyard(root, "--format", "json", str(context)).stdout)
    copy = data["stages"][1]["steps"][1]
    assert copy["cache"]["hit"] is False and copy["cache"]["key"].startswith("blake3:")


def test_dockerignore_is_honoured(tmp_path: Path, context: Path) -> None:
    root = tmp_path / "root"
    (context / "src" / "notes.md").write_text("a")
    (context / ".dockerignore").write_text("src/*.md\n")
    _commit_build(root, context)
    (context / "src" / "notes.md").write_text("changed")
    assert "COPY src/  cached" in dockyard(root, str(context)).stdout


def test_errors_are_one_located_line(tmp_path: Path) -> None:
    ctx = tmp_path / "c"
    ctx.mkdir()
    (ctx / "Dockerfile").write_text("FROM busybox AS a\nCOPY --from=a /x /y\n")
    res = dockyard(tmp_path / "r", str(ctx))
    assert res.returncode == 1
    first = res.stderr.splitlines()[0]
    assert first.startswith(f"{ctx / 'Dockerfile'}:2:1: ") and "circular dependency" in first
    assert "Traceback" not in res.stderr
    res = dockyard(tmp_path / "r", "--target", "nope", str(ctx))
    assert res.returncode == 1 and 'target stage "nope" could not be found' in res.stderr


def test_svg_without_graphviz_says_so(tmp_path: Path, context: Path) -> None:
    empty = tmp_path / "bin"
    empty.mkdir()
    res = dockyard(tmp_path / "r", "--format", "svg", str(context), env={"PATH": str(empty)})
    assert res.returncode == 1
    assert "Graphviz 'dot' was not found" in res.stderr and "Traceback" not in res.stderr


def test_base_configs_come_from_the_local_store(tmp_path: Path) -> None:
    from builder.image import commit_image
    from builder.reference import parse as parse_reference
    from builder.store import Store

    root = tmp_path / "root"
    store = Store(root)
    store.ensure()
    config = {
        "architecture": "amd64",
        "os": "linux",
        "rootfs": {"type": "layers", "diff_ids": []},
        "config": {
            "Env": ["PATH=/usr/bin:/bin", "LANG=C"],
            "WorkingDir": "/base",
            "Cmd": ["/old"],
            "OnBuild": ["RUN echo triggered in $LANG"],
        },
    }
    image = commit_image(
        store, json.dumps(config).encode(), [], [parse_reference("example.com/base:1")]
    )
    ctx = tmp_path / "ctx"
    ctx.mkdir()
    (ctx / "Dockerfile").write_text('FROM example.com/base:1\nENTRYPOINT ["/e"]\n')
    res = dockyard(root, "--format", "json", str(ctx))
    assert res.returncode == 0, res.stderr
    stage = json.loads(res.stdout)["stages"][0]
    assert stage["base_known"] is True
    trigger, entry = stage["steps"]
    assert trigger["onbuild"] and trigger["workdir"] == "/base"
    assert trigger["env"] == ["PATH=/usr/bin:/bin", "LANG=C"]
    assert entry["config_change"] == {"Cmd": None, "Entrypoint": ["/e"]}
    assert "OnBuild" not in stage["config"] and "Cmd" not in stage["config"]
    assert "config unknown" not in dockyard(root, str(ctx)).stdout
    from builder.cli.graph import _BaseLookup

    graph = plan(parse_file(ctx / "Dockerfile"), PlanSettings(), _BaseLookup(root))
    assert graph.stages[0].base_id == image.id
    assert cachekey.keys_for(graph)[(0, 0)].inputs["parent"] == f"image:{image.id}"
    unknown = plan(parse_file(ctx / "Dockerfile"), PlanSettings(), lambda ref: None)
    assert cachekey.keys_for(unknown)[(0, 0)].inputs["parent"] == "image:example.com/base:1"


BUSYBOX = Path("/bin/busybox")


@pytest.mark.integration
def test_miss_explained_after_a_real_build(tmp_path: Path) -> None:
    """Build for real, change what one step copies, and read why it would miss."""
    if os.geteuid() != 0 or not BUSYBOX.is_file():
        pytest.skip("needs root and the static busybox")
    ctx = tmp_path / "ctx"
    ctx.mkdir()
    shutil.copy(BUSYBOX, ctx / "busybox")
    (ctx / "app.py").write_text("print(1)\n")
    (ctx / "Dockerfile").write_text(
        "FROM scratch\n"
        "COPY busybox /bin/busybox\n"
        'RUN ["/bin/busybox", "--install", "-s", "/bin"]\n'
        "ARG VERSION=1.2\n"
        "COPY app.py /app/\n"
        "RUN echo $VERSION > /app/version\n"
    )
    root = tmp_path / "root"
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    built = subprocess.run(
        [sys.executable, "-m", "builder", "--root", str(root), "build", "--progress", "plain",
         "-t", "explain:1", str(ctx)],
        capture_output=True, text=True, env=env, timeout=300, check=False,
    )  # fmt: skip
    assert built.returncode == 0, built.stderr
    text = dockyard(root, str(ctx)).stdout
    steps = [line for line in text.splitlines() if "  line " in line]
    assert len(steps) == 5 and all(line.endswith("  cached") for line in steps), text

    (ctx / "app.py").write_text("print(2)\n")
    text = dockyard(root, "--build-arg", "VERSION=1.3", str(ctx)).stdout
    assert "COPY busybox  cached" in text
    assert "COPY app.py  miss" in text
    assert "COPY app.py: content of sources changed" in text
    assert "parent step missed" in text
    assert "build arg VERSION changed 1.2 → 1.3" in text
