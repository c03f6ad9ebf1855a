"""Direct cases for builder.ignore: exceptions under excluded dirs, `**`, may_match_inside,
the ignore-file reader, and malformed patterns."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from builder.errors import ContextError
from builder.ignore import PatternMatcher, go_clean, read_ignore_file


def test_exception_reincludes_file_under_excluded_dir() -> None:
    pm = PatternMatcher(["docs", "!docs/README.md"])
    assert pm.exclusions
    assert pm.matches_or_parent_matches("docs")
    assert pm.matches_or_parent_matches("docs/other.md")
    assert pm.matches_or_parent_matches("docs/sub/x")
    assert not pm.matches_or_parent_matches("docs/README.md")
    assert not pm.matches_or_parent_matches("src/main.py")


def test_last_matching_pattern_wins() -> None:
    pm = PatternMatcher(["*.md", "!README*.md", "README-secret.md"])
    assert pm.matches_or_parent_matches("notes.md")
    assert not pm.matches_or_parent_matches("README.md")
    assert pm.matches_or_parent_matches("README-secret.md")
    assert not pm.matches_or_parent_matches("sub/notes.md")  # patterns are anchored


@pytest.mark.parametrize(
    ("pattern", "path", "excluded"),
    [
        ("**/*.go", "main.go", True),
        ("**/*.go", "a/b/c.go", True),
        ("**/*.go", "a/b/c.py", False),
        ("dir/**", "dir", False),
        ("dir/**", "dir/x", True),
        ("dir/**", "dir/x/y", True),
        ("**", "anything/at/all", True),
        ("a/**/b", "a/b", True),
        ("a/**/b", "a/x/y/b", True),
        ("a/**/b", "a/x/y/c", False),
        ("*", "a/b", True),  # matches the parent `a`
        ("*/b", "a/b/c", True),
        ("a?c", "a/c", False),  # ? never matches /
        ("foo", "a/foo", False),  # not gitignore: no floating basename
        ("[[:digit:]]*", "1abc", True),  # the class is read by Go's regexp (POSIX class)
        ("[[:digit:]]*", "abc", False),
        ("a\\d", "a1", True),  # ...and so is an escape: \d is a digit class there
        ("a\\d", "ad", False),
        ("a\\x41", "aA", True),  # hex and octal escapes, as Go's regexp reads them
        ("a\\101", "aA", True),
        ("\\Qa*\\E", "a[^/]*", True),  # \Q...\E quotes the regexp text patternmatcher built
        ("\\Qa*\\E", "ab", False),
        ("\\Qab", "ab$", True),  # ...up to the end, `$` included
        ("a\\*", "a*", True),
        ("a\\*", "ab", False),
        ("x**/b", "x\n/b", False),  # ** (.*) does not cross a newline in Go either
        ("a$b", "a$b", True),
    ],
)
def test_double_star_and_friends(pattern: str, path: str, excluded: bool) -> None:
    assert PatternMatcher([pattern]).matches_or_parent_matches(path) is excluded


def test_context_root_is_never_excluded() -> None:
    pm = PatternMatcher(["**", "*", "."])
    assert not pm.matches_or_parent_matches(".")
    assert not pm.matches_or_parent_matches("")
    assert not pm.matches(".")


def test_legacy_matches_checks_one_parent_level() -> None:
    pm = PatternMatcher(["**/c"])
    assert pm.matches_or_parent_matches("a/b/c/d/e")
    assert not pm.matches("a/b/c/d/e")
    assert pm.matches("a/c/d")


def test_may_match_inside() -> None:
    pm = PatternMatcher(["docs", "!docs/README.md"])
    assert pm.may_match_inside("docs")
    assert not pm.may_match_inside("build")
    assert not PatternMatcher(["docs"]).may_match_inside("docs")

    nested = PatternMatcher(["*", "!docs/sub/keep.txt"])
    assert nested.may_match_inside("docs")
    assert nested.may_match_inside("docs/sub")
    assert not nested.may_match_inside("docs/other")
    assert not nested.may_match_inside("doc")  # a prefix of the name is not a parent

    trailing = PatternMatcher(["vendor", "!vendor/keep/**"])
    assert trailing.may_match_inside("vendor")
    assert trailing.may_match_inside("vendor/keep")
    assert not trailing.may_match_inside("vendor/drop")

    # a wildcard exception could match anywhere, so nothing can be skipped
    wild = PatternMatcher(["build", "!**/*.keep"])
    assert wild.may_match_inside("build")
    assert wild.may_match_inside("anything")


def test_may_match_inside_agrees_with_matching() -> None:
    pm = PatternMatcher(["a", "!a/b/c", "x/**", "!x/y/*"])
    paths = ["a/b/c", "a/b/d", "a/e", "x/y/z", "x/q/z"]
    for path in paths:
        if not pm.matches_or_parent_matches(path):
            parts = path.split("/")
            for i in range(1, len(parts)):
                parent = "/".join(parts[:i])
                if pm.matches_or_parent_matches(parent):
                    assert pm.may_match_inside(parent), (path, parent)


@pytest.mark.parametrize(
    "patterns",
    [
        ["!"],
        [" ! "],
        ["["],
        ["a["],
        ["[^"],
        ["[]a]"],
        ["[a-b-c]"],
        ["a\\"],
        ["[x-]"],
        ["[Local-Only]/"],
        ["a\\q"],  # Go's regexp rejects unknown escapes
        ["a\\pL"],  # Unicode classes: accepted by Go, not supported here
    ],  # the last passes Go's glob check but not its regexp compiler
)
def test_malformed_patterns_raise(patterns: list[str]) -> None:
    with pytest.raises(ContextError):
        PatternMatcher(patterns)


def test_patterns_are_trimmed_and_cleaned() -> None:
    pm = PatternMatcher(["  a/./b//c/  ", "", "!x/../y"])
    assert pm.patterns == ["a/b/c", "y"]  # Clean runs before `!` is seen, as upstream
    assert pm.matches_or_parent_matches("a/b/c/d")


def test_read_ignore_file() -> None:
    text = "\ufeff# comment\r\n  spaced  \r\n  # not a comment\n/abs/./x/\n!  /keep\n\n/\n"
    assert read_ignore_file(text) == ["spaced", "# not a comment", "abs/x", "!keep", "/"]
    assert read_ignore_file(b"\xef\xbb\xbfa\nb") == ["a", "b"]
    assert read_ignore_file("") == []
    assert read_ignore_file(b"caf\xe9\n") == ["caf\udce9"]  # raw bytes survive
    with pytest.raises(ContextError, match="longer than"):
        read_ignore_file("x" * 70000)


@pytest.mark.parametrize(
    ("path", "clean"),
    [
        ("", "."),
        ("a//b/./c/", "a/b/c"),
        ("//a", "/a"),
        ("/../a", "/a"),
        ("../../a", "../../a"),
        ("a/../..", ".."),
        ("a/..", "."),
    ],
)
def test_go_clean(path: str, clean: str) -> None:
    assert go_clean(path) == clean


_GLOB = st.lists(st.sampled_from([*list("ab/*?[]^-!\\.:$"), "[:digit:]", "**"]), max_size=8).map(
    "".join
)
_PATH = st.text(st.sampled_from(list("ab/.-*")), min_size=1, max_size=10).filter(
    lambda p: not p.startswith("/")  # Go walks relative paths only
)


@settings(max_examples=400, deadline=None)
@given(patterns=st.lists(_GLOB, max_size=3), path=_PATH)
def test_fuzz_only_context_errors(patterns: list[str], path: str) -> None:
    try:
        pm = PatternMatcher(patterns)
    except ContextError:
        return
    excluded = pm.matches_or_parent_matches(path)
    assert isinstance(pm.matches(path), bool)
    if excluded:
        return
    # a path that is kept below an excluded parent must be reachable by a walker
    parts = go_clean(path).split("/")
    for i in range(1, len(parts)):
        parent = "/".join(parts[:i])
        if parent not in ("", ".", "..") and pm.matches_or_parent_matches(parent):
            assert pm.may_match_inside(parent), (patterns, path, parent)
            break


def test_a_binary_ignore_file_is_quoted_briefly() -> None:
    data = bytes(range(0x80, 0x100)) * 8 + b"\\x" + bytes(range(0x80, 0x100)) * 8
    with pytest.raises(ContextError) as info:
        PatternMatcher(read_ignore_file(data))
    message = str(info.value)
    assert message.startswith("invalid pattern '\\x80\\x81\\x82")
    assert "'...: invalid escape sequence" in message
    assert "\\udc" not in message and len(message) < 500
