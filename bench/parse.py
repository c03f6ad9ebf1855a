"""Parse throughput and CLI start-up, beside the `dockerfile-parse` package.

Run: ``.venv/bin/python bench/parse.py`` (writes ``bench/results/parse.txt``).

Figures: lines per second parsing BuildKit's conformance corpus and a generated 10,000-line
Dockerfile (typed instructions included), the same inputs through `dockerfile-parse` (a regex
parser that does not follow BuildKit, shown for reference), and the wall time of a cold
``dockyard parse`` process on a 20-line file.
"""

from __future__ import annotations

import contextlib
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
CONFORMANCE = REPO.parent / "shared" / "conformance"

from timing import dockyard_exe  # noqa: E402  (bench/, the script's own directory)

from builder import parser as dockyard_parser  # noqa: E402
from builder.errors import DockerfileError  # noqa: E402

_STEP = [
    "# step {i}: fetch and build",
    "ARG VERSION_{i}=1.{i}",
    "ENV PATH=/opt/tool{i}/bin:$PATH \\",
    '    TOOL_HOME="/opt/tool{i}"',
    "RUN set -eux; \\",
    "    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \\",
    "    # a comment inside the continuation",
    "    curl -fsSL https://example.com/tool-${{VERSION_{i}}}.tar.gz | tar -xz -C /opt; \\",
    "    rm -rf /var/lib/apt/lists/*",
    "COPY --chown=app:app --chmod=0644 src/{i}/ /app/src/{i}/",
    'LABEL org.example.step{i}="step {i}" version=$VERSION_{i}',
    'RUN ["/bin/sh", "-c", "echo step {i} done"]',
    "WORKDIR /app/{i}",
    "",
]


def generated(lines: int = 10_000) -> str:
    """A realistic Dockerfile of about ``lines`` physical lines."""
    out = ["# syntax=docker/dockerfile:1", "FROM debian:12 AS base"]
    i = 0
    while len(out) < lines - 6:
        out.extend(s.format(i=i) for s in _STEP)
        i += 1
    out += ["RUN <<EOF", "echo heredoc", "EOF", 'CMD ["app"]']
    return "\n".join(out[:lines]) + "\n"


def _best_rate(fn: Callable[[], object], lines: int, repeat: int = 5) -> float:
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return lines / min(times)


def _ours(texts: list[bytes]) -> Callable[[], object]:
    uncached = dockyard_parser._parse_cached.__wrapped__

    def run() -> None:
        for text in texts:
            with contextlib.suppress(DockerfileError):  # the negative cases
                uncached(text, "Dockerfile").instructions  # noqa: B018

    return run


def _theirs(texts: list[bytes]) -> Callable[[], object] | None:
    try:
        from dockerfile_parse import DockerfileParser
    except ImportError:
        return None
    decoded = [t.decode("utf-8", "replace") for t in texts]

    def run() -> None:
        for text in decoded:
            p = DockerfileParser(fileobj=None, env_replace=False)
            p.content = text
            p.structure  # noqa: B018

    return run


def _cold_cli(runs: int = 15) -> list[float]:
    with tempfile.TemporaryDirectory() as tmp:
        df = Path(tmp) / "Dockerfile"
        df.write_text("\n".join(generated(60).splitlines()[:20]) + "\n")
        exe = dockyard_exe()
        subprocess.run([*exe, "parse", "-f", str(df)], capture_output=True, check=True)
        times = []
        for _ in range(runs):
            t = time.perf_counter()
            subprocess.run([*exe, "parse", "-f", str(df)], capture_output=True, check=True)
            times.append(time.perf_counter() - t)
    return times


def main() -> None:
    corpus = sorted(
        p.read_bytes()
        for p in (CONFORMANCE / "buildkit/frontend/dockerfile/parser").rglob("Dockerfile")
    )
    corpus_lines = sum(t.count(b"\n") + 1 for t in corpus)
    big = generated().encode()
    big_lines = big.count(b"\n")
    rows = []
    for label, texts, lines in (
        (f"conformance corpus ({len(corpus)} files, {corpus_lines} lines)", corpus, corpus_lines),
        (f"generated Dockerfile ({big_lines} lines)", [big], big_lines),
    ):
        ours = _best_rate(_ours(texts), lines)
        theirs_fn = _theirs(texts)
        theirs = _best_rate(theirs_fn, lines) if theirs_fn else None
        rows.append((label, ours, theirs))
    cli = _cold_cli()
    out = ["parse throughput (lines/s, best of 5; dockyard includes typed instructions)"]
    out.append(f"{'input':<44} {'dockyard':>12} {'dockerfile-parse':>17} {'ratio':>7}")
    for label, ours, theirs in rows:
        other = f"{theirs:>17,.0f}" if theirs else f"{'not installed':>17}"
        ratio = f"{ours / theirs:>6.2f}x" if theirs else ""
        out.append(f"{label:<44} {ours:>12,.0f} {other} {ratio}")
    out.append("")
    out.append(
        f"cold `dockyard parse` of a 20-line file: median {statistics.median(cli) * 1000:.0f} ms, "
        f"min {min(cli) * 1000:.0f} ms over {len(cli)} runs (target < 150 ms)"
    )
    text = "\n".join(out) + "\n"
    sys.stdout.write(text)
    results = REPO / "bench" / "results"
    results.mkdir(exist_ok=True)
    (results / "parse.txt").write_text(text)


if __name__ == "__main__":
    main()
