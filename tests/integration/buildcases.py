"""The build-fixture harness: load ``fixtures/builds/<case>/``, build, flatten, check.

A case is a folder with a ``Dockerfile``, an optional ``context/`` (and ``make_context.sh``)
and a ``case.json`` (the format is documented in ``fixtures/builds/README.md``). Images are
read back as archives (``dockyard save`` / ``docker save``) and flattened here, independently
of the engine's own layer code: layers are applied in order with their whiteouts and opaque
markers into an in-memory listing of the final root filesystem.
"""

from __future__ import annotations

import gzip
import hashlib
import io
import json
import os
import re
import shutil
import subprocess
import sys
import tarfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[2]
CASES_DIR = REPO / "fixtures" / "builds"
BUSYBOX = Path("/bin/busybox")
TESTBASE = "testbase"
TESTBASE_DOCKERFILE = """\
FROM scratch
COPY busybox /bin/busybox
RUN ["/bin/busybox","--install","-s","/bin"]
ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin
"""

CASE_NAME = re.compile(r"^[a-z0-9][a-z0-9._-]*$")
CASE_KEYS = {
    "description", "build_args", "target", "secrets", "extra_args", "expect", "error",
    "docker", "docker_ignore", "docker_note", "buildkit", "dockerfile", "prebuild",
}
EXPECT_KEYS = {"config", "image", "files", "absent", "not_in_layers", "history_count"}
FILE_KEYS = {"type", "mode", "uid", "gid", "content", "sha256", "target", "size"}

# The config fields the parity test compares.
PARITY_FIELDS = ("Env", "Cmd", "Entrypoint", "WorkingDir", "User", "Labels", "ExposedPorts",
                 "Volumes", "StopSignal", "Healthcheck", "Shell", "OnBuild")
PARITY_IMAGE_FIELDS = ("author", "os", "architecture")  # top-level fields of the config

# Differences between Docker's image and ours that are not the image's content, each with
# its reason. The file listings of both images are read from ``docker save`` archives, so
# the container-only paths of a ``docker export`` (/.dockerenv, /etc/hosts, /proc ...) never
# appear; nothing else is ignored for every case.
IGNORED_PATHS: dict[str, str] = {}

# The BuildKit Docker 20.10's daemon has (0.8) leaves the empty directories its executor
# made as mount points in a RUN step's layer; later BuildKit removes them, as we do. An
# empty directory found only in BuildKit's image is left out of the comparison when it is
# one of these or a ``RUN --mount`` target (or a parent of one) of the case (a secret's
# default target, ``/run/secrets/ID``, too).
BUILDKIT_STUBS = ("/dev", "/proc", "/sys", "/etc")
_MOUNT = re.compile(r"--mount=(\S+)")


# -- cases ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Case:
    """One fixture folder and its ``case.json``."""

    name: str
    dir: Path
    spec: dict[str, Any]

    @property
    def dockerfile(self) -> Path:
        return self.dir / str(self.spec.get("dockerfile", "Dockerfile"))

    @property
    def tag(self) -> str:
        return f"dyc-{self.name}"

    @property
    def docker(self) -> bool:
        """Whether Docker's classic builder builds it (a string says why not)."""
        return self.spec.get("docker") is True

    @property
    def buildkit(self) -> bool:
        """Whether the BuildKit of Docker's daemon builds it as we do (a string says why
        not)."""
        return self.spec.get("buildkit") is True

    @property
    def expect(self) -> dict[str, Any] | None:
        return self.spec.get("expect")

    @property
    def error(self) -> dict[str, Any] | None:
        return self.spec.get("error")

    def build_flags(self) -> list[str]:
        """The flags both builders understand: build args and target."""
        flags: list[str] = []
        for key, value in (self.spec.get("build_args") or {}).items():
            flags += ["--build-arg", f"{key}={value}"]
        if self.spec.get("target"):
            flags += ["--target", str(self.spec["target"])]
        return flags


def load_cases(where: Path = CASES_DIR) -> list[Case]:
    """Every case under ``where``, sorted by name; a malformed case.json raises."""
    cases = []
    for d in sorted(p for p in where.iterdir() if p.is_dir()) if where.is_dir() else []:
        spec_path = d / "case.json"
        if not spec_path.exists():
            continue
        spec = json.loads(spec_path.read_text())
        validate(d.name, spec)
        cases.append(Case(d.name, d, spec))
    return cases


