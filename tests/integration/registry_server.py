"""Test registries: Debian's ``docker-registry`` (distribution 2.8) on 127.0.0.1 with a free
port and a temp storage dir, optionally behind htpasswd basic auth or a Bearer token server
(written here: RS256 JWTs with an ``x5c`` chain the registry checks against a generated
certificate), and a fault-injecting proxy for bad replies.
"""

from __future__ import annotations

import base64
import datetime
import http.client
import json
import os
import secrets
import shutil
import signal
import socket
import subprocess
import threading
import time
import urllib.parse
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import httpx

USER, PASSWORD = "alice", "s3cret-pw"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def have_registry() -> bool:
    return shutil.which("docker-registry") is not None


@dataclass
class Registry:
    """A running ``docker-registry serve``."""

    host: str  # 127.0.0.1:PORT
    base: Path
    proc: subprocess.Popen[bytes]
    token_server: TokenServer | None = None

    @property
    def url(self) -> str:
        return f"http://{self.host}"

    def stop(self) -> None:
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        if self.token_server is not None:
            self.token_server.stop()


def start_registry(base: Path, *, auth: str | None = None) -> Registry:
    """``auth``: None (anonymous), ``"htpasswd"`` or ``"token"``."""
    base.mkdir(parents=True, exist_ok=True)
    (base / "data").mkdir(exist_ok=True)
    port = free_port()
    config: dict[str, Any] = {
        "version": 0.1,
        "log": {"level": "warn", "accesslog": {"disabled": True}},
        "storage": {"filesystem": {"rootdirectory": str(base / "data")},
                    "delete": {"enabled": True}},
        "http": {"addr": f"127.0.0.1:{port}", "secret": secrets.token_hex(16)},
    }
    token_server = None
    if auth == "htpasswd":
        import bcrypt

        hashed = bcrypt.hashpw(PASSWORD.encode(), bcrypt.gensalt(rounds=5)).decode()
        (base / "htpasswd").write_text(f"{USER}:{hashed}\n")
        config["auth"] = {"htpasswd": {"realm": "test-realm", "path": str(base / "htpasswd")}}
    elif auth == "token":
        token_server = TokenServer(base / "token")
        config["auth"] = {"token": {"realm": token_server.realm, "service": token_server.service,
                                    "issuer": token_server.issuer,
                                    "rootcertbundle": str(token_server.cert_path)}}
    (base / "config.yml").write_text(json.dumps(config))  # JSON is YAML
    log = open(base / "registry.log", "wb")  # noqa: SIM115 - kept by the process
    proc = subprocess.Popen(["docker-registry", "serve", str(base / "config.yml")],
                            stdout=log, stderr=subprocess.STDOUT)
    log.close()
    reg = Registry(f"127.0.0.1:{port}", base, proc, token_server)
    deadline = time.monotonic() + 20
    while True:
        try:
            r = httpx.get(f"{reg.url}/v2/", timeout=2)
            if r.status_code in (200, 401):
                return reg
        except httpx.HTTPError:
            pass
        if proc.poll() is not None or time.monotonic() > deadline:
            reg.stop()
            raise RuntimeError("registry did not start: " +
                               (base / "registry.log").read_text(errors="replace"))
        time.sleep(0.05)


# -- token server ---------------------------------------------------------------------------


