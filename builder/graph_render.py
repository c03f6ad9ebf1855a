"""Render a :class:`~builder.graph.BuildGraph` as text, JSON, Graphviz dot, Mermaid or SVG.

JSON schema (``dockyard graph --format json``, ``"version": 1``; keys are stable, new keys
may be added)::

    {
      "version": 1,
      "file": "Dockerfile",                  # the Dockerfile's name as given
      "platform": "linux/amd64",             # target platform
      "build_platform": "linux/amd64",
      "target": {"index": 2, "name": "app"}, # name is null for an unnamed stage
      "global_args": {"NAME": "value"},      # automatic platform args + ARGs before FROM
      "warnings": ["[Warning] One or more build-args [FOO] were not consumed"],
      "stages": [{
        "index": 0, "name": "build" | null, "display_name": "build" | "stage-0",
        "line": 3,                           # the FROM line
        "base": {"kind": "image" | "scratch" | "stage", "ref": "golang:1.22",
                 "canonical": "docker.io/library/golang:1.22" | null, "stage": 0 | null},
        "base_known": true,                  # false: image config unknown, planned as empty
        "platform": "linux/amd64",
        "pruned": false,                     # not needed for the target
        "config": {...},                     # Docker "config" at the stage's end (Env, Cmd, …)
        "author": "",                        # MAINTAINER
        "steps": [{
          "index": 0, "kind": "RUN", "line": 4, "end_line": 5, "text": "RUN make",
          "label": "RUN make", "onbuild": false, "layer": true,
          "instruction": {...},              # expanded, normalized instruction (per kind)
          "env": ["PATH=...", "VERSION=1"],  # environment as the step sees it (RUN gets it)
          "build_args": {"VERSION": "1"},    # declared ARGs, as RUN history shows them
          "proxy_env": ["HTTP_PROXY", "http_proxy"],  # proxy build args RUN gets (names)
          "workdir": "/", "user": "", "shell": ["/bin/sh", "-c"],
          "config_change": {"Env": {"A": "1"}},   # Docker config keys; "author" for MAINTAINER
          "deps": [{"kind": "copy" | "mount", "stage": 0 | null, "image": "ref" | null}],
          "no_cache": false,
          "cache": {"key": "blake3:…", "hit": true | false | null, "reasons": ["…"]}
                                             # only when a cache was consulted
        }]
      }],
      "edges": [{"kind": "from" | "copy" | "mount", "to_stage": 1, "to_step": 0 | null,
                 "from_stage": 0 | null, "image": "docker.io/library/alpine:3" | null}]
    }
"""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from builder.errors import DockyardError
from builder.graph import BuildGraph, Edge, Stage, Step

__all__ = ["JSON_VERSION", "StepStatus", "to_dot", "to_json", "to_mermaid", "to_svg", "to_text"]

JSON_VERSION = 1
Statuses = Mapping[tuple[int, int], "StepStatus"]


@dataclass(frozen=True)
class StepStatus:
    """Whether a step would hit the cache; ``hit`` is None when it cannot be told."""

    key: str
    hit: bool | None
    reasons: tuple[str, ...] = field(default=())


def _stage_json(st: Stage, statuses: Statuses | None) -> dict[str, Any]:
    return {
        "index": st.index,
        "name": st.name or None,
        "display_name": st.display_name,
        "line": st.location.line,
        "base": {
            "kind": st.base.kind,
            "ref": st.base.ref,
            "canonical": st.base.canonical or None,
            "stage": st.base.stage,
        },
        "base_known": st.base_known,
        "platform": st.platform,
        "pruned": st.pruned,
        "config": st.config.to_docker(),
        "author": st.config.author,
        "steps": [_step_json(s, statuses) for s in st.steps],
    }


