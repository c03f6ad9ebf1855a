"""The functions a template can call: Go's builtins and those Docker's CLI adds.

:data:`FUNCS` maps a name to its function and arity (``and``/``or`` are evaluated lazily by
the executor); :data:`HEADER_FUNCS` is the table a ``table`` header runs with. A function
fails with :class:`FuncError` (``error calling NAME: ...``) or, for an argument of the wrong
Go type, :class:`ArgError`.
"""

from __future__ import annotations

import operator
from collections.abc import Callable
from typing import Any

from builder.gotemplate.gofmt import go_json, go_sprint, go_sprintf
from builder.gotemplate.values import MISSING, go_type, truth


class FuncError(Exception):
    """A function's own failure: ``error calling NAME: ...``."""


class ArgError(Exception):
    """An argument of the wrong Go type; ``index`` is which one."""

    def __init__(self, index: int, want: str) -> None:
        super().__init__(want)
        self.index, self.want = index, want


def _want_str(args: tuple[Any, ...], i: int) -> str:
    if not isinstance(args[i], str):
        raise ArgError(i, "string")
    return str(args[i])


def _want_int(args: tuple[Any, ...], i: int) -> int:
    if not isinstance(args[i], int) or isinstance(args[i], bool):
        raise ArgError(i, "int")
    return int(args[i])


def _json(*args: Any) -> str:
    try:
        return go_json(args[0])
    except ValueError as err:
        raise FuncError(str(err)) from None


def _join(*args: Any) -> str:
    items = args[0]
    if not isinstance(items, list | tuple) or not all(isinstance(x, str) for x in items):
        raise ArgError(0, "[]string")
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
        raise FuncError("len of nil pointer")
    if isinstance(item, str):
        return len(item.encode("utf-8", "surrogateescape"))
    if isinstance(item, list | tuple | dict):
        return len(item)
    raise FuncError(f"len of type {go_type(item)}")


def _index_of(item: Any, key: Any) -> Any:
    if item is None or item is MISSING:
        raise FuncError("index of untyped nil" if item is MISSING else "index of nil pointer")
    if isinstance(item, dict):
        if not isinstance(key, str):
            raise FuncError(f"value has type {go_type(key)}; should be string")
        return item.get(key, MISSING)
    if isinstance(item, list | tuple | str):
        if not isinstance(key, int) or isinstance(key, bool):
            raise FuncError(f"cannot index slice/array with type {go_type(key)}")
        seq: Any = item.encode("utf-8", "surrogateescape") if isinstance(item, str) else item
        if not 0 <= key < len(seq):
            raise FuncError(f"index out of range: {key}")
        return seq[key]
    raise FuncError(f"can't index item of type {go_type(item)}")


def _index(*args: Any) -> Any:
    item = args[0]
    for key in args[1:]:
        item = _index_of(item, key)
    return item


def _slice(*args: Any) -> Any:
    item = args[0]
    if item is None or item is MISSING:
        raise FuncError("slice of untyped nil")
    if len(args) > 4:
        raise FuncError(f"too many slice indexes: {len(args) - 1}")
    if not isinstance(item, list | tuple | str):
        raise FuncError(f"can't slice item of type {go_type(item)}")
    if isinstance(item, str) and len(args) == 4:
        raise FuncError("cannot 3-index slice a string")
    seq: Any = item.encode("utf-8", "surrogateescape") if isinstance(item, str) else item
    cap = len(seq)
    idx = [0, len(seq), cap]
    for n, value in enumerate(args[1:]):
        if not isinstance(value, int) or isinstance(value, bool):
            raise FuncError(f"cannot index slice/array with type {go_type(value)}")
        if not 0 <= value <= cap:
            raise FuncError(f"index out of range: {value}")
        idx[n] = value
    if idx[0] > idx[1]:
        raise FuncError(f"invalid slice index: {idx[0]} > {idx[1]}")
    if len(args) == 4 and idx[1] > idx[2]:
        raise FuncError(f"invalid slice index: {idx[1]} > {idx[2]}")
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
        raise FuncError("non-comparable type " + go_type(first))
    for other in args[1:]:
        k2 = _basic_kind(other)
        if k2 == "other":
            raise FuncError("non-comparable type " + go_type(other))
        if "nil" in (k1, k2):
            if k1 == k2 == "nil":
                return True
            continue
        if k1 != k2:
            raise FuncError("incompatible types for comparison")
        if first == other:
            return True
    return False


def _ne(*args: Any) -> bool:
    return not _eq(*args)


def _ordered(a: Any, b: Any) -> None:
    k1, k2 = _basic_kind(a), _basic_kind(b)
    if k1 not in ("int", "float", "string") or k2 not in ("int", "float", "string"):
        raise FuncError("invalid type for comparison")
    if k1 != k2:
        raise FuncError("incompatible types for comparison")


def _comparison(op: Callable[[Any, Any], Any]) -> Callable[..., bool]:
    """``lt``, ``le``, ``gt`` or ``ge``: ``op`` on two ints, two floats or two strings."""

    def compare(*args: Any) -> bool:
        _ordered(args[0], args[1])
        return bool(op(args[0], args[1]))

    return compare


def _not(*args: Any) -> bool:
    return not truth(args[0])


def _printf(*args: Any) -> str:
    return go_sprintf(_want_str(args, 0), *args[1:])


def _println(*args: Any) -> str:
    return " ".join(go_sprint(a) for a in args) + "\n"


def _lower(*args: Any) -> str:
    return _want_str(args, 0).lower()


def _upper(*args: Any) -> str:
    return _want_str(args, 0).upper()


Arity = tuple[int, int]  # (min, max); max -1 = any
FuncTable = dict[str, tuple[Callable[..., Any], Arity]]

FUNCS: FuncTable = {
    "and": (lambda *a: a, (1, -1)), "or": (lambda *a: a, (1, -1)),  # evaluated lazily
    "not": (_not, (1, 1)), "len": (_len, (1, 1)), "index": (_index, (1, -1)),
    "slice": (_slice, (1, -1)), "eq": (_eq, (1, -1)), "ne": (_ne, (2, 2)),
    "lt": (_comparison(operator.lt), (2, 2)), "le": (_comparison(operator.le), (2, 2)),
    "gt": (_comparison(operator.gt), (2, 2)), "ge": (_comparison(operator.ge), (2, 2)),
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
HEADER_FUNCS: FuncTable = {
    **FUNCS, **{name: (_first, FUNCS[name][1]) for name in
                ("json", "join", "split", "title", "lower", "upper", "truncate", "pad")},
}
