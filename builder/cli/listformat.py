"""Docker's ``--format`` for list commands (``ps``, ``images``): ``table``, ``json`` or a Go
template run on each row, ``table TEMPLATE`` with a header and tabwriter columns."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from builder.errors import TemplateError


def tabwrite(text: str, minwidth: int = 10, padding: int = 3) -> str:
    """Go's ``tabwriter.NewWriter(out, minwidth, 1, padding, ' ', 0)`` over ``text``: each
    tab-terminated cell is padded to its column block's widest cell plus ``padding``."""
    lines = [line.split("\t") for line in text.split("\n")]
    out: list[str] = []
    widths: list[int] = []

    def write(line0: int, line1: int) -> None:
        for line in lines[line0:line1]:
            out.append("".join(cell.ljust(widths[j]) if j < len(widths) else cell
                               for j, cell in enumerate(line)))

    def block(line0: int, line1: int) -> None:
        column = len(widths)
        this = line0
        while this < line1:
            if column >= len(lines[this]) - 1:
                this += 1
                continue
            write(line0, this)
            line0 = this
            width = minwidth
            while this < line1 and column < len(lines[this]) - 1:
                width = max(width, len(lines[this][column]) + padding)
                this += 1
            widths.append(width)
            block(line0, this)
            widths.pop()
            line0 = this
        write(line0, line1)

    block(0, len(lines))
    return "\n".join(out)


def json_line(row: dict[str, Any]) -> str:
    """A row as ``--format json`` prints it, as Go's ``json.Marshal`` of Docker's row: keys
    sorted, compact, ``<``, ``>``, ``&`` and the line separators escaped."""
    import json

    text = json.dumps(row, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return text.translate(_HTML_SAFE)


_HTML_SAFE = str.maketrans({"<": "\\u003c", ">": "\\u003e", "&": "\\u0026",
                            "\u2028": "\\u2028", "\u2029": "\\u2029"})


def is_template(fmt: str) -> bool:
    """Whether ``fmt`` is a Go template rather than ``table`` or ``json``."""
    return fmt not in ("", "table", "json")


def header_label(name: str) -> str:
    """The header of ``{{.Label "name"}}``, as Docker's header context words it: the label's
    last dot-separated part, with ``-`` and ``_`` as spaces (``com.x.my-key`` is ``my key``)."""
    return name.rsplit(".", 1)[-1].replace("-", " ").replace("_", " ")


def render(fmt: str, rows: Sequence[dict[str, Any]], headers: dict[str, str],
           type_name: str) -> str:
    """The text ``--format fmt`` prints for ``rows`` (no final newline).

    As Docker's formatter: a leading ``table`` asks for a header (each field's name from
    ``headers``) and aligned columns; spaces around are dropped and ``\\t``, ``\\n`` written
    as two characters are a tab and a newline. A row that is a
    :class:`~builder.gotemplate.Struct` already (one with methods) is used as it is. Raises
    :class:`TemplateError`.
    """
    from builder.gotemplate import Method, MethodMap, Struct, parse

    table = fmt.startswith("table")
    source = fmt[len("table"):] if table else fmt
    source = source.strip(" ").replace("\\t", "\t").replace("\\n", "\n")
    template = parse(source)
    lines = [template.execute(row if isinstance(row, Struct) else Struct(row, type_name))
             for row in rows]
    if not table:
        return "\n".join(lines)
    try:
        header = template.execute(
            MethodMap(headers, {"Label": Method(header_label, ("string",))}), header=True)
    except TemplateError:  # Docker ignores a header that fails
        header = ""
    return tabwrite("\n".join([header, *lines]))
