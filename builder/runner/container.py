"""Containers on disk: ``<root>/containers/<id>/`` with ``config.json`` and ``state.json``.

``config.json`` is written once at creation (Docker's ``Config``/``HostConfig`` shape);
``state.json`` is replaced atomically by whoever changes the state, under the container's
lock. A state that says *running* is only believed while the supervisor it names is alive
(same pid, same start time, same boot): otherwise it is corrected to *exited* on read.
"""

from __future__ import annotations

import fcntl
import os
import time

from builder.errors import ContainerError
from builder.jsonio import dumps, loads
from builder.record import Record

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

LOG_NAME = "container-json.log"
_NAME_OK = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_.-"


def now() -> str:
    """Docker's timestamp form: RFC 3339 with nanoseconds, UTC."""
    ns = time.time_ns()
    stamp = time.strftime("%Y-%m-%dT%H:%M:%S", time.gmtime(ns // 1_000_000_000))
    return f"{stamp}.{ns % 1_000_000_000:09d}Z"


def parse_time(text: str) -> float:
    """Seconds since the epoch of a :func:`now` timestamp (0 for Docker's zero time)."""
    if not text or text.startswith("0001-"):
        return 0.0
    from builder.gotime import rfc3339_ns

    ns = rfc3339_ns(text)
    return ns / 1e9 if ns is not None else 0.0


ZERO_TIME = "0001-01-01T00:00:00Z"


def boot_id() -> str:
    """This boot's id: a state written before a reboot names another one."""
    try:
        with open("/proc/sys/kernel/random/boot_id", "rb") as f:
            return f.read().decode().strip()
    except OSError:
        return ""


def process_start(pid: int) -> int | None:
    """The start time (clock ticks since boot) of process ``pid``, None when it is gone."""
    try:
        with open(f"/proc/{pid}/stat", "rb") as f:
            raw = f.read()
    except OSError:
        return None
    fields = raw[raw.rfind(b")") + 2 :].split()
    if fields[0] == b"Z":
        return None
    return int(fields[19])


def supervisor_alive(state: dict[str, Any]) -> bool:
    """Whether the supervisor the state names is still the same running process."""
    pid = int(state.get("Supervisor") or 0)
    if pid <= 0 or state.get("BootId") != boot_id():
        return False
    return process_start(pid) == state.get("SupervisorStart")


class Container(Record):
    """One container: its directory, creation config and current state."""

    __slots__ = ("dir", "config", "state")
    _hashable = False
    dir: str
    config: dict[str, Any]
    state: dict[str, Any]

    def __init__(self, dir: str, config: dict[str, Any], state: dict[str, Any]) -> None:
        self.dir = dir
        self.config = config
        self.state = state

    @property
    def id(self) -> str:
        return str(self.config["Id"])

    @property
    def name(self) -> str:
        return str(self.config["Name"])

    @property
    def running(self) -> bool:
        return self.state.get("Status") == "running"

    def path(self, name: str) -> str:
        """The path of ``name`` in the container's directory."""
        return f"{self.dir}/{name}"

    @property
    def log_path(self) -> str:
        return self.path(LOG_NAME)

    def locked(self, missing_ok: bool = False) -> Flock:
        """``with``: hold the container's lock (state changes, start, removal).

        Gives True; when the container was removed meanwhile, False with ``missing_ok``,
        else a ContainerError.
        """
        return Flock(self.path("lock"), None if missing_ok else f"No such container: {self.name}")

    def reload(self) -> dict[str, Any]:
        """Re-read ``state.json`` (corrected if its supervisor died)."""
        self.state = _read_state(self.dir)
        if self.state.get("Status") in ("running", "starting") and not supervisor_alive(
                self.state):
            with self.locked(missing_ok=True) as held:
                if not held:  # removed meanwhile
                    self.state.update(Status="exited", Running=False, Pid=0)
                    return self.state
                self.state = _read_state(self.dir)
                if self.state.get("Status") in ("running", "starting") and not supervisor_alive(
                        self.state):
                    self.state.update(
                        Status="exited", Running=False, Pid=0, ExitCode=255,
                        Error="the container's supervisor is gone (killed, or the machine "
                              "restarted)",
                        FinishedAt=now(), Supervisor=0,
                    )
                    write_json(self.path("state.json"), self.state)
        return self.state

    def save_state(self, **changes: Any) -> None:
        """Merge ``changes`` into the state and write it atomically (caller holds the lock)."""
        self.state.update(changes)
        write_json(self.path("state.json"), self.state)


class Flock:
    """``with``: an exclusive ``flock`` on ``path`` (created when missing), held until the
    block ends. Entering gives True; when the directory is gone, False, or a ContainerError
    with the message ``missing`` when one is given."""

    __slots__ = ("path", "missing", "fd")

    def __init__(self, path: str, missing: str | None = None) -> None:
        self.path = path
        self.missing = missing
        self.fd = -1

    def __enter__(self) -> bool:
        try:
            fd = os.open(self.path, os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, 0o600)
        except FileNotFoundError:
            if self.missing is not None:
                raise ContainerError(self.missing) from None
            return False
        try:
            fcntl.flock(fd, fcntl.LOCK_EX)
        except BaseException:
            os.close(fd)
            raise
        self.fd = fd
        return True

    def __exit__(self, *exc_info: object) -> None:
        if self.fd >= 0:
            os.close(self.fd)
            self.fd = -1


def write_json(path: str, data: Any) -> None:
    """Write ``data`` as JSON to ``path`` atomically."""
    head, _, name = path.rpartition("/")
    tmp = f"{head}/.{name}.{os.getpid()}.tmp"
    with open(tmp, "w") as f:
        f.write(dumps(data))
    os.replace(tmp, path)


def read_json(path: str) -> Any:
    """The JSON value in file ``path``; raises OSError or ValueError."""
    with open(path, "rb") as f:
        return loads(f.read())


def _read_state(directory: str) -> dict[str, Any]:
    try:
        data = read_json(f"{directory}/state.json")
    except (OSError, ValueError):
        return {"Status": "created", "ExitCode": 0}
    return data if isinstance(data, dict) else {"Status": "created", "ExitCode": 0}


def initial_state() -> dict[str, Any]:
    """The state of a container that was never started."""
    return {"Status": "created", "Running": False, "Paused": False, "Restarting": False,
            "OOMKilled": False, "Dead": False, "Pid": 0, "ExitCode": 0, "Error": "",
            "StartedAt": ZERO_TIME, "FinishedAt": ZERO_TIME, "Supervisor": 0}


class Containers:
    """The containers under ``<root>/containers``."""

    def __init__(self, root: str | os.PathLike[str]) -> None:
        self.root = os.fspath(root)
        self.dir = f"{self.root}/containers"

    def load(self, directory: str) -> Container | None:
        """The container in ``directory`` (None if it is half-created or being removed)."""
        try:
            config = read_json(f"{directory}/config.json")
        except (OSError, ValueError):
            return None
        c = Container(directory, config, {})
        c.reload()
        return c

    def _dirs(self) -> list[str]:
        """The containers' directories (named by their 64-digit IDs)."""
        try:
            entries = list(os.scandir(self.dir))
        except (FileNotFoundError, NotADirectoryError):
            return []
        return [e.path for e in entries if len(e.name) == 64 and e.is_dir()]

    def all(self) -> list[Container]:
        """Every container, newest first."""
        found = []
        for directory in self._dirs():
            c = self.load(directory)
            if c is not None:
                found.append(c)
        found.sort(key=lambda c: str(c.config.get("Created", "")), reverse=True)
        return found

    def names(self) -> set[str]:
        """The names in use: only each container's config is read (not its state, as
        :meth:`all` does), so a run beside many stopped containers stays cheap."""
        taken = set()
        for directory in self._dirs():
            try:
                taken.add(str(read_json(f"{directory}/config.json").get("Name") or ""))
            except (OSError, ValueError, AttributeError):
                continue  # half-created or being removed: no name yet
        return taken

    def get(self, ref: str) -> Container:
        """A container by full ID, name, or unique ID prefix (as Docker looks them up)."""
        ref = ref.strip()
        if not ref:
            raise ContainerError("container name or ID is empty")
        if len(ref) == 64 and all(ch in "0123456789abcdef" for ch in ref):
            c = self.load(f"{self.dir}/{ref}")
            if c is not None:
                return c
        everything = self.all()
        for c in everything:
            if c.name == ref.lstrip("/"):
                return c
        matches = [c for c in everything if c.id.startswith(ref)]
        if len(matches) > 1:
            raise ContainerError(f"multiple containers found with provided prefix: {ref}")
        if not matches:
            raise ContainerError(f"No such container: {ref}")
        return matches[0]

    def names_locked(self) -> Flock:
        """``with``: hold the lock that makes name reservation atomic."""
        os.makedirs(self.dir, exist_ok=True)
        return Flock(f"{self.dir}/.names.lock", f"{self.dir} is gone")

    def create(self, config: dict[str, Any]) -> Container:
        """Give ``config`` an ID and a (checked or generated) name and write it to disk."""
        with self.names_locked():
            taken = self.names()
            name = str(config.get("Name") or "").lstrip("/")
            if name:
                check_name(name)
                if name in taken:
                    raise ContainerError(
                        f'Conflict. The container name "/{name}" is already in use')
            else:
                name = generate_name(taken)
            cid = os.urandom(32).hex()
            directory = f"{self.dir}/{cid}"
            os.mkdir(directory, 0o700)
            config = {**config, "Id": cid, "Name": name, "Created": now()}
            with open(f"{directory}/state.json", "w") as f:  # unread until config.json is
                f.write(dumps(initial_state()))
            write_json(f"{directory}/config.json", config)  # last: it makes the container
        return Container(directory, config, initial_state())


    def rename(self, ref: str, new: str) -> Container:
        """Rename the container ``ref`` names to ``new`` (running or not), as Docker does:
        under the names lock, so a concurrent create cannot take the name meanwhile."""
        new = new.lstrip("/")
        c = self.get(ref)
        with self.names_locked(), c.locked():
            config = read_json(c.path("config.json"))
            if config.get("Name") == new:
                raise ContainerError("Renaming a container with the same name as its "
                                     "current name")
            try:
                check_name(new)
            except ContainerError:
                raise ContainerError(
                    f"Error when allocating new name: Invalid container name (/{new}), only "
                    "[a-zA-Z0-9][a-zA-Z0-9_.-] are allowed") from None
            for directory in self._dirs():
                try:
                    other = read_json(f"{directory}/config.json")
                except (OSError, ValueError):
                    continue
                if isinstance(other, dict) and other.get("Name") == new:
                    raise ContainerError(
                        f'Error when allocating new name: Conflict. The container name "/{new}"'
                        f' is already in use by container "{other.get("Id")}". You have to '
                        "remove (or rename) that container to be able to reuse that name.")
            config["Name"] = new
            write_json(c.path("config.json"), config)
            c.config = config
        return c


def check_name(name: str) -> None:
    """Docker's container name rule: ``[a-zA-Z0-9][a-zA-Z0-9_.-]+``."""
    if len(name) < 2 or not name[0].isalnum() or not name.isascii() or any(
            ch not in _NAME_OK for ch in name) or len(name) > 128:
        raise ContainerError(
            f'Invalid container name ({name}), only [a-zA-Z0-9][a-zA-Z0-9_.-] are allowed')


_LEFT = ("admiring", "brave", "clever", "eager", "focused", "gentle", "happy", "jolly",
         "keen", "lucid", "modest", "nifty", "quirky", "serene", "tender", "vibrant", "wise",
         "zealous", "bold", "calm")
_RIGHT = ("babbage", "curie", "darwin", "euler", "fermi", "gauss", "hopper", "hypatia",
          "kepler", "lovelace", "meitner", "newton", "noether", "pascal", "ritchie", "shannon",
          "tesla", "turing", "wozniak", "yonath")


def generate_name(taken: set[str]) -> str:
    """A free ``adjective_scientist`` name (with a number when those run out)."""
    for _ in range(50):
        name = f"{_pick(_LEFT)}_{_pick(_RIGHT)}"
        if name not in taken:
            return name
    while True:
        name = f"{_pick(_LEFT)}_{_pick(_RIGHT)}{_random_below(1000)}"
        if name not in taken:
            return name


def _random_below(n: int) -> int:
    return int.from_bytes(os.urandom(8)) % n  # names need no more uniformity than this


def _pick(choices: tuple[str, ...]) -> str:
    return choices[_random_below(len(choices))]


def merge_env(env: list[str], items: list[str]) -> list[str]:
    """``env`` with each ``-e`` item applied as Docker does: ``K=V`` sets ``K`` (in its place
    when ``env`` has it, else at the end), a bare ``K`` takes the caller's value, or unsets
    ``K`` when the caller has none."""
    out = list(env)
    for item in items:
        key = item.split("=", 1)[0]
        if "=" not in item:
            value = os.environ.get(item)
            if value is None:
                out = [e for e in out if e.split("=", 1)[0] != key]
                continue
            item = f"{item}={value}"
        at = [i for i, e in enumerate(out) if e.split("=", 1)[0] == key]
        if at:
            out[at[0]] = item
            out = [e for i, e in enumerate(out) if i not in at[1:]]
        else:
            out.append(item)
    return out
