"""The template parser: tokens into trees of :mod:`~builder.gotemplate.nodes`.

:class:`Parser` checks what Go's parser checks as it goes (declared variables, known
functions, ``break``/``continue`` inside ``range``, pipeline shape) and fails with Go's
wording; number and string literals become their Python values. ``{{define}}`` (at top level
only) and ``{{block}}`` add named templates beside the top-level one, named ``""``.
"""

from __future__ import annotations

from collections.abc import Callable, Collection

from builder.errors import TemplateError
from builder.goquote import go_quote
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
    TemplateCall,
    Text,
    Var,
    is_empty,
)


class Parser:
    """Builds the trees of a template's text; ``funcs`` are the function names it may call."""

    def __init__(self, src: str, funcs: Collection[str]) -> None:
        self.src = src
        self.toks = Lexer(src).run()
        self.i = 0
        self.funcs = funcs
        self.vars = ["$"]
        self.range_depth = 0
        self.trees: dict[str, list[Node]] = {}

    def fail(self, msg: str, tok: Tok | None = None) -> TemplateError:
        pos = (tok or self.toks[self.i]).pos
        return parse_error(self.src, pos, msg)

    def peek(self, ahead: int = 0) -> Tok:
        return self.toks[min(self.i + ahead, len(self.toks) - 1)]

    def next(self) -> Tok:
        tok = self.toks[self.i]
        self.i = min(self.i + 1, len(self.toks) - 1)
        return tok

    def parse(self) -> dict[str, list[Node]]:
        """The named templates: the top-level one as ``""``, the defined ones by name."""
        body, end = self.list_until(top=True)
        if end == "else" and not (self.peek().kind == "kw" and self.peek().val == "if"):
            self.expect_right("else")  # {{else x}}: that x, first
        if end is not None:
            raise self.fail(f"unexpected {{{{{end}}}}}")
        self.add("", body, self.peek())
        return self.trees

    def list_until(self, top: bool = False) -> tuple[list[Node], str | None]:
        """Nodes up to EOF, ``{{end}}`` or ``{{else``; which of those two ended the list.
        ``top``: the top level, where ``{{define}}`` may stand."""
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
            if top and word.kind == "kw" and word.val == "define":
                self.next()
                self.definition()
                continue
            nodes.append(self.action())

    def definition(self) -> None:
        """``{{define "name"}} ... {{end}}``, the keyword read."""
        context = "define clause"
        name = self.template_name(context)
        tok = self.next()
        if tok.kind != "right":
            raise self.fail(f"unexpected {_describe(tok)} in {context}", tok)
        self.add(name, self.named_body(context), self.toks[self.i - 1])

    def template_call(self, block: bool) -> TemplateCall:
        """``{{template "name" [pipe]}}`` or ``{{block "name" pipe}} ... {{end}}``, the keyword
        read; a block defines the template as well."""
        context = "block clause" if block else "template clause"
        pos = self.peek().pos
        name = self.template_name(context)
        pipe = None
        if block or self.peek().kind != "right":
            pipe = self.pipeline(context, "right")
        self.next()
        if block:
            self.add(name, self.named_body(context), self.toks[self.i - 1])
        return TemplateCall(name, pipe, pos)

    def template_name(self, context: str) -> str:
        tok = self.next()
        if tok.kind == "raw":
            return tok.val[1:-1]
        if tok.kind != "str":
            raise self.fail(f"unexpected {_describe(tok)} in {context}", tok)
        try:
            return unquote(tok.val[1:-1])
        except ValueError:
            raise self.fail("invalid syntax", tok) from None

    def named_body(self, context: str) -> list[Node]:
        """A named template's body up to its ``{{end}}``: a scope of its own, where the
        variables around are unknown and ``$`` is the template's dot."""
        outer = self.vars, self.range_depth
        self.vars, self.range_depth = ["$"], 0
        body, end = self.list_until()
        self.vars, self.range_depth = outer
        if end is None:
            raise self.fail("unexpected EOF")
        if end == "else":
            nxt = self.peek()
            if nxt.kind != "kw" or nxt.val != "if":
                self.expect_right("else")
            raise self.fail(f"unexpected {{{{else}}}} in {context}", nxt)
        return body

    def add(self, name: str, body: list[Node], tok: Tok) -> None:
        """Go's rule for a name defined twice: a body of white space defines nothing."""
        old = self.trees.get(name)
        if old is None or is_empty(old):
            self.trees[name] = body
        elif not is_empty(body):
            raise self.fail(f"template: multiple definition of template {go_quote(name)}", tok)

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
            self.expect_right(f"{{{{{tok.val}}}}}")
            return Break() if tok.val == "break" else Continue()
        if tok.kind == "kw" and tok.val in ("template", "block"):
            self.next()
            return self.template_call(tok.val == "block")
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
                    raise self.fail("unexpected EOF" if end is None
                                    else "expected end; found {{else}}")
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
                if ahead.kind == ",":  # as Go's parser: a second name only in a range
                    second, op = self.peek(), self.peek(1)
                    if context != "range":
                        raise self.fail(f"too many declarations in {context}", second)
                    if second.kind == "var" and op.kind in (":=", "="):
                        names.append(second.val)
                        self.i += 2
                        assign = op.kind == "="
                    elif second.kind == "var" and op.kind == ",":
                        raise self.fail(f"too many declarations in {context}", op)
                    elif second.kind not in ("var", closer, ")"):
                        raise self.fail("range can only initialize variables", second)
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
            if tok.kind in ("|", ",", "=", ":=") or (
                    tok.kind == "kw" and tok.val not in ("true", "false", "nil")):
                raise self.fail(f"unexpected {_describe(tok)} in {context}", tok)
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
                raise self.fail("invalid syntax", tok) from None  # strconv's words
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
    """A token as Go's parser names it in an error: keywords (and dot) in angle brackets."""
    if tok.kind == "eof":
        return "EOF"
    if tok.kind == "dot" or (tok.kind == "kw" and tok.val not in ("true", "false")):
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

