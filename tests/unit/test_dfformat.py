"""``system df``'s output as Docker 20.10's client writes it, on a constructed store."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from builder.cli.app import cli
from builder.cli.dfformat import human, reclaimable_text
from builder.diskusage import Summary
from builder.errors import TemplateError
from builder.runner.container import Containers
from builder.store import Image, Store
from tests.unit.test_diskusage import store  # noqa: F401 - a fixture

Stored = tuple[Store, dict[str, Image]]


@pytest.mark.parametrize(("summary", "text"), [
    (Summary(1, 0, 2000, 1999), "1.999kB (99%)"),  # the share is cut, not rounded
    (Summary(1, 0, 1984512, 1984512), "1.985MB (100%)"),
    (Summary(0, 0, 0, 0), "0B"),  # no share of nothing
    (Summary(1, 0, 500, 500, percent=False), "500B"),
])
def test_reclaimable(summary: Summary, text: str) -> None:
    assert reclaimable_text(summary) == text


def test_human_has_four_digits() -> None:
    assert [human(n) for n in (0, 3002, 1984512, 1_000_000)] == ["0B", "3.002kB", "1.985MB",
                                                                 "1MB"]


@pytest.fixture
def root(store: Stored) -> Path:  # noqa: F811
    """The three images, a created container of image a mounting volume vol (6 bytes),
    and an unused volume."""
    s, images = store
    for name, data in [("vol", b"12345\n"), ("idle", b"")]:
        (s.root / "volumes" / name / "_data").mkdir(parents=True)
        (s.root / "volumes" / name / "_data" / "f").write_bytes(data)
    Containers(s.root).create({
        "Image": images["a"].id, "ImageRef": "a:1", "Path": "true", "Args": [],
        "Config": {}, "HostConfig": {"NetworkMode": "none"},
        "Mounts": [{"Type": "volume", "Name": "vol", "Source": "", "Destination": "/v"}],
    })
    return s.root


def df(root: Path, *args: str) -> tuple[int, str]:
    """The exit code, and the output or the error's message."""
    result = CliRunner().invoke(cli, ["--root", str(root), "system", "df", *args])
    if isinstance(result.exception, TemplateError):
        return 1, f"error: {result.exception}\n"
    return result.exit_code, result.output


def columns(line: str) -> list[str]:
    return re.split(r"\s{2,}", line)


def test_summary_table(root: Path) -> None:
    assert df(root) == (0, "TYPE            TOTAL     ACTIVE    SIZE      RECLAIMABLE\n"
                           "Images          3         1         2.03kB    1.53kB (75%)\n"
                           "Containers      1         0         0B        0B\n"
                           "Local Volumes   2         1         6B        0B (0%)\n"
                           "Build Cache     0         0         0B        0B\n")


def test_summary_templates(root: Path) -> None:
    code, out = df(root, "--format", "{{json .}}")
    assert code == 0
    rows = [json.loads(line) for line in out.splitlines()]
    assert rows[0] == {"Active": "1", "Reclaimable": "1.53kB (75%)", "Size": "2.03kB",
                       "TotalCount": "3", "Type": "Images"}
    assert list(rows[0]) == sorted(rows[0])  # as Docker marshals a context: keys sorted
    assert df(root, "--format", "json")[1] == out  # as Docker 23's client
    assert df(root, "--format", r"table {{.Type}}\t{{.Active}}") == (
        0, "TYPE            ACTIVE\nImages          1\nContainers      0\n"
           "Local Volumes   1\nBuild Cache     0\n")
    assert df(root, "--format", "{{.Type}}: {{.Size}}") == (
        0, "Images: 2.03kB\nContainers: 0B\nLocal Volumes: 6B\nBuild Cache: 0B\n")
    assert df(root, "--format", "raw")[1].split("\n\n")[2] == (
        "type: Local Volumes\ntotal: 2\nactive: 1\nsize: 6B\nreclaimable: 0B (0%)")


