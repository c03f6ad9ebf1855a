"""The ``create``/``run`` flags (one table for click and the fast entry) and what they mean."""

from __future__ import annotations

from builder.cli.fastargs import Flag, parse
from builder.errors import ContainerError

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

    from builder.runner.create import CreateOptions

CREATE_FLAGS: tuple[Flag, ...] = (
    Flag(("--name",), "name", "str", "", "Assign a name to the container."),
    Flag(("-e", "--env"), "env", "multi", (), "Set environment variables."),
    Flag(("--env-file",), "env_file", "multi", (), "Read in a file of environment variables."),
    Flag(("-v", "--volume"), "volume", "multi", (), "Bind mount a volume."),
    Flag(("--tmpfs",), "tmpfs", "multi", (), "Mount a tmpfs directory."),
    Flag(("-w", "--workdir"), "workdir", "str", "", "Working directory inside the container."),
    Flag(("-u", "--user"), "user", "str", None,
         "Username or UID (format: <name|uid>[:<group|gid>])."),
    Flag(("--entrypoint",), "entrypoint", "str", None,
         "Overwrite the default ENTRYPOINT of the image."),
    Flag(("--network", "--net"), "network", "str", "none", "Network: none or host."),
    Flag(("-h", "--hostname"), "hostname", "str", "", "Container host name."),
    Flag(("-m", "--memory"), "memory", "str", "", "Memory limit."),
    Flag(("--pids-limit",), "pids_limit", "int", 0,
         "Tune container pids limit (-1 for unlimited)."),
    Flag(("--cpus",), "cpus", "float", 0.0, "Number of CPUs."),
    Flag(("-i", "--interactive"), "interactive", "flag", False, "Keep STDIN open."),
    Flag(("-t", "--tty"), "tty", "flag", False, "Allocate a pseudo-TTY."),
    Flag(("--init",), "init", "flag", False,
         "Run an init inside the container that forwards signals and reaps processes."),
    Flag(("--rm",), "auto_remove", "flag", False,
         "Automatically remove the container when it exits."),
    Flag(("--security-opt",), "security_opt", "multi", (),
         "Security options: no-new-privileges[:true|false], seccomp=unconfined."),
    Flag(("--read-only",), "read_only", "flag", False,
         "Mount the container's root filesystem as read only."),
    Flag(("-l", "--label"), "label", "multi", (), "Set meta data on a container."),
    Flag(("--label-file",), "label_file", "multi", (), "Read in a line delimited file of labels."),
    Flag(("--expose",), "expose", "multi", (), "Expose a port or a range of ports."),
    Flag(("--stop-signal",), "stop_signal", "str", "",
         "Signal to stop the container (default: the image's STOPSIGNAL, else SIGTERM)."),
    Flag(("--stop-timeout",), "stop_timeout", "int", None,
         "Seconds to wait for the container to stop before killing it (default 10)."),
)

RUN_FLAGS: tuple[Flag, ...] = (
    Flag(("-d", "--detach"), "detach", "flag", False, "Run in the background; print the ID."),
    *CREATE_FLAGS,
)


def parse_run(args: list[str]) -> dict[str, Any] | None:
    """``run``'s arguments (``FLAGS... IMAGE [COMMAND...]``) as click reads them, or None."""
    parsed = parse(args, RUN_FLAGS, interspersed=False)
    if parsed is None or not parsed[1]:
        return None  # no image: click says so
    kw, positional = parsed
    kw["image"], kw["command"] = positional[0], tuple(positional[1:])
    return kw


def parse_size(text: str) -> int:
    """Docker's RAMInBytes: ``512``, ``64k``, ``32m``, ``1.5g`` (binary units)."""
    import re

    match = re.fullmatch(r"(\d+(?:\.\d+)?)\s*([bkmgt]?)b?", text.strip(), re.IGNORECASE)
    if not match:
        raise ContainerError(f"invalid size: '{text}'")
    scale = {"": 1, "b": 1, "k": 1 << 10, "m": 1 << 20, "g": 1 << 30, "t": 1 << 40}
    return int(float(match.group(1)) * scale[match.group(2).lower()])




def env_file_lines(path: str) -> list[str]:
    """Docker's ``--env-file``: ``KEY=VALUE`` lines, ``#`` comments, bare ``KEY`` inherits.
    Lines end at ``\n`` (a ``\r`` before it dropped); the file is UTF-8 (a BOM skipped), of
    at most :data:`~builder.capped.MAX_SMALL_FILE` bytes."""
    from builder.capped import MAX_SMALL_FILE, read_capped

    try:
        data = read_capped(path)
    except OSError as exc:
        raise ContainerError(f"cannot read env file {path}: {exc.strerror}") from None
    if data is None:
        raise ContainerError(f"env file {path} is larger than {MAX_SMALL_FILE} bytes")
    out = []
    for number, raw in enumerate(data.removeprefix(b"\xef\xbb\xbf").split(b"\n"), 1):
        try:
            line = raw.removesuffix(b"\r").decode("utf-8").lstrip()
        except UnicodeDecodeError:
            raise ContainerError(f"env file {path} contains invalid utf8 bytes at line "
                                 f"{number}") from None
        if not line or line.startswith("#"):
            continue
        key = line.split("=", 1)[0]
        if not key or any(ch.isspace() for ch in key):
            raise ContainerError(f"invalid environment variable in {path}: {line}")
        out.append(line)
    return out


