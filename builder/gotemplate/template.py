"""A parsed template and the templates it defines: :func:`parse` and :class:`Template`.

Parsing gives the top-level template (named ``""``) and those ``{{define}}`` and
``{{block}}`` name; :meth:`Template.execute` runs the top-level one with room on Python's
stack for Go's depth of templates calling templates.
"""

from __future__ import annotations

import sys
from typing import Any

from builder.errors import TemplateError
from builder.gotemplate.execute import MAX_DEPTH, Exec
from builder.gotemplate.funcs import FUNCS, HEADER_FUNCS, FuncTable
from builder.gotemplate.nodes import Node
from builder.gotemplate.parser import Parser

_FRAMES_PER_DEPTH = 8  # Python frames a template call nests in: walk, control, range, ...


class Template:
    """A parsed template and the templates it defines; :meth:`execute` runs it."""

    def __init__(self, source: str, trees: dict[str, list[Node]], funcs: FuncTable) -> None:
        self.source = source
        self.trees = trees
        self.funcs = funcs

    def execute(self, data: Any, header: bool = False) -> str:
        """The template's output for ``data``; ``header`` uses Docker's header functions."""
        run = Exec(self.source, HEADER_FUNCS if header else self.funcs, self.trees, data)
        limit = sys.getrecursionlimit()
        if len(self.trees) > 1:  # templates calling templates: room for Go's depth
            sys.setrecursionlimit(limit + MAX_DEPTH * _FRAMES_PER_DEPTH)
        try:
            run.walk(self.trees[""], data)
        except RecursionError:
            raise run.fail("exceeded maximum template depth") from None
        finally:
            sys.setrecursionlimit(limit)
        return "".join(run.out)


def parse(source: str) -> Template:
    """Parse ``source`` (Go text/template syntax) with Docker's functions."""
    try:
        trees = Parser(source, FUNCS).parse()
    except RecursionError:
        raise TemplateError("template: : too deeply nested", parsing=True) from None
    return Template(source, trees, FUNCS)
