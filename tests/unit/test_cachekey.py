"""Cache keys: every input changes the key; irrelevant differences do not."""

from __future__ import annotations

from typing import Any

import pytest

from builder import cachekey
from builder.graph import BuildGraph, ImageConfig, PlanSettings, plan
from builder.parser import parse


def _graph(text: str, **kw: Any) -> BuildGraph:
    configs = kw.pop("configs", {})
    kw.setdefault("platform", "linux/amd64")
    kw.setdefault("build_platform", "linux/amd64")
    return plan(parse(text), PlanSettings(**kw), configs)


def _keys(text: str, sources: str | None = "blake3:src", **kw: Any) -> list[str]:
    g = _graph(text, **kw)
    keys = cachekey.keys_for(g, lambda step: sources)
    return [keys[(st.index, s.index)].digest for st in g.stages for s in st.steps]


def _last(text: str, **kw: Any) -> str:
    return _keys(text, **kw)[-1]


def _last_inputs(text: str, sources: str | None = "blake3:src", **kw: Any) -> dict[str, Any]:
    g = _graph(text, **kw)
    keys = cachekey.keys_for(g, lambda step: sources)
    st = g.stages[-1]
    return dict(keys[(st.index, st.steps[-1].index)].inputs)


BASE = "FROM busybox\n"


@pytest.mark.parametrize(
    ("a", "b", "kw_a", "kw_b"),
    [
        # parent: the base image
        ("FROM busybox:1\nRUN make\n", "FROM busybox:2\nRUN make\n", {}, {}),
        # parent: an earlier filesystem step
        (BASE + "RUN a\nRUN make\n", BASE + "RUN b\nRUN make\n", {}, {}),
        # instruction
        (BASE + "RUN make\n", BASE + "RUN make all\n", {}, {}),
        (BASE + "RUN make\n", BASE + 'RUN ["make"]\n', {}, {}),
        # env
        (BASE + "ENV A=1\nRUN make\n", BASE + "ENV A=2\nRUN make\n", {}, {}),
        # a build arg in scope
        (
            BASE + "ARG V\nRUN make\n",
            BASE + "ARG V\nRUN make\n",
            {"build_args": {"V": "1"}},
            {"build_args": {"V": "2"}},
        ),
        # a declared proxy arg is an ordinary arg
        (
            BASE + "ARG HTTP_PROXY\nRUN make\n",
            BASE + "ARG HTTP_PROXY\nRUN make\n",
            {"build_args": {"HTTP_PROXY": "a"}},
            {"build_args": {"HTTP_PROXY": "b"}},
        ),
        # user
        (BASE + "USER a\nRUN make\n", BASE + "USER b\nRUN make\n", {}, {}),
        # shell
        (
            BASE + 'SHELL ["/bin/sh", "-c"]\nRUN make\n',
            BASE + 'SHELL ["/bin/bash", "-c"]\nRUN make\n',
            {},
            {},
        ),
        # network, security, mounts
        (BASE + "RUN make\n", BASE + "RUN --network=none make\n", {}, {}),
        (BASE + "RUN make\n", BASE + "RUN --security=insecure make\n", {}, {}),
        (
            BASE + "RUN --mount=type=cache,id=a,target=/c make\n",
            BASE + "RUN --mount=type=cache,id=b,target=/c make\n",
            {},
            {},
        ),
        (
            BASE + "RUN --mount=type=secret,id=a make\n",
            BASE + "RUN --mount=type=secret,id=b make\n",
            {},
            {},
        ),
        # platform
        (
            BASE + "RUN make\n",
            BASE + "RUN make\n",
            {"platform": "linux/amd64"},
            {"platform": "linux/arm64"},
        ),
        # COPY parameters
        (BASE + "COPY a /b\n", BASE + "COPY a /c\n", {}, {}),
        (BASE + "COPY a /b\n", BASE + "COPY --chown=1 a /b\n", {}, {}),
        (BASE + "COPY a /b\n", BASE + "COPY --chmod=600 a /b\n", {}, {}),
        (BASE + "COPY a /b\n", BASE + "COPY --exclude=*.md a /b\n", {}, {}),
        (BASE + "COPY a b\n", BASE + "WORKDIR /x\nCOPY a b\n", {}, {}),
        # COPY --from: the source stage changed
        (
            "FROM busybox AS s\nRUN one\nFROM scratch\nCOPY --from=s /a /a\n",
            "FROM busybox AS s\nRUN two\nFROM scratch\nCOPY --from=s /a /a\n",
            {},
            {},
        ),
        # WORKDIR is created as the user
        (BASE + "USER a\nWORKDIR /w\n", BASE + "USER b\nWORKDIR /w\n", {}, {}),
        # metadata steps have keys too
        (BASE + "LABEL a=1\n", BASE + "LABEL a=2\n", {}, {}),
    ],
)
def test_each_input_changes_the_key(a: str, b: str, kw_a: Any, kw_b: Any) -> None:
    assert _last(a, **kw_a) != _last(b, **kw_b)


