"""Go's text/template, the part Docker's ``--format`` users write, on JSON-like data.

:func:`parse` turns a template into a tree once; :meth:`Template.execute` runs it on plain
values (dict, list, str, int, float, bool, None). A dict is a Go map (a missing key is
``<no value>``); a :class:`Struct` is a Go struct (a missing field is an error). Values
print as Go's ``fmt`` prints them (``map[a:1]``, ``[a b]``, ``<nil>``). The functions are
Go's builtins and those Docker's CLI adds (``json``, ``join``, ``split``, ``upper``, ...).
Errors are :class:`TemplateError` with Go's wording.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Iterator
from typing import Any

from builder.errors import TemplateError

__all__ = ["MISSING", "NilMap", "Struct", "Template", "go_sprint", "go_sprintf", "parse"]


class _Missing:
    """Go's invalid value: what a missing map key gives; prints ``<no value>``."""

    __slots__ = ()

    def __repr__(self) -> str:
        return "MISSING"


MISSING: Any = _Missing()


class Struct(dict[str, Any]):
    """A Go struct: fields in order, ``{a b}`` when printed, a missing field is an error.

    ``type_name`` is the Go type named in that error (``*formatter.ContainerContext``);
    without one the error is the one Docker's raw-JSON fallback gives (``map has no entry``).
    """

    def __init__(self, fields: dict[str, Any], type_name: str = "") -> None:
        super().__init__(fields)
        self.type_name = type_name


class NilMap(dict[str, Any]):
    """A nil Go map: no keys, ``map[]`` when printed, ``null`` in JSON."""


# ---------------------------------------------------------------------------- the lexer

_SPACE = " \t\r\n"
_IDENT = re.compile(r"[A-Za-z_0-9]*")
_NUMBER = re.compile(r"[+-]?(0[xX][0-9a-fA-F_]+|0[bB][01_]+|0[oO][0-7_]+|"
                     r"(\d[\d_]*\.?[\d_]*|\.\d[\d_]*)([eE][+-]?\d+)?)")
_KEYWORDS = {"if", "else", "end", "range", "with", "break", "continue", "define", "template",
             "block", "true", "false", "nil"}


class _Tok:
    __slots__ = ("kind", "val", "pos", "spaced")

    def __init__(self, kind: str, val: str, pos: int, spaced: bool) -> None:
        self.kind = kind  # text left right field var ident kw str raw char num ( ) | , := = eof
        self.val = val
        self.pos = pos
        self.spaced = spaced  # white space came just before it

    def __repr__(self) -> str:
        return f"{self.kind}:{self.val!r}@{self.pos}"


def _line(src: str, pos: int) -> int:
    return src.count("\n", 0, pos) + 1


class _Lexer:
    def __init__(self, src: str) -> None:
        self.src = src
        self.toks: list[_Tok] = []

    def fail(self, msg: str, pos: int) -> TemplateError:
        return TemplateError(f"template: :{_line(self.src, pos)}: {msg}", parsing=True)

    def run(self) -> list[_Tok]:
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
                self.toks.append(_Tok("text", text, pos, False))
            if start < 0:
                break
            pos, trim = self.action(start)
        self.toks.append(_Tok("eof", "", len(src), False))
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
        self.toks.append(_Tok("left", "{{", start, False))
        depth = 0
        spaced = False
        while True:
            if pos >= len(src):
                raise self.fail("unclosed action", start)
            ch = src[pos]
            if ch in _SPACE:
                if src.startswith("-}}", pos + 1):
                    self.toks.append(_Tok("right", "}}", pos, True))
                    return pos + 4, True
                pos += 1
                spaced = True
                continue
            if src.startswith("}}", pos):
                if depth:
                    raise self.fail("unclosed left paren", pos)
                self.toks.append(_Tok("right", "}}", pos, spaced))
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
                kind, pos = "var", _IDENT.match(src, pos + 1).end()  # type: ignore[union-attr]
            elif ch == "." and not src[pos + 1:pos + 2].isdigit():
                end = _IDENT.match(src, pos + 1).end()  # type: ignore[union-attr]
                kind, pos = ("field" if end > pos + 1 else "dot"), end
            elif ch.isdigit() or ch in "+-." :
                match = _NUMBER.match(src, pos)
                if not match or match.end() == pos:
                    raise self.fail(f"unexpected {_quote_char(ch)} in command", pos)
                pos = match.end()
                if pos < len(src) and (src[pos].isalnum() or src[pos] in "._"):
                    end = _IDENT.match(src, pos).end()  # type: ignore[union-attr]
                    raise self.fail(f'bad number syntax: "{src[tok_start:end]}"', tok_start)
                kind = "num"
            elif ch.isalpha() or ch == "_":
                pos = _IDENT.match(src, pos).end()  # type: ignore[union-attr]
                kind = "kw" if src[tok_start:pos] in _KEYWORDS else "ident"
            else:
                raise self.fail(f"unexpected {_quote_char(ch)} in command", pos)
            self.toks.append(_Tok(kind, src[tok_start:pos], tok_start, spaced))
            spaced = False

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


def _quote_char(ch: str) -> str:
    return '"' + ch + '"' if ch != '"' else "'\"'"


_ESCAPES = {"a": "\a", "b": "\b", "f": "\f", "n": "\n", "r": "\r", "t": "\t", "v": "\v",
            "\\": "\\", "'": "'", '"': '"'}


def _unquote(text: str) -> str:
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


# ---------------------------------------------------------------------------- the tree

class _Node:
    pos: int = 0


class _Text(_Node):
    def __init__(self, text: str) -> None:
        self.text = text


class _Literal(_Node):
    """A constant: string, number, bool, nil; ``src`` is how it was written."""

    def __init__(self, value: Any, src: str, pos: int) -> None:
        self.value, self.src, self.pos = value, src, pos

    def __str__(self) -> str:
        return self.src


class _Dot(_Node):
    def __init__(self, pos: int) -> None:
        self.pos = pos

    def __str__(self) -> str:
        return "."


