"""moby/patternmatcher's test tables, transcribed in derived/patternmatcher.json."""

from __future__ import annotations

import json
from typing import Any

import pytest

from builder.errors import ContextError
from builder.ignore import PatternMatcher, read_ignore_file
from tests.conftest import CONFORMANCE

DATA = CONFORMANCE / "derived" / "patternmatcher.json"
if not DATA.is_file():
    raise RuntimeError(f"conformance data missing: {DATA}")
_CASES = json.loads(DATA.read_text(encoding="utf-8"))


def _params(section: str) -> list[Any]:
    out = []
    for i, case in enumerate(_CASES[section]):
        label = case.get("pattern", case.get("patterns"))
        marks = []
        if case.get("platform") not in (None, "unix-only"):
            marks.append(pytest.mark.skip(reason=f"{case['platform']} case"))
        out.append(pytest.param(case, id=f"{i}:{label}->{case['path']}", marks=marks))
    return out


@pytest.mark.parametrize("case", _params("matches_or_parent_matches_single"))
def test_single(case: dict[str, Any]) -> None:
    pm = PatternMatcher([case["pattern"]])
    assert pm.matches_or_parent_matches(case["path"]) is case["match"]


@pytest.mark.parametrize("case", _params("matches_or_parent_matches_multi"))
def test_multi(case: dict[str, Any]) -> None:
    pm = PatternMatcher(case["patterns"])
    assert pm.exclusions is any(p.startswith("!") for p in case["patterns"])
    assert pm.matches_or_parent_matches(case["path"]) is case["match"]


def _legacy(patterns: list[str], case: dict[str, Any]) -> None:
    if case.get("error"):
        with pytest.raises(ContextError):
            PatternMatcher(patterns)
        return
    assert PatternMatcher(patterns).matches(case["path"]) is case["match"]


@pytest.mark.parametrize("case", _params("legacy_matches_filepath_tests"))
def test_legacy_filepath(case: dict[str, Any]) -> None:
    _legacy([case["pattern"]], case)


@pytest.mark.parametrize("case", _params("small_cases_legacy_Matches"))
def test_small_legacy(case: dict[str, Any]) -> None:
    _legacy(case["patterns"], case)


def test_ignorefile_readall() -> None:
    case = _CASES["ignorefile_readall"]
    assert read_ignore_file(case["input"]) == case["expected"]
    assert read_ignore_file(case["input"].encode()) == case["expected"]
    assert read_ignore_file(b"\xef\xbb\xbf" + case["input"].encode()) == case["expected"]


@pytest.mark.parametrize(
    "case", [pytest.param(c, id=f"{i}:{c['pattern']}") for i, c in enumerate(_CASES["compile"])]
)
def test_compile(case: dict[str, Any]) -> None:
    # Internal detail, checked because builder.ignore compiles patterns the same way.
    from builder.ignore import _EXACT, _PREFIX, _REGEXP, _SUFFIX, _go_regex, go_clean

    got = _go_regex(go_clean(case["pattern"]))
    kinds = {_EXACT: "exactMatch", _PREFIX: "prefixMatch", _SUFFIX: "suffixMatch"}
    if got is None:
        assert case["matchType"] == "exactMatch"
        return
    kind, regex = got
    assert kinds.get(kind, "regexpMatch" if kind == _REGEXP else "?") == case["matchType"]
    if kind == _REGEXP:
        assert regex == case["regexp_unix"]
