"""The registry client's pure parts: challenges, insecure hosts, platforms, credentials."""

from __future__ import annotations

import base64
import io
import json
from collections.abc import Callable
from pathlib import Path

import httpx
import pytest

from builder.descriptor import Descriptor, sha256_digest
from builder.errors import RegistryError
from builder.registry.auth import Authenticator, parse_challenges
from builder.registry.client import RegistryClient, is_insecure, registry_host
from builder.registry.credentials import (
    DOCKER_HUB_KEY,
    Credentials,
    DockerConfig,
    hostname_of,
    server_key,
)
from builder.registry.pull import Platform, select_manifest
from builder.settings import Settings

DIGEST_A = "sha256:" + "a" * 64
DIGEST_B = "sha256:" + "b" * 64
DIGEST_C = "sha256:" + "c" * 64


def test_bearer_challenge_with_commas_and_several_scopes() -> None:
    header = ('Bearer realm="https://auth.example/token",service="registry.example",'
              'scope="repository:a/b:pull,push repository:c:pull",error="invalid_token"')
    [c] = parse_challenges(header)
    assert c.scheme == "bearer"
    assert c.params == {"realm": "https://auth.example/token", "service": "registry.example",
                        "scope": "repository:a/b:pull,push repository:c:pull",
                        "error": "invalid_token"}


def test_basic_challenge_and_unquoted_values() -> None:
    [c] = parse_challenges('Basic realm="Registry Realm"')
    assert c.scheme == "basic" and c.params == {"realm": "Registry Realm"}
    [c] = parse_challenges("Bearer realm=https://x/token,service=reg")
    assert c.params == {"realm": "https://x/token", "service": "reg"}


@pytest.mark.parametrize(("host", "insecure", "expected"), [
    ("127.0.0.1:5000", (), True),
    ("127.3.4.5", (), True),
    ("localhost:5000", (), True),
    ("[::1]:5000", (), True),
    ("registry.example:5000", (), False),
    ("10.0.0.8:5000", (), False),
    ("registry.example:5000", ("registry.example:5000",), True),
    ("registry.example:443", ("registry.example:5000",), False),
    ("10.0.0.8:5000", ("10.0.0.0/8",), True),
])
def test_plain_http_only_for_loopback_and_named_registries(
        host: str, insecure: tuple[str, ...], expected: bool) -> None:
    assert is_insecure(host, insecure) is expected


def test_docker_hub_naming() -> None:
    assert registry_host("docker.io") == "registry-1.docker.io"
    assert registry_host("ghcr.io") == "ghcr.io"
    assert server_key("docker.io") == DOCKER_HUB_KEY
    assert server_key("127.0.0.1:5000") == "127.0.0.1:5000"
    assert hostname_of("https://index.docker.io/v1/") == "index.docker.io"


def test_settings_merge_insecure_registries(monkeypatch: pytest.MonkeyPatch,
                                            tmp_path: Path) -> None:
    monkeypatch.setenv("DOCKYARD_INSECURE_REGISTRIES", "a.example:5000, b.example")
    monkeypatch.setenv("DOCKER_CONFIG", str(tmp_path))
    s = Settings.from_env(tmp_path, ("c.example", "a.example:5000"))
    assert s.insecure_registries == ("a.example:5000", "b.example", "c.example")
    assert s.docker_config == tmp_path


def _index() -> dict[str, object]:
    return {"manifests": [
        {"mediaType": "m", "digest": DIGEST_A, "size": 1,
         "platform": {"os": "linux", "architecture": "arm", "variant": "v6"}},
        {"mediaType": "m", "digest": DIGEST_B, "size": 1,
         "platform": {"os": "linux", "architecture": "arm", "variant": "v7"}},
        {"mediaType": "m", "digest": DIGEST_C, "size": 1,
         "platform": {"os": "linux", "architecture": "arm64", "variant": "v8"}},
    ]}


