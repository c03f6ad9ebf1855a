"""Typed Dockerfile instructions: one immutable record per instruction, flags validated.

Values are kept as written (variables unexpanded, ENV/LABEL quotes kept): expansion needs
the build's ARG/ENV scope and happens in the planner. Every error is a
:class:`~builder.errors.DockerfileError` with the instruction's location and Docker's words.
"""

from __future__ import annotations

import re

from builder.errors import DockerfileError, Location
from builder.flags import (
    FlagError,
    Mount,
    parse_duration,
    parse_flags,
    parse_mount,
    with_suggestion,
)
from builder.nodes import Heredoc, Node, NodeError, chomp_heredoc, parse_heredoc
from builder.record import Record

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any, ClassVar, Final

    from builder.parser import Dockerfile

INSTRUCTION_NAMES = (
    "add", "arg", "cmd", "copy", "entrypoint", "env", "expose", "from", "healthcheck",
    "label", "maintainer", "onbuild", "run", "shell", "stopsignal", "user", "volume", "workdir",
)  # fmt: skip


class Instruction(Record):
    """Common to every instruction: where it is and how it was written (which equality and
    hashing ignore)."""

    name: ClassVar[str] = ""
    __slots__ = ("location", "original")
    _compared: ClassVar[tuple[str, ...] | None] = ("location",)
    location: Final[Location]
    original: Final[str]

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        cls._compared = tuple(name for name in cls._fields if name != "original")

    def __init__(self, location: Location, original: str) -> None:
        self.location = location
        self.original = original

    def __str__(self) -> str:
        return self.original


class KeyValue(Record):
    """``key=value`` (ENV, LABEL); ``no_delim`` for the legacy ``ENV key value`` form."""

    __slots__ = ("key", "value", "no_delim")
    key: Final[str]
    value: Final[str]
    no_delim: Final[bool]

    def __init__(self, key: str, value: str, no_delim: bool = False) -> None:
        self.key = key
        self.value = value
        self.no_delim = no_delim


class ArgDef(Record):
    """One ARG: a name and an optional default (unexpanded)."""

    __slots__ = ("key", "value")
    key: Final[str]
    value: Final[str | None]

    def __init__(self, key: str, value: str | None = None) -> None:
        self.key = key
        self.value = value


class InlineFile(Record):
    """A heredoc used as a file (COPY/ADD source, or a RUN script)."""

    __slots__ = ("name", "data", "expand", "chomp")
    name: Final[str]
    data: Final[str]
    expand: Final[bool]
    chomp: Final[bool]

    def __init__(self, name: str, data: str, expand: bool = True, chomp: bool = False) -> None:
        self.name = name
        self.data = data
        self.expand = expand
        self.chomp = chomp


class From(Instruction):
    name: ClassVar[str] = "FROM"
    __slots__ = ("base", "stage_name", "platform")
    base: Final[str]
    stage_name: Final[str]
    platform: Final[str]

    def __init__(self, location: Location, original: str, base: str = "", stage_name: str = "",
                 platform: str = "") -> None:
        super().__init__(location, original)
        self.base = base
        self.stage_name = stage_name
        self.platform = platform


class Run(Instruction):
    """RUN: ``command`` is one string (shell form) or the exec-form argv."""

    name: ClassVar[str] = "RUN"
    __slots__ = ("command", "prepend_shell", "files", "mounts", "network", "security", "devices")
    command: Final[tuple[str, ...]]
    prepend_shell: Final[bool]
    files: Final[tuple[InlineFile, ...]]
    mounts: Final[tuple[str, ...]]
    network: Final[str]
    security: Final[str]
    devices: Final[tuple[str, ...]]

    def __init__(self, location: Location, original: str, command: tuple[str, ...] = (),
                 prepend_shell: bool = True, files: tuple[InlineFile, ...] = (),
                 mounts: tuple[str, ...] = (), network: str = "default", security: str = "sandbox",
                 devices: tuple[str, ...] = ()) -> None:
        super().__init__(location, original)
        self.command = command
        self.prepend_shell = prepend_shell
        self.files = files
        self.mounts = mounts
        self.network = network
        self.security = security
        self.devices = devices

    def parsed_mounts(self, expand: Any = None) -> tuple[Mount, ...]:
        """The ``--mount`` specs, expanded with ``expand`` when given."""
        try:
            return tuple(parse_mount(m, expand) for m in self.mounts)
        except FlagError as err:
            raise DockerfileError(str(err), self.location) from None