def validate(name: str, spec: dict[str, Any]) -> None:
    """Reject a case.json that does not follow the format (a typo must not pass silently)."""
    problems = []
    if not CASE_NAME.match(name):
        problems.append("folder name must be lowercase [a-z0-9._-]")
    if unknown := set(spec) - CASE_KEYS:
        problems.append(f"unknown keys {sorted(unknown)}")
    if not spec.get("description"):
        problems.append("no description")
    if ("expect" in spec) == ("error" in spec):
        problems.append("exactly one of expect and error")
    for key in ("docker", "buildkit"):
        if key not in spec or not isinstance(spec[key], (bool, str)):
            problems.append(f'"{key}" must be true or a reason (string)')
        elif spec[key] is False:
            problems.append(f'"{key}": false needs a reason instead (a string)')
    expect = spec.get("expect") or {}
    if unknown := set(expect) - EXPECT_KEYS:
        problems.append(f"unknown expect keys {sorted(unknown)}")
    for path, want in (expect.get("files") or {}).items():
        if not path.startswith("/") or "type" not in want or set(want) - FILE_KEYS:
            problems.append(f"bad files entry {path!r}")
    error = spec.get("error")
    if error is not None and ("match" not in error or set(error) - {"line", "match"}):
        problems.append("error needs match (and optionally line)")
    for pre in spec.get("prebuild") or []:
        if set(pre) != {"dockerfile", "tag"}:
            problems.append("prebuild entries are {dockerfile, tag}")
    if problems:
        raise ValueError(f"fixtures/builds/{name}/case.json: {'; '.join(problems)}")


def make_context(case: Case, dest: Path) -> Path:
    """Fill ``dest`` with the case's context: a copy of ``context/``, then ``make_context.sh``."""
    src = case.dir / "context"
    if src.is_dir():
        shutil.copytree(src, dest, symlinks=True)
    else:
        dest.mkdir(parents=True)
    script = case.dir / "make_context.sh"
    if script.exists():
        subprocess.run(["sh", str(script), str(dest)], cwd=case.dir, check=True, timeout=300)
    return dest


# -- running dockyard -----------------------------------------------------------------------


def dockyard(root: Path, *args: str, input: bytes | None = None,
             check: bool = True, timeout: float = 600) -> subprocess.CompletedProcess[bytes]:
    """Run the dockyard CLI on ``root``."""
    result = subprocess.run(
        [sys.executable, "-m", "builder", "--root", str(root), *args],
        cwd=REPO, capture_output=True, input=input, timeout=timeout,
        env={**os.environ, "PYTHONPATH": str(REPO)},
    )
    if check and result.returncode != 0:
        raise AssertionError(
            f"dockyard {' '.join(args)} failed ({result.returncode}):\n"
            f"{result.stderr.decode(errors='replace')[-4000:]}"
        )
    return result


def testbase_context(dest: Path) -> Path:
    """The context that builds ``testbase`` (busybox and its Dockerfile)."""
    dest.mkdir(parents=True, exist_ok=True)
    shutil.copy2(BUSYBOX, dest / "busybox")
    (dest / "Dockerfile").write_text(TESTBASE_DOCKERFILE)
    return dest


def build_testbase(root: Path, work: Path) -> None:
    """Build ``testbase`` into the dockyard root."""
    dockyard(root, "build", "--progress", "plain", "-t", TESTBASE,
             str(testbase_context(work / "testbase")))


@dataclass
class Built:
    """What building a case with dockyard gave."""

    returncode: int
    stdout: str
    stderr: str
    context: Path

    @property
    def image_id(self) -> str:
        """The image ID the build printed (``Image: sha256:...``)."""
        found = re.findall(r"^Image: (sha256:[0-9a-f]{64})$", self.stderr + self.stdout, re.M)
        return found[-1] if found else ""

    @property
    def steps_run(self) -> int:
        """How many steps ran (not cached), from the summary line."""
        found = re.findall(r"^Steps: (\d+) run", self.stderr + self.stdout, re.M)
        return int(found[-1]) if found else -1

    @property
    def error_message(self) -> str:
        """The error: its first line (``FILE:LINE:COL: ...`` or ``error: ...``) and the lines
        after it (a failed RUN's output tail, the offending Dockerfile line)."""
        lines = [line for line in self.stderr.splitlines() if line.strip()]
        for i, line in enumerate(lines):
            if re.match(r"^(error: |\S+:\d+(:\d+)?: )", line):
                return "\n".join(lines[i:])
        return lines[-1] if lines else ""


