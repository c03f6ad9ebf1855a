"""The grammar itself: LALR without conflicts, in both escape variants."""

from __future__ import annotations

import logging

import pytest
from lark import Lark

from builder.parser import _grammar_text


def _conflicts(grammar: str, caplog: pytest.LogCaptureFixture) -> list[str]:
    caplog.clear()
    with caplog.at_level(logging.DEBUG, logger="lark"):
        Lark(grammar, parser="lalr", lexer="contextual", debug=True)
    return [r.getMessage() for r in caplog.records if "conflict" in r.getMessage().lower()]


def test_conflict_check_sees_conflicts(caplog: pytest.LogCaptureFixture) -> None:
    assert _conflicts('start: s*\ns: A | A A\nA: "a"\n', caplog)


@pytest.mark.parametrize("escape", ["\\", "`"])
def test_grammar_is_conflict_free(escape: str, caplog: pytest.LogCaptureFixture) -> None:
    assert _conflicts(_grammar_text(escape), caplog) == []


def test_backtick_variant_changes_only_the_continuation() -> None:
    plain, tick = _grammar_text("\\").splitlines(), _grammar_text("`").splitlines()
    changed = [(a, b) for a, b in zip(plain, tick, strict=True) if a != b]
    assert len(changed) == 1
    assert changed[0][0].startswith("LINE_CONT") and "`" in changed[0][1]
