"""Golden planning cases: one folder per case under ``fixtures/graphs/``.

Each folder has a ``Dockerfile``, ``args.json`` (build args, target, all_stages, platform,
base image configs) and either ``expected.json`` (the JSON graph) or ``error.json``.
``DOCKYARD_UPDATE_GOLDEN=1`` rewrites ``expected.json`` files (review them before
committing).
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import pytest

from builder import errors
from builder.graph import ImageConfig, PlanSettings, plan
from builder.graph_render import to_json
from builder.parser import parse
from tests.conftest import FIXTURES

CASES = sorted(p for p in (FIXTURES / "graphs").iterdir() if p.is_dir())
UPDATE = os.environ.get("DOCKYARD_UPDATE_GOLDEN") == "1"


def _plan(case: Path) -> Any:
    args = json.loads((case / "args.json").read_text())
    configs = {
        ref: ImageConfig.from_docker(doc, doc.get("id", ""))
        for ref, doc in args.get("base_configs", {}).items()
    }
    settings = PlanSettings(
        build_args=args.get("build_args", {}),
        target=args.get("target", ""),
        all_stages=args.get("all_stages", False),
        platform=args.get("platform", "linux/amd64"),
        build_platform="linux/amd64",
    )
    return plan(parse((case / "Dockerfile").read_bytes(), "Dockerfile"), settings, configs)


def test_enough_cases() -> None:
    assert len(CASES) >= 20
    assert sum((c / "error.json").exists() for c in CASES) >= 8


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_golden(case: Path) -> None:
    error_file = case / "error.json"
    if error_file.exists():
        expected = json.loads(error_file.read_text())
        with pytest.raises(errors.DockyardError) as info:
            _plan(case)
        err = info.value
        assert type(err).__name__ == expected["error"] or isinstance(
            err, getattr(errors, expected["error"])
        )
        assert expected["contains"] in err.message
        line = err.location.line if err.location else None
        assert line == expected["line"]
        return
    data = json.loads(json.dumps(to_json(_plan(case))))
    path = case / "expected.json"
    if UPDATE or not path.exists():
        path.write_text(json.dumps(data, indent=2, sort_keys=True, ensure_ascii=False) + "\n")
        if not UPDATE:
            pytest.fail(f"{path} was missing and has been written; review it")
    assert data == json.loads(path.read_text())
