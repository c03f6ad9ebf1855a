"""Go's path.Match pattern syntax (builder.gomatch), shared by COPY sources and image
reference filters."""

from __future__ import annotations

import pytest

from builder.gomatch import PatternError, compile_pattern


@pytest.mark.parametrize(("pattern", "name", "matched"), [
    ("*.md", "a.md", True), ("*.md", "d/a.md", False), ("a?c", "abc", True),
    ("a?c", "a/c", False), ("[a-c]x", "bx", True), ("[^a-c]x", "dx", True),
    ("[^a-c]x", "bx", False), ("[^a]", "/", True), ("[z-a]x", "zx", False),
    ("[\\]]", "]", True), ("\\*", "*", True), ("\\*", "a", False), ("a.b", "axb", False),
])
def test_matches_as_go(pattern: str, name: str, matched: bool) -> None:
    assert (compile_pattern(pattern).fullmatch(name) is not None) is matched


@pytest.mark.parametrize("pattern", ["[a", "[]", "[a-]", "a\\", "[-a]", "[^"])
def test_bad_patterns_as_go(pattern: str) -> None:
    with pytest.raises(PatternError):
        compile_pattern(pattern)
