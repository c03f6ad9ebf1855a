"""The runc backend: the same runs as the native executor, through ``runc run``."""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import subprocess
import tempfile
import threading
import time
import uuid
from pathlib import Path

from builder.errors import ExecutionError
from builder.runtime import defaults, stubs
from builder.runtime.defaults import container_env
from builder.runtime.executor import OutputCallback, ProcessSpec
from builder.runtime.native import require_root
from builder.runtime.pump import pump
from builder.runtime.spec import oci_config
from builder.runtime.users import resolve_user

_TIMEOUT = 30


class RuncExecutor:
    """Runs processes with ``runc run`` and a generated bundle; see :class:`Executor`.

    ``state_dir`` holds runc's state (``runc --root``) and the per-run bundles; a temporary
    directory (removed by :meth:`close`) is used when it is None.
    """

    def __init__(self, state_dir: Path | None = None, runc: str = "runc") -> None:
        found = shutil.which(runc)
        if found is None:
            raise ExecutionError(f"{runc} not found: install runc or use the native executor")
        self.runc = found
        self._own_dir = state_dir is None
        self.state_dir = Path(tempfile.mkdtemp(prefix="dockyard-runc-")) if state_dir is None \
            else Path(state_dir)
        self.root = self.state_dir / "runc"
        self._lock = threading.Lock()
        self._ids: set[str] = set()  # runs in progress
        self._cancelled: set[str] = set()  # runs cancel() kills, until they end

    def __enter__(self) -> RuncExecutor:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        """Kill runs in progress and remove a temporary state dir."""
        self.cancel()
        if self._own_dir:
            shutil.rmtree(self.state_dir, ignore_errors=True)

    def _runc(self, *args: str) -> subprocess.CompletedProcess[bytes]:
        return subprocess.run([self.runc, "--root", str(self.root), *args],
                              stdin=subprocess.DEVNULL, capture_output=True, timeout=_TIMEOUT,
                              check=False)

    def run(self, rootfs: Path, spec: ProcessSpec, on_output: OutputCallback) -> int:
        """Run ``spec`` in ``rootfs``; see :class:`~builder.runtime.executor.Executor`."""
        require_root("the runc executor")
        if not spec.args:
            raise ExecutionError("no command given")
        if spec.tty:
            raise ExecutionError("running with a terminal (tty) is not supported yet")
        rootfs = Path(rootfs).resolve()
        user = resolve_user(rootfs, spec.user)
        points = dict.fromkeys(defaults.MOUNT_DIRS, True)
        for m in spec.mounts:
            points[m.target] = m.kind == "tmpfs" or os.path.isdir(m.source)
        files = stubs.prepare(rootfs, spec, self.state_dir, points, bundle=True)
        assert files.bundle is not None
        container = f"dockyard-{uuid.uuid4().hex[:16]}"
        log = files.bundle / "runc.log"
        try:
            config = oci_config(rootfs, spec, user, container_env(spec, user.home), files.etc)
            (files.bundle / "config.json").write_text(json.dumps(config))
            with self._lock:
                self._ids.add(container)
            proc = subprocess.Popen(
                [self.runc, "--root", str(self.root), "--log", str(log), "--log-format", "json",
                 "run", "--bundle", str(files.bundle), container],
                stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                start_new_session=True,
            )
            assert proc.stdout is not None and proc.stderr is not None
            try:
                pump(proc.stdout.fileno(), proc.stderr.fileno(), on_output)
                code = proc.wait()
            except BaseException:
                self._runc("delete", "--force", container)
                proc.kill()
                proc.wait()
                raise
            finally:
                proc.stdout.close()
                proc.stderr.close()
            cancelled = container not in self._ids
        finally:
            with self._lock:
                self._ids.discard(container)
                self._cancelled.discard(container)
            if (self.root / container).exists():  # runc run removes it when all went well
                with contextlib.suppress(subprocess.SubprocessError, OSError):
                    self._runc("delete", "--force", container)
            error = _log_error(log)
            files.cleanup()
        if cancelled:
            raise ExecutionError("the process was cancelled")
        if error is not None:
            raise ExecutionError(error)
        return code if code >= 0 else 128 - code

    def cancel(self) -> None:
        """Kill every run in progress, also one runc is still creating; their ``run``
        raises ExecutionError."""
        with self._lock:
            ids = list(self._ids)
            self._ids.clear()
            self._cancelled.update(ids)
        for container in ids:
            # `runc kill` fails until `runc run` has made the container: try again while
            # that run goes on (it leaves _cancelled when it ends)
            deadline = time.monotonic() + _TIMEOUT
            while True:
                try:
                    if self._runc("kill", container, "KILL").returncode == 0:
                        break
                except (subprocess.SubprocessError, OSError):
                    pass
                with self._lock:
                    if container not in self._cancelled:
                        break
                if time.monotonic() > deadline:
                    break
                time.sleep(0.02)


def _log_error(log: Path) -> str | None:
    """runc's own error (not the process's), from its JSON log."""
    try:
        lines = log.read_text(errors="replace").splitlines()
    except OSError:
        return None
    for line in reversed(lines):
        try:
            entry = json.loads(line)
        except ValueError:
            continue
        if isinstance(entry, dict) and entry.get("level") in ("error", "fatal"):
            return f"runc: {entry.get('msg', 'failed')}"
    return None
