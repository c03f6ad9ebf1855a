"""ARG and ENV scope: which variables an instruction sees, with Docker's rules.

* ARGs before the first FROM are global: they are seen only by FROM lines, and inside a
  stage only once redeclared with ``ARG NAME``.
* A stage ARG takes, in order: the ``--build-arg`` value, its own default (expanded with
  the scope before it), the global value when declared without a default, else it is
  declared but unset.
* What RUN and ``$NAME`` see is BuildKit's state environment: the image's ENV, then each
  ENV and each ARG that takes a value, the last one written winning. An ENV after an ARG of
  the same name wins over it, and an ARG after an ENV wins over that (for RUN and
  expansion; the image config keeps the ENV). The classic builder lets ENV win both ways.
* ARG values in scope reach the environment of RUN but not the image config.
* The proxy variables pass from ``--build-arg`` to RUN without an ARG line, each under its
  upper- and lowercase name as BuildKit passes them; they stay out of cache keys unless
  declared.
* A stage built on another stage inherits its ARGs and ENV; the image config's ENV is
  written over the inherited environment again, so an ARG shadowing an ENV does not carry.
"""

from __future__ import annotations

from builder.record import Record

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Mapping

__all__ = [
    "AUTOMATIC_ARGS",
    "DEFAULT_PATH",
    "NON_ENV_ARGS",
    "PROXY_ARGS",
    "Scope",
    "is_builtin_arg",
    "platform_args",
]

DEFAULT_PATH = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"
_PROXY_BASES = ("HTTP_PROXY", "HTTPS_PROXY", "FTP_PROXY", "NO_PROXY", "ALL_PROXY")
PROXY_ARGS = frozenset(n for base in _PROXY_BASES for n in (base, base.lower()))
AUTOMATIC_ARGS = (
    "BUILDPLATFORM", "BUILDOS", "BUILDOSVERSION", "BUILDARCH", "BUILDVARIANT",
    "TARGETPLATFORM", "TARGETOS", "TARGETOSVERSION", "TARGETARCH", "TARGETVARIANT",
    "TARGETSTAGE",
)  # fmt: skip
CONTROL_ARGS = frozenset(
    {
        "BUILDKIT_CACHE_MOUNT_NS", "BUILDKIT_CONTEXT_KEEP_GIT_DIR", "BUILDKIT_INLINE_CACHE",
        "BUILDKIT_MULTI_PLATFORM", "BUILDKIT_SANDBOX_HOSTNAME", "BUILDKIT_SYNTAX",
        "SOURCE_DATE_EPOCH", "BUILDKIT_SBOM_SCAN_CONTEXT", "BUILDKIT_SBOM_SCAN_STAGE",
    }
)  # fmt: skip
NON_ENV_ARGS = frozenset({"BUILDKIT_SBOM_SCAN_CONTEXT", "BUILDKIT_SBOM_SCAN_STAGE"})


def is_builtin_arg(name: str) -> bool:
    """Whether a ``--build-arg`` of this name is consumed without an ARG line."""
    return name in PROXY_ARGS or name in AUTOMATIC_ARGS or name in CONTROL_ARGS


def _split_platform(text: str) -> tuple[str, str, str]:
    parts = text.split("/")
    os_ = parts[0] if parts else ""
    arch = parts[1] if len(parts) > 1 else ""
    variant = parts[2] if len(parts) > 2 else ""
    return os_, arch, variant


def platform_args(
    build_platform: str, target_platform: str, target_stage: str, overrides: Mapping[str, str]
) -> dict[str, str]:
    """The automatic global args, with ``--build-arg`` overrides applied."""
    bos, barch, bvar = _split_platform(build_platform)
    tos, tarch, tvar = _split_platform(target_platform)
    values = {
        "BUILDPLATFORM": build_platform, "BUILDOS": bos, "BUILDOSVERSION": "",
        "BUILDARCH": barch, "BUILDVARIANT": bvar,
        "TARGETPLATFORM": target_platform, "TARGETOS": tos, "TARGETOSVERSION": "",
        "TARGETARCH": tarch, "TARGETVARIANT": tvar,
        "TARGETSTAGE": target_stage or "default",
    }  # fmt: skip
    return {k: overrides.get(k, v) for k, v in values.items()}


