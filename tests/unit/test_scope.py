"""ARG and ENV scope: BuildKit's state environment (what RUN and expansion see)."""

from __future__ import annotations

from builder.cache_mounts import mount_key
from builder.scope import DEFAULT_PATH, Scope


def _plain(word: str, env: dict[str, str]) -> str:
    return word


def test_env_after_arg_wins() -> None:
    s = Scope.from_config_env(())
    s.declare("V", "arg", {}, {}, _plain)
    s.set_env("V", "env")
    assert s.expansion_env()["V"] == "env"
    assert "V=env" in s.run_env()
    assert s.arg_values() == {"V": "env"}  # as a RUN's history shows it


def test_arg_after_env_wins_for_run_but_not_in_the_config() -> None:
    s = Scope.from_config_env(("V=env",))
    s.declare("V", "arg", {}, {}, _plain)
    assert s.expansion_env()["V"] == "arg"
    assert s.run_env() == [f"PATH={DEFAULT_PATH}", "V=arg"]
    assert s.config_env() == ["V=env", f"PATH={DEFAULT_PATH}"]
    assert s.arg_values() == {"V": "arg"}
    s.declare("UNSET", None, {}, {}, _plain)
    assert s.arg_values() == {"V": "arg", "UNSET": ""}


def test_build_arg_after_env_wins_and_an_unset_arg_does_not() -> None:
    s = Scope.from_config_env(("A=env", "B=env"))
    s.declare("A", None, {"A": "cli"}, {}, _plain)
    s.declare("B", None, {}, {}, _plain)
    assert s.expansion_env() | {"PATH": ""} == {"A": "cli", "B": "env", "PATH": ""}


def test_written_variables_move_last_as_in_llb_envlist() -> None:
    s = Scope.from_config_env(("A=1", "B=2"))
    s.set_env("A", "3")
    assert s.run_env() == ["B=2", f"PATH={DEFAULT_PATH}", "A=3"]
    assert s.config_env() == ["A=3", "B=2", f"PATH={DEFAULT_PATH}"]


def test_child_stage_takes_the_config_env_over_shadowing_args() -> None:
    s = Scope.from_config_env(("V=env",))
    s.declare("V", "arg", {}, {}, _plain)
    s.declare("ONLY", "arg", {}, {}, _plain)
    child = s.child()
    assert child.expansion_env()["V"] == "env"
    assert child.expansion_env()["ONLY"] == "arg"
    assert s.expansion_env()["V"] == "arg"  # the parent is left as it was


def test_cache_mount_key_is_id_and_base() -> None:
    assert mount_key({"type": "cache", "target": "/a"}) == "/a"
    assert mount_key({"type": "cache", "id": "x", "target": "/a"}) == "x"
    plain = mount_key({"type": "cache", "id": "x", "target": "/b"})
    owned = mount_key({"type": "cache", "id": "x", "target": "/b", "uid": 1000})
    assert plain == "x" and owned != plain
    assert owned != mount_key({"type": "cache", "id": "x", "target": "/b", "gid": 1000})
    assert mount_key({"type": "cache", "id": "x", "from": "s", "source": "/d", "uid": 1}) \
        == "x\0s\0/d"  # a source below the root: BuildKit gives no uid to it


def test_proxy_build_args_pass_under_both_names_as_buildkit_passes_them() -> None:
    s = Scope.from_config_env(())
    args = {"HTTP_PROXY": "upper", "http_proxy": "lower", "No_Proxy": "n", "FTP_PROXY": "",
            "OTHER": "x"}
    assert s.proxy_env(args) == {"HTTP_PROXY": "lower", "http_proxy": "lower",
                                 "NO_PROXY": "n", "no_proxy": "n"}
