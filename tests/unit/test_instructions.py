"""Typed instructions: fields, flag validation and Docker's error messages."""

from __future__ import annotations

import re

import pytest

from builder import instructions as ins
from builder.errors import DockerfileError
from builder.parser import parse


def typed(text: str) -> tuple[ins.Instruction, ...]:
    return parse("FROM base\n" + text).instructions


def one(text: str) -> ins.Instruction:
    return typed(text)[1]


def fails(text: str) -> DockerfileError:
    with pytest.raises(DockerfileError) as info:
        typed(text)
    err = info.value
    assert err.location is not None and err.location.line == 2
    assert err.source_line is not None
    return err


def test_from() -> None:
    df = parse("FROM --platform=$BUILDPLATFORM golang:1.22 AS Build\n")
    f = df.instructions[0]
    assert isinstance(f, ins.From)
    assert (f.base, f.stage_name, f.platform) == ("golang:1.22", "build", "$BUILDPLATFORM")


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("FROM a b\n", "FROM requires either one or three arguments"),
        ("FROM a AS 1x\n", 'invalid name for build stage: "1x"'),
        ("FROM --platfrom=x a\n", "unknown flag: --platfrom (did you mean platform?)"),
        ("FROM --platform a\n", "missing a value on flag: --platform"),
    ],
)
def test_from_errors(text: str, message: str) -> None:
    with pytest.raises(DockerfileError, match=re.escape(message)):
        parse(text).instructions  # noqa: B018


def test_run_forms_and_flags() -> None:
    run = one("RUN --mount=type=cache,target=/root/.cache --network=none make all\n")
    assert isinstance(run, ins.Run)
    assert run.command == ("make all",) and run.prepend_shell
    assert run.network == "none"
    (mount,) = run.parsed_mounts(lambda s: s)
    assert (mount.type, mount.target, mount.readonly) == ("cache", "/root/.cache", False)
    exec_form = one('RUN ["echo", "$HOME"]\n')
    assert exec_form.command == ("echo", "$HOME") and not exec_form.prepend_shell  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("RUN --network=bridge x", 'invalid network mode "bridge"'),
        ("RUN --security=root x", 'security "root" is not valid'),
        ("RUN --mount=type=bind,from=$X x", "doesn't support variable expansion"),
        ("RUN --network=none --network=host x", "duplicate flag specified: --network"),
        ("RUN --netwrk=none x", "unknown flag: --netwrk (did you mean network?)"),
        ("COPY a", "COPY requires at least two arguments, but only one was provided"),
        ("ADD a", "ADD requires at least two arguments"),
        ("COPY --link=maybe a b", "expecting boolean value for flag --link, not: maybe"),
        ("COPY --chown a b", "missing a value on flag: --chown"),
        ("COPY --link= a b", "missing a value on flag: --link"),
        ("ADD --from=x a b", "unknown flag: --from"),
        ("WORKDIR", "WORKDIR requires exactly one argument"),
        ("USER", "USER requires exactly one argument"),
        ("ENV", "ENV requires at least one argument"),
        ("ENV a", "ENV must have two arguments"),
        ("ENV a=1 b", 'Syntax error - can\'t find = in "b"'),
        ("ENV =x", "ENV names can not be blank"),
        ("LABEL =x", "LABEL names can not be blank"),
        ("ARG =x", "ARG names can not be blank"),
        ("ARG", "ARG requires at least one argument"),
        ("EXPOSE", "EXPOSE requires at least one argument"),
        ("VOLUME", "VOLUME requires at least one argument"),
        ('VOLUME [""]', "VOLUME specified can not be an empty string"),
        ("SHELL /bin/bash -c", "SHELL requires the arguments to be in JSON form"),
        ("SHELL []", "SHELL requires at least one argument"),
        ("HEALTHCHECK", "HEALTHCHECK requires at least one argument"),
        ("HEALTHCHECK NONE x", "HEALTHCHECK NONE takes no arguments"),
        ("HEALTHCHECK CMD", "Missing command after HEALTHCHECK CMD"),
        ("HEALTHCHECK PING x", 'Unknown type "PING" in HEALTHCHECK (try CMD)'),
        ("HEALTHCHECK --interval=1us CMD x", 'Interval "interval" cannot be less than 1ms'),
        ("HEALTHCHECK --interval=soon CMD x", "invalid duration"),
        ("HEALTHCHECK --retries=-1 CMD x", "--retries cannot be negative (-1)"),
        ("ONBUILD ONBUILD RUN x", "Chaining ONBUILD via `ONBUILD ONBUILD` isn't allowed"),
        ("ONBUILD FROM x", "FROM isn't allowed as an ONBUILD trigger"),
        ("ONBUILD MAINTAINER x", "MAINTAINER isn't allowed as an ONBUILD trigger"),
        ('CMD ["a", 1]', "arrays must be comprised of strings only"),
        ("RUNN make", "unknown instruction: RUNN (did you mean RUN?)"),
        ("STOPSIGNAL", "STOPSIGNAL requires exactly one argument"),
    ],
)
def test_errors_in_dockers_words(line: str, message: str) -> None:
    assert message in fails(line + "\n").message