class _Field(_Node):
    """``.A.B`` from dot, ``$x.A.B`` from a variable, ``(pipe).A`` from a pipeline."""

    def __init__(self, base: _Node | None, names: list[str], pos: int) -> None:
        self.base, self.names, self.pos = base, names, pos

    def __str__(self) -> str:
        head = "" if self.base is None else (
            f"({self.base})" if isinstance(self.base, _Pipe) else str(self.base))
        return head + "".join("." + n for n in self.names)


class _Var(_Node):
    def __init__(self, name: str, pos: int) -> None:
        self.name, self.pos = name, pos

    def __str__(self) -> str:
        return self.name


class _Ident(_Node):
    def __init__(self, name: str, pos: int) -> None:
        self.name, self.pos = name, pos

    def __str__(self) -> str:
        return self.name


class _Command(_Node):
    def __init__(self, args: list[_Node], pos: int) -> None:
        self.args, self.pos = args, pos

    def __str__(self) -> str:
        return " ".join(f"({a})" if isinstance(a, _Pipe) else str(a) for a in self.args)


class _Pipe(_Node):
    def __init__(self, decl: list[str], assign: bool, cmds: list[_Command], pos: int) -> None:
        self.decl, self.assign, self.cmds, self.pos = decl, assign, cmds, pos

    def __str__(self) -> str:
        head = ", ".join(self.decl) + (" = " if self.assign else " := ") if self.decl else ""
        return head + " | ".join(str(c) for c in self.cmds)


class _Action(_Node):
    def __init__(self, pipe: _Pipe) -> None:
        self.pipe = pipe


class _Control(_Node):
    """``if``, ``with`` or ``range``: a pipeline, a body and an optional else."""

    def __init__(self, kind: str, pipe: _Pipe, body: list[_Node],
                 orelse: list[_Node] | None) -> None:
        self.kind, self.pipe, self.body, self.orelse = kind, pipe, body, orelse


class _Break(_Node):
    pass


class _Continue(_Node):
    pass


# ---------------------------------------------------------------------------- the parser

class _Parser:
    def __init__(self, src: str, funcs: dict[str, Callable[..., Any]]) -> None:
        self.src = src
        self.toks = _Lexer(src).run()
        self.i = 0
        self.funcs = funcs
        self.vars = ["$"]
        self.range_depth = 0

    def fail(self, msg: str, tok: _Tok | None = None) -> TemplateError:
        pos = (tok or self.toks[self.i]).pos
        return TemplateError(f"template: :{_line(self.src, pos)}: {msg}", parsing=True)

    def peek(self, ahead: int = 0) -> _Tok:
        return self.toks[min(self.i + ahead, len(self.toks) - 1)]

    def next(self) -> _Tok:
        tok = self.toks[self.i]
        self.i = min(self.i + 1, len(self.toks) - 1)
        return tok

    def parse(self) -> list[_Node]:
        body, end = self.list_until()
        if end is not None:
            raise self.fail(f"unexpected {{{{{end}}}}}")
        return body

    def list_until(self) -> tuple[list[_Node], str | None]:
        """Nodes up to EOF, ``{{end}}`` or ``{{else``; which of those two ended the list."""
        nodes: list[_Node] = []
        while True:
            tok = self.next()
            if tok.kind == "eof":
                self.i -= 1
                return nodes, None
            if tok.kind == "text":
                nodes.append(_Text(tok.val))
                continue
            word = self.peek()
            if word.kind == "kw" and word.val in ("end", "else"):
                self.next()
                if word.val == "end":
                    self.expect_right("end")
                return nodes, word.val
            nodes.append(self.action())

    def expect_right(self, context: str) -> None:
        tok = self.next()
        if tok.kind != "right":
            raise self.fail(f"unexpected {_describe(tok)} in {context}", tok)

    def action(self) -> _Node:
        tok = self.peek()
        if tok.kind == "kw" and tok.val in ("if", "with", "range"):
            self.next()
            return self.control(tok.val)
        if tok.kind == "kw" and tok.val in ("break", "continue"):
            self.next()
            if not self.range_depth:
                raise self.fail(f"{{{{{tok.val}}}}} outside {{{{range}}}}", tok)
            self.expect_right(tok.val)
            return _Break() if tok.val == "break" else _Continue()
        if tok.kind == "kw" and tok.val in ("define", "template", "block"):
            raise self.fail(f"{{{{{tok.val}}}}} is not supported", tok)
        pipe = self.pipeline("command", "right")
        self.next()
        return _Action(pipe)

    def control(self, kind: str) -> _Control:
        mark = len(self.vars)
        pipe = self.pipeline(kind, "right")
        self.next()
        if kind == "range":
            self.range_depth += 1
        body, end = self.list_until()
        if kind == "range":
            self.range_depth -= 1
        orelse: list[_Node] | None = None
        if end is None:
            raise self.fail("unexpected EOF")
        if end == "else":
            nxt = self.peek()
            if kind != "range" and nxt.kind == "kw" and nxt.val == kind:
                self.next()  # {{else if ...}} / {{else with ...}}: a nested control, same end
                orelse = [self.control(kind)]
            else:
                self.expect_right("else")
                orelse, end = self.list_until()
                if end != "end":
                    raise self.fail("unexpected EOF" if end is None else "unexpected {{else}}")
        del self.vars[mark:]
        return _Control(kind, pipe, body, orelse)

    def pipeline(self, context: str, closer: str) -> _Pipe:
        start = self.peek()
        decl: list[str] = []
        assign = False
        if start.kind == "var":
            ahead = self.peek(1)
            if ahead.kind in (":=", "=", ","):
                names = [start.val]
                self.i += 2
                if ahead.kind == ",":
                    second = self.next()
                    if context != "range" or second.kind != "var":
                        raise self.fail(f"too many declarations in {context}", second)
                    names.append(second.val)
                    op = self.next()
                    if op.kind not in (":=", "="):
                        raise self.fail(f"unexpected {_describe(op)} in {context}", op)
                    assign = op.kind == "="
                else:
                    assign = ahead.kind == "="
                if assign:
                    for name in names:
                        if name not in self.vars:
                            raise self.fail(f'undefined variable "{name}"', start)
                else:
                    self.vars.extend(names)
                decl = names
        cmds: list[_Command] = []
        while True:
            tok = self.peek()
            if tok.kind == closer:
                break
            if tok.kind == "eof":
                raise self.fail("unclosed action" if closer == "right" else "unclosed left paren")
            cmds.append(self.command(closer))
            if self.peek().kind == "|":
                self.next()
                if self.peek().kind == closer:
                    raise self.fail("missing value for command")
        if not cmds:
            raise self.fail(f"missing value for {context}")
        for n, cmd in enumerate(cmds[1:], 2):
            if isinstance(cmd.args[0], _Literal | _Dot):
                raise self.fail(f"non executable command in pipeline stage {n}")
        return _Pipe(decl, assign, cmds, start.pos)

    def command(self, closer: str) -> _Command:
        args: list[_Node] = []
        pos = self.peek().pos
        while True:
            tok = self.peek()
            if tok.kind in (closer, "|"):
                break
            if tok.kind in (")", "right"):
                raise self.fail(f"unexpected {_describe(tok)} in operand", tok)
            if args and not tok.spaced and tok.kind != "(":
                raise self.fail(f"unexpected {_describe(tok)} in operand", tok)
            args.append(self.operand())
        if not args:
            raise self.fail("missing value for command")
        return _Command(args, pos)

    def operand(self) -> _Node:
        node = self.term()
        if self.peek().kind == "field" and not self.peek().spaced:
            chain_pos = self.peek().pos
            names: list[str] = []
            while self.peek().kind == "field" and not self.peek().spaced:
                names.append(self.next().val[1:])
            if isinstance(node, _Field) and node.base is None:
                return _Field(None, node.names + names, chain_pos)
            if isinstance(node, _Literal | _Dot):
                raise self.fail(f"unexpected . after term {str(node)!r}")
            return _Field(node, names, chain_pos)
        return node

    def term(self) -> _Node:
        tok = self.next()
        kind, val = tok.kind, tok.val
        if kind == "ident":
            if val not in self.funcs:
                raise self.fail(f'function "{val}" not defined', tok)
            return _Ident(val, tok.pos)
        if kind == "dot":
            return _Dot(tok.pos)
        if kind == "field":
            return _Field(None, [val[1:]], tok.pos)
        if kind == "var":
            if val not in self.vars:
                raise self.fail(f'undefined variable "{val}"', tok)
            return _Var(val, tok.pos)
        if kind == "kw" and val in ("true", "false"):
            return _Literal(val == "true", val, tok.pos)
        if kind == "kw" and val == "nil":
            return _Literal(None, val, tok.pos)
        if kind in ("str", "char"):
            try:
                text = _unquote(val[1:-1])
            except ValueError:
                raise self.fail(f"invalid syntax: {val}", tok) from None
            if kind == "str":
                return _Literal(text, val, tok.pos)
            if len(text) != 1:
                raise self.fail(f"malformed character constant: {val}", tok)
            return _Literal(ord(text), val, tok.pos)
        if kind == "raw":
            return _Literal(val[1:-1], val, tok.pos)
        if kind == "num":
            return _Literal(_number(val, lambda: self.fail(f'bad number syntax: "{val}"', tok)),
                            val, tok.pos)
        if kind == "(":
            pipe = self.pipeline("parenthesized pipeline", ")")
            self.next()
            pipe.pos = tok.pos
            return pipe
        raise self.fail(f"unexpected {_describe(tok)} in operand", tok)