def test_platform_selection() -> None:
    assert select_manifest(_index(), Platform.parse("linux/arm/v7")).digest == DIGEST_B
    assert select_manifest(_index(), Platform.parse("linux/arm64")).digest == DIGEST_C
    assert select_manifest(_index(), Platform.parse("linux/aarch64")).digest == DIGEST_C
    assert select_manifest(_index(), Platform.parse("linux/arm")).digest == DIGEST_A
    with pytest.raises(RegistryError, match=r"linux/amd64.*available: linux/arm/v6"):
        select_manifest(_index(), Platform.parse("linux/amd64"))
    with pytest.raises(RegistryError, match="invalid platform"):
        Platform.parse("linux")


def test_platform_is_a_value() -> None:
    arm = Platform.parse("linux/aarch64/v8")
    assert arm == Platform("linux", "arm64", "v8") and str(arm) == "linux/arm64/v8"
    assert {arm, Platform("linux", "arm64", "v8")} == {arm}
    assert Platform.parse("linux/amd64") == Platform("linux", "amd64")
    assert Platform.parse("linux/amd64") != arm


def test_docker_config_auths(tmp_path: Path) -> None:
    cfg = DockerConfig(tmp_path)
    assert cfg.get("r.example") is None
    cfg.store("r.example", Credentials("u", "p:w"))
    data = json.loads((tmp_path / "config.json").read_text())
    assert data["auths"]["r.example"] == {"auth": base64.b64encode(b"u:p:w").decode()}
    assert (tmp_path / "config.json").stat().st_mode & 0o777 == 0o600
    assert cfg.get("r.example") == Credentials("u", "p:w")
    # keys written by other tools with a scheme or a path still match
    data["auths"]["https://other.example/v1/"] = {"identitytoken": "tok"}
    (tmp_path / "config.json").write_text(json.dumps(data))
    assert cfg.get("other.example") == Credentials("", "", "tok")
    assert cfg.erase("other.example")
    assert not cfg.erase("other.example")
    assert cfg.get("r.example") == Credentials("u", "p:w")


def test_docker_config_helpers_are_chosen_per_registry(tmp_path: Path) -> None:
    (tmp_path / "config.json").write_text(json.dumps(
        {"credsStore": "desktop", "credHelpers": {"gcr.example": "dytest-absent"}}))
    cfg = DockerConfig(tmp_path)
    assert cfg.helper_for("gcr.example") == "dytest-absent"
    assert cfg.helper_for("r.example") == "desktop"
    with pytest.raises(RegistryError, match="docker-credential-dytest-absent is not installed"):
        cfg.get("gcr.example")


def test_broken_docker_config_is_a_clear_error(tmp_path: Path) -> None:
    (tmp_path / "config.json").write_text("{not json")
    with pytest.raises(RegistryError, match="cannot read"):
        DockerConfig(tmp_path).get("r.example")


def _fake_registry(handler: Callable[[httpx.Request], httpx.Response]) -> RegistryClient:
    """A client of ``localhost:5000`` whose requests ``handler`` answers."""
    client = RegistryClient("localhost:5000", Settings(insecure_registries=()),
                            creds=Credentials("", ""), attempts=1, backoff=0)
    client.http.close()
    client.http = httpx.Client(transport=httpx.MockTransport(handler))
    client.auth = Authenticator(client.http, None, client.domain)
    client._base = "http://localhost:5000"
    return client


@pytest.mark.parametrize("mount_from", [(), ("other",)])
@pytest.mark.parametrize("location", ["::not a url::", "http://[::1"])
def test_invalid_upload_location_is_a_registry_error(location: str,
                                                     mount_from: tuple[str, ...]) -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(202, headers={"Location": location})

    blob = b"layer"
    desc = Descriptor("application/octet-stream", sha256_digest(blob), len(blob))
    with _fake_registry(handler) as client, pytest.raises(RegistryError) as info:
        client.upload_blob("app", desc, lambda: io.BytesIO(blob), mount_from=mount_from)
    assert "the registry gave an invalid upload location" in str(info.value)
    assert repr(location) in str(info.value)


def test_invalid_token_realm_is_a_registry_error() -> None:
    def challenge(request: httpx.Request) -> httpx.Response:
        return httpx.Response(401, headers={"WWW-Authenticate": 'Bearer realm="http://[::1"'})

    with _fake_registry(challenge) as client, pytest.raises(RegistryError,
                                                            match="cannot get a token from"):
        client.get_manifest("app", "1")
