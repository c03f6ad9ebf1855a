"""Typed Dockerfile instructions: one frozen dataclass per instruction, flags validated.

Values are kept as written (variables unexpanded, ENV/LABEL quotes kept): expansion needs
the build's ARG/ENV scope and happens in the planner. Every error is a
:class:`~builder.errors.DockerfileError` with the instruction's location and Docker's words.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, ClassVar

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

if TYPE_CHECKING:
    from builder.parser import Dockerfile

INSTRUCTION_NAMES = (
    "add", "arg", "cmd", "copy", "entrypoint", "env", "expose", "from", "healthcheck",
    "label", "maintainer", "onbuild", "run", "shell", "stopsignal", "user", "volume", "workdir",
)  # fmt: skip


@dataclass(frozen=True, slots=True)
class Instruction:
    """Common to every instruction: where it is and how it was written."""

    name: ClassVar[str] = ""
    location: Location
    original: str = field(compare=False)

    def __str__(self) -> str:
        return self.original


@dataclass(frozen=True, slots=True)
class KeyValue:
    """``key=value`` (ENV, LABEL); ``no_delim`` for the legacy ``ENV key value`` form."""

    key: str
    value: str
    no_delim: bool = False


@dataclass(frozen=True, slots=True)
class ArgDef:
    """One ARG: a name and an optional default (unexpanded)."""

    key: str
    value: str | None = None


@dataclass(frozen=True, slots=True)
class InlineFile:
    """A heredoc used as a file (COPY/ADD source, or a RUN script)."""

    name: str
    data: str
    expand: bool = True
    chomp: bool = False


@dataclass(frozen=True, slots=True)
class From(Instruction):
    name: ClassVar[str] = "FROM"
    base: str = ""
    stage_name: str = ""
    platform: str = ""


@dataclass(frozen=True, slots=True)
class Run(Instruction):
    """RUN: ``command`` is one string (shell form) or the exec-form argv."""

    name: ClassVar[str] = "RUN"
    command: tuple[str, ...] = ()
    prepend_shell: bool = True
    files: tuple[InlineFile, ...] = ()
    mounts: tuple[str, ...] = ()
    network: str = "default"
    security: str = "sandbox"
    devices: tuple[str, ...] = ()

    def parsed_mounts(self, expand: Any = None) -> tuple[Mount, ...]:
        """The ``--mount`` specs, expanded with ``expand`` when given."""
        try:
            return tuple(parse_mount(m, expand) for m in self.mounts)
        except FlagError as err:
            raise DockerfileError(str(err), self.location) from None


@dataclass(frozen=True, slots=True)
class Cmd(Instruction):
    name: ClassVar[str] = "CMD"
    command: tuple[str, ...] = ()
    prepend_shell: bool = True


@dataclass(frozen=True, slots=True)
class Entrypoint(Instruction):
    name: ClassVar[str] = "ENTRYPOINT"
    command: tuple[str, ...] | None = None
    prepend_shell: bool = True


@dataclass(frozen=True, slots=True)
class Shell(Instruction):
    name: ClassVar[str] = "SHELL"
    shell: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Env(Instruction):
    name: ClassVar[str] = "ENV"
    pairs: tuple[KeyValue, ...] = ()


@dataclass(frozen=True, slots=True)
class Label(Instruction):
    name: ClassVar[str] = "LABEL"
    pairs: tuple[KeyValue, ...] = ()


@dataclass(frozen=True, slots=True)
class Arg(Instruction):
    name: ClassVar[str] = "ARG"
    args: tuple[ArgDef, ...] = ()


@dataclass(frozen=True, slots=True)
class Copy(Instruction):
    name: ClassVar[str] = "COPY"
    sources: tuple[str, ...] = ()
    contents: tuple[InlineFile, ...] = ()
    dest: str = ""
    from_: str = ""
    chown: str = ""
    chmod: str = ""
    link: bool = False
    parents: bool = False
    excludes: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Add(Instruction):
    name: ClassVar[str] = "ADD"
    sources: tuple[str, ...] = ()
    contents: tuple[InlineFile, ...] = ()
    dest: str = ""
    chown: str = ""
    chmod: str = ""
    link: bool = False
    keep_git_dir: bool | None = None
    checksum: str = ""
    unpack: bool | None = None
    excludes: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Workdir(Instruction):
    name: ClassVar[str] = "WORKDIR"
    path: str = ""


@dataclass(frozen=True, slots=True)
class User(Instruction):
    name: ClassVar[str] = "USER"
    user: str = ""


@dataclass(frozen=True, slots=True)
class Volume(Instruction):
    name: ClassVar[str] = "VOLUME"
    paths: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Expose(Instruction):
    name: ClassVar[str] = "EXPOSE"
    ports: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class StopSignal(Instruction):
    name: ClassVar[str] = "STOPSIGNAL"
    signal: str = ""


@dataclass(frozen=True, slots=True)
class Maintainer(Instruction):
    name: ClassVar[str] = "MAINTAINER"
    maintainer: str = ""


@dataclass(frozen=True, slots=True)
class Healthcheck(Instruction):
    """HEALTHCHECK: ``test`` as Docker stores it.

    ``["NONE"]``, ``["CMD", arg, …]`` or ``["CMD-SHELL", command]``; durations in nanoseconds.
    """

    name: ClassVar[str] = "HEALTHCHECK"
    test: tuple[str, ...] = ()
    interval: int = 0
    timeout: int = 0
    start_period: int = 0
    start_interval: int = 0
    retries: int = 0


@dataclass(frozen=True, slots=True)
class Onbuild(Instruction):
    """ONBUILD: the trigger's text, parsed and expanded in the child build."""

    name: ClassVar[str] = "ONBUILD"
    expression: str = ""


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
