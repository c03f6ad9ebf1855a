"""Registry credentials in Docker's ``config.json`` format, and credential helpers.

``auths`` maps a server (``host[:port]``, or ``https://index.docker.io/v1/`` for Docker
Hub) to ``{"auth": base64("user:password")}`` or ``{"identitytoken": ...}``.
``credHelpers`` names a helper per server, ``credsStore`` one for all; a helper is the
program ``docker-credential-<name>`` taking ``get``/``store``/``erase`` with the server
URL or a JSON object on stdin, exactly as Docker calls it.
"""

from __future__ import annotations

import base64
import json
import subprocess
from pathlib import Path
from typing import Any, Final

from builder.errors import RegistryError
from builder.record import Record

DOCKER_HUB_KEY = "https://index.docker.io/v1/"
_HUB_HOSTS = ("docker.io", "index.docker.io", "registry-1.docker.io")
_TOKEN_USER = "<token>"


class Credentials(Record):
    """A user name and password, or an identity (OAuth2 refresh) token."""

    __slots__ = ("username", "password", "identity_token")
    username: Final[str]
    password: Final[str]
    identity_token: Final[str]

    def __init__(self, username: str = "", password: str = "", identity_token: str = "") -> None:
        self.username = username
        self.password = password
        self.identity_token = identity_token


def server_key(domain: str) -> str:
    """The ``auths`` key Docker uses for a registry domain."""
    return DOCKER_HUB_KEY if domain in _HUB_HOSTS else domain


def hostname_of(key: str) -> str:
    """Docker's ``ConvertToHostname``: strip a scheme and any path."""
    for prefix in ("http://", "https://"):
        key = key.removeprefix(prefix)
    return key.split("/", 1)[0]


class DockerConfig:
    """``config.json`` in ``directory`` (``~/.docker`` or ``$DOCKER_CONFIG``)."""

    def __init__(self, directory: Path) -> None:
        self.path = Path(directory) / "config.json"

    def load(self) -> dict[str, Any]:
        """The parsed file (empty when missing)."""
        try:
            data = json.loads(self.path.read_bytes())
        except FileNotFoundError:
            return {}
        except (OSError, ValueError) as exc:
            raise RegistryError(f"cannot read {self.path}: {exc}") from None
        if not isinstance(data, dict):
            raise RegistryError(f"cannot read {self.path}: not a JSON object")
        return data

    def _save(self, data: dict[str, Any]) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        from builder.blobs import atomic_file

        with atomic_file(self.path, mode=0o600) as f:
            f.write(json.dumps(data, indent="\t").encode() + b"\n")

    def helper_for(self, key: str, data: dict[str, Any] | None = None) -> str | None:
        """The credential helper for ``key``: ``credHelpers`` first, then ``credsStore``."""
        data = self.load() if data is None else data
        helpers = data.get("credHelpers")
        if isinstance(helpers, dict):
            name = helpers.get(hostname_of(key)) or helpers.get(key)
            if isinstance(name, str) and name:
                return name
        store = data.get("credsStore")
        return store if isinstance(store, str) and store else None

    def get(self, key: str) -> Credentials | None:
        """The credentials saved for ``key``, if any."""
        data = self.load()
        helper = self.helper_for(key, data)
        if helper is not None:
            return _helper_get(helper, key)
        auths = data.get("auths")
        if not isinstance(auths, dict):
            return None
        entry = auths.get(key)
        if entry is None:
            host = hostname_of(key)
            entry = next((v for k, v in auths.items() if hostname_of(k) == host), None)
        return _decode_entry(entry) if isinstance(entry, dict) else None

    def store(self, key: str, creds: Credentials) -> None:
        """Save ``creds`` for ``key`` (in the helper, when one is configured)."""
        data = self.load()
        auths = data.setdefault("auths", {})
        if not isinstance(auths, dict):
            raise RegistryError(f"cannot update {self.path}: auths is not an object")
        helper = self.helper_for(key, data)
        if helper is not None:
            user, secret = creds.username, creds.password
            if creds.identity_token:
                user, secret = _TOKEN_USER, creds.identity_token
            _helper_call(helper, "store", json.dumps(
                {"ServerURL": key, "Username": user, "Secret": secret}))
            auths[key] = {}
        elif creds.identity_token:
            auths[key] = {"identitytoken": creds.identity_token}
        else:
            token = base64.b64encode(f"{creds.username}:{creds.password}".encode()).decode()
            auths[key] = {"auth": token}
        self._save(data)

    def erase(self, key: str) -> bool:
        """Forget the credentials of ``key``; whether there were any."""
        data = self.load()
        auths = data.get("auths") if isinstance(data.get("auths"), dict) else {}
        assert isinstance(auths, dict)
        found = False
        helper = self.helper_for(key, data)
        if helper is not None:
            found = _helper_get(helper, key) is not None
            if found:
                _helper_call(helper, "erase", key)
        host = hostname_of(key)
        for k in [k for k in auths if k == key or hostname_of(k) == host]:
            del auths[k]
            found = True
        if found:
            self._save(data)
        return found


def _decode_entry(entry: dict[str, Any]) -> Credentials | None:
    token = entry.get("identitytoken")
    auth = entry.get("auth")
    user, password = "", ""
    if isinstance(auth, str) and auth:
        try:
            user, _, password = base64.b64decode(auth).decode().partition(":")
        except (ValueError, UnicodeDecodeError):
            raise RegistryError("invalid auth entry in the Docker config") from None
    elif isinstance(entry.get("username"), str):
        user, password = entry["username"], str(entry.get("password") or "")
    if isinstance(token, str) and token:
        return Credentials(user, "", token)
    return Credentials(user, password) if user else None


def _helper_call(helper: str, action: str, stdin: str) -> str:
    program = f"docker-credential-{helper}"
    try:
        proc = subprocess.run([program, action], input=stdin.encode(), capture_output=True,
                              timeout=60, check=False)
    except FileNotFoundError:
        raise RegistryError(f"credential helper {program} is not installed") from None
    except subprocess.TimeoutExpired:
        raise RegistryError(f"credential helper {program} timed out") from None
    out = proc.stdout.decode(errors="replace").strip()
    if proc.returncode != 0:
        raise RegistryError(f"credential helper {program} {action}: "
                            f"{out or proc.stderr.decode(errors='replace').strip()}")
    return out


def _helper_get(helper: str, key: str) -> Credentials | None:
    try:
        out = _helper_call(helper, "get", key)
    except RegistryError as err:
        if "credentials not found" in err.message.lower():
            return None
        raise
    try:
        doc = json.loads(out)
    except ValueError:
        raise RegistryError(f"credential helper docker-credential-{helper} answered "
                            "something that is not JSON") from None
    if not isinstance(doc, dict):
        return None
    user, secret = str(doc.get("Username") or ""), str(doc.get("Secret") or "")
    if user == _TOKEN_USER:
        return Credentials("", "", secret)
    return Credentials(user, secret) if user or secret else None
