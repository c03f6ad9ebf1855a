"""The build plan: stages, steps, edges and per-step state, computed from a Dockerfile.

``plan(dockerfile, settings, base_configs) -> BuildGraph`` is pure: no I/O, no processes.
Everything Docker expands is expanded here (see :mod:`builder.dispatch` for the
per-instruction rules and :mod:`builder.scope` for ARG/ENV scoping). Base images are
described by :class:`ImageConfig`; an image the caller cannot describe is planned as an
empty config (``Stage.base_known`` is then false).

Errors are :class:`~builder.errors.DockerfileError` with the location of the instruction.
Errors in stages the build does not need (pruned by ``--target``) are not raised, as in
Docker, except for the structural ones (stage references, ``--from`` forms), which Docker
checks for every stage.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping

from builder.errors import DockerfileError, ExpansionError, Location
from builder.instructions import Arg, From, Instruction
from builder.record import Record
from builder.scope import is_builtin_arg, platform_args
from builder.shell_words import Lex

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Iterator
    from typing import Any, Final, Literal

    from builder.parser import Dockerfile

__all__ = [
    "Base",
    "BuildGraph",
    "Edge",
    "ImageConfig",
    "PlanSettings",
    "Stage",
    "Step",
    "host_platform",
    "plan",
]

_ARCH = {"x86_64": "amd64", "amd64": "amd64", "aarch64": "arm64", "arm64": "arm64"}


def host_platform() -> str:
    """The host's platform in OCI form, e.g. ``linux/amd64``."""
    machine = os.uname().machine.lower()  # what platform.machine() reads, without its import
    if machine.startswith("armv7"):
        return "linux/arm/v7"
    return f"linux/{_ARCH.get(machine, machine)}"


class ImageConfig(Record):
    """The parts of a Docker image config that planning needs (``config`` in Docker JSON)."""

    __slots__ = ("env", "cmd", "entrypoint", "working_dir", "user", "shell", "on_build", "labels",
                 "exposed_ports", "volumes", "stop_signal", "healthcheck", "author", "id",
                 "args_escaped")
    env: Final[tuple[str, ...]]
    cmd: Final[tuple[str, ...] | None]
    entrypoint: Final[tuple[str, ...] | None]
    working_dir: Final[str]
    user: Final[str]
    shell: Final[tuple[str, ...] | None]
    on_build: Final[tuple[str, ...]]
    labels: Final[tuple[tuple[str, str], ...]]
    exposed_ports: Final[tuple[str, ...]]
    volumes: Final[tuple[str, ...]]
    stop_signal: Final[str]
    healthcheck: Final[tuple[tuple[str, Any], ...] | None]
    author: Final[str]
    id: Final[str]
    args_escaped: Final[bool]

    def __init__(self, env: tuple[str, ...] = (), cmd: tuple[str, ...] | None = None,
                 entrypoint: tuple[str, ...] | None = None, working_dir: str = "", user: str = "",
                 shell: tuple[str, ...] | None = None, on_build: tuple[str, ...] = (),
                 labels: tuple[tuple[str, str], ...] = (), exposed_ports: tuple[str, ...] = (),
                 volumes: tuple[str, ...] = (), stop_signal: str = "",
                 healthcheck: tuple[tuple[str, Any], ...] | None = None, author: str = "",
                 id: str = "", args_escaped: bool = False) -> None:
        self.env = env
        self.cmd = cmd
        self.entrypoint = entrypoint
        self.working_dir = working_dir
        self.user = user
        self.shell = shell
        self.on_build = on_build
        self.labels = labels
        self.exposed_ports = exposed_ports
        self.volumes = volumes
        self.stop_signal = stop_signal
        self.healthcheck = healthcheck
        self.author = author
        self.id = id
        self.args_escaped = args_escaped

    @classmethod
    def from_docker(cls, data: Mapping[str, Any], image_id: str = "") -> ImageConfig:
        """Read a Docker/OCI image config: the whole document or its ``config`` member."""
        cfg: Mapping[str, Any] = data.get("config") or {} if "config" in data else data
        author = str(data.get("author") or "") if "config" in data else ""

        def strs(key: str) -> tuple[str, ...] | None:
            value = cfg.get(key)
            return None if value is None else tuple(str(v) for v in value)

        health = cfg.get("Healthcheck")
        return cls(
            env=strs("Env") or (),
            cmd=strs("Cmd"),
            entrypoint=strs("Entrypoint"),
            working_dir=str(cfg.get("WorkingDir") or ""),
            user=str(cfg.get("User") or ""),
            shell=strs("Shell"),
            on_build=strs("OnBuild") or (),
            labels=tuple(sorted((str(k), str(v)) for k, v in (cfg.get("Labels") or {}).items())),
            exposed_ports=tuple(sorted(cfg.get("ExposedPorts") or {})),
            volumes=tuple(sorted(cfg.get("Volumes") or {})),
            stop_signal=str(cfg.get("StopSignal") or ""),
            healthcheck=tuple(sorted(health.items())) if isinstance(health, dict) else None,
            author=author,
            id=image_id,
            args_escaped=bool(cfg.get("ArgsEscaped")),
        )

    def to_docker(self) -> dict[str, Any]:
        """The Docker JSON ``config`` member (keys with empty values left out)."""
        out: dict[str, Any] = {}
        if self.env:
            out["Env"] = list(self.env)
        if self.cmd is not None:
            out["Cmd"] = list(self.cmd)
        if self.entrypoint is not None:
            out["Entrypoint"] = list(self.entrypoint)
        if self.working_dir:
            out["WorkingDir"] = self.working_dir
        if self.user:
            out["User"] = self.user
        if self.shell is not None:
            out["Shell"] = list(self.shell)
        if self.on_build:
            out["OnBuild"] = list(self.on_build)
        if self.labels:
            out["Labels"] = dict(self.labels)
        if self.exposed_ports:
            out["ExposedPorts"] = {p: {} for p in self.exposed_ports}
        if self.volumes:
            out["Volumes"] = {v: {} for v in self.volumes}
        if self.stop_signal:
            out["StopSignal"] = self.stop_signal
        if self.healthcheck is not None:
            out["Healthcheck"] = dict(self.healthcheck)
        if self.args_escaped:  # BuildKit sets it with every CMD
            out["ArgsEscaped"] = True
        return out


