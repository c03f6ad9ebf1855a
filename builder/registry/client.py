"""An OCI distribution client for one registry, on httpx.

It pings ``/v2/`` to pick the scheme (HTTPS; plain HTTP only for insecure registries:
127.0.0.0/8, ``localhost`` and those named in the settings, as Docker allows), answers
401 challenges through :class:`~builder.registry.auth.Authenticator`, retries with backoff
on 5xx, 429 and dropped connections, and follows redirects itself so credentials are never
sent to another host.
"""

from __future__ import annotations

import contextlib
import ipaddress
import socket
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import Any, BinaryIO

import httpx

from builder.descriptor import (
    MEDIA_DOCKER_LIST,
    MEDIA_DOCKER_MANIFEST,
    MEDIA_OCI_INDEX,
    MEDIA_OCI_MANIFEST,
    Descriptor,
    sha256_digest,
)
from builder.errors import RegistryError
from builder.registry.auth import Authenticator
from builder.registry.credentials import Credentials, DockerConfig, server_key
from builder.settings import Settings

ACCEPT = ", ".join((MEDIA_OCI_MANIFEST, MEDIA_OCI_INDEX, MEDIA_DOCKER_MANIFEST,
                    MEDIA_DOCKER_LIST))
DOCKER_HUB_HOST = "registry-1.docker.io"
MAX_MANIFEST = 8 << 20
CHUNK = 1 << 20
_RETRY_STATUS = frozenset({408, 429, 500, 502, 503, 504})
_REDIRECTS = frozenset({301, 302, 303, 307, 308})

Content = bytes | Callable[[], Iterable[bytes]] | None


def registry_host(domain: str) -> str:
    """The host serving ``domain``'s images (Docker Hub's differs from its name)."""
    return DOCKER_HUB_HOST if domain in ("docker.io", "index.docker.io") else domain


def is_insecure(host: str, insecure: Sequence[str] = ()) -> bool:
    """Whether ``host[:port]`` may be reached over plain HTTP."""
    if host in insecure:
        return True
    name = host.rsplit(":", 1)[0] if not host.endswith("]") else host
    name = name.strip("[]")
    if name == "localhost" or name in insecure:
        return True
    try:
        ip = ipaddress.ip_address(name)
    except ValueError:
        return False
    if ip.is_loopback:
        return True
    for entry in insecure:
        try:
            if ip in ipaddress.ip_network(entry, strict=False):
                return True
        except ValueError:
            continue
    return False


def error_text(resp: httpx.Response) -> str:
    """The registry's error list as one line (``manifest unknown: …``), else the status."""
    try:
        doc: Any = resp.json()
    except (ValueError, httpx.ResponseNotRead):
        doc = None
    parts = []
    if isinstance(doc, dict) and isinstance(doc.get("errors"), list):
        for err in doc["errors"]:
            if isinstance(err, dict):
                code = str(err.get("code") or "").lower().replace("_", " ")
                message = str(err.get("message") or "")
                parts.append(f"{code}: {message}" if code and message else code or message)
    return "; ".join(p for p in parts if p) or f"HTTP {resp.status_code}"


