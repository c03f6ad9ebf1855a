"""``--format`` templates of ``inspect``, ``images`` and ``ps`` on a store: output, and one
line and Docker's status for a bad template."""

from __future__ import annotations

import io
import json
import tarfile
from pathlib import Path

import pytest
from click.testing import CliRunner

from builder.cli.app import cli
from builder.errors import TemplateError


@pytest.fixture
def root(tmp_path: Path) -> list[str]:
    buf = io.BytesIO()
    with tarfile.open(fileobj=buf, mode="w") as tar:
        info = tarfile.TarInfo("file")
        info.size = 3
        tar.addfile(info, io.BytesIO(b"one"))
    archive = tmp_path / "one.tar"
    archive.write_bytes(buf.getvalue())
    args = ["--root", str(tmp_path / "root")]
    result = CliRunner().invoke(cli, [*args, "import", str(archive), "x:1"])
    assert result.exit_code == 0, result.output
    return args


def test_inspect_template_and_json(root: list[str]) -> None:
    runner = CliRunner()
    result = runner.invoke(cli, [*root, "inspect", "-f", "{{.RepoTags}} {{.RootFS.Type}} "
                                 "{{.Config.Labels.x}} {{json .Config.Labels}}", "x:1", "x:1"])
    assert result.exit_code == 0, result.output
    assert result.stdout == "[x:1] layers <no value> null\n" * 2
    one_line = runner.invoke(cli, [*root, "inspect", "--format", "json", "x:1"])
    assert one_line.stdout.count("\n") == 1
    assert json.loads(one_line.stdout)[0]["RepoTags"] == ["x:1"]


def test_nil_slices_print_as_go_prints_them(root: list[str]) -> None:
    """An imported image has no Cmd or Entrypoint: Go's nil slices, [] printed, null in
    JSON, of length 0 (not <nil>, which a nil interface prints)."""
    template = ("{{.Config.Cmd}}|{{.Config.Entrypoint}}|{{json .Config.Entrypoint}}|"
                "{{len .Config.OnBuild}}|{{if .Config.Cmd}}cmd{{else}}none{{end}}")
    result = CliRunner().invoke(cli, [*root, "inspect", "-f", template, "x:1"])
    assert result.exit_code == 0, result.output
    assert result.stdout == "[]|[]|null|0|none\n"


def test_inspect_bad_templates(root: list[str]) -> None:
    runner = CliRunner()
    parsing = runner.invoke(cli, [*root, "inspect", "-f", "{{foo}}", "x:1"])
    assert parsing.exit_code == 64
    assert parsing.stdout == ""
    assert parsing.stderr == ('error: template parsing error: template: :1: function "foo" '
                              "not defined\n")
    executing = runner.invoke(cli, [*root, "inspect", "-f", "{{.Nope}}", "x:1"])
    assert executing.exit_code == 1
    assert executing.stdout == "\n"
    assert executing.stderr == ('error: template parsing error: template: :1:2: executing "" '
                                'at <.Nope>: map has no entry for key "Nope"\n')


def test_images_templates(root: list[str]) -> None:
    runner = CliRunner()
    plain = runner.invoke(cli, [*root, "images", "--format", "{{.Repository}}:{{.Tag}}"])
    assert plain.stdout == "x:1\n"
    table = runner.invoke(cli, [*root, "images", "--format", r"table {{.Repository}}\t{{.Tag}}"])
    assert table.stdout == "REPOSITORY   TAG\nx            1\n"
    quiet = runner.invoke(cli, [*root, "images", "-q", "--format", "{{.Tag}}"])
    assert quiet.stdout == "1\n"  # as Docker, a template wins over -q
    bad = runner.invoke(cli, [*root, "images", "--format", "{{.Nope}}"])
    assert bad.exit_code == 1 and bad.stdout == ""
    assert isinstance(bad.exception, TemplateError)  # the entry point prints its one line
    assert str(bad.exception) == (
        'template parsing error: template: :1:2: executing "" at <.Nope>: can\'t evaluate '
        "field Nope in type *formatter.imageContext")


def test_ps_templates_without_containers(root: list[str]) -> None:
    runner = CliRunner()
    table = runner.invoke(cli, [*root, "ps", "-a", "--format", r"table {{.ID}}\t{{.Names}}"])
    assert table.exit_code == 0
    assert table.stdout == "CONTAINER ID   NAMES\n"
    assert runner.invoke(cli, [*root, "ps", "--format", "{{.ID}}"]).stdout == ""
    bad = runner.invoke(cli, [*root, "ps", "--format", "{{.ID"])
    assert bad.exit_code == 1 and bad.stdout == ""
    assert isinstance(bad.exception, TemplateError)
    assert str(bad.exception) == "failed to parse template: template: :1: unclosed action"
    quiet = runner.invoke(cli, [*root, "ps", "-q", "--format", "{{.Names}}"])
    assert quiet.exit_code == 0
    assert quiet.stderr.startswith("WARNING: Ignoring custom format")


def test_json_rows_as_gos_marshal() -> None:
    from builder.cli.listformat import json_line

    row = {"Names": "a<b>&c", "ID": "x", "Labels": "k=é\u2028"}
    assert json_line(row) == (
        '{"ID":"x","Labels":"k=é\\u2028","Names":"a\\u003cb\\u003e\\u0026c"}')
    assert json.loads(json_line(row)) == row


def test_ps_command_column_as_dockers() -> None:
    from builder.cli.ps import command_text

    config = {"Path": "sh", "Args": ["-c", "exit 3"]}
    assert command_text(config, trunc=False) == "\"sh -c 'exit 3'\""
    long = {"Path": "/bin/echo", "Args": ["a \"quoted\" word", "x"]}
    assert command_text(long, trunc=False) == '"/bin/echo \'a \\"quoted\\" word\' x"'
    assert command_text(long, trunc=True) == '"/bin/echo \'a \\"quote…"'
    assert command_text({"Path": "true", "Args": []}, trunc=True) == '"true"'