def _describe(tok: _Tok) -> str:
    if tok.kind == "right":
        return "}}"
    if tok.kind == "eof":
        return "EOF"
    if tok.kind == "kw" and tok.val in ("end", "else", "if", "range", "with"):
        return f"<{tok.val}>"
    return f'"{tok.val}"'


def _number(text: str, bad: Callable[[], TemplateError]) -> int | float:
    """A Go number literal: an int when it is written as one, else a float64."""
    body = text.lstrip("+-").replace("_", "")
    sign = -1 if text.startswith("-") else 1
    try:
        if body[:2].lower() in ("0x", "0b", "0o"):
            return sign * int(body, 0)
        if any(c in body for c in ".eE"):
            value = float(body) * sign
            return value
        if len(body) > 1 and body[0] == "0":
            return sign * int(body, 8)
        return sign * int(body)
    except ValueError:
        raise bad() from None


# ---------------------------------------------------------------------------- printing

def go_type(value: Any) -> str:
    """The Go type a value stands for, as ``fmt`` names it."""
    if isinstance(value, bool):
        return "bool"
    if isinstance(value, int):
        return "int"
    if isinstance(value, float):
        return "float64"
    if isinstance(value, str):
        return "string"
    if isinstance(value, Struct):
        return value.type_name or "struct"
    if isinstance(value, dict):
        return "map[string]interface {}"
    if isinstance(value, list | tuple):
        return "[]interface {}"
    return "interface {}"


def _go_float(value: float, verb: str = "g", prec: int = -1) -> str:
    """strconv.FormatFloat: shortest digits for ``prec`` -1, Go's exponent form (``e+06``)."""
    if math.isnan(value):
        return "NaN"
    if math.isinf(value):
        return "+Inf" if value > 0 else "-Inf"
    if verb in "gG" and prec < 0:
        if value == 0:
            return "-0" if math.copysign(1, value) < 0 else "0"
        digs, exp = _shortest(abs(value))
        if exp < -4 or exp >= 6:  # shortest %g: e-form from 1e+06 and below 1e-04
            mant = digs[0] + ("." + digs[1:] if len(digs) > 1 else "")
            out = f"{mant}e{'-' if exp < 0 else '+'}{abs(exp):02d}"
        elif exp < 0:
            out = "0." + "0" * (-exp - 1) + digs
        elif len(digs) <= exp + 1:
            out = digs + "0" * (exp + 1 - len(digs))
        else:
            out = digs[:exp + 1] + "." + digs[exp + 1:]
        out = ("-" if value < 0 else "") + out
        return out.upper() if verb == "G" else out
    python_verb = {"v": "g"}.get(verb, verb)
    text = f"{value:.{6 if prec < 0 else prec}{python_verb}}"
    if python_verb in "eEgG":
        text = re.sub(r"([eE][+-])(\d)$", r"\g<1>0\2", text)
    return text