def build_options(kw: dict[str, Any]) -> CreateOptions:
    """``CreateOptions`` from the parsed flags."""
    from builder.runner.create import CreateOptions

    env: list[str] = []
    for path in kw["env_file"]:
        env += env_file_lines(path)
    for value in kw["env"]:
        if not value or value.startswith("="):  # as Docker's: no name
            raise ContainerError(f'invalid argument "{value}" for "-e, --env" flag: '
                                 f'invalid environment variable: {value}')
    env += list(kw["env"])
    if kw["pids_limit"] < -1:
        raise ContainerError("invalid --pids-limit: use -1 for unlimited or a positive number")
    from builder.runner.security import parse_security

    parse_security(kw["security_opt"])  # kept as given, as Docker keeps them
    if kw["cpus"] < 0:
        raise ContainerError("invalid --cpus: it must be positive")
    if kw["stop_signal"]:
        check_stop_signal(kw["stop_signal"])
    return CreateOptions(
        image=kw["image"], command=list(kw["command"]), name=kw["name"], env=env,
        volumes=list(kw["volume"]), tmpfs=list(kw["tmpfs"]), workdir=kw["workdir"],
        user=kw["user"], entrypoint=kw["entrypoint"], network=kw["network"],
        hostname=kw["hostname"], memory=parse_size(kw["memory"]) if kw["memory"] else 0,
        pids_limit=kw["pids_limit"], cpus=kw["cpus"], interactive=kw["interactive"],
        tty=kw["tty"], init=kw["init"], auto_remove=kw["auto_remove"],
        read_only=kw["read_only"], security_opt=list(kw["security_opt"]), labels=labels(kw),
        exposed=exposed(kw["expose"]), stop_signal=kw["stop_signal"],
        stop_timeout=kw["stop_timeout"],
    )


def labels(kw: dict[str, Any]) -> dict[str, str]:
    """The container's labels: ``--label-file`` lines, then ``--label``s (a later one wins;
    ``KEY`` alone is an empty value, but a file's bare ``KEY`` is skipped, as Docker's)."""
    out: dict[str, str] = {}
    for path in kw["label_file"]:
        for line in env_file_lines(path):
            if "=" in line:
                key, _, value = line.partition("=")
                out[key] = value
    for label in kw["label"]:
        key, _, value = label.partition("=")
        if not key:
            raise ContainerError(f'invalid argument "{label}" for "-l, --label" flag: '
                                 f"invalid label '{label}': empty name")
        out[key] = value
    return out


def exposed(specs: list[str]) -> list[str]:
    """The ``port/proto`` keys ``--expose`` adds, read as Docker 20.10's client reads them
    (the protocol as given, unchecked; a range from its first two ``-``-separated parts)."""
    out: list[str] = []
    for spec in specs:
        if ":" in spec:
            raise ContainerError(f"invalid port format for --expose: {spec}")
        port, _, proto = spec.partition("/")
        proto = proto.partition("/")[0] or "tcp"
        if not port:
            raise ContainerError(f"invalid range format for --expose: {spec}, error: Empty "
                                 "string specified for ports")
        bounds = port.split("-")[:2]
        for text in bounds:
            if not text.isascii() or not text.isdigit() or int(text) > 0xFFFF:
                why = "value out of range" if text.isascii() and text.isdigit() \
                    else "invalid syntax"
                raise ContainerError(f"invalid range format for --expose: {spec}, error: "
                                     f'strconv.ParseUint: parsing "{text}": {why}')
        start, end = int(bounds[0]), int(bounds[-1])
        if end < start:
            raise ContainerError(f"invalid range format for --expose: {spec}, error: "
                                 f"Invalid range specified for the Port: {port}")
        out += [f"{n}/{proto}" for n in range(start, end + 1) if f"{n}/{proto}" not in out]
    return out


def check_stop_signal(text: str) -> None:
    """Refuse a stop signal Docker's daemon refuses (:func:`builder.signames.parse_signal`)."""
    from builder.errors import DockerfileError
    from builder.signames import parse_signal

    try:
        parse_signal(text)
    except DockerfileError:
        raise ContainerError(f"Invalid signal: {text}") from None