def build_case(case: Case, root: Path, work: Path, context: Path | None = None) -> Built:
    """Build the case's prebuilds, then the case itself (tagged ``case.tag``) with dockyard
    (in ``context`` when given, else in a new one made from the case)."""
    context = context or make_context(case, work / f"ctx-{case.name}")
    for pre in case.spec.get("prebuild") or []:
        dockyard(root, "build", "--progress", "plain", "-t", pre["tag"],
                 "-f", str(case.dir / pre["dockerfile"]), str(context))
    args = ["build", "--progress", "plain", "-t", case.tag, "-f", str(case.dockerfile),
            *case.build_flags()]
    for ident, src in (case.spec.get("secrets") or {}).items():
        args += ["--secret", f"id={ident},src={case.dir / src}"]
    args += list(case.spec.get("extra_args") or [])
    result = dockyard(root, *args, str(context), check=False)
    return Built(result.returncode, result.stdout.decode(errors="replace"),
                 result.stderr.decode(errors="replace"), context)


# -- reading images -------------------------------------------------------------------------


@dataclass(frozen=True)
class Entry:
    """One path of a flattened root filesystem."""

    type: str  # file, dir, symlink, char, block, fifo
    mode: int
    uid: int
    gid: int
    size: int = 0
    sha256: str = ""
    link: str = ""  # a symlink's target; the path a hardlink links to
    content: bytes | None = field(default=None, compare=False, repr=False)

    def listing(self) -> tuple[str, int, int, int, int, str, str]:
        """What the parity test compares."""
        return (self.type, self.mode, self.uid, self.gid, self.size, self.sha256, self.link)


@dataclass
class FlatImage:
    """An image read from an archive: its config, its layers (uncompressed) and its rootfs."""

    config: dict[str, Any]
    layers: list[bytes]
    files: dict[str, Entry]

    @property
    def run_config(self) -> dict[str, Any]:
        return self.config.get("config") or {}


def _decompress(data: bytes) -> bytes:
    if data[:2] == b"\x1f\x8b":
        return gzip.decompress(data)
    if data[:4] == b"\x28\xb5\x2f\xfd":
        import zstandard

        return zstandard.ZstdDecompressor().stream_reader(  # every frame
            io.BytesIO(data), read_across_frames=True).read()
    return data


_KINDS = {tarfile.DIRTYPE: "dir", tarfile.SYMTYPE: "symlink", tarfile.CHRTYPE: "char",
          tarfile.BLKTYPE: "block", tarfile.FIFOTYPE: "fifo"}


def _norm(name: str) -> str:
    parts = [p for p in name.split("/") if p not in ("", ".")]
    return "/" + "/".join(parts)


def _drop(files: dict[str, Entry], path: str, keep_self: bool = False) -> None:
    prefix = path.rstrip("/") + "/"
    for p in [p for p in files if p.startswith(prefix) or (p == path and not keep_self)]:
        del files[p]


