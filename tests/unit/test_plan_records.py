"""Value semantics the parser and planner rely on, for their Record classes."""

from __future__ import annotations

import json
import platform

import pytest

from builder.dispatch import StageState
from builder.errors import Location
from builder.flags import parse_mount
from builder.graph import Edge, ImageConfig, PlanSettings, host_platform, plan
from builder.instructions import Copy, InlineFile, KeyValue, Run
from builder.nodes import Node
from builder.parser import Dockerfile, parse
from builder.render import dockerfile_json
from builder.scope import Scope

LOC = Location("Dockerfile", 2, 2, 1)


def test_instructions_compare_by_location_and_fields_not_by_text() -> None:
    a = Run(LOC, "RUN  make", ("make",))
    b = Run(LOC, "run make", ("make",))
    assert a == b and hash(a) == hash(b)  # as written is not compared, as before
    assert a != Run(Location("Dockerfile", 3, 3, 1), "RUN make", ("make",))
    assert a != Run(LOC, "RUN make", ("make", "all"))
    assert str(a) == "RUN  make" and a.name == "RUN" and Run.name == "RUN"
    assert repr(a).startswith("Run(location=Location(file='Dockerfile', line=2, end_line=2, ")
    assert "original='RUN  make', command=('make',), prepend_shell=True" in repr(a)
    copy = Copy(LOC, "COPY --from=a x /y", ("x",), (InlineFile("f", "data"),), "/y", "a")
    assert copy.as_dict()["from_"] == "a" and copy.contents[0].expand
    assert copy.replace(dest="/z").dest == "/z" and copy.replace(dest="/z").from_ == "a"
    assert len({KeyValue("a", "1"), KeyValue("a", "1"), KeyValue("a", "1", True)}) == 2


def test_parsed_dockerfile_equality_ignores_its_source_lines_and_caches_instructions() -> None:
    df = parse(b"FROM scratch\nCOPY a /b\n")
    same = Dockerfile(df.filename, df.escape, df.directives, df.nodes, df.warnings, ())
    assert df == same and hash(df) == hash(same)
    assert df.source_lines == ("FROM scratch", "COPY a /b", "") and same.source_lines == ()
    assert df.instructions is df.instructions  # typed once
    assert same.instructions == df.instructions
    assert df.replace(filename="other").instructions[0].location.file == "other"


def test_node_replace_moves_an_onbuild_trigger() -> None:
    node = parse(b"RUN echo hi\n").nodes[0]
    moved = node.replace(start_line=7, end_line=8, column=3)
    assert (moved.start_line, moved.end_line, moved.column) == (7, 8, 3)
    assert moved.args == node.args and moved != node
    assert Node("run", args=("x",)) == Node("run", args=("x",))


def test_mount_fields_in_declaration_order() -> None:
    m = parse_mount("type=cache,target=/c,id=x,uid=1", lambda w: w)
    assert list(m.as_dict()) == ["type", "from_", "source", "target", "readonly", "size", "id",
                                 "sharing", "required", "env", "mode", "uid", "gid"]
    assert (m.type, m.target, m.id, m.uid, m.readonly) == ("cache", "/c", "x", 1, False)
    assert m == parse_mount("type=cache,target=/c,id=x,uid=1", lambda w: w)


def test_plan_objects_compare_by_identity_and_value_objects_by_value() -> None:
    df = parse(b"FROM busybox AS a\nRUN x\nFROM a\nCOPY --from=a / /\n")
    g1 = plan(df, PlanSettings(platform="linux/amd64"))
    g2 = plan(df, PlanSettings(platform="linux/amd64"))
    assert g1 != g2 and g1 == g1  # a plan, its stages and steps are distinct objects
    assert g1.stages[0] != g2.stages[0] and g1.stages[1].steps[0] != g2.stages[1].steps[0]
    assert len({*g1.stages, *g2.stages}) == 4 and len({*g1.steps(), *g2.steps()}) == 4
    assert g1.edges == g2.edges and g1.stages[0].base == g2.stages[0].base
    assert g1.stages[1].config == g2.stages[1].config
    edge = g1.stages[1].steps[0].deps[0]
    assert edge == Edge("copy", 1, 0, source_stage=0) and edge in g1.edges
    assert edge.replace(step=None) == Edge("copy", 1, None, 0) and edge.step == 0
    pruned = g1.stages[0].replace(pruned=True)
    assert pruned.pruned and pruned.steps == g1.stages[0].steps and not g1.stages[0].pruned


def test_plan_settings_defaults() -> None:
    assert PlanSettings().platform == host_platform() == PlanSettings().replace().platform
    assert PlanSettings(platform="").platform == ""
    assert PlanSettings().build_args == {}
    assert PlanSettings().build_args is not PlanSettings().build_args
    assert PlanSettings().replace(platform="linux/arm64").platform == "linux/arm64"
    machine = platform.machine().lower()
    assert host_platform().endswith({"x86_64": "amd64", "aarch64": "arm64"}.get(machine, machine))


def test_stage_state_and_scope_are_mutable_and_unhashable() -> None:
    state = StageState.from_config(ImageConfig(env=("A=1",)))
    assert state.scope == Scope({"A": "1", "PATH": state.scope.env["PATH"]}, {})
    assert StageState(Scope(), {}).consumed is not StageState(Scope(), {}).consumed
    assert Scope().env is not Scope().env
    state.consumed.add("X")
    assert state != StageState.from_config(ImageConfig(env=("A=1",)))
    for value in (state, state.scope):
        with pytest.raises(TypeError, match="unhashable"):
            hash(value)


def test_parse_json_keeps_nested_records_as_objects() -> None:
    df = parse(b"FROM scratch\nENV a=1\nENV b 2\nCOPY --from=x <<EOF /f\nhi\nEOF\n")
    data = dockerfile_json(df, df.instructions)
    fields = [i["fields"] for i in data["instructions"]]
    assert fields[1] == {"pairs": [{"key": "a", "value": "1", "no_delim": False}]}
    assert fields[2] == {"pairs": [{"key": "b", "value": "2", "no_delim": True}]}
    assert fields[3]["from"] == "x" and fields[3]["contents"] == [
        {"name": "EOF", "data": "hi\n", "expand": True, "chomp": False}]
    json.dumps(data)
