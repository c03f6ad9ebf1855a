"""Throughput of builder.shell_words.Lex.process_word on typical Dockerfile words.

Run: python bench/shell_words.py. Prints calls/s for plain words (no `$`, quotes or
escapes: the fast path), words with expansions, and words needing the full scanner with
modifiers; and, when dockerfile-parse is installed, its WordSplitter.dequote() on the same
words (it implements a much smaller subset: no ${v:-w} modifiers).
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from builder.shell_words import Lex

ENV = {
    "HOME": "/root", "VERSION": "1.2.3", "TARGETOS": "linux", "TARGETARCH": "amd64",
    "TARGETVARIANT": "", "APP": "my app", "PATH": "/usr/local/bin:/usr/bin:/bin",
}  # fmt: skip

PLAIN = ["/usr/src/app", "package.json", "8080/tcp", "node:20-alpine", "--chown=1000:1000"]
SIMPLE = ["$HOME/.cache", "/opt/app-${VERSION}", "${TARGETOS}/${TARGETARCH}", '"$APP"', "$PATH"]
FULL = [
    "app-${VERSION}.${TARGETOS}-${TARGETARCH}${TARGETVARIANT:+-${TARGETVARIANT}}.tar.gz",
    "${VERSION%.*}",
    "${PATH//:/ }",
    "'literal $x' \"and $HOME\"",
    "${MISSING:-default\\ value}",
]


def rate(fn: Callable[[str], object], words: list[str], seconds: float = 0.4) -> float:
    calls = 0
    start = time.perf_counter()
    while (elapsed := time.perf_counter() - start) < seconds:
        for _ in range(200):
            for w in words:
                fn(w)
        calls += 200 * len(words)
    return calls / elapsed


def main() -> None:
    lex = Lex()

    def ours(w: str) -> object:
        return lex.process_word(w, ENV)

    def ours_words(w: str) -> object:
        return lex.process_words(w, ENV)

    peer: Callable[[str], object] | None = None
    try:
        from dockerfile_parse.util import WordSplitter

        def peer(w: str) -> object:
            return WordSplitter(w, envs=ENV).dequote()
    except ImportError:
        pass

    print(f"{'words':<10} {'process_word':>14} {'process_words':>14} {'dockerfile-parse':>17}")
    for label, words in (("plain", PLAIN), ("simple", SIMPLE), ("modifiers", FULL)):
        a = rate(ours, words)
        b = rate(ours_words, words)
        line = f"{label:<10} {a:>12,.0f}/s {b:>12,.0f}/s"
        if peer is not None:
            c = rate(peer, words)
            line += f" {c:>13,.0f}/s  (ours {a / c:.1f}x)"
        print(line)


if __name__ == "__main__":
    main()