class Cmd(Instruction):
    name: ClassVar[str] = "CMD"
    __slots__ = ("command", "prepend_shell")
    command: Final[tuple[str, ...]]
    prepend_shell: Final[bool]

    def __init__(self, location: Location, original: str, command: tuple[str, ...] = (),
                 prepend_shell: bool = True) -> None:
        super().__init__(location, original)
        self.command = command
        self.prepend_shell = prepend_shell


class Entrypoint(Instruction):
    name: ClassVar[str] = "ENTRYPOINT"
    __slots__ = ("command", "prepend_shell")
    command: Final[tuple[str, ...] | None]
    prepend_shell: Final[bool]

    def __init__(self, location: Location, original: str, command: tuple[str, ...] | None = None,
                 prepend_shell: bool = True) -> None:
        super().__init__(location, original)
        self.command = command
        self.prepend_shell = prepend_shell


class Shell(Instruction):
    name: ClassVar[str] = "SHELL"
    __slots__ = ("shell",)
    shell: Final[tuple[str, ...]]

    def __init__(self, location: Location, original: str, shell: tuple[str, ...] = ()) -> None:
        super().__init__(location, original)
        self.shell = shell


class Env(Instruction):
    name: ClassVar[str] = "ENV"
    __slots__ = ("pairs",)
    pairs: Final[tuple[KeyValue, ...]]

    def __init__(self, location: Location, original: str, pairs: tuple[KeyValue, ...] = ()) -> None:
        super().__init__(location, original)
        self.pairs = pairs


class Label(Instruction):
    name: ClassVar[str] = "LABEL"
    __slots__ = ("pairs",)
    pairs: Final[tuple[KeyValue, ...]]

    def __init__(self, location: Location, original: str, pairs: tuple[KeyValue, ...] = ()) -> None:
        super().__init__(location, original)
        self.pairs = pairs


class Arg(Instruction):
    name: ClassVar[str] = "ARG"
    __slots__ = ("args",)
    args: Final[tuple[ArgDef, ...]]

    def __init__(self, location: Location, original: str, args: tuple[ArgDef, ...] = ()) -> None:
        super().__init__(location, original)
        self.args = args


class Copy(Instruction):
    name: ClassVar[str] = "COPY"
    __slots__ = ("sources", "contents", "dest", "from_", "chown", "chmod", "link", "parents",
                 "excludes")
    sources: Final[tuple[str, ...]]
    contents: Final[tuple[InlineFile, ...]]
    dest: Final[str]
    from_: Final[str]
    chown: Final[str]
    chmod: Final[str]
    link: Final[bool]
    parents: Final[bool]
    excludes: Final[tuple[str, ...]]

    def __init__(self, location: Location, original: str, sources: tuple[str, ...] = (),
                 contents: tuple[InlineFile, ...] = (), dest: str = "", from_: str = "",
                 chown: str = "", chmod: str = "", link: bool = False, parents: bool = False,
                 excludes: tuple[str, ...] = ()) -> None:
        super().__init__(location, original)
        self.sources = sources
        self.contents = contents
        self.dest = dest
        self.from_ = from_
        self.chown = chown
        self.chmod = chmod
        self.link = link
        self.parents = parents
        self.excludes = excludes