@pytest.mark.parametrize(
    "text",
    [
        BASE + "COPY app.py /app/\n",
        BASE + "ADD app.tar /app/\n",
        BASE + "RUN --mount=target=/src make -C /src\n",
        BASE + "RUN --mount=type=bind,source=lib,target=/lib2 make\n",
    ],
)
def test_sources_digest_changes_the_key(text: str) -> None:
    assert _keys(text, sources="blake3:1")[-1] != _keys(text, sources="blake3:2")[-1]
    g = _graph(text)
    assert not cachekey.keys_for(g)[(0, 0)].complete


def test_run_without_context_mounts_needs_no_sources() -> None:
    text = BASE + "RUN --mount=type=cache,target=/c --mount=from=alpine,target=/a make\n"
    key = cachekey.keys_for(_graph(text))[(0, 0)]
    assert key.complete and "sources" not in key.inputs


def test_workdir_from_base_config_changes_the_key() -> None:
    def cfg(wd: str) -> dict[str, ImageConfig]:
        return {"base": ImageConfig(working_dir=wd, id="sha256:" + "a" * 64)}

    text = "FROM base\nRUN make\n"
    assert _last(text, configs=cfg("/a")) != _last(text, configs=cfg("/b"))


def test_base_image_id_changes_the_key() -> None:
    text = "FROM base\nRUN make\n"
    a = {"base": ImageConfig(id="sha256:" + "a" * 64)}
    b = {"base": ImageConfig(id="sha256:" + "b" * 64)}
    assert _last(text, configs=a) != _last(text, configs=b)


SAME = [
    (
        "FROM busybox\nRUN make && make install\nCOPY . /src\n",
        "# a comment\n\nfrom busybox\n\n# another\nrun make \\\n  && make install\nCoPy . /src\n",
        {},
        {},
    ),
    # an unused build arg
    (BASE + "RUN make\n", BASE + "RUN make\n", {}, {"build_args": {"UNUSED": "1"}}),
    # an ARG declared after the step (its own key is the last one)
    (
        BASE + "RUN make\nARG V\nLABEL x=1\n",
        BASE + "RUN make\nARG V\nLABEL x=1\n",
        {"build_args": {"V": "1"}},
        {"build_args": {"V": "2"}},
    ),
    # an undeclared proxy variable
    (BASE + "RUN make\n", BASE + "RUN make\n", {}, {"build_args": {"HTTP_PROXY": "http://p:3128"}}),
    (BASE + "RUN make\n", BASE + "RUN make\n", {}, {"build_args": {"no_proxy": "x"}}),
    # metadata that the step does not see
    (BASE + "RUN make\n", BASE + 'LABEL a=1\nCMD ["x"]\nEXPOSE 80\nRUN make\n', {}, {}),
    # a global ARG not redeclared in the stage
    (
        "ARG V\nFROM busybox\nRUN make\n",
        "ARG V\nFROM busybox\nRUN make\n",
        {"build_args": {"V": "1"}},
        {"build_args": {"V": "2"}},
    ),
    # whitespace between shell words
    (BASE + "RUN make   &&\tmake install\n", BASE + "RUN make && make install\n", {}, {}),
    # a variable that expands to the same text
    (BASE + "COPY a /b\n", BASE + "ENV D=/b\nCOPY a $D\n", {}, {}),
]


@pytest.mark.parametrize(("a", "b", "kw_a", "kw_b"), SAME)
def test_irrelevant_changes_keep_the_key(a: str, b: str, kw_a: Any, kw_b: Any) -> None:
    ka, kb = _keys(a, **kw_a), _keys(b, **kw_b)
    if "RUN make\nARG V" in a:  # the RUN before the ARG (the ARG's own key changes)
        assert ka[0] == kb[0] and ka[1] != kb[1]
    else:
        assert ka[-1] == kb[-1]


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ('RUN echo "a  b"\n', 'RUN echo "a b"\n'),
        ("RUN echo 'a  b'\n", "RUN echo 'a b'\n"),
        ("RUN echo a\\  b\n", "RUN echo a\\ b\n"),
        ('SHELL ["cmd", "/S", "/C"]\nRUN echo a  b\n', 'SHELL ["cmd", "/S", "/C"]\nRUN echo a b\n'),
    ],
)
def test_significant_whitespace_changes_the_key(a: str, b: str) -> None:
    assert _last(BASE + a) != _last(BASE + b)


