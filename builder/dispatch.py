"""Per-instruction planning: expand an instruction and apply it to a stage's state.

Which fields are expanded follows Docker (semantics notes §6): COPY/ADD sources,
destination, ``--chown``, ``--chmod``, ``--checksum`` and heredoc bodies marked for
expansion; ENV and LABEL keys and values; EXPOSE ports (split into words, each then read as
a port spec by :mod:`builder.ports`); STOPSIGNAL (checked by :mod:`builder.signames`),
USER, VOLUME, WORKDIR; ARG defaults; RUN ``--mount`` values. RUN, CMD, ENTRYPOINT, SHELL,
HEALTHCHECK commands and MAINTAINER are left as written. Every expansion in one
instruction sees the variables as they were before it (``ENV a=1 b=$a`` uses the old a).
"""

from __future__ import annotations

import posixpath
from collections.abc import Callable

from builder.errors import DockerfileError, Location
from builder.graph import Edge, ImageConfig, Step, expand_word, fail
from builder.instructions import (
    Add,
    Arg,
    Cmd,
    Copy,
    Entrypoint,
    Env,
    Expose,
    Healthcheck,
    InlineFile,
    Instruction,
    Label,
    Maintainer,
    Onbuild,
    Run,
    Shell,
    StopSignal,
    User,
    Volume,
    Workdir,
)
from builder.nodes import parse_heredoc
from builder.ports import exposed_ports
from builder.record import Record
from builder.scope import Scope
from builder.shell_words import Lex
from builder.signames import parse_signal

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Mapping
    from typing import Any

__all__ = ["DEFAULT_SHELL", "Dispatcher", "StageState"]

DEFAULT_SHELL = ("/bin/sh", "-c")
# (instruction location, --from text, kind) -> the dependency edge
ResolveFrom = Callable[[Location, str, str, bool], Edge]


class StageState(Record):
    """The mutable state of a stage while its steps are planned."""

    __slots__ = ("scope", "config", "author", "cmd_set", "consumed")
    _hashable = False
    scope: Scope
    config: dict[str, Any]
    author: str
    cmd_set: bool
    consumed: set[str]

    def __init__(self, scope: Scope, config: dict[str, Any], author: str = "",
                 cmd_set: bool = False, consumed: set[str] | None = None) -> None:
        self.scope = scope
        self.config = config
        self.author = author
        self.cmd_set = cmd_set
        self.consumed = set() if consumed is None else consumed

    @classmethod
    def from_config(cls, cfg: ImageConfig) -> StageState:
        """A stage starting from an image config (PATH ensured, ONBUILD cleared)."""
        scope = Scope.from_config_env(cfg.env)
        data = cfg.to_docker()
        data.pop("OnBuild", None)
        data.pop("Env", None)
        return cls(scope, data, cfg.author)

    def copy(self) -> StageState:
        """A child stage's starting state (``FROM <this stage>``)."""
        data = {k: (v.copy() if isinstance(v, dict | list) else v) for k, v in self.config.items()}
        data.pop("OnBuild", None)
        return StageState(self.scope.child(), data, self.author)

    def image_config(self, image_id: str = "") -> ImageConfig:
        """The image config this state describes."""
        doc = {"config": {**self.config, "Env": self.scope.config_env()}, "author": self.author}
        return ImageConfig.from_docker(doc, image_id)

    @property
    def workdir(self) -> str:
        return str(self.config.get("WorkingDir") or "/")

    @property
    def user(self) -> str:
        return str(self.config.get("User") or "")

    @property
    def shell(self) -> tuple[str, ...]:
        return tuple(self.config.get("Shell") or DEFAULT_SHELL)