class Add(Instruction):
    name: ClassVar[str] = "ADD"
    __slots__ = ("sources", "contents", "dest", "chown", "chmod", "link", "keep_git_dir",
                 "checksum", "unpack", "excludes")
    sources: Final[tuple[str, ...]]
    contents: Final[tuple[InlineFile, ...]]
    dest: Final[str]
    chown: Final[str]
    chmod: Final[str]
    link: Final[bool]
    keep_git_dir: Final[bool | None]
    checksum: Final[str]
    unpack: Final[bool | None]
    excludes: Final[tuple[str, ...]]

    def __init__(self, location: Location, original: str, sources: tuple[str, ...] = (),
                 contents: tuple[InlineFile, ...] = (), dest: str = "", chown: str = "",
                 chmod: str = "", link: bool = False, keep_git_dir: bool | None = None,
                 checksum: str = "", unpack: bool | None = None,
                 excludes: tuple[str, ...] = ()) -> None:
        super().__init__(location, original)
        self.sources = sources
        self.contents = contents
        self.dest = dest
        self.chown = chown
        self.chmod = chmod
        self.link = link
        self.keep_git_dir = keep_git_dir
        self.checksum = checksum
        self.unpack = unpack
        self.excludes = excludes


class Workdir(Instruction):
    name: ClassVar[str] = "WORKDIR"
    __slots__ = ("path",)
    path: Final[str]

    def __init__(self, location: Location, original: str, path: str = "") -> None:
        super().__init__(location, original)
        self.path = path


class User(Instruction):
    name: ClassVar[str] = "USER"
    __slots__ = ("user",)
    user: Final[str]

    def __init__(self, location: Location, original: str, user: str = "") -> None:
        super().__init__(location, original)
        self.user = user


class Volume(Instruction):
    name: ClassVar[str] = "VOLUME"
    __slots__ = ("paths",)
    paths: Final[tuple[str, ...]]

    def __init__(self, location: Location, original: str, paths: tuple[str, ...] = ()) -> None:
        super().__init__(location, original)
        self.paths = paths


class Expose(Instruction):
    name: ClassVar[str] = "EXPOSE"
    __slots__ = ("ports",)
    ports: Final[tuple[str, ...]]

    def __init__(self, location: Location, original: str, ports: tuple[str, ...] = ()) -> None:
        super().__init__(location, original)
        self.ports = ports


class StopSignal(Instruction):
    name: ClassVar[str] = "STOPSIGNAL"
    __slots__ = ("signal",)
    signal: Final[str]

    def __init__(self, location: Location, original: str, signal: str = "") -> None:
        super().__init__(location, original)
        self.signal = signal


class Maintainer(Instruction):
    name: ClassVar[str] = "MAINTAINER"
    __slots__ = ("maintainer",)
    maintainer: Final[str]

    def __init__(self, location: Location, original: str, maintainer: str = "") -> None:
        super().__init__(location, original)
        self.maintainer = maintainer


class Healthcheck(Instruction):
    """HEALTHCHECK: ``test`` as Docker stores it.

    ``["NONE"]``, ``["CMD", arg, …]`` or ``["CMD-SHELL", command]``; durations in nanoseconds.
    """

    name: ClassVar[str] = "HEALTHCHECK"
    __slots__ = ("test", "interval", "timeout", "start_period", "start_interval", "retries")
    test: Final[tuple[str, ...]]
    interval: Final[int]
    timeout: Final[int]
    start_period: Final[int]
    start_interval: Final[int]
    retries: Final[int]

    def __init__(self, location: Location, original: str, test: tuple[str, ...] = (),
                 interval: int = 0, timeout: int = 0, start_period: int = 0,
                 start_interval: int = 0, retries: int = 0) -> None:
        super().__init__(location, original)
        self.test = test
        self.interval = interval
        self.timeout = timeout
        self.start_period = start_period
        self.start_interval = start_interval
        self.retries = retries


class Onbuild(Instruction):
    """ONBUILD: the trigger's text, parsed and expanded in the child build."""

    name: ClassVar[str] = "ONBUILD"
    __slots__ = ("expression",)
    expression: Final[str]

    def __init__(self, location: Location, original: str, expression: str = "") -> None:
        super().__init__(location, original)
        self.expression = expression


_VALID_STAGE = re.compile(r"[a-z][a-z0-9\-_.]*\Z")
_ONBUILD_PREFIX = re.compile(r"(?i)^\s*ONBUILD\s*")


