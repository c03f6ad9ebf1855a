"""JSON for the modules a fast command imports, without importing :mod:`json`.

``import json`` brings in ``re`` (for its pure-Python fallbacks), a few milliseconds that
``dockyard run`` (~30 ms from the shell) cannot spare. CPython's ``_json`` accelerator does
the actual work for :mod:`json` too; this module calls it the way ``json.loads`` and
``json.dumps`` (default options) do, and is plain :mod:`json` where ``_json`` is missing.
The text is the same as theirs: ``dumps`` separates with ``", "`` and ``": "`` and escapes
non-ASCII characters.
"""

from __future__ import annotations

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

_WHITESPACE = " \t\n\r"


class _Options:
    """What ``_json``'s scanner reads from a ``JSONDecoder``: its defaults."""

    strict = True
    object_hook = None
    object_pairs_hook = None
    parse_float = float
    parse_int = int
    parse_constant = {"-Infinity": float("-inf"), "Infinity": float("inf"),
                      "NaN": float("nan")}.__getitem__


def _unserializable(obj: object) -> Any:
    raise TypeError(f"Object of type {type(obj).__name__} is not JSON serializable")


try:
    from _json import encode_basestring_ascii, make_encoder, make_scanner
except ImportError:  # not CPython
    import json as _json

    def loads(text: str | bytes) -> Any:
        """The value of the JSON document ``text``; raises ValueError when it is not one."""
        return _json.loads(text)

    def dumps(value: Any) -> str:
        """``value`` as JSON text, as ``json.dumps(value)`` writes it."""
        return _json.dumps(value)
else:
    _scan = make_scanner(_Options())  # type: ignore[arg-type]  # a decoder-like object

    def loads(text: str | bytes) -> Any:
        """The value of the JSON document ``text``; raises ValueError when it is not one."""
        if not isinstance(text, str):
            try:
                text = text.decode("utf-8")
            except UnicodeDecodeError as exc:
                raise ValueError(f"not UTF-8: {exc}") from None
        text = text.strip(_WHITESPACE)
        try:
            value, end = _scan(text, 0)
        except Exception:  # StopIteration, or an error that _json raises badly
            return _explained(text)
        if end != len(text):
            raise ValueError(f"extra data after the JSON document at offset {end}")
        return value

    def _explained(text: str) -> Any:
        """:mod:`json`'s own error for ``text`` (``_json`` builds its messages with
        ``json.decoder``, and without it imported fails with a SystemError)."""
        import json

        try:
            return json.loads(text)
        except RecursionError:
            raise ValueError("JSON nested too deeply") from None

    def dumps(value: Any) -> str:
        """``value`` as JSON text, as ``json.dumps(value)`` writes it."""
        if isinstance(value, str):
            return encode_basestring_ascii(value)
        encode = make_encoder({}, _unserializable, encode_basestring_ascii, None, ": ", ", ",
                              False, False, True)  # a fresh dict: circular references
        return "".join(encode(value, 0))