def _shortest(value: float) -> tuple[str, int]:
    """The shortest round-trip digits of a positive float and its decimal exponent."""
    text = repr(value)
    mant, _, exp_part = text.partition("e")
    whole, _, frac = mant.partition(".")
    exp = int(exp_part or 0)
    if whole.strip("0"):
        exp += len(whole.lstrip("0")) - 1
        digs = (whole.lstrip("0") + frac).rstrip("0")
    else:
        stripped = frac.lstrip("0")
        exp += -(len(frac) - len(stripped)) - 1
        digs = stripped.rstrip("0")
    return digs or "0", exp


def _quote(text: str, ascii_only: bool = False) -> str:
    """strconv.Quote (or QuoteToASCII)."""
    out = ['"']
    for ch in text:
        code = ord(ch)
        if ch in ('"', "\\"):
            out.append("\\" + ch)
        elif ch in "\a\b\f\n\r\t\v":
            out.append({"\a": "\\a", "\b": "\\b", "\f": "\\f", "\n": "\\n", "\r": "\\r",
                        "\t": "\\t", "\v": "\\v"}[ch])
        elif ch.isprintable() and (not ascii_only or code < 0x80):
            out.append(ch)
        elif 0xDC80 <= code <= 0xDCFF:  # an undecodable byte, as surrogateescape keeps it
            out.append(f"\\x{code - 0xDC00:02x}")
        elif code < 0x80:
            out.append(f"\\x{code:02x}")
        elif code < 0x10000:
            out.append(f"\\u{code:04x}")
        else:
            out.append(f"\\U{code:08x}")
    out.append('"')
    return "".join(out)


class _Spec:
    """One ``%`` directive's flags, width and precision."""

    __slots__ = ("minus", "plus", "plus_v", "sharp", "zero", "space", "width", "prec")

    def __init__(self) -> None:
        self.minus = self.plus = self.plus_v = self.sharp = self.zero = self.space = False
        self.width = -1
        self.prec = -1

    def pad(self, text: str, numeric: bool = False) -> str:
        if self.width < 0 or len(text) >= self.width:
            return text
        fill = self.width - len(text)
        if self.minus:
            return text + " " * fill
        if self.zero and numeric:
            sign = text[0] if text[:1] in ("-", "+", " ") else ""
            return sign + "0" * fill + text[len(sign):]
        if self.zero and not numeric:
            return "0" * fill + text
        return " " * fill + text


_PLAIN = _Spec()


def _fmt_value(value: Any, verb: str, spec: _Spec, top: bool = True) -> str:
    """One operand as Go's fmt prints it with ``verb``."""
    if value is MISSING:
        value = None
    if value is None:
        if verb == "v":
            return spec.pad("<nil>")
        return f"%!{verb}(<nil>)"
    if isinstance(value, Struct):
        if verb == "v" and spec.plus_v:
            return "{" + " ".join(f"{k}:{_fmt_value(v, verb, spec, False)}"
                                  for k, v in value.items()) + "}"
        return "{" + " ".join(_fmt_value(v, verb, spec, False) for v in value.values()) + "}"
    if isinstance(value, dict):
        return "map[" + " ".join(
            f"{_fmt_value(k, verb, spec, False)}:{_fmt_value(value[k], verb, spec, False)}"
            for k in sorted(value)) + "]"
    if isinstance(value, list | tuple):
        return "[" + " ".join(_fmt_value(v, verb, spec, False) for v in value) + "]"
    if isinstance(value, bool):
        if verb in "tv":
            return spec.pad("true" if value else "false")
        return _bad_verb(verb, value)
    if isinstance(value, int):
        return _fmt_int(value, verb, spec)
    if isinstance(value, float):
        return _fmt_float(value, verb, spec)
    if isinstance(value, str):
        return _fmt_str(value, verb, spec)
    return spec.pad(str(value))


def _bad_verb(verb: str, value: Any) -> str:
    if value is None:
        return f"%!{verb}(<nil>)"
    return f"%!{verb}({go_type(value)}={_fmt_value(value, 'v', _PLAIN)})"


def _fmt_int(value: int, verb: str, spec: _Spec) -> str:
    if verb == "c":
        return spec.pad(chr(value) if 0 <= value <= 0x10FFFF else "\ufffd")
    if verb == "q":
        return spec.pad("'" + _quote(chr(value))[1:-1].replace("'", "\\'").replace('\\"', '"')
                        + "'")
    if verb == "U":
        return spec.pad(f"U+{value:04X}")
    bases = {"d": "d", "v": "d", "b": "b", "o": "o", "O": "o", "x": "x", "X": "X"}
    if verb not in bases:
        return _bad_verb(verb, value)
    digits = format(abs(value), bases[verb])
    if spec.prec >= 0:
        digits = digits.rjust(spec.prec, "0") if spec.prec or value else ""
    prefix = ""
    if spec.sharp and verb in "xX":
        prefix = "0x" if verb == "x" else "0X"
    elif spec.sharp and verb == "o" and not digits.startswith("0"):
        prefix = "0"
    elif spec.sharp and verb == "b":
        prefix = "0b"
    if verb == "O":
        prefix = "0o"
    sign = "-" if value < 0 else "+" if spec.plus else " " if spec.space else ""
    return spec.pad(sign + prefix + digits, numeric=spec.prec < 0)