def test_mount_values_are_checked_when_expanded() -> None:
    run = one("RUN --mount=type=nope x\n")  # as in BuildKit: needs the expander
    assert isinstance(run, ins.Run)
    with pytest.raises(DockerfileError, match='unsupported mount type "nope"'):
        run.parsed_mounts(lambda s: s)
    secret = one("RUN --mount=type=secret,id=tok,src=/x true\n")
    with pytest.raises(DockerfileError, match="both source and id can't be set"):
        secret.parsed_mounts(lambda s: s)  # type: ignore[attr-defined]


def test_no_build_stage() -> None:
    with pytest.raises(DockerfileError, match="no build stage in current context"):
        parse("ARG X=1\nRUN true\n").instructions  # noqa: B018


def test_copy_and_add_fields() -> None:
    copy = one(
        "COPY --from=build --chown=app:app --chmod=0755 --link --parents "
        "--exclude=*.tmp --exclude=.git a b /dst/\n"
    )
    assert isinstance(copy, ins.Copy)
    assert copy.sources == ("a", "b") and copy.dest == "/dst/"
    assert (copy.from_, copy.chown, copy.chmod) == ("build", "app:app", "0755")
    assert copy.link and copy.parents and copy.excludes == ("*.tmp", ".git")
    add = one("ADD --checksum=sha256:abc --unpack=false https://x/y.tar /z\n")
    assert isinstance(add, ins.Add)
    assert add.checksum == "sha256:abc" and add.unpack is False and add.keep_git_dir is None
    json_copy = one('COPY ["a b", "/c d/"]\n')
    assert json_copy.sources == ("a b",) and json_copy.dest == "/c d/"  # type: ignore[attr-defined]


def test_env_label_arg_keep_quotes_for_expansion() -> None:
    env = one('ENV A="x y" B=$A\n')
    assert isinstance(env, ins.Env)
    assert [(p.key, p.value) for p in env.pairs] == [("A", '"x y"'), ("B", "$A")]
    legacy = one("ENV PATH /usr/bin:/bin extra\n")
    assert legacy.pairs == (ins.KeyValue("PATH", "/usr/bin:/bin extra", True),)  # type: ignore[attr-defined]
    arg = one('ARG A B="1 2" C=\n')
    assert isinstance(arg, ins.Arg)
    assert arg.args == (ins.ArgDef("A"), ins.ArgDef("B", '"1 2"'), ins.ArgDef("C", ""))


def test_entrypoint_cmd_shell_healthcheck() -> None:
    cmds = typed(
        'SHELL ["/bin/bash", "-c"]\nENTRYPOINT\nCMD echo hi\n'
        "HEALTHCHECK --interval=1m30s --timeout=500ms --retries=3 CMD curl -f http://x/\n"
        "HEALTHCHECK NONE\nEXPOSE 80/tcp 443 8080\nSTOPSIGNAL SIGRTMIN+3\n"
    )
    shell, entry, cmd, health, none, expose, stop = cmds[1:]
    assert shell.shell == ("/bin/bash", "-c")  # type: ignore[attr-defined]
    assert entry.command is None  # type: ignore[attr-defined]
    assert cmd.command == ("echo hi",) and cmd.prepend_shell  # type: ignore[attr-defined]
    assert isinstance(health, ins.Healthcheck)
    assert health.test == ("CMD-SHELL", "curl -f http://x/")
    assert (health.interval, health.timeout, health.retries) == (90 * 10**9, 500 * 10**6, 3)
    assert none.test == ("NONE",)  # type: ignore[attr-defined]
    assert expose.ports == ("443", "80/tcp", "8080")  # type: ignore[attr-defined]
    assert stop.signal == "SIGRTMIN+3"  # type: ignore[attr-defined]


def test_location_and_column() -> None:
    df = parse("FROM a\n   RUN x \\\n  y\n")
    run = df.instructions[1]
    assert (run.location.line, run.location.end_line, run.location.column) == (2, 3, 4)
