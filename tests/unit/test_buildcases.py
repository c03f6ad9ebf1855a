"""The build-fixture harness's own logic: flattening layers, case validation."""

from __future__ import annotations

import io
import tarfile

import pytest

from tests.integration.buildcases import apply_layer, validate


def layer(*members: tuple[str, str, str]) -> bytes:
    """A layer tar from (name, kind, data-or-link) triples; kind is f, d, l (symlink), h."""
    out = io.BytesIO()
    with tarfile.open(fileobj=out, mode="w") as tar:
        for name, kind, data in members:
            info = tarfile.TarInfo(name)
            if kind == "d":
                info.type, info.mode = tarfile.DIRTYPE, 0o755
                tar.addfile(info)
            elif kind == "l":
                info.type, info.linkname = tarfile.SYMTYPE, data
                tar.addfile(info)
            elif kind == "h":
                info.type, info.linkname = tarfile.LNKTYPE, data
                tar.addfile(info)
            else:
                info.size, info.mode = len(data), 0o644
                tar.addfile(info, io.BytesIO(data.encode()))
    return out.getvalue()


def test_whiteouts_and_opaque_dirs_act_on_lower_layers() -> None:
    files: dict = {}
    apply_layer(files, layer(("d", "d", ""), ("d/a", "f", "a"), ("d/sub", "d", ""),
                             ("d/sub/s", "f", "s"), ("e", "d", ""), ("e/old", "f", "o")))
    apply_layer(files, layer(("d", "d", ""), ("d/.wh.sub", "f", ""),
                             ("e", "d", ""), ("e/new", "f", "n"), ("e/.wh..wh..opq", "f", "")))
    assert sorted(files) == ["/d", "/d/a", "/e", "/e/new"]
    assert files["/e/new"].content == b"n"


def test_a_file_over_a_dir_drops_the_dir_content_and_hardlinks_copy() -> None:
    files: dict = {}
    apply_layer(files, layer(("x", "d", ""), ("x/y", "f", "y"), ("a", "f", "A"),
                             ("b", "h", "a"), ("l", "l", "a")))
    apply_layer(files, layer(("x", "f", "now a file")))
    assert sorted(files) == ["/a", "/b", "/l", "/x"]
    assert files["/b"].type == "file" and files["/b"].content == b"A"
    assert files["/l"].link == "a"
    assert files["/x"].type == "file"


def test_a_malformed_case_is_rejected() -> None:
    good = {"description": "d", "expect": {}, "docker": True, "buildkit": "a reason"}
    validate("ok-case", good)
    for bad in ({**good, "expcet": {}}, {**good, "docker": False},
                {**good, "buildkit": False}, {**good, "buildkit": 1},
                {"description": "d", "expect": {}, "docker": True},
                {"description": "d", "docker": True, "buildkit": True},
                {**good, "expect": {"files": {"rel": {"type": "file"}}}}):
        with pytest.raises(ValueError):
            validate("ok-case", bad)
    with pytest.raises(ValueError):
        validate("Bad_Name", good)


def test_buildkit_mount_stubs_are_left_out_and_nothing_else(tmp_path) -> None:
    from tests.integration.buildcases import Case, FlatImage, parity_problems

    (tmp_path / "Dockerfile").write_text(
        "FROM x\nRUN --mount=type=cache,target=/var/cache/app true\n")
    case = Case("c", tmp_path, {"description": "d", "expect": {}, "docker": True,
                                "buildkit": True})
    theirs: dict = {}
    apply_layer(theirs, layer(("dev", "d", ""), ("var", "d", ""), ("var/cache", "d", ""),
                              ("var/cache/app", "d", ""), ("etc", "d", ""),
                              ("etc/f", "f", "x"), ("data", "d", "")))
    ours: dict = {}
    apply_layer(ours, layer(("bin", "d", "")))
    docker = FlatImage({"config": {}}, [], theirs)
    mine = FlatImage({"config": {}}, [], ours)
    # /dev and the cache mount's target with its parents are BuildKit 0.8's stubs; /etc has a
    # file below it and /data is no mount point: those are differences
    problems = parity_problems(case, mine, docker, buildkit=True)
    assert [p.split(":")[0] for p in problems] == ["/bin", "/data", "/etc", "/etc/f"]
    assert len(parity_problems(case, mine, docker)) == 8  # the classic comparison keeps all