def _fmt_float(value: float, verb: str, spec: _Spec) -> str:
    if verb not in "vbeEfFgGxX":
        return _bad_verb(verb, value)
    if verb in "vgG":
        text = _go_float(value, "G" if verb == "G" else "g", spec.prec)
    elif verb in "fF":
        text = f"{value:.{6 if spec.prec < 0 else spec.prec}f}"
    elif verb in "eE":
        text = _go_float(value, verb, spec.prec)
    else:
        return _bad_verb(verb, value)
    if not text.startswith(("-", "+")) and (spec.plus or spec.space):
        text = ("+" if spec.plus else " ") + text
    return spec.pad(text, numeric=not math.isinf(value) and not math.isnan(value))


def _fmt_str(value: str, verb: str, spec: _Spec) -> str:
    if spec.prec >= 0 and verb in "svqxX":
        value = value[:spec.prec]
    if verb in "sv":
        return spec.pad(value)
    if verb == "q":
        if spec.sharp and "`" not in value and value.isprintable():
            return spec.pad("`" + value + "`")
        return spec.pad(_quote(value, ascii_only=spec.plus))
    if verb in "xX":
        data = value.encode("utf-8", "surrogateescape")
        sep = " " if spec.space else ""
        text = sep.join(format(b, "02" + verb) for b in data)
        return spec.pad(text)
    return _bad_verb(verb, value)


def go_sprint(*args: Any) -> str:
    """fmt.Sprint: a space between two operands when neither is a string."""
    out: list[str] = []
    for i, arg in enumerate(args):
        if i and not isinstance(arg, str) and not isinstance(args[i - 1], str):
            out.append(" ")
        out.append(_fmt_value(arg, "v", _PLAIN))
    return "".join(out)


_DIRECTIVE = re.compile(r"%([-+# 0]*)(\*|\d+)?(?:\.(\*|\d*))?(.?)", re.S)


def go_sprintf(fmt: str, *args: Any) -> str:
    """fmt.Sprintf with Go's verbs, flags, ``%!v(MISSING)`` and ``%!(EXTRA ...)``."""
    out: list[str] = []
    pos = 0
    argi = 0
    while True:
        start = fmt.find("%", pos)
        if start < 0:
            out.append(fmt[pos:])
            break
        out.append(fmt[pos:start])
        match = _DIRECTIVE.match(fmt, start)
        assert match is not None
        flags, width, prec, verb = match.groups()
        pos = match.end()
        spec = _Spec()
        spec.minus, spec.plus = "-" in flags, "+" in flags
        spec.sharp, spec.zero, spec.space = "#" in flags, "0" in flags, " " in flags
        for attr, given in (("width", width), ("prec", prec)):
            if given == "*":
                if argi < len(args) and isinstance(args[argi], int):
                    setattr(spec, attr, args[argi])
                    argi += 1
                else:
                    out.append("%!(BADWIDTH)" if attr == "width" else "%!(BADPREC)")
            elif given:
                setattr(spec, attr, int(given))
            elif given == "" and attr == "prec":
                spec.prec = 0
        if spec.width < 0 and width == "*":
            spec.minus, spec.width = True, -spec.width
        if not verb:
            out.append("%!(NOVERB)")
            break
        if verb == "%":
            out.append("%")
            continue
        if argi >= len(args):
            out.append(f"%!{verb}(MISSING)")
            continue
        arg = args[argi]
        argi += 1
        if verb == "v" and spec.plus:  # %+v names a struct's fields, it adds no sign
            spec.plus, spec.plus_v = False, True
        if verb == "T":
            out.append(spec.pad(go_type(arg) if arg is not None else "<nil>"))
        else:
            out.append(_fmt_value(arg, verb, spec))
    if argi < len(args):
        extra = ", ".join(f"{go_type(a)}={_fmt_value(a, 'v', _PLAIN)}" if a is not None
                          else "<nil>" for a in args[argi:])
        out.append(f"%!(EXTRA {extra})")
    return "".join(out)


# ---------------------------------------------------------------------------- JSON

def go_json(value: Any) -> str:
    """Go's json encoding as Docker's ``json`` function writes it: compact, map keys
    sorted, struct fields in order, no HTML escaping."""
    if value is None or value is MISSING or isinstance(value, NilMap):
        return "null"
    if value is True:
        return "true"
    if value is False:
        return "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if math.isnan(value) or math.isinf(value):
            raise ValueError(f"json: unsupported value: {_go_float(value)}")
        if value == int(value) and abs(value) < 1e21:
            return str(int(value)) if value or math.copysign(1, value) > 0 else "-0"
        text = _go_float(value)
        exp = abs(math.log10(abs(value)))
        if "e" in text and exp < 21 and abs(value) >= 1e-6:
            text = repr(value)
        return re.sub(r"e([+-])0(\d)$", r"e\g<1>\2", text)
    if isinstance(value, str):
        return _json_str(value)
    if isinstance(value, Struct):
        return "{" + ",".join(f"{_json_str(k)}:{go_json(v)}" for k, v in value.items()) + "}"
    if isinstance(value, dict):
        return "{" + ",".join(f"{_json_str(str(k))}:{go_json(value[k])}"
                              for k in sorted(value)) + "}"
    if isinstance(value, list | tuple):
        return "[" + ",".join(go_json(v) for v in value) + "]"
    raise ValueError(f"json: unsupported type: {type(value).__name__}")


def _json_str(text: str) -> str:
    out = ['"']
    for ch in text:
        code = ord(ch)
        if ch in ('"', "\\"):
            out.append("\\" + ch)
        elif ch == "\n":
            out.append("\\n")
        elif ch == "\r":
            out.append("\\r")
        elif ch == "\t":
            out.append("\\t")
        elif code < 0x20 or code in (0x2028, 0x2029):
            out.append(f"\\u{code:04x}")
        elif 0xD800 <= code <= 0xDFFF:
            out.append("\ufffd")
        else:
            out.append(ch)
    out.append('"')
    return "".join(out)


# ---------------------------------------------------------------------------- functions

class _FuncError(Exception):
    """A function's own failure: ``error calling NAME: ...``."""


