"""End-to-end build cases from ``fixtures/builds/<case>/`` (see ``buildcases.py``).

``test_case`` builds each case with dockyard and checks its expectation (or its error);
``test_rebuild_is_cached`` builds each successful case again: no step runs, same image ID;
``test_docker_parity`` builds each case Docker's classic builder supports with
``DOCKER_BUILDKIT=0 docker build --network=none`` on a private dockerd, loads ours into the
same daemon, and compares the config fields and the full file listings of both images;
``test_buildkit_parity`` does the same with the daemon's BuildKit (``DOCKER_BUILDKIT=1``)
for each case it builds as we do.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.integration.buildcases import (
    TESTBASE,
    Built,
    Case,
    build_case,
    build_testbase,
    check_error,
    check_expect,
    dockyard,
    dockyard_image,
    load_cases,
    parity_problems,
    read_archive,
    root_leaks,
)
from tests.integration.dockerd import Dockerd, start_dockerd, stop_dockerd

pytestmark = pytest.mark.integration

CASES = load_cases()
DOCKER_CASES = [c for c in CASES if c.docker]
BUILDKIT_CASES = [c for c in CASES if c.buildkit]
CACHEABLE = [c for c in CASES
             if c.expect is not None and "--no-cache" not in (c.spec.get("extra_args") or [])]


class Session:
    """One dockyard root for the whole session, with ``testbase`` and each case built once."""

    def __init__(self, work: Path) -> None:
        self.work = work
        self.root = work / "root"
        self.built: dict[str, Built] = {}
        build_testbase(self.root, work)

    def build(self, case: Case) -> Built:
        if case.name not in self.built:
            self.built[case.name] = build_case(case, self.root, self.work)
        return self.built[case.name]


@pytest.fixture(scope="session")
def session(tmp_path_factory: pytest.TempPathFactory) -> Session:
    if os.geteuid() != 0:
        pytest.skip("builds run RUN steps in namespaces: needs root")
    if not os.path.exists("/bin/busybox"):
        pytest.skip("/bin/busybox (busybox-static) is not installed")
    return Session(tmp_path_factory.mktemp("builds"))


@pytest.fixture(scope="session")
def daemon(tmp_path_factory: pytest.TempPathFactory, session: Session) -> Iterator[Dockerd]:
    d = start_dockerd(tmp_path_factory.mktemp("dockerd"))
    try:
        d.docker("load", input=dockyard(session.root, "save", TESTBASE).stdout)
        yield d
    finally:
        stop_dockerd(d)


def test_cases_exist() -> None:
    assert CASES, "no cases under fixtures/builds"


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_case(case: Case, session: Session) -> None:
    built = session.build(case)
    if case.error is not None:
        problems = check_error(case, built)
        assert not problems, "\n".join([*problems, built.stderr[-3000:]])
        return
    assert built.returncode == 0, f"build failed:\n{built.stderr[-4000:]}"
    image, _ = dockyard_image(session.root, case.tag)
    problems = check_expect(case, image)
    problems += root_leaks(session.root, (case.expect or {}).get("not_in_layers") or [])
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("case", CACHEABLE, ids=[c.name for c in CACHEABLE])
def test_rebuild_is_cached(case: Case, session: Session) -> None:
    """Building a case again runs no step and gives the very same image."""
    first = session.build(case)
    assert first.returncode == 0, f"build failed:\n{first.stderr[-3000:]}"
    again = build_case(case, session.root, session.work, first.context)
    assert again.returncode == 0, f"rebuild failed:\n{again.stderr[-3000:]}"
    assert again.steps_run == 0, f"the rebuild ran steps:\n{again.stderr[-3000:]}"
    assert again.image_id == first.image_id != ""


@pytest.mark.parametrize("case", DOCKER_CASES, ids=[c.name for c in DOCKER_CASES])
def test_docker_parity(case: Case, session: Session, daemon: Dockerd) -> None:
    _parity(case, session, daemon, buildkit=False)


@pytest.mark.parametrize("case", BUILDKIT_CASES, ids=[c.name for c in BUILDKIT_CASES])
def test_buildkit_parity(case: Case, session: Session, daemon: Dockerd) -> None:
    _parity(case, session, daemon, buildkit=True)


def _parity(case: Case, session: Session, daemon: Dockerd, buildkit: bool) -> None:
    """Build ``case`` with Docker's classic builder or its BuildKit, and compare."""
    built = session.build(case)
    docker_tag = f"{'dkb' if buildkit else 'dkc'}-{case.name}"
    for pre in case.spec.get("prebuild") or []:
        daemon.docker("build", "--network=none", "-q", "-t", pre["tag"],
                      "-f", str(case.dir / pre["dockerfile"]), str(built.context),
                      buildkit=buildkit)
    secrets: list[str] = []
    for ident, src in (case.spec.get("secrets") or {}).items() if buildkit else ():
        secrets += ["--secret", f"id={ident},src={case.dir / src}"]
    result = daemon.docker("build", "--network=none", "-t", docker_tag,
                           "-f", str(case.dockerfile), *case.build_flags(), *secrets,
                           str(built.context), check=False, buildkit=buildkit)
    if case.error is not None:
        assert result.returncode != 0, "Docker built a case that is expected to fail"
        assert built.returncode != 0, "dockyard built a case that Docker fails"
        return
    assert result.returncode == 0, f"docker build failed:\n{result.stderr.decode()[-3000:]}"
    assert built.returncode == 0, f"dockyard build failed:\n{built.stderr[-3000:]}"
    daemon.docker("load", input=dockyard(session.root, "save", case.tag).stdout)
    ours = read_archive(daemon.docker("save", case.tag).stdout)
    theirs = read_archive(daemon.docker("save", docker_tag).stdout)
    problems = parity_problems(case, ours, theirs, buildkit=buildkit)
    assert not problems, "\n".join(problems)