def apply_layer(files: dict[str, Entry], layer: bytes) -> None:
    """Apply one uncompressed layer tar to ``files``: whiteouts and opaque markers first
    (they act on the lower layers), then the layer's own entries."""
    with tarfile.open(fileobj=io.BytesIO(layer)) as tar:
        members = tar.getmembers()
        for m in members:
            path = _norm(m.name)
            base = os.path.basename(path)
            if base == ".wh..wh..opq":
                _drop(files, os.path.dirname(path), keep_self=True)
            elif base.startswith(".wh."):
                _drop(files, os.path.join(os.path.dirname(path), base[4:]))
        for m in members:
            path = _norm(m.name)
            if path == "/" or os.path.basename(path).startswith(".wh."):
                continue
            if m.islnk():
                src = files.get(_norm(m.linkname))
                if src is None:
                    raise AssertionError(f"hardlink {path} to missing {m.linkname}")
                # a hardlink lists the path it links to (its group's first, in the tar)
                entry = Entry("file", src.mode, src.uid, src.gid, src.size, src.sha256,
                              _norm(m.linkname), src.content)
            elif m.isfile():
                f = tar.extractfile(m)
                assert f is not None
                data = f.read()
                entry = Entry("file", m.mode & 0o7777, m.uid, m.gid, len(data),
                              hashlib.sha256(data).hexdigest(), "", data)
            else:
                kind = _KINDS.get(m.type)
                if kind is None:
                    raise AssertionError(f"unexpected tar member type {m.type!r} for {path}")
                entry = Entry(kind, m.mode & 0o7777, m.uid, m.gid,
                              link=m.linkname if m.issym() else "")
            old = files.get(path)
            if old is not None and old.type == "dir" and entry.type != "dir":
                _drop(files, path)
            files[path] = entry


def read_archive(data: bytes) -> FlatImage:
    """Read the first image of a docker-archive (``manifest.json``) and flatten it."""
    with tarfile.open(fileobj=io.BytesIO(data)) as outer:

        def member(name: str) -> bytes:
            f = outer.extractfile(name)
            assert f is not None, name
            return f.read()

        manifest = json.loads(member("manifest.json"))[0]
        config = json.loads(member(manifest["Config"]))
        layers = [_decompress(member(name)) for name in manifest["Layers"]]
    files: dict[str, Entry] = {}
    for layer in layers:
        apply_layer(files, layer)
    return FlatImage(config, layers, files)


def dockyard_image(root: Path, tag: str) -> tuple[FlatImage, bytes]:
    """Our image as ``dockyard save`` writes it, flattened; and the archive itself."""
    data = dockyard(root, "save", tag).stdout
    return read_archive(data), data


# -- checking expectations ------------------------------------------------------------------


def check_expect(case: Case, image: FlatImage) -> list[str]:
    """Every way ``image`` differs from the case's ``expect``; empty when it matches."""
    expect = case.expect or {}
    problems: list[str] = []
    cfg = image.run_config
    for key, want in (expect.get("config") or {}).items():
        got = cfg.get(key)
        if got != want:
            problems.append(f"config {key}: want {want!r}, got {got!r}")
    for key, want in (expect.get("image") or {}).items():
        if image.config.get(key) != want:
            problems.append(f"image {key}: want {want!r}, got {image.config.get(key)!r}")
    for path, want in (expect.get("files") or {}).items():
        got = image.files.get(path)
        if got is None:
            problems.append(f"{path}: missing")
            continue
        problems += [f"{path}: {p}" for p in _file_problems(want, got)]
    for path in expect.get("absent") or []:
        if path in image.files:
            problems.append(f"{path}: present, expected absent")
    for needle in expect.get("not_in_layers") or []:
        raw = needle.encode()
        for i, layer in enumerate(image.layers):
            if raw in layer:
                problems.append(f"{needle!r} found in layer {i}")
    if "history_count" in expect:
        got_n = len(image.config.get("history") or [])
        if got_n != expect["history_count"]:
            problems.append(f"history: want {expect['history_count']} entries, got {got_n}")
    return problems


def root_leaks(root: Path, needles: list[str]) -> list[str]:
    """Where in a dockyard root (blobs decompressed, unpacked layers, cache and stat
    databases; not the cache mounts' own directories) any of ``needles`` is stored."""
    found = []
    raw = [n.encode() for n in needles]
    skip = root / "cache" / "mounts"
    for dirpath, dirnames, filenames in os.walk(root):
        if Path(dirpath) == skip.parent:
            dirnames[:] = [d for d in dirnames if d != skip.name]
        for name in filenames:
            path = Path(dirpath) / name
            if path.is_symlink() or not path.is_file():
                continue
            data = path.read_bytes()
            try:
                plain = _decompress(data)
            except Exception:
                plain = data
            for needle, b in zip(needles, raw, strict=True):
                if b in data or b in plain:
                    found.append(f"{needle!r} stored in {path.relative_to(root)}")
    return found