class _ArgError(Exception):
    """An argument of the wrong Go type; ``index`` is which one."""

    def __init__(self, index: int, want: str) -> None:
        super().__init__(want)
        self.index, self.want = index, want


def _want_str(args: tuple[Any, ...], i: int) -> str:
    if not isinstance(args[i], str):
        raise _ArgError(i, "string")
    return str(args[i])


def _want_int(args: tuple[Any, ...], i: int) -> int:
    if not isinstance(args[i], int) or isinstance(args[i], bool):
        raise _ArgError(i, "int")
    return int(args[i])


def _json(*args: Any) -> str:
    try:
        return go_json(args[0])
    except ValueError as err:
        raise _FuncError(str(err)) from None


def _join(*args: Any) -> str:
    items = args[0]
    if not isinstance(items, list | tuple) or not all(isinstance(x, str) for x in items):
        raise _ArgError(0, "[]string")
    return _want_str(args, 1).join(items)


def _split(*args: Any) -> list[str]:
    text, sep = _want_str(args, 0), _want_str(args, 1)
    if sep == "":
        return list(text)
    return text.split(sep)


def _title(*args: Any) -> str:
    text = _want_str(args, 0)
    out: list[str] = []
    prev = " "
    for ch in text:
        out.append(ch.upper() if not (prev.isalnum() or prev == "_") else ch)
        prev = ch
    return "".join(out)


def _truncate(*args: Any) -> str:
    text, length = _want_str(args, 0), _want_int(args, 1)
    data = text.encode("utf-8", "surrogateescape")
    if len(data) < length:
        return text
    return data[:max(0, length)].decode("utf-8", "surrogateescape")


def _pad(*args: Any) -> str:
    text, before, after = _want_str(args, 0), _want_int(args, 1), _want_int(args, 2)
    if text == "":
        return text
    return " " * max(0, before) + text + " " * max(0, after)


def _len(*args: Any) -> int:
    item = args[0]
    if item is None or item is MISSING:
        raise _FuncError("len of nil pointer")
    if isinstance(item, str):
        return len(item.encode("utf-8", "surrogateescape"))
    if isinstance(item, list | tuple | dict):
        return len(item)
    raise _FuncError(f"len of type {go_type(item)}")


def _index_of(item: Any, key: Any) -> Any:
    if item is None or item is MISSING:
        raise _FuncError("index of untyped nil" if item is MISSING else "index of nil pointer")
    if isinstance(item, dict):
        if not isinstance(key, str):
            raise _FuncError(f"value has type {go_type(key)}; should be string")
        return item.get(key, MISSING)
    if isinstance(item, list | tuple | str):
        if not isinstance(key, int) or isinstance(key, bool):
            raise _FuncError(f"cannot index slice/array with type {go_type(key)}")
        seq: Any = item.encode("utf-8", "surrogateescape") if isinstance(item, str) else item
        if not 0 <= key < len(seq):
            raise _FuncError(f"index out of range: {key}")
        return seq[key]
    raise _FuncError(f"can't index item of type {go_type(item)}")


def _index(*args: Any) -> Any:
    item = args[0]
    for key in args[1:]:
        item = _index_of(item, key)
    return item


def _slice(*args: Any) -> Any:
    item = args[0]
    if item is None or item is MISSING:
        raise _FuncError("slice of untyped nil")
    if len(args) > 4:
        raise _FuncError(f"too many slice indexes: {len(args) - 1}")
    if not isinstance(item, list | tuple | str):
        raise _FuncError(f"can't slice item of type {go_type(item)}")
    if isinstance(item, str) and len(args) == 4:
        raise _FuncError("cannot 3-index slice a string")
    seq: Any = item.encode("utf-8", "surrogateescape") if isinstance(item, str) else item
    cap = len(seq)
    idx = [0, len(seq), cap]
    for n, value in enumerate(args[1:]):
        if not isinstance(value, int) or isinstance(value, bool):
            raise _FuncError(f"cannot index slice/array with type {go_type(value)}")
        if not 0 <= value <= cap:
            raise _FuncError(f"index out of range: {value}")
        idx[n] = value
    if idx[0] > idx[1]:
        raise _FuncError(f"invalid slice index: {idx[0]} > {idx[1]}")
    if len(args) == 4 and idx[1] > idx[2]:
        raise _FuncError(f"invalid slice index: {idx[1]} > {idx[2]}")
    part = seq[idx[0]:idx[1]]
    return part.decode("utf-8", "surrogateescape") if isinstance(item, str) else list(part)


def _basic_kind(value: Any) -> str:
    if isinstance(value, bool):
        return "bool"
    if isinstance(value, int):
        return "int"
    if isinstance(value, float):
        return "float"
    if isinstance(value, str):
        return "string"
    if value is None or value is MISSING:
        return "nil"
    return "other"


def _eq(*args: Any) -> bool:
    first = args[0]
    k1 = _basic_kind(first)
    if k1 == "other":
        raise _FuncError("non-comparable type " + go_type(first))
    for other in args[1:]:
        k2 = _basic_kind(other)
        if k2 == "other":
            raise _FuncError("non-comparable type " + go_type(other))
        if "nil" in (k1, k2):
            if k1 == k2 == "nil":
                return True
            continue
        if k1 != k2:
            raise _FuncError("incompatible types for comparison")
        if first == other:
            return True
    return False


def _ne(*args: Any) -> bool:
    return not _eq(*args)


def _ordered(a: Any, b: Any) -> None:
    k1, k2 = _basic_kind(a), _basic_kind(b)
    if k1 not in ("int", "float", "string") or k2 not in ("int", "float", "string"):
        raise _FuncError("invalid type for comparison")
    if k1 != k2:
        raise _FuncError("incompatible types for comparison")


def _lt(*args: Any) -> bool:
    _ordered(args[0], args[1])
    return bool(args[0] < args[1])


def _le(*args: Any) -> bool:
    _ordered(args[0], args[1])
    return bool(args[0] <= args[1])


