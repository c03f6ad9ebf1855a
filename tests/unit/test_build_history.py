"""Each step's history entry, worded as BuildKit's Dockerfile frontend words it."""

from __future__ import annotations

from builder.build.history import created_by
from builder.gotime import duration_string
from builder.graph import PlanSettings, plan
from builder.parser import parse

DOCKERFILE = """\
FROM scratch AS base
ARG V=1
ARG CLI
ARG NONE
ENV A=$V B="two words"
LABEL k=$A "q"="x y"
WORKDIR /w/$A
USER 1$V:2
RUN echo "$A" > f
COPY --chown=1:2 --chmod=600 a b* ./d/
ADD --link x /y
COPY <<EOT /e
hi
EOT
EXPOSE 8$V 53/udp 7000-7001
VOLUME /v $A
STOPSIGNAL SIGRTMIN+$V
SHELL ["/bin/sh", "-xc"]
CMD echo "$A"
ENTRYPOINT ["/e", "a\\tb"]
HEALTHCHECK --interval=90s --start-period=1500ms --retries=2 CMD ["curl", "-f", "x"]
MAINTAINER Jo <jo@x>
ONBUILD RUN true
FROM base
ENV CLI=from-env
RUN ["true"]
"""


def test_each_instruction_is_worded_as_buildkit_words_it() -> None:
    graph = plan(parse(DOCKERFILE), PlanSettings(build_args={"CLI": "c"}))
    texts = [created_by(s) for st in graph.stages for s in st.steps]
    assert texts == [
        "ARG V=1",
        "ARG CLI=c",
        "ARG NONE",
        "ENV A=1 B=two words",
        "LABEL k=1 q=x y",
        "WORKDIR /w/1",
        "USER 11:2",
        'RUN |3 V=1 CLI=c NONE= /bin/sh -c echo "$A" > f # buildkit',
        "COPY --chown=1:2 --chmod=600 a b* ./d/ # buildkit",
        "ADD x /y # buildkit",
        "COPY <<EOT /e # buildkit",
        "EXPOSE [53/udp 7000/tcp 7001/tcp 81/tcp]",  # the words sorted first, as BuildKit
        "VOLUME [/v 1]",
        "STOPSIGNAL SIGRTMIN+1",
        "SHELL [/bin/sh -xc]",
        'CMD ["/bin/sh" "-xc" "echo \\"$A\\""]',
        'ENTRYPOINT ["/e" "a\\tb"]',
        "HEALTHCHECK {Test:[CMD curl -f x] Interval:1m30s Timeout:0s StartPeriod:1.5s "
        "StartInterval:0s Retries:2}",
        "MAINTAINER Jo <jo@x>",
        None,  # ONBUILD makes no history entry
        "RUN |3 V=1 CLI=c NONE= /bin/sh -xc true # buildkit",  # the trigger, in the child
        "ENV CLI=from-env",
        "RUN |3 V=1 CLI=from-env NONE= true # buildkit",  # a parent's ARGs, as RUN sees them
    ]


def test_go_duration_strings() -> None:
    cases = {0: "0s", 1: "1ns", 1500: "1.5µs", 2_000_000: "2ms", 1_500_000_000: "1.5s",
             60_000_000_000: "1m0s", 3_605_000_000_000: "1h0m5s", -90_000_000_000: "-1m30s"}
    assert {ns: duration_string(ns) for ns in cases} == cases
