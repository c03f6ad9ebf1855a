"""Go's text/template, the part Docker's ``--format`` users write, on JSON-like data.

:func:`parse` turns a template into a tree once; :meth:`Template.execute` runs it on plain
values (dict, list, str, int, float, bool, None). A dict is a Go map (a missing key is
``<no value>``); a :class:`Struct` is a Go struct (a missing field is an error). Values
print as Go's ``fmt`` prints them (``map[a:1]``, ``[a b]``, ``<nil>``); ``{{define}}``,
``{{template}}`` and ``{{block}}`` name and run templates. The functions are
Go's builtins and those Docker's CLI adds (``json``, ``join``, ``split``, ``upper``, ...).
Errors are :class:`~builder.errors.TemplateError` with Go's wording.
"""

from __future__ import annotations

from builder.gotemplate.gofmt import go_sprint, go_sprintf
from builder.gotemplate.template import Template, parse
from builder.gotemplate.values import MISSING, Method, MethodMap, NilList, NilMap, Struct

__all__ = ["MISSING", "Method", "MethodMap", "NilList", "NilMap", "Struct", "Template",
           "go_sprint", "go_sprintf", "parse"]