def _gt(*args: Any) -> bool:
    _ordered(args[0], args[1])
    return bool(args[0] > args[1])


def _ge(*args: Any) -> bool:
    _ordered(args[0], args[1])
    return bool(args[0] >= args[1])


def _not(*args: Any) -> bool:
    return not truth(args[0])


def _printf(*args: Any) -> str:
    return go_sprintf(_want_str(args, 0), *args[1:])


def _println(*args: Any) -> str:
    return " ".join(_fmt_value(a, "v", _PLAIN) for a in args) + "\n"


def _lower(*args: Any) -> str:
    return _want_str(args, 0).lower()


def _upper(*args: Any) -> str:
    return _want_str(args, 0).upper()


# name -> (function, fixed number of arguments or -1 for "at least min")
_Arity = tuple[int, int]  # (min, max); max -1 = any
FUNCS: dict[str, tuple[Callable[..., Any], _Arity]] = {
    "and": (lambda *a: a, (1, -1)), "or": (lambda *a: a, (1, -1)),  # evaluated lazily
    "not": (_not, (1, 1)), "len": (_len, (1, 1)), "index": (_index, (1, -1)),
    "slice": (_slice, (1, -1)), "eq": (_eq, (1, -1)), "ne": (_ne, (2, 2)),
    "lt": (_lt, (2, 2)), "le": (_le, (2, 2)), "gt": (_gt, (2, 2)), "ge": (_ge, (2, 2)),
    "print": (go_sprint, (0, -1)), "printf": (_printf, (1, -1)),
    "println": (_println, (0, -1)),
    "json": (_json, (1, 1)), "join": (_join, (2, 2)), "split": (_split, (2, 2)),
    "title": (_title, (1, 1)), "lower": (_lower, (1, 1)), "upper": (_upper, (1, 1)),
    "truncate": (_truncate, (2, 2)), "pad": (_pad, (3, 3)),
}


def _first(*args: Any) -> Any:
    return args[0]


# Docker's header functions: a table's header runs the template on the column names, where
# the value-shaping functions give back their first argument unchanged
HEADER_FUNCS: dict[str, tuple[Callable[..., Any], _Arity]] = {
    **FUNCS, **{name: (_first, FUNCS[name][1]) for name in
                ("json", "join", "split", "title", "lower", "upper", "truncate", "pad")},
}

_PARAM_TYPES: dict[str, tuple[str, ...]] = {
    "printf": ("string",), "join": ("[]string", "string"), "split": ("string", "string"),
    "title": ("string",), "lower": ("string",), "upper": ("string",),
    "truncate": ("string", "int"), "pad": ("string", "int", "int"),
}


def truth(value: Any) -> bool:
    """Go's template truth: false, 0, nil, empty strings, lists and maps are false."""
    if value is None or value is MISSING:
        return False
    if isinstance(value, Struct):
        return True
    if isinstance(value, bool | int | float | str | list | tuple | dict):
        return bool(value)
    return True


# ---------------------------------------------------------------------------- execution

