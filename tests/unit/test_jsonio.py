"""builder.jsonio: the text and values of ``json.dumps``/``json.loads`` through ``_json``."""

from __future__ import annotations

import json
import math
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from builder.jsonio import dumps, loads

REPO = Path(__file__).resolve().parents[2]

VALUES: list[Any] = [
    None, True, False, 0, -1, 7, 2**64, -(2**100), 10**300,
    0.0, -0.0, 1.5, -2.25, 1e300, 5e-324, 0.1, 1e16, 123456789.123456789,
    float("inf"), float("-inf"),
    "", "plain", "quote \" backslash \\ slash /", "\n\r\t\b\f", "\x00\x01\x1f\x7f",
    "é ü ß", "日本語", "emoji \U0001f600", "\ud800", "lone \udfff tail", "\ud83d\ude00",
    "\u2028\u2029", "\ufeff",
    [], {}, [[]], [{}], {"": ""},
    [1, "two", 3.0, None, True, False, [4, [5, [6]]], {"k": {"n": [{}]}}],
    {"a": 1, "b": [1, 2, {"c": None}], "d": {"e": {"f": "g"}}, "é": "\ud800"},
    {"z": 1, "a": 2, "m": 3},
    {3: "int", 2.5: "float", True: "true", False: "false", None: "null"},
    {-0.0: "negzero", float("inf"): "inf", 10**30: "big"},
    {"Env": ["PATH=/usr/bin", "X=1"], "Cmd": ["sh", "-c", "echo 'hi' > /x"],
     "Labels": {}, "ExposedPorts": {"80/tcp": {}}, "Volumes": None},
    list(range(1000)),
    {str(i): i for i in range(500)},
]


@pytest.mark.parametrize("value", VALUES, ids=range(len(VALUES)))
def test_dumps_matches_json_dumps(value: Any) -> None:
    assert dumps(value) == json.dumps(value)


def test_dumps_nan_and_subclasses() -> None:
    assert dumps(float("nan")) == json.dumps(float("nan")) == "NaN"
    assert dumps([float("nan"), {float("nan"): 1}]) == json.dumps(
        [float("nan"), {float("nan"): 1}])

    class S(str):
        pass

    class I(int):  # noqa: E742
        pass

    value = {S("k"): [S("v"), I(3)], "t": (1, 2)}
    assert dumps(value) == json.dumps(value)


def test_dumps_deep_but_reasonable_nesting() -> None:
    value: Any = "leaf"
    for i in range(200):
        value = [value] if i % 2 else {"k": value}
    assert dumps(value) == json.dumps(value)


@pytest.mark.parametrize("value", [object(), {(1, 2): "x"}, [1, {2, 3}], {"a": b"bytes"},
                                   {"a": [1, object()]}, 1j])
def test_dumps_rejects_unserializable(value: Any) -> None:
    with pytest.raises(TypeError):
        json.dumps(value)
    with pytest.raises(TypeError):
        dumps(value)


@pytest.mark.parametrize("value", [v for v in VALUES if v == v], ids=lambda v: repr(v)[:20])
def test_loads_of_dumps_matches_json(value: Any) -> None:
    text = json.dumps(value)
    got = loads(text)
    assert got == json.loads(text)
    assert dumps(got) == text


@pytest.mark.parametrize("text", [
    "null", "true", "false", "0", "-0", "-0.0", "1e3", "1E-3", "12345678901234567890123",
    '""', '"\\u00e9\\ud83d\\ude00"', '"\\ud800"', '"\\/\\b\\f\\n\\r\\t\\"\\\\"',
    "[]", "{}", '{"a": [1, 2, {"b": null}], "c": "d"}', '{"a": 1, "a": 2}',
    "[NaN, Infinity, -Infinity]", ' \t\r\n{"x": [ 1 , 2 ] }\n\n', "\n42\n",
    '"é日本"', '["\u2028"]',
])
def test_loads_matches_json_loads(text: str) -> None:
    got = loads(text)
    expected = json.loads(text)
    assert dumps(got) == json.dumps(expected)
    assert type(got) is type(expected)


def test_loads_special_floats() -> None:
    got = loads("[NaN, Infinity, -Infinity, -0.0]")
    assert math.isnan(got[0])
    assert got[1:3] == [math.inf, -math.inf]
    assert math.copysign(1.0, got[3]) == -1.0


def test_loads_bytes_utf8() -> None:
    text = ' {"name": "café", "emoji": "\U0001f600", "n": [1, 2.5]} \n'
    data = text.encode("utf-8")
    assert loads(data) == json.loads(data) == json.loads(text)
    assert loads(bytearray(data)) == json.loads(text)


INVALID: list[str | bytes] = [
    "", " ", "\n\t", "{", "[", "[1", "[1,", '{"a"', '{"a":', '{"a":1', '"abc', "tru", "nul",
    "{}x", '{"a":1}}', "[1]]", "1 2", "[1,]", '{"a":1,}', '{"a" 1}', "{'a': 1}", "[1 2]",
    '"\x01"', '"\\x"', '"\\u12"', "01", "-", "+1", ".5", "undefined", "nan",
    b"\xff\xfe", b'"\xc3"', b"{}\x80",
]


@pytest.mark.parametrize("text", INVALID, ids=repr)
def test_loads_rejects_invalid(text: str | bytes) -> None:
    with pytest.raises(ValueError):
        loads(text)


def test_loads_deep_nesting_is_a_value_error() -> None:
    for text in ("[" * 100000 + "]" * 100000, '{"a":' * 100000 + "1" + "}" * 100000):
        with pytest.raises(ValueError) as info:
            loads(text)
        assert not isinstance(info.value, RecursionError)
    assert loads("[" * 50 + "]" * 50) == json.loads("[" * 50 + "]" * 50)


def _fresh(script: str) -> str:
    proc = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                          cwd=REPO, timeout=60)
    assert proc.returncode == 0, proc.stderr
    return proc.stdout


def test_round_trip_imports_neither_json_re_nor_enum() -> None:
    out = _fresh(
        "import sys\n"
        "from builder.jsonio import dumps, loads\n"
        "v = {'a': [1, 2.5, None, True, 'é\\ud800'], 'b': {'c': {}}, 1: 'x'}\n"
        "t = dumps(v)\n"
        "assert loads(t) == {'a': [1, 2.5, None, True, 'é\\ud800'], 'b': {'c': {}}, '1': 'x'}\n"
        "assert loads(t.encode()) == loads(t)\n"
        "print('json' in sys.modules, 're' in sys.modules, 'enum' in sys.modules)\n")
    assert out.split() == ["False", "False", "False"]


def test_loads_rejects_invalid_without_json_imported() -> None:
    out = _fresh(
        "import sys\n"
        "from builder.jsonio import loads\n"
        f"for text in {INVALID!r}:\n"
        "    try:\n"
        "        loads(text)\n"
        "    except ValueError:\n"
        "        print('ValueError')\n"
        "    except BaseException as exc:\n"
        "        print(repr(text), type(exc).__name__)\n"
        "    else:\n"
        "        print(repr(text), 'accepted')\n")
    assert [x for x in out.splitlines() if x != "ValueError"] == []
