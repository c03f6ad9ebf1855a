"""Cache keys: the one place they are computed.

A key is ``blake3:<hex>`` over canonical JSON (sorted keys, no whitespace) of the step's
inputs. The inputs are recorded with the key, so a miss can be explained
(:func:`explain`). What goes in, per step:

* ``parent``: the key of the stage's previous filesystem step, or its base (the image's
  ID or canonical reference, ``scratch``, or the base stage's last key). Metadata-only
  steps (ENV, LABEL, CMD, …) change no files, so they are never a parent: they reach
  later keys only through what they change (env, user, workdir, shell), as in BuildKit;
* ``kind`` and ``instruction``: the instruction after expansion, normalized (comments,
  blank lines, keyword case and line layout do not show);
* ``platform``;
* RUN: ``env`` (ENV values), ``args`` (in-scope ARG values; undeclared proxy args are
  left out), ``workdir``, ``user``, ``shell``, ``deps`` (keys of ``--mount=from=``
  stages and images), ``sources`` (content digest of bind-mounted context paths);
  secret contents and cache mounts never take part;
* COPY/ADD: ``workdir``, ``sources`` (a content digest of the selected context sources,
  which the scheduler fills in at build time: see :func:`compute`); for ``COPY --from``
  the source stage's key (or the image's ID) in ``deps`` stands for the content instead;
* WORKDIR: ``user`` (the directory is created as that user).

``slot`` (stage and position) and ``label`` are recorded for explanations and are not
hashed.
"""

from __future__ import annotations

import json

import blake3

from builder.record import Record

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Callable, Mapping
    from typing import Any, Final

    from builder.graph import Base, BuildGraph, Edge, Step

__all__ = [
    "KEY_VERSION",
    "CacheKey",
    "base_key",
    "canonical_json",
    "compute",
    "context_mounts",
    "digest_of",
    "explain",
    "keys_for",
    "normalize_shell_command",
    "slot_of",
]

KEY_VERSION = 1
_UNHASHED = ("slot", "label")
_FILE_STEPS = ("COPY", "ADD")


class CacheKey(Record):
    """A step's key and the inputs it was computed from.

    ``complete`` is false for a COPY/ADD whose sources digest is not known yet: such a
    key must not be looked up or committed.
    """

    __slots__ = ("digest", "inputs", "complete")
    digest: Final[str]
    inputs: Final[Mapping[str, Any]]
    complete: Final[bool]

    def __init__(self, digest: str, inputs: Mapping[str, Any], complete: bool = True) -> None:
        self.digest = digest
        self.inputs = inputs
        self.complete = complete

    def __str__(self) -> str:
        return self.digest