class _Exec:
    def __init__(self, src: str, funcs: dict[str, tuple[Callable[..., Any], _Arity]],
                 data: Any) -> None:
        self.src = src
        self.funcs = funcs
        self.vars: list[tuple[str, Any]] = [("$", data)]
        self.node: _Node | None = None
        self.out: list[str] = []

    def fail(self, msg: str) -> TemplateError:
        node = self.node
        if node is None:
            return TemplateError(f"template: : {msg}")
        before = self.src[:node.pos]
        line = before.count("\n") + 1
        col = len(before[before.rfind("\n") + 1:].encode("utf-8", "surrogateescape"))
        return TemplateError(f'template: :{line}:{col}: executing "" at <{node}>: {msg}')

    def walk(self, nodes: list[_Node], dot: Any) -> None:
        for node in nodes:
            if isinstance(node, _Text):
                self.out.append(node.text)
            elif isinstance(node, _Action):
                value = self.pipeline(node.pipe, dot)
                if not node.pipe.decl:
                    self.out.append("<no value>" if value is MISSING else
                                    _fmt_value(value, "v", _PLAIN))
            elif isinstance(node, _Control):
                self.control(node, dot)
            elif isinstance(node, _Break):
                raise _BreakSignal
            else:
                raise _ContinueSignal

    def control(self, node: _Control, dot: Any) -> None:
        mark = len(self.vars)
        try:
            if node.kind == "range":
                self.range(node, dot)
                return
            value = self.pipeline(node.pipe, dot)
            if truth(value):
                self.walk(node.body, value if node.kind == "with" else dot)
            elif node.orelse is not None:
                self.walk(node.orelse, dot)
        finally:
            del self.vars[mark:]

    def range(self, node: _Control, dot: Any) -> None:
        pipe = node.pipe
        value = self.pipeline(_Pipe([], False, pipe.cmds, pipe.pos), dot)
        items: Iterator[tuple[Any, Any]]
        if value is None or value is MISSING:
            items = iter(())
        elif isinstance(value, Struct):
            raise self.fail(f"range can't iterate over {_fmt_value(value, 'v', _PLAIN)}")
        elif isinstance(value, dict):
            items = ((k, value[k]) for k in sorted(value))
        elif isinstance(value, list | tuple):
            items = enumerate(value)
        else:
            raise self.fail(f"range can't iterate over {_fmt_value(value, 'v', _PLAIN)}")
        mark = len(self.vars)
        ran = False
        for key, elem in items:
            ran = True
            if len(pipe.decl) == 1:
                self.setvar(pipe.decl[0], elem, pipe.assign)
            elif len(pipe.decl) == 2:
                self.setvar(pipe.decl[0], key, pipe.assign)
                self.setvar(pipe.decl[1], elem, pipe.assign)
            try:
                self.walk(node.body, elem)
            except _ContinueSignal:
                pass
            except _BreakSignal:
                break
            finally:
                del self.vars[mark:]
        if not ran and node.orelse is not None:
            self.walk(node.orelse, dot)

    def setvar(self, name: str, value: Any, assign: bool) -> None:
        if assign:
            for i in range(len(self.vars) - 1, -1, -1):
                if self.vars[i][0] == name:
                    self.vars[i] = (name, value)
                    return
        self.vars.append((name, value))

    def pipeline(self, pipe: _Pipe, dot: Any) -> Any:
        self.node = pipe
        value: Any = _NOFINAL
        for cmd in pipe.cmds:
            value = self.command(cmd, dot, value)
        for name in pipe.decl:
            self.setvar(name, value, pipe.assign)
        return value

    def command(self, cmd: _Command, dot: Any, final: Any) -> Any:
        first = cmd.args[0]
        if isinstance(first, _Field):
            return self.field(first, dot, cmd.args, final)
        if isinstance(first, _Ident):
            return self.call(first, cmd, dot, final)
        if isinstance(first, _Var):
            self.node = first
            if len(cmd.args) > 1 or final is not _NOFINAL:
                raise self.fail(f"can't give argument to non-function {first}")
            return self.var(first.name)
        self.node = first
        if len(cmd.args) > 1 or final is not _NOFINAL:
            raise self.fail(f"can't give argument to non-function {first}")
        if isinstance(first, _Pipe):
            return self.pipeline(first, dot)
        if isinstance(first, _Dot):
            return dot
        assert isinstance(first, _Literal)
        if first.value is None:
            raise self.fail("nil is not a command")
        return first.value

    def var(self, name: str) -> Any:
        for vname, value in reversed(self.vars):
            if vname == name:
                return value
        raise self.fail(f"undefined variable: {name}")

    def field(self, node: _Field, dot: Any, args: list[_Node], final: Any) -> Any:
        if node.base is None:
            value = dot
        elif isinstance(node.base, _Var):
            value = self.var(node.base.name)
        else:
            assert isinstance(node.base, _Pipe)
            value = self.pipeline(node.base, dot)
        self.node = node
        has_args = len(args) > 1 or final is not _NOFINAL
        for n, name in enumerate(node.names):
            last = n == len(node.names) - 1
            value = self.lookup(value, name, has_args and last)
        return value

    def lookup(self, receiver: Any, name: str, has_args: bool) -> Any:
        if receiver is MISSING:
            return MISSING
        if receiver is None:
            raise self.fail(f"nil pointer evaluating interface {{}}.{name}")
        if isinstance(receiver, dict):
            if has_args:
                raise self.fail(f"{name} is not a method but has arguments")
            if name in receiver:
                return receiver[name]
            if isinstance(receiver, Struct):
                if receiver.type_name:
                    raise self.fail(f"can't evaluate field {name} in type {receiver.type_name}")
                raise self.fail(f'map has no entry for key "{name}"')
            return MISSING
        raise self.fail(f"can't evaluate field {name} in type interface {{}}")

    def arg(self, node: _Node, dot: Any) -> Any:
        self.node = node
        if isinstance(node, _Literal):
            return node.value
        if isinstance(node, _Dot):
            return dot
        if isinstance(node, _Var):
            return self.var(node.name)
        if isinstance(node, _Field):
            return self.field(node, dot, [node], _NOFINAL)
        if isinstance(node, _Pipe):
            return self.pipeline(node, dot)
        if isinstance(node, _Ident):
            return self.call(node, _Command([node], node.pos), dot, _NOFINAL)
        raise self.fail(f"can't handle {node} for arg")

    def call(self, ident: _Ident, cmd: _Command, dot: Any, final: Any) -> Any:
        self.node = ident
        func, (least, most) = self.funcs[ident.name]
        arg_nodes = cmd.args[1:]
        count = len(arg_nodes) + (final is not _NOFINAL)
        if count < least or (most >= 0 and count > most):
            want = f"at least {least}" if most < 0 else str(least)
            raise self.fail(f"wrong number of args for {ident.name}: want {want} got {count}")
        if ident.name in ("and", "or"):
            return self.and_or(ident.name == "and", arg_nodes, dot, final)
        values = [self.arg(n, dot) for n in arg_nodes]
        if final is not _NOFINAL:
            values.append(final)
        values = [None if v is MISSING and ident.name != "index" else v for v in values]
        try:
            return func(*values)
        except _ArgError as err:
            node = arg_nodes[err.index] if err.index < len(arg_nodes) else cmd
            self.node = node
            value = values[err.index]
            if isinstance(node, _Literal):
                want = "integer" if err.want == "int" else err.want
                raise self.fail(f"expected {want}; found {node}") from None
            raise self.fail(f"wrong type for value; expected {err.want}; "
                            f"got {go_type(value) if value is not None else 'interface {}'}"
                            ) from None
        except _FuncError as err:
            self.node = cmd
            raise self.fail(f"error calling {ident.name}: {err}") from None

    def and_or(self, is_and: bool, nodes: list[_Node], dot: Any, final: Any) -> Any:
        value: Any = None
        for node in nodes:
            value = self.arg(node, dot)
            if truth(value) != is_and:
                return value
        if final is not _NOFINAL:
            value = final
        return value


class _BreakSignal(Exception):
    pass


class _ContinueSignal(Exception):
    pass


_NOFINAL: Any = object()


class Template:
    """A parsed template; :meth:`execute` runs it."""

    def __init__(self, source: str, tree: list[_Node],
                 funcs: dict[str, tuple[Callable[..., Any], _Arity]]) -> None:
        self.source = source
        self.tree = tree
        self.funcs = funcs

    def execute(self, data: Any, header: bool = False) -> str:
        """The template's output for ``data``; ``header`` uses Docker's header functions."""
        run = _Exec(self.source, HEADER_FUNCS if header else self.funcs, data)
        run.walk(self.tree, data)
        return "".join(run.out)


def parse(source: str) -> Template:
    """Parse ``source`` (Go text/template syntax) with Docker's functions."""
    tree = _Parser(source, FUNCS).parse()  # type: ignore[arg-type]
    return Template(source, tree, FUNCS)
