"""Docker's human formats used by the image commands, and the CLI commands on a store."""

from __future__ import annotations

import io
import json
import tarfile
from datetime import UTC, datetime
from pathlib import Path

import pytest
from click.testing import CliRunner

from builder.cli.app import cli
from builder.cli.imagefmt import human_duration, human_size, parse_time, since, table


@pytest.mark.parametrize(("size", "text"), [
    (0, "0B"), (999, "999B"), (1000, "1kB"), (1984512, "1.98MB"), (1_500_000_000, "1.5GB"),
    (123456789012, "123GB"),
])
def test_human_size(size: int, text: str) -> None:
    assert human_size(size) == text


@pytest.mark.parametrize(("seconds", "text"), [
    (0.5, "Less than a second"), (1, "1 second"), (59, "59 seconds"), (60, "About a minute"),
    (119, "About a minute"), (600, "10 minutes"), (3600, "About an hour"),
    (5400, "2 hours"), (47 * 3600, "47 hours"), (3 * 86400, "3 days"),
    (15 * 86400, "2 weeks"), (90 * 86400, "3 months"), (800 * 86400, "2 years"),
])
def test_human_duration(seconds: float, text: str) -> None:
    assert human_duration(seconds) == text


def test_times() -> None:
    when = parse_time("2026-11-25T11:50:54.855437899Z")
    assert when == datetime(2026, 11, 25, 11, 50, 54, 855437, tzinfo=UTC)
    assert since("2026-11-25T11:50:00Z", datetime(2026, 11, 25, 11, 52, tzinfo=UTC)) == (
        "2 minutes ago")
    assert since(None) == "N/A"
    assert parse_time("2026-11-25T12:50:54+01:00") == datetime(2026, 11, 25, 11, 50, 54,
                                                               tzinfo=UTC)
    for bad in ("", "2026-11-25", "0000-01-01T00:00:00Z", "2026-02-30T00:00:00Z", 5):
        assert parse_time(bad) is None


def test_table() -> None:
    assert table(["REPOSITORY", "TAG", "SIZE"], [["busybox", "latest", "1MB"]]) == (
        "REPOSITORY   TAG       SIZE\nbusybox      latest    1MB")


def test_commands_on_an_empty_store(tmp_path: Path) -> None:
    runner = CliRunner()
    root = ["--root", str(tmp_path)]
    result = runner.invoke(cli, [*root, "images"])
    assert result.exit_code == 0
    assert result.output == "REPOSITORY   TAG       IMAGE ID   CREATED   SIZE\n"
    result = runner.invoke(cli, [*root, "inspect", "nope"])
    assert result.exit_code == 1
    assert json.loads(result.stdout) == []
    assert runner.invoke(cli, [*root, "system", "prune"], input="n\n").exit_code == 0
    assert (tmp_path / "store" / "index.json").exists()


def _tarball(where: Path, content: bytes) -> Path:
    """A tar holding one file, ``file``, with ``content``."""
    buf = io.BytesIO()
    with tarfile.open(fileobj=buf, mode="w") as tar:
        info = tarfile.TarInfo("file")
        info.size = len(content)
        tar.addfile(info, io.BytesIO(content))
    path = where / f"{content.decode()}.tar"
    path.write_bytes(buf.getvalue())
    return path


def test_load_reports_a_replaced_tag(tmp_path: Path) -> None:
    runner = CliRunner()
    root = ["--root", str(tmp_path / "root")]
    tarballs = [_tarball(tmp_path, content) for content in (b"one", b"two")]
    first = runner.invoke(cli, [*root, "import", str(tarballs[0]), "x:1"])
    assert first.exit_code == 0, first.output
    saved = tmp_path / "one.image.tar"
    assert runner.invoke(cli, [*root, "save", "-o", str(saved), "x:1"]).exit_code == 0
    second = runner.invoke(cli, [*root, "import", str(tarballs[1]), "x:1"])
    assert second.exit_code == 0
    result = runner.invoke(cli, [*root, "load", "-i", str(saved)])
    assert result.exit_code == 0, result.output
    old_id = second.output.strip()
    assert result.output == (
        f"The image x:1 already exists, renaming the old one with ID {old_id} to empty string\n"
        "Loaded image: x:1\n")
    listing = runner.invoke(cli, [*root, "images", "-q"]).output.split()
    assert len(set(listing)) == 2  # the old one stays, untagged