def _args(node: Node) -> list[str]:
    """BuildKit's nodeArgs: the argument words, with ONBUILD's sub-instruction flattened."""
    if node.sub is not None:
        return [node.sub.value, *_node_args_flat(node.sub)]
    return list(node.args)


def _node_args_flat(node: Node) -> list[str]:
    if node.sub is not None:
        return [node.sub.value, *_node_args_flat(node.sub)]
    return list(node.args)


def _shell_dependent(node: Node, args: list[str]) -> tuple[str, ...]:
    if not args:
        return ()
    if node.json:
        return tuple(args)
    return (" ".join(args),)


class _Reader:
    """Builds one typed instruction from a node; raises located errors."""

    def __init__(self, node: Node, location: Location) -> None:
        self.node = node
        self.loc = location
        self.args = _args(node)

    def fail(self, message: str) -> DockerfileError:
        return DockerfileError(message, self.loc)

    def flags(self, **spec: Any) -> dict[str, Any]:
        try:
            spec = {k.rstrip("_").replace("_", "-"): v for k, v in spec.items()}
            return parse_flags(self.node.flags, spec)
        except FlagError as err:
            raise self.fail(str(err)) from None

    def exactly_one(self, what: str) -> str:
        if len(self.args) != 1:
            raise self.fail(f"{what} requires exactly one argument")
        return self.args[0]

    def at_least_one(self, what: str) -> None:
        if not self.args:
            raise self.fail(f"{what} requires at least one argument")

    def kvps(self, what: str) -> tuple[KeyValue, ...]:
        self.at_least_one(what)
        if len(self.args) % 3:
            raise self.fail(f"Bad input to {what}, too many arguments")
        out = []
        for i in range(0, len(self.args), 3):
            key, value, delim = self.args[i : i + 3]
            if not key:
                raise self.fail(f"{what} names can not be blank")
            out.append(KeyValue(key, value, delim == ""))
        return tuple(out)

    def sources_and_dest(self, what: str) -> tuple[tuple[str, ...], tuple[InlineFile, ...], str]:
        if len(self.args) < 2:
            raise self.fail(
                f"{what} requires at least two arguments, but only one was provided. "
                "Destination could not be determined"
            )
        *srcs, dest = self.args
        try:
            if parse_heredoc(dest) is not None:
                raise self.fail(f"{what} cannot accept a heredoc as a destination")
            docs = {h.name: h for h in self.node.heredocs}
            paths: list[str] = []
            contents: list[InlineFile] = []
            for src in srcs:
                doc = parse_heredoc(src)
                if doc is None:
                    paths.append(src)
                    continue
                found = docs.get(doc.name, Heredoc(doc.name))
                data = chomp_heredoc(found.content) if doc.chomp else found.content
                contents.append(InlineFile(doc.name, data, doc.expand, doc.chomp))
        except NodeError as err:
            raise self.fail(str(err)) from None
        return tuple(paths), tuple(contents), dest


def _from(r: _Reader) -> From:
    args = r.args
    stage = ""
    if len(args) == 3 and args[1].lower() == "as":
        stage = args[2].lower()
        if not _VALID_STAGE.match(stage):
            raise r.fail(
                f'invalid name for build stage: "{args[2]}", '
                "name can't start with a number or contain symbols"
            )
    elif len(args) != 1:
        raise r.fail("FROM requires either one or three arguments")
    fl = r.flags(platform="string")
    return From(r.loc, r.node.original, args[0], stage, str(fl.get("platform", "")))


def _run(r: _Reader) -> Run:
    fl = r.flags(mount="strings", network="string", security="string", device="strings")
    network = str(fl.get("network", "default"))
    if network not in ("default", "none", "host"):
        raise r.fail(f'invalid network mode "{network}"')
    security = str(fl.get("security", "sandbox"))
    if security not in ("sandbox", "insecure"):
        raise r.fail(f'security "{security}" is not valid')
    mounts = tuple(fl.get("mount", ()))
    for m in mounts:
        try:
            parse_mount(m)
        except FlagError as err:
            raise r.fail(str(err)) from None
    files = tuple(InlineFile(h.name, h.content, h.expand, h.chomp) for h in r.node.heredocs)
    return Run(
        r.loc,
        r.node.original,
        _shell_dependent(r.node, r.args),
        not r.node.json,
        files,
        mounts,
        network,
        security,
        tuple(fl.get("device", ())),
    )


