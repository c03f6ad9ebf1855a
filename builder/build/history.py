"""The history entry of each build step, worded as BuildKit's Dockerfile frontend words it
(``commitToHistory`` in ``dockerfile2llb``): expanded values, Go's ``%q`` and ``%v`` of
lists, ``|N KEY=VALUE`` before a ``RUN`` that sees declared ARGs, `` # buildkit`` after the
steps that run in BuildKit's solver (RUN, COPY, ADD), and no entry for ONBUILD."""

from __future__ import annotations

from typing import Any

from builder.goquote import go_quote
from builder.gotime import duration_string
from builder.graph import Step

COMMENT = "buildkit.dockerfile.v0"
"""The comment BuildKit gives each history entry a Dockerfile instruction makes."""

_HEALTHCHECK_FIELDS = ("Interval", "Timeout", "StartPeriod", "StartInterval")


def created_by(step: Step) -> str | None:
    """The ``created_by`` of ``step``'s history entry; None when it makes none (ONBUILD)."""
    ins: dict[str, Any] = step.instruction
    kind = step.kind
    if kind == "RUN":
        args = [f"{k}={v}" for k, v in step.build_args]
        words = [f"|{len(args)}", *args] if args else []
        return "RUN " + " ".join([*words, *ins.get("command", [])]) + " # buildkit"
    if kind in ("COPY", "ADD"):
        words = [kind]
        if ins.get("parents"):
            words.append("--parents")
        words += [f"--{flag}={ins[flag]}" for flag in ("chown", "chmod") if ins.get(flag)]
        words += ins.get("sources", [])
        words += [f"<<{name}" for name, _ in ins.get("inline", [])]
        return " ".join([*words, ins.get("dest", "")]) + " # buildkit"
    if kind in ("ENV", "LABEL"):
        return kind + "".join(f" {k}={v}" for k, v in ins["pairs"])
    if kind == "ARG":
        return "ARG " + " ".join(k if v is None else f"{k}={v}" for k, v in ins["pairs"])
    if kind in ("CMD", "ENTRYPOINT"):
        return f"{kind} [{' '.join(go_quote(a) for a in ins.get('command') or [])}]"
    if kind == "HEALTHCHECK":
        hc = ins["healthcheck"]
        times = " ".join(f"{k}:{duration_string(int(hc.get(k) or 0))}"
                         for k in _HEALTHCHECK_FIELDS)
        return (f"HEALTHCHECK {{Test:[{' '.join(hc['Test'])}] {times} "
                f"Retries:{int(hc.get('Retries') or 0)}}}")
    if kind == "ONBUILD":
        return None
    simple = {"WORKDIR": "path", "USER": "user", "STOPSIGNAL": "signal",
              "MAINTAINER": "maintainer"}
    if kind in simple:
        return f"{kind} {ins[simple[kind]]}"
    lists = {"VOLUME": "paths", "EXPOSE": "ports", "SHELL": "shell"}
    return f"{kind} [{' '.join(ins[lists[kind]])}]"
