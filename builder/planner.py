"""The planner behind :func:`builder.graph.plan`: stages, references, triggers, pruning.

Stages are planned in order (a stage can only depend on earlier ones), then the stages
the target needs are found by walking FROM, ``COPY --from`` and ``RUN --mount=from=``
edges. ONBUILD triggers of a base (an image's ``OnBuild`` or the ONBUILD lines of a
parent stage) become steps right after FROM.
"""

from __future__ import annotations

import functools

from builder.dispatch import Dispatcher, StageState
from builder.errors import DockerfileError, Location, ReferenceFormatError
from builder.graph import (
    Base,
    BuildGraph,
    Edge,
    ImageConfig,
    PlanSettings,
    Stage,
    Step,
    expand_word,
    fail,
    global_args,
    split_stages,
    unused_build_args,
)
from builder.instructions import From, Instruction, Maintainer, Onbuild, from_node
from builder.reference import parse as parse_reference
from builder.shell_words import Lex

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Callable
    from typing import Literal

    from builder.parser import Dockerfile

__all__ = ["Planner"]


def _reference(text: str, location: Location, what: str) -> str:
    try:
        return str(parse_reference(text).with_default_tag())
    except ReferenceFormatError as err:
        raise fail(f'{what} "{text}": {err.message}', location) from None


