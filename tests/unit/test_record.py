"""Value semantics of the hand-written value classes (builder.record)."""

from __future__ import annotations

from pathlib import Path

import pytest

from builder.descriptor import Descriptor
from builder.errors import Location
from builder.reference import Reference, parse_normalized
from builder.settings import Settings
from builder.store import GCReport

DIGEST = "sha256:" + "a" * 64


def test_equality_hash_and_repr_follow_the_fields() -> None:
    a = Location("Dockerfile", 3, 4, 2)
    assert a == Location("Dockerfile", 3, 4, 2)
    assert a != Location("Dockerfile", 3, 4, 1)
    assert len({a, Location("Dockerfile", 3, 4, 2)}) == 1
    assert repr(a) == "Location(file='Dockerfile', line=3, end_line=4, column=2)"
    assert str(a) == "Dockerfile:3:2"
    assert a != ("Dockerfile", 3, 4, 2)  # another type is never equal


def test_replace_and_as_dict() -> None:
    ref = parse_normalized("busybox")
    assert ref.as_dict() == {"domain": "docker.io", "path": "library/busybox",
                             "tag": "latest", "digest": None}
    other = ref.replace(tag="1.36")
    assert other == Reference("docker.io", "library/busybox", "1.36")
    assert ref.tag == "latest"  # the original is unchanged
    with pytest.raises(TypeError):
        ref.replace(colour="red")


def test_descriptor_equality_ignores_annotations_and_platform() -> None:
    plain = Descriptor("application/octet-stream", DIGEST, 3)
    noted = Descriptor("application/octet-stream", DIGEST, 3, {"k": "v"}, {"os": "linux"})
    assert plain == noted and hash(plain) == hash(noted)
    assert plain.annotations == {} and plain.platform is None
    assert plain != Descriptor("application/octet-stream", DIGEST, 4)


def test_a_mutable_record_is_unhashable() -> None:
    report = GCReport()
    report.blobs.append("x")
    assert GCReport() == GCReport() and report != GCReport()
    assert GCReport().blobs is not GCReport().blobs  # no shared default list
    with pytest.raises(TypeError, match="unhashable"):
        hash(report)


def test_settings_read_the_environment_for_fields_not_given(
        monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("DOCKYARD_ROOT", str(tmp_path / "r"))
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "42")
    monkeypatch.setenv("DOCKYARD_INSECURE_REGISTRIES", "a:5000, b")
    monkeypatch.setenv("DOCKYARD_CACHE_KEEP_STORAGE", "1KB")
    monkeypatch.setenv("DOCKER_CONFIG", str(tmp_path / "d"))
    settings = Settings()
    assert settings.root == tmp_path / "r"
    assert settings.source_date_epoch == 42
    assert settings.insecure_registries == ("a:5000", "b")
    assert settings.cache_keep_storage == 1024  # binary units, as Docker's --keep-storage
    assert settings.docker_config == tmp_path / "d"
    given = Settings(root=tmp_path, source_date_epoch=None, insecure_registries=())
    assert given.root == tmp_path and given.source_date_epoch is None
    assert given.insecure_registries == ()
    merged = Settings.from_env(tmp_path, ("c",))
    assert merged.root == tmp_path and merged.insecure_registries == ("a:5000", "b", "c")


def test_a_subclass_adds_its_fields_after_its_bases() -> None:
    from builder.record import Record

    class Base(Record):
        __slots__ = ("a",)

        def __init__(self, a: int) -> None:
            self.a = a

    class Child(Base):
        __slots__ = ("b",)

        def __init__(self, a: int, b: int) -> None:
            super().__init__(a)
            self.b = b

    assert Child(1, 2).as_dict() == {"a": 1, "b": 2}
    assert Child(1, 2) != Child(0, 2) and Child(1, 2) == Child(1, 2)
    assert repr(Child(1, 2)) == "Child(a=1, b=2)"
    assert Child(1, 2).replace(a=5) == Child(5, 2)