class RegistryClient:
    """Requests to one registry (``domain`` as in references: ``docker.io``, ``host:5000``)."""

    def __init__(self, domain: str, settings: Settings, *,
                 creds: Credentials | None = None, attempts: int = 4,
                 backoff: float = 0.25, chunk_size: int = 32 << 20) -> None:
        self.domain = domain
        self.host = registry_host(domain)
        self.insecure = is_insecure(self.host, settings.insecure_registries)
        if creds is None:
            creds = DockerConfig(settings.docker_config).get(server_key(domain))
        self.http = httpx.Client(
            verify=not self.insecure, follow_redirects=False,
            timeout=httpx.Timeout(60.0, connect=20.0),
            limits=httpx.Limits(max_connections=16, max_keepalive_connections=16),
            headers={"User-Agent": "dockyard/0.1"},
        )  # fmt: skip
        self.auth = Authenticator(self.http, creds, domain)
        self.attempts = attempts
        self.backoff = backoff
        self.chunk_size = chunk_size
        self._base: str | None = None

    def close(self) -> None:
        self.http.close()

    def __enter__(self) -> RegistryClient:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()

    # -- plumbing -------------------------------------------------------------------------

    @property
    def base(self) -> str:
        """``https://host`` or, for an insecure registry that has no TLS, ``http://host``."""
        if self._base is None:
            self._base = self._pick_scheme()
        return self._base

    def _pick_scheme(self) -> str:
        secure = f"https://{self.host}"
        if not self.insecure:
            return secure
        try:
            self.http.get(secure + "/v2/", timeout=5.0).close()
            return secure
        except httpx.TransportError:
            return f"http://{self.host}"

    def ping(self) -> None:
        """``GET /v2/`` (answering its challenge); raises unless the registry accepts us."""
        resp = self.request("GET", "/v2/", ())
        self.check(resp, (200,), "ping")

    def request(self, method: str, url: str, scopes: Iterable[str], *,
                headers: dict[str, str] | None = None, content: Content = None,
                params: dict[str, str] | None = None, stream: bool = False,
                retry: bool = True) -> httpx.Response:
        """Send with auth, redirects and retries; returns any final response (see check)."""
        scopes = tuple(scopes)
        target = httpx.URL(url if "://" in url else self.base + url)
        if params:
            target = target.copy_merge_params(params)
        attempts = self.attempts if retry else 1
        for attempt in range(attempts):
            last = attempt + 1 == attempts
            try:
                resp = self._authed(method, target, scopes, headers or {}, content, stream)
            except httpx.TransportError as exc:
                if last or _unresolvable(exc):
                    if isinstance(exc, httpx.ConnectError):
                        raise RegistryError(f"{self.domain}: cannot reach {target.host}: "
                                            f"{exc}") from None
                    raise RegistryError(f"{self.domain}: {method} {target.path}: "
                                        f"{type(exc).__name__}: {exc}") from None
                self._sleep(attempt, None)
                continue
            if resp.status_code in _RETRY_STATUS and not last:
                retry_after = resp.headers.get("retry-after")
                resp.close()
                self._sleep(attempt, retry_after)
                continue
            return resp
        raise AssertionError("unreachable")

    def _sleep(self, attempt: int, retry_after: str | None) -> None:
        delay = self.backoff * (2 ** attempt)
        if retry_after and retry_after.isdigit():
            delay = min(float(retry_after), 30.0)
        time.sleep(delay)

    def _authed(self, method: str, url: httpx.URL, scopes: tuple[str, ...],
                headers: dict[str, str], content: Content, stream: bool) -> httpx.Response:
        auth = self.auth.header(scopes)
        resp = self._redirected(method, url, headers, auth, content, stream)
        if resp.status_code == 401:
            challenge = resp.headers.get("www-authenticate", "")
            resp.close()
            if challenge and self.auth.challenged(challenge, scopes, auth is not None):
                auth = self.auth.header(scopes)
                resp = self._redirected(method, url, headers, auth, content, stream)
        return resp

    def _redirected(self, method: str, url: httpx.URL, headers: dict[str, str],
                    auth: str | None, content: Content, stream: bool) -> httpx.Response:
        origin = (url.scheme, url.host, url.port)
        for _ in range(8):
            sent = dict(headers)
            if auth is not None and (url.scheme, url.host, url.port) == origin:
                sent["Authorization"] = auth
            body = content() if callable(content) else content
            request = self.http.build_request(method, url, headers=sent, content=body)
            resp = self.http.send(request, stream=stream)
            location = resp.headers.get("location")
            if resp.status_code not in _REDIRECTS or not location:
                return resp
            resp.close()
            url = resp.url.join(location)
            if resp.status_code == 303:
                method, content = "GET", None
        raise RegistryError(f"{self.domain}: too many redirects for {method} {url.path}")

    def check(self, resp: httpx.Response, ok: Iterable[int], what: str) -> None:
        """Raise a :class:`RegistryError` naming ``what`` unless the status is in ``ok``."""
        if resp.status_code in tuple(ok):
            return
        if not resp.is_closed:
            with contextlib.suppress(httpx.HTTPError):
                resp.read()
        text = error_text(resp)
        resp.close()
        if resp.status_code == 401:
            hint = "" if self.auth.creds is not None else "; run `dockyard login`"
            raise RegistryError(f"{what}: unauthorized: authentication required ({text}){hint}")
        if resp.status_code == 403:
            raise RegistryError(f"{what}: denied: requested access to the resource is denied "
                                f"({text})")
        raise RegistryError(f"{what}: {text}")

    # -- API ------------------------------------------------------------------------------

    def get_manifest(self, repo: str, reference: str) -> tuple[str, bytes, str | None]:
        """(Content-Type, exact bytes, ``Docker-Content-Digest``) of a manifest or index."""
        scope = pull_scope(repo)
        resp = self.request("GET", f"/v2/{repo}/manifests/{reference}", (scope,),
                            headers={"Accept": ACCEPT}, stream=True)
        try:
            self.check(resp, (200,), f"{self.domain}/{repo}:{reference}")
            length = resp.headers.get("content-length")
            if length and length.isdigit() and int(length) > MAX_MANIFEST:
                raise RegistryError(f"{self.domain}/{repo}: manifest of {length} bytes is "
                                    "too large")
            body = bytearray()
            for chunk in resp.iter_raw():
                body += chunk
                if len(body) > MAX_MANIFEST:
                    raise RegistryError(f"{self.domain}/{repo}: manifest is too large")
        except httpx.HTTPError as exc:
            raise RegistryError(f"{self.domain}/{repo}:{reference}: {exc}") from None
        finally:
            resp.close()
        media_type = resp.headers.get("content-type", "").split(";")[0].strip()
        return media_type, bytes(body), resp.headers.get("docker-content-digest")

    def open_blob(self, repo: str, digest: str) -> httpx.Response:
        """A streaming response of the blob (read it with ``iter_raw``; close it)."""
        resp = self.request("GET", f"/v2/{repo}/blobs/{digest}", (pull_scope(repo),),
                            stream=True)
        self.check(resp, (200,), f"{self.domain}/{repo}: blob {digest}")
        return resp

    def has_blob(self, repo: str, desc: Descriptor, scopes: Sequence[str] = ()) -> bool:
        """``HEAD`` the blob: whether the registry has it, with the right size."""
        resp = self.request("HEAD", f"/v2/{repo}/blobs/{desc.digest}",
                            scopes or (pull_scope(repo),))
        resp.close()
        if resp.status_code == 404:
            return False
        self.check(resp, (200,), f"{self.domain}/{repo}: blob {desc.digest}")
        length = resp.headers.get("content-length")
        return not (length and length.isdigit() and int(length) != desc.size)

    def upload_blob(self, repo: str, desc: Descriptor, opener: Callable[[], BinaryIO],
                    mount_from: Sequence[str] = (),
                    progress: Callable[[int], None] | None = None) -> str:
        """Upload a blob (cross-repository mount first when a source is known).

        Returns ``"mounted"`` or ``"pushed"``. The upload is chunked (``PATCH`` with
        ``Content-Range``), each request going to the newest ``Location``.
        """
        what = f"{self.domain}/{repo}: blob {desc.digest}"
        scope = push_scope(repo)
        location: str | None = None
        for source in mount_from:
            if source == repo:
                continue
            resp = self.request("POST", f"/v2/{repo}/blobs/uploads/",
                                (scope, pull_scope(source)),
                                params={"mount": desc.digest, "from": source},
                                headers={"Content-Length": "0"}, retry=False)
            resp.close()
            if resp.status_code == 201:
                return "mounted"
            if resp.status_code == 202 and resp.headers.get("location"):
                location = _location(resp, what)
                break
        if location is None:
            resp = self.request("POST", f"/v2/{repo}/blobs/uploads/", (scope,),
                                headers={"Content-Length": "0"})
            self.check(resp, (202,), what)
            location = _location(resp, what)
        offset = 0
        while offset < desc.size:
            n = min(self.chunk_size, desc.size - offset)
            start = offset

            def body(start: int = start, n: int = n) -> Iterator[bytes]:
                with opener() as f:
                    f.seek(start)
                    left = n
                    while left:
                        data = f.read(min(CHUNK, left))
                        if not data:
                            raise RegistryError(f"{what}: local blob is shorter than "
                                                f"{desc.size} bytes")
                        left -= len(data)
                        yield data
                        if progress is not None:
                            progress(len(data))

            resp = self.request("PATCH", location, (scope,), content=body, retry=False,
                                headers={"Content-Type": "application/octet-stream",
                                         "Content-Range": f"{start}-{start + n - 1}",
                                         "Content-Length": str(n)})
            self.check(resp, (202,), what)
            location = _location(resp, what)
            offset += n
        url = httpx.URL(location).copy_add_param("digest", desc.digest)
        resp = self.request("PUT", str(url), (scope,), retry=False,
                            headers={"Content-Type": "application/octet-stream",
                                     "Content-Length": "0"})
        self.check(resp, (201, 204), what)
        got = resp.headers.get("docker-content-digest")
        if got and got.startswith("sha256:") and got != desc.digest:
            raise RegistryError(f"{what}: the registry stored it as {got}")
        return "pushed"

    def put_manifest(self, repo: str, reference: str, media_type: str, data: bytes) -> str:
        """``PUT`` manifest bytes as they are; returns their digest (checked against the
        registry's answer)."""
        digest = sha256_digest(data)
        resp = self.request("PUT", f"/v2/{repo}/manifests/{reference}", (push_scope(repo),),
                            headers={"Content-Type": media_type}, content=data)
        self.check(resp, (201, 200, 202), f"{self.domain}/{repo}:{reference}")
        got = resp.headers.get("docker-content-digest")
        if got and got.startswith("sha256:") and got != digest:
            raise RegistryError(f"{self.domain}/{repo}:{reference}: the registry stored the "
                                f"manifest as {got}, expected {digest}")
        return digest


def _unresolvable(exc: BaseException) -> bool:
    """Whether a connection failed on a host name that does not resolve (not worth retrying)."""
    seen: BaseException | None = exc
    for _ in range(5):
        if seen is None:
            return False
        if isinstance(seen, socket.gaierror):
            return True
        seen = seen.__cause__ or seen.__context__
    return False


def pull_scope(repo: str) -> str:
    return f"repository:{repo}:pull"


def push_scope(repo: str) -> str:
    return f"repository:{repo}:pull,push"


def _location(resp: httpx.Response, what: str) -> str:
    location = resp.headers.get("location")
    if not location:
        raise RegistryError(f"{what}: the registry gave no upload Location")
    try:
        return str(resp.url.join(location))
    except httpx.InvalidURL as exc:
        raise RegistryError(f"{what}: the registry gave an invalid upload location "
                            f"{location[:200]!r}: {exc}") from None
