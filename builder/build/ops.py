"""What a filesystem step does inside its snapshot: RUN, COPY/ADD, WORKDIR.

Each op gets a prepared, writable rootfs and changes it; the caller diffs the snapshot into
a layer. Ops know nothing of cache keys or scheduling.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import shutil
import tempfile
from collections.abc import Callable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any

from builder.errors import BuildError, ExecutionError
from builder.graph import Step
from builder.record import Record
from builder.runtime.executor import Executor, MountSpec, ProcessSpec
from builder.scheduler import Cancel

TYPE_CHECKING = False
if TYPE_CHECKING:
    from builder.copy import Base, CopyResult

OnLine = Callable[[str, str], None]
TreeFor = Callable[[str], Path]
"""The rootfs (a read-only view) of a dependency: ``stage:<i>`` or ``image:<ref>``."""

TAIL_LINES = 12


class StepFailed(BuildError):
    """A RUN whose command failed; ``output_tail`` holds its last output lines."""

    def __init__(self, message: str, location: Any, output_tail: tuple[str, ...]) -> None:
        super().__init__(message, location)
        self.output_tail = output_tail


class OpContext(Record):
    """What every op of one build can use."""

    __slots__ = ("root", "executor", "context_snapshot", "secrets", "network", "tree_for",
                 "remote")
    _hashable = False
    root: Path
    executor: Executor
    context_snapshot: Any  # builder.context.ContextSnapshot
    secrets: Mapping[str, Path]
    network: str
    tree_for: TreeFor | None
    remote: Any  # builder.fetch.Downloads: the build's URL and git sources

    def __init__(self, root: Path, executor: Executor, context_snapshot: Any,
                 secrets: Mapping[str, Path] | None = None, network: str = "default",
                 tree_for: TreeFor | None = None, remote: Any = None) -> None:
        self.root = root
        self.executor = executor
        self.context_snapshot = context_snapshot
        self.secrets = {} if secrets is None else secrets
        self.network = network
        self.tree_for = tree_for
        self.remote = remote


def run_op(
    step: Step,
    rootfs: Path,
    ctx: OpContext,
    cancel: Cancel,
    on_line: OnLine,
) -> None:
    """Run a RUN step in ``rootfs``; raise :class:`BuildError` when it fails."""
    ins = step.instruction
    tail: list[str] = []

    def output(stream: str, data: bytes) -> None:
        text = data.decode("utf-8", "replace").rstrip("\n")
        tail.append(text)
        if len(tail) > TAIL_LINES:
            del tail[0]
        on_line(stream, text)

    network = ins.get("network") or "default"
    if network == "default":
        network = ctx.network if ctx.network in ("none", "host") else "host"
    env = [*step.env, *(f"{k}={v}" for k, v in step.proxy_env)]
    with _mounts(step, ctx, rootfs, env) as mounts:
        spec = ProcessSpec(
            args=tuple(ins["command"]),
            env=tuple(env),
            cwd=step.workdir or "/",
            user=step.user,
            hostname="buildkitsandbox",
            build_step=True,
            network="none" if network == "none" else "host",
            mounts=tuple(mounts),
        )
        cancel.check()
        try:
            with cancel.on_cancel(ctx.executor.cancel):
                status = ctx.executor.run(rootfs, spec, output)
        except ExecutionError as err:
            cancel.check()
            raise BuildError(err.message, step.location) from None  # the caller adds the step
    cancel.check()
    if status != 0:
        shown = " ".join(ins["command"])
        message = f'process "{shown}" did not complete successfully: exit code: {status}'
        raise StepFailed(message, step.location, tuple(tail))


@contextlib.contextmanager
def _mounts(step: Step, ctx: OpContext, rootfs: Path, env: list[str]) -> Iterator[list[MountSpec]]:
    """The extra mounts of a RUN: heredoc scripts and ``--mount`` specs."""
    specs: list[MountSpec] = []
    with contextlib.ExitStack() as stack:
        if not step.instruction.get("files") and not step.instruction.get("mounts"):
            yield specs  # a plain RUN: no scratch directory to make and remove
            return
        tmp = Path(stack.enter_context(tempfile.TemporaryDirectory(dir=ctx.root / "tmp")))
        for name, body in step.instruction.get("files", []):
            script = tmp / f"pipe-{len(specs)}"
            script.write_text(body)
            script.chmod(0o755)
            specs.append(MountSpec("bind", f"/dev/pipes/{name}", str(script), readonly=True))
        for m in step.instruction.get("mounts", []):
            spec = _mount(m, step, ctx, tmp, env, stack)
            if spec is not None:
                specs.append(spec)
        yield specs


def _mount(
    m: Mapping[str, Any],
    step: Step,
    ctx: OpContext,
    tmp: Path,
    env: list[str],
    stack: contextlib.ExitStack,
) -> MountSpec | None:
    kind = m.get("type", "bind")
    target = str(m.get("target") or "")
    if kind == "tmpfs":
        return MountSpec("tmpfs", target, size=int(m.get("size") or 0))
    if kind == "cache":
        from builder.cache_mounts import mount_dir, mount_key

        ident = str(m.get("id") or target)
        seed = _from_path(m, step, ctx) if m.get("from") else None
        path = mount_dir(ctx.root, mount_key(m))
        if not path.is_dir():
            if seed is not None and seed.is_dir():  # a new cache starts as a copy of from's
                work = Path(tempfile.mkdtemp(dir=path.parent.parent))
                shutil.copytree(seed, work / "seed", symlinks=True)
                os.replace(work / "seed", path)
                os.rmdir(work)
            else:
                path.mkdir(parents=True, exist_ok=True)
                os.chmod(path, int(m["mode"]) if m.get("mode") is not None else 0o755)
                os.chown(path, int(m.get("uid") or 0), int(m.get("gid") or 0))
        if m.get("sharing") == "locked":
            from builder.scheduler import KeyLocks

            stack.enter_context(KeyLocks(ctx.root / "locks").hold("cache-mount-" + ident))
        return MountSpec("bind", target, str(path), readonly=bool(m.get("readonly", False)))
    if kind == "secret":
        ident = str(m.get("id") or os.path.basename(target))
        src = ctx.secrets.get(ident)
        if src is None:
            if m.get("required"):
                raise BuildError(f"secret {ident} not found", step.location)
            return None
        try:
            data = Path(src).read_bytes()
        except OSError as err:
            raise BuildError(f"secret {ident}: cannot read {src}: {err.strerror}") from None
        if m.get("env"):
            env.append(f"{m['env']}={data.decode('utf-8', 'replace')}")
            if not m.get("target"):
                return None
        file = tmp / f"secret-{hashlib.sha256(ident.encode()).hexdigest()[:16]}"
        file.write_bytes(data)
        os.chown(file, int(m.get("uid") or 0), int(m.get("gid") or 0))
        os.chmod(file, int(m["mode"]) if m.get("mode") is not None else 0o400)
        return MountSpec("bind", target or f"/run/secrets/{ident}", str(file), readonly=True)
    if kind == "ssh":
        raise BuildError("RUN --mount=type=ssh is not supported", step.location)
    # bind: from the context, or from a stage or image
    source = str(m.get("source") or ".")
    host = _from_path(m, step, ctx) if m.get("from") else _context_path(ctx, source, step)
    readonly = bool(m.get("readonly", True))
    if not readonly:  # writes to a read-write bind are thrown away, as in BuildKit
        scratch = tmp / f"rw-{hashlib.sha256(str(host).encode()).hexdigest()[:12]}"
        if host.is_dir():
            shutil.copytree(host, scratch, symlinks=True)
        else:
            shutil.copy2(host, scratch, follow_symlinks=False)
        host = scratch
    return MountSpec("bind", target, str(host), readonly=readonly)


def _from_path(m: Mapping[str, Any], step: Step, ctx: OpContext) -> Path:
    """The host path of a mount's ``source`` in its ``from`` stage or image."""
    from builder.runtime.users import path_in_root

    deps = [e for e in step.deps if e.kind == "mount"]
    mounts = [x for x in step.instruction.get("mounts", []) if x.get("from")]
    dep = next((e for x, e in zip(mounts, deps, strict=False) if x is m), None)
    if ctx.tree_for is None or dep is None:
        raise BuildError(f"cannot mount from {m['from']}", step.location)
    name = f"stage:{dep.source_stage}" if dep.source_stage is not None else f"image:{dep.image}"
    return path_in_root(ctx.tree_for(name), str(m.get("source") or "."))


