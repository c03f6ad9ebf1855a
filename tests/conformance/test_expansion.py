"""BuildKit's shell-expansion tables: envVarTest, wordsTest, and the transcribed Go tables."""

from __future__ import annotations

import json
from typing import Any

import pytest

from builder.errors import ExpansionError
from builder.shell_words import Lex, shell_pattern_to_regex
from tests.conftest import CONFORMANCE

SHELL_DIR = CONFORMANCE / "buildkit" / "frontend" / "dockerfile" / "shell"
DERIVED = CONFORMANCE / "derived" / "shell_process_word.json"
for _required in (SHELL_DIR / "envVarTest", SHELL_DIR / "wordsTest", DERIVED):
    if not _required.is_file():
        raise RuntimeError(f"conformance data missing: {_required}")

ENV_VAR_ENV = {"PWD": "/home", "SHELL": "bash", "KOREAN": "한국어", "NULL": ""}


def _env_var_rows() -> list[Any]:
    rows = []
    text = (SHELL_DIR / "envVarTest").read_text(encoding="utf-8")
    for lineno, line in enumerate(text.split("\n"), 1):
        if line.startswith("#") or not line.strip():
            continue
        fields = line.strip().split("|")
        assert len(fields) == 3, f"envVarTest line {lineno}: {line!r}"
        platform, source, expected = (f.strip() for f in fields)
        assert platform in ("A", "U", "W"), f"envVarTest line {lineno}: bad tag {platform!r}"
        marks = [pytest.mark.skip(reason="windows-only")] if platform == "W" else []
        rows.append(pytest.param(source, expected, id=f"L{lineno}:{source}", marks=marks))
    return rows


@pytest.mark.parametrize(("source", "expected"), _env_var_rows())
def test_env_var(source: str, expected: str) -> None:
    lex = Lex("\\")
    if expected == "error":
        with pytest.raises(ExpansionError, match=r"^failed to process "):
            lex.process_word(source, ENV_VAR_ENV)
    else:
        assert lex.process_word(source, ENV_VAR_ENV) == expected


def _words_rows() -> list[Any]:
    rows = []
    env: dict[str, str] = {}
    text = (SHELL_DIR / "wordsTest").read_text(encoding="utf-8")
    lines = text.split("\n")
    if lines[-1] == "":
        lines.pop()
    for lineno, line in enumerate(lines, 1):
        if line.startswith("#"):
            continue
        if line.startswith("ENV "):
            name, _, value = line[3:].lstrip(" ").partition("=")
            env[name] = value
            continue
        fields = line.split("|")
        assert len(fields) == 2, f"wordsTest line {lineno}: {line!r}"
        source = fields[0].strip()
        expected = fields[1].lstrip(" ").split(",")
        rows.append(pytest.param(source, expected, dict(env), id=f"L{lineno}:{source}"))
    return rows


@pytest.mark.parametrize(("source", "expected", "env"), _words_rows())
def test_words(source: str, expected: list[str], env: dict[str, str]) -> None:
    try:
        result = Lex("\\").process_words(source, env)
    except ExpansionError:
        result = ["error"]
    assert result == expected


_DERIVED = json.loads(DERIVED.read_text(encoding="utf-8"))


@pytest.mark.parametrize(
    "case",
    [pytest.param(c, id=f"{i}:{c['input']}") for i, c in enumerate(_DERIVED["process_word_cases"])],
)
def test_process_word(case: dict[str, Any]) -> None:
    lex = Lex("\\")
    if case.get("error"):
        with pytest.raises(ExpansionError) as info:
            lex.process_word_with_matches(case["input"], case["env"])
        assert str(info.value).startswith("failed to process ")
        assert case.get("error_contains", "") in str(info.value)
        return
    got = lex.process_word_with_matches(case["input"], case["env"])
    assert got.result == case["expected"]
    assert lex.process_word(case["input"], case["env"]) == case["expected"]
    # The Go tables record lookups only in TestProcessWithMatches; there a missing key means
    # "none". A word without `$` looks nothing up either way.
    if "matches" in case or "unmatched" in case or "$" not in case["input"]:
        assert got.matched == frozenset(case.get("matches", ()))
        assert got.unmatched == frozenset(case.get("unmatched", ()))


_HELPERS = _DERIVED["pattern_helpers"]


@pytest.mark.parametrize(
    ("pattern", "regex"), list(_HELPERS["convert_shell_pattern_to_regex_greedy_anchored"].items())
)
def test_pattern_to_regex(pattern: str, regex: str) -> None:
    assert shell_pattern_to_regex(pattern, greedy=True, anchored=True) == regex


@pytest.mark.parametrize("pattern", _HELPERS["invalid_patterns"])
def test_invalid_pattern(pattern: str) -> None:
    with pytest.raises(ValueError, match="invalid escape"):
        shell_pattern_to_regex(pattern, greedy=True, anchored=True)
    # the same pattern, reached through expansion, for each operator that takes one
    for word in ("${V#$P}", "${V##$P}", "${V%$P}", "${V%%$P}", "${V/$P/x}", "${V//$P/x}"):
        with pytest.raises(ExpansionError, match=r"invalid pattern \(.*\) in substitution"):
            Lex().process_word(word, {"V": "value", "P": pattern})