def test_layout_does_not_change_any_key() -> None:
    a, b, _, _ = SAME[0]
    assert _keys(a) == _keys(b)


def test_key_is_canonical_blake3() -> None:
    inputs = _last_inputs(BASE + "RUN make\n")
    key = cachekey.digest_of(inputs)
    assert key.startswith("blake3:") and len(key) == 7 + 64
    reordered = dict(reversed(list(inputs.items())))
    assert cachekey.digest_of(reordered) == key
    assert cachekey.digest_of({**inputs, "label": "other", "slot": "x/0/RUN"}) == key
    assert cachekey.canonical_json({"b": 1, "a": [1, 2]}) == b'{"a":[1,2],"b":1}'


def test_copy_without_sources_digest_is_incomplete() -> None:
    g = _graph(BASE + "COPY <<EOF /c\nx\nEOF\nCOPY --from=alpine /a /a\nCOPY a /b\n")
    keys = cachekey.keys_for(g)
    assert keys[(0, 0)].complete  # inline content is part of the instruction
    assert keys[(0, 1)].complete  # the image stands for the content
    assert keys[(0, 1)].inputs["deps"] == {
        "image:docker.io/library/alpine:latest": "image:docker.io/library/alpine:latest"
    }
    assert not keys[(0, 2)].complete


def test_steps_after_an_incomplete_key_are_incomplete() -> None:
    g = _graph(
        "FROM busybox AS one\nADD https://example.com/f /f\nRUN cat /f\n"
        "FROM scratch AS two\nCOPY --from=0 /f /f\nFROM one\nRUN true\n"
    )
    keys = cachekey.keys_for(g, lambda step: None)
    assert not keys[(0, 0)].complete and not keys[(0, 1)].complete
    assert not keys[(1, 0)].complete  # COPY --from a stage after the download
    assert not keys[(2, 0)].complete  # FROM that stage


def test_secret_and_proxy_values_never_in_inputs() -> None:
    inputs = _last_inputs(
        BASE + "RUN --mount=type=secret,id=tok make\n",
        build_args={"HTTP_PROXY": "http://user:pw@proxy"},
    )
    text = cachekey.canonical_json(inputs).decode()
    assert "user:pw" not in text and "HTTP_PROXY" not in text


def test_explain_names_the_change() -> None:
    copy_a = _last_inputs(BASE + "COPY app.py /app/\n", sources="blake3:1")
    copy_b = _last_inputs(BASE + "COPY app.py /app/\n", sources="blake3:2")
    assert cachekey.explain(copy_a, copy_b) == ["COPY app.py: content of sources changed"]

    text = BASE + "ARG VERSION\nRUN make\n"
    run_a = _last_inputs(text, build_args={"VERSION": "1.2"})
    run_b = _last_inputs(text, build_args={"VERSION": "1.3"})
    assert cachekey.explain(run_a, run_b) == ["RUN make: build arg VERSION changed 1.2 → 1.3"]

    p_a = _last_inputs(BASE + "RUN a\nRUN make\n")
    p_b = _last_inputs(BASE + "RUN b\nRUN make\n")
    assert cachekey.explain(p_a, p_b) == ["RUN make: parent step missed"]

    i_a = _last_inputs(BASE + "RUN make\n")
    i_b = _last_inputs(BASE + "RUN make all\n")
    assert cachekey.explain(i_a, i_b) == ["RUN make all: instruction changed"]

    e_a = _last_inputs(BASE + "ENV A=1\nRUN make\n")
    e_b = _last_inputs(BASE + "ENV A=2\nRUN make\n")
    assert cachekey.explain(e_a, e_b) == ["RUN make: env A changed 1 → 2"]

    assert cachekey.explain(i_a, dict(i_a)) == []


def test_explain_base_image_change() -> None:
    a = _last_inputs("FROM busybox:1\nRUN make\n")
    b = _last_inputs("FROM busybox:2\nRUN make\n")
    (reason,) = cachekey.explain(a, b)
    assert reason.startswith("RUN make: base changed image:docker.io/library/busybox:1")


def test_sources_of_a_pruned_stage_are_never_asked_for() -> None:
    """A stage the target does not need is not built: its sources (a missing file, a URL
    to fetch) are not looked at; the stages built still get their content keys."""
    g = _graph("FROM scratch AS unused\nCOPY missing /m\nADD https://example.invalid/x /x\n"
               "FROM scratch AS final\nCOPY a /a\n", target="final")
    asked: list[str] = []

    def sources(step: Any) -> str:
        asked.append(step.text.strip())
        return "blake3:src"

    keys = cachekey.keys_for(g, sources)
    assert asked == ["COPY a /a"]
    assert keys[(1, 0)].complete