def _cmd(r: _Reader) -> Cmd:
    r.flags()
    return Cmd(r.loc, r.node.original, _shell_dependent(r.node, r.args), not r.node.json)


def _entrypoint(r: _Reader) -> Entrypoint:
    r.flags()
    cmd = _shell_dependent(r.node, r.args)
    return Entrypoint(r.loc, r.node.original, cmd or None, not r.node.json)


def _shell(r: _Reader) -> Shell:
    r.flags()
    cmd = _shell_dependent(r.node, r.args)
    if not cmd:
        raise r.fail("SHELL requires at least one argument")
    if not r.node.json:
        raise r.fail("SHELL requires the arguments to be in JSON form")
    return Shell(r.loc, r.node.original, cmd)


def _env(r: _Reader) -> Env:
    r.flags()
    return Env(r.loc, r.node.original, r.kvps("ENV"))


def _label(r: _Reader) -> Label:
    r.flags()
    return Label(r.loc, r.node.original, r.kvps("LABEL"))


def _arg(r: _Reader) -> Arg:
    r.at_least_one("ARG")
    out = []
    for word in r.args:
        if "=" in word:
            key, value = word.split("=", 1)
            if not key:
                raise r.fail("ARG names can not be blank")
            out.append(ArgDef(key, value))
        else:
            out.append(ArgDef(word))
    return Arg(r.loc, r.node.original, tuple(out))


def _copy(r: _Reader) -> Copy:
    fl = r.flags(
        chown="string", from_="string", chmod="string", link="bool", exclude="strings",
        parents="bool",
    )  # fmt: skip
    srcs, contents, dest = r.sources_and_dest("COPY")
    return Copy(
        r.loc, r.node.original, srcs, contents, dest, str(fl.get("from", "")),
        str(fl.get("chown", "")), str(fl.get("chmod", "")), bool(fl.get("link", False)),
        bool(fl.get("parents", False)), tuple(fl.get("exclude", ())),
    )  # fmt: skip


def _add(r: _Reader) -> Add:
    fl = r.flags(
        chown="string", chmod="string", link="bool", keep_git_dir="bool", checksum="string",
        unpack="bool", exclude="strings",
    )  # fmt: skip
    srcs, contents, dest = r.sources_and_dest("ADD")
    return Add(
        r.loc, r.node.original, srcs, contents, dest, str(fl.get("chown", "")),
        str(fl.get("chmod", "")), bool(fl.get("link", False)), fl.get("keep-git-dir"),
        str(fl.get("checksum", "")), fl.get("unpack"), tuple(fl.get("exclude", ())),
    )  # fmt: skip


def _workdir(r: _Reader) -> Workdir:
    path = r.exactly_one("WORKDIR")
    r.flags()
    return Workdir(r.loc, r.node.original, path)


def _user(r: _Reader) -> User:
    user = r.exactly_one("USER")
    r.flags()
    return User(r.loc, r.node.original, user)


def _volume(r: _Reader) -> Volume:
    r.at_least_one("VOLUME")
    r.flags()
    paths = []
    for v in r.args:
        v = v.strip()
        if not v:
            raise r.fail("VOLUME specified can not be an empty string")
        paths.append(v)
    return Volume(r.loc, r.node.original, tuple(paths))


def _expose(r: _Reader) -> Expose:
    r.at_least_one("EXPOSE")
    r.flags()
    return Expose(r.loc, r.node.original, tuple(sorted(r.args)))


def _stopsignal(r: _Reader) -> StopSignal:
    return StopSignal(r.loc, r.node.original, r.exactly_one("STOPSIGNAL"))