class Dispatcher:
    """Plans the steps of one stage, mutating ``state`` as Docker would."""

    def __init__(
        self,
        stage: int,
        state: StageState,
        *,
        lex: Lex,
        platform: str,
        build_args: Mapping[str, str],
        global_args: Mapping[str, str],
        resolve_from: ResolveFrom,
        no_cache: bool = False,
    ) -> None:
        self.stage = stage
        self.state = state
        self.lex = lex
        self.raw_lex = Lex("\\", skip_process_quotes=True)
        self.platform = platform
        self.build_args = build_args
        self.global_args = global_args
        self.resolve_from = resolve_from
        self.no_cache = no_cache

    def step(self, ins: Instruction, index: int, onbuild: bool = False) -> Step:
        """Plan ``ins`` as step ``index`` of the stage and apply its change."""
        st = self.state
        env = st.scope.expansion_env()
        loc = ins.location
        before = {
            "env": tuple(st.scope.run_env()),
            "build_args": tuple(st.scope.arg_values().items()),
            "workdir": st.workdir,
            "user": st.user,
            "shell": st.shell,
        }
        handler = getattr(self, "_" + ins.name.lower())
        data, change, layer, deps = handler(ins, index, onbuild, env, loc)
        proxy = st.scope.proxy_env(self.build_args) if isinstance(ins, Run) else {}
        text = ins.original
        return Step(
            stage=self.stage,
            index=index,
            kind=ins.name,
            text=text,
            location=loc,
            instruction=data,
            config_change=change,
            layer=layer,
            onbuild=onbuild,
            proxy_env=tuple(proxy.items()),
            no_cache=self.no_cache,
            deps=tuple(deps),
            platform=self.platform,
            **before,  # type: ignore[arg-type]
        )

    def _x(self, word: str, env: Mapping[str, str], loc: Location) -> str:
        return expand_word(self.lex, word, env, loc)

    # -- filesystem steps -----------------------------------------------------------------

    def _run(self, ins: Run, index: int, ob: bool, env: Mapping[str, str], loc: Location) -> Any:
        args = list(ins.command)
        files: list[list[str]] = []
        if ins.files:
            doc = parse_heredoc(args[0]) if len(args) == 1 and ins.prepend_shell else None
            if doc is not None:
                body = ins.files[0].data
                if ins.files[0].chomp:
                    from builder.nodes import chomp_heredoc

                    body = chomp_heredoc(body)
                if body.startswith("#!"):
                    files.append([ins.files[0].name, body])
                    args = [f"/dev/pipes/{ins.files[0].name}"]
                else:
                    args = [body]
            else:
                args = ["".join([args[0], *(f"\n{f.data}{f.name}" for f in ins.files)])]
        shell_form = ins.prepend_shell and not files
        if shell_form:
            args = [*self.state.shell, *args]
        if any("\0" in a for a in args):
            raise fail("the command contains a NUL byte, which no process can be given", loc)
        for var in self.state.scope.run_env():
            if "\0" in var:
                raise fail(f"the environment variable {var.partition('=')[0]!r} contains a NUL "
                           "byte, which no process can be given", loc)
        try:
            mounts = ins.parsed_mounts(lambda w: self._x(w, env, loc))
        except DockerfileError as err:
            raise fail(err.message, loc) from None
        deps: list[Edge] = []
        mount_data = []
        for m in mounts:
            item = {
                k.rstrip("_"): v for k, v in m.as_dict().items() if v not in (None, "")
            }
            if m.from_:
                edge = self.resolve_from(loc, m.from_, "mount", ob)
                deps.append(edge.replace(step=index))
            mount_data.append(item)
        data = {
            "command": args,
            "shell_form": shell_form,
            "mounts": mount_data,
            "network": ins.network,
            "security": ins.security,
        }
        if files:
            data["files"] = files
        if ins.devices:
            data["devices"] = list(ins.devices)
        return data, {}, True, deps

    def _inline(self, files: tuple[InlineFile, ...], env: Mapping[str, str], loc: Location) -> Any:
        out = []
        for f in files:
            data = expand_word(self.raw_lex, f.data, env, loc) if f.expand else f.data
            out.append([f.name, data])
        return out

    def _copy_common(self, ins: Copy | Add, env: Mapping[str, str], loc: Location) -> Any:
        return {
            "sources": [self._x(s, env, loc) for s in ins.sources],
            "inline": self._inline(ins.contents, env, loc),
            "dest": self._x(ins.dest, env, loc),
            "chown": self._x(ins.chown, env, loc),
            "chmod": self._x(ins.chmod, env, loc),
            "link": ins.link,
            "excludes": list(ins.excludes),
        }

    def _copy(self, ins: Copy, index: int, ob: bool, env: Mapping[str, str], loc: Location) -> Any:
        data = self._copy_common(ins, env, loc)
        data["parents"] = ins.parents
        deps: list[Edge] = []
        data["from"] = ins.from_
        if ins.from_:
            edge = self.resolve_from(loc, ins.from_, "copy", ob)
            deps.append(edge.replace(step=index))
        return data, {}, True, deps

    def _add(self, ins: Add, index: int, ob: bool, env: Mapping[str, str], loc: Location) -> Any:
        data = self._copy_common(ins, env, loc)
        data.update(
            checksum=self._x(ins.checksum, env, loc),
            keep_git_dir=ins.keep_git_dir,
            unpack=ins.unpack,
        )
        return data, {}, True, []

    def _workdir(self, ins: Workdir, i: int, ob: bool, env: Any, loc: Location) -> Any:
        path = self._x(ins.path, env, loc)
        if not path:
            raise fail("cannot normalize nothing", loc)
        wd = posixpath.normpath(posixpath.join(self.state.workdir, path))
        wd = "/" + wd.lstrip("/")
        self.state.config["WorkingDir"] = wd
        return {"path": wd}, {"WorkingDir": wd}, wd != "/", []

    # -- metadata steps -------------------------------------------------------------------

    def _env(self, ins: Env, i: int, ob: bool, env: Mapping[str, str], loc: Location) -> Any:
        pairs = [(self._x(p.key, env, loc), self._x(p.value, env, loc)) for p in ins.pairs]
        for k, v in pairs:
            if not k:  # a name that expands to nothing
                raise fail(f"invalid environment variable: ={v}", loc)
        for k, v in pairs:
            self.state.scope.set_env(k, v)
        return {"pairs": [list(p) for p in pairs]}, {"Env": dict(pairs)}, False, []

    def _arg(self, ins: Arg, i: int, ob: bool, env: Mapping[str, str], loc: Location) -> Any:
        pairs = []
        for a in ins.args:
            value = self.state.scope.declare(
                a.key,
                a.value,
                self.build_args,
                self.global_args,
                lambda w, e: self._x(w, e, loc),
            )
            self.state.consumed.add(a.key)
            pairs.append([a.key, value])
        return {"pairs": pairs}, {}, False, []

    def _label(self, ins: Label, i: int, ob: bool, env: Mapping[str, str], loc: Location) -> Any:
        pairs = [(self._x(p.key, env, loc), self._x(p.value, env, loc)) for p in ins.pairs]
        labels = self.state.config.setdefault("Labels", {})
        labels.update(pairs)
        return {"pairs": [list(p) for p in pairs]}, {"Labels": dict(pairs)}, False, []

    def _expose(self, ins: Expose, i: int, ob: bool, env: Mapping[str, str], loc: Location) -> Any:
        ports: list[str] = []
        for p in ins.ports:
            try:
                words = self.lex.process_words(p, env)
            except DockerfileError as err:
                raise fail(err.message, loc) from None
            for w in words:
                try:
                    ports.extend(exposed_ports(w))
                except DockerfileError as err:
                    raise fail(err.message, loc) from None
        exposed = self.state.config.setdefault("ExposedPorts", {})
        exposed.update({p: {} for p in sorted(ports)})
        # the ports as written (the history lists them so), the config's sorted
        return {"ports": ports}, {"ExposedPorts": sorted(set(ports))}, False, []

    def _volume(self, ins: Volume, i: int, ob: bool, env: Mapping[str, str], loc: Location) -> Any:
        paths = [self._x(p, env, loc) for p in ins.paths]
        if any(not p for p in paths):
            raise fail("VOLUME specified can not be an empty string", loc)
        self.state.config.setdefault("Volumes", {}).update({p: {} for p in paths})
        return {"paths": paths}, {"Volumes": paths}, False, []

    def _stopsignal(self, ins: StopSignal, i: int, ob: bool, env: Any, loc: Location) -> Any:
        sig = self._x(ins.signal, env, loc)
        try:
            parse_signal(sig)
        except DockerfileError as err:
            raise fail(err.message, loc) from None
        self.state.config["StopSignal"] = sig
        return {"signal": sig}, {"StopSignal": sig}, False, []

    def _user(self, ins: User, i: int, ob: bool, env: Mapping[str, str], loc: Location) -> Any:
        user = self._x(ins.user, env, loc)
        self.state.config["User"] = user
        return {"user": user}, {"User": user}, False, []

    def _with_shell(self, command: tuple[str, ...] | None, prepend: bool) -> list[str] | None:
        if command is None:
            return None
        return [*self.state.shell, *command] if prepend else list(command)

    def _cmd(self, ins: Cmd, i: int, ob: bool, env: Mapping[str, str], loc: Location) -> Any:
        args = self._with_shell(ins.command, ins.prepend_shell)
        self.state.config["Cmd"] = args
        self.state.config["ArgsEscaped"] = True  # as BuildKit sets it
        self.state.cmd_set = True
        return {"command": args}, {"Cmd": args}, False, []

    def _entrypoint(self, ins: Entrypoint, i: int, ob: bool, env: Any, loc: Location) -> Any:
        args = self._with_shell(ins.command, ins.prepend_shell) or []
        change: dict[str, Any] = {"Entrypoint": args}
        self.state.config["Entrypoint"] = args
        if not self.state.cmd_set:
            self.state.config.pop("Cmd", None)
            change["Cmd"] = None
        return {"command": args}, change, False, []

    def _shell(self, ins: Shell, i: int, ob: bool, env: Mapping[str, str], loc: Location) -> Any:
        self.state.config["Shell"] = list(ins.shell)
        return {"shell": list(ins.shell)}, {"Shell": list(ins.shell)}, False, []

    def _healthcheck(self, ins: Healthcheck, i: int, ob: bool, env: Any, loc: Location) -> Any:
        hc: dict[str, Any] = {"Test": list(ins.test)}
        for key, value in (
            ("Interval", ins.interval),
            ("Timeout", ins.timeout),
            ("StartPeriod", ins.start_period),
            ("StartInterval", ins.start_interval),
            ("Retries", ins.retries),
        ):
            if value:
                hc[key] = value
        self.state.config["Healthcheck"] = hc
        return {"healthcheck": hc}, {"Healthcheck": hc}, False, []

    def _onbuild(self, ins: Onbuild, i: int, ob: bool, env: Any, loc: Location) -> Any:
        self.state.config.setdefault("OnBuild", []).append(ins.expression)
        return {"trigger": ins.expression}, {"OnBuild": [ins.expression]}, False, []

    def _maintainer(self, ins: Maintainer, i: int, ob: bool, env: Any, loc: Location) -> Any:
        self.state.author = ins.maintainer
        return {"maintainer": ins.maintainer}, {"author": ins.maintainer}, False, []
