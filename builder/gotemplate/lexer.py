"""The template lexer: text and ``{{ ... }}`` actions into tokens.

:class:`Lexer` handles Go's delimiters, trim markers (``{{- `` and `` -}}``), comments and
the tokens inside an action (fields, variables, identifiers, keywords, strings, characters,
numbers, punctuation); :func:`unquote` decodes a quoted literal as Go's strconv does and
:func:`parse_error` words a syntax error as Go's parser does.
"""

from __future__ import annotations

import re

from builder.errors import TemplateError

_SPACE = " \t\r\n"
_TERMINATORS = frozenset(" \t\r\n.,|:)(")
"""What may follow a field, variable or identifier (Go's ``atTerminator``, but ``}}``)."""
_NUMBER = re.compile(r"[+-]?(0[xX][0-9a-fA-F_]+|0[bB][01_]+|0[oO][0-7_]+|"
                     r"(\d[\d_]*\.?[\d_]*|\.\d[\d_]*)([eE][+-]?\d+)?)")
_KEYWORDS = {"if", "else", "end", "range", "with", "break", "continue", "define", "template",
             "block", "true", "false", "nil"}


class Tok:
    """One token: its kind, its text, where it starts and whether white space preceded it."""

    __slots__ = ("kind", "val", "pos", "spaced")

    def __init__(self, kind: str, val: str, pos: int, spaced: bool) -> None:
        self.kind = kind  # text left right field var ident kw str raw char num ( ) | , := = eof
        self.val = val
        self.pos = pos
        self.spaced = spaced  # white space came just before it

    def __repr__(self) -> str:
        return f"{self.kind}:{self.val!r}@{self.pos}"


def parse_error(src: str, pos: int, msg: str) -> TemplateError:
    """A syntax error in ``src`` at ``pos``, worded as Go's parser words it."""
    line = src.count("\n", 0, pos) + 1
    return TemplateError(f"template: :{line}: {msg}", parsing=True)