def _maintainer(r: _Reader) -> Maintainer:
    value = r.exactly_one("MAINTAINER")
    r.flags()
    return Maintainer(r.loc, r.node.original, value)


def _interval(r: _Reader, fl: dict[str, Any], name: str) -> int:
    text = str(fl.get(name, ""))
    if not text:
        return 0
    try:
        ns = parse_duration(text)
    except FlagError as err:
        raise r.fail(str(err)) from None
    if ns == 0:
        return 0
    if ns < 1_000_000:
        raise r.fail(f'Interval "{name}" cannot be less than 1ms')
    return ns


def _healthcheck(r: _Reader) -> Healthcheck:
    r.at_least_one("HEALTHCHECK")
    typ = r.args[0].upper()
    rest = r.args[1:]
    if typ == "NONE":
        if rest:
            raise r.fail("HEALTHCHECK NONE takes no arguments")
        return Healthcheck(r.loc, r.node.original, ("NONE",))
    fl = r.flags(
        interval="string", timeout="string", start_period="string", start_interval="string",
        retries="string",
    )  # fmt: skip
    if typ != "CMD":
        raise r.fail(f'Unknown type "{typ}" in HEALTHCHECK (try CMD)')
    cmd = _shell_dependent(r.node, rest)
    if not cmd:
        raise r.fail("Missing command after HEALTHCHECK CMD")
    test = ("CMD" if r.node.json else "CMD-SHELL", *cmd)
    retries = 0
    if fl.get("retries"):
        text = str(fl["retries"])
        if not re.fullmatch(r"[+-]?[0-9]+", text) or abs(int(text)) >= 1 << 31:
            raise r.fail(f'strconv.ParseInt: parsing "{text}": invalid syntax')
        retries = int(text)
        if retries < 0:
            raise r.fail(f"--retries cannot be negative ({retries})")
    return Healthcheck(
        r.loc, r.node.original, test, _interval(r, fl, "interval"), _interval(r, fl, "timeout"),
        _interval(r, fl, "start-period"), _interval(r, fl, "start-interval"), retries,
    )  # fmt: skip


def _onbuild(r: _Reader) -> Onbuild:
    r.at_least_one("ONBUILD")
    r.flags()
    trigger = r.args[0].strip().upper()
    if trigger == "ONBUILD":
        raise r.fail("Chaining ONBUILD via `ONBUILD ONBUILD` isn't allowed")
    if trigger in ("MAINTAINER", "FROM"):
        raise r.fail(f"{trigger} isn't allowed as an ONBUILD trigger")
    expression = _ONBUILD_PREFIX.sub("", r.node.original, count=1)
    for doc in r.node.heredocs:
        expression += "\n" + doc.content + doc.name
    return Onbuild(r.loc, r.node.original, expression)


_READERS = {
    "from": _from, "run": _run, "cmd": _cmd, "entrypoint": _entrypoint, "shell": _shell,
    "env": _env, "label": _label, "arg": _arg, "copy": _copy, "add": _add,
    "workdir": _workdir, "user": _user, "volume": _volume, "expose": _expose,
    "stopsignal": _stopsignal, "maintainer": _maintainer, "healthcheck": _healthcheck,
    "onbuild": _onbuild,
}  # fmt: skip


def from_node(
    node: Node, dockerfile: Dockerfile | None = None, filename: str = "Dockerfile"
) -> Instruction:
    """The typed instruction for ``node``; raises a located :class:`DockerfileError`."""
    if dockerfile is not None:
        loc = dockerfile.location(node)
    else:
        loc = Location(filename, node.start_line, node.end_line, node.column)
    reader = _READERS.get(node.command)
    if reader is None:
        message = with_suggestion(
            f"unknown instruction: {node.value}",
            node.value,
            [n.upper() for n in INSTRUCTION_NAMES],
            False,
        )
        err = DockerfileError(message, loc)
    else:
        try:
            return reader(_Reader(node, loc))
        except DockerfileError as e:
            err = e
    if dockerfile is not None and err.source_line is None and err.location is not None:
        err.source_line = dockerfile.line_text(err.location.line)
    raise err
