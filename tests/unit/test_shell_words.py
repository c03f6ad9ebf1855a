"""Direct cases for builder.shell_words beyond BuildKit's tables: the backtick escape, the
Lex options, BuildKit's quirks, and the error messages."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from builder.errors import ExpansionError
from builder.goquote import go_quote
from builder.shell_words import (
    MAX_NESTING,
    Lex,
    WordResult,
    expand,
    shell_pattern_to_regex,
)

ENV = {"X": "x", "A": "a b", "E": "", "F": "1.2.3", "P": "/usr/local/bin"}


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("a`$X", "a$X"),  # the escape char protects `$`
        ("a\\b", "a\\b"),  # backslash is an ordinary char
        ("hello`", "hello"),  # a trailing escape is dropped
        ("a``b", "a`b"),
        ('"a`"b"', 'a"b'),
        ('"a``b"', "a`b"),
        ('"a`xb"', "a`xb"),  # in double quotes only " $ and ` are escapable
        ('"a\\"', "a\\"),
        ("'a`b'", "a`b"),
        ("$X`$X", "x$X"),
    ],
)
def test_backtick_escape(word: str, expected: str) -> None:
    assert Lex("`").process_word(word, ENV) == expected
    assert expand(word, ENV, escape="`") == expected


def test_backtick_escaped_space_does_not_split() -> None:
    assert Lex("`").process_words("a` b c", ENV) == ["a b", "c"]
    assert Lex("`").process_words("a\\ b", ENV) == ["a\\", "b"]


def test_raw_quotes_keeps_quotes() -> None:
    lex = Lex(raw_quotes=True)
    assert lex.process_word("\"$X\" '$X'", ENV) == "\"x\" '$X'"
    assert lex.process_words('a"$A"b c', ENV) == ['a"a b"b', "c"]


def test_raw_escapes_keeps_escapes() -> None:
    lex = Lex(raw_escapes=True)
    assert lex.process_word("a\\b\\$X", ENV) == "a\\b\\$X"
    assert lex.process_word('"\\$X \\""', ENV) == '\\$X \\"'
    # BuildKit writes the kept escape and then the unescapable char's backslash again.
    assert lex.process_word('"\\a"', ENV) == "\\\\a"
    assert lex.process_words("a\\ b", ENV) == ["a\\ b"]


def test_skip_unset_leaves_references_as_written() -> None:
    lex = Lex(skip_unset=True)
    assert lex.process_word("$U ${U} ${U:-d} ${U:?} ${U:x} $X ${X:-d}", ENV) == (
        "$U ${U} ${U:-d} ${U:?} ${U:x} x x"
    )
    # for `//` BuildKit writes back a single `/`
    assert lex.process_word("${U/a/b} ${U//a/b}", ENV) == "${U/a/b} ${U/a/b}"
    assert lex.process_word("${U:-$X}", ENV) == "${U:-x}"
    assert lex.process_word("${E:-d}", ENV) == "d"  # set but empty is not unset


def test_skip_process_quotes_treats_quotes_as_text() -> None:
    lex = Lex(skip_process_quotes=True)
    assert lex.process_word("\"$X\" '$X' \\$X", ENV) == "\"x\" 'x' $X"
    assert lex.process_word("it's", ENV) == "it's"


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("$X$X", "xx"),
        ("$_X", ""),
        ("${X}_", "x_"),
        ("$1x", "x"),
        ("$$", ""),
        ("$@x", "x"),
        ("$", "$"),
        ("a$", "a$"),
        ("$/", "$/"),
        ('$"x"', "$x"),
        ("${X:-a b}", "x"),
        ("${U-${E}}", ""),
        ("${E-d}", ""),
        ("${E:-d}", "d"),
        ("${E+d}", "d"),
        ("${E:+d}", ""),
        ("${F%.*}", "1.2"),
        ("${F%%.*}", "1"),
        ("${F#*.}", "2.3"),
        ("${F##*.}", "3"),
        ("${F%\\.*}", "1.2.3"),  # \. is not a valid glob escape... see the error test
        ("${F/./-}", "1-2.3"),
        ("${F//./-}", "1-2-3"),
        ("${F//?/x}", "xxxxx"),
        ("${P//\\//:}", ":usr:local:bin"),
        ("${F//*/-}", "-"),  # Go skips the empty match right after a match
        ("${F/*/-}", "-"),
        ("${F#[}", "1.2.3"),  # no bracket classes: `[` is literal
        ("\ufeff$X", "x"),  # a leading BOM is dropped
        ("안녕$X", "안녕x"),
        ("$한", ""),  # letters of any script make names
    ],
)
def test_expansion(word: str, expected: str) -> None:
    if word == "${F%\\.*}":
        with pytest.raises(ExpansionError, match=r"invalid escape '\\\.'"):
            Lex().process_word(word, ENV)
        return
    assert Lex().process_word(word, ENV) == expected


def test_replace_all_expands_go_template() -> None:
    lex = Lex()
    env = {"F": "abcb", "R0": "[$0]", "RD": "$$", "RB": "<${0}>", "RM": "${x", "RN": "$1z"}
    assert lex.process_word("${F//b/$R0}", env) == "a[b]c[b]"
    assert lex.process_word("${F/b/$R0}", env) == "a[$0]cb"  # single replace: literal
    assert lex.process_word("${F//b/$RD}", env) == "a$c$"
    assert lex.process_word("${F//b/$RB}", env) == "a<b>c<b>"
    assert lex.process_word("${F//b/$RM}", env) == "a${xc${x"
    assert lex.process_word("${F//b/$RN}", env) == "ac"


def test_words_split_on_unquoted_whitespace_only() -> None:
    lex = Lex()
    assert lex.process_words("$A '$A' \"$A\" a\\ b", ENV) == ["a", "b", "$A", "a b", "a b"]
    assert lex.process_words("  x\t\ny  ", ENV) == ["x", "y"]
    assert lex.process_words("", ENV) == []
    assert lex.process_words('a "" b', ENV) == ["a", "b"]  # BuildKit drops empty words
    assert lex.process_words("cat <<  EOF x", ENV) == ["cat", "<<  EOF", "x"]
    # U+001C is a space to Python's str.split() but not to Go
    assert lex.process_words("a\x1cb c", ENV) == ["a\x1cb", "c"]


def test_words_buffer_quirk() -> None:
    # BuildKit shares its word buffer with the nested scan of `${v:-...}`, so the part of
    # the current word before it is lost in word mode (not in the single-word result).
    lex = Lex()
    assert lex.process_words("abc${U:-def}ghi x", ENV) == ["defghi", "x"]
    assert lex.process_word("abc${U:-def}ghi x", ENV) == "abcdefghi x"
    assert lex.process_words("a ${U:-d e}", ENV) == ["a", "d", "e"]


def test_matches_reports_lookups() -> None:
    got = Lex().process_word_with_matches("$X ${U:-$E} ${X#$V}", ENV)
    assert got == WordResult(
        result="x  x",
        words=("x", "x"),
        matched=frozenset({"X", "E"}),
        unmatched=frozenset({"U", "V"}),
    )


@pytest.mark.parametrize(
    ("word", "message"),
    [
        ("${U:?}", "U: is not allowed to be unset"),
        ("${U?}", "U: is not allowed to be unset"),
        ("${E:?}", "E: is not allowed to be empty"),
        ("${U?need $X}", "U: need x"),
        ('${E:?say "$A"}', "E: say a b"),
        ("${", "syntax error: missing '}'"),
        ("${X:", "syntax error: missing '}'"),
        ("${X:-abc", "syntax error: missing '}'"),
        ('${X:-"abc}', "syntax error: missing '}'"),
        ("${X", "syntax error: missing '}'"),
        ("${}", "syntax error: bad substitution"),
        ("${:-x}", "syntax error: bad substitution"),
        ("${{X}", "syntax error: bad substitution"),
        ("${.}", "unsupported modifier (.) in substitution"),
        ("${#X}", "unsupported modifier (X) in substitution"),
        ("${X:=a}", "unsupported modifier (:=) in substitution"),
        ("${X=a}", "unsupported modifier (=) in substitution"),
        ("${X:1:2}", "unsupported modifier (:1) in substitution"),
        ("${X:#a}", "unsupported modifier (:#) in substitution"),
        ("${X:%%a}", "unsupported modifier (:%) in substitution"),
        ("${X/a", "syntax error: missing '/' in ${}"),
        ("${X//}", "syntax error: missing '/' in ${}"),
        ("${X/a/b", "syntax error: missing '}'"),
        ("${X#\\q}", "invalid pattern (\\q) in substitution: invalid escape '\\q'"),
        ('"abc', "unexpected end of statement while looking for matching double-quote"),
        ('"abc\\', "unexpected end of statement while looking for matching double-quote"),
        ("'abc", "unexpected end of statement while looking for matching single-quote"),
    ],
)
def test_error_messages(word: str, message: str) -> None:
    with pytest.raises(ExpansionError) as info:
        Lex().process_word(word, ENV)
    assert str(info.value) == f"failed to process {go_quote(word)}: {message}"
    assert info.value.location is None
    with pytest.raises(ExpansionError):
        Lex().process_words(word, ENV)


@pytest.mark.parametrize("template", ["${B:-%s}", '"${B:-%s}"', "${B/a/%s}", "${B#%s}"])
def test_deep_nesting_is_an_error_not_a_crash(template: str) -> None:
    deep = "x"
    for _ in range(MAX_NESTING + 1):
        deep = template % deep
    for process in (Lex().process_word, Lex().process_words, Lex().process_word_with_matches):
        with pytest.raises(ExpansionError, match=f"nested more than {MAX_NESTING} deep"):
            process(deep, ENV)
    ok = "x"
    for _ in range(MAX_NESTING):
        ok = template % ok
    Lex().process_word(ok, ENV)


def test_error_quotes_source_like_go() -> None:
    with pytest.raises(ExpansionError) as info:
        Lex().process_word('"a\tb\n\x00é', ENV)
    assert str(info.value).startswith('failed to process "\\"a\\tb\\n\\x00é": ')


def test_pattern_helper() -> None:
    assert shell_pattern_to_regex("a*b?", greedy=False, anchored=False) == "a.*?b."
    assert shell_pattern_to_regex("\\}\\/x", greedy=True, anchored=True) == "^\\}/x"
    with pytest.raises(ValueError, match="invalid escape"):
        shell_pattern_to_regex("a\\", greedy=True, anchored=False)


def test_escape_must_be_one_char() -> None:
    with pytest.raises(ValueError):
        Lex("ab")


def test_plain_words_take_the_fast_path_unchanged() -> None:
    lex = Lex()
    for word in ("/usr/src/app", "a b", "<x>", "node:20"):
        assert lex.process_word(word, {}) == word
    assert lex.process_words("a<b c", {}) == ["a<b", "c"]


_ALPHABET = st.sampled_from([*list("ab $\\`'\"{}:-+?#%/*.<\t\n"), "X", "E", "U", "1", "é"])


@settings(max_examples=400, deadline=None)
@given(word=st.text(_ALPHABET, max_size=24), escape=st.sampled_from(["\\", "`"]))
def test_fuzz_only_expansion_errors(word: str, escape: str) -> None:
    # Any input either expands or raises ExpansionError; word mode agrees on failure.
    for lex in (Lex(escape), Lex(escape, raw_quotes=True, raw_escapes=True, skip_unset=True)):
        try:
            result = lex.process_word_with_matches(word, ENV)
        except ExpansionError:
            with pytest.raises(ExpansionError):
                lex.process_words(word, ENV)
            continue
        assert result.result == lex.process_word(word, ENV)
        assert list(result.words) == lex.process_words(word, ENV)
        assert result.matched <= ENV.keys()
        assert not result.unmatched & ENV.keys()


def test_invalid_utf8_in_the_word_becomes_replacement_char() -> None:
    # Go's scanner reads runes: a byte that is not UTF-8 comes out as U+FFFD. Expanded
    # values are copied as they are.
    lex = Lex()
    assert lex.process_word("a\udcffb", ENV) == "a\ufffdb"
    assert lex.process_word("a\udcff$S", {"S": "\udcfe"}) == "a\ufffd\udcfe"
    assert lex.process_words("\udcff x", ENV) == ["\ufffd", "x"]
    with pytest.raises(ExpansionError, match=r'^failed to process "\\xff\$\{": '):
        lex.process_word("\udcff${", ENV)