BaseConfigs = Mapping[str, ImageConfig] | Callable[[str], "ImageConfig | None"]


class PlanSettings(Record):
    """What a build asks for: build args, target, platform, cache bypass."""

    __slots__ = ("build_args", "target", "all_stages", "platform", "build_platform", "no_cache",
                 "no_cache_filter")
    build_args: Final[Mapping[str, str]]
    target: Final[str]
    all_stages: Final[bool]
    platform: Final[str]
    build_platform: Final[str]
    no_cache: Final[bool]
    no_cache_filter: Final[tuple[str, ...]]

    def __init__(self, build_args: Mapping[str, str] | None = None, target: str = "",
                 all_stages: bool = False, platform: str | None = None,
                 build_platform: str = "", no_cache: bool = False,
                 no_cache_filter: tuple[str, ...] = ()) -> None:
        self.build_args = {} if build_args is None else build_args
        self.target = target
        self.all_stages = all_stages
        self.platform = host_platform() if platform is None else platform
        self.build_platform = build_platform
        self.no_cache = no_cache
        self.no_cache_filter = no_cache_filter

    @property
    def effective_build_platform(self) -> str:
        """The build platform (the host's platform when not given)."""
        return self.build_platform or host_platform()


class Base(Record):
    """What a stage starts from: ``scratch``, an image, or an earlier stage."""

    __slots__ = ("kind", "ref", "stage", "canonical")
    kind: Final[Literal["scratch", "image", "stage"]]
    ref: Final[str]
    stage: Final[int | None]
    canonical: Final[str]

    def __init__(self, kind: Literal["scratch", "image", "stage"], ref: str,
                 stage: int | None = None, canonical: str = "") -> None:
        self.kind = kind
        self.ref = ref
        self.stage = stage
        self.canonical = canonical


class Edge(Record):
    """A dependency of stage ``stage`` (at step ``step``; ``None`` for FROM).

    ``kind`` is ``from`` (base stage/image), ``copy`` (``COPY --from``) or ``mount``
    (``RUN --mount=from=``). Exactly one of ``source_stage`` and ``image`` is set.
    """

    __slots__ = ("kind", "stage", "step", "source_stage", "image")
    kind: Final[Literal["from", "copy", "mount"]]
    stage: Final[int]
    step: Final[int | None]
    source_stage: Final[int | None]
    image: Final[str | None]

    def __init__(self, kind: Literal["from", "copy", "mount"], stage: int, step: int | None,
                 source_stage: int | None = None, image: str | None = None) -> None:
        self.kind = kind
        self.stage = stage
        self.step = step
        self.source_stage = source_stage
        self.image = image


