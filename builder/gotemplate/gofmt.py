"""Go's fmt printing: :func:`go_sprint`, :func:`go_sprintf` and :func:`go_json`.

Values print as Go's ``fmt`` prints the Go value they stand for (``map[a:1]``, ``[a b]``,
``{a b}``, ``<nil>``, floats in strconv's shortest form) with Go's verbs, flags, width,
precision and its ``%!verb(...)`` complaints; :func:`go_json` is Go's json encoding as
Docker's ``json`` template function writes it.
"""

from __future__ import annotations

import math
import re
from typing import Any

from builder.goquote import go_quote
from builder.gotemplate.values import MISSING, NilList, NilMap, Struct, go_type


def _go_float(value: float, verb: str = "g", prec: int = -1) -> str:
    """strconv.FormatFloat with ``verb`` g, G, e or E: shortest digits for ``prec`` -1,
    Go's exponent form (``e+06``)."""
    if math.isnan(value):
        return "NaN"
    if math.isinf(value):
        return "+Inf" if value > 0 else "-Inf"
    if verb in "gG" and prec < 0:
        if value == 0:
            return "-0" if math.copysign(1, value) < 0 else "0"
        digs, exp = _shortest(abs(value))
        if exp < -4 or exp >= 6:  # shortest %g: e-form from 1e+06 and below 1e-04
            mant = digs[0] + ("." + digs[1:] if len(digs) > 1 else "")
            out = f"{mant}e{'-' if exp < 0 else '+'}{abs(exp):02d}"
        elif exp < 0:
            out = "0." + "0" * (-exp - 1) + digs
        elif len(digs) <= exp + 1:
            out = digs + "0" * (exp + 1 - len(digs))
        else:
            out = digs[:exp + 1] + "." + digs[exp + 1:]
        out = ("-" if value < 0 else "") + out
        return out.upper() if verb == "G" else out
    text = f"{value:.{6 if prec < 0 else prec}{verb}}"
    return re.sub(r"([eE][+-])(\d)$", r"\g<1>0\2", text)


def _shortest(value: float) -> tuple[str, int]:
    """The shortest round-trip digits of a positive float and its decimal exponent."""
    text = repr(value)
    mant, _, exp_part = text.partition("e")
    whole, _, frac = mant.partition(".")
    exp = int(exp_part or 0)
    if whole.strip("0"):
        exp += len(whole.lstrip("0")) - 1
        digs = (whole.lstrip("0") + frac).rstrip("0")
    else:
        stripped = frac.lstrip("0")
        exp += -(len(frac) - len(stripped)) - 1
        digs = stripped.rstrip("0")
    return digs or "0", exp


class _Spec:
    """One ``%`` directive's flags, width and precision."""

    __slots__ = ("minus", "plus", "plus_v", "sharp", "zero", "space", "width", "prec")

    def __init__(self) -> None:
        self.minus = self.plus = self.plus_v = self.sharp = self.zero = self.space = False
        self.width = -1
        self.prec = -1

    def pad(self, text: str, numeric: bool = False) -> str:
        if self.width < 0 or len(text) >= self.width:
            return text
        fill = self.width - len(text)
        if self.minus:
            return text + " " * fill
        if self.zero and numeric:
            sign = text[0] if text[:1] in ("-", "+", " ") else ""
            return sign + "0" * fill + text[len(sign):]
        if self.zero and not numeric:
            return "0" * fill + text
        return " " * fill + text


_PLAIN = _Spec()


def _fmt_value(value: Any, verb: str, spec: _Spec) -> str:
    """One operand as Go's fmt prints it with ``verb``."""
    if value is MISSING:
        value = None
    if value is None:
        if verb == "v":
            return spec.pad("<nil>")
        return f"%!{verb}(<nil>)"
    if isinstance(value, Struct):
        if verb == "v" and spec.plus_v:
            return "{" + " ".join(f"{k}:{_fmt_value(v, verb, spec)}"
                                  for k, v in value.items()) + "}"
        return "{" + " ".join(_fmt_value(v, verb, spec) for v in value.values()) + "}"
    if isinstance(value, dict):
        return "map[" + " ".join(
            f"{_fmt_value(k, verb, spec)}:{_fmt_value(value[k], verb, spec)}"
            for k in sorted(value)) + "]"
    if isinstance(value, list | tuple):
        return "[" + " ".join(_fmt_value(v, verb, spec) for v in value) + "]"
    if isinstance(value, bool):
        if verb in "tv":
            return spec.pad("true" if value else "false")
        return _bad_verb(verb, value)
    if isinstance(value, int):
        return _fmt_int(value, verb, spec)
    if isinstance(value, float):
        return _fmt_float(value, verb, spec)
    if isinstance(value, str):
        return _fmt_str(value, verb, spec)
    return spec.pad(str(value))