def test_repo_digests_in_images_inspect_rmi_save(tmp_path: Path) -> None:
    """As Docker 20.10 shows a pulled or pushed image's repo digests (name@sha256:…)."""
    from builder.reference import parse
    from builder.store import Store

    runner = CliRunner()
    root = ["--root", str(tmp_path / "root")]
    ids = []
    for content, name in ((b"one", "reg.example/app:1"), (b"two", "")):
        path = _tarball(tmp_path, content)
        done = runner.invoke(cli, [*root, "import", str(path), *([name] if name else [])])
        assert done.exit_code == 0, done.output
        ids.append(done.output.strip())
    store = Store(tmp_path / "root")
    tagged, bare = (store.resolve(i) for i in ids)
    one, two = "sha256:" + "1" * 64, "sha256:" + "2" * 64  # as a pull or push records them
    store.add_image(tagged.descriptor, [parse(f"reg.example/app@{one}")])
    store.add_image(bare.descriptor, [parse(f"reg.example/app@{two}")])
    assert runner.invoke(cli, [*root, "tag", "reg.example/app:1", "other:x"]).exit_code == 0

    def lines(*args: str) -> list[str]:
        result = runner.invoke(cli, [*root, *args])
        assert result.exit_code == 0, result.output
        return sorted(result.output.splitlines())

    template = "{{.Repository}}|{{.Tag}}|{{.Digest}}"
    assert lines("images", "--digests", "--format", template) == [
        "other|x|<none>", "reg.example/app|1|" + one, "reg.example/app|<none>|" + two]
    # the field in a template shows tags' digests; a digest's own row needs --digests
    assert lines("images", "--format", template) == [
        "other|x|<none>", "reg.example/app|1|" + one, "reg.example/app|<none>|"]
    rows = [json.loads(x) for x in lines("images", "--format", "json")]
    assert sorted((r["Repository"], r["Tag"], r["Digest"]) for r in rows) == [
        ("other", "x", "<none>"), ("reg.example/app", "1", "<none>"),
        ("reg.example/app", "<none>", "")]
    table_rows = lines("images", "--digests")[1:]
    assert [r.split()[:3] for r in table_rows] == [
        ["other", "x", "<none>"], ["reg.example/app", "1", one],
        ["reg.example/app", "<none>", two]]
    # a repo digest alone is no tag: dangling, yet named
    assert lines("images", "-q", "-f", "dangling=true") == [ids[1][7:19]]
    assert lines("images", "-q", "-f", "dangling=false") == sorted(  # a line a row
        [ids[0][7:19], *(i[7:19] for i in ids)])
    assert lines("images", "-q", "-f", f"reference=reg.example/app@{two}") == [ids[1][7:19]]
    inspected = json.loads(runner.invoke(cli, [*root, "inspect", "other:x"]).output)[0]
    assert inspected["RepoTags"] == ["other:x", "reg.example/app:1"]
    assert inspected["RepoDigests"] == [f"reg.example/app@{one}"]
    assert json.loads(runner.invoke(cli, [*root, "inspect", f"reg.example/app@{two}"])
                      .output)[0]["RepoDigests"] == [f"reg.example/app@{two}"]

    # save records tags only; a bare repository saves every image it names
    saved = tmp_path / "saved.tar"
    for args, tags in (([f"reg.example/app@{one}"], [None]),
                       (["reg.example/app"], [["reg.example/app:1"], None])):
        assert runner.invoke(cli, [*root, "save", "-o", str(saved), *args]).exit_code == 0
        with tarfile.open(saved) as tar:
            manifest = json.load(tar.extractfile("manifest.json"))  # type: ignore[arg-type]
            index = json.load(tar.extractfile("index.json"))  # type: ignore[arg-type]
        assert [m["RepoTags"] for m in manifest] == tags
        assert "@" not in json.dumps(index["manifests"])

    assert lines("rmi", f"reg.example/app@{one}") == [f"Untagged: reg.example/app@{one}"]
    assert lines("rmi", f"reg.example/app:7@{two}") == sorted([  # and its freed layer
        f"Deleted: {ids[1]}", f"Deleted: {bare.diff_ids[0]}", f"Untagged: reg.example/app@{two}"])
