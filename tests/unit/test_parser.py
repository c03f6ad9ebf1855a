"""The parser beyond BuildKit's conformance data: directives, line handling, heredocs, errors."""

from __future__ import annotations

import pytest

from builder.errors import DockerfileError
from builder.parser import parse


def dump(text: str | bytes) -> str:
    return parse(text).dump()


def error(text: str | bytes) -> DockerfileError:
    with pytest.raises(DockerfileError) as info:
        df = parse(text)
        df.instructions  # noqa: B018 - typed validation raises too
    return info.value


# --- directives -------------------------------------------------------------------------


def test_escape_directive_switches_continuation_and_is_case_insensitive() -> None:
    df = parse("# ESCAPE=`\nFROM x\nRUN a `\n  b\\\n")
    assert df.escape == "`"
    assert df.dump() == '(from "x")\n(run "a   b\\\\")'


def test_directives_only_at_the_very_top() -> None:
    for text in (
        "\n# escape=`\nFROM x\nRUN a `\nb\n",  # a blank line ends the block
        "# hello\n# escape=`\nFROM x\nRUN a `\nb\n",  # so does a comment
        "# unknown=1\n# escape=`\nFROM x\nRUN a `\nb\n",  # and an unknown directive
        "FROM x\n# escape=`\nRUN a `\nb\n",  # and an instruction
    ):
        df = parse(text)
        assert df.escape == "\\", text
        assert [n.value for n in df.nodes] == ["FROM", "RUN", "b"], text


def test_syntax_and_check_directives_are_kept() -> None:
    df = parse("# syntax=docker/dockerfile:1.7 extra\n#check=skip=all;error=true\nFROM x\n")
    assert df.directive("syntax") == "docker/dockerfile:1.7 extra"
    assert df.directive("check") == "skip=all;error=true"
    assert [d.line for d in df.directives] == [1, 2]


def test_repeated_directive_is_an_error_on_its_line() -> None:
    err = error("# escape=\\\n# Escape=`\nFROM x\n")
    assert "only one escape parser directive can be used" in err.message
    assert err.location is not None and err.location.line == 2


def test_invalid_escape_value() -> None:
    err = error("# escape=x\nFROM x\n")
    assert "invalid escape token" in err.message


def test_empty_directive_value_is_a_comment() -> None:
    assert parse("# escape=\nFROM x\nRUN a \\\nb\n").escape == "\\"


# --- lines --------------------------------------------------------------------------------


def test_crlf_and_bom() -> None:
    text = "\ufeff# escape=`\r\nFROM x\r\nRUN a `\r\n  b\r\n".encode()
    df = parse(text)
    assert df.escape == "`"
    assert df.dump() == '(from "x")\n(run "a   b")'


def test_comment_and_blank_lines_inside_a_continuation() -> None:
    df = parse("FROM x\nRUN a \\\n# inside\n\n   \n  b\n")
    assert df.dump() == '(from "x")\n(run "a   b")'
    assert (df.nodes[1].start_line, df.nodes[1].end_line) == (2, 6)
    assert df.warnings and df.warnings[0][1] == 6


def test_continuation_at_end_of_file() -> None:
    df = parse("FROM x\nRUN a \\")
    assert df.dump() == '(from "x")\n(run "a")'


def test_escaped_escape_is_not_a_continuation() -> None:
    df = parse("FROM x\nRUN echo a\\\\\nRUN b\n")
    assert df.dump() == '(from "x")\n(run "echo a\\\\\\\\")\n(run "b")'


def test_hash_inside_a_line_is_text() -> None:
    assert dump("FROM x\nRUN echo # not a comment\n").endswith('(run "echo # not a comment")')


def test_case_insensitive_keywords() -> None:
    df = parse("from x AS Build\nrun true\nCoPy a b\n")
    assert [type(i).__name__ for i in df.instructions] == ["From", "Run", "Copy"]
    assert df.instructions[0].stage_name == "build"  # type: ignore[attr-defined]


