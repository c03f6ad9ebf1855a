"""``dockyard graph``: show the build plan of a Dockerfile, and what the cache would reuse."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

import click

from builder.cli.output import print_json

if TYPE_CHECKING:
    from collections.abc import Callable

    from builder.graph import BuildGraph, ImageConfig, Step
    from builder.graph_render import StepStatus
    from builder.settings import Settings


def _build_args(values: tuple[str, ...]) -> dict[str, str]:
    out: dict[str, str] = {}
    for item in values:
        key, sep, value = item.partition("=")
        if not sep or not key:
            raise click.BadParameter(f"expected KEY=VALUE, got {item!r}", param_hint="--build-arg")
        out[key] = value
    return out


class _BaseLookup:
    """Image configs from the local store; remembers the IDs it resolved for cache keys."""

    def __init__(self, root: Path) -> None:
        from builder.store import Store

        self.store = Store(root)
        self.ids: dict[str, str] = {}

    def __call__(self, ref: str) -> ImageConfig | None:
        from builder.errors import DockyardError
        from builder.graph import ImageConfig

        try:
            image = self.store.resolve(ref)
        except DockyardError:
            return None
        self.ids[ref] = image.id
        return ImageConfig.from_docker(image.config, image.id)


def _sources_digester(root: Path, context: Path, file: str | None) -> Callable[[Step], str | None]:
    """The content digests ``dockyard build`` would put in COPY/ADD keys (None if unknown)."""
    from builder.context import StatCache, open_context
    from builder.copy import sources_digester
    from builder.errors import DockyardError

    stat_cache = StatCache.for_root(root)
    try:
        ctx = open_context(context, None if file in (None, "-") else file, stat_cache=stat_cache)
    except DockyardError:
        stat_cache.close()
        return lambda step: None
    digest = sources_digester(ctx.snapshot)

    def safe(step: Step) -> str | None:
        try:
            return digest(step)
        except DockyardError:
            return None

    return safe


def cache_statuses(
    graph: BuildGraph, root: Path, context: Path, file: str | None = None,
    image_ids: dict[str, str] | None = None,
) -> dict[tuple[int, int], StepStatus] | None:  # fmt: skip
    """Whether each step would hit ``<root>/cache`` (None when there is no cache).

    Keys are computed exactly as ``dockyard build`` computes them: the same context scan
    (with ``.dockerignore``), content digests and base image IDs.
    """
    if not (root / "cache").is_dir():
        return None
    from builder import cachekey
    from builder.cache import BuildCache
    from builder.graph_render import StepStatus

    digester = _sources_digester(root, context, file) if context.is_dir() else None
    keys = cachekey.keys_for(graph, digester, image_ids or {})
    out: dict[tuple[int, int], StepStatus] = {}
    last: dict[int, bool | None] = {}  # per stage: did the last filesystem step hit?
    with BuildCache(root) as cache:
        for (stage, index), key in sorted(keys.items()):
            step = graph.stages[stage].steps[index]
            if not step.layer:
                # config only: free when the filesystem steps before it are cached
                hit = last.get(stage, True)
                missed = (f"{step.label}: parent step missed",)
                out[(stage, index)] = StepStatus(key.digest, hit, () if hit else missed)
                continue
            if not key.complete:
                last[stage] = None
                why = "sources decided at build time (another stage, image or remote)"
                out[(stage, index)] = StepStatus(key.digest, None, (f"{step.label}: {why}",))
                continue
            reasons = cache.explain(key.inputs)
            if step.no_cache:
                reasons = [f"{step.label}: cache disabled (--no-cache)"]
            out[(stage, index)] = StepStatus(key.digest, not reasons, tuple(reasons))
            last[stage] = not reasons
    return out


@click.command()
@click.option(
    "-f",
    "--file",
    "file",
    default=None,
    help="The Dockerfile (default CONTEXT/Dockerfile; - reads stdin).",
)
@click.option("--target", default="", help="The stage to build (default: the last).")
@click.option(
    "--build-arg",
    "build_args",
    multiple=True,
    metavar="KEY=VALUE",
    help="A build arg (repeatable).",
)
@click.option(
    "--all-stages", is_flag=True, help="Plan and show every stage, not only those the target needs."
)
@click.option("--platform", default=None, help="Target platform (default: the host's).")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["text", "json", "dot", "mermaid", "svg"]),
    default="text",
    show_default=True,
    help="Output format.",
)
@click.option(
    "-o",
    "--output",
    default=None,
    type=click.Path(dir_okay=False),
    help="Write to FILE instead of stdout.",
)
@click.argument("context", default=".", type=click.Path(file_okay=False))
@click.pass_obj
def graph(
    settings: Settings, file: str | None, target: str, build_args: tuple[str, ...],
    all_stages: bool, platform: str | None, fmt: str, output: str | None, context: str,
) -> None:  # fmt: skip
    """Show the stages, steps and edges of a build, and which steps the cache would reuse."""
    from builder import graph_render
    from builder.graph import PlanSettings, plan
    from builder.parser import parse, parse_file, read_dockerfile

    ctx = Path(context)
    if file == "-":
        df = parse(read_dockerfile(sys.stdin.buffer, "-"), "-")
    else:
        df = parse_file(Path(file) if file else ctx / "Dockerfile")
    plan_settings = PlanSettings(
        build_args=_build_args(build_args), target=target, all_stages=all_stages
    )
    if platform:
        plan_settings = plan_settings.replace(platform=platform)
    has_store = (settings.root / "store" / "index.json").is_file()
    lookup = _BaseLookup(settings.root) if has_store else None
    g = plan(df, plan_settings, lookup)
    for warning in g.warnings:
        click.echo(warning, err=True)
    if lookup is None and any(st.base.kind == "image" and not st.pruned for st in g.stages):
        click.echo(
            "note: no local store; base image configs are unknown (planned as empty)", err=True
        )
    statuses = (
        cache_statuses(g, settings.root, ctx, file, lookup.ids if lookup else None)
        if fmt in ("text", "json")
        else None
    )

    data: str | bytes
    if fmt == "json":
        if output is None:
            print_json(graph_render.to_json(g, statuses))
            return
        import json

        data = json.dumps(graph_render.to_json(g, statuses), indent=2, sort_keys=True) + "\n"
    elif fmt == "text":
        data = graph_render.to_text(g, statuses)
    elif fmt == "mermaid":
        data = graph_render.to_mermaid(g, None, all_stages)
    else:
        dot = graph_render.to_dot(g, None, all_stages)
        data = dot if fmt == "dot" else graph_render.to_svg(dot)
    if output is not None:
        Path(output).write_bytes(data.encode() if isinstance(data, str) else data)
    elif isinstance(data, bytes):
        sys.stdout.buffer.write(data)
        sys.stdout.flush()
    else:
        click.echo(data, nl=False)