def _file_problems(want: dict[str, Any], got: Entry) -> list[str]:
    out = []
    if want["type"] != got.type:
        return [f"type: want {want['type']}, got {got.type}"]
    if "mode" in want and int(str(want["mode"]), 8) != got.mode:
        out.append(f"mode: want {want['mode']}, got {got.mode:04o}")
    for key in ("uid", "gid", "size", "sha256"):
        if key in want and want[key] != getattr(got, key):
            out.append(f"{key}: want {want[key]!r}, got {getattr(got, key)!r}")
    if "content" in want and want["content"].encode() != got.content:
        out.append(f"content: want {want['content']!r}, got {got.content!r}")
    if "target" in want and want["target"] != got.link:
        out.append(f"target: want {want['target']!r}, got {got.link!r}")
    return out


def check_error(case: Case, built: Built) -> list[str]:
    """How a failed build differs from the case's ``error``; empty when it matches."""
    error = case.error or {}
    if built.returncode == 0:
        return ["the build succeeded; expected it to fail"]
    problems = []
    message = built.error_message
    line = message.split("\n")[0]
    if "Traceback" in built.stderr:
        problems.append("a traceback was printed")
    if not re.search(error["match"], message):
        problems.append(f"error {message!r} does not match {error['match']!r}")
    if "line" in error:
        where = rf"{re.escape(case.dockerfile.name)}:{error['line']}\b"
        if not re.search(where, line):
            problems.append(f"error {line!r} does not name {case.dockerfile.name}:"
                            f"{error['line']}")
    return problems


# -- parity with Docker ---------------------------------------------------------------------


def parity_problems(case: Case, ours: FlatImage, docker: FlatImage,
                    buildkit: bool = False) -> list[str]:
    """Config fields and file listings that differ between Docker's image (built by the
    classic builder, or by BuildKit) and ours."""
    problems = []
    for key in (*PARITY_FIELDS, *(("ArgsEscaped",) if buildkit else ())):  # set with CMD
        a, b = docker.run_config.get(key), ours.run_config.get(key)
        if key == "WorkingDir" and not buildkit:  # "/" for BuildKit's scratch, "" classic's
            a, b = a or "/", b or "/"
        if (a or None) != (b or None):  # Docker writes "User": "" where we leave it out
            problems.append(f"config {key}: docker {a!r}, dockyard {b!r}")
    for key in PARITY_IMAGE_FIELDS:
        a, b = docker.config.get(key), ours.config.get(key)
        if (a or None) != (b or None):
            problems.append(f"image {key}: docker {a!r}, dockyard {b!r}")
    ignored = set(IGNORED_PATHS) | set(case.spec.get("docker_ignore") or [])

    def listing(img: FlatImage) -> dict[str, tuple[str, int, int, int, int, str, str]]:
        return {p: e.listing() for p, e in img.files.items()
                if not any(p == i or p.startswith(i.rstrip("/") + "/") for i in ignored)}

    theirs, mine = listing(docker), listing(ours)
    stubs = _buildkit_stubs(case, docker) if buildkit else set()
    for path in sorted(set(theirs) | set(mine)):
        a, b = theirs.get(path), mine.get(path)
        if a != b and not (b is None and path in stubs):
            problems.append(f"{path}: docker {a}, dockyard {b}")
    return problems


def _buildkit_stubs(case: Case, image: FlatImage) -> set[str]:
    """The mount-point directories BuildKit 0.8 leaves in ``image`` (see
    :data:`BUILDKIT_STUBS`): directories with nothing below them but other such ones."""
    names = set(BUILDKIT_STUBS)
    for spec in _MOUNT.findall(case.dockerfile.read_text()):
        fields = dict(f.partition("=")[::2] for f in spec.split(","))
        target = fields.get("target") or fields.get("dst") or fields.get("destination")
        if not target and fields.get("type") == "secret":  # the default target
            target = f"/run/secrets/{fields.get('id', '')}"
        path = "/" + (target or "").strip("/")
        while path != "/":
            names.add(path)
            path = path.rpartition("/")[0] or "/"
    return {p for p in names if p in image.files and image.files[p].type == "dir"
            and all(q in names and image.files[q].type == "dir"
                    for q in image.files if q.startswith(p + "/"))}
