"""The template parser: tokens into a tree of :mod:`~builder.gotemplate.nodes`.

:class:`Parser` checks what Go's parser checks as it goes (declared variables, known
functions, ``break``/``continue`` inside ``range``, pipeline shape) and fails with Go's
wording; number and string literals become their Python values.
"""

from __future__ import annotations

from collections.abc import Callable, Collection

from builder.errors import TemplateError
from builder.gotemplate.lexer import Lexer, Tok, parse_error, unquote
from builder.gotemplate.nodes import (
    Action,
    Break,
    Command,
    Continue,
    Control,
    Dot,
    Field,
    Ident,
    Literal,
    Node,
    Pipe,
    Text,
    Var,
)


class Parser:
    """Builds the tree of one template; ``funcs`` are the function names it may call."""

    def __init__(self, src: str, funcs: Collection[str]) -> None:
        self.src = src
        self.toks = Lexer(src).run()
        self.i = 0
        self.funcs = funcs
        self.vars = ["$"]
        self.range_depth = 0

    def fail(self, msg: str, tok: Tok | None = None) -> TemplateError:
        pos = (tok or self.toks[self.i]).pos
        return parse_error(self.src, pos, msg)

    def peek(self, ahead: int = 0) -> Tok:
        return self.toks[min(self.i + ahead, len(self.toks) - 1)]

    def next(self) -> Tok:
        tok = self.toks[self.i]
        self.i = min(self.i + 1, len(self.toks) - 1)
        return tok

    def parse(self) -> list[Node]:
        body, end = self.list_until()
        if end is not None:
            raise self.fail(f"unexpected {{{{{end}}}}}")
        return body

    def list_until(self) -> tuple[list[Node], str | None]:
        """Nodes up to EOF, ``{{end}}`` or ``{{else``; which of those two ended the list."""
        nodes: list[Node] = []
        while True:
            tok = self.next()
            if tok.kind == "eof":
                self.i -= 1
                return nodes, None
            if tok.kind == "text":
                nodes.append(Text(tok.val))
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

    def action(self) -> Node:
        tok = self.peek()
        if tok.kind == "kw" and tok.val in ("if", "with", "range"):
            self.next()
            return self.control(tok.val)
        if tok.kind == "kw" and tok.val in ("break", "continue"):
            self.next()
            if not self.range_depth:
                raise self.fail(f"{{{{{tok.val}}}}} outside {{{{range}}}}", tok)
            self.expect_right(tok.val)
            return Break() if tok.val == "break" else Continue()
        if tok.kind == "kw" and tok.val in ("define", "template", "block"):
            raise self.fail(f"{{{{{tok.val}}}}} is not supported", tok)
        pipe = self.pipeline("command", "right")
        self.next()
        return Action(pipe)

    def control(self, kind: str) -> Control:
        mark = len(self.vars)
        pipe = self.pipeline(kind, "right")
        self.next()
        if kind == "range":
            self.range_depth += 1
        body, end = self.list_until()
        if kind == "range":
            self.range_depth -= 1
        orelse: list[Node] | None = None
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
        return Control(kind, pipe, body, orelse)

    def pipeline(self, context: str, closer: str) -> Pipe:
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
        cmds: list[Command] = []
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
            if isinstance(cmd.args[0], Literal | Dot):
                raise self.fail(f"non executable command in pipeline stage {n}")
        return Pipe(decl, assign, cmds, start.pos)

    def command(self, closer: str) -> Command:
        args: list[Node] = []
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
        return Command(args, pos)

    def operand(self) -> Node:
        node = self.term()
        if self.peek().kind == "field" and not self.peek().spaced:
            chain_pos = self.peek().pos
            names: list[str] = []
            while self.peek().kind == "field" and not self.peek().spaced:
                names.append(self.next().val[1:])
            if isinstance(node, Field) and node.base is None:
                return Field(None, node.names + names, chain_pos)
            if isinstance(node, Literal | Dot):
                raise self.fail(f"unexpected . after term {str(node)!r}")
            return Field(node, names, chain_pos)
        return node

    def term(self) -> Node:
        tok = self.next()
        kind, val = tok.kind, tok.val
        if kind == "ident":
            if val not in self.funcs:
                raise self.fail(f'function "{val}" not defined', tok)
            return Ident(val, tok.pos)
        if kind == "dot":
            return Dot(tok.pos)
        if kind == "field":
            return Field(None, [val[1:]], tok.pos)
        if kind == "var":
            if val not in self.vars:
                raise self.fail(f'undefined variable "{val}"', tok)
            return Var(val, tok.pos)
        if kind == "kw" and val in ("true", "false"):
            return Literal(val == "true", val, tok.pos)
        if kind == "kw" and val == "nil":
            return Literal(None, val, tok.pos)
        if kind in ("str", "char"):
            try:
                text = unquote(val[1:-1])
            except ValueError:
                raise self.fail(f"invalid syntax: {val}", tok) from None
            if kind == "str":
                return Literal(text, val, tok.pos)
            if len(text) != 1:
                raise self.fail(f"malformed character constant: {val}", tok)
            return Literal(ord(text), val, tok.pos)
        if kind == "raw":
            return Literal(val[1:-1], val, tok.pos)
        if kind == "num":
            return Literal(_number(val, lambda: self.fail(f'bad number syntax: "{val}"', tok)),
                            val, tok.pos)
        if kind == "(":
            pipe = self.pipeline("parenthesized pipeline", ")")
            self.next()
            pipe.pos = tok.pos
            return pipe
        raise self.fail(f"unexpected {_describe(tok)} in operand", tok)


def _describe(tok: Tok) -> str:
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
            return float(body) * sign
        if len(body) > 1 and body[0] == "0":
            return sign * int(body, 8)
        return sign * int(body)
    except ValueError:
        raise bad() from None

