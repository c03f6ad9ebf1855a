"""The values a template runs on: Go's types as plain Python data.

A dict is a Go map (a missing key gives :data:`MISSING`, Go's invalid value), a
:class:`Struct` is a Go struct (a missing field is an error), a :class:`NilMap` is a nil map,
a list is a slice (a :class:`NilList` a nil one); ``None`` is nil. A struct or a
:class:`MethodMap` may have methods (:class:`Method`), called as ``{{.Name arg}}``.
:func:`go_type` names the Go type a value stands for and :func:`truth` is the template's
notion of true.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any, NamedTuple


class _Missing:
    """Go's invalid value: what a missing map key gives; prints ``<no value>``."""

    __slots__ = ()

    def __repr__(self) -> str:
        return "MISSING"


MISSING: Any = _Missing()


class Method(NamedTuple):
    """A Go method that takes arguments: its function and its parameters' Go types
    (``string``, ``int``, ``bool``)."""

    func: Callable[..., Any]
    params: tuple[str, ...]


class Struct(dict[str, Any]):
    """A Go struct: fields in order, ``{a b}`` when printed, a missing field is an error.

    ``type_name`` is the Go type named in that error (``*formatter.ContainerContext``; its
    fields stand for the methods without parameters of Docker's formatter contexts); without
    one the error is the one Docker's raw-JSON fallback gives (``map has no entry``).
    ``methods`` are its methods that take arguments; they are not fields.
    """

    def __init__(self, fields: dict[str, Any], type_name: str = "",
                 methods: Mapping[str, Method] | None = None) -> None:
        super().__init__(fields)
        self.type_name = type_name
        self.methods: Mapping[str, Method] = methods or {}


class MethodMap(dict[str, Any]):
    """A Go map of a named type with methods (Docker's table header context)."""

    def __init__(self, items: dict[str, Any], methods: Mapping[str, Method]) -> None:
        super().__init__(items)
        self.methods = methods


class NilMap(dict[str, Any]):
    """A nil Go map: no keys, ``map[]`` when printed, ``null`` in JSON."""


class NilList(list[Any]):
    """A nil Go slice: no items, ``[]`` when printed, ``null`` in JSON."""


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


def truth(value: Any) -> bool:
    """Go's template truth: false, 0, nil, empty strings, lists and maps are false."""
    if value is None or value is MISSING:
        return False
    if isinstance(value, Struct):
        return True
    if isinstance(value, bool | int | float | str | list | tuple | dict):
        return bool(value)
    return True