def _context_path(ctx: OpContext, source: str, step: Step) -> Path:
    snap = ctx.context_snapshot
    if snap is None:
        raise BuildError("RUN --mount=type=bind needs a build context", step.location)
    rel = snap.resolve(source)
    if snap.get(rel) is None:
        raise BuildError(f'"{source}" not found in the build context', step.location)
    return Path(snap.root) / rel if rel != "." else Path(snap.root)


def copy_op(
    step: Step, rootfs: Path, ctx: OpContext, users_root: Path | None = None,
    pool: Path | None = None, base: Base | None = None,
) -> CopyResult:
    """Run a COPY/ADD step, writing into ``rootfs``; ``--chown`` names resolve in
    ``users_root`` (default ``rootfs``); context files link from ``pool``, and what
    ``base`` holds is left to it (see :func:`builder.copy.copy_into`). Returns what it
    wrote (the contents of the files it linked from the pool, what it left to the base)."""
    from builder.copy import CopyRequest, copy_into
    from builder.sourcetree import DirectoryTree

    request = CopyRequest.from_step(step)
    dep = next((e for e in step.deps if e.kind == "copy"), None)
    try:
        if dep is None:
            return copy_into(request, ctx.context_snapshot, rootfs, users_root=users_root,
                             pool=pool, remote=ctx.remote, base=base)
        if ctx.tree_for is None:
            raise BuildError("COPY --from needs the source stage", step.location)
        name = f"stage:{dep.source_stage}" if dep.source_stage is not None else f"image:{dep.image}"
        with DirectoryTree(ctx.tree_for(name)) as tree:
            return copy_into(request, tree, rootfs, users_root=users_root,
                             remote=ctx.remote)
    except BuildError as err:
        if err.location is None:
            raise BuildError(err.message, step.location) from None
        raise


def workdir_op(step: Step, rootfs: Path) -> None:
    """Create the WORKDIR (owned by the stage's USER) when it does not exist yet."""
    from builder.runtime.users import path_in_root, resolve_user

    path = str(step.instruction["path"])
    target = path_in_root(rootfs, path)
    if target.exists():
        return
    user = resolve_user(rootfs, step.user) if step.user else None
    missing: list[Path] = []
    p = target
    while not p.exists() and p != rootfs:
        missing.append(p)
        p = p.parent
    for d in reversed(missing):
        d.mkdir(mode=0o755)
        if user is not None:
            os.chown(d, user.uid, user.gid)


def layer_steps(steps: Sequence[Step]) -> list[Step]:
    """The steps of a stage that change its filesystem."""
    return [s for s in steps if s.layer]