class Lexer:
    """Splits a template into text and the tokens of its actions."""

    def __init__(self, src: str) -> None:
        self.src = src
        self.toks: list[Tok] = []

    def fail(self, msg: str, pos: int) -> TemplateError:
        return parse_error(self.src, pos, msg)

    def run(self) -> list[Tok]:
        src, pos, trim = self.src, 0, False
        while True:
            start = src.find("{{", pos)
            text = src[pos:] if start < 0 else src[pos:start]
            if start >= 0 and src[start + 2:start + 3] == "-" and \
                    src[start + 3:start + 4] in tuple(_SPACE):
                text = text.rstrip(_SPACE)
            if trim:
                text = text.lstrip(_SPACE)
            if text:
                self.toks.append(Tok("text", text, pos, False))
            if start < 0:
                break
            pos, trim = self.action(start)
        self.toks.append(Tok("eof", "", len(src), False))
        return self.toks

    def action(self, start: int) -> tuple[int, bool]:
        """Lex one ``{{ ... }}``; the position after it and whether it trims what follows."""
        src = self.src
        pos = start + 2
        if src[pos:pos + 1] == "-" and src[pos + 1:pos + 2] in tuple(_SPACE):
            pos += 2
        body = pos
        while pos < len(src) and src[pos] in _SPACE:
            pos += 1
        if src.startswith("/*", pos) and (pos == body or body != start + 2):
            end = src.find("*/", pos + 2)
            if end < 0:
                raise self.fail("unclosed comment", start)
            pos = end + 2
            if src.startswith("}}", pos):
                return pos + 2, False
            if src.startswith(" -}}", pos):
                return pos + 4, True
            raise self.fail("comment ends before closing delimiter", start)
        self.toks.append(Tok("left", "{{", start, False))
        depth = 0
        spaced = False
        while True:
            if pos >= len(src):
                raise self.fail("unclosed action", start)
            ch = src[pos]
            if ch in _SPACE:
                if src.startswith("-}}", pos + 1):
                    self.toks.append(Tok("right", "}}", pos, True))
                    return pos + 4, True
                pos += 1
                spaced = True
                continue
            if src.startswith("}}", pos):
                if depth:
                    raise self.fail("unclosed left paren", pos)
                self.toks.append(Tok("right", "}}", pos, spaced))
                return pos + 2, False
            tok_start = pos
            if ch == "(":
                depth += 1
                kind, pos = "(", pos + 1
            elif ch == ")":
                depth -= 1
                if depth < 0:
                    raise self.fail('unexpected ")" in command', pos)
                kind, pos = ")", pos + 1
            elif ch in "|,=":
                kind, pos = ch, pos + 1
            elif src.startswith(":=", pos):
                kind, pos = ":=", pos + 2
            elif ch == '"':
                kind, pos = "str", self.quoted(pos, '"', "unterminated quoted string")
            elif ch == "'":
                kind, pos = "char", self.quoted(pos, "'", "unterminated character constant")
            elif ch == "`":
                end = src.find("`", pos + 1)
                if end < 0:
                    raise self.fail("unterminated raw quoted string", pos)
                kind, pos = "raw", end + 1
            elif ch == "$":
                kind, pos = "var", self.word_end(pos + 1)
            elif ch == "." and not "0" <= src[pos + 1:pos + 2] <= "9":
                end = self.word_end(pos + 1)
                kind, pos = ("field" if end > pos + 1 else "dot"), end
            elif "0" <= ch <= "9" or ch in "+-.":
                match = _NUMBER.match(src, pos)
                if not match or match.end() == pos:
                    raise self.fail(f"unexpected {_quote_char(ch)} in command", pos)
                pos = match.end()
                if pos < len(src) and (_word_char(src[pos]) or src[pos] == "."):
                    end = self.word_end(pos)
                    raise self.fail(f'bad number syntax: "{src[tok_start:end]}"', tok_start)
                kind = "num"
            elif _word_char(ch):
                pos = self.word_end(pos)
                kind = "kw" if src[tok_start:pos] in _KEYWORDS else "ident"
            elif ch == ":":
                raise self.fail("expected :=", pos)
            elif ord(ch) > 0x7F or not ch.isprintable():
                raise self.fail(f"unrecognized character in action: {_go_u(ch)}", pos)
            else:
                raise self.fail(f"unexpected {_quote_char(ch)} in command", pos)
            if kind in ("var", "field", "dot", "kw", "ident") and pos < len(src) \
                    and src[pos] not in _TERMINATORS and not src.startswith("}}", pos):
                raise self.fail(f"bad character {_go_u(src[pos])}", pos)
            self.toks.append(Tok(kind, src[tok_start:pos], tok_start, spaced))
            spaced = False

    def word_end(self, pos: int) -> int:
        """Where the run of letters, digits and ``_`` from ``pos`` ends."""
        src = self.src
        while pos < len(src) and _word_char(src[pos]):
            pos += 1
        return pos

    def quoted(self, pos: int, quote: str, unterminated: str) -> int:
        src = self.src
        i = pos + 1
        while True:
            if i >= len(src) or src[i] == "\n":
                raise self.fail(unterminated, pos)
            if src[i] == "\\":
                i += 2
                continue
            if src[i] == quote:
                return i + 1
            i += 1


def _word_char(ch: str) -> bool:
    """Go's ``isAlphaNumeric``: ``_``, a Unicode letter or a decimal digit."""
    return ch == "_" or ch.isalpha() or ch.isdecimal()


def _go_u(ch: str) -> str:
    """A character as Go's ``%#U`` prints it: ``U+0021 '!'`` (no glyph when unprintable)."""
    code = f"U+{ord(ch):04X}"
    return f"{code} '{ch}'" if ch.isprintable() else code


def _quote_char(ch: str) -> str:
    return '"' + ch + '"' if ch != '"' else "'\"'"


_ESCAPES = {"a": "\a", "b": "\b", "f": "\f", "n": "\n", "r": "\r", "t": "\t", "v": "\v",
            "\\": "\\", "'": "'", '"': '"'}


def unquote(text: str) -> str:
    """Go's strconv.Unquote of an interpreted string or character literal body."""
    out: list[str] = []
    i = 0
    while i < len(text):
        ch = text[i]
        if ch != "\\":
            out.append(ch)
            i += 1
            continue
        nxt = text[i + 1:i + 2]
        if nxt in _ESCAPES:
            out.append(_ESCAPES[nxt])
            i += 2
        elif nxt in ("x", "u", "U"):
            size = {"x": 2, "u": 4, "U": 8}[nxt]
            digits = text[i + 2:i + 2 + size]
            if len(digits) != size or not all(c in "0123456789abcdefABCDEF" for c in digits):
                raise ValueError("invalid syntax")
            out.append(chr(int(digits, 16)))
            i += 2 + size
        elif nxt in "01234567" and nxt:
            digits = text[i + 1:i + 4]
            if len(digits) != 3 or not all(c in "01234567" for c in digits):
                raise ValueError("invalid syntax")
            out.append(chr(int(digits, 8)))
            i += 4
        else:
            raise ValueError("invalid syntax")
    return "".join(out)