def canonical_json(data: Any) -> bytes:
    """Sorted keys, no whitespace, UTF-8."""
    return json.dumps(data, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode(
        "utf-8", "surrogateescape"
    )


def digest_of(inputs: Mapping[str, Any]) -> str:
    """The key of recorded inputs (``slot`` and ``label`` are not hashed)."""
    payload = {k: v for k, v in inputs.items() if k not in _UNHASHED}
    return "blake3:" + blake3.blake3(canonical_json(payload)).hexdigest()


def slot_of(step: Step, stage_name: str = "") -> str:
    """Where a step sits: ``<stage>/<index>/<kind>``; used to find the previous build."""
    return f"{stage_name or f'stage-{step.stage}'}/{step.index}/{step.kind}"


_POSIX_SHELLS = frozenset({"sh", "bash", "ash", "dash", "ksh", "mksh", "zsh", "busybox"})


def normalize_shell_command(command: str) -> str:
    """Collapse unquoted runs of blanks to one space (POSIX shell word separators).

    Quoted text and backslash-escaped characters are kept exactly, so the normalized form
    runs the same words; layout differences (continuations, indentation) disappear.
    """
    out: list[str] = []
    quote = ""
    i, n = 0, len(command)
    while i < n:
        c = command[i]
        if quote == "'":
            out.append(c)
            if c == "'":
                quote = ""
        elif c == "\\" and i + 1 < n:
            out.append(command[i : i + 2])
            i += 2
            continue
        elif quote == '"':
            out.append(c)
            if c == '"':
                quote = ""
        elif c in "'\"":
            out.append(c)
            quote = c
        elif c in " \t":
            while i + 1 < n and command[i + 1] in " \t":
                i += 1
            out.append(" ")
        else:
            out.append(c)
        i += 1
    return "".join(out).strip(" ")


def _canonical_instruction(step: Step) -> dict[str, Any]:
    ins = step.instruction
    if step.kind != "RUN" or not ins.get("shell_form") or not ins.get("command"):
        return dict(ins)
    shell = step.shell[0].rsplit("/", 1)[-1] if step.shell else ""
    if shell not in _POSIX_SHELLS:
        return dict(ins)
    command = list(ins["command"])
    command[-1] = normalize_shell_command(command[-1])
    return {**ins, "command": command}


def context_mounts(step: Step) -> list[str]:
    """The context paths a RUN bind-mounts (``--mount=type=bind`` without ``from``)."""
    if step.kind != "RUN":
        return []
    return [
        str(m.get("source") or ".")
        for m in step.instruction.get("mounts", [])
        if m.get("type") == "bind" and not m.get("from")
    ]


def _needs_sources(step: Step) -> bool:
    ins = step.instruction
    if step.kind == "RUN":
        return bool(context_mounts(step))
    return step.kind in _FILE_STEPS and bool(ins.get("sources")) and not ins.get("from")


def compute(
    step: Step,
    parent_key: str,
    sources_digest: str | None = None,
    dependency_keys: Mapping[str, str] | None = None,
    *,
    stage_name: str = "",
) -> CacheKey:
    """The key of ``step`` after ``parent_key``.

    ``sources_digest`` is the content digest of a COPY/ADD's selected sources (filled in
    at build time); ``dependency_keys`` maps each dependency of the step (``stage:<i>`` or
    ``image:<ref>``, see :func:`dependency_name`) to its key or image ID.
    """
    deps = dependency_keys or {}
    ins = _canonical_instruction(step)
    inputs: dict[str, Any] = {
        "v": KEY_VERSION,
        "parent": parent_key,
        "kind": step.kind,
        "instruction": ins,
        "platform": step.platform,
        "slot": slot_of(step, stage_name),
        "label": step.label,
    }
    complete = True
    if step.kind == "RUN":
        args = dict(step.build_args)
        env = {}
        for item in step.env:
            k, _, v = item.partition("=")
            if k not in args:
                env[k] = v
        inputs.update(env=env, args=args, workdir=step.workdir, user=step.user)
        inputs["shell"] = list(step.shell)
        if _needs_sources(step):
            inputs["sources"] = sources_digest
            complete = sources_digest is not None
    elif step.kind in _FILE_STEPS:
        inputs["workdir"] = step.workdir
        if _needs_sources(step):
            inputs["sources"] = sources_digest
            complete = sources_digest is not None
    elif step.kind == "WORKDIR":
        inputs["user"] = step.user
    if step.deps:
        inputs["deps"] = {
            dependency_name(e): deps.get(dependency_name(e), dependency_name(e)) for e in step.deps
        }
    return CacheKey(digest_of(inputs), inputs, complete)


def dependency_name(edge: Edge) -> str:
    """``stage:<index>`` or ``image:<reference>``."""
    if edge.source_stage is not None:
        return f"stage:{edge.source_stage}"
    return f"image:{edge.image}"


def base_key(base: Base, image_id: str = "", stage_keys: Mapping[int, str] | None = None) -> str:
    """The parent key of a stage's first step."""
    if base.kind == "scratch":
        return "scratch"
    if base.kind == "stage":
        assert base.stage is not None
        return (stage_keys or {})[base.stage]
    return f"image:{image_id or base.canonical or base.ref}"


def keys_for(
    graph: BuildGraph,
    sources_digest: Callable[[Step], str | None] | None = None,
    image_ids: Mapping[str, str] | None = None,
) -> dict[tuple[int, int], CacheKey]:
    """Keys of every step, by ``(stage, index)``.

    A stage's key (for ``FROM <stage>``, ``COPY --from``, mounts) is its last filesystem
    key. ``image_ids`` maps canonical references to image IDs when known.
    """
    ids = image_ids or {}
    stage_keys: dict[int, str] = {}
    # a key after an incomplete one (an ADD of a URL) cannot name its inputs either
    stage_complete: dict[int, bool] = {}
    out: dict[tuple[int, int], CacheKey] = {}
    for st in graph.stages:
        parent = base_key(st.base, st.base_id or ids.get(st.base.canonical, ""), stage_keys)
        complete = st.base.stage is None or stage_complete.get(st.base.stage, True)
        for step in st.steps:
            deps = {}
            inherited = complete
            for e in step.deps:
                name = dependency_name(e)
                if e.source_stage is not None:
                    deps[name] = stage_keys.get(e.source_stage, name)
                    inherited = inherited and stage_complete.get(e.source_stage, True)
                elif e.image is not None:
                    deps[name] = "image:" + ids.get(e.image, e.image)
            # a pruned stage is never built: its sources are not looked at (nor fetched)
            digest = sources_digest(step) if sources_digest and _needs_sources(step) \
                and not st.pruned else None
            key = compute(step, parent, digest, deps, stage_name=st.display_name)
            if not inherited and key.complete:
                key = CacheKey(key.digest, key.inputs, False)
            out[(st.index, step.index)] = key
            if step.layer:
                parent = key.digest
                complete = key.complete
        stage_keys[st.index] = parent
        stage_complete[st.index] = complete
    return out


# -- explanations -------------------------------------------------------------------------


def _show(value: Any) -> str:
    if value is None:
        return "(none)"
    if isinstance(value, str):
        return value if value else '""'
    return json.dumps(value, sort_keys=True)


def _dict_changes(what: str, old: Mapping[str, Any], new: Mapping[str, Any]) -> list[str]:
    out = []
    for k in sorted(set(old) | set(new)):
        if k not in new:
            out.append(f"{what} {k} removed (was {_show(old[k])})")
        elif k not in old:
            out.append(f"{what} {k} added ({_show(new[k])})")
        elif old[k] != new[k]:
            out.append(f"{what} {k} changed {_show(old[k])} → {_show(new[k])}")
    return out


def explain(old: Mapping[str, Any], new: Mapping[str, Any]) -> list[str]:
    """Why a step's key changed from ``old`` inputs to ``new``, in words (empty if equal)."""
    if digest_of(old) == digest_of(new):
        return []
    label = str(new.get("label") or old.get("label") or new.get("kind") or "step")
    reasons: list[str] = []
    if old.get("v") != new.get("v"):
        reasons.append("cache key format changed")
    if old.get("parent") != new.get("parent"):
        parent = str(new.get("parent") or "")
        if parent.startswith(("image:", "scratch")) or old.get("kind") != new.get("kind"):
            reasons.append(f"base changed {_show(old.get('parent'))} → {_show(parent)}")
        else:
            reasons.append("parent step missed")
    if old.get("kind") != new.get("kind") or old.get("instruction") != new.get("instruction"):
        reasons.append("instruction changed")
    if old.get("sources") != new.get("sources"):
        reasons.append("content of sources changed")
    reasons += _dict_changes("build arg", old.get("args") or {}, new.get("args") or {})
    reasons += _dict_changes("env", old.get("env") or {}, new.get("env") or {})
    reasons += _dict_changes("dependency", old.get("deps") or {}, new.get("deps") or {})
    for field, name in (
        ("workdir", "working directory"),
        ("user", "user"),
        ("shell", "shell"),
        ("platform", "platform"),
    ):
        if old.get(field) != new.get(field):
            reasons.append(f"{name} changed {_show(old.get(field))} → {_show(new.get(field))}")
    if not reasons:
        reasons.append("inputs changed")
    return [f"{label}: {r}" for r in reasons]