def test_template_errors(root: Path) -> None:
    code, out = df(root, "--format", "{{.Nope}}")
    assert code == 1
    assert out == ('error: template parsing error: template: :1:2: executing "" at <.Nope>: '
                   "can't evaluate field Nope in type *formatter.diskUsageImagesContext\n")
    code, out = df(root, "-v", "--format", "{{.Nope}}")
    assert (code, out) == (1, 'error: template: :1:2: executing "" at <.Nope>: '
                              "can't evaluate field Nope in type *formatter.diskUsageContext\n")
    code, out = df(root, "-v", "--format", "{{.Nope")
    assert code == 1 and out.startswith("error: template parsing error: template: :1:")


def test_verbose_sections(root: Path, store: Stored) -> None:  # noqa: F811
    code, out = df(root, "-v")
    assert code == 0
    lines = out.splitlines()
    titles = [line for line in lines if line.endswith(":") or line.startswith("Build cache")]
    assert titles == ["Images space usage:", "Containers space usage:",
                      "Local Volumes space usage:", "Build cache usage: 0B",
                      "Store space usage (blobs and unpacked layers on disk):"]
    at = lines.index("Images space usage:") + 2
    assert columns(lines[at]) == ["REPOSITORY", "TAG", "IMAGE ID", "CREATED", "SIZE",
                                  "SHARED SIZE", "UNIQUE SIZE", "CONTAINERS"]
    rows = [line.split() for line in lines[at + 1:at + 4]]
    ids = {k: i.id[7:19] for k, i in store[1].items()}
    assert [(r[:3], r[-4:]) for r in rows] == [
        (["b", "1", ids["b"]], ["1.03kB", "1kB", "30B", "0"]),
        (["c", "1", ids["c"]], ["500B", "0B", "500B", "0"]),
        (["a", "1", ids["a"]], ["1.5kB", "1kB", "500B", "1"])]
    at = lines.index("Containers space usage:") + 2
    assert columns(lines[at]) == ["CONTAINER ID", "IMAGE", "COMMAND", "LOCAL VOLUMES", "SIZE",
                                  "CREATED", "STATUS", "NAMES"]
    assert lines[at + 1].split()[1:5] == ["a:1", '"true"', "1", "0B"]
    at = lines.index("Local Volumes space usage:") + 2
    assert lines[at:at + 3] == ["VOLUME NAME   LINKS     SIZE", "idle          0         0B",
                                "vol           1         6B"]
    at = lines.index("Build cache usage: 0B") + 2
    assert columns(lines[at]) == ["CACHE ID", "CACHE TYPE", "SIZE", "CREATED", "LAST USED",
                                  "USAGE", "SHARED"]
    assert lines[at + 1] == ""


def test_verbose_template(root: Path, store: Stored) -> None:  # noqa: F811
    template = ("{{range .Images}}{{.Repository}}:{{.Tag}} {{.UniqueSize}} {{.ID}}|{{end}}"
                "{{range .Volumes}}{{.Name}}={{.Links}}|{{end}}{{len .BuildCache}}")
    code, out = df(root, "-v", "--format", template)
    ids = {k: i.id for k, i in store[1].items()}
    assert (code, out) == (0, f"b:1 30B {ids['b']}|c:1 500B {ids['c']}|a:1 500B {ids['a']}|"
                              "idle=0|vol=1|0")  # full IDs, no final newline
    code, out = df(root, "-v", "--format", "table {{range .Images}}{{.ID}} {{end}}")
    assert out == " ".join(i.id[7:19] for i in (store[1]["b"], store[1]["c"],
                                                store[1]["a"])) + " "
    code, out = df(root, "-v", "--format", "json")
    assert list(json.loads(out)) == ["Images", "Containers", "Volumes", "BuildCache"]
    code, out = df(root, "-v", "--format", "raw")
    assert out.startswith("type: Image\nrepository: b\ntag: 1\ndigest: \n"
                          f"image_id: {ids['b']}\n")
    assert "\ntype: Volume\nname: idle\ndriver: local\n\ntype: Volume\nname: vol\n" in out
