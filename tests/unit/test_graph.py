"""The planner's API: pure imports, settings, configs, lookups."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from builder.errors import DockerfileError
from builder.graph import ImageConfig, PlanSettings, host_platform, plan
from builder.parser import parse
from tests.conftest import REPO

PURE = ["graph", "planner", "dispatch", "scope", "cachekey"]
FORBIDDEN = ("executor", "snapshot", "store", "runtime", "runner", "scheduler", "registry")


def _imports(module: str) -> set[str]:
    tree = ast.parse((REPO / "builder" / f"{module}.py").read_text())
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            found.add(node.module)
            found.update(f"{node.module}.{a.name}" for a in node.names)
    return found


@pytest.mark.parametrize("module", PURE)
def test_planning_modules_never_import_execution(module: str) -> None:
    for name in _imports(module):
        parts = name.split(".")
        assert not (parts[0] == "builder" and any(p in FORBIDDEN for p in parts[1:])), name
        assert parts[0] not in ("subprocess", "socket", "diskcache"), name


def test_planning_modules_do_not_pull_execution_in_transitively() -> None:
    code = (
        "import sys\n"
        + "".join(f"import builder.{m}\n" for m in PURE)
        + "from builder.graph import plan, PlanSettings\n"
        + "from builder.parser import parse\n"
        + "plan(parse('FROM a AS b\\nRUN x\\nFROM b\\nCOPY --from=b / /\\n'), PlanSettings())\n"
        + "print('\\n'.join(sorted(sys.modules)))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True, check=True
    ).stdout.split()
    bad = [m for m in out if m.startswith("builder.") and m.split(".")[1] in FORBIDDEN]
    assert bad == []
    assert "diskcache" not in out


def test_host_platform_default() -> None:
    assert host_platform().startswith("linux/")
    assert PlanSettings().platform == host_platform()
    assert PlanSettings().effective_build_platform == host_platform()


def test_image_config_from_docker_document() -> None:
    doc: dict[str, Any] = {
        "author": "someone",
        "config": {
            "Env": ["PATH=/bin", "A=1"], "Cmd": ["sh"], "WorkingDir": "/w", "User": "u",
            "OnBuild": ["RUN x"], "Labels": {"b": "2", "a": "1"},
            "ExposedPorts": {"80/tcp": {}}, "Volumes": {"/v": {}}, "StopSignal": "SIGINT",
            "Healthcheck": {"Test": ["NONE"]},
        },
    }  # fmt: skip
    cfg = ImageConfig.from_docker(doc, "sha256:abc")
    assert cfg.env == ("PATH=/bin", "A=1") and cfg.cmd == ("sh",) and cfg.entrypoint is None
    assert cfg.labels == (("a", "1"), ("b", "2")) and cfg.author == "someone"
    assert cfg.id == "sha256:abc" and cfg.on_build == ("RUN x",)
    assert ImageConfig.from_docker(doc["config"]).to_docker() == doc["config"]
    assert ImageConfig.from_docker({"config": None}) == ImageConfig()


def test_lookup_callable_and_scratch_path() -> None:
    seen: list[str] = []

    def lookup(ref: str) -> ImageConfig | None:
        seen.append(ref)
        return ImageConfig(env=("PATH=/custom",), user="me")

    g = plan(
        parse("FROM img:1\nRUN id\nFROM scratch\nRUN id\n"), PlanSettings(all_stages=True), lookup
    )
    assert seen == ["img:1"]
    assert g.stages[0].steps[0].env == ("PATH=/custom",) and g.stages[0].steps[0].user == "me"
    assert g.stages[1].steps[0].env == (
        "PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin",
    )
    assert g.stage(1) is g.stages[1]


def test_stage_lookup_by_name_is_case_insensitive() -> None:
    g = plan(parse("FROM a AS Build\nFROM scratch\nCOPY --from=BUILD / /\n"), PlanSettings())
    assert g.stage("BUILD").index == 0 and g.stages[1].steps[0].deps[0].source_stage == 0
    with pytest.raises(KeyError):
        g.stage("nope")


def test_from_uses_a_stage_named_in_lowercase_only() -> None:
    """As BuildKit: ``AS Base`` is stored as ``base``; ``FROM`` looks the expanded name up
    as written, so ``FROM BASE`` is an image reference (moby/buildkit#2003)."""
    g = plan(parse("FROM a AS Base\nFROM base\n"), PlanSettings())
    assert g.stages[1].base.kind == "stage" and g.stages[1].base.stage == 0
    with pytest.raises(DockerfileError, match=r'invalid base image "BASE".*lowercase'):
        plan(parse("FROM a AS Base\nFROM BASE\n"), PlanSettings())


def test_errors_carry_the_source_line() -> None:
    with pytest.raises(DockerfileError) as info:
        plan(parse("FROM busybox\nCOPY --from=$X /a /b\n", "Dfile"), PlanSettings())
    assert str(info.value).startswith("Dfile:2:1: variable expansion is not supported for --from")
    assert info.value.source_line == "COPY --from=$X /a /b"


def test_names_and_paths_that_expand_to_nothing() -> None:
    def error(text: str) -> str:
        with pytest.raises(DockerfileError) as info:
            plan(parse(text, "Dfile"), PlanSettings())
        return str(info.value)

    assert error("FROM scratch\nENV $EMPTY=x\n") == (
        "Dfile:2:1: invalid environment variable: =x")
    assert error("FROM scratch\nENV A=1 \\\n  ${NOPE}=\n") == (
        "Dfile:2:1: invalid environment variable: =")
    assert error("FROM scratch\n\nWORKDIR $NOPE\n") == "Dfile:3:1: cannot normalize nothing"
    g = plan(parse("FROM scratch\nARG N=name\nENV $N=x\nWORKDIR ${N:-x}/\n"), PlanSettings())
    assert g.stages[0].config.env[-1] == "name=x" and g.stages[0].config.working_dir == "/name"


@pytest.mark.parametrize(("line", "message"), [
    ("RUN --mount=type=cache true", "mount target is required for type=cache mounts"),
    ("RUN --mount=type=bind,target=$UNSET true", "mount target is required for type=bind"),
    ("RUN --mount=type=tmpfs,size=1m true", "mount target is required for type=tmpfs"),
    ("RUN echo a\0b", "the command contains a NUL byte"),
    ('RUN ["echo", "a\0b"]', "the command contains a NUL byte"),
    ('ENV A="a\0b"\nRUN true', "the environment variable 'A' contains a NUL byte"),
])
def test_run_steps_that_cannot_start_fail_at_their_line(line: str, message: str) -> None:
    text = f"FROM busybox\n{line}\n"
    with pytest.raises(DockerfileError) as info:
        plan(parse(text, "Dfile"), PlanSettings())
    assert str(info.value).startswith(f"Dfile:{text.count(chr(10))}:1: {message}")


def test_mounts_that_need_no_target_keep_planning() -> None:
    text = "FROM busybox\nRUN --mount=type=secret,id=s --mount=type=ssh true\n"
    plan(parse(text, "Dfile"), PlanSettings())


def test_no_cache_filter_marks_steps() -> None:
    text = "FROM a AS one\nRUN x\nFROM one AS two\nRUN y\n"
    g = plan(parse(text), PlanSettings(no_cache_filter=("two",)))
    assert [s.no_cache for s in g.steps()] == [False, True]
    g = plan(parse(text), PlanSettings(no_cache=True))
    assert all(s.no_cache for s in g.steps())


def test_onbuild_trigger_rules() -> None:
    bad = {"base": ImageConfig(on_build=("FROM other",))}
    with pytest.raises(DockerfileError, match="FROM isn't allowed as an ONBUILD trigger"):
        plan(parse("FROM scratch\nFROM base\n"), PlanSettings(), bad)
    # a trigger's --from names an image, never a stage of the child Dockerfile
    cfg = {"base": ImageConfig(on_build=("COPY --from=tools /a /b",))}
    g = plan(parse("FROM busybox AS tools\nFROM base\n"), PlanSettings(), cfg)
    (step,) = g.stages[1].steps
    assert step.onbuild and step.deps[0].image == "docker.io/library/tools:latest"
    assert step.location.line == 2


def test_graph_module_sizes() -> None:
    for module in [*PURE, "cache", "graph_render"]:
        lines = len(Path(REPO / "builder" / f"{module}.py").read_text().splitlines())
        assert lines <= 600, module
