"""BuildKit's own parser test data, run through our parser.

Every folder under ``testfiles/`` is one case: parse ``Dockerfile`` and compare the AST dump
byte for byte with ``result``. Every folder under ``testfiles-negative/`` must fail. The
line-number case and the derived heredoc tables come from BuildKit's Go tests.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from builder.errors import DockerfileError
from builder.nodes import chomp_heredoc, heredocs_from_line, new_node, parse_heredoc, parse_json
from builder.parser import parse
from tests.conftest import CONFORMANCE

PARSER = CONFORMANCE / "buildkit" / "frontend" / "dockerfile" / "parser"
HEREDOC = CONFORMANCE / "derived" / "heredoc"


def _cases(folder: Path) -> list[Path]:
    if not folder.is_dir():
        raise RuntimeError(f"conformance data missing: {folder}")
    return sorted(p for p in folder.iterdir() if p.is_dir())


@pytest.mark.parametrize("case", _cases(PARSER / "testfiles"), ids=lambda p: p.name)
def test_positive(case: Path) -> None:
    expected = (case / "result").read_bytes().decode("utf-8")
    df = parse((case / "Dockerfile").read_bytes(), str(case / "Dockerfile"))
    assert df.dump() + "\n" == expected


@pytest.mark.parametrize("case", _cases(PARSER / "testfiles-negative"), ids=lambda p: p.name)
def test_negative(case: Path) -> None:
    with pytest.raises(DockerfileError) as info:
        parse((case / "Dockerfile").read_bytes(), "Dockerfile")
    assert info.value.location is not None


def test_line_numbers() -> None:
    df = parse((PARSER / "testfile-line" / "Dockerfile").read_bytes())
    assert [(n.start_line, n.end_line) for n in df.nodes] == [(5, 5), (11, 12), (17, 31)]
    assert (df.nodes[0].start_line, df.nodes[-1].end_line) == (5, 31)


_EXPECTED = json.loads((HEREDOC / "expected.json").read_text())


def test_heredoc_extraction() -> None:
    df = parse((HEREDOC / "Dockerfile").read_bytes())
    got = df.nodes[1:]
    want = _EXPECTED["expected_heredocs"]
    assert len(got) == len(want)
    for node, case in zip(got, want, strict=True):
        docs = [
            {
                "Name": h.name,
                "Content": h.content,
                "Expand": h.expand,
                "Chomp": h.chomp,
                "FileDescriptor": h.fd,
            }
            for h in node.heredocs
        ]
        assert (docs or None) == case["heredocs"], case["instruction"]


@pytest.mark.parametrize("word", _EXPECTED["parse_heredoc_word"]["valid_name_EOF"])
def test_heredoc_word_valid(word: str) -> None:
    doc = parse_heredoc(word)
    assert doc is not None and doc.name == "EOF"


@pytest.mark.parametrize("word", _EXPECTED["parse_heredoc_word"]["error"])
def test_heredoc_word_error(word: str) -> None:
    with pytest.raises(Exception) as info:
        parse_heredoc(word)
    assert type(info.value).__name__ in ("NodeError", "ExpansionError")


@pytest.mark.parametrize("word", _EXPECTED["parse_heredoc_word"]["not_heredoc"])
def test_heredoc_word_not(word: str) -> None:
    assert parse_heredoc(word) is None


@pytest.mark.parametrize("case", _EXPECTED["heredocs_from_line"], ids=lambda c: c["line"])
def test_heredocs_from_line(case: dict[str, object]) -> None:
    # Upstream checks only the heredocs it finds against the names listed (a prefix check):
    # "RUN <<- EOF" lexes as the words "<<-" and "EOF" and so declares no heredoc at all.
    names = [h.name for h in heredocs_from_line(str(case["line"]))]
    expected = list(case["names"])  # type: ignore[call-overload]
    assert names == expected[: len(names)]
    if case["line"] == "RUN <<- EOF":
        assert names == []
    else:
        assert names == expected


@pytest.mark.parametrize("line", _EXPECTED["json_form_never_heredoc"])
def test_json_form_never_heredoc(line: str) -> None:
    assert not new_node(line, "\\").can_contain_heredoc()
    assert parse(line + "\nEOF\n").nodes[0].heredocs == ()


def test_chomp() -> None:
    case = _EXPECTED["chomp_content"]
    assert chomp_heredoc(case["input"]) == case["output"]


@pytest.mark.parametrize("text", list(_EXPECTED["json_arrays"]["valid"]))
def test_json_valid(text: str) -> None:
    assert parse_json(text) == _EXPECTED["json_arrays"]["valid"][text]


@pytest.mark.parametrize("text", _EXPECTED["json_arrays"]["not_array_of_strings_error"])
def test_json_not_strings(text: str) -> None:
    with pytest.raises(Exception, match="arrays must be comprised of strings only"):
        parse_json(text)