def _env_dict(env: tuple[str, ...]) -> dict[str, str]:
    out: dict[str, str] = {}
    for item in env:
        key, _, value = item.partition("=")
        out[key] = value
    return out


class Scope(Record):
    """The variables of one stage at one point: ENV (ordered), declared ARGs, and what
    RUN and expansion see.

    ``env`` mirrors the image config's Env; ``args`` maps each declared ARG to its value,
    or ``None`` when declared but unset; ``visible`` is BuildKit's state environment, in
    its order (a variable written again moves to the end, as ``llb.EnvList`` keeps it).
    """

    __slots__ = ("env", "args", "visible")
    _hashable = False
    env: dict[str, str]
    args: dict[str, str | None]
    visible: dict[str, str]

    def __init__(self, env: dict[str, str] | None = None,
                 args: dict[str, str | None] | None = None,
                 visible: dict[str, str] | None = None) -> None:
        self.env = {} if env is None else env
        self.args = {} if args is None else args
        self.visible = dict(self.env) if visible is None else visible

    @classmethod
    def from_config_env(cls, env: tuple[str, ...]) -> Scope:
        """A fresh scope over a base image's ``Env`` list, with PATH ensured."""
        values = _env_dict(env)
        values.setdefault("PATH", DEFAULT_PATH)
        return cls(values, {})

    def copy(self) -> Scope:
        """An independent copy."""
        return Scope(dict(self.env), dict(self.args), dict(self.visible))

    def child(self) -> Scope:
        """The scope a stage built ``FROM`` this one starts with: this one's, with the
        config's ENV written over the environment again (as BuildKit initialises a stage
        from its image config)."""
        out = self.copy()
        for key, value in self.env.items():
            out._write(key, value)
        return out

    def _write(self, name: str, value: str) -> None:
        self.visible.pop(name, None)
        self.visible[name] = value

    def expansion_env(self) -> dict[str, str]:
        """What ``$NAME`` sees: the environment RUN gets."""
        return dict(self.visible)

    def declare(
        self,
        name: str,
        default: str | None,
        build_args: Mapping[str, str],
        global_args: Mapping[str, str],
        expand: object,
    ) -> str | None:
        """Declare ``ARG name[=default]``; returns the value it takes.

        ``expand`` is a callable ``(word, env) -> str`` used for the default.
        """
        if name in build_args:
            value: str | None = build_args[name]
        elif default is not None:
            value = expand(default, self.expansion_env())  # type: ignore[operator]
        else:
            value = global_args.get(name)
        self.args[name] = value
        if value is not None and name not in NON_ENV_ARGS:
            self._write(name, value)
        return value

    def set_env(self, name: str, value: str) -> None:
        """``ENV name=value``: in the config, replace in place or append, as Docker's
        addEnv does; in what RUN sees, written last."""
        self.env[name] = value
        self._write(name, value)

    def config_env(self) -> list[str]:
        """The image config's ``Env`` list."""
        return [f"{k}={v}" for k, v in self.env.items()]

    def arg_values(self) -> dict[str, str]:
        """The stage's declared ARGs (a parent stage's first) with the values a RUN's history
        shows, as BuildKit's ``runCommandString``: what RUN sees of it, else its own value,
        else nothing."""
        return {k: self.visible.get(k, v or "") for k, v in self.args.items()}

    def run_env(self) -> list[str]:
        """RUN's environment, in BuildKit's order."""
        return [f"{k}={v}" for k, v in self.visible.items()]

    def proxy_env(self, build_args: Mapping[str, str]) -> dict[str, str]:
        """The proxy ``--build-arg`` values RUN gets without an ARG line, as BuildKit passes
        them: each of HTTP_PROXY, HTTPS_PROXY, FTP_PROXY, NO_PROXY and ALL_PROXY given in any
        case (of two spellings, the last in byte order: the lowercase one) and not empty, under
        both its upper- and its lowercase name."""
        out: dict[str, str] = {}
        for base in _PROXY_BASES:
            value = ""
            for key in sorted(build_args):
                if key.lower() == base.lower():
                    value = build_args[key]
            if value:
                out[base] = out[base.lower()] = value
        return out