class Step(Record):
    """One instruction after FROM, with the state it sees and the change it makes.

    ``instruction`` is the expanded, normalized instruction (JSON data, independent of
    comments, case and line layout); ``env`` is the environment a RUN would get (BuildKit's
    state environment: ENV and ARG values), ``build_args`` the stage's declared ARGs with the
    values a RUN's history shows (:meth:`builder.scope.Scope.arg_values`); ``proxy_env`` holds
    the proxy build args RUN gets (:meth:`builder.scope.Scope.proxy_env`; RUN only, never part
    of a cache key). ``config_change``
    uses Docker config keys (``author`` for MAINTAINER). ``layer`` is true for steps that
    change the filesystem (RUN, COPY, ADD, WORKDIR other than ``/``).
    """

    __eq__ = object.__eq__  # compared and hashed by identity
    __hash__ = object.__hash__
    __slots__ = ("stage", "index", "kind", "text", "location", "instruction", "env", "build_args",
                 "workdir", "user", "shell", "platform", "config_change", "layer", "onbuild",
                 "proxy_env", "no_cache", "deps")
    stage: Final[int]
    index: Final[int]
    kind: Final[str]
    text: Final[str]
    location: Final[Location]
    instruction: Final[dict[str, Any]]
    env: Final[tuple[str, ...]]
    build_args: Final[tuple[tuple[str, str], ...]]
    workdir: Final[str]
    user: Final[str]
    shell: Final[tuple[str, ...]]
    platform: Final[str]
    config_change: Final[dict[str, Any]]
    layer: Final[bool]
    onbuild: Final[bool]
    proxy_env: Final[tuple[tuple[str, str], ...]]
    no_cache: Final[bool]
    deps: Final[tuple[Edge, ...]]

    def __init__(self, stage: int, index: int, kind: str, text: str, location: Location,
                 instruction: dict[str, Any], env: tuple[str, ...],
                 build_args: tuple[tuple[str, str], ...], workdir: str, user: str,
                 shell: tuple[str, ...], platform: str, config_change: dict[str, Any], layer: bool,
                 onbuild: bool = False, proxy_env: tuple[tuple[str, str], ...] = (),
                 no_cache: bool = False, deps: tuple[Edge, ...] = ()) -> None:
        self.stage = stage
        self.index = index
        self.kind = kind
        self.text = text
        self.location = location
        self.instruction = instruction
        self.env = env
        self.build_args = build_args
        self.workdir = workdir
        self.user = user
        self.shell = shell
        self.platform = platform
        self.config_change = config_change
        self.layer = layer
        self.onbuild = onbuild
        self.proxy_env = proxy_env
        self.no_cache = no_cache
        self.deps = deps

    @property
    def label(self) -> str:
        """A short human name: ``RUN make``, ``COPY app.py``."""
        return summary(self.kind, self.instruction)


class Stage(Record):
    """One ``FROM`` and its steps; ``config`` is the image config at the stage's end."""

    __eq__ = object.__eq__  # compared and hashed by identity
    __hash__ = object.__hash__
    __slots__ = ("index", "name", "base", "platform", "location", "text", "steps", "config",
                 "pruned", "base_known", "base_id")
    index: Final[int]
    name: Final[str]
    base: Final[Base]
    platform: Final[str]
    location: Final[Location]
    text: Final[str]
    steps: Final[tuple[Step, ...]]
    config: Final[ImageConfig]
    pruned: Final[bool]
    base_known: Final[bool]
    base_id: Final[str]

    def __init__(self, index: int, name: str, base: Base, platform: str, location: Location,
                 text: str, steps: tuple[Step, ...], config: ImageConfig, pruned: bool = False,
                 base_known: bool = True, base_id: str = "") -> None:
        self.index = index
        self.name = name
        self.base = base
        self.platform = platform
        self.location = location
        self.text = text
        self.steps = steps
        self.config = config
        self.pruned = pruned
        self.base_known = base_known
        self.base_id = base_id

    @property
    def display_name(self) -> str:
        """The stage name, or ``stage-<index>`` for an unnamed stage."""
        return self.name or f"stage-{self.index}"


class BuildGraph(Record):
    """The plan of a build. Stages are in Dockerfile order; ``target`` is an index."""

    __eq__ = object.__eq__  # compared and hashed by identity
    __hash__ = object.__hash__
    __slots__ = ("filename", "stages", "edges", "target", "platform", "build_platform",
                 "global_args", "warnings")
    filename: Final[str]
    stages: Final[tuple[Stage, ...]]
    edges: Final[tuple[Edge, ...]]
    target: Final[int]
    platform: Final[str]
    build_platform: Final[str]
    global_args: Final[tuple[tuple[str, str], ...]]
    warnings: Final[tuple[str, ...]]

    def __init__(self, filename: str, stages: tuple[Stage, ...], edges: tuple[Edge, ...],
                 target: int, platform: str, build_platform: str,
                 global_args: tuple[tuple[str, str], ...], warnings: tuple[str, ...] = ()) -> None:
        self.filename = filename
        self.stages = stages
        self.edges = edges
        self.target = target
        self.platform = platform
        self.build_platform = build_platform
        self.global_args = global_args
        self.warnings = warnings

    def stage(self, key: int | str) -> Stage:
        """A stage by index or (case-insensitive) name; raises KeyError."""
        if isinstance(key, int):
            return self.stages[key]
        for st in self.stages:
            if st.name and st.name == key.lower():
                return st
        raise KeyError(key)

    def steps(self, include_pruned: bool = False) -> Iterator[Step]:
        """Every step, stage by stage (pruned stages only when asked)."""
        for st in self.stages:
            if include_pruned or not st.pruned:
                yield from st.steps