def _step_json(s: Step, statuses: Statuses | None) -> dict[str, Any]:
    out: dict[str, Any] = {
        "index": s.index,
        "kind": s.kind,
        "line": s.location.line,
        "end_line": s.location.end_line,
        "text": s.text,
        "label": s.label,
        "onbuild": s.onbuild,
        "layer": s.layer,
        "instruction": s.instruction,
        "env": list(s.env),
        "build_args": dict(s.build_args),
        "proxy_env": [k for k, _ in s.proxy_env],
        "workdir": s.workdir,
        "user": s.user,
        "shell": list(s.shell),
        "config_change": s.config_change,
        "deps": [{"kind": e.kind, "stage": e.source_stage, "image": e.image} for e in s.deps],
        "no_cache": s.no_cache,
    }
    status = statuses.get((s.stage, s.index)) if statuses else None
    if status is not None:
        out["cache"] = {"key": status.key, "hit": status.hit, "reasons": list(status.reasons)}
    return out


def _edge_json(e: Edge) -> dict[str, Any]:
    return {
        "kind": e.kind,
        "to_stage": e.stage,
        "to_step": e.step,
        "from_stage": e.source_stage,
        "image": e.image,
    }


def to_json(graph: BuildGraph, statuses: Statuses | None = None) -> dict[str, Any]:
    """The graph as JSON data (schema in the module docstring)."""
    target = graph.stages[graph.target]
    return {
        "version": JSON_VERSION,
        "file": graph.filename,
        "platform": graph.platform,
        "build_platform": graph.build_platform,
        "target": {"index": target.index, "name": target.name or None},
        "global_args": dict(graph.global_args),
        "warnings": list(graph.warnings),
        "stages": [_stage_json(st, statuses) for st in graph.stages],
        "edges": [_edge_json(e) for e in graph.edges],
    }


def _base_text(st: Stage, graph: BuildGraph) -> str:
    if st.base.kind == "stage" and st.base.stage is not None:
        return f"stage {graph.stages[st.base.stage].display_name}"
    if st.base.kind == "image":
        note = "" if st.base_known else ", config unknown"
        return f"{st.base.ref} ({st.base.canonical}{note})"
    return "scratch"


def to_text(graph: BuildGraph, statuses: Statuses | None = None) -> str:
    """A human listing: stages, steps with lines, cache status and reasons, edges."""
    target = graph.stages[graph.target]
    lines = [
        f"{graph.filename}: {len(graph.stages)} stage(s), target {target.display_name} "
        f"({graph.platform})"
    ]
    for st in graph.stages:
        flag = "  [pruned]" if st.pruned else ""
        lines.append(
            f"stage {st.index} {st.display_name}: FROM {_base_text(st, graph)}"
            f"  [line {st.location.line}]{flag}"
        )
        for s in st.steps:
            where = "onbuild" if s.onbuild else f"line {s.location.line}"
            status = statuses.get((s.stage, s.index)) if statuses else None
            mark = ""
            if status is not None:
                mark = {True: "  cached", False: "  miss", None: "  ?"}[status.hit]
            lines.append(f"  {s.index:>3}  {where:<9} {s.label}{mark}")
            if status is not None and not status.hit:
                lines.extend(f"                 {r}" for r in status.reasons)
    deps = [e for e in graph.edges if e.source_stage is not None or e.kind != "from"]
    if deps:
        lines.append("edges:")
        for e in deps:
            src = (
                graph.stages[e.source_stage].display_name
                if e.source_stage is not None
                else f"image {e.image}"
            )
            at = "FROM" if e.step is None else f"step {e.step} ({e.kind})"
            lines.append(f"  {src} -> {graph.stages[e.stage].display_name} {at}")
    return "\n".join(lines) + "\n"


def _visible(graph: BuildGraph, all_stages: bool) -> list[Stage]:
    return [st for st in graph.stages if all_stages or not st.pruned]


