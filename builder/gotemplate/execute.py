"""Running a parsed template: :class:`Exec`, one run on one value.

The executor walks the tree with dot and the declared variables, looks fields up (a map's
missing key is ``<no value>``, a struct's is an error), calls the functions of
:mod:`~builder.gotemplate.funcs` and the methods of a value with Go's argument checks, runs
named templates (``{{template}}``, in a scope of their own, at most :data:`MAX_DEPTH` deep)
and fails with Go's ``executing "NAME" at <node>: ...`` wording.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from builder.errors import TemplateError
from builder.goquote import go_quote
from builder.gotemplate.funcs import ArgError, FuncError, FuncTable
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
    TemplateCall,
    Text,
    Var,
)
from builder.gotemplate.values import MISSING, Method, Struct, go_type, truth

MAX_DEPTH = 100000  # Go's maxExecDepth: templates running inside templates


class Exec:
    """One run of a template on one value: the template running, the variables in scope and
    the output so far."""

    def __init__(self, src: str, funcs: FuncTable, trees: dict[str, list[Node]],
                 data: Any) -> None:
        self.src = src
        self.funcs = funcs
        self.trees = trees
        self.name = ""
        self.depth = 0
        # a variable: its name, its value and whether Go would hold it as an interface {}
        self.vars: list[tuple[str, Any, bool]] = [("$", data, False)]
        self.dot_boxed = False  # dot is an interface {}: a range's element
        self.node: Node | None = None
        self.out: list[str] = []

    def fail(self, msg: str) -> TemplateError:
        node = self.node
        if node is None:
            return TemplateError(f"template: {self.name}: {msg}")
        before = self.src[:node.pos]
        line = before.count("\n") + 1
        col = len(before[before.rfind("\n") + 1:].encode("utf-8", "surrogateescape"))
        return TemplateError(
            f"template: :{line}:{col}: executing {go_quote(self.name)} at <{node}>: {msg}")

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
            elif isinstance(node, TemplateCall):
                self.template(node, dot)
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
            if truth(value) and node.kind == "with":
                self.walk_in(node.body, value, False)
            elif truth(value):
                self.walk(node.body, dot)
            elif node.orelse is not None:
                self.walk(node.orelse, dot)
        finally:
            del self.vars[mark:]

    def walk_in(self, nodes: list[Node], dot: Any, boxed: bool) -> None:
        """Walk with a new dot; ``boxed``: Go holds it as an interface {} (a pipeline's value
        is never one: Go takes the value out)."""
        outer = self.dot_boxed
        self.dot_boxed = boxed
        try:
            self.walk(nodes, dot)
        finally:
            self.dot_boxed = outer

    def template(self, node: TemplateCall, dot: Any) -> None:
        """Run a named template: dot the pipe's value, no variable but ``$`` (Go's
        walkTemplate); the pipe's declarations stay in the caller's scope."""
        self.node = node
        body = self.trees.get(node.name)
        if body is None:
            raise self.fail(f"template {go_quote(node.name)} not defined")
        if self.depth == MAX_DEPTH:
            raise self.fail(f"exceeded maximum template depth ({MAX_DEPTH})")
        value = MISSING if node.pipe is None else self.pipeline(node.pipe, dot)
        caller = self.vars, self.name
        self.vars, self.name = [("$", value, False)], node.name
        self.depth += 1
        try:
            self.walk_in(body, value, False)
        except RecursionError:  # Python's stack ran out before MAX_DEPTH
            self.vars, self.name = caller
            self.node = node
            raise self.fail(f"exceeded maximum template depth ({self.depth - 1})") from None
        finally:
            self.vars, self.name = caller
            self.depth -= 1

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
                self.setvar(pipe.decl[0], elem, pipe.assign, True)
            elif len(pipe.decl) == 2:
                self.setvar(pipe.decl[0], key, pipe.assign)
                self.setvar(pipe.decl[1], elem, pipe.assign, True)
            try:
                self.walk_in(node.body, elem, True)
            except _ContinueSignal:
                pass
            except _BreakSignal:
                break
            finally:
                del self.vars[mark:]
        if not ran and node.orelse is not None:
            self.walk(node.orelse, dot)

    def setvar(self, name: str, value: Any, assign: bool, boxed: bool = False) -> None:
        if assign:
            for i in range(len(self.vars) - 1, -1, -1):
                if self.vars[i][0] == name:
                    self.vars[i] = (name, value, boxed)
                    return
        self.vars.append((name, value, boxed))

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
        return self.var_entry(name)[0]

    def var_entry(self, name: str) -> tuple[Any, bool]:
        """A variable's value and whether it is an interface {}."""
        for vname, value, boxed in reversed(self.vars):
            if vname == name:
                return value, boxed
        raise self.fail(f"undefined variable: {name}")

    def field(self, node: Field, dot: Any, args: list[Node], final: Any) -> Any:
        boxed = False
        if node.base is None:
            value, boxed = dot, self.dot_boxed
        elif isinstance(node.base, Var):
            value, boxed = self.var_entry(node.base.name)
        elif isinstance(node.base, Ident):  # print.A: the function called without arguments
            value = self.call(node.base, Command([node.base], node.base.pos), dot, _NOFINAL)
        else:
            assert isinstance(node.base, Pipe)
            value = self.pipeline(node.base, dot)
        self.node = node
        for name in node.names[:-1]:
            receiver, value = value, self.lookup(value, name, [], _NOFINAL, dot, boxed)
            # a map's element is an interface {}; a formatter's method gives a string
            boxed = isinstance(receiver, dict) and not getattr(receiver, "type_name", "") \
                and name not in getattr(receiver, "methods", {})
        return self.lookup(value, node.names[-1], args[1:], final, dot, boxed)

    def lookup(self, receiver: Any, name: str, args: list[Node], final: Any, dot: Any,
               boxed: bool) -> Any:
        """``receiver.name``: a method called with ``args`` (and ``final``, a pipeline's value),
        a struct's field or a map's key; ``boxed``: the receiver is an interface {}."""
        if receiver is MISSING:
            return MISSING
        if receiver is None:
            raise self.fail(f"nil pointer evaluating interface {{}}.{name}")
        method = getattr(receiver, "methods", {}).get(name)
        if method is not None:
            return self.call_method(name, method, args, final, dot)
        count = len(args) + (final is not _NOFINAL)
        if isinstance(receiver, dict):
            typed = isinstance(receiver, Struct) and receiver.type_name
            if typed and name in receiver and count:  # a formatter's value is a Go method
                raise self.fail(f"wrong number of args for {name}: want 0 got {count}")
            if count and not typed:
                raise self.fail(f"{name} is not a method but has arguments")
            if name in receiver:
                return receiver[name]
            if isinstance(receiver, Struct):
                if receiver.type_name:
                    raise self.fail(f"can't evaluate field {name} in type {receiver.type_name}")
                raise self.fail(f'map has no entry for key "{name}"')
            return MISSING
        kind = "interface {}" if boxed else go_type(receiver)
        raise self.fail(f"can't evaluate field {name} in type {kind}")

    def call_method(self, name: str, method: Method, args: list[Node], final: Any,
                    dot: Any) -> Any:
        """Go's evalCall of a method: the argument count, then each argument of its
        parameter's type (a literal must be one of that type)."""
        count = len(args) + (final is not _NOFINAL)
        if count != len(method.params):
            raise self.fail(f"wrong number of args for {name}: want {len(method.params)} got "
                            f"{count}")
        values = []
        for node, want in zip(args, method.params, strict=False):
            self.node = node
            if isinstance(node, Literal):
                if node.value is None:
                    raise self.fail(f"cannot assign nil to {want}")
                if not _is_type(node.value, want):
                    raise self.fail(f"expected {_KIND_WORDS.get(want, want)}; found {node}")
                values.append(node.value)
            else:
                values.append(self.typed(self.arg(node, dot), want))
        if final is not _NOFINAL:
            values.append(self.typed(final, method.params[-1]))
        return method.func(*values)

    def typed(self, value: Any, want: str) -> Any:
        """Go's validateType: ``value`` as an argument of Go type ``want``."""
        if value is MISSING:
            raise self.fail(f"invalid value; expected {want}")
        if not _is_type(value, want):
            got = "interface {}" if value is None else go_type(value)
            raise self.fail(f"wrong type for value; expected {want}; got {got}")
        return value

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


_KIND_WORDS = {"int": "integer"}  # how Go's evalArg names a literal's wanted kind


def _is_type(value: Any, want: str) -> bool:
    if want == "string":
        return isinstance(value, str)
    if want == "int":
        return isinstance(value, int) and not isinstance(value, bool)
    if want == "bool":
        return isinstance(value, bool)
    return True


class _BreakSignal(Exception):
    pass


class _ContinueSignal(Exception):
    pass


_NOFINAL: Any = object()