def _bad_verb(verb: str, value: Any) -> str:
    return f"%!{verb}({go_type(value)}={_fmt_value(value, 'v', _PLAIN)})"


def _rune(value: int) -> str:
    """The character Go's ``%c`` and ``%q`` give an integer: U+FFFD for a negative one, one
    past U+10FFFF or a surrogate (none of which is a valid rune)."""
    return chr(value) if 0 <= value <= 0x10FFFF and not 0xD800 <= value <= 0xDFFF \
        else "\ufffd"


def _fmt_int(value: int, verb: str, spec: _Spec) -> str:
    if verb == "c":
        return spec.pad(_rune(value))
    if verb == "q":
        return spec.pad("'" + go_quote(_rune(value))[1:-1].replace("'", "\\'").replace('\\"', '"')
                        + "'")
    if verb == "U":
        return spec.pad(f"U+{value:04X}")
    bases = {"d": "d", "v": "d", "b": "b", "o": "o", "O": "o", "x": "x", "X": "X"}
    if verb not in bases:
        return _bad_verb(verb, value)
    digits = format(abs(value), bases[verb])
    if spec.prec >= 0:
        digits = digits.rjust(spec.prec, "0") if spec.prec or value else ""
    prefix = ""
    if spec.sharp and verb in "xX":
        prefix = "0x" if verb == "x" else "0X"
    elif spec.sharp and verb == "o" and not digits.startswith("0"):
        prefix = "0"
    elif spec.sharp and verb == "b":
        prefix = "0b"
    if verb == "O":
        prefix = "0o"
    sign = "-" if value < 0 else "+" if spec.plus else " " if spec.space else ""
    return spec.pad(sign + prefix + digits, numeric=spec.prec < 0)


def _fmt_float(value: float, verb: str, spec: _Spec) -> str:
    if verb in "vgG":
        text = _go_float(value, "G" if verb == "G" else "g", spec.prec)
    elif verb in "fF":
        text = f"{value:.{6 if spec.prec < 0 else spec.prec}f}"
    elif verb in "eE":
        text = _go_float(value, verb, spec.prec)
    else:
        return _bad_verb(verb, value)
    if not text.startswith(("-", "+")) and (spec.plus or spec.space):
        text = ("+" if spec.plus else " ") + text
    return spec.pad(text, numeric=not math.isinf(value) and not math.isnan(value))


def _fmt_str(value: str, verb: str, spec: _Spec) -> str:
    if spec.prec >= 0 and verb in "svqxX":
        value = value[:spec.prec]
    if verb in "sv":
        return spec.pad(value)
    if verb == "q":
        if spec.sharp and "`" not in value and value.isprintable():
            return spec.pad("`" + value + "`")
        return spec.pad(go_quote(value, ascii_only=spec.plus))
    if verb in "xX":
        data = value.encode("utf-8", "surrogateescape")
        sep = " " if spec.space else ""
        text = sep.join(format(b, "02" + verb) for b in data)
        return spec.pad(text)
    return _bad_verb(verb, value)


def go_sprint(*args: Any) -> str:
    """fmt.Sprint: a space between two operands when neither is a string."""
    out: list[str] = []
    for i, arg in enumerate(args):
        if i and not isinstance(arg, str) and not isinstance(args[i - 1], str):
            out.append(" ")
        out.append(_fmt_value(arg, "v", _PLAIN))
    return "".join(out)


_DIRECTIVE = re.compile(r"%([-+# 0]*)(\*|\d+)?(?:\.(\*|\d*))?(.?)", re.S)