def _dot_str(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'


def _last_node(st: Stage) -> str:
    return f"s{st.index}_{st.steps[-1].index}" if st.steps else f"s{st.index}_from"


def _node(e: Edge) -> str:
    return f"s{e.stage}_from" if e.step is None else f"s{e.stage}_{e.step}"


def to_dot(graph: BuildGraph, statuses: Statuses | None = None, all_stages: bool = False) -> str:
    """Graphviz dot: a cluster per stage, step chains, dependency edges."""
    shown = _visible(graph, all_stages)
    ids = {st.index for st in shown}
    out = [
        "digraph build {",
        "  rankdir=TB;",
        '  node [shape=box, fontname="monospace", fontsize=10];',
    ]
    images: dict[str, str] = {}
    for st in shown:
        style = ', style="dashed"' if st.pruned else ""
        out.append(f"  subgraph cluster_{st.index} {{")
        out.append(f"    label={_dot_str(st.display_name)}{style};")
        out.append(f"    s{st.index}_from [label={_dot_str('FROM ' + st.base.ref)}, shape=oval];")
        prev = f"s{st.index}_from"
        for s in st.steps:
            node = f"s{st.index}_{s.index}"
            status = statuses.get((s.stage, s.index)) if statuses else None
            color = ""
            if status is not None and status.hit is not None:
                color = ', color="darkgreen"' if status.hit else ', color="red"'
            out.append(f"    {node} [label={_dot_str(s.label)}{color}];")
            out.append(f"    {prev} -> {node};")
            prev = node
        out.append("  }")
    for e in graph.edges:
        if e.stage not in ids:
            continue
        label = {"from": "FROM", "copy": "COPY --from", "mount": "--mount from"}[e.kind]
        if e.source_stage is not None:
            if e.source_stage not in ids:
                continue
            src = _last_node(graph.stages[e.source_stage])
        else:
            assert e.image is not None
            src = images.setdefault(e.image, f"img{len(images)}")
        out.append(f"  {src} -> {_node(e)} [style=dashed, label={_dot_str(label)}];")
    for ref, node in images.items():
        out.append(f"  {node} [label={_dot_str(ref)}, shape=cylinder];")
    out.append("}")
    return "\n".join(out) + "\n"


def _mm(text: str) -> str:
    return '"' + text.replace('"', "#quot;").replace("\n", " ") + '"'


def to_mermaid(
    graph: BuildGraph, statuses: Statuses | None = None, all_stages: bool = False
) -> str:
    """A Mermaid flowchart of the same shape as :func:`to_dot`."""
    shown = _visible(graph, all_stages)
    ids = {st.index for st in shown}
    out = ["flowchart TB"]
    images: dict[str, str] = {}
    for st in shown:
        out.append(f"  subgraph stage{st.index}[{_mm(st.display_name)}]")
        prev = f"s{st.index}_from"
        out.append(f"    {prev}([{_mm('FROM ' + st.base.ref)}])")
        for s in st.steps:
            node = f"s{st.index}_{s.index}"
            out.append(f"    {node}[{_mm(s.label)}]")
            out.append(f"    {prev} --> {node}")
            prev = node
        out.append("  end")
    for e in graph.edges:
        if e.stage not in ids:
            continue
        if e.source_stage is not None:
            if e.source_stage not in ids:
                continue
            src = _last_node(graph.stages[e.source_stage])
        else:
            assert e.image is not None
            if e.image not in images:
                images[e.image] = f"img{len(images)}"
                out.append(f"  {images[e.image]}[({_mm(e.image)})]")
            src = images[e.image]
        out.append(f"  {src} -.->|{e.kind}| {_node(e)}")
    return "\n".join(out) + "\n"


def to_svg(dot_text: str) -> bytes:
    """Run Graphviz ``dot -Tsvg``; raises DockyardError when it is missing or fails."""
    exe = shutil.which("dot")
    if exe is None:
        raise DockyardError(
            "Graphviz 'dot' was not found on PATH; install graphviz "
            "or use --format dot and render it elsewhere"
        )
    proc = subprocess.run(
        [exe, "-Tsvg"], input=dot_text.encode(), capture_output=True, check=False, timeout=120
    )
    if proc.returncode != 0:
        msg = proc.stderr.decode(errors="replace").strip()
        raise DockyardError(f"dot failed: {msg}")
    return proc.stdout