def summary(kind: str, ins: Mapping[str, Any]) -> str:
    """A one-line description of an expanded instruction (used by renderers and explain)."""
    detail = ""
    if kind == "RUN":
        args = ins.get("command") or []
        detail = args[-1] if ins.get("shell_form") and args else " ".join(args)
    elif kind in ("COPY", "ADD"):
        names = [*ins.get("sources", []), *(f"<<{n}" for n, _ in ins.get("inline", []))]
        detail = " ".join(names)
    elif kind in ("WORKDIR", "USER", "STOPSIGNAL", "MAINTAINER"):
        detail = str(next(iter(ins.values()), ""))
    elif kind in ("ENV", "LABEL", "ARG"):
        detail = " ".join(str(p[0]) for p in ins.get("pairs", []))
    else:
        values = next(iter(ins.values()), "") if ins else ""
        detail = " ".join(map(str, values)) if isinstance(values, list) else str(values)
    detail = " ".join(detail.split())
    if len(detail) > 60:
        detail = detail[:57] + "..."
    return f"{kind} {detail}".rstrip()


# -- planning -----------------------------------------------------------------------------


def fail(message: str, location: Location | None, source: str | None = None) -> DockerfileError:
    """A located planning error."""
    return DockerfileError(message, location, source)


def expand_word(lex: Lex, word: str, env: Mapping[str, str], location: Location) -> str:
    """``lex.process_word`` with the error located at ``location``."""
    try:
        return lex.process_word(word, env)
    except ExpansionError as err:
        raise ExpansionError(err.message, location) from None


def plan(
    dockerfile: Dockerfile,
    settings: PlanSettings | None = None,
    base_configs: BaseConfigs | None = None,
) -> BuildGraph:
    """Plan the build of ``dockerfile``.

    ``base_configs`` maps an image reference, as written after expansion, to its config
    (or is a callable doing so); a missing image is planned as an empty config.
    """
    from builder.planner import Planner

    settings = settings or PlanSettings()
    if base_configs is None:
        lookup: Callable[[str], ImageConfig | None] = lambda _ref: None  # noqa: E731
    elif callable(base_configs):
        lookup = base_configs
    else:
        lookup = base_configs.get
    try:
        return Planner(dockerfile, settings, lookup).run()
    except DockerfileError as err:
        if err.source_line is None and err.location is not None:
            err.source_line = dockerfile.line_text(err.location.line)
        raise


def split_stages(
    instructions: tuple[Instruction, ...], filename: str
) -> tuple[list[Arg], list[tuple[From, list[Instruction]]]]:
    """Global ARGs and ``(FROM, body)`` pairs."""
    meta: list[Arg] = []
    stages: list[tuple[From, list[Instruction]]] = []
    for ins in instructions:
        if isinstance(ins, From):
            stages.append((ins, []))
        elif stages:
            stages[-1][1].append(ins)
        elif isinstance(ins, Arg):
            meta.append(ins)
        else:
            raise fail("no build stage in current context", ins.location)
    if not stages:
        loc = instructions[0].location if instructions else Location(filename, 1, 1)
        raise fail("dockerfile contains no stages to build", loc)
    return meta, stages


def unused_build_args(build_args: Mapping[str, str], consumed: set[str]) -> list[str]:
    """Build args that no ARG consumed (builtin ones never count)."""
    return sorted(k for k in build_args if k not in consumed and not is_builtin_arg(k))


def global_args(
    meta: list[Arg], settings: PlanSettings, target_stage: str, lex: Lex
) -> dict[str, str]:
    """The automatic platform args, then the global ARGs (with ``--build-arg`` overrides)."""
    env = platform_args(
        settings.effective_build_platform, settings.platform, target_stage, settings.build_args
    )
    for ins in meta:
        for a in ins.args:
            if a.key in settings.build_args:
                env[a.key] = settings.build_args[a.key]
            elif a.value is not None:
                env[a.key] = expand_word(lex, a.value, env, ins.location)
    return env
