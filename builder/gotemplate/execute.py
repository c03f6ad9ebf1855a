"""Running a parsed template: :func:`parse` and :class:`Template`.

The executor walks the tree with dot and the declared variables, looks fields up (a map's
missing key is ``<no value>``, a struct's is an error), calls the functions of
:mod:`~builder.gotemplate.funcs` with Go's argument checks, and fails with Go's
``executing "" at <node>: ...`` wording.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from builder.errors import TemplateError
from builder.gotemplate.funcs import FUNCS, HEADER_FUNCS, ArgError, FuncError, FuncTable
from builder.gotemplate.gofmt import go_sprint
from builder.gotemplate.nodes import (
    Action,
    Break,
    Command,
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
from builder.gotemplate.parser import Parser
from builder.gotemplate.values import MISSING, Struct, go_type, truth


class _Exec:
    """One run of a template on one value: the variables in scope and the output so far."""

    def __init__(self, src: str, funcs: FuncTable, data: Any) -> None:
        self.src = src
        self.funcs = funcs
        self.vars: list[tuple[str, Any]] = [("$", data)]
        self.node: Node | None = None
        self.out: list[str] = []

    def fail(self, msg: str) -> TemplateError:
        node = self.node
        if node is None:
            return TemplateError(f"template: : {msg}")
        before = self.src[:node.pos]
        line = before.count("\n") + 1
        col = len(before[before.rfind("\n") + 1:].encode("utf-8", "surrogateescape"))
        return TemplateError(f'template: :{line}:{col}: executing "" at <{node}>: {msg}')

    def walk(self, nodes: list[Node], dot: Any) -> None:
        for node in nodes:
            if isinstance(node, Text):
                self.out.append(node.text)
            elif isinstance(node, Action):
                value = self.pipeline(node.pipe, dot)
                if not node.pipe.decl:
                    self.out.append("<no value>" if value is MISSING else go_sprint(value))
            elif isinstance(node, Control):
                self.control(node, dot)
            elif isinstance(node, Break):
                raise _BreakSignal
            else:
                raise _ContinueSignal

    def control(self, node: Control, dot: Any) -> None:
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

    def range(self, node: Control, dot: Any) -> None:
        pipe = node.pipe
        value = self.pipeline(Pipe([], False, pipe.cmds, pipe.pos), dot)
        items: Iterator[tuple[Any, Any]]
        if value is None or value is MISSING:
            items = iter(())
        elif isinstance(value, Struct):
            raise self.fail(f"range can't iterate over {go_sprint(value)}")
        elif isinstance(value, dict):
            items = ((k, value[k]) for k in sorted(value))
        elif isinstance(value, list | tuple):
            items = enumerate(value)
        else:
            raise self.fail(f"range can't iterate over {go_sprint(value)}")
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

    def pipeline(self, pipe: Pipe, dot: Any) -> Any:
        self.node = pipe
        value: Any = _NOFINAL
        for cmd in pipe.cmds:
            value = self.command(cmd, dot, value)
        for name in pipe.decl:
            self.setvar(name, value, pipe.assign)
        return value

    def command(self, cmd: Command, dot: Any, final: Any) -> Any:
        first = cmd.args[0]
        if isinstance(first, Field):
            return self.field(first, dot, cmd.args, final)
        if isinstance(first, Ident):
            return self.call(first, cmd, dot, final)
        self.node = first
        if len(cmd.args) > 1 or final is not _NOFINAL:
            raise self.fail(f"can't give argument to non-function {first}")
        if isinstance(first, Var):
            return self.var(first.name)
        if isinstance(first, Pipe):
            return self.pipeline(first, dot)
        if isinstance(first, Dot):
            return dot
        assert isinstance(first, Literal)
        if first.value is None:
            raise self.fail("nil is not a command")
        return first.value

    def var(self, name: str) -> Any:
        for vname, value in reversed(self.vars):
            if vname == name:
                return value
        raise self.fail(f"undefined variable: {name}")

    def field(self, node: Field, dot: Any, args: list[Node], final: Any) -> Any:
        if node.base is None:
            value = dot
        elif isinstance(node.base, Var):
            value = self.var(node.base.name)
        elif isinstance(node.base, Ident):  # print.A: the function called without arguments
            value = self.call(node.base, Command([node.base], node.base.pos), dot, _NOFINAL)
        else:
            assert isinstance(node.base, Pipe)
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

    def arg(self, node: Node, dot: Any) -> Any:
        self.node = node
        if isinstance(node, Literal):
            return node.value
        if isinstance(node, Dot):
            return dot
        if isinstance(node, Var):
            return self.var(node.name)
        if isinstance(node, Field):
            return self.field(node, dot, [node], _NOFINAL)
        if isinstance(node, Pipe):
            return self.pipeline(node, dot)
        if isinstance(node, Ident):
            return self.call(node, Command([node], node.pos), dot, _NOFINAL)
        raise self.fail(f"can't handle {node} for arg")

    def call(self, ident: Ident, cmd: Command, dot: Any, final: Any) -> Any:
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
        except ArgError as err:
            node = arg_nodes[err.index] if err.index < len(arg_nodes) else cmd
            self.node = node
            value = values[err.index]
            if isinstance(node, Literal):
                want = "integer" if err.want == "int" else err.want
                raise self.fail(f"expected {want}; found {node}") from None
            raise self.fail(f"wrong type for value; expected {err.want}; "
                            f"got {go_type(value) if value is not None else 'interface {}'}"
                            ) from None
        except FuncError as err:
            self.node = cmd
            raise self.fail(f"error calling {ident.name}: {err}") from None

    def and_or(self, is_and: bool, nodes: list[Node], dot: Any, final: Any) -> Any:
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

    def __init__(self, source: str, tree: list[Node], funcs: FuncTable) -> None:
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
    tree = Parser(source, FUNCS).parse()
    return Template(source, tree, FUNCS)
