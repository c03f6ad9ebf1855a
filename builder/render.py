"""Readable and machine forms of a parsed Dockerfile (``dockyard parse``).

The JSON form is stable for tools::

    {"file": str, "escape": "\\\\" | "`", "directives": {name: value},
     "warnings": [{"line": int, "message": str}],
     "instructions": [{"instruction": "RUN", "line": int, "end_line": int, "column": int,
                       "original": str, "flags": [raw --flag words], "fields": {...}}]}

``fields`` holds the typed instruction's own fields (see ``builder.instructions``), with
tuples as lists and nested records as objects.
"""

from __future__ import annotations

import json

from builder.record import Record

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Sequence
    from typing import Any

    from builder.instructions import Instruction
    from builder.parser import Dockerfile


def _plain(value: Any) -> Any:
    if isinstance(value, Record):
        return {name.rstrip("_"): _plain(v) for name, v in value.as_dict().items()}
    if isinstance(value, tuple | list):
        return [_plain(v) for v in value]
    return value


def instruction_fields(ins: Instruction) -> dict[str, Any]:
    """The instruction's own fields as plain data."""
    return {
        name.rstrip("_"): _plain(value)
        for name, value in ins.as_dict().items()
        if name not in ("location", "original")
    }


def dockerfile_json(df: Dockerfile, instructions: Sequence[Instruction]) -> dict[str, Any]:
    """The stable JSON form of a parsed Dockerfile."""
    return {
        "file": df.filename,
        "escape": df.escape,
        "directives": {d.name: d.value for d in df.directives},
        "warnings": [{"line": line, "message": msg} for msg, line in df.warnings],
        "instructions": [
            {
                "instruction": ins.name,
                "line": ins.location.line,
                "end_line": ins.location.end_line,
                "column": ins.location.column,
                "original": ins.original,
                "flags": list(node.flags),
                "fields": instruction_fields(ins),
            }
            for ins, node in zip(instructions, df.nodes, strict=True)
        ],
    }


def dockerfile_text(df: Dockerfile, instructions: Sequence[Instruction]) -> str:
    """A listing: line, instruction, flags and arguments, one instruction per line."""
    rows = []
    for d in df.directives:
        rows.append(f"{d.line:>5}  # {d.name}={d.value}")
    for ins, node in zip(instructions, df.nodes, strict=True):
        loc = ins.location
        span = f"{loc.line}" if loc.end_line == loc.line else f"{loc.line}-{loc.end_line}"
        parts = [*node.flags]
        if node.sub is not None:
            parts.append(node.sub.original)
        elif node.json:
            parts.append(json.dumps(list(node.args), ensure_ascii=False))
        else:
            parts.extend(node.args if ins.name not in ("ENV", "LABEL") else _pairs(node.args))
        line = f"{span:>5}  {ins.name:<11} {' '.join(parts)}".rstrip()
        rows.append(line)
        for doc in node.heredocs:
            rows.append(f"{'':>5}  {'':<11} <<{doc.name} ({len(doc.content)} bytes)")
    return "\n".join(rows) + "\n"


def _pairs(args: Sequence[str]) -> list[str]:
    out = []
    for i in range(0, len(args) - 2, 3):
        key, value, sep = args[i : i + 3]
        out.append(f"{key}={value}" if sep else f"{key} {value}")
    return out
