"""Registry authentication: ``WWW-Authenticate`` challenges, Basic and Bearer tokens.

A registry answers 401 with a challenge. ``Basic`` means: resend with the user's
credentials. ``Bearer realm=…,service=…,scope=…`` means: get a token from the realm for the
scopes wanted (anonymously, with Basic credentials, or an OAuth2 refresh token), then
resend with it. Tokens are kept per scope set until shortly before they expire.
"""

from __future__ import annotations

import base64
import re
import threading
import time
from collections.abc import Iterable
from typing import Any, Final

import httpx

from builder.errors import RegistryError
from builder.record import Record
from builder.registry.credentials import Credentials

_PARAM = re.compile(r'\s*([A-Za-z0-9_.-]+)\s*=\s*(?:"((?:[^"\\]|\\.)*)"|([^\s,]*))\s*,?')
_DEFAULT_EXPIRY = 60
_MARGIN = 10


class Challenge(Record):
    """One parsed ``WWW-Authenticate`` challenge."""

    __slots__ = ("scheme", "params")
    scheme: Final[str]
    params: Final[dict[str, str]]

    def __init__(self, scheme: str, params: dict[str, str] | None = None) -> None:
        self.scheme = scheme
        self.params = {} if params is None else params


def parse_challenges(header: str) -> list[Challenge]:
    """Parse ``Bearer realm="…",service="…"`` (quoted values may hold commas)."""
    out: list[Challenge] = []
    rest = header.strip()
    while rest:
        m = re.match(r"([A-Za-z][A-Za-z0-9_-]*)\s*", rest)
        if m is None:
            break
        scheme = m.group(1).lower()
        rest = rest[m.end():]
        params: dict[str, str] = {}
        while True:
            p = _PARAM.match(rest)
            if p is None or (p.group(2) is None and not p.group(3) and "=" not in p.group(0)):
                break
            value = p.group(2) if p.group(2) is not None else p.group(3)
            params[p.group(1).lower()] = re.sub(r"\\(.)", r"\1", value)
            rest = rest[p.end():]
        out.append(Challenge(scheme, params))
        rest = rest.lstrip(", ")
    return out


def basic_header(creds: Credentials) -> str:
    token = base64.b64encode(f"{creds.username}:{creds.password}".encode()).decode()
    return "Basic " + token


class _Token(Record):
    __slots__ = ("value", "expires")
    _hashable = False
    value: str
    expires: float

    def __init__(self, value: str, expires: float) -> None:
        self.value = value
        self.expires = expires


class Authenticator:
    """The credentials and cached tokens for one registry; thread-safe."""

    def __init__(self, client: httpx.Client, creds: Credentials | None, registry: str) -> None:
        self.client = client
        self.creds = creds
        self.registry = registry
        self.scheme: str | None = None  # "basic" or "bearer" once a challenge was seen
        self.bearer: Challenge | None = None
        self._tokens: dict[frozenset[str], _Token] = {}
        self._lock = threading.Lock()

    def header(self, scopes: Iterable[str]) -> str | None:
        """The Authorization header for a request needing ``scopes`` (None: send none)."""
        if self.scheme == "basic" and self.creds is not None and self.creds.username:
            return basic_header(self.creds)
        if self.scheme == "bearer":
            key = frozenset(scopes)
            with self._lock:
                token = self._tokens.get(key)
                if token is None or token.expires < time.monotonic():
                    token = self._fetch(key)
                    self._tokens[key] = token
            return "Bearer " + token.value
        return None

    def challenged(self, header: str, scopes: Iterable[str], had_auth: bool) -> bool:
        """Take a 401's challenge; True if resending may now succeed."""
        challenges = parse_challenges(header)
        bearer = next((c for c in challenges if c.scheme == "bearer"), None)
        if bearer is not None:
            if "realm" not in bearer.params:
                raise RegistryError(f"{self.registry}: Bearer challenge without a realm")
            with self._lock:
                self.scheme, self.bearer = "bearer", bearer
                if had_auth:  # the token was refused or expired early: get a new one
                    self._tokens.pop(frozenset(scopes), None)
            return True
        if any(c.scheme == "basic" for c in challenges):
            self.scheme = "basic"
            return not had_auth and self.creds is not None and bool(self.creds.username)
        return False

    def _fetch(self, scopes: frozenset[str]) -> _Token:
        assert self.bearer is not None
        params = self.bearer.params
        realm = params["realm"]
        query: list[tuple[str, str | int | float | bool | None]] = []
        if params.get("service"):
            query.append(("service", params["service"]))
        query.extend(("scope", s) for s in sorted(scopes))
        try:
            if self.creds is not None and self.creds.identity_token:
                form = {"grant_type": "refresh_token", "refresh_token": self.creds.identity_token,
                        "client_id": "dockyard", "service": params.get("service", ""),
                        "scope": " ".join(sorted(scopes))}
                resp = self.client.post(realm, data=form)
            else:
                headers = {}
                if self.creds is not None and self.creds.username:
                    headers["Authorization"] = basic_header(self.creds)
                resp = self.client.get(realm, params=query, headers=headers)
        except (httpx.HTTPError, httpx.InvalidURL) as exc:  # InvalidURL: a bad realm
            raise RegistryError(f"{self.registry}: cannot get a token from {realm[:200]!r}: "
                                f"{exc}") from None
        if resp.status_code in (401, 403):
            what = "credentials" if self.creds is not None else "anonymous access"
            raise RegistryError(f"{self.registry}: unauthorized: the token server refused "
                                f"{what} (HTTP {resp.status_code}); run `dockyard login`")
        if resp.status_code != 200:
            raise RegistryError(f"{self.registry}: token server {realm} answered "
                                f"HTTP {resp.status_code}")
        try:
            doc: Any = resp.json()
        except ValueError:
            raise RegistryError(f"{self.registry}: token server answered non-JSON") from None
        value = (doc.get("token") or doc.get("access_token")) if isinstance(doc, dict) else None
        if not isinstance(value, str) or not value:
            raise RegistryError(f"{self.registry}: token server answered no token")
        expires_in = doc.get("expires_in")
        if not isinstance(expires_in, int) or expires_in <= 0:
            expires_in = _DEFAULT_EXPIRY
        # refresh a little before the token expires
        return _Token(value, time.monotonic() + expires_in - min(_MARGIN, expires_in / 5))

    def check_login(self) -> None:
        """Prove the credentials: a token without any scope, as ``docker login`` asks."""
        if self.scheme == "bearer":
            self._fetch(frozenset())
