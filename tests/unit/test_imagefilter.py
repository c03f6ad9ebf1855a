"""Docker's image filters (builder.imagefilter): parsing, validation and matching."""

from __future__ import annotations

import pytest

from builder.imagefilter import (
    FilterError,
    created_ns,
    dangling_only,
    labels_match,
    parse_filters,
    path_match,
    reference_matches,
    validate,
)


def test_parse_filters_trims_lowers_keys_and_dedupes() -> None:
    assert parse_filters([" Label = a=1 ", "label=a=1", "label=b", "dangling=true"]) == {
        "label": ["a=1", "b"], "dangling": ["true"]}


def test_parse_filters_needs_an_equals_sign() -> None:
    with pytest.raises(FilterError, match=r"^bad format of filter \(expected name=value\)$"):
        parse_filters(["dangling"])


def test_validate_names_the_unknown_key() -> None:
    validate({"label": ["a"]}, ["label", "dangling"])
    with pytest.raises(FilterError, match=r"^Invalid filter 'foo'$"):
        validate({"label": ["a"], "foo": ["1"]}, ["label", "dangling"])


def test_dangling_values() -> None:
    assert dangling_only({}) is None
    assert dangling_only({"dangling": ["true"]}) is True
    assert dangling_only({"dangling": ["false"]}) is False
    assert dangling_only({"dangling": ["false", "true"]}) is True  # true wins, as Docker
    assert dangling_only({"dangling": ["maybe", "false"]}) is False
    assert dangling_only({"dangling": ["1"]}, falsy=("false", "0"), truthy=("true", "1"))
    with pytest.raises(FilterError, match=r"^Invalid filter 'dangling=\[1 maybe\]'$"):
        dangling_only({"dangling": ["maybe", "1"]})


def test_labels_all_must_hold() -> None:
    labels = {"a": "1", "b": ""}
    assert labels_match([], None)
    assert labels_match(["a"], labels)
    assert labels_match(["a=1", "b"], labels)
    assert labels_match(["b="], labels)
    assert not labels_match(["a=2"], labels)
    assert not labels_match(["a", "c"], labels)  # repeated label keys are AND-ed
    assert not labels_match([""], labels)
    assert not labels_match(["a"], {})
    assert not labels_match(["a"], None)


@pytest.mark.parametrize(("pattern", "name", "matches"), [
    ("one", "one", True),
    ("o*", "one:1", True),
    ("*", "reg.example/ns/one", False),  # * stops at /
    ("*/*/one", "reg.example/ns/one", True),
    ("on?:1", "one:1", True),
    ("[a-o]ne", "one", True),
    ("[^a-o]ne", "one", False),
    ("[!o]ne", "!ne", True),
    ("one\\:1", "one:1", True),
    ("t[wh]*", "three", True),
    ("[z-a]ne", "one", False),
])
def test_path_match(pattern: str, name: str, matches: bool) -> None:
    assert path_match(pattern, name) is matches


@pytest.mark.parametrize("pattern", ["[", "[]", "[^]", "[a-]", "[-a]", "one\\", "[a", "x[\\"])
def test_path_match_bad_pattern(pattern: str) -> None:
    with pytest.raises(FilterError, match=r"^syntax error in pattern$"):
        path_match(pattern, "one")


def test_reference_matches_the_whole_name_or_the_repository() -> None:
    assert reference_matches(["one"], "one:1", "one")
    assert reference_matches(["one:1"], "one:1", "one")
    assert reference_matches(["two", "o*:1"], "one:1", "one")  # values of one key: OR
    assert not reference_matches(["one:2"], "one:1", "one")
    assert not reference_matches(["docker.io/library/one"], "one:1", "one")


def test_created_ns() -> None:
    assert created_ns({"created": "1970-01-01T00:00:01.5Z"}) == 1_500_000_000
    assert created_ns({}) == -62135596800 * 10**9  # Go's zero time
