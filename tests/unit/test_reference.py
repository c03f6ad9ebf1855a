"""Image references: Docker's valid and invalid cases (distribution/reference's tables)."""

from __future__ import annotations

import pytest

from builder.errors import ReferenceFormatError
from builder.reference import parse, parse_normalized

HEX = "f" * 64


@pytest.mark.parametrize(
    ("text", "full", "familiar"),
    [
        ("busybox", "docker.io/library/busybox", "busybox"),
        ("library/debian", "docker.io/library/debian", "debian"),
        ("docker/docker", "docker.io/docker/docker", "docker/docker"),
        ("docker.io/debian", "docker.io/library/debian", "debian"),
        ("docker.io/library/debian", "docker.io/library/debian", "debian"),
        ("index.docker.io/debian", "docker.io/library/debian", "debian"),
        ("index.docker.io/docker/docker", "docker.io/docker/docker", "docker/docker"),
        ("docker.io/library/a/b", "docker.io/library/a/b", "library/a/b"),
        ("127.0.0.1:5000/debian", "127.0.0.1:5000/debian", "127.0.0.1:5000/debian"),
        ("127.0.0.1:5000/d/d", "127.0.0.1:5000/d/d", "127.0.0.1:5000/d/d"),
        ("localhost/debian", "localhost/debian", "localhost/debian"),
        ("localhost:5000/foo/bar:tag", "localhost:5000/foo/bar:tag", "localhost:5000/foo/bar:tag"),
        ("192.168.0.1", "docker.io/library/192.168.0.1", "192.168.0.1"),
        ("192.168.0.1:80/debian", "192.168.0.1:80/debian", "192.168.0.1:80/debian"),
        ("foo_bar.com:8080", "docker.io/library/foo_bar.com:8080", "foo_bar.com:8080"),
        ("foo/foo_bar.com:8080", "docker.io/foo/foo_bar.com:8080", "foo/foo_bar.com:8080"),
        ("[2001:db8::1]:5000/repo", "[2001:db8::1]:5000/repo", "[2001:db8::1]:5000/repo"),
        ("example.com/a__b/c---d/e.f", "example.com/a__b/c---d/e.f", "example.com/a__b/c---d/e.f"),
        ("Example.COM/lower", "Example.COM/lower", "Example.COM/lower"),
        ("lowercase:Uppercase", "docker.io/library/lowercase:Uppercase", "lowercase:Uppercase"),
        (f"docker.io/{'1a' * 32}", f"docker.io/library/{'1a' * 32}", "1a" * 32),
        (f"repo@sha256:{HEX}", f"docker.io/library/repo@sha256:{HEX}", f"repo@sha256:{HEX}"),
        (f"h:5000/r:t@sha256:{HEX}", f"h:5000/r:t@sha256:{HEX}", f"h:5000/r:t@sha256:{HEX}"),
        ("a:" + "x" * 128, "docker.io/library/a:" + "x" * 128, "a:" + "x" * 128),
    ],
)
def test_valid(text: str, full: str, familiar: str) -> None:
    ref = parse(text)
    assert str(ref) == full
    assert ref.familiar == familiar
    assert parse(str(ref)) == ref


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "invalid reference format"),
        ("https://github.com/docker/docker", "invalid reference format"),
        ("docker///docker", "invalid reference format"),
        ("docker.io/docker///docker", "invalid reference format"),
        ("aa/asdf$$^/aa", "invalid reference format"),
        (":justtag", "invalid reference format"),
        (f"@sha256:{HEX}", "invalid reference format"),
        ("a@sha256:abc", "invalid reference format"),
        ("-foo", "invalid reference format"),
        ("foo-", "invalid reference format"),
        ("foo_", "invalid reference format"),
        ("foo___bar", "invalid reference format"),
        ("a:" + "x" * 129, "invalid reference format"),
        ("a:.tag", "invalid reference format"),
        ("docker/Docker", "invalid reference format: repository name must be lowercase"),
        ("Docker/docker", "invalid reference format: repository name must be lowercase"),
        ("Uppercase:tag", "invalid reference format: repository name must be lowercase"),
        ("test:5000/Uppercase/lowercase:tag", "repository name must be lowercase"),
        ("docker.io/docker/Docker", "invalid reference format: repository name must be lowercase"),
        (
            "a/" + "a" * 250,
            "invalid reference format: repository name must not be more than 255 characters",
        ),
        ("1a" * 32, "cannot specify 64-byte hexadecimal strings"),
        (f"validname@invaliddigest:{HEX}", "unsupported digest algorithm"),
        (f"a@sha256:{HEX.upper()}", "invalid checksum digest format"),
        (f"a@sha256:{HEX}ff", "invalid checksum digest format"),
    ],
)
def test_invalid(text: str, message: str) -> None:
    with pytest.raises(ReferenceFormatError) as info:
        parse(text)
    assert message in str(info.value)


def test_default_tag() -> None:
    assert str(parse_normalized("busybox")) == "docker.io/library/busybox:latest"
    assert parse_normalized("busybox").familiar == "busybox:latest"
    assert parse_normalized("x:1").tag == "1"
    digested = parse_normalized(f"x@sha256:{HEX}")
    assert digested.tag is None
    assert digested.digest == f"sha256:{HEX}"


def test_with_tag() -> None:
    ref = parse(f"h:5000/r:t@sha256:{HEX}").with_tag("v2")
    assert str(ref) == "h:5000/r:v2"
    with pytest.raises(ReferenceFormatError):
        ref.with_tag("bad tag")