def _b64url(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


class TokenServer:
    """A Bearer token realm: anonymous users may pull ``public/*``; USER may do anything."""

    def __init__(self, base: Path, expires_in: int = 300) -> None:
        from cryptography import x509
        from cryptography.hazmat.primitives import hashes, serialization
        from cryptography.hazmat.primitives.asymmetric import rsa
        from cryptography.x509.oid import NameOID

        base.mkdir(parents=True, exist_ok=True)
        self.key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
        name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "dockyard test token")])
        now = datetime.datetime.now(datetime.UTC)
        self.cert = (
            x509.CertificateBuilder().subject_name(name).issuer_name(name)
            .public_key(self.key.public_key()).serial_number(x509.random_serial_number())
            .not_valid_before(now - datetime.timedelta(days=1))
            .not_valid_after(now + datetime.timedelta(days=2))
            .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
            .sign(self.key, hashes.SHA256())
        )
        self.cert_path = base / "token.crt"
        self.cert_path.write_bytes(self.cert.public_bytes(serialization.Encoding.PEM))
        self.x5c = base64.b64encode(self.cert.public_bytes(serialization.Encoding.DER)).decode()
        self.service, self.issuer = "dockyard-test-registry", "dockyard-test-issuer"
        self.expires_in = expires_in
        self.requests: list[dict[str, Any]] = []
        server = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args: Any) -> None:
                pass

            def do_GET(self) -> None:
                url = urllib.parse.urlsplit(self.path)
                query = urllib.parse.parse_qs(url.query)
                user = server.check_basic(self.headers.get("Authorization"))
                server.requests.append({"user": user, "scope": query.get("scope", []),
                                        "auth": self.headers.get("Authorization")})
                if user == "":  # wrong credentials
                    self.send_response(401)
                    self.send_header("Content-Length", "0")
                    self.end_headers()
                    return
                body = json.dumps(server.issue(user, query.get("scope", []))).encode()
                self.send_response(200)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.realm = f"http://127.0.0.1:{self.httpd.server_port}/token"
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self.thread.start()

    def stop(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()

    @staticmethod
    def check_basic(header: str | None) -> str | None:
        """None: anonymous; "": bad credentials; else the user."""
        if not header:
            return None
        if not header.startswith("Basic "):
            return ""
        user, _, password = base64.b64decode(header[6:]).decode().partition(":")
        return user if (user, password) == (USER, PASSWORD) else ""

    def issue(self, user: str | None, scopes: list[str]) -> dict[str, Any]:
        from cryptography.hazmat.primitives import hashes
        from cryptography.hazmat.primitives.asymmetric import padding

        access = []
        for scope in " ".join(scopes).split():
            kind, _, rest = scope.partition(":")
            name, _, actions = rest.rpartition(":")
            wanted = [a for a in actions.split(",") if a]
            if user is None:
                granted = ["pull"] if name.startswith("public/") and "pull" in wanted else []
            else:
                granted = wanted
            if granted:
                access.append({"type": kind, "name": name, "actions": granted})
        now = int(time.time())
        claims = {"iss": self.issuer, "sub": user or "", "aud": self.service, "exp":
                  now + self.expires_in, "nbf": now - 10, "iat": now,
                  "jti": secrets.token_hex(8), "access": access}
        header = {"typ": "JWT", "alg": "RS256", "x5c": [self.x5c]}
        signing = (_b64url(json.dumps(header).encode()) + "." +
                   _b64url(json.dumps(claims).encode()))
        sig = self.key.sign(signing.encode(), padding.PKCS1v15(), hashes.SHA256())
        token = signing + "." + _b64url(sig)
        return {"token": token, "access_token": token, "expires_in": self.expires_in,
                "issued_at": datetime.datetime.now(datetime.UTC).isoformat()}


# -- fault-injecting proxy ------------------------------------------------------------------


@dataclass
class Fault:
    """Apply ``action`` to the next ``times`` requests whose method and path match."""

    method: str
    path_contains: str
    action: str  # "500", "corrupt", "truncate", "mediatype", "redirect"
    times: int = 1
    hits: int = 0


@dataclass
class FaultProxy:
    """An HTTP proxy in front of a registry that spoils chosen replies."""

    upstream: str  # host:port
    faults: list[Fault] = field(default_factory=list)
    seen_on_redirect: list[str | None] = field(default_factory=list)
    upstream_auth: str | None = None  # sent by the redirect target to fetch blobs
    requests: list[tuple[str, str]] = field(default_factory=list)  # (method, path) seen

    def start(self) -> FaultProxy:
        proxy = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args: Any) -> None:
                pass

            def _handle(self) -> None:
                proxy.handle(self)

            do_GET = do_HEAD = do_POST = do_PUT = do_PATCH = do_DELETE = _handle

        class Redirected(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args: Any) -> None:
                pass

            def do_GET(self) -> None:
                proxy.seen_on_redirect.append(self.headers.get("Authorization"))
                proxy.forward(self, self.path.removeprefix("/storage"), proxy.upstream_auth,
                              rehost=True)

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.storage = ThreadingHTTPServer(("127.0.0.1", 0), Redirected)
        for srv in (self.httpd, self.storage):
            threading.Thread(target=srv.serve_forever, daemon=True).start()
        return self

    @property
    def host(self) -> str:
        return f"127.0.0.1:{self.httpd.server_port}"

    def stop(self) -> None:
        for srv in (self.httpd, self.storage):
            srv.shutdown()
            srv.server_close()

    def _fault(self, method: str, path: str) -> Fault | None:
        for f in self.faults:
            if f.method == method and f.path_contains in path and f.hits < f.times:
                f.hits += 1
                return f
        return None

    def handle(self, h: BaseHTTPRequestHandler) -> None:
        self.requests.append((h.command, h.path))
        fault = self._fault(h.command, h.path)
        if fault is not None and fault.action == "500":
            _drain(h)
            body = b'{"errors":[{"code":"UNKNOWN","message":"injected failure"}]}'
            h.send_response(500)
            h.send_header("Content-Type", "application/json")
            h.send_header("Content-Length", str(len(body)))
            h.end_headers()
            h.wfile.write(body)
            return
        if fault is not None and fault.action == "redirect":
            _drain(h)
            h.send_response(307)
            h.send_header("Location",
                          f"http://127.0.0.1:{self.storage.server_port}/storage{h.path}")
            h.send_header("Content-Length", "0")
            h.end_headers()
            return
        self.forward(h, h.path, None, fault)

    def forward(self, h: BaseHTTPRequestHandler, path: str, auth: str | None,
                fault: Fault | None = None, rehost: bool = False) -> None:
        length = int(h.headers.get("Content-Length") or 0)
        body = h.rfile.read(length) if length else None
        headers = {k: v for k, v in h.headers.items() if k.lower() not in ("connection",)}
        if rehost:
            headers.pop("Authorization", None)
            headers["Host"] = self.upstream
        if auth is not None:
            headers["Authorization"] = auth
        conn = http.client.HTTPConnection(self.upstream, timeout=60)
        conn.request(h.command, path, body=body, headers=headers)
        resp = conn.getresponse()
        data = resp.read()
        conn.close()
        out_headers = [(k, v) for k, v in resp.getheaders()
                       if k.lower() not in ("content-length", "connection",
                                            "transfer-encoding")]
        action = fault.action if fault is not None else None
        if action == "corrupt" and data:
            data = bytes([data[0] ^ 0xFF]) + data[1:]
        if action == "mediatype":
            out_headers = [(k, v) for k, v in out_headers if k.lower() != "content-type"]
            out_headers.append(("Content-Type", "application/vnd.example.unknown+json"))
            data = data.replace(b"application/vnd.oci.image.manifest.v1+json",
                                b"application/vnd.example.unknown+json")
        h.send_response(resp.status)
        for k, v in out_headers:
            if action == "mediatype" and k.lower() == "docker-content-digest":
                continue
            h.send_header(k, v)
        h.send_header("Content-Length", str(len(data)))
        if action == "truncate":
            h.send_header("Connection", "close")
        h.end_headers()
        if h.command == "HEAD":
            return
        if action == "truncate":
            h.wfile.write(data[: len(data) // 2])
            h.wfile.flush()
            h.close_connection = True
            return
        h.wfile.write(data)


def _drain(h: BaseHTTPRequestHandler) -> None:
    length = int(h.headers.get("Content-Length") or 0)
    if length:
        h.rfile.read(length)


def write_credential_helper(directory: Path, name: str = "dytest") -> Path:
    """A ``docker-credential-<name>`` keeping credentials in a JSON file beside it."""
    directory.mkdir(parents=True, exist_ok=True)
    store = directory / "helper-store.json"
    script = directory / f"docker-credential-{name}"
    python = os.path.realpath(shutil.which("python3") or "/usr/bin/python3")
    script.write_text(f"""#!{python}
import json, sys
path = {str(store)!r}
try:
    data = json.load(open(path))
except FileNotFoundError:
    data = {{}}
action = sys.argv[1]
raw = sys.stdin.read()
log = open(path + ".log", "a"); log.write(action + "\\n"); log.close()
if action == "get":
    server = raw.strip()
    if server not in data:
        print("credentials not found in native keychain"); sys.exit(1)
    print(json.dumps({{"ServerURL": server, **data[server]}}))
elif action == "store":
    doc = json.loads(raw)
    data[doc["ServerURL"]] = {{"Username": doc["Username"], "Secret": doc["Secret"]}}
    json.dump(data, open(path, "w"))
elif action == "erase":
    data.pop(raw.strip(), None)
    json.dump(data, open(path, "w"))
""")
    script.chmod(0o755)
    return script