def go_sprintf(fmt: str, *args: Any) -> str:
    """fmt.Sprintf with Go's verbs, flags, ``%!v(MISSING)`` and ``%!(EXTRA ...)``."""
    out: list[str] = []
    pos = 0
    argi = 0
    while True:
        start = fmt.find("%", pos)
        if start < 0:
            out.append(fmt[pos:])
            break
        out.append(fmt[pos:start])
        match = _DIRECTIVE.match(fmt, start)
        assert match is not None
        flags, width, prec, verb = match.groups()
        pos = match.end()
        spec = _Spec()
        spec.minus, spec.plus = "-" in flags, "+" in flags
        spec.sharp, spec.zero, spec.space = "#" in flags, "0" in flags, " " in flags
        for attr, given in (("width", width), ("prec", prec)):
            if given == "*":
                if argi < len(args) and isinstance(args[argi], int):
                    setattr(spec, attr, args[argi])
                    argi += 1
                else:
                    out.append("%!(BADWIDTH)" if attr == "width" else "%!(BADPREC)")
            elif given:
                setattr(spec, attr, int(given))
            elif given == "" and attr == "prec":
                spec.prec = 0
        if spec.width < 0 and width == "*":
            spec.minus, spec.width = True, -spec.width
        if not verb:
            out.append("%!(NOVERB)")
            break
        if verb == "%":
            out.append("%")
            continue
        if argi >= len(args):
            out.append(f"%!{verb}(MISSING)")
            continue
        arg = args[argi]
        argi += 1
        if verb == "v" and spec.plus:  # %+v names a struct's fields, it adds no sign
            spec.plus, spec.plus_v = False, True
        if verb == "T":
            out.append(spec.pad(go_type(arg) if arg is not None else "<nil>"))
        else:
            out.append(_fmt_value(arg, verb, spec))
    if argi < len(args):
        extra = ", ".join(f"{go_type(a)}={_fmt_value(a, 'v', _PLAIN)}" if a is not None
                          else "<nil>" for a in args[argi:])
        out.append(f"%!(EXTRA {extra})")
    return "".join(out)


def go_json(value: Any) -> str:
    """Go's json encoding as Docker's ``json`` function writes it: compact, map keys
    sorted, struct fields in order, no HTML escaping (but in what Docker's formatter
    contexts marshal themselves)."""
    if value is None or value is MISSING or isinstance(value, NilMap | NilList):
        return "null"
    if value is True:
        return "true"
    if value is False:
        return "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if math.isnan(value) or math.isinf(value):
            raise ValueError(f"json: unsupported value: {_go_float(value)}")
        if value == int(value) and abs(value) < 1e21:
            return str(int(value)) if value or math.copysign(1, value) > 0 else "-0"
        text = _go_float(value)
        exp = abs(math.log10(abs(value)))
        if "e" in text and exp < 21 and abs(value) >= 1e-6:
            text = repr(value)
        return re.sub(r"e([+-])0(\d)$", r"e\g<1>\2", text)
    if isinstance(value, str):
        return _json_str(value)
    if isinstance(value, Struct) and value.type_name.startswith("*formatter.") \
            and value.type_name != "*formatter.diskUsageContext":  # the one without
        # Docker's formatter contexts marshal themselves as json.Marshal of a map: keys
        # sorted, and <, > and & escaped (the json function's own encoder does not)
        text = "{" + ",".join(f"{_json_str(k)}:{go_json(value[k])}" for k in sorted(value)) + "}"
        return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    if isinstance(value, Struct):
        return "{" + ",".join(f"{_json_str(k)}:{go_json(v)}" for k, v in value.items()) + "}"
    if isinstance(value, dict):
        return "{" + ",".join(f"{_json_str(str(k))}:{go_json(value[k])}"
                              for k in sorted(value)) + "}"
    if isinstance(value, list | tuple):
        return "[" + ",".join(go_json(v) for v in value) + "]"
    raise ValueError(f"json: unsupported type: {type(value).__name__}")


def _json_str(text: str) -> str:
    out = ['"']
    for ch in text:
        code = ord(ch)
        if ch in ('"', "\\"):
            out.append("\\" + ch)
        elif ch == "\n":
            out.append("\\n")
        elif ch == "\r":
            out.append("\\r")
        elif ch == "\t":
            out.append("\\t")
        elif code < 0x20 or code in (0x2028, 0x2029):
            out.append(f"\\u{code:04x}")
        elif 0xD800 <= code <= 0xDFFF:
            out.append("\ufffd")
        else:
            out.append(ch)
    out.append('"')
    return "".join(out)