def test_line_too_long() -> None:
    err = error("FROM x\nRUN " + "a" * 70000 + "\n")
    assert "greater than max allowed size of 65535" in err.message
    assert err.location is not None and err.location.line == 2


@pytest.mark.parametrize("text", ["", "# only a comment\n", "\n\n  \n", "# syntax=x\n"])
def test_no_instructions(text: str) -> None:
    assert "file with no instructions" in error(text).message


# --- heredocs -----------------------------------------------------------------------------


def test_heredoc_bodies_are_raw_and_line_numbers_span_them() -> None:
    text = "FROM x\nRUN <<EOF\n  echo hi \\\n# kept\nEOF\nRUN true\n"
    df = parse(text)
    run = df.nodes[1]
    assert run.heredocs[0].content == "  echo hi \\\n# kept\n"
    assert (run.start_line, run.end_line) == (2, 5)
    assert df.nodes[2].start_line == 6


def test_several_heredocs_on_one_line_in_order() -> None:
    df = parse("FROM x\nCOPY <<A <<B /dst/\na\nA\nb\nB\n")
    copy = df.instructions[1]
    assert [(c.name, c.data) for c in copy.contents] == [("A", "a\n"), ("B", "b\n")]  # type: ignore[attr-defined]
    assert copy.dest == "/dst/"  # type: ignore[attr-defined]


def test_chomp_and_quoted_heredoc() -> None:
    df = parse("FROM x\nCOPY <<-'EOT' /f\n\tline $X\n\tEOT\n")
    content = df.instructions[1].contents[0]  # type: ignore[attr-defined]
    assert content.data == "line $X\n"
    assert content.expand is False


def test_run_heredoc_with_shebang_keeps_the_script() -> None:
    df = parse("FROM x\nRUN <<EOF\n#!/bin/sh\necho hi\nEOF\n")
    run = df.instructions[1]
    assert run.files[0].data == "#!/bin/sh\necho hi\n"  # type: ignore[attr-defined]


def test_heredoc_under_onbuild() -> None:
    df = parse("FROM x\nONBUILD RUN <<EOF\necho hi\nEOF\n")
    assert df.instructions[1].expression == "RUN <<EOF\necho hi\nEOF"  # type: ignore[attr-defined]


def test_heredoc_only_for_run_copy_add() -> None:
    df = parse("FROM x\nUSER <<EOF\nRUN true\n")
    assert [n.value for n in df.nodes] == ["FROM", "USER", "RUN"]


def test_unterminated_heredoc() -> None:
    err = error("FROM x\nRUN <<EOF\necho hi\n")
    assert err.message == "unterminated heredoc"
    assert err.location is not None and err.location.line == 2


def test_heredoc_as_destination_is_an_error() -> None:
    assert (
        "cannot accept a heredoc as a destination"
        in error("FROM x\nCOPY a <<EOF\nx\nEOF\n").message
    )


def test_unbalanced_heredoc_quote_declares_no_heredoc() -> None:
    # As in BuildKit: the line does not lex, so it has no heredoc and the body lines
    # are read as instructions.
    err = error("FROM x\nRUN <<'EOF\nx\nEOF\n")
    assert err.message == "unknown instruction: x"
    assert err.location is not None and err.location.line == 3


# --- hostile bytes ------------------------------------------------------------------------


@pytest.mark.parametrize(
    "data",
    [
        b"\x00\x01\x02\xff\xfe",
        b"FROM x\nRUN \xff\xfe\n",
        b"\xef\xbb\xbf",
        b"\\",
        b"\\\n",
        b"FROM x\n\\\n\\\n",
        b"RUN <<" * 1000,
        b"FROM x\n" + b"RUN a \\\n" * 2000,
        bytes(range(256)) * 4,
    ],
)
def test_any_bytes_parse_or_raise_dockerfile_error(data: bytes) -> None:
    try:
        parse(data).instructions  # noqa: B018
    except DockerfileError as err:
        assert err.location is not None


def test_same_bytes_parse_once() -> None:
    text = b"FROM x\nRUN echo cached\n"
    assert parse(text) is parse(text)
