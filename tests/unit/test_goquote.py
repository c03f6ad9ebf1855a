"""Go's strconv.Quote (builder.goquote)."""

from __future__ import annotations

from builder.goquote import go_quote


def test_printable_kept_the_rest_escaped() -> None:
    assert go_quote("plain words") == '"plain words"'
    assert go_quote('a"b\\c') == '"a\\"b\\\\c"'
    assert go_quote("\x7f\u200b\U0001f600\t\n") == '"\\x7f\\u200b\U0001f600\\t\\n"'
    assert go_quote("é") == '"é"'


def test_bytes_that_are_not_utf8_as_go_sees_them() -> None:
    raw = b"a\xff".decode("utf-8", "surrogateescape")
    assert go_quote(raw) == '"a\\xff"'
    assert go_quote("\ud800") == '"\\ufffd"'


def test_ascii_only_escapes_every_other_character() -> None:
    assert go_quote("é\U0001f600", ascii_only=True) == '"\\u00e9\\U0001f600"'