class Planner:
    """One planning run; see :func:`builder.graph.plan`."""

    def __init__(
        self,
        dockerfile: Dockerfile,
        settings: PlanSettings,
        lookup: Callable[[str], ImageConfig | None],
    ) -> None:
        self.df = dockerfile
        self.settings = settings
        self.lookup = lookup
        self.filename = dockerfile.filename
        self.lex = Lex(dockerfile.escape)

    def run(self) -> BuildGraph:
        s = self.settings
        meta, raw_stages = split_stages(self.df.instructions, self.filename)
        self.froms = [f for f, _ in raw_stages]
        self.names: dict[str, int] = {}
        for i, f in enumerate(self.froms):
            if f.stage_name:
                if f.stage_name in self.names:
                    raise fail(
                        f'duplicate stage name "{f.stage_name}", stage names should be unique',
                        f.location,
                    )
                self.names[f.stage_name] = i
        target = len(raw_stages) - 1
        if s.target:
            if s.target.lower() not in self.names:
                listed = ", ".join(sorted(self.names)) or "none"
                raise fail(f'target stage "{s.target}" could not be found (stages: {listed})', None)
            target = self.names[s.target.lower()]
        self.globals = global_args(meta, s, self.froms[target].stage_name, self.lex)
        consumed = {a.key for ins in meta for a in ins.args}

        bases = [self._base(i, f) for i, f in enumerate(self.froms)]
        # Structural checks of every stage, as Docker does before building any.
        for i, (_, body) in enumerate(raw_stages):
            for ins in body:
                for kind, text in _from_refs(ins):
                    self.resolve(i, ins.location, text, kind, False)

        states: list[StageState] = []
        stages: list[Stage] = []
        errors: dict[int, DockerfileError] = {}
        edges: list[Edge] = []
        for i, ((frm, body), base) in enumerate(zip(raw_stages, bases, strict=True)):
            if base.kind == "stage":
                assert base.stage is not None
                parent = states[base.stage]
                state = parent.copy()
                triggers = list(parent.config.get("OnBuild", ()))
                known, base_id = True, ""
                edges.append(Edge("from", i, None, source_stage=base.stage))
            else:
                found = None if base.kind == "scratch" else self.lookup(base.ref)
                known = base.kind == "scratch" or found is not None
                # BuildKit's empty image for scratch has WorkingDir "/"
                cfg = found or ImageConfig(working_dir="/" if base.kind == "scratch" else "")
                base_id = cfg.id
                state = StageState.from_config(cfg)
                triggers = list(cfg.on_build)
                if base.kind == "image":
                    edges.append(Edge("from", i, None, image=base.canonical))
            platform = self._platform(frm)
            no_cache = s.no_cache or (frm.stage_name or f"stage-{i}") in s.no_cache_filter
            d = Dispatcher(
                i, state, lex=self.lex, platform=platform, build_args=s.build_args,
                global_args=self.globals, no_cache=no_cache,
                resolve_from=functools.partial(self.resolve, i),
            )  # fmt: skip
            steps: list[Step] = []
            work = [*self._triggers(frm, triggers), *((ins, False) for ins in body)]
            try:
                for ins, onbuild in work:
                    steps.append(d.step(ins, len(steps), onbuild))
            except DockerfileError as err:
                errors[i] = err
            edges.extend(e for st in steps for e in st.deps)
            states.append(state)
            stages.append(
                Stage(
                    index=i,
                    name=frm.stage_name,
                    base=base,
                    platform=platform,
                    location=frm.location,
                    text=frm.original,
                    steps=tuple(steps),
                    config=state.image_config(),
                    base_known=known,
                    base_id=base_id,
                )
            )

        needed = self._reachable(target, edges)
        warnings: list[str] = []
        for i, st in enumerate(stages):
            pruned = i not in needed and not s.all_stages
            if pruned:
                stages[i] = st.replace(pruned=True)
                continue
            if i in errors:
                raise errors[i]
            consumed |= states[i].consumed
        unused = unused_build_args(s.build_args, consumed)
        if unused:
            warnings.append(
                f"[Warning] One or more build-args [{' '.join(unused)}] were not consumed"
            )
        return BuildGraph(
            filename=self.filename,
            stages=tuple(stages),
            edges=tuple(edges),
            target=target,
            platform=s.platform,
            build_platform=s.effective_build_platform,
            global_args=tuple(sorted(self.globals.items())),
            warnings=tuple(warnings),
        )

    # -- pieces ---------------------------------------------------------------------------

    def _base(self, index: int, frm: From) -> Base:
        name = expand_word(self.lex, frm.base, self.globals, frm.location)
        if not name:
            raise fail(f"base name ({frm.base}) should not be blank", frm.location)
        found = self.names.get(name)
        if found is not None and found < index:
            return Base("stage", name, found)
        if found is not None and found > index:
            raise fail(
                f'FROM {name}: stage "{name}" is defined later in the Dockerfile; '
                "a stage can only be based on an earlier one",
                frm.location,
            )
        if name.lower() == "scratch":
            return Base("scratch", "scratch")
        return Base("image", name, None, _reference(name, frm.location, "invalid base image"))

    def _platform(self, frm: From) -> str:
        if not frm.platform:
            return self.settings.platform
        value = expand_word(self.lex, frm.platform, self.globals, frm.location)
        if not value:
            raise fail(f"empty platform value from expression {frm.platform}", frm.location)
        return value

    def resolve(self, stage: int, location: Location, text: str, kind: str, onbuild: bool) -> Edge:
        """The edge for ``--from=text`` (a stage index, a stage name or an image)."""
        kind_: Literal["copy", "mount"] = "copy" if kind == "copy" else "mount"
        if kind == "copy" and self.lex.process_word(text, {}) != text:
            raise fail(
                "variable expansion is not supported for --from, define a new stage with "
                "FROM using ARG from global scope as a workaround",
                location,
            )
        if not onbuild:
            index: int | None = None
            if text.lstrip("-").isdigit():
                index = int(text)
                if not 0 <= index < len(self.froms):
                    raise fail(f"invalid stage index {index}", location)
            else:
                index = self.names.get(text.lower())
            if index is not None:
                if index == stage:
                    raise fail(
                        f"--from={text}: circular dependency detected on stage: "
                        f"{self.froms[stage].stage_name or f'stage-{stage}'}",
                        location,
                    )
                if index > stage and kind == "copy":  # BuildKit's words
                    raise fail(
                        f'cannot copy from stage "{text}", it needs to be defined before '
                        f'current stage "{self.froms[stage].stage_name or ""}"',
                        location,
                    )
                if index > stage:
                    raise fail(
                        f'--from={text}: stage "{text}" is defined later in the Dockerfile; '
                        "a stage can only use earlier stages",
                        location,
                    )
                return Edge(kind_, stage, None, source_stage=index)
        image = _reference(text, location, f"invalid --from image reference for {kind.upper()}")
        return Edge(kind_, stage, None, image=image)

    def _triggers(self, frm: From, triggers: list[str]) -> list[tuple[Instruction, bool]]:
        out: list[tuple[Instruction, bool]] = []
        if not triggers:
            return out
        from builder.parser import parse  # Lark: imported only when a base has triggers

        for trigger in triggers:
            try:
                df = parse(trigger, self.filename)
                if len(df.nodes) != 1:
                    raise fail("onbuild trigger should be a single expression", frm.location)
                node = df.nodes[0].replace(
                    start_line=frm.location.line,
                    end_line=frm.location.end_line,
                    column=frm.location.column,
                )
                ins = from_node(node, None, self.filename)
            except DockerfileError as err:
                raise fail(f"ONBUILD trigger {trigger!r}: {err.message}", frm.location) from None
            if isinstance(ins, From | Onbuild | Maintainer):
                raise fail(f"{ins.name} isn't allowed as an ONBUILD trigger", frm.location)
            out.append((ins, True))
        return out

    def _reachable(self, target: int, edges: list[Edge]) -> set[int]:
        deps: dict[int, set[int]] = {}
        for e in edges:
            if e.source_stage is not None:
                deps.setdefault(e.stage, set()).add(e.source_stage)
        seen: set[int] = set()
        todo = [target]
        while todo:
            i = todo.pop()
            if i in seen:
                continue
            seen.add(i)
            todo.extend(deps.get(i, ()))
        return seen


def _from_refs(ins: Instruction) -> list[tuple[str, str]]:
    from builder.instructions import Copy, Run

    if isinstance(ins, Copy) and ins.from_:
        return [("copy", ins.from_)]
    if isinstance(ins, Run):
        return [("mount", m.from_) for m in ins.parsed_mounts() if m.from_]
    return []
