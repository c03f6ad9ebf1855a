"""``--security-opt`` values as Docker's daemon reads them, of those dockyard supports."""

from __future__ import annotations

from collections.abc import Iterable

from builder.errors import ContainerError


def parse_security(options: Iterable[str]) -> dict[str, bool]:
    """What ``options`` ask of a container's processes: ``no_new_privs``, and ``seccomp``
    (the default filter) unless ``seccomp=unconfined``; a later option wins. ``KEY=VALUE``
    and ``KEY:VALUE`` are both taken, as Docker's client takes them. Anything else raises
    :class:`ContainerError`."""
    out = {"no_new_privs": False, "seccomp": True}
    for opt in options:
        name, _, value = opt.replace("=", ":", 1).partition(":")
        if name == "seccomp":
            if value not in ("unconfined", "builtin"):
                raise ContainerError(f"unsupported --security-opt {opt}: seccomp profiles are "
                                     "not supported, only the default one or seccomp=unconfined")
            out["seccomp"] = value == "builtin"
        elif name == "no-new-privileges" and value in ("", "true", "false"):
            out["no_new_privs"] = value != "false"
        else:
            raise ContainerError(f"unsupported --security-opt {opt}: only "
                                 "no-new-privileges[:true|false] and seccomp=unconfined")
    return out
