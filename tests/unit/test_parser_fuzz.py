"""Random and mutated Dockerfiles: each parses or raises DockerfileError, never anything else."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from builder.errors import DockerfileError
from builder.parser import parse
from tests.conftest import CONFORMANCE

_PARSER_DATA = CONFORMANCE / "buildkit" / "frontend" / "dockerfile" / "parser"
CORPUS = [
    *sorted(p.read_bytes() for p in _PARSER_DATA.rglob("Dockerfile")),
    (CONFORMANCE / "derived" / "heredoc" / "Dockerfile").read_bytes(),
]

TOKENS = [
    b"\\\n", b"`\n", b"\\", b"\n", b"\r\n", b"\r", b"\x00", b"\xef\xbb\xbf", b"\xff", b"#",
    b"# escape=`\n", b"# escape=\\\n", b"# syntax=x\n", b"<<EOF", b"<<-EOF", b"EOF\n", b"\tEOF\n",
    b"<<'EOF'", b'"', b"'", b"[", b"]", b'["a", 1]', b"--", b"--mount=", b"=", b"$", b"${",
    b"RUN ", b"COPY ", b"ONBUILD ", b"ENV ", b"FROM ", b"HEALTHCHECK ", b"ARG ", b" AS ",
]  # fmt: skip


@st.composite
def mutated(draw: st.DrawFn) -> bytes:
    data = bytearray(draw(st.sampled_from(CORPUS)))
    for _ in range(draw(st.integers(1, 8))):
        op = draw(st.integers(0, 3))
        pos = draw(st.integers(0, len(data)))
        if op == 0:
            data[pos:pos] = draw(st.sampled_from(TOKENS))
        elif op == 1:
            data[pos : pos + draw(st.integers(1, 40))] = b""
        elif op == 2:
            data[pos:pos] = draw(st.binary(max_size=16))
        else:
            line_end = data.find(b"\n", pos)
            chunk = data[pos : line_end + 1 if line_end >= 0 else len(data)]
            data[pos:pos] = chunk * draw(st.integers(1, 3))
    return bytes(data)


def _check(data: bytes) -> None:
    try:
        df = parse(data)
        df.instructions  # noqa: B018
        df.dump()
    except DockerfileError as err:
        assert err.location is not None
        assert err.location.line >= 1
        assert str(err)


@settings(max_examples=400, deadline=None, suppress_health_check=list(HealthCheck))
@given(mutated())
def test_mutated_conformance_files(data: bytes) -> None:
    _check(data)


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=600))
def test_random_bytes(data: bytes) -> None:
    _check(data)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from([*TOKENS, b"a", b" ", b"x y"]), max_size=40))
def test_token_soup(parts: list[bytes]) -> None:
    _check(b"".join(parts))


def test_corpus_is_loaded() -> None:
    assert len(CORPUS) >= 38
