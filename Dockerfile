# syntax=docker/dockerfile:1
FROM debian:12 AS base
# step 0: fetch and build
ARG VERSION_0=1.0
ENV PATH=/opt/tool0/bin:$PATH \
    TOOL_HOME="/opt/tool0"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_0}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/0/ /app/src/0/
LABEL org.example.step0="step 0" version=$VERSION_0
RUN ["/bin/sh", "-c", "echo step 0 done"]
WORKDIR /app/0

# step 1: fetch and build
ARG VERSION_1=1.1
ENV PATH=/opt/tool1/bin:$PATH \
    TOOL_HOME="/opt/tool1"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_1}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/1/ /app/src/1/
LABEL org.example.step1="step 1" version=$VERSION_1
RUN ["/bin/sh", "-c", "echo step 1 done"]
WORKDIR /app/1

# step 2: fetch and build
ARG VERSION_2=1.2
ENV PATH=/opt/tool2/bin:$PATH \
    TOOL_HOME="/opt/tool2"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_2}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/2/ /app/src/2/
LABEL org.example.step2="step 2" version=$VERSION_2
RUN ["/bin/sh", "-c", "echo step 2 done"]
WORKDIR /app/2

# step 3: fetch and build
ARG VERSION_3=1.3
ENV PATH=/opt/tool3/bin:$PATH \
    TOOL_HOME="/opt/tool3"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_3}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/3/ /app/src/3/
LABEL org.example.step3="step 3" version=$VERSION_3
RUN ["/bin/sh", "-c", "echo step 3 done"]
WORKDIR /app/3

# step 4: fetch and build
ARG VERSION_4=1.4
ENV PATH=/opt/tool4/bin:$PATH \
    TOOL_HOME="/opt/tool4"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_4}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/4/ /app/src/4/
LABEL org.example.step4="step 4" version=$VERSION_4
RUN ["/bin/sh", "-c", "echo step 4 done"]
WORKDIR /app/4

# step 5: fetch and build
ARG VERSION_5=1.5
ENV PATH=/opt/tool5/bin:$PATH \
    TOOL_HOME="/opt/tool5"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_5}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/5/ /app/src/5/
LABEL org.example.step5="step 5" version=$VERSION_5
RUN ["/bin/sh", "-c", "echo step 5 done"]
WORKDIR /app/5

# step 6: fetch and build
ARG VERSION_6=1.6
ENV PATH=/opt/tool6/bin:$PATH \
    TOOL_HOME="/opt/tool6"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_6}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/6/ /app/src/6/
LABEL org.example.step6="step 6" version=$VERSION_6
RUN ["/bin/sh", "-c", "echo step 6 done"]
WORKDIR /app/6

# step 7: fetch and build
ARG VERSION_7=1.7
ENV PATH=/opt/tool7/bin:$PATH \
    TOOL_HOME="/opt/tool7"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_7}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/7/ /app/src/7/
LABEL org.example.step7="step 7" version=$VERSION_7
RUN ["/bin/sh", "-c", "echo step 7 done"]
WORKDIR /app/7

# step 8: fetch and build
ARG VERSION_8=1.8
ENV PATH=/opt/tool8/bin:$PATH \
    TOOL_HOME="/opt/tool8"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_8}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/8/ /app/src/8/
LABEL org.example.step8="step 8" version=$VERSION_8
RUN ["/bin/sh", "-c", "echo step 8 done"]
WORKDIR /app/8

# step 9: fetch and build
ARG VERSION_9=1.9
ENV PATH=/opt/tool9/bin:$PATH \
    TOOL_HOME="/opt/tool9"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_9}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/9/ /app/src/9/
LABEL org.example.step9="step 9" version=$VERSION_9
RUN ["/bin/sh", "-c", "echo step 9 done"]
WORKDIR /app/9

# step 10: fetch and build
ARG VERSION_10=1.10
ENV PATH=/opt/tool10/bin:$PATH \
    TOOL_HOME="/opt/tool10"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_10}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/10/ /app/src/10/
LABEL org.example.step10="step 10" version=$VERSION_10
RUN ["/bin/sh", "-c", "echo step 10 done"]
WORKDIR /app/10

# step 11: fetch and build
ARG VERSION_11=1.11
ENV PATH=/opt/tool11/bin:$PATH \
    TOOL_HOME="/opt/tool11"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_11}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/11/ /app/src/11/
LABEL org.example.step11="step 11" version=$VERSION_11
RUN ["/bin/sh", "-c", "echo step 11 done"]
WORKDIR /app/11

# step 12: fetch and build
ARG VERSION_12=1.12
ENV PATH=/opt/tool12/bin:$PATH \
    TOOL_HOME="/opt/tool12"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_12}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/12/ /app/src/12/
LABEL org.example.step12="step 12" version=$VERSION_12
RUN ["/bin/sh", "-c", "echo step 12 done"]
WORKDIR /app/12

# step 13: fetch and build
ARG VERSION_13=1.13
ENV PATH=/opt/tool13/bin:$PATH \
    TOOL_HOME="/opt/tool13"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_13}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/13/ /app/src/13/
LABEL org.example.step13="step 13" version=$VERSION_13
RUN ["/bin/sh", "-c", "echo step 13 done"]
WORKDIR /app/13

# step 14: fetch and build
ARG VERSION_14=1.14
ENV PATH=/opt/tool14/bin:$PATH \
    TOOL_HOME="/opt/tool14"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_14}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/14/ /app/src/14/
LABEL org.example.step14="step 14" version=$VERSION_14
RUN ["/bin/sh", "-c", "echo step 14 done"]
WORKDIR /app/14

# step 15: fetch and build
ARG VERSION_15=1.15
ENV PATH=/opt/tool15/bin:$PATH \
    TOOL_HOME="/opt/tool15"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_15}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/15/ /app/src/15/
LABEL org.example.step15="step 15" version=$VERSION_15
RUN ["/bin/sh", "-c", "echo step 15 done"]
WORKDIR /app/15

# step 16: fetch and build
ARG VERSION_16=1.16
ENV PATH=/opt/tool16/bin:$PATH \
    TOOL_HOME="/opt/tool16"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_16}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/16/ /app/src/16/
LABEL org.example.step16="step 16" version=$VERSION_16
RUN ["/bin/sh", "-c", "echo step 16 done"]
WORKDIR /app/16

# step 17: fetch and build
ARG VERSION_17=1.17
ENV PATH=/opt/tool17/bin:$PATH \
    TOOL_HOME="/opt/tool17"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_17}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/17/ /app/src/17/
LABEL org.example.step17="step 17" version=$VERSION_17
RUN ["/bin/sh", "-c", "echo step 17 done"]
WORKDIR /app/17

# step 18: fetch and build
ARG VERSION_18=1.18
ENV PATH=/opt/tool18/bin:$PATH \
    TOOL_HOME="/opt/tool18"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_18}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/18/ /app/src/18/
LABEL org.example.step18="step 18" version=$VERSION_18
RUN ["/bin/sh", "-c", "echo step 18 done"]
WORKDIR /app/18

# step 19: fetch and build
ARG VERSION_19=1.19
ENV PATH=/opt/tool19/bin:$PATH \
    TOOL_HOME="/opt/tool19"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_19}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/19/ /app/src/19/
LABEL org.example.step19="step 19" version=$VERSION_19
RUN ["/bin/sh", "-c", "echo step 19 done"]
WORKDIR /app/19

# step 20: fetch and build
ARG VERSION_20=1.20
ENV PATH=/opt/tool20/bin:$PATH \
    TOOL_HOME="/opt/tool20"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_20}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/20/ /app/src/20/
LABEL org.example.step20="step 20" version=$VERSION_20
RUN ["/bin/sh", "-c", "echo step 20 done"]
WORKDIR /app/20

# step 21: fetch and build
ARG VERSION_21=1.21
ENV PATH=/opt/tool21/bin:$PATH \
    TOOL_HOME="/opt/tool21"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_21}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/21/ /app/src/21/
LABEL org.example.step21="step 21" version=$VERSION_21
RUN ["/bin/sh", "-c", "echo step 21 done"]
WORKDIR /app/21

# step 22: fetch and build
ARG VERSION_22=1.22
ENV PATH=/opt/tool22/bin:$PATH \
    TOOL_HOME="/opt/tool22"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_22}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/22/ /app/src/22/
LABEL org.example.step22="step 22" version=$VERSION_22
RUN ["/bin/sh", "-c", "echo step 22 done"]
WORKDIR /app/22

# step 23: fetch and build
ARG VERSION_23=1.23
ENV PATH=/opt/tool23/bin:$PATH \
    TOOL_HOME="/opt/tool23"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_23}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/23/ /app/src/23/
LABEL org.example.step23="step 23" version=$VERSION_23
RUN ["/bin/sh", "-c", "echo step 23 done"]
WORKDIR /app/23

# step 24: fetch and build
ARG VERSION_24=1.24
ENV PATH=/opt/tool24/bin:$PATH \
    TOOL_HOME="/opt/tool24"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_24}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/24/ /app/src/24/
LABEL org.example.step24="step 24" version=$VERSION_24
RUN ["/bin/sh", "-c", "echo step 24 done"]
WORKDIR /app/24

# step 25: fetch and build
ARG VERSION_25=1.25
ENV PATH=/opt/tool25/bin:$PATH \
    TOOL_HOME="/opt/tool25"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_25}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/25/ /app/src/25/
LABEL org.example.step25="step 25" version=$VERSION_25
RUN ["/bin/sh", "-c", "echo step 25 done"]
WORKDIR /app/25

# step 26: fetch and build
ARG VERSION_26=1.26
ENV PATH=/opt/tool26/bin:$PATH \
    TOOL_HOME="/opt/tool26"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_26}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/26/ /app/src/26/
LABEL org.example.step26="step 26" version=$VERSION_26
RUN ["/bin/sh", "-c", "echo step 26 done"]
WORKDIR /app/26

# step 27: fetch and build
ARG VERSION_27=1.27
ENV PATH=/opt/tool27/bin:$PATH \
    TOOL_HOME="/opt/tool27"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_27}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/27/ /app/src/27/
LABEL org.example.step27="step 27" version=$VERSION_27
RUN ["/bin/sh", "-c", "echo step 27 done"]
WORKDIR /app/27

# step 28: fetch and build
ARG VERSION_28=1.28
ENV PATH=/opt/tool28/bin:$PATH \
    TOOL_HOME="/opt/tool28"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_28}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/28/ /app/src/28/
LABEL org.example.step28="step 28" version=$VERSION_28
RUN ["/bin/sh", "-c", "echo step 28 done"]
WORKDIR /app/28

# step 29: fetch and build
ARG VERSION_29=1.29
ENV PATH=/opt/tool29/bin:$PATH \
    TOOL_HOME="/opt/tool29"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_29}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/29/ /app/src/29/
LABEL org.example.step29="step 29" version=$VERSION_29
RUN ["/bin/sh", "-c", "echo step 29 done"]
WORKDIR /app/29

# step 30: fetch and build
ARG VERSION_30=1.30
ENV PATH=/opt/tool30/bin:$PATH \
    TOOL_HOME="/opt/tool30"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_30}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/30/ /app/src/30/
LABEL org.example.step30="step 30" version=$VERSION_30
RUN ["/bin/sh", "-c", "echo step 30 done"]
WORKDIR /app/30

# step 31: fetch and build
ARG VERSION_31=1.31
ENV PATH=/opt/tool31/bin:$PATH \
    TOOL_HOME="/opt/tool31"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_31}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/31/ /app/src/31/
LABEL org.example.step31="step 31" version=$VERSION_31
RUN ["/bin/sh", "-c", "echo step 31 done"]
WORKDIR /app/31

# step 32: fetch and build
ARG VERSION_32=1.32
ENV PATH=/opt/tool32/bin:$PATH \
    TOOL_HOME="/opt/tool32"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_32}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/32/ /app/src/32/
LABEL org.example.step32="step 32" version=$VERSION_32
RUN ["/bin/sh", "-c", "echo step 32 done"]
WORKDIR /app/32

# step 33: fetch and build
ARG VERSION_33=1.33
ENV PATH=/opt/tool33/bin:$PATH \
    TOOL_HOME="/opt/tool33"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_33}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/33/ /app/src/33/
LABEL org.example.step33="step 33" version=$VERSION_33
RUN ["/bin/sh", "-c", "echo step 33 done"]
WORKDIR /app/33

# step 34: fetch and build
ARG VERSION_34=1.34
ENV PATH=/opt/tool34/bin:$PATH \
    TOOL_HOME="/opt/tool34"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_34}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/34/ /app/src/34/
LABEL org.example.step34="step 34" version=$VERSION_34
RUN ["/bin/sh", "-c", "echo step 34 done"]
WORKDIR /app/34

# step 35: fetch and build
ARG VERSION_35=1.35
ENV PATH=/opt/tool35/bin:$PATH \
    TOOL_HOME="/opt/tool35"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_35}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/35/ /app/src/35/
LABEL org.example.step35="step 35" version=$VERSION_35
RUN ["/bin/sh", "-c", "echo step 35 done"]
WORKDIR /app/35

# step 36: fetch and build
ARG VERSION_36=1.36
ENV PATH=/opt/tool36/bin:$PATH \
    TOOL_HOME="/opt/tool36"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_36}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/36/ /app/src/36/
LABEL org.example.step36="step 36" version=$VERSION_36
RUN ["/bin/sh", "-c", "echo step 36 done"]
WORKDIR /app/36

# step 37: fetch and build
ARG VERSION_37=1.37
ENV PATH=/opt/tool37/bin:$PATH \
    TOOL_HOME="/opt/tool37"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_37}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/37/ /app/src/37/
LABEL org.example.step37="step 37" version=$VERSION_37
RUN ["/bin/sh", "-c", "echo step 37 done"]
WORKDIR /app/37

# step 38: fetch and build
ARG VERSION_38=1.38
ENV PATH=/opt/tool38/bin:$PATH \
    TOOL_HOME="/opt/tool38"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_38}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/38/ /app/src/38/
LABEL org.example.step38="step 38" version=$VERSION_38
RUN ["/bin/sh", "-c", "echo step 38 done"]
WORKDIR /app/38

# step 39: fetch and build
ARG VERSION_39=1.39
ENV PATH=/opt/tool39/bin:$PATH \
    TOOL_HOME="/opt/tool39"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_39}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/39/ /app/src/39/
LABEL org.example.step39="step 39" version=$VERSION_39
RUN ["/bin/sh", "-c", "echo step 39 done"]
WORKDIR /app/39

# step 40: fetch and build
ARG VERSION_40=1.40
ENV PATH=/opt/tool40/bin:$PATH \
    TOOL_HOME="/opt/tool40"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_40}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/40/ /app/src/40/
LABEL org.example.step40="step 40" version=$VERSION_40
RUN ["/bin/sh", "-c", "echo step 40 done"]
WORKDIR /app/40

# step 41: fetch and build
ARG VERSION_41=1.41
ENV PATH=/opt/tool41/bin:$PATH \
    TOOL_HOME="/opt/tool41"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_41}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/41/ /app/src/41/
LABEL org.example.step41="step 41" version=$VERSION_41
RUN ["/bin/sh", "-c", "echo step 41 done"]
WORKDIR /app/41

# step 42: fetch and build
ARG VERSION_42=1.42
ENV PATH=/opt/tool42/bin:$PATH \
    TOOL_HOME="/opt/tool42"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_42}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/42/ /app/src/42/
LABEL org.example.step42="step 42" version=$VERSION_42
RUN ["/bin/sh", "-c", "echo step 42 done"]
WORKDIR /app/42

# step 43: fetch and build
ARG VERSION_43=1.43
ENV PATH=/opt/tool43/bin:$PATH \
    TOOL_HOME="/opt/tool43"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_43}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/43/ /app/src/43/
LABEL org.example.step43="step 43" version=$VERSION_43
RUN ["/bin/sh", "-c", "echo step 43 done"]
WORKDIR /app/43

# step 44: fetch and build
ARG VERSION_44=1.44
ENV PATH=/opt/tool44/bin:$PATH \
    TOOL_HOME="/opt/tool44"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_44}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/44/ /app/src/44/
LABEL org.example.step44="step 44" version=$VERSION_44
RUN ["/bin/sh", "-c", "echo step 44 done"]
WORKDIR /app/44

# step 45: fetch and build
ARG VERSION_45=1.45
ENV PATH=/opt/tool45/bin:$PATH \
    TOOL_HOME="/opt/tool45"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_45}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/45/ /app/src/45/
LABEL org.example.step45="step 45" version=$VERSION_45
RUN ["/bin/sh", "-c", "echo step 45 done"]
WORKDIR /app/45

# step 46: fetch and build
ARG VERSION_46=1.46
ENV PATH=/opt/tool46/bin:$PATH \
    TOOL_HOME="/opt/tool46"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_46}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/46/ /app/src/46/
LABEL org.example.step46="step 46" version=$VERSION_46
RUN ["/bin/sh", "-c", "echo step 46 done"]
WORKDIR /app/46

# step 47: fetch and build
ARG VERSION_47=1.47
ENV PATH=/opt/tool47/bin:$PATH \
    TOOL_HOME="/opt/tool47"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_47}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/47/ /app/src/47/
LABEL org.example.step47="step 47" version=$VERSION_47
RUN ["/bin/sh", "-c", "echo step 47 done"]
WORKDIR /app/47

# step 48: fetch and build
ARG VERSION_48=1.48
ENV PATH=/opt/tool48/bin:$PATH \
    TOOL_HOME="/opt/tool48"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_48}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/48/ /app/src/48/
LABEL org.example.step48="step 48" version=$VERSION_48
RUN ["/bin/sh", "-c", "echo step 48 done"]
WORKDIR /app/48

# step 49: fetch and build
ARG VERSION_49=1.49
ENV PATH=/opt/tool49/bin:$PATH \
    TOOL_HOME="/opt/tool49"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_49}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/49/ /app/src/49/
LABEL org.example.step49="step 49" version=$VERSION_49
RUN ["/bin/sh", "-c", "echo step 49 done"]
WORKDIR /app/49

# step 50: fetch and build
ARG VERSION_50=1.50
ENV PATH=/opt/tool50/bin:$PATH \
    TOOL_HOME="/opt/tool50"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_50}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/50/ /app/src/50/
LABEL org.example.step50="step 50" version=$VERSION_50
RUN ["/bin/sh", "-c", "echo step 50 done"]
WORKDIR /app/50

# step 51: fetch and build
ARG VERSION_51=1.51
ENV PATH=/opt/tool51/bin:$PATH \
    TOOL_HOME="/opt/tool51"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_51}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/51/ /app/src/51/
LABEL org.example.step51="step 51" version=$VERSION_51
RUN ["/bin/sh", "-c", "echo step 51 done"]
WORKDIR /app/51

# step 52: fetch and build
ARG VERSION_52=1.52
ENV PATH=/opt/tool52/bin:$PATH \
    TOOL_HOME="/opt/tool52"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_52}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/52/ /app/src/52/
LABEL org.example.step52="step 52" version=$VERSION_52
RUN ["/bin/sh", "-c", "echo step 52 done"]
WORKDIR /app/52

# step 53: fetch and build
ARG VERSION_53=1.53
ENV PATH=/opt/tool53/bin:$PATH \
    TOOL_HOME="/opt/tool53"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_53}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/53/ /app/src/53/
LABEL org.example.step53="step 53" version=$VERSION_53
RUN ["/bin/sh", "-c", "echo step 53 done"]
WORKDIR /app/53

# step 54: fetch and build
ARG VERSION_54=1.54
ENV PATH=/opt/tool54/bin:$PATH \
    TOOL_HOME="/opt/tool54"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_54}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/54/ /app/src/54/
LABEL org.example.step54="step 54" version=$VERSION_54
RUN ["/bin/sh", "-c", "echo step 54 done"]
WORKDIR /app/54

# step 55: fetch and build
ARG VERSION_55=1.55
ENV PATH=/opt/tool55/bin:$PATH \
    TOOL_HOME="/opt/tool55"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_55}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/55/ /app/src/55/
LABEL org.example.step55="step 55" version=$VERSION_55
RUN ["/bin/sh", "-c", "echo step 55 done"]
WORKDIR /app/55

# step 56: fetch and build
ARG VERSION_56=1.56
ENV PATH=/opt/tool56/bin:$PATH \
    TOOL_HOME="/opt/tool56"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_56}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/56/ /app/src/56/
LABEL org.example.step56="step 56" version=$VERSION_56
RUN ["/bin/sh", "-c", "echo step 56 done"]
WORKDIR /app/56

# step 57: fetch and build
ARG VERSION_57=1.57
ENV PATH=/opt/tool57/bin:$PATH \
    TOOL_HOME="/opt/tool57"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_57}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/57/ /app/src/57/
LABEL org.example.step57="step 57" version=$VERSION_57
RUN ["/bin/sh", "-c", "echo step 57 done"]
WORKDIR /app/57

# step 58: fetch and build
ARG VERSION_58=1.58
ENV PATH=/opt/tool58/bin:$PATH \
    TOOL_HOME="/opt/tool58"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_58}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/58/ /app/src/58/
LABEL org.example.step58="step 58" version=$VERSION_58
RUN ["/bin/sh", "-c", "echo step 58 done"]
WORKDIR /app/58

# step 59: fetch and build
ARG VERSION_59=1.59
ENV PATH=/opt/tool59/bin:$PATH \
    TOOL_HOME="/opt/tool59"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_59}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/59/ /app/src/59/
LABEL org.example.step59="step 59" version=$VERSION_59
RUN ["/bin/sh", "-c", "echo step 59 done"]
WORKDIR /app/59

# step 60: fetch and build
ARG VERSION_60=1.60
ENV PATH=/opt/tool60/bin:$PATH \
    TOOL_HOME="/opt/tool60"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_60}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/60/ /app/src/60/
LABEL org.example.step60="step 60" version=$VERSION_60
RUN ["/bin/sh", "-c", "echo step 60 done"]
WORKDIR /app/60

# step 61: fetch and build
ARG VERSION_61=1.61
ENV PATH=/opt/tool61/bin:$PATH \
    TOOL_HOME="/opt/tool61"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_61}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/61/ /app/src/61/
LABEL org.example.step61="step 61" version=$VERSION_61
RUN ["/bin/sh", "-c", "echo step 61 done"]
WORKDIR /app/61

# step 62: fetch and build
ARG VERSION_62=1.62
ENV PATH=/opt/tool62/bin:$PATH \
    TOOL_HOME="/opt/tool62"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_62}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/62/ /app/src/62/
LABEL org.example.step62="step 62" version=$VERSION_62
RUN ["/bin/sh", "-c", "echo step 62 done"]
WORKDIR /app/62

# step 63: fetch and build
ARG VERSION_63=1.63
ENV PATH=/opt/tool63/bin:$PATH \
    TOOL_HOME="/opt/tool63"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_63}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/63/ /app/src/63/
LABEL org.example.step63="step 63" version=$VERSION_63
RUN ["/bin/sh", "-c", "echo step 63 done"]
WORKDIR /app/63

# step 64: fetch and build
ARG VERSION_64=1.64
ENV PATH=/opt/tool64/bin:$PATH \
    TOOL_HOME="/opt/tool64"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_64}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/64/ /app/src/64/
LABEL org.example.step64="step 64" version=$VERSION_64
RUN ["/bin/sh", "-c", "echo step 64 done"]
WORKDIR /app/64

# step 65: fetch and build
ARG VERSION_65=1.65
ENV PATH=/opt/tool65/bin:$PATH \
    TOOL_HOME="/opt/tool65"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_65}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/65/ /app/src/65/
LABEL org.example.step65="step 65" version=$VERSION_65
RUN ["/bin/sh", "-c", "echo step 65 done"]
WORKDIR /app/65

# step 66: fetch and build
ARG VERSION_66=1.66
ENV PATH=/opt/tool66/bin:$PATH \
    TOOL_HOME="/opt/tool66"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_66}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/66/ /app/src/66/
LABEL org.example.step66="step 66" version=$VERSION_66
RUN ["/bin/sh", "-c", "echo step 66 done"]
WORKDIR /app/66

# step 67: fetch and build
ARG VERSION_67=1.67
ENV PATH=/opt/tool67/bin:$PATH \
    TOOL_HOME="/opt/tool67"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_67}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/67/ /app/src/67/
LABEL org.example.step67="step 67" version=$VERSION_67
RUN ["/bin/sh", "-c", "echo step 67 done"]
WORKDIR /app/67

# step 68: fetch and build
ARG VERSION_68=1.68
ENV PATH=/opt/tool68/bin:$PATH \
    TOOL_HOME="/opt/tool68"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_68}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/68/ /app/src/68/
LABEL org.example.step68="step 68" version=$VERSION_68
RUN ["/bin/sh", "-c", "echo step 68 done"]
WORKDIR /app/68

# step 69: fetch and build
ARG VERSION_69=1.69
ENV PATH=/opt/tool69/bin:$PATH \
    TOOL_HOME="/opt/tool69"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_69}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/69/ /app/src/69/
LABEL org.example.step69="step 69" version=$VERSION_69
RUN ["/bin/sh", "-c", "echo step 69 done"]
WORKDIR /app/69

# step 70: fetch and build
ARG VERSION_70=1.70
ENV PATH=/opt/tool70/bin:$PATH \
    TOOL_HOME="/opt/tool70"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_70}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/70/ /app/src/70/
LABEL org.example.step70="step 70" version=$VERSION_70
RUN ["/bin/sh", "-c", "echo step 70 done"]
WORKDIR /app/70

# step 71: fetch and build
ARG VERSION_71=1.71
ENV PATH=/opt/tool71/bin:$PATH \
    TOOL_HOME="/opt/tool71"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_71}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/71/ /app/src/71/
LABEL org.example.step71="step 71" version=$VERSION_71
RUN ["/bin/sh", "-c", "echo step 71 done"]
WORKDIR /app/71

# step 72: fetch and build
ARG VERSION_72=1.72
ENV PATH=/opt/tool72/bin:$PATH \
    TOOL_HOME="/opt/tool72"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_72}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/72/ /app/src/72/
LABEL org.example.step72="step 72" version=$VERSION_72
RUN ["/bin/sh", "-c", "echo step 72 done"]
WORKDIR /app/72

# step 73: fetch and build
ARG VERSION_73=1.73
ENV PATH=/opt/tool73/bin:$PATH \
    TOOL_HOME="/opt/tool73"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_73}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/73/ /app/src/73/
LABEL org.example.step73="step 73" version=$VERSION_73
RUN ["/bin/sh", "-c", "echo step 73 done"]
WORKDIR /app/73

# step 74: fetch and build
ARG VERSION_74=1.74
ENV PATH=/opt/tool74/bin:$PATH \
    TOOL_HOME="/opt/tool74"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_74}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/74/ /app/src/74/
LABEL org.example.step74="step 74" version=$VERSION_74
RUN ["/bin/sh", "-c", "echo step 74 done"]
WORKDIR /app/74

# step 75: fetch and build
ARG VERSION_75=1.75
ENV PATH=/opt/tool75/bin:$PATH \
    TOOL_HOME="/opt/tool75"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_75}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/75/ /app/src/75/
LABEL org.example.step75="step 75" version=$VERSION_75
RUN ["/bin/sh", "-c", "echo step 75 done"]
WORKDIR /app/75

# step 76: fetch and build
ARG VERSION_76=1.76
ENV PATH=/opt/tool76/bin:$PATH \
    TOOL_HOME="/opt/tool76"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_76}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/76/ /app/src/76/
LABEL org.example.step76="step 76" version=$VERSION_76
RUN ["/bin/sh", "-c", "echo step 76 done"]
WORKDIR /app/76

# step 77: fetch and build
ARG VERSION_77=1.77
ENV PATH=/opt/tool77/bin:$PATH \
    TOOL_HOME="/opt/tool77"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_77}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/77/ /app/src/77/
LABEL org.example.step77="step 77" version=$VERSION_77
RUN ["/bin/sh", "-c", "echo step 77 done"]
WORKDIR /app/77

# step 78: fetch and build
ARG VERSION_78=1.78
ENV PATH=/opt/tool78/bin:$PATH \
    TOOL_HOME="/opt/tool78"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_78}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/78/ /app/src/78/
LABEL org.example.step78="step 78" version=$VERSION_78
RUN ["/bin/sh", "-c", "echo step 78 done"]
WORKDIR /app/78

# step 79: fetch and build
ARG VERSION_79=1.79
ENV PATH=/opt/tool79/bin:$PATH \
    TOOL_HOME="/opt/tool79"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_79}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/79/ /app/src/79/
LABEL org.example.step79="step 79" version=$VERSION_79
RUN ["/bin/sh", "-c", "echo step 79 done"]
WORKDIR /app/79

# step 80: fetch and build
ARG VERSION_80=1.80
ENV PATH=/opt/tool80/bin:$PATH \
    TOOL_HOME="/opt/tool80"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_80}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/80/ /app/src/80/
LABEL org.example.step80="step 80" version=$VERSION_80
RUN ["/bin/sh", "-c", "echo step 80 done"]
WORKDIR /app/80

# step 81: fetch and build
ARG VERSION_81=1.81
ENV PATH=/opt/tool81/bin:$PATH \
    TOOL_HOME="/opt/tool81"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_81}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/81/ /app/src/81/
LABEL org.example.step81="step 81" version=$VERSION_81
RUN ["/bin/sh", "-c", "echo step 81 done"]
WORKDIR /app/81

# step 82: fetch and build
ARG VERSION_82=1.82
ENV PATH=/opt/tool82/bin:$PATH \
    TOOL_HOME="/opt/tool82"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_82}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/82/ /app/src/82/
LABEL org.example.step82="step 82" version=$VERSION_82
RUN ["/bin/sh", "-c", "echo step 82 done"]
WORKDIR /app/82

# step 83: fetch and build
ARG VERSION_83=1.83
ENV PATH=/opt/tool83/bin:$PATH \
    TOOL_HOME="/opt/tool83"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_83}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/83/ /app/src/83/
LABEL org.example.step83="step 83" version=$VERSION_83
RUN ["/bin/sh", "-c", "echo step 83 done"]
WORKDIR /app/83

# step 84: fetch and build
ARG VERSION_84=1.84
ENV PATH=/opt/tool84/bin:$PATH \
    TOOL_HOME="/opt/tool84"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_84}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/84/ /app/src/84/
LABEL org.example.step84="step 84" version=$VERSION_84
RUN ["/bin/sh", "-c", "echo step 84 done"]
WORKDIR /app/84

# step 85: fetch and build
ARG VERSION_85=1.85
ENV PATH=/opt/tool85/bin:$PATH \
    TOOL_HOME="/opt/tool85"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_85}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/85/ /app/src/85/
LABEL org.example.step85="step 85" version=$VERSION_85
RUN ["/bin/sh", "-c", "echo step 85 done"]
WORKDIR /app/85

# step 86: fetch and build
ARG VERSION_86=1.86
ENV PATH=/opt/tool86/bin:$PATH \
    TOOL_HOME="/opt/tool86"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_86}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/86/ /app/src/86/
LABEL org.example.step86="step 86" version=$VERSION_86
RUN ["/bin/sh", "-c", "echo step 86 done"]
WORKDIR /app/86

# step 87: fetch and build
ARG VERSION_87=1.87
ENV PATH=/opt/tool87/bin:$PATH \
    TOOL_HOME="/opt/tool87"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_87}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/87/ /app/src/87/
LABEL org.example.step87="step 87" version=$VERSION_87
RUN ["/bin/sh", "-c", "echo step 87 done"]
WORKDIR /app/87

# step 88: fetch and build
ARG VERSION_88=1.88
ENV PATH=/opt/tool88/bin:$PATH \
    TOOL_HOME="/opt/tool88"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_88}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/88/ /app/src/88/
LABEL org.example.step88="step 88" version=$VERSION_88
RUN ["/bin/sh", "-c", "echo step 88 done"]
WORKDIR /app/88

# step 89: fetch and build
ARG VERSION_89=1.89
ENV PATH=/opt/tool89/bin:$PATH \
    TOOL_HOME="/opt/tool89"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_89}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/89/ /app/src/89/
LABEL org.example.step89="step 89" version=$VERSION_89
RUN ["/bin/sh", "-c", "echo step 89 done"]
WORKDIR /app/89

# step 90: fetch and build
ARG VERSION_90=1.90
ENV PATH=/opt/tool90/bin:$PATH \
    TOOL_HOME="/opt/tool90"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_90}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/90/ /app/src/90/
LABEL org.example.step90="step 90" version=$VERSION_90
RUN ["/bin/sh", "-c", "echo step 90 done"]
WORKDIR /app/90

# step 91: fetch and build
ARG VERSION_91=1.91
ENV PATH=/opt/tool91/bin:$PATH \
    TOOL_HOME="/opt/tool91"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_91}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/91/ /app/src/91/
LABEL org.example.step91="step 91" version=$VERSION_91
RUN ["/bin/sh", "-c", "echo step 91 done"]
WORKDIR /app/91

# step 92: fetch and build
ARG VERSION_92=1.92
ENV PATH=/opt/tool92/bin:$PATH \
    TOOL_HOME="/opt/tool92"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_92}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/92/ /app/src/92/
LABEL org.example.step92="step 92" version=$VERSION_92
RUN ["/bin/sh", "-c", "echo step 92 done"]
WORKDIR /app/92

# step 93: fetch and build
ARG VERSION_93=1.93
ENV PATH=/opt/tool93/bin:$PATH \
    TOOL_HOME="/opt/tool93"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_93}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/93/ /app/src/93/
LABEL org.example.step93="step 93" version=$VERSION_93
RUN ["/bin/sh", "-c", "echo step 93 done"]
WORKDIR /app/93

# step 94: fetch and build
ARG VERSION_94=1.94
ENV PATH=/opt/tool94/bin:$PATH \
    TOOL_HOME="/opt/tool94"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_94}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/94/ /app/src/94/
LABEL org.example.step94="step 94" version=$VERSION_94
RUN ["/bin/sh", "-c", "echo step 94 done"]
WORKDIR /app/94

# step 95: fetch and build
ARG VERSION_95=1.95
ENV PATH=/opt/tool95/bin:$PATH \
    TOOL_HOME="/opt/tool95"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_95}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/95/ /app/src/95/
LABEL org.example.step95="step 95" version=$VERSION_95
RUN ["/bin/sh", "-c", "echo step 95 done"]
WORKDIR /app/95

# step 96: fetch and build
ARG VERSION_96=1.96
ENV PATH=/opt/tool96/bin:$PATH \
    TOOL_HOME="/opt/tool96"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_96}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/96/ /app/src/96/
LABEL org.example.step96="step 96" version=$VERSION_96
RUN ["/bin/sh", "-c", "echo step 96 done"]
WORKDIR /app/96

# step 97: fetch and build
ARG VERSION_97=1.97
ENV PATH=/opt/tool97/bin:$PATH \
    TOOL_HOME="/opt/tool97"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_97}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/97/ /app/src/97/
LABEL org.example.step97="step 97" version=$VERSION_97
RUN ["/bin/sh", "-c", "echo step 97 done"]
WORKDIR /app/97

# step 98: fetch and build
ARG VERSION_98=1.98
ENV PATH=/opt/tool98/bin:$PATH \
    TOOL_HOME="/opt/tool98"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_98}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/98/ /app/src/98/
LABEL org.example.step98="step 98" version=$VERSION_98
RUN ["/bin/sh", "-c", "echo step 98 done"]
WORKDIR /app/98

# step 99: fetch and build
ARG VERSION_99=1.99
ENV PATH=/opt/tool99/bin:$PATH \
    TOOL_HOME="/opt/tool99"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_99}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/99/ /app/src/99/
LABEL org.example.step99="step 99" version=$VERSION_99
RUN ["/bin/sh", "-c", "echo step 99 done"]
WORKDIR /app/99

# step 100: fetch and build
ARG VERSION_100=1.100
ENV PATH=/opt/tool100/bin:$PATH \
    TOOL_HOME="/opt/tool100"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_100}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/100/ /app/src/100/
LABEL org.example.step100="step 100" version=$VERSION_100
RUN ["/bin/sh", "-c", "echo step 100 done"]
WORKDIR /app/100

# step 101: fetch and build
ARG VERSION_101=1.101
ENV PATH=/opt/tool101/bin:$PATH \
    TOOL_HOME="/opt/tool101"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_101}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/101/ /app/src/101/
LABEL org.example.step101="step 101" version=$VERSION_101
RUN ["/bin/sh", "-c", "echo step 101 done"]
WORKDIR /app/101

# step 102: fetch and build
ARG VERSION_102=1.102
ENV PATH=/opt/tool102/bin:$PATH \
    TOOL_HOME="/opt/tool102"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_102}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/102/ /app/src/102/
LABEL org.example.step102="step 102" version=$VERSION_102
RUN ["/bin/sh", "-c", "echo step 102 done"]
WORKDIR /app/102

# step 103: fetch and build
ARG VERSION_103=1.103
ENV PATH=/opt/tool103/bin:$PATH \
    TOOL_HOME="/opt/tool103"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_103}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/103/ /app/src/103/
LABEL org.example.step103="step 103" version=$VERSION_103
RUN ["/bin/sh", "-c", "echo step 103 done"]
WORKDIR /app/103

# step 104: fetch and build
ARG VERSION_104=1.104
ENV PATH=/opt/tool104/bin:$PATH \
    TOOL_HOME="/opt/tool104"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_104}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/104/ /app/src/104/
LABEL org.example.step104="step 104" version=$VERSION_104
RUN ["/bin/sh", "-c", "echo step 104 done"]
WORKDIR /app/104

# step 105: fetch and build
ARG VERSION_105=1.105
ENV PATH=/opt/tool105/bin:$PATH \
    TOOL_HOME="/opt/tool105"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_105}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/105/ /app/src/105/
LABEL org.example.step105="step 105" version=$VERSION_105
RUN ["/bin/sh", "-c", "echo step 105 done"]
WORKDIR /app/105

# step 106: fetch and build
ARG VERSION_106=1.106
ENV PATH=/opt/tool106/bin:$PATH \
    TOOL_HOME="/opt/tool106"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_106}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/106/ /app/src/106/
LABEL org.example.step106="step 106" version=$VERSION_106
RUN ["/bin/sh", "-c", "echo step 106 done"]
WORKDIR /app/106

# step 107: fetch and build
ARG VERSION_107=1.107
ENV PATH=/opt/tool107/bin:$PATH \
    TOOL_HOME="/opt/tool107"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_107}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/107/ /app/src/107/
LABEL org.example.step107="step 107" version=$VERSION_107
RUN ["/bin/sh", "-c", "echo step 107 done"]
WORKDIR /app/107

# step 108: fetch and build
ARG VERSION_108=1.108
ENV PATH=/opt/tool108/bin:$PATH \
    TOOL_HOME="/opt/tool108"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_108}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/108/ /app/src/108/
LABEL org.example.step108="step 108" version=$VERSION_108
RUN ["/bin/sh", "-c", "echo step 108 done"]
WORKDIR /app/108

# step 109: fetch and build
ARG VERSION_109=1.109
ENV PATH=/opt/tool109/bin:$PATH \
    TOOL_HOME="/opt/tool109"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_109}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/109/ /app/src/109/
LABEL org.example.step109="step 109" version=$VERSION_109
RUN ["/bin/sh", "-c", "echo step 109 done"]
WORKDIR /app/109

# step 110: fetch and build
ARG VERSION_110=1.110
ENV PATH=/opt/tool110/bin:$PATH \
    TOOL_HOME="/opt/tool110"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_110}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/110/ /app/src/110/
LABEL org.example.step110="step 110" version=$VERSION_110
RUN ["/bin/sh", "-c", "echo step 110 done"]
WORKDIR /app/110

# step 111: fetch and build
ARG VERSION_111=1.111
ENV PATH=/opt/tool111/bin:$PATH \
    TOOL_HOME="/opt/tool111"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_111}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/111/ /app/src/111/
LABEL org.example.step111="step 111" version=$VERSION_111
RUN ["/bin/sh", "-c", "echo step 111 done"]
WORKDIR /app/111

# step 112: fetch and build
ARG VERSION_112=1.112
ENV PATH=/opt/tool112/bin:$PATH \
    TOOL_HOME="/opt/tool112"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_112}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/112/ /app/src/112/
LABEL org.example.step112="step 112" version=$VERSION_112
RUN ["/bin/sh", "-c", "echo step 112 done"]
WORKDIR /app/112

# step 113: fetch and build
ARG VERSION_113=1.113
ENV PATH=/opt/tool113/bin:$PATH \
    TOOL_HOME="/opt/tool113"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_113}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/113/ /app/src/113/
LABEL org.example.step113="step 113" version=$VERSION_113
RUN ["/bin/sh", "-c", "echo step 113 done"]
WORKDIR /app/113

# step 114: fetch and build
ARG VERSION_114=1.114
ENV PATH=/opt/tool114/bin:$PATH \
    TOOL_HOME="/opt/tool114"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_114}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/114/ /app/src/114/
LABEL org.example.step114="step 114" version=$VERSION_114
RUN ["/bin/sh", "-c", "echo step 114 done"]
WORKDIR /app/114

# step 115: fetch and build
ARG VERSION_115=1.115
ENV PATH=/opt/tool115/bin:$PATH \
    TOOL_HOME="/opt/tool115"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_115}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/115/ /app/src/115/
LABEL org.example.step115="step 115" version=$VERSION_115
RUN ["/bin/sh", "-c", "echo step 115 done"]
WORKDIR /app/115

# step 116: fetch and build
ARG VERSION_116=1.116
ENV PATH=/opt/tool116/bin:$PATH \
    TOOL_HOME="/opt/tool116"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_116}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/116/ /app/src/116/
LABEL org.example.step116="step 116" version=$VERSION_116
RUN ["/bin/sh", "-c", "echo step 116 done"]
WORKDIR /app/116

# step 117: fetch and build
ARG VERSION_117=1.117
ENV PATH=/opt/tool117/bin:$PATH \
    TOOL_HOME="/opt/tool117"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_117}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/117/ /app/src/117/
LABEL org.example.step117="step 117" version=$VERSION_117
RUN ["/bin/sh", "-c", "echo step 117 done"]
WORKDIR /app/117

# step 118: fetch and build
ARG VERSION_118=1.118
ENV PATH=/opt/tool118/bin:$PATH \
    TOOL_HOME="/opt/tool118"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_118}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/118/ /app/src/118/
LABEL org.example.step118="step 118" version=$VERSION_118
RUN ["/bin/sh", "-c", "echo step 118 done"]
WORKDIR /app/118

# step 119: fetch and build
ARG VERSION_119=1.119
ENV PATH=/opt/tool119/bin:$PATH \
    TOOL_HOME="/opt/tool119"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_119}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/119/ /app/src/119/
LABEL org.example.step119="step 119" version=$VERSION_119
RUN ["/bin/sh", "-c", "echo step 119 done"]
WORKDIR /app/119

# step 120: fetch and build
ARG VERSION_120=1.120
ENV PATH=/opt/tool120/bin:$PATH \
    TOOL_HOME="/opt/tool120"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_120}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/120/ /app/src/120/
LABEL org.example.step120="step 120" version=$VERSION_120
RUN ["/bin/sh", "-c", "echo step 120 done"]
WORKDIR /app/120

# step 121: fetch and build
ARG VERSION_121=1.121
ENV PATH=/opt/tool121/bin:$PATH \
    TOOL_HOME="/opt/tool121"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_121}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/121/ /app/src/121/
LABEL org.example.step121="step 121" version=$VERSION_121
RUN ["/bin/sh", "-c", "echo step 121 done"]
WORKDIR /app/121

# step 122: fetch and build
ARG VERSION_122=1.122
ENV PATH=/opt/tool122/bin:$PATH \
    TOOL_HOME="/opt/tool122"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_122}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/122/ /app/src/122/
LABEL org.example.step122="step 122" version=$VERSION_122
RUN ["/bin/sh", "-c", "echo step 122 done"]
WORKDIR /app/122

# step 123: fetch and build
ARG VERSION_123=1.123
ENV PATH=/opt/tool123/bin:$PATH \
    TOOL_HOME="/opt/tool123"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_123}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/123/ /app/src/123/
LABEL org.example.step123="step 123" version=$VERSION_123
RUN ["/bin/sh", "-c", "echo step 123 done"]
WORKDIR /app/123

# step 124: fetch and build
ARG VERSION_124=1.124
ENV PATH=/opt/tool124/bin:$PATH \
    TOOL_HOME="/opt/tool124"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_124}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/124/ /app/src/124/
LABEL org.example.step124="step 124" version=$VERSION_124
RUN ["/bin/sh", "-c", "echo step 124 done"]
WORKDIR /app/124

# step 125: fetch and build
ARG VERSION_125=1.125
ENV PATH=/opt/tool125/bin:$PATH \
    TOOL_HOME="/opt/tool125"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_125}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/125/ /app/src/125/
LABEL org.example.step125="step 125" version=$VERSION_125
RUN ["/bin/sh", "-c", "echo step 125 done"]
WORKDIR /app/125

# step 126: fetch and build
ARG VERSION_126=1.126
ENV PATH=/opt/tool126/bin:$PATH \
    TOOL_HOME="/opt/tool126"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_126}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/126/ /app/src/126/
LABEL org.example.step126="step 126" version=$VERSION_126
RUN ["/bin/sh", "-c", "echo step 126 done"]
WORKDIR /app/126

# step 127: fetch and build
ARG VERSION_127=1.127
ENV PATH=/opt/tool127/bin:$PATH \
    TOOL_HOME="/opt/tool127"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_127}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/127/ /app/src/127/
LABEL org.example.step127="step 127" version=$VERSION_127
RUN ["/bin/sh", "-c", "echo step 127 done"]
WORKDIR /app/127

# step 128: fetch and build
ARG VERSION_128=1.128
ENV PATH=/opt/tool128/bin:$PATH \
    TOOL_HOME="/opt/tool128"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_128}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/128/ /app/src/128/
LABEL org.example.step128="step 128" version=$VERSION_128
RUN ["/bin/sh", "-c", "echo step 128 done"]
WORKDIR /app/128

# step 129: fetch and build
ARG VERSION_129=1.129
ENV PATH=/opt/tool129/bin:$PATH \
    TOOL_HOME="/opt/tool129"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_129}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/129/ /app/src/129/
LABEL org.example.step129="step 129" version=$VERSION_129
RUN ["/bin/sh", "-c", "echo step 129 done"]
WORKDIR /app/129

# step 130: fetch and build
ARG VERSION_130=1.130
ENV PATH=/opt/tool130/bin:$PATH \
    TOOL_HOME="/opt/tool130"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_130}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/130/ /app/src/130/
LABEL org.example.step130="step 130" version=$VERSION_130
RUN ["/bin/sh", "-c", "echo step 130 done"]
WORKDIR /app/130

# step 131: fetch and build
ARG VERSION_131=1.131
ENV PATH=/opt/tool131/bin:$PATH \
    TOOL_HOME="/opt/tool131"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_131}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/131/ /app/src/131/
LABEL org.example.step131="step 131" version=$VERSION_131
RUN ["/bin/sh", "-c", "echo step 131 done"]
WORKDIR /app/131

# step 132: fetch and build
ARG VERSION_132=1.132
ENV PATH=/opt/tool132/bin:$PATH \
    TOOL_HOME="/opt/tool132"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_132}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/132/ /app/src/132/
LABEL org.example.step132="step 132" version=$VERSION_132
RUN ["/bin/sh", "-c", "echo step 132 done"]
WORKDIR /app/132

# step 133: fetch and build
ARG VERSION_133=1.133
ENV PATH=/opt/tool133/bin:$PATH \
    TOOL_HOME="/opt/tool133"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_133}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/133/ /app/src/133/
LABEL org.example.step133="step 133" version=$VERSION_133
RUN ["/bin/sh", "-c", "echo step 133 done"]
WORKDIR /app/133

# step 134: fetch and build
ARG VERSION_134=1.134
ENV PATH=/opt/tool134/bin:$PATH \
    TOOL_HOME="/opt/tool134"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_134}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/134/ /app/src/134/
LABEL org.example.step134="step 134" version=$VERSION_134
RUN ["/bin/sh", "-c", "echo step 134 done"]
WORKDIR /app/134

# step 135: fetch and build
ARG VERSION_135=1.135
ENV PATH=/opt/tool135/bin:$PATH \
    TOOL_HOME="/opt/tool135"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_135}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/135/ /app/src/135/
LABEL org.example.step135="step 135" version=$VERSION_135
RUN ["/bin/sh", "-c", "echo step 135 done"]
WORKDIR /app/135

# step 136: fetch and build
ARG VERSION_136=1.136
ENV PATH=/opt/tool136/bin:$PATH \
    TOOL_HOME="/opt/tool136"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_136}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/136/ /app/src/136/
LABEL org.example.step136="step 136" version=$VERSION_136
RUN ["/bin/sh", "-c", "echo step 136 done"]
WORKDIR /app/136

# step 137: fetch and build
ARG VERSION_137=1.137
ENV PATH=/opt/tool137/bin:$PATH \
    TOOL_HOME="/opt/tool137"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_137}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/137/ /app/src/137/
LABEL org.example.step137="step 137" version=$VERSION_137
RUN ["/bin/sh", "-c", "echo step 137 done"]
WORKDIR /app/137

# step 138: fetch and build
ARG VERSION_138=1.138
ENV PATH=/opt/tool138/bin:$PATH \
    TOOL_HOME="/opt/tool138"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_138}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/138/ /app/src/138/
LABEL org.example.step138="step 138" version=$VERSION_138
RUN ["/bin/sh", "-c", "echo step 138 done"]
WORKDIR /app/138

# step 139: fetch and build
ARG VERSION_139=1.139
ENV PATH=/opt/tool139/bin:$PATH \
    TOOL_HOME="/opt/tool139"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_139}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/139/ /app/src/139/
LABEL org.example.step139="step 139" version=$VERSION_139
RUN ["/bin/sh", "-c", "echo step 139 done"]
WORKDIR /app/139

# step 140: fetch and build
ARG VERSION_140=1.140
ENV PATH=/opt/tool140/bin:$PATH \
    TOOL_HOME="/opt/tool140"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_140}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/140/ /app/src/140/
LABEL org.example.step140="step 140" version=$VERSION_140
RUN ["/bin/sh", "-c", "echo step 140 done"]
WORKDIR /app/140

# step 141: fetch and build
ARG VERSION_141=1.141
ENV PATH=/opt/tool141/bin:$PATH \
    TOOL_HOME="/opt/tool141"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_141}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/141/ /app/src/141/
LABEL org.example.step141="step 141" version=$VERSION_141
RUN ["/bin/sh", "-c", "echo step 141 done"]
WORKDIR /app/141

# step 142: fetch and build
ARG VERSION_142=1.142
ENV PATH=/opt/tool142/bin:$PATH \
    TOOL_HOME="/opt/tool142"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_142}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/142/ /app/src/142/
LABEL org.example.step142="step 142" version=$VERSION_142
RUN ["/bin/sh", "-c", "echo step 142 done"]
WORKDIR /app/142

# step 143: fetch and build
ARG VERSION_143=1.143
ENV PATH=/opt/tool143/bin:$PATH \
    TOOL_HOME="/opt/tool143"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_143}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/143/ /app/src/143/
LABEL org.example.step143="step 143" version=$VERSION_143
RUN ["/bin/sh", "-c", "echo step 143 done"]
WORKDIR /app/143

# step 144: fetch and build
ARG VERSION_144=1.144
ENV PATH=/opt/tool144/bin:$PATH \
    TOOL_HOME="/opt/tool144"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_144}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/144/ /app/src/144/
LABEL org.example.step144="step 144" version=$VERSION_144
RUN ["/bin/sh", "-c", "echo step 144 done"]
WORKDIR /app/144

# step 145: fetch and build
ARG VERSION_145=1.145
ENV PATH=/opt/tool145/bin:$PATH \
    TOOL_HOME="/opt/tool145"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_145}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/145/ /app/src/145/
LABEL org.example.step145="step 145" version=$VERSION_145
RUN ["/bin/sh", "-c", "echo step 145 done"]
WORKDIR /app/145

# step 146: fetch and build
ARG VERSION_146=1.146
ENV PATH=/opt/tool146/bin:$PATH \
    TOOL_HOME="/opt/tool146"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_146}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/146/ /app/src/146/
LABEL org.example.step146="step 146" version=$VERSION_146
RUN ["/bin/sh", "-c", "echo step 146 done"]
WORKDIR /app/146

# step 147: fetch and build
ARG VERSION_147=1.147
ENV PATH=/opt/tool147/bin:$PATH \
    TOOL_HOME="/opt/tool147"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_147}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/147/ /app/src/147/
LABEL org.example.step147="step 147" version=$VERSION_147
RUN ["/bin/sh", "-c", "echo step 147 done"]
WORKDIR /app/147

# step 148: fetch and build
ARG VERSION_148=1.148
ENV PATH=/opt/tool148/bin:$PATH \
    TOOL_HOME="/opt/tool148"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_148}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/148/ /app/src/148/
LABEL org.example.step148="step 148" version=$VERSION_148
RUN ["/bin/sh", "-c", "echo step 148 done"]
WORKDIR /app/148

# step 149: fetch and build
ARG VERSION_149=1.149
ENV PATH=/opt/tool149/bin:$PATH \
    TOOL_HOME="/opt/tool149"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_149}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/149/ /app/src/149/
LABEL org.example.step149="step 149" version=$VERSION_149
RUN ["/bin/sh", "-c", "echo step 149 done"]
WORKDIR /app/149

# step 150: fetch and build
ARG VERSION_150=1.150
ENV PATH=/opt/tool150/bin:$PATH \
    TOOL_HOME="/opt/tool150"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_150}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/150/ /app/src/150/
LABEL org.example.step150="step 150" version=$VERSION_150
RUN ["/bin/sh", "-c", "echo step 150 done"]
WORKDIR /app/150

# step 151: fetch and build
ARG VERSION_151=1.151
ENV PATH=/opt/tool151/bin:$PATH \
    TOOL_HOME="/opt/tool151"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_151}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/151/ /app/src/151/
LABEL org.example.step151="step 151" version=$VERSION_151
RUN ["/bin/sh", "-c", "echo step 151 done"]
WORKDIR /app/151

# step 152: fetch and build
ARG VERSION_152=1.152
ENV PATH=/opt/tool152/bin:$PATH \
    TOOL_HOME="/opt/tool152"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_152}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/152/ /app/src/152/
LABEL org.example.step152="step 152" version=$VERSION_152
RUN ["/bin/sh", "-c", "echo step 152 done"]
WORKDIR /app/152

# step 153: fetch and build
ARG VERSION_153=1.153
ENV PATH=/opt/tool153/bin:$PATH \
    TOOL_HOME="/opt/tool153"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_153}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/153/ /app/src/153/
LABEL org.example.step153="step 153" version=$VERSION_153
RUN ["/bin/sh", "-c", "echo step 153 done"]
WORKDIR /app/153

# step 154: fetch and build
ARG VERSION_154=1.154
ENV PATH=/opt/tool154/bin:$PATH \
    TOOL_HOME="/opt/tool154"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_154}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/154/ /app/src/154/
LABEL org.example.step154="step 154" version=$VERSION_154
RUN ["/bin/sh", "-c", "echo step 154 done"]
WORKDIR /app/154

# step 155: fetch and build
ARG VERSION_155=1.155
ENV PATH=/opt/tool155/bin:$PATH \
    TOOL_HOME="/opt/tool155"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_155}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/155/ /app/src/155/
LABEL org.example.step155="step 155" version=$VERSION_155
RUN ["/bin/sh", "-c", "echo step 155 done"]
WORKDIR /app/155

# step 156: fetch and build
ARG VERSION_156=1.156
ENV PATH=/opt/tool156/bin:$PATH \
    TOOL_HOME="/opt/tool156"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_156}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/156/ /app/src/156/
LABEL org.example.step156="step 156" version=$VERSION_156
RUN ["/bin/sh", "-c", "echo step 156 done"]
WORKDIR /app/156

# step 157: fetch and build
ARG VERSION_157=1.157
ENV PATH=/opt/tool157/bin:$PATH \
    TOOL_HOME="/opt/tool157"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_157}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/157/ /app/src/157/
LABEL org.example.step157="step 157" version=$VERSION_157
RUN ["/bin/sh", "-c", "echo step 157 done"]
WORKDIR /app/157

# step 158: fetch and build
ARG VERSION_158=1.158
ENV PATH=/opt/tool158/bin:$PATH \
    TOOL_HOME="/opt/tool158"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_158}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/158/ /app/src/158/
LABEL org.example.step158="step 158" version=$VERSION_158
RUN ["/bin/sh", "-c", "echo step 158 done"]
WORKDIR /app/158

# step 159: fetch and build
ARG VERSION_159=1.159
ENV PATH=/opt/tool159/bin:$PATH \
    TOOL_HOME="/opt/tool159"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_159}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/159/ /app/src/159/
LABEL org.example.step159="step 159" version=$VERSION_159
RUN ["/bin/sh", "-c", "echo step 159 done"]
WORKDIR /app/159

# step 160: fetch and build
ARG VERSION_160=1.160
ENV PATH=/opt/tool160/bin:$PATH \
    TOOL_HOME="/opt/tool160"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_160}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/160/ /app/src/160/
LABEL org.example.step160="step 160" version=$VERSION_160
RUN ["/bin/sh", "-c", "echo step 160 done"]
WORKDIR /app/160

# step 161: fetch and build
ARG VERSION_161=1.161
ENV PATH=/opt/tool161/bin:$PATH \
    TOOL_HOME="/opt/tool161"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_161}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/161/ /app/src/161/
LABEL org.example.step161="step 161" version=$VERSION_161
RUN ["/bin/sh", "-c", "echo step 161 done"]
WORKDIR /app/161

# step 162: fetch and build
ARG VERSION_162=1.162
ENV PATH=/opt/tool162/bin:$PATH \
    TOOL_HOME="/opt/tool162"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_162}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/162/ /app/src/162/
LABEL org.example.step162="step 162" version=$VERSION_162
RUN ["/bin/sh", "-c", "echo step 162 done"]
WORKDIR /app/162

# step 163: fetch and build
ARG VERSION_163=1.163
ENV PATH=/opt/tool163/bin:$PATH \
    TOOL_HOME="/opt/tool163"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_163}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/163/ /app/src/163/
LABEL org.example.step163="step 163" version=$VERSION_163
RUN ["/bin/sh", "-c", "echo step 163 done"]
WORKDIR /app/163

# step 164: fetch and build
ARG VERSION_164=1.164
ENV PATH=/opt/tool164/bin:$PATH \
    TOOL_HOME="/opt/tool164"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_164}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/164/ /app/src/164/
LABEL org.example.step164="step 164" version=$VERSION_164
RUN ["/bin/sh", "-c", "echo step 164 done"]
WORKDIR /app/164

# step 165: fetch and build
ARG VERSION_165=1.165
ENV PATH=/opt/tool165/bin:$PATH \
    TOOL_HOME="/opt/tool165"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_165}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/165/ /app/src/165/
LABEL org.example.step165="step 165" version=$VERSION_165
RUN ["/bin/sh", "-c", "echo step 165 done"]
WORKDIR /app/165

# step 166: fetch and build
ARG VERSION_166=1.166
ENV PATH=/opt/tool166/bin:$PATH \
    TOOL_HOME="/opt/tool166"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_166}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/166/ /app/src/166/
LABEL org.example.step166="step 166" version=$VERSION_166
RUN ["/bin/sh", "-c", "echo step 166 done"]
WORKDIR /app/166

# step 167: fetch and build
ARG VERSION_167=1.167
ENV PATH=/opt/tool167/bin:$PATH \
    TOOL_HOME="/opt/tool167"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_167}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/167/ /app/src/167/
LABEL org.example.step167="step 167" version=$VERSION_167
RUN ["/bin/sh", "-c", "echo step 167 done"]
WORKDIR /app/167

# step 168: fetch and build
ARG VERSION_168=1.168
ENV PATH=/opt/tool168/bin:$PATH \
    TOOL_HOME="/opt/tool168"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_168}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/168/ /app/src/168/
LABEL org.example.step168="step 168" version=$VERSION_168
RUN ["/bin/sh", "-c", "echo step 168 done"]
WORKDIR /app/168

# step 169: fetch and build
ARG VERSION_169=1.169
ENV PATH=/opt/tool169/bin:$PATH \
    TOOL_HOME="/opt/tool169"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_169}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/169/ /app/src/169/
LABEL org.example.step169="step 169" version=$VERSION_169
RUN ["/bin/sh", "-c", "echo step 169 done"]
WORKDIR /app/169

# step 170: fetch and build
ARG VERSION_170=1.170
ENV PATH=/opt/tool170/bin:$PATH \
    TOOL_HOME="/opt/tool170"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_170}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/170/ /app/src/170/
LABEL org.example.step170="step 170" version=$VERSION_170
RUN ["/bin/sh", "-c", "echo step 170 done"]
WORKDIR /app/170

# step 171: fetch and build
ARG VERSION_171=1.171
ENV PATH=/opt/tool171/bin:$PATH \
    TOOL_HOME="/opt/tool171"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_171}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/171/ /app/src/171/
LABEL org.example.step171="step 171" version=$VERSION_171
RUN ["/bin/sh", "-c", "echo step 171 done"]
WORKDIR /app/171

# step 172: fetch and build
ARG VERSION_172=1.172
ENV PATH=/opt/tool172/bin:$PATH \
    TOOL_HOME="/opt/tool172"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_172}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/172/ /app/src/172/
LABEL org.example.step172="step 172" version=$VERSION_172
RUN ["/bin/sh", "-c", "echo step 172 done"]
WORKDIR /app/172

# step 173: fetch and build
ARG VERSION_173=1.173
ENV PATH=/opt/tool173/bin:$PATH \
    TOOL_HOME="/opt/tool173"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_173}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/173/ /app/src/173/
LABEL org.example.step173="step 173" version=$VERSION_173
RUN ["/bin/sh", "-c", "echo step 173 done"]
WORKDIR /app/173

# step 174: fetch and build
ARG VERSION_174=1.174
ENV PATH=/opt/tool174/bin:$PATH \
    TOOL_HOME="/opt/tool174"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_174}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/174/ /app/src/174/
LABEL org.example.step174="step 174" version=$VERSION_174
RUN ["/bin/sh", "-c", "echo step 174 done"]
WORKDIR /app/174

# step 175: fetch and build
ARG VERSION_175=1.175
ENV PATH=/opt/tool175/bin:$PATH \
    TOOL_HOME="/opt/tool175"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_175}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/175/ /app/src/175/
LABEL org.example.step175="step 175" version=$VERSION_175
RUN ["/bin/sh", "-c", "echo step 175 done"]
WORKDIR /app/175

# step 176: fetch and build
ARG VERSION_176=1.176
ENV PATH=/opt/tool176/bin:$PATH \
    TOOL_HOME="/opt/tool176"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_176}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/176/ /app/src/176/
LABEL org.example.step176="step 176" version=$VERSION_176
RUN ["/bin/sh", "-c", "echo step 176 done"]
WORKDIR /app/176

# step 177: fetch and build
ARG VERSION_177=1.177
ENV PATH=/opt/tool177/bin:$PATH \
    TOOL_HOME="/opt/tool177"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_177}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/177/ /app/src/177/
LABEL org.example.step177="step 177" version=$VERSION_177
RUN ["/bin/sh", "-c", "echo step 177 done"]
WORKDIR /app/177

# step 178: fetch and build
ARG VERSION_178=1.178
ENV PATH=/opt/tool178/bin:$PATH \
    TOOL_HOME="/opt/tool178"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_178}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/178/ /app/src/178/
LABEL org.example.step178="step 178" version=$VERSION_178
RUN ["/bin/sh", "-c", "echo step 178 done"]
WORKDIR /app/178

# step 179: fetch and build
ARG VERSION_179=1.179
ENV PATH=/opt/tool179/bin:$PATH \
    TOOL_HOME="/opt/tool179"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_179}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/179/ /app/src/179/
LABEL org.example.step179="step 179" version=$VERSION_179
RUN ["/bin/sh", "-c", "echo step 179 done"]
WORKDIR /app/179

# step 180: fetch and build
ARG VERSION_180=1.180
ENV PATH=/opt/tool180/bin:$PATH \
    TOOL_HOME="/opt/tool180"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_180}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/180/ /app/src/180/
LABEL org.example.step180="step 180" version=$VERSION_180
RUN ["/bin/sh", "-c", "echo step 180 done"]
WORKDIR /app/180

# step 181: fetch and build
ARG VERSION_181=1.181
ENV PATH=/opt/tool181/bin:$PATH \
    TOOL_HOME="/opt/tool181"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_181}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/181/ /app/src/181/
LABEL org.example.step181="step 181" version=$VERSION_181
RUN ["/bin/sh", "-c", "echo step 181 done"]
WORKDIR /app/181

# step 182: fetch and build
ARG VERSION_182=1.182
ENV PATH=/opt/tool182/bin:$PATH \
    TOOL_HOME="/opt/tool182"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_182}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/182/ /app/src/182/
LABEL org.example.step182="step 182" version=$VERSION_182
RUN ["/bin/sh", "-c", "echo step 182 done"]
WORKDIR /app/182

# step 183: fetch and build
ARG VERSION_183=1.183
ENV PATH=/opt/tool183/bin:$PATH \
    TOOL_HOME="/opt/tool183"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_183}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/183/ /app/src/183/
LABEL org.example.step183="step 183" version=$VERSION_183
RUN ["/bin/sh", "-c", "echo step 183 done"]
WORKDIR /app/183

# step 184: fetch and build
ARG VERSION_184=1.184
ENV PATH=/opt/tool184/bin:$PATH \
    TOOL_HOME="/opt/tool184"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_184}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/184/ /app/src/184/
LABEL org.example.step184="step 184" version=$VERSION_184
RUN ["/bin/sh", "-c", "echo step 184 done"]
WORKDIR /app/184

# step 185: fetch and build
ARG VERSION_185=1.185
ENV PATH=/opt/tool185/bin:$PATH \
    TOOL_HOME="/opt/tool185"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_185}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/185/ /app/src/185/
LABEL org.example.step185="step 185" version=$VERSION_185
RUN ["/bin/sh", "-c", "echo step 185 done"]
WORKDIR /app/185

# step 186: fetch and build
ARG VERSION_186=1.186
ENV PATH=/opt/tool186/bin:$PATH \
    TOOL_HOME="/opt/tool186"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_186}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/186/ /app/src/186/
LABEL org.example.step186="step 186" version=$VERSION_186
RUN ["/bin/sh", "-c", "echo step 186 done"]
WORKDIR /app/186

# step 187: fetch and build
ARG VERSION_187=1.187
ENV PATH=/opt/tool187/bin:$PATH \
    TOOL_HOME="/opt/tool187"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_187}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/187/ /app/src/187/
LABEL org.example.step187="step 187" version=$VERSION_187
RUN ["/bin/sh", "-c", "echo step 187 done"]
WORKDIR /app/187

# step 188: fetch and build
ARG VERSION_188=1.188
ENV PATH=/opt/tool188/bin:$PATH \
    TOOL_HOME="/opt/tool188"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_188}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/188/ /app/src/188/
LABEL org.example.step188="step 188" version=$VERSION_188
RUN ["/bin/sh", "-c", "echo step 188 done"]
WORKDIR /app/188

# step 189: fetch and build
ARG VERSION_189=1.189
ENV PATH=/opt/tool189/bin:$PATH \
    TOOL_HOME="/opt/tool189"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_189}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/189/ /app/src/189/
LABEL org.example.step189="step 189" version=$VERSION_189
RUN ["/bin/sh", "-c", "echo step 189 done"]
WORKDIR /app/189

# step 190: fetch and build
ARG VERSION_190=1.190
ENV PATH=/opt/tool190/bin:$PATH \
    TOOL_HOME="/opt/tool190"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_190}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/190/ /app/src/190/
LABEL org.example.step190="step 190" version=$VERSION_190
RUN ["/bin/sh", "-c", "echo step 190 done"]
WORKDIR /app/190

# step 191: fetch and build
ARG VERSION_191=1.191
ENV PATH=/opt/tool191/bin:$PATH \
    TOOL_HOME="/opt/tool191"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_191}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/191/ /app/src/191/
LABEL org.example.step191="step 191" version=$VERSION_191
RUN ["/bin/sh", "-c", "echo step 191 done"]
WORKDIR /app/191

# step 192: fetch and build
ARG VERSION_192=1.192
ENV PATH=/opt/tool192/bin:$PATH \
    TOOL_HOME="/opt/tool192"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_192}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/192/ /app/src/192/
LABEL org.example.step192="step 192" version=$VERSION_192
RUN ["/bin/sh", "-c", "echo step 192 done"]
WORKDIR /app/192

# step 193: fetch and build
ARG VERSION_193=1.193
ENV PATH=/opt/tool193/bin:$PATH \
    TOOL_HOME="/opt/tool193"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_193}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/193/ /app/src/193/
LABEL org.example.step193="step 193" version=$VERSION_193
RUN ["/bin/sh", "-c", "echo step 193 done"]
WORKDIR /app/193

# step 194: fetch and build
ARG VERSION_194=1.194
ENV PATH=/opt/tool194/bin:$PATH \
    TOOL_HOME="/opt/tool194"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_194}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/194/ /app/src/194/
LABEL org.example.step194="step 194" version=$VERSION_194
RUN ["/bin/sh", "-c", "echo step 194 done"]
WORKDIR /app/194

# step 195: fetch and build
ARG VERSION_195=1.195
ENV PATH=/opt/tool195/bin:$PATH \
    TOOL_HOME="/opt/tool195"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_195}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/195/ /app/src/195/
LABEL org.example.step195="step 195" version=$VERSION_195
RUN ["/bin/sh", "-c", "echo step 195 done"]
WORKDIR /app/195

# step 196: fetch and build
ARG VERSION_196=1.196
ENV PATH=/opt/tool196/bin:$PATH \
    TOOL_HOME="/opt/tool196"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_196}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/196/ /app/src/196/
LABEL org.example.step196="step 196" version=$VERSION_196
RUN ["/bin/sh", "-c", "echo step 196 done"]
WORKDIR /app/196

# step 197: fetch and build
ARG VERSION_197=1.197
ENV PATH=/opt/tool197/bin:$PATH \
    TOOL_HOME="/opt/tool197"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_197}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/197/ /app/src/197/
LABEL org.example.step197="step 197" version=$VERSION_197
RUN ["/bin/sh", "-c", "echo step 197 done"]
WORKDIR /app/197

# step 198: fetch and build
ARG VERSION_198=1.198
ENV PATH=/opt/tool198/bin:$PATH \
    TOOL_HOME="/opt/tool198"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_198}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/198/ /app/src/198/
LABEL org.example.step198="step 198" version=$VERSION_198
RUN ["/bin/sh", "-c", "echo step 198 done"]
WORKDIR /app/198

# step 199: fetch and build
ARG VERSION_199=1.199
ENV PATH=/opt/tool199/bin:$PATH \
    TOOL_HOME="/opt/tool199"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_199}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/199/ /app/src/199/
LABEL org.example.step199="step 199" version=$VERSION_199
RUN ["/bin/sh", "-c", "echo step 199 done"]
WORKDIR /app/199

# step 200: fetch and build
ARG VERSION_200=1.200
ENV PATH=/opt/tool200/bin:$PATH \
    TOOL_HOME="/opt/tool200"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_200}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/200/ /app/src/200/
LABEL org.example.step200="step 200" version=$VERSION_200
RUN ["/bin/sh", "-c", "echo step 200 done"]
WORKDIR /app/200

# step 201: fetch and build
ARG VERSION_201=1.201
ENV PATH=/opt/tool201/bin:$PATH \
    TOOL_HOME="/opt/tool201"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_201}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/201/ /app/src/201/
LABEL org.example.step201="step 201" version=$VERSION_201
RUN ["/bin/sh", "-c", "echo step 201 done"]
WORKDIR /app/201

# step 202: fetch and build
ARG VERSION_202=1.202
ENV PATH=/opt/tool202/bin:$PATH \
    TOOL_HOME="/opt/tool202"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_202}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/202/ /app/src/202/
LABEL org.example.step202="step 202" version=$VERSION_202
RUN ["/bin/sh", "-c", "echo step 202 done"]
WORKDIR /app/202

# step 203: fetch and build
ARG VERSION_203=1.203
ENV PATH=/opt/tool203/bin:$PATH \
    TOOL_HOME="/opt/tool203"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_203}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/203/ /app/src/203/
LABEL org.example.step203="step 203" version=$VERSION_203
RUN ["/bin/sh", "-c", "echo step 203 done"]
WORKDIR /app/203

# step 204: fetch and build
ARG VERSION_204=1.204
ENV PATH=/opt/tool204/bin:$PATH \
    TOOL_HOME="/opt/tool204"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_204}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/204/ /app/src/204/
LABEL org.example.step204="step 204" version=$VERSION_204
RUN ["/bin/sh", "-c", "echo step 204 done"]
WORKDIR /app/204

# step 205: fetch and build
ARG VERSION_205=1.205
ENV PATH=/opt/tool205/bin:$PATH \
    TOOL_HOME="/opt/tool205"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_205}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/205/ /app/src/205/
LABEL org.example.step205="step 205" version=$VERSION_205
RUN ["/bin/sh", "-c", "echo step 205 done"]
WORKDIR /app/205

# step 206: fetch and build
ARG VERSION_206=1.206
ENV PATH=/opt/tool206/bin:$PATH \
    TOOL_HOME="/opt/tool206"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_206}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/206/ /app/src/206/
LABEL org.example.step206="step 206" version=$VERSION_206
RUN ["/bin/sh", "-c", "echo step 206 done"]
WORKDIR /app/206

# step 207: fetch and build
ARG VERSION_207=1.207
ENV PATH=/opt/tool207/bin:$PATH \
    TOOL_HOME="/opt/tool207"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_207}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/207/ /app/src/207/
LABEL org.example.step207="step 207" version=$VERSION_207
RUN ["/bin/sh", "-c", "echo step 207 done"]
WORKDIR /app/207

# step 208: fetch and build
ARG VERSION_208=1.208
ENV PATH=/opt/tool208/bin:$PATH \
    TOOL_HOME="/opt/tool208"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_208}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/208/ /app/src/208/
LABEL org.example.step208="step 208" version=$VERSION_208
RUN ["/bin/sh", "-c", "echo step 208 done"]
WORKDIR /app/208

# step 209: fetch and build
ARG VERSION_209=1.209
ENV PATH=/opt/tool209/bin:$PATH \
    TOOL_HOME="/opt/tool209"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_209}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/209/ /app/src/209/
LABEL org.example.step209="step 209" version=$VERSION_209
RUN ["/bin/sh", "-c", "echo step 209 done"]
WORKDIR /app/209

# step 210: fetch and build
ARG VERSION_210=1.210
ENV PATH=/opt/tool210/bin:$PATH \
    TOOL_HOME="/opt/tool210"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_210}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/210/ /app/src/210/
LABEL org.example.step210="step 210" version=$VERSION_210
RUN ["/bin/sh", "-c", "echo step 210 done"]
WORKDIR /app/210

# step 211: fetch and build
ARG VERSION_211=1.211
ENV PATH=/opt/tool211/bin:$PATH \
    TOOL_HOME="/opt/tool211"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_211}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/211/ /app/src/211/
LABEL org.example.step211="step 211" version=$VERSION_211
RUN ["/bin/sh", "-c", "echo step 211 done"]
WORKDIR /app/211

# step 212: fetch and build
ARG VERSION_212=1.212
ENV PATH=/opt/tool212/bin:$PATH \
    TOOL_HOME="/opt/tool212"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_212}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/212/ /app/src/212/
LABEL org.example.step212="step 212" version=$VERSION_212
RUN ["/bin/sh", "-c", "echo step 212 done"]
WORKDIR /app/212

# step 213: fetch and build
ARG VERSION_213=1.213
ENV PATH=/opt/tool213/bin:$PATH \
    TOOL_HOME="/opt/tool213"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_213}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/213/ /app/src/213/
LABEL org.example.step213="step 213" version=$VERSION_213
RUN ["/bin/sh", "-c", "echo step 213 done"]
WORKDIR /app/213

# step 214: fetch and build
ARG VERSION_214=1.214
ENV PATH=/opt/tool214/bin:$PATH \
    TOOL_HOME="/opt/tool214"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_214}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/214/ /app/src/214/
LABEL org.example.step214="step 214" version=$VERSION_214
RUN ["/bin/sh", "-c", "echo step 214 done"]
WORKDIR /app/214

# step 215: fetch and build
ARG VERSION_215=1.215
ENV PATH=/opt/tool215/bin:$PATH \
    TOOL_HOME="/opt/tool215"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_215}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/215/ /app/src/215/
LABEL org.example.step215="step 215" version=$VERSION_215
RUN ["/bin/sh", "-c", "echo step 215 done"]
WORKDIR /app/215

# step 216: fetch and build
ARG VERSION_216=1.216
ENV PATH=/opt/tool216/bin:$PATH \
    TOOL_HOME="/opt/tool216"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_216}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/216/ /app/src/216/
LABEL org.example.step216="step 216" version=$VERSION_216
RUN ["/bin/sh", "-c", "echo step 216 done"]
WORKDIR /app/216

# step 217: fetch and build
ARG VERSION_217=1.217
ENV PATH=/opt/tool217/bin:$PATH \
    TOOL_HOME="/opt/tool217"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_217}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/217/ /app/src/217/
LABEL org.example.step217="step 217" version=$VERSION_217
RUN ["/bin/sh", "-c", "echo step 217 done"]
WORKDIR /app/217

# step 218: fetch and build
ARG VERSION_218=1.218
ENV PATH=/opt/tool218/bin:$PATH \
    TOOL_HOME="/opt/tool218"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_218}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/218/ /app/src/218/
LABEL org.example.step218="step 218" version=$VERSION_218
RUN ["/bin/sh", "-c", "echo step 218 done"]
WORKDIR /app/218

# step 219: fetch and build
ARG VERSION_219=1.219
ENV PATH=/opt/tool219/bin:$PATH \
    TOOL_HOME="/opt/tool219"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_219}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/219/ /app/src/219/
LABEL org.example.step219="step 219" version=$VERSION_219
RUN ["/bin/sh", "-c", "echo step 219 done"]
WORKDIR /app/219

# step 220: fetch and build
ARG VERSION_220=1.220
ENV PATH=/opt/tool220/bin:$PATH \
    TOOL_HOME="/opt/tool220"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_220}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/220/ /app/src/220/
LABEL org.example.step220="step 220" version=$VERSION_220
RUN ["/bin/sh", "-c", "echo step 220 done"]
WORKDIR /app/220

# step 221: fetch and build
ARG VERSION_221=1.221
ENV PATH=/opt/tool221/bin:$PATH \
    TOOL_HOME="/opt/tool221"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_221}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/221/ /app/src/221/
LABEL org.example.step221="step 221" version=$VERSION_221
RUN ["/bin/sh", "-c", "echo step 221 done"]
WORKDIR /app/221

# step 222: fetch and build
ARG VERSION_222=1.222
ENV PATH=/opt/tool222/bin:$PATH \
    TOOL_HOME="/opt/tool222"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_222}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/222/ /app/src/222/
LABEL org.example.step222="step 222" version=$VERSION_222
RUN ["/bin/sh", "-c", "echo step 222 done"]
WORKDIR /app/222

# step 223: fetch and build
ARG VERSION_223=1.223
ENV PATH=/opt/tool223/bin:$PATH \
    TOOL_HOME="/opt/tool223"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_223}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/223/ /app/src/223/
LABEL org.example.step223="step 223" version=$VERSION_223
RUN ["/bin/sh", "-c", "echo step 223 done"]
WORKDIR /app/223

# step 224: fetch and build
ARG VERSION_224=1.224
ENV PATH=/opt/tool224/bin:$PATH \
    TOOL_HOME="/opt/tool224"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_224}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/224/ /app/src/224/
LABEL org.example.step224="step 224" version=$VERSION_224
RUN ["/bin/sh", "-c", "echo step 224 done"]
WORKDIR /app/224

# step 225: fetch and build
ARG VERSION_225=1.225
ENV PATH=/opt/tool225/bin:$PATH \
    TOOL_HOME="/opt/tool225"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_225}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/225/ /app/src/225/
LABEL org.example.step225="step 225" version=$VERSION_225
RUN ["/bin/sh", "-c", "echo step 225 done"]
WORKDIR /app/225

# step 226: fetch and build
ARG VERSION_226=1.226
ENV PATH=/opt/tool226/bin:$PATH \
    TOOL_HOME="/opt/tool226"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_226}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/226/ /app/src/226/
LABEL org.example.step226="step 226" version=$VERSION_226
RUN ["/bin/sh", "-c", "echo step 226 done"]
WORKDIR /app/226

# step 227: fetch and build
ARG VERSION_227=1.227
ENV PATH=/opt/tool227/bin:$PATH \
    TOOL_HOME="/opt/tool227"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_227}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/227/ /app/src/227/
LABEL org.example.step227="step 227" version=$VERSION_227
RUN ["/bin/sh", "-c", "echo step 227 done"]
WORKDIR /app/227

# step 228: fetch and build
ARG VERSION_228=1.228
ENV PATH=/opt/tool228/bin:$PATH \
    TOOL_HOME="/opt/tool228"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_228}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/228/ /app/src/228/
LABEL org.example.step228="step 228" version=$VERSION_228
RUN ["/bin/sh", "-c", "echo step 228 done"]
WORKDIR /app/228

# step 229: fetch and build
ARG VERSION_229=1.229
ENV PATH=/opt/tool229/bin:$PATH \
    TOOL_HOME="/opt/tool229"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_229}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/229/ /app/src/229/
LABEL org.example.step229="step 229" version=$VERSION_229
RUN ["/bin/sh", "-c", "echo step 229 done"]
WORKDIR /app/229

# step 230: fetch and build
ARG VERSION_230=1.230
ENV PATH=/opt/tool230/bin:$PATH \
    TOOL_HOME="/opt/tool230"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_230}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/230/ /app/src/230/
LABEL org.example.step230="step 230" version=$VERSION_230
RUN ["/bin/sh", "-c", "echo step 230 done"]
WORKDIR /app/230

# step 231: fetch and build
ARG VERSION_231=1.231
ENV PATH=/opt/tool231/bin:$PATH \
    TOOL_HOME="/opt/tool231"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_231}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/231/ /app/src/231/
LABEL org.example.step231="step 231" version=$VERSION_231
RUN ["/bin/sh", "-c", "echo step 231 done"]
WORKDIR /app/231

# step 232: fetch and build
ARG VERSION_232=1.232
ENV PATH=/opt/tool232/bin:$PATH \
    TOOL_HOME="/opt/tool232"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_232}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/232/ /app/src/232/
LABEL org.example.step232="step 232" version=$VERSION_232
RUN ["/bin/sh", "-c", "echo step 232 done"]
WORKDIR /app/232

# step 233: fetch and build
ARG VERSION_233=1.233
ENV PATH=/opt/tool233/bin:$PATH \
    TOOL_HOME="/opt/tool233"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_233}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/233/ /app/src/233/
LABEL org.example.step233="step 233" version=$VERSION_233
RUN ["/bin/sh", "-c", "echo step 233 done"]
WORKDIR /app/233

# step 234: fetch and build
ARG VERSION_234=1.234
ENV PATH=/opt/tool234/bin:$PATH \
    TOOL_HOME="/opt/tool234"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_234}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/234/ /app/src/234/
LABEL org.example.step234="step 234" version=$VERSION_234
RUN ["/bin/sh", "-c", "echo step 234 done"]
WORKDIR /app/234

# step 235: fetch and build
ARG VERSION_235=1.235
ENV PATH=/opt/tool235/bin:$PATH \
    TOOL_HOME="/opt/tool235"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_235}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/235/ /app/src/235/
LABEL org.example.step235="step 235" version=$VERSION_235
RUN ["/bin/sh", "-c", "echo step 235 done"]
WORKDIR /app/235

# step 236: fetch and build
ARG VERSION_236=1.236
ENV PATH=/opt/tool236/bin:$PATH \
    TOOL_HOME="/opt/tool236"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_236}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/236/ /app/src/236/
LABEL org.example.step236="step 236" version=$VERSION_236
RUN ["/bin/sh", "-c", "echo step 236 done"]
WORKDIR /app/236

# step 237: fetch and build
ARG VERSION_237=1.237
ENV PATH=/opt/tool237/bin:$PATH \
    TOOL_HOME="/opt/tool237"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_237}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/237/ /app/src/237/
LABEL org.example.step237="step 237" version=$VERSION_237
RUN ["/bin/sh", "-c", "echo step 237 done"]
WORKDIR /app/237

# step 238: fetch and build
ARG VERSION_238=1.238
ENV PATH=/opt/tool238/bin:$PATH \
    TOOL_HOME="/opt/tool238"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_238}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/238/ /app/src/238/
LABEL org.example.step238="step 238" version=$VERSION_238
RUN ["/bin/sh", "-c", "echo step 238 done"]
WORKDIR /app/238

# step 239: fetch and build
ARG VERSION_239=1.239
ENV PATH=/opt/tool239/bin:$PATH \
    TOOL_HOME="/opt/tool239"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_239}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/239/ /app/src/239/
LABEL org.example.step239="step 239" version=$VERSION_239
RUN ["/bin/sh", "-c", "echo step 239 done"]
WORKDIR /app/239

# step 240: fetch and build
ARG VERSION_240=1.240
ENV PATH=/opt/tool240/bin:$PATH \
    TOOL_HOME="/opt/tool240"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_240}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/240/ /app/src/240/
LABEL org.example.step240="step 240" version=$VERSION_240
RUN ["/bin/sh", "-c", "echo step 240 done"]
WORKDIR /app/240

# step 241: fetch and build
ARG VERSION_241=1.241
ENV PATH=/opt/tool241/bin:$PATH \
    TOOL_HOME="/opt/tool241"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_241}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/241/ /app/src/241/
LABEL org.example.step241="step 241" version=$VERSION_241
RUN ["/bin/sh", "-c", "echo step 241 done"]
WORKDIR /app/241

# step 242: fetch and build
ARG VERSION_242=1.242
ENV PATH=/opt/tool242/bin:$PATH \
    TOOL_HOME="/opt/tool242"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_242}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/242/ /app/src/242/
LABEL org.example.step242="step 242" version=$VERSION_242
RUN ["/bin/sh", "-c", "echo step 242 done"]
WORKDIR /app/242

# step 243: fetch and build
ARG VERSION_243=1.243
ENV PATH=/opt/tool243/bin:$PATH \
    TOOL_HOME="/opt/tool243"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_243}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/243/ /app/src/243/
LABEL org.example.step243="step 243" version=$VERSION_243
RUN ["/bin/sh", "-c", "echo step 243 done"]
WORKDIR /app/243

# step 244: fetch and build
ARG VERSION_244=1.244
ENV PATH=/opt/tool244/bin:$PATH \
    TOOL_HOME="/opt/tool244"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_244}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/244/ /app/src/244/
LABEL org.example.step244="step 244" version=$VERSION_244
RUN ["/bin/sh", "-c", "echo step 244 done"]
WORKDIR /app/244

# step 245: fetch and build
ARG VERSION_245=1.245
ENV PATH=/opt/tool245/bin:$PATH \
    TOOL_HOME="/opt/tool245"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_245}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/245/ /app/src/245/
LABEL org.example.step245="step 245" version=$VERSION_245
RUN ["/bin/sh", "-c", "echo step 245 done"]
WORKDIR /app/245

# step 246: fetch and build
ARG VERSION_246=1.246
ENV PATH=/opt/tool246/bin:$PATH \
    TOOL_HOME="/opt/tool246"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_246}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/246/ /app/src/246/
LABEL org.example.step246="step 246" version=$VERSION_246
RUN ["/bin/sh", "-c", "echo step 246 done"]
WORKDIR /app/246

# step 247: fetch and build
ARG VERSION_247=1.247
ENV PATH=/opt/tool247/bin:$PATH \
    TOOL_HOME="/opt/tool247"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_247}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/247/ /app/src/247/
LABEL org.example.step247="step 247" version=$VERSION_247
RUN ["/bin/sh", "-c", "echo step 247 done"]
WORKDIR /app/247

# step 248: fetch and build
ARG VERSION_248=1.248
ENV PATH=/opt/tool248/bin:$PATH \
    TOOL_HOME="/opt/tool248"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_248}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/248/ /app/src/248/
LABEL org.example.step248="step 248" version=$VERSION_248
RUN ["/bin/sh", "-c", "echo step 248 done"]
WORKDIR /app/248

# step 249: fetch and build
ARG VERSION_249=1.249
ENV PATH=/opt/tool249/bin:$PATH \
    TOOL_HOME="/opt/tool249"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_249}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/249/ /app/src/249/
LABEL org.example.step249="step 249" version=$VERSION_249
RUN ["/bin/sh", "-c", "echo step 249 done"]
WORKDIR /app/249

# step 250: fetch and build
ARG VERSION_250=1.250
ENV PATH=/opt/tool250/bin:$PATH \
    TOOL_HOME="/opt/tool250"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_250}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/250/ /app/src/250/
LABEL org.example.step250="step 250" version=$VERSION_250
RUN ["/bin/sh", "-c", "echo step 250 done"]
WORKDIR /app/250

# step 251: fetch and build
ARG VERSION_251=1.251
ENV PATH=/opt/tool251/bin:$PATH \
    TOOL_HOME="/opt/tool251"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_251}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/251/ /app/src/251/
LABEL org.example.step251="step 251" version=$VERSION_251
RUN ["/bin/sh", "-c", "echo step 251 done"]
WORKDIR /app/251

# step 252: fetch and build
ARG VERSION_252=1.252
ENV PATH=/opt/tool252/bin:$PATH \
    TOOL_HOME="/opt/tool252"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_252}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/252/ /app/src/252/
LABEL org.example.step252="step 252" version=$VERSION_252
RUN ["/bin/sh", "-c", "echo step 252 done"]
WORKDIR /app/252

# step 253: fetch and build
ARG VERSION_253=1.253
ENV PATH=/opt/tool253/bin:$PATH \
    TOOL_HOME="/opt/tool253"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_253}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/253/ /app/src/253/
LABEL org.example.step253="step 253" version=$VERSION_253
RUN ["/bin/sh", "-c", "echo step 253 done"]
WORKDIR /app/253

# step 254: fetch and build
ARG VERSION_254=1.254
ENV PATH=/opt/tool254/bin:$PATH \
    TOOL_HOME="/opt/tool254"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_254}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/254/ /app/src/254/
LABEL org.example.step254="step 254" version=$VERSION_254
RUN ["/bin/sh", "-c", "echo step 254 done"]
WORKDIR /app/254

# step 255: fetch and build
ARG VERSION_255=1.255
ENV PATH=/opt/tool255/bin:$PATH \
    TOOL_HOME="/opt/tool255"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_255}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/255/ /app/src/255/
LABEL org.example.step255="step 255" version=$VERSION_255
RUN ["/bin/sh", "-c", "echo step 255 done"]
WORKDIR /app/255

# step 256: fetch and build
ARG VERSION_256=1.256
ENV PATH=/opt/tool256/bin:$PATH \
    TOOL_HOME="/opt/tool256"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_256}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/256/ /app/src/256/
LABEL org.example.step256="step 256" version=$VERSION_256
RUN ["/bin/sh", "-c", "echo step 256 done"]
WORKDIR /app/256

# step 257: fetch and build
ARG VERSION_257=1.257
ENV PATH=/opt/tool257/bin:$PATH \
    TOOL_HOME="/opt/tool257"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_257}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/257/ /app/src/257/
LABEL org.example.step257="step 257" version=$VERSION_257
RUN ["/bin/sh", "-c", "echo step 257 done"]
WORKDIR /app/257

# step 258: fetch and build
ARG VERSION_258=1.258
ENV PATH=/opt/tool258/bin:$PATH \
    TOOL_HOME="/opt/tool258"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_258}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/258/ /app/src/258/
LABEL org.example.step258="step 258" version=$VERSION_258
RUN ["/bin/sh", "-c", "echo step 258 done"]
WORKDIR /app/258

# step 259: fetch and build
ARG VERSION_259=1.259
ENV PATH=/opt/tool259/bin:$PATH \
    TOOL_HOME="/opt/tool259"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_259}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/259/ /app/src/259/
LABEL org.example.step259="step 259" version=$VERSION_259
RUN ["/bin/sh", "-c", "echo step 259 done"]
WORKDIR /app/259

# step 260: fetch and build
ARG VERSION_260=1.260
ENV PATH=/opt/tool260/bin:$PATH \
    TOOL_HOME="/opt/tool260"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_260}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/260/ /app/src/260/
LABEL org.example.step260="step 260" version=$VERSION_260
RUN ["/bin/sh", "-c", "echo step 260 done"]
WORKDIR /app/260

# step 261: fetch and build
ARG VERSION_261=1.261
ENV PATH=/opt/tool261/bin:$PATH \
    TOOL_HOME="/opt/tool261"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_261}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/261/ /app/src/261/
LABEL org.example.step261="step 261" version=$VERSION_261
RUN ["/bin/sh", "-c", "echo step 261 done"]
WORKDIR /app/261

# step 262: fetch and build
ARG VERSION_262=1.262
ENV PATH=/opt/tool262/bin:$PATH \
    TOOL_HOME="/opt/tool262"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_262}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/262/ /app/src/262/
LABEL org.example.step262="step 262" version=$VERSION_262
RUN ["/bin/sh", "-c", "echo step 262 done"]
WORKDIR /app/262

# step 263: fetch and build
ARG VERSION_263=1.263
ENV PATH=/opt/tool263/bin:$PATH \
    TOOL_HOME="/opt/tool263"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_263}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/263/ /app/src/263/
LABEL org.example.step263="step 263" version=$VERSION_263
RUN ["/bin/sh", "-c", "echo step 263 done"]
WORKDIR /app/263

# step 264: fetch and build
ARG VERSION_264=1.264
ENV PATH=/opt/tool264/bin:$PATH \
    TOOL_HOME="/opt/tool264"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_264}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/264/ /app/src/264/
LABEL org.example.step264="step 264" version=$VERSION_264
RUN ["/bin/sh", "-c", "echo step 264 done"]
WORKDIR /app/264

# step 265: fetch and build
ARG VERSION_265=1.265
ENV PATH=/opt/tool265/bin:$PATH \
    TOOL_HOME="/opt/tool265"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_265}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/265/ /app/src/265/
LABEL org.example.step265="step 265" version=$VERSION_265
RUN ["/bin/sh", "-c", "echo step 265 done"]
WORKDIR /app/265

# step 266: fetch and build
ARG VERSION_266=1.266
ENV PATH=/opt/tool266/bin:$PATH \
    TOOL_HOME="/opt/tool266"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_266}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/266/ /app/src/266/
LABEL org.example.step266="step 266" version=$VERSION_266
RUN ["/bin/sh", "-c", "echo step 266 done"]
WORKDIR /app/266

# step 267: fetch and build
ARG VERSION_267=1.267
ENV PATH=/opt/tool267/bin:$PATH \
    TOOL_HOME="/opt/tool267"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_267}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/267/ /app/src/267/
LABEL org.example.step267="step 267" version=$VERSION_267
RUN ["/bin/sh", "-c", "echo step 267 done"]
WORKDIR /app/267

# step 268: fetch and build
ARG VERSION_268=1.268
ENV PATH=/opt/tool268/bin:$PATH \
    TOOL_HOME="/opt/tool268"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_268}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/268/ /app/src/268/
LABEL org.example.step268="step 268" version=$VERSION_268
RUN ["/bin/sh", "-c", "echo step 268 done"]
WORKDIR /app/268

# step 269: fetch and build
ARG VERSION_269=1.269
ENV PATH=/opt/tool269/bin:$PATH \
    TOOL_HOME="/opt/tool269"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_269}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/269/ /app/src/269/
LABEL org.example.step269="step 269" version=$VERSION_269
RUN ["/bin/sh", "-c", "echo step 269 done"]
WORKDIR /app/269

# step 270: fetch and build
ARG VERSION_270=1.270
ENV PATH=/opt/tool270/bin:$PATH \
    TOOL_HOME="/opt/tool270"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_270}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/270/ /app/src/270/
LABEL org.example.step270="step 270" version=$VERSION_270
RUN ["/bin/sh", "-c", "echo step 270 done"]
WORKDIR /app/270

# step 271: fetch and build
ARG VERSION_271=1.271
ENV PATH=/opt/tool271/bin:$PATH \
    TOOL_HOME="/opt/tool271"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_271}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/271/ /app/src/271/
LABEL org.example.step271="step 271" version=$VERSION_271
RUN ["/bin/sh", "-c", "echo step 271 done"]
WORKDIR /app/271

# step 272: fetch and build
ARG VERSION_272=1.272
ENV PATH=/opt/tool272/bin:$PATH \
    TOOL_HOME="/opt/tool272"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_272}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/272/ /app/src/272/
LABEL org.example.step272="step 272" version=$VERSION_272
RUN ["/bin/sh", "-c", "echo step 272 done"]
WORKDIR /app/272

# step 273: fetch and build
ARG VERSION_273=1.273
ENV PATH=/opt/tool273/bin:$PATH \
    TOOL_HOME="/opt/tool273"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_273}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/273/ /app/src/273/
LABEL org.example.step273="step 273" version=$VERSION_273
RUN ["/bin/sh", "-c", "echo step 273 done"]
WORKDIR /app/273

# step 274: fetch and build
ARG VERSION_274=1.274
ENV PATH=/opt/tool274/bin:$PATH \
    TOOL_HOME="/opt/tool274"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_274}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/274/ /app/src/274/
LABEL org.example.step274="step 274" version=$VERSION_274
RUN ["/bin/sh", "-c", "echo step 274 done"]
WORKDIR /app/274

# step 275: fetch and build
ARG VERSION_275=1.275
ENV PATH=/opt/tool275/bin:$PATH \
    TOOL_HOME="/opt/tool275"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_275}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/275/ /app/src/275/
LABEL org.example.step275="step 275" version=$VERSION_275
RUN ["/bin/sh", "-c", "echo step 275 done"]
WORKDIR /app/275

# step 276: fetch and build
ARG VERSION_276=1.276
ENV PATH=/opt/tool276/bin:$PATH \
    TOOL_HOME="/opt/tool276"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_276}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/276/ /app/src/276/
LABEL org.example.step276="step 276" version=$VERSION_276
RUN ["/bin/sh", "-c", "echo step 276 done"]
WORKDIR /app/276

# step 277: fetch and build
ARG VERSION_277=1.277
ENV PATH=/opt/tool277/bin:$PATH \
    TOOL_HOME="/opt/tool277"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_277}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/277/ /app/src/277/
LABEL org.example.step277="step 277" version=$VERSION_277
RUN ["/bin/sh", "-c", "echo step 277 done"]
WORKDIR /app/277

# step 278: fetch and build
ARG VERSION_278=1.278
ENV PATH=/opt/tool278/bin:$PATH \
    TOOL_HOME="/opt/tool278"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_278}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/278/ /app/src/278/
LABEL org.example.step278="step 278" version=$VERSION_278
RUN ["/bin/sh", "-c", "echo step 278 done"]
WORKDIR /app/278

# step 279: fetch and build
ARG VERSION_279=1.279
ENV PATH=/opt/tool279/bin:$PATH \
    TOOL_HOME="/opt/tool279"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_279}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/279/ /app/src/279/
LABEL org.example.step279="step 279" version=$VERSION_279
RUN ["/bin/sh", "-c", "echo step 279 done"]
WORKDIR /app/279

# step 280: fetch and build
ARG VERSION_280=1.280
ENV PATH=/opt/tool280/bin:$PATH \
    TOOL_HOME="/opt/tool280"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_280}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/280/ /app/src/280/
LABEL org.example.step280="step 280" version=$VERSION_280
RUN ["/bin/sh", "-c", "echo step 280 done"]
WORKDIR /app/280

# step 281: fetch and build
ARG VERSION_281=1.281
ENV PATH=/opt/tool281/bin:$PATH \
    TOOL_HOME="/opt/tool281"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_281}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/281/ /app/src/281/
LABEL org.example.step281="step 281" version=$VERSION_281
RUN ["/bin/sh", "-c", "echo step 281 done"]
WORKDIR /app/281

# step 282: fetch and build
ARG VERSION_282=1.282
ENV PATH=/opt/tool282/bin:$PATH \
    TOOL_HOME="/opt/tool282"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_282}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/282/ /app/src/282/
LABEL org.example.step282="step 282" version=$VERSION_282
RUN ["/bin/sh", "-c", "echo step 282 done"]
WORKDIR /app/282

# step 283: fetch and build
ARG VERSION_283=1.283
ENV PATH=/opt/tool283/bin:$PATH \
    TOOL_HOME="/opt/tool283"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_283}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/283/ /app/src/283/
LABEL org.example.step283="step 283" version=$VERSION_283
RUN ["/bin/sh", "-c", "echo step 283 done"]
WORKDIR /app/283

# step 284: fetch and build
ARG VERSION_284=1.284
ENV PATH=/opt/tool284/bin:$PATH \
    TOOL_HOME="/opt/tool284"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_284}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/284/ /app/src/284/
LABEL org.example.step284="step 284" version=$VERSION_284
RUN ["/bin/sh", "-c", "echo step 284 done"]
WORKDIR /app/284

# step 285: fetch and build
ARG VERSION_285=1.285
ENV PATH=/opt/tool285/bin:$PATH \
    TOOL_HOME="/opt/tool285"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_285}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/285/ /app/src/285/
LABEL org.example.step285="step 285" version=$VERSION_285
RUN ["/bin/sh", "-c", "echo step 285 done"]
WORKDIR /app/285

# step 286: fetch and build
ARG VERSION_286=1.286
ENV PATH=/opt/tool286/bin:$PATH \
    TOOL_HOME="/opt/tool286"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_286}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/286/ /app/src/286/
LABEL org.example.step286="step 286" version=$VERSION_286
RUN ["/bin/sh", "-c", "echo step 286 done"]
WORKDIR /app/286

# step 287: fetch and build
ARG VERSION_287=1.287
ENV PATH=/opt/tool287/bin:$PATH \
    TOOL_HOME="/opt/tool287"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_287}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/287/ /app/src/287/
LABEL org.example.step287="step 287" version=$VERSION_287
RUN ["/bin/sh", "-c", "echo step 287 done"]
WORKDIR /app/287

# step 288: fetch and build
ARG VERSION_288=1.288
ENV PATH=/opt/tool288/bin:$PATH \
    TOOL_HOME="/opt/tool288"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_288}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/288/ /app/src/288/
LABEL org.example.step288="step 288" version=$VERSION_288
RUN ["/bin/sh", "-c", "echo step 288 done"]
WORKDIR /app/288

# step 289: fetch and build
ARG VERSION_289=1.289
ENV PATH=/opt/tool289/bin:$PATH \
    TOOL_HOME="/opt/tool289"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_289}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/289/ /app/src/289/
LABEL org.example.step289="step 289" version=$VERSION_289
RUN ["/bin/sh", "-c", "echo step 289 done"]
WORKDIR /app/289

# step 290: fetch and build
ARG VERSION_290=1.290
ENV PATH=/opt/tool290/bin:$PATH \
    TOOL_HOME="/opt/tool290"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_290}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/290/ /app/src/290/
LABEL org.example.step290="step 290" version=$VERSION_290
RUN ["/bin/sh", "-c", "echo step 290 done"]
WORKDIR /app/290

# step 291: fetch and build
ARG VERSION_291=1.291
ENV PATH=/opt/tool291/bin:$PATH \
    TOOL_HOME="/opt/tool291"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_291}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/291/ /app/src/291/
LABEL org.example.step291="step 291" version=$VERSION_291
RUN ["/bin/sh", "-c", "echo step 291 done"]
WORKDIR /app/291

# step 292: fetch and build
ARG VERSION_292=1.292
ENV PATH=/opt/tool292/bin:$PATH \
    TOOL_HOME="/opt/tool292"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_292}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/292/ /app/src/292/
LABEL org.example.step292="step 292" version=$VERSION_292
RUN ["/bin/sh", "-c", "echo step 292 done"]
WORKDIR /app/292

# step 293: fetch and build
ARG VERSION_293=1.293
ENV PATH=/opt/tool293/bin:$PATH \
    TOOL_HOME="/opt/tool293"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_293}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/293/ /app/src/293/
LABEL org.example.step293="step 293" version=$VERSION_293
RUN ["/bin/sh", "-c", "echo step 293 done"]
WORKDIR /app/293

# step 294: fetch and build
ARG VERSION_294=1.294
ENV PATH=/opt/tool294/bin:$PATH \
    TOOL_HOME="/opt/tool294"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_294}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/294/ /app/src/294/
LABEL org.example.step294="step 294" version=$VERSION_294
RUN ["/bin/sh", "-c", "echo step 294 done"]
WORKDIR /app/294

# step 295: fetch and build
ARG VERSION_295=1.295
ENV PATH=/opt/tool295/bin:$PATH \
    TOOL_HOME="/opt/tool295"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_295}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/295/ /app/src/295/
LABEL org.example.step295="step 295" version=$VERSION_295
RUN ["/bin/sh", "-c", "echo step 295 done"]
WORKDIR /app/295

# step 296: fetch and build
ARG VERSION_296=1.296
ENV PATH=/opt/tool296/bin:$PATH \
    TOOL_HOME="/opt/tool296"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_296}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/296/ /app/src/296/
LABEL org.example.step296="step 296" version=$VERSION_296
RUN ["/bin/sh", "-c", "echo step 296 done"]
WORKDIR /app/296

# step 297: fetch and build
ARG VERSION_297=1.297
ENV PATH=/opt/tool297/bin:$PATH \
    TOOL_HOME="/opt/tool297"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_297}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/297/ /app/src/297/
LABEL org.example.step297="step 297" version=$VERSION_297
RUN ["/bin/sh", "-c", "echo step 297 done"]
WORKDIR /app/297

# step 298: fetch and build
ARG VERSION_298=1.298
ENV PATH=/opt/tool298/bin:$PATH \
    TOOL_HOME="/opt/tool298"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_298}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/298/ /app/src/298/
LABEL org.example.step298="step 298" version=$VERSION_298
RUN ["/bin/sh", "-c", "echo step 298 done"]
WORKDIR /app/298

# step 299: fetch and build
ARG VERSION_299=1.299
ENV PATH=/opt/tool299/bin:$PATH \
    TOOL_HOME="/opt/tool299"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_299}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/299/ /app/src/299/
LABEL org.example.step299="step 299" version=$VERSION_299
RUN ["/bin/sh", "-c", "echo step 299 done"]
WORKDIR /app/299

# step 300: fetch and build
ARG VERSION_300=1.300
ENV PATH=/opt/tool300/bin:$PATH \
    TOOL_HOME="/opt/tool300"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_300}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/300/ /app/src/300/
LABEL org.example.step300="step 300" version=$VERSION_300
RUN ["/bin/sh", "-c", "echo step 300 done"]
WORKDIR /app/300

# step 301: fetch and build
ARG VERSION_301=1.301
ENV PATH=/opt/tool301/bin:$PATH \
    TOOL_HOME="/opt/tool301"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_301}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/301/ /app/src/301/
LABEL org.example.step301="step 301" version=$VERSION_301
RUN ["/bin/sh", "-c", "echo step 301 done"]
WORKDIR /app/301

# step 302: fetch and build
ARG VERSION_302=1.302
ENV PATH=/opt/tool302/bin:$PATH \
    TOOL_HOME="/opt/tool302"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_302}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/302/ /app/src/302/
LABEL org.example.step302="step 302" version=$VERSION_302
RUN ["/bin/sh", "-c", "echo step 302 done"]
WORKDIR /app/302

# step 303: fetch and build
ARG VERSION_303=1.303
ENV PATH=/opt/tool303/bin:$PATH \
    TOOL_HOME="/opt/tool303"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_303}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/303/ /app/src/303/
LABEL org.example.step303="step 303" version=$VERSION_303
RUN ["/bin/sh", "-c", "echo step 303 done"]
WORKDIR /app/303

# step 304: fetch and build
ARG VERSION_304=1.304
ENV PATH=/opt/tool304/bin:$PATH \
    TOOL_HOME="/opt/tool304"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_304}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/304/ /app/src/304/
LABEL org.example.step304="step 304" version=$VERSION_304
RUN ["/bin/sh", "-c", "echo step 304 done"]
WORKDIR /app/304

# step 305: fetch and build
ARG VERSION_305=1.305
ENV PATH=/opt/tool305/bin:$PATH \
    TOOL_HOME="/opt/tool305"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_305}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/305/ /app/src/305/
LABEL org.example.step305="step 305" version=$VERSION_305
RUN ["/bin/sh", "-c", "echo step 305 done"]
WORKDIR /app/305

# step 306: fetch and build
ARG VERSION_306=1.306
ENV PATH=/opt/tool306/bin:$PATH \
    TOOL_HOME="/opt/tool306"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_306}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/306/ /app/src/306/
LABEL org.example.step306="step 306" version=$VERSION_306
RUN ["/bin/sh", "-c", "echo step 306 done"]
WORKDIR /app/306

# step 307: fetch and build
ARG VERSION_307=1.307
ENV PATH=/opt/tool307/bin:$PATH \
    TOOL_HOME="/opt/tool307"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_307}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/307/ /app/src/307/
LABEL org.example.step307="step 307" version=$VERSION_307
RUN ["/bin/sh", "-c", "echo step 307 done"]
WORKDIR /app/307

# step 308: fetch and build
ARG VERSION_308=1.308
ENV PATH=/opt/tool308/bin:$PATH \
    TOOL_HOME="/opt/tool308"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_308}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/308/ /app/src/308/
LABEL org.example.step308="step 308" version=$VERSION_308
RUN ["/bin/sh", "-c", "echo step 308 done"]
WORKDIR /app/308

# step 309: fetch and build
ARG VERSION_309=1.309
ENV PATH=/opt/tool309/bin:$PATH \
    TOOL_HOME="/opt/tool309"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_309}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/309/ /app/src/309/
LABEL org.example.step309="step 309" version=$VERSION_309
RUN ["/bin/sh", "-c", "echo step 309 done"]
WORKDIR /app/309

# step 310: fetch and build
ARG VERSION_310=1.310
ENV PATH=/opt/tool310/bin:$PATH \
    TOOL_HOME="/opt/tool310"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_310}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/310/ /app/src/310/
LABEL org.example.step310="step 310" version=$VERSION_310
RUN ["/bin/sh", "-c", "echo step 310 done"]
WORKDIR /app/310

# step 311: fetch and build
ARG VERSION_311=1.311
ENV PATH=/opt/tool311/bin:$PATH \
    TOOL_HOME="/opt/tool311"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_311}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/311/ /app/src/311/
LABEL org.example.step311="step 311" version=$VERSION_311
RUN ["/bin/sh", "-c", "echo step 311 done"]
WORKDIR /app/311

# step 312: fetch and build
ARG VERSION_312=1.312
ENV PATH=/opt/tool312/bin:$PATH \
    TOOL_HOME="/opt/tool312"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_312}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/312/ /app/src/312/
LABEL org.example.step312="step 312" version=$VERSION_312
RUN ["/bin/sh", "-c", "echo step 312 done"]
WORKDIR /app/312

# step 313: fetch and build
ARG VERSION_313=1.313
ENV PATH=/opt/tool313/bin:$PATH \
    TOOL_HOME="/opt/tool313"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_313}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/313/ /app/src/313/
LABEL org.example.step313="step 313" version=$VERSION_313
RUN ["/bin/sh", "-c", "echo step 313 done"]
WORKDIR /app/313

# step 314: fetch and build
ARG VERSION_314=1.314
ENV PATH=/opt/tool314/bin:$PATH \
    TOOL_HOME="/opt/tool314"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_314}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/314/ /app/src/314/
LABEL org.example.step314="step 314" version=$VERSION_314
RUN ["/bin/sh", "-c", "echo step 314 done"]
WORKDIR /app/314

# step 315: fetch and build
ARG VERSION_315=1.315
ENV PATH=/opt/tool315/bin:$PATH \
    TOOL_HOME="/opt/tool315"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_315}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/315/ /app/src/315/
LABEL org.example.step315="step 315" version=$VERSION_315
RUN ["/bin/sh", "-c", "echo step 315 done"]
WORKDIR /app/315

# step 316: fetch and build
ARG VERSION_316=1.316
ENV PATH=/opt/tool316/bin:$PATH \
    TOOL_HOME="/opt/tool316"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_316}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/316/ /app/src/316/
LABEL org.example.step316="step 316" version=$VERSION_316
RUN ["/bin/sh", "-c", "echo step 316 done"]
WORKDIR /app/316

# step 317: fetch and build
ARG VERSION_317=1.317
ENV PATH=/opt/tool317/bin:$PATH \
    TOOL_HOME="/opt/tool317"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_317}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/317/ /app/src/317/
LABEL org.example.step317="step 317" version=$VERSION_317
RUN ["/bin/sh", "-c", "echo step 317 done"]
WORKDIR /app/317

# step 318: fetch and build
ARG VERSION_318=1.318
ENV PATH=/opt/tool318/bin:$PATH \
    TOOL_HOME="/opt/tool318"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_318}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/318/ /app/src/318/
LABEL org.example.step318="step 318" version=$VERSION_318
RUN ["/bin/sh", "-c", "echo step 318 done"]
WORKDIR /app/318

# step 319: fetch and build
ARG VERSION_319=1.319
ENV PATH=/opt/tool319/bin:$PATH \
    TOOL_HOME="/opt/tool319"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_319}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/319/ /app/src/319/
LABEL org.example.step319="step 319" version=$VERSION_319
RUN ["/bin/sh", "-c", "echo step 319 done"]
WORKDIR /app/319

# step 320: fetch and build
ARG VERSION_320=1.320
ENV PATH=/opt/tool320/bin:$PATH \
    TOOL_HOME="/opt/tool320"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_320}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/320/ /app/src/320/
LABEL org.example.step320="step 320" version=$VERSION_320
RUN ["/bin/sh", "-c", "echo step 320 done"]
WORKDIR /app/320

# step 321: fetch and build
ARG VERSION_321=1.321
ENV PATH=/opt/tool321/bin:$PATH \
    TOOL_HOME="/opt/tool321"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_321}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/321/ /app/src/321/
LABEL org.example.step321="step 321" version=$VERSION_321
RUN ["/bin/sh", "-c", "echo step 321 done"]
WORKDIR /app/321

# step 322: fetch and build
ARG VERSION_322=1.322
ENV PATH=/opt/tool322/bin:$PATH \
    TOOL_HOME="/opt/tool322"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_322}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/322/ /app/src/322/
LABEL org.example.step322="step 322" version=$VERSION_322
RUN ["/bin/sh", "-c", "echo step 322 done"]
WORKDIR /app/322

# step 323: fetch and build
ARG VERSION_323=1.323
ENV PATH=/opt/tool323/bin:$PATH \
    TOOL_HOME="/opt/tool323"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_323}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/323/ /app/src/323/
LABEL org.example.step323="step 323" version=$VERSION_323
RUN ["/bin/sh", "-c", "echo step 323 done"]
WORKDIR /app/323

# step 324: fetch and build
ARG VERSION_324=1.324
ENV PATH=/opt/tool324/bin:$PATH \
    TOOL_HOME="/opt/tool324"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_324}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/324/ /app/src/324/
LABEL org.example.step324="step 324" version=$VERSION_324
RUN ["/bin/sh", "-c", "echo step 324 done"]
WORKDIR /app/324

# step 325: fetch and build
ARG VERSION_325=1.325
ENV PATH=/opt/tool325/bin:$PATH \
    TOOL_HOME="/opt/tool325"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_325}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/325/ /app/src/325/
LABEL org.example.step325="step 325" version=$VERSION_325
RUN ["/bin/sh", "-c", "echo step 325 done"]
WORKDIR /app/325

# step 326: fetch and build
ARG VERSION_326=1.326
ENV PATH=/opt/tool326/bin:$PATH \
    TOOL_HOME="/opt/tool326"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_326}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/326/ /app/src/326/
LABEL org.example.step326="step 326" version=$VERSION_326
RUN ["/bin/sh", "-c", "echo step 326 done"]
WORKDIR /app/326

# step 327: fetch and build
ARG VERSION_327=1.327
ENV PATH=/opt/tool327/bin:$PATH \
    TOOL_HOME="/opt/tool327"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_327}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/327/ /app/src/327/
LABEL org.example.step327="step 327" version=$VERSION_327
RUN ["/bin/sh", "-c", "echo step 327 done"]
WORKDIR /app/327

# step 328: fetch and build
ARG VERSION_328=1.328
ENV PATH=/opt/tool328/bin:$PATH \
    TOOL_HOME="/opt/tool328"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_328}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/328/ /app/src/328/
LABEL org.example.step328="step 328" version=$VERSION_328
RUN ["/bin/sh", "-c", "echo step 328 done"]
WORKDIR /app/328

# step 329: fetch and build
ARG VERSION_329=1.329
ENV PATH=/opt/tool329/bin:$PATH \
    TOOL_HOME="/opt/tool329"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_329}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/329/ /app/src/329/
LABEL org.example.step329="step 329" version=$VERSION_329
RUN ["/bin/sh", "-c", "echo step 329 done"]
WORKDIR /app/329

# step 330: fetch and build
ARG VERSION_330=1.330
ENV PATH=/opt/tool330/bin:$PATH \
    TOOL_HOME="/opt/tool330"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_330}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/330/ /app/src/330/
LABEL org.example.step330="step 330" version=$VERSION_330
RUN ["/bin/sh", "-c", "echo step 330 done"]
WORKDIR /app/330

# step 331: fetch and build
ARG VERSION_331=1.331
ENV PATH=/opt/tool331/bin:$PATH \
    TOOL_HOME="/opt/tool331"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_331}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/331/ /app/src/331/
LABEL org.example.step331="step 331" version=$VERSION_331
RUN ["/bin/sh", "-c", "echo step 331 done"]
WORKDIR /app/331

# step 332: fetch and build
ARG VERSION_332=1.332
ENV PATH=/opt/tool332/bin:$PATH \
    TOOL_HOME="/opt/tool332"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_332}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/332/ /app/src/332/
LABEL org.example.step332="step 332" version=$VERSION_332
RUN ["/bin/sh", "-c", "echo step 332 done"]
WORKDIR /app/332

# step 333: fetch and build
ARG VERSION_333=1.333
ENV PATH=/opt/tool333/bin:$PATH \
    TOOL_HOME="/opt/tool333"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_333}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/333/ /app/src/333/
LABEL org.example.step333="step 333" version=$VERSION_333
RUN ["/bin/sh", "-c", "echo step 333 done"]
WORKDIR /app/333

# step 334: fetch and build
ARG VERSION_334=1.334
ENV PATH=/opt/tool334/bin:$PATH \
    TOOL_HOME="/opt/tool334"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_334}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/334/ /app/src/334/
LABEL org.example.step334="step 334" version=$VERSION_334
RUN ["/bin/sh", "-c", "echo step 334 done"]
WORKDIR /app/334

# step 335: fetch and build
ARG VERSION_335=1.335
ENV PATH=/opt/tool335/bin:$PATH \
    TOOL_HOME="/opt/tool335"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_335}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/335/ /app/src/335/
LABEL org.example.step335="step 335" version=$VERSION_335
RUN ["/bin/sh", "-c", "echo step 335 done"]
WORKDIR /app/335

# step 336: fetch and build
ARG VERSION_336=1.336
ENV PATH=/opt/tool336/bin:$PATH \
    TOOL_HOME="/opt/tool336"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_336}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/336/ /app/src/336/
LABEL org.example.step336="step 336" version=$VERSION_336
RUN ["/bin/sh", "-c", "echo step 336 done"]
WORKDIR /app/336

# step 337: fetch and build
ARG VERSION_337=1.337
ENV PATH=/opt/tool337/bin:$PATH \
    TOOL_HOME="/opt/tool337"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_337}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/337/ /app/src/337/
LABEL org.example.step337="step 337" version=$VERSION_337
RUN ["/bin/sh", "-c", "echo step 337 done"]
WORKDIR /app/337

# step 338: fetch and build
ARG VERSION_338=1.338
ENV PATH=/opt/tool338/bin:$PATH \
    TOOL_HOME="/opt/tool338"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_338}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/338/ /app/src/338/
LABEL org.example.step338="step 338" version=$VERSION_338
RUN ["/bin/sh", "-c", "echo step 338 done"]
WORKDIR /app/338

# step 339: fetch and build
ARG VERSION_339=1.339
ENV PATH=/opt/tool339/bin:$PATH \
    TOOL_HOME="/opt/tool339"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_339}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/339/ /app/src/339/
LABEL org.example.step339="step 339" version=$VERSION_339
RUN ["/bin/sh", "-c", "echo step 339 done"]
WORKDIR /app/339

# step 340: fetch and build
ARG VERSION_340=1.340
ENV PATH=/opt/tool340/bin:$PATH \
    TOOL_HOME="/opt/tool340"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_340}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/340/ /app/src/340/
LABEL org.example.step340="step 340" version=$VERSION_340
RUN ["/bin/sh", "-c", "echo step 340 done"]
WORKDIR /app/340

# step 341: fetch and build
ARG VERSION_341=1.341
ENV PATH=/opt/tool341/bin:$PATH \
    TOOL_HOME="/opt/tool341"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_341}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/341/ /app/src/341/
LABEL org.example.step341="step 341" version=$VERSION_341
RUN ["/bin/sh", "-c", "echo step 341 done"]
WORKDIR /app/341

# step 342: fetch and build
ARG VERSION_342=1.342
ENV PATH=/opt/tool342/bin:$PATH \
    TOOL_HOME="/opt/tool342"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_342}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/342/ /app/src/342/
LABEL org.example.step342="step 342" version=$VERSION_342
RUN ["/bin/sh", "-c", "echo step 342 done"]
WORKDIR /app/342

# step 343: fetch and build
ARG VERSION_343=1.343
ENV PATH=/opt/tool343/bin:$PATH \
    TOOL_HOME="/opt/tool343"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_343}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/343/ /app/src/343/
LABEL org.example.step343="step 343" version=$VERSION_343
RUN ["/bin/sh", "-c", "echo step 343 done"]
WORKDIR /app/343

# step 344: fetch and build
ARG VERSION_344=1.344
ENV PATH=/opt/tool344/bin:$PATH \
    TOOL_HOME="/opt/tool344"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_344}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/344/ /app/src/344/
LABEL org.example.step344="step 344" version=$VERSION_344
RUN ["/bin/sh", "-c", "echo step 344 done"]
WORKDIR /app/344

# step 345: fetch and build
ARG VERSION_345=1.345
ENV PATH=/opt/tool345/bin:$PATH \
    TOOL_HOME="/opt/tool345"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_345}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/345/ /app/src/345/
LABEL org.example.step345="step 345" version=$VERSION_345
RUN ["/bin/sh", "-c", "echo step 345 done"]
WORKDIR /app/345

# step 346: fetch and build
ARG VERSION_346=1.346
ENV PATH=/opt/tool346/bin:$PATH \
    TOOL_HOME="/opt/tool346"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_346}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/346/ /app/src/346/
LABEL org.example.step346="step 346" version=$VERSION_346
RUN ["/bin/sh", "-c", "echo step 346 done"]
WORKDIR /app/346

# step 347: fetch and build
ARG VERSION_347=1.347
ENV PATH=/opt/tool347/bin:$PATH \
    TOOL_HOME="/opt/tool347"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_347}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/347/ /app/src/347/
LABEL org.example.step347="step 347" version=$VERSION_347
RUN ["/bin/sh", "-c", "echo step 347 done"]
WORKDIR /app/347

# step 348: fetch and build
ARG VERSION_348=1.348
ENV PATH=/opt/tool348/bin:$PATH \
    TOOL_HOME="/opt/tool348"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_348}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/348/ /app/src/348/
LABEL org.example.step348="step 348" version=$VERSION_348
RUN ["/bin/sh", "-c", "echo step 348 done"]
WORKDIR /app/348

# step 349: fetch and build
ARG VERSION_349=1.349
ENV PATH=/opt/tool349/bin:$PATH \
    TOOL_HOME="/opt/tool349"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_349}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/349/ /app/src/349/
LABEL org.example.step349="step 349" version=$VERSION_349
RUN ["/bin/sh", "-c", "echo step 349 done"]
WORKDIR /app/349

# step 350: fetch and build
ARG VERSION_350=1.350
ENV PATH=/opt/tool350/bin:$PATH \
    TOOL_HOME="/opt/tool350"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_350}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/350/ /app/src/350/
LABEL org.example.step350="step 350" version=$VERSION_350
RUN ["/bin/sh", "-c", "echo step 350 done"]
WORKDIR /app/350

# step 351: fetch and build
ARG VERSION_351=1.351
ENV PATH=/opt/tool351/bin:$PATH \
    TOOL_HOME="/opt/tool351"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_351}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/351/ /app/src/351/
LABEL org.example.step351="step 351" version=$VERSION_351
RUN ["/bin/sh", "-c", "echo step 351 done"]
WORKDIR /app/351

# step 352: fetch and build
ARG VERSION_352=1.352
ENV PATH=/opt/tool352/bin:$PATH \
    TOOL_HOME="/opt/tool352"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_352}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/352/ /app/src/352/
LABEL org.example.step352="step 352" version=$VERSION_352
RUN ["/bin/sh", "-c", "echo step 352 done"]
WORKDIR /app/352

# step 353: fetch and build
ARG VERSION_353=1.353
ENV PATH=/opt/tool353/bin:$PATH \
    TOOL_HOME="/opt/tool353"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_353}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/353/ /app/src/353/
LABEL org.example.step353="step 353" version=$VERSION_353
RUN ["/bin/sh", "-c", "echo step 353 done"]
WORKDIR /app/353

# step 354: fetch and build
ARG VERSION_354=1.354
ENV PATH=/opt/tool354/bin:$PATH \
    TOOL_HOME="/opt/tool354"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_354}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/354/ /app/src/354/
LABEL org.example.step354="step 354" version=$VERSION_354
RUN ["/bin/sh", "-c", "echo step 354 done"]
WORKDIR /app/354

# step 355: fetch and build
ARG VERSION_355=1.355
ENV PATH=/opt/tool355/bin:$PATH \
    TOOL_HOME="/opt/tool355"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_355}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/355/ /app/src/355/
LABEL org.example.step355="step 355" version=$VERSION_355
RUN ["/bin/sh", "-c", "echo step 355 done"]
WORKDIR /app/355

# step 356: fetch and build
ARG VERSION_356=1.356
ENV PATH=/opt/tool356/bin:$PATH \
    TOOL_HOME="/opt/tool356"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_356}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/356/ /app/src/356/
LABEL org.example.step356="step 356" version=$VERSION_356
RUN ["/bin/sh", "-c", "echo step 356 done"]
WORKDIR /app/356

# step 357: fetch and build
ARG VERSION_357=1.357
ENV PATH=/opt/tool357/bin:$PATH \
    TOOL_HOME="/opt/tool357"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_357}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/357/ /app/src/357/
LABEL org.example.step357="step 357" version=$VERSION_357
RUN ["/bin/sh", "-c", "echo step 357 done"]
WORKDIR /app/357

# step 358: fetch and build
ARG VERSION_358=1.358
ENV PATH=/opt/tool358/bin:$PATH \
    TOOL_HOME="/opt/tool358"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_358}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/358/ /app/src/358/
LABEL org.example.step358="step 358" version=$VERSION_358
RUN ["/bin/sh", "-c", "echo step 358 done"]
WORKDIR /app/358

# step 359: fetch and build
ARG VERSION_359=1.359
ENV PATH=/opt/tool359/bin:$PATH \
    TOOL_HOME="/opt/tool359"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_359}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/359/ /app/src/359/
LABEL org.example.step359="step 359" version=$VERSION_359
RUN ["/bin/sh", "-c", "echo step 359 done"]
WORKDIR /app/359

# step 360: fetch and build
ARG VERSION_360=1.360
ENV PATH=/opt/tool360/bin:$PATH \
    TOOL_HOME="/opt/tool360"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_360}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/360/ /app/src/360/
LABEL org.example.step360="step 360" version=$VERSION_360
RUN ["/bin/sh", "-c", "echo step 360 done"]
WORKDIR /app/360

# step 361: fetch and build
ARG VERSION_361=1.361
ENV PATH=/opt/tool361/bin:$PATH \
    TOOL_HOME="/opt/tool361"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_361}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/361/ /app/src/361/
LABEL org.example.step361="step 361" version=$VERSION_361
RUN ["/bin/sh", "-c", "echo step 361 done"]
WORKDIR /app/361

# step 362: fetch and build
ARG VERSION_362=1.362
ENV PATH=/opt/tool362/bin:$PATH \
    TOOL_HOME="/opt/tool362"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_362}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/362/ /app/src/362/
LABEL org.example.step362="step 362" version=$VERSION_362
RUN ["/bin/sh", "-c", "echo step 362 done"]
WORKDIR /app/362

# step 363: fetch and build
ARG VERSION_363=1.363
ENV PATH=/opt/tool363/bin:$PATH \
    TOOL_HOME="/opt/tool363"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_363}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/363/ /app/src/363/
LABEL org.example.step363="step 363" version=$VERSION_363
RUN ["/bin/sh", "-c", "echo step 363 done"]
WORKDIR /app/363

# step 364: fetch and build
ARG VERSION_364=1.364
ENV PATH=/opt/tool364/bin:$PATH \
    TOOL_HOME="/opt/tool364"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_364}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/364/ /app/src/364/
LABEL org.example.step364="step 364" version=$VERSION_364
RUN ["/bin/sh", "-c", "echo step 364 done"]
WORKDIR /app/364

# step 365: fetch and build
ARG VERSION_365=1.365
ENV PATH=/opt/tool365/bin:$PATH \
    TOOL_HOME="/opt/tool365"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_365}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/365/ /app/src/365/
LABEL org.example.step365="step 365" version=$VERSION_365
RUN ["/bin/sh", "-c", "echo step 365 done"]
WORKDIR /app/365

# step 366: fetch and build
ARG VERSION_366=1.366
ENV PATH=/opt/tool366/bin:$PATH \
    TOOL_HOME="/opt/tool366"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_366}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/366/ /app/src/366/
LABEL org.example.step366="step 366" version=$VERSION_366
RUN ["/bin/sh", "-c", "echo step 366 done"]
WORKDIR /app/366

# step 367: fetch and build
ARG VERSION_367=1.367
ENV PATH=/opt/tool367/bin:$PATH \
    TOOL_HOME="/opt/tool367"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_367}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/367/ /app/src/367/
LABEL org.example.step367="step 367" version=$VERSION_367
RUN ["/bin/sh", "-c", "echo step 367 done"]
WORKDIR /app/367

# step 368: fetch and build
ARG VERSION_368=1.368
ENV PATH=/opt/tool368/bin:$PATH \
    TOOL_HOME="/opt/tool368"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_368}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/368/ /app/src/368/
LABEL org.example.step368="step 368" version=$VERSION_368
RUN ["/bin/sh", "-c", "echo step 368 done"]
WORKDIR /app/368

# step 369: fetch and build
ARG VERSION_369=1.369
ENV PATH=/opt/tool369/bin:$PATH \
    TOOL_HOME="/opt/tool369"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_369}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/369/ /app/src/369/
LABEL org.example.step369="step 369" version=$VERSION_369
RUN ["/bin/sh", "-c", "echo step 369 done"]
WORKDIR /app/369

# step 370: fetch and build
ARG VERSION_370=1.370
ENV PATH=/opt/tool370/bin:$PATH \
    TOOL_HOME="/opt/tool370"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_370}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/370/ /app/src/370/
LABEL org.example.step370="step 370" version=$VERSION_370
RUN ["/bin/sh", "-c", "echo step 370 done"]
WORKDIR /app/370

# step 371: fetch and build
ARG VERSION_371=1.371
ENV PATH=/opt/tool371/bin:$PATH \
    TOOL_HOME="/opt/tool371"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_371}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/371/ /app/src/371/
LABEL org.example.step371="step 371" version=$VERSION_371
RUN ["/bin/sh", "-c", "echo step 371 done"]
WORKDIR /app/371

# step 372: fetch and build
ARG VERSION_372=1.372
ENV PATH=/opt/tool372/bin:$PATH \
    TOOL_HOME="/opt/tool372"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_372}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/372/ /app/src/372/
LABEL org.example.step372="step 372" version=$VERSION_372
RUN ["/bin/sh", "-c", "echo step 372 done"]
WORKDIR /app/372

# step 373: fetch and build
ARG VERSION_373=1.373
ENV PATH=/opt/tool373/bin:$PATH \
    TOOL_HOME="/opt/tool373"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_373}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/373/ /app/src/373/
LABEL org.example.step373="step 373" version=$VERSION_373
RUN ["/bin/sh", "-c", "echo step 373 done"]
WORKDIR /app/373

# step 374: fetch and build
ARG VERSION_374=1.374
ENV PATH=/opt/tool374/bin:$PATH \
    TOOL_HOME="/opt/tool374"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_374}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/374/ /app/src/374/
LABEL org.example.step374="step 374" version=$VERSION_374
RUN ["/bin/sh", "-c", "echo step 374 done"]
WORKDIR /app/374

# step 375: fetch and build
ARG VERSION_375=1.375
ENV PATH=/opt/tool375/bin:$PATH \
    TOOL_HOME="/opt/tool375"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_375}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/375/ /app/src/375/
LABEL org.example.step375="step 375" version=$VERSION_375
RUN ["/bin/sh", "-c", "echo step 375 done"]
WORKDIR /app/375

# step 376: fetch and build
ARG VERSION_376=1.376
ENV PATH=/opt/tool376/bin:$PATH \
    TOOL_HOME="/opt/tool376"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_376}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/376/ /app/src/376/
LABEL org.example.step376="step 376" version=$VERSION_376
RUN ["/bin/sh", "-c", "echo step 376 done"]
WORKDIR /app/376

# step 377: fetch and build
ARG VERSION_377=1.377
ENV PATH=/opt/tool377/bin:$PATH \
    TOOL_HOME="/opt/tool377"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_377}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/377/ /app/src/377/
LABEL org.example.step377="step 377" version=$VERSION_377
RUN ["/bin/sh", "-c", "echo step 377 done"]
WORKDIR /app/377

# step 378: fetch and build
ARG VERSION_378=1.378
ENV PATH=/opt/tool378/bin:$PATH \
    TOOL_HOME="/opt/tool378"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_378}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/378/ /app/src/378/
LABEL org.example.step378="step 378" version=$VERSION_378
RUN ["/bin/sh", "-c", "echo step 378 done"]
WORKDIR /app/378

# step 379: fetch and build
ARG VERSION_379=1.379
ENV PATH=/opt/tool379/bin:$PATH \
    TOOL_HOME="/opt/tool379"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_379}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/379/ /app/src/379/
LABEL org.example.step379="step 379" version=$VERSION_379
RUN ["/bin/sh", "-c", "echo step 379 done"]
WORKDIR /app/379

# step 380: fetch and build
ARG VERSION_380=1.380
ENV PATH=/opt/tool380/bin:$PATH \
    TOOL_HOME="/opt/tool380"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_380}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/380/ /app/src/380/
LABEL org.example.step380="step 380" version=$VERSION_380
RUN ["/bin/sh", "-c", "echo step 380 done"]
WORKDIR /app/380

# step 381: fetch and build
ARG VERSION_381=1.381
ENV PATH=/opt/tool381/bin:$PATH \
    TOOL_HOME="/opt/tool381"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_381}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/381/ /app/src/381/
LABEL org.example.step381="step 381" version=$VERSION_381
RUN ["/bin/sh", "-c", "echo step 381 done"]
WORKDIR /app/381

# step 382: fetch and build
ARG VERSION_382=1.382
ENV PATH=/opt/tool382/bin:$PATH \
    TOOL_HOME="/opt/tool382"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_382}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/382/ /app/src/382/
LABEL org.example.step382="step 382" version=$VERSION_382
RUN ["/bin/sh", "-c", "echo step 382 done"]
WORKDIR /app/382

# step 383: fetch and build
ARG VERSION_383=1.383
ENV PATH=/opt/tool383/bin:$PATH \
    TOOL_HOME="/opt/tool383"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_383}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/383/ /app/src/383/
LABEL org.example.step383="step 383" version=$VERSION_383
RUN ["/bin/sh", "-c", "echo step 383 done"]
WORKDIR /app/383

# step 384: fetch and build
ARG VERSION_384=1.384
ENV PATH=/opt/tool384/bin:$PATH \
    TOOL_HOME="/opt/tool384"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_384}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/384/ /app/src/384/
LABEL org.example.step384="step 384" version=$VERSION_384
RUN ["/bin/sh", "-c", "echo step 384 done"]
WORKDIR /app/384

# step 385: fetch and build
ARG VERSION_385=1.385
ENV PATH=/opt/tool385/bin:$PATH \
    TOOL_HOME="/opt/tool385"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_385}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/385/ /app/src/385/
LABEL org.example.step385="step 385" version=$VERSION_385
RUN ["/bin/sh", "-c", "echo step 385 done"]
WORKDIR /app/385

# step 386: fetch and build
ARG VERSION_386=1.386
ENV PATH=/opt/tool386/bin:$PATH \
    TOOL_HOME="/opt/tool386"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_386}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/386/ /app/src/386/
LABEL org.example.step386="step 386" version=$VERSION_386
RUN ["/bin/sh", "-c", "echo step 386 done"]
WORKDIR /app/386

# step 387: fetch and build
ARG VERSION_387=1.387
ENV PATH=/opt/tool387/bin:$PATH \
    TOOL_HOME="/opt/tool387"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_387}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/387/ /app/src/387/
LABEL org.example.step387="step 387" version=$VERSION_387
RUN ["/bin/sh", "-c", "echo step 387 done"]
WORKDIR /app/387

# step 388: fetch and build
ARG VERSION_388=1.388
ENV PATH=/opt/tool388/bin:$PATH \
    TOOL_HOME="/opt/tool388"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_388}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/388/ /app/src/388/
LABEL org.example.step388="step 388" version=$VERSION_388
RUN ["/bin/sh", "-c", "echo step 388 done"]
WORKDIR /app/388

# step 389: fetch and build
ARG VERSION_389=1.389
ENV PATH=/opt/tool389/bin:$PATH \
    TOOL_HOME="/opt/tool389"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_389}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/389/ /app/src/389/
LABEL org.example.step389="step 389" version=$VERSION_389
RUN ["/bin/sh", "-c", "echo step 389 done"]
WORKDIR /app/389

# step 390: fetch and build
ARG VERSION_390=1.390
ENV PATH=/opt/tool390/bin:$PATH \
    TOOL_HOME="/opt/tool390"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_390}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/390/ /app/src/390/
LABEL org.example.step390="step 390" version=$VERSION_390
RUN ["/bin/sh", "-c", "echo step 390 done"]
WORKDIR /app/390

# step 391: fetch and build
ARG VERSION_391=1.391
ENV PATH=/opt/tool391/bin:$PATH \
    TOOL_HOME="/opt/tool391"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_391}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/391/ /app/src/391/
LABEL org.example.step391="step 391" version=$VERSION_391
RUN ["/bin/sh", "-c", "echo step 391 done"]
WORKDIR /app/391

# step 392: fetch and build
ARG VERSION_392=1.392
ENV PATH=/opt/tool392/bin:$PATH \
    TOOL_HOME="/opt/tool392"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_392}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/392/ /app/src/392/
LABEL org.example.step392="step 392" version=$VERSION_392
RUN ["/bin/sh", "-c", "echo step 392 done"]
WORKDIR /app/392

# step 393: fetch and build
ARG VERSION_393=1.393
ENV PATH=/opt/tool393/bin:$PATH \
    TOOL_HOME="/opt/tool393"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_393}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/393/ /app/src/393/
LABEL org.example.step393="step 393" version=$VERSION_393
RUN ["/bin/sh", "-c", "echo step 393 done"]
WORKDIR /app/393

# step 394: fetch and build
ARG VERSION_394=1.394
ENV PATH=/opt/tool394/bin:$PATH \
    TOOL_HOME="/opt/tool394"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_394}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/394/ /app/src/394/
LABEL org.example.step394="step 394" version=$VERSION_394
RUN ["/bin/sh", "-c", "echo step 394 done"]
WORKDIR /app/394

# step 395: fetch and build
ARG VERSION_395=1.395
ENV PATH=/opt/tool395/bin:$PATH \
    TOOL_HOME="/opt/tool395"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_395}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/395/ /app/src/395/
LABEL org.example.step395="step 395" version=$VERSION_395
RUN ["/bin/sh", "-c", "echo step 395 done"]
WORKDIR /app/395

# step 396: fetch and build
ARG VERSION_396=1.396
ENV PATH=/opt/tool396/bin:$PATH \
    TOOL_HOME="/opt/tool396"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_396}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/396/ /app/src/396/
LABEL org.example.step396="step 396" version=$VERSION_396
RUN ["/bin/sh", "-c", "echo step 396 done"]
WORKDIR /app/396

# step 397: fetch and build
ARG VERSION_397=1.397
ENV PATH=/opt/tool397/bin:$PATH \
    TOOL_HOME="/opt/tool397"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_397}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/397/ /app/src/397/
LABEL org.example.step397="step 397" version=$VERSION_397
RUN ["/bin/sh", "-c", "echo step 397 done"]
WORKDIR /app/397

# step 398: fetch and build
ARG VERSION_398=1.398
ENV PATH=/opt/tool398/bin:$PATH \
    TOOL_HOME="/opt/tool398"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_398}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/398/ /app/src/398/
LABEL org.example.step398="step 398" version=$VERSION_398
RUN ["/bin/sh", "-c", "echo step 398 done"]
WORKDIR /app/398

# step 399: fetch and build
ARG VERSION_399=1.399
ENV PATH=/opt/tool399/bin:$PATH \
    TOOL_HOME="/opt/tool399"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_399}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/399/ /app/src/399/
LABEL org.example.step399="step 399" version=$VERSION_399
RUN ["/bin/sh", "-c", "echo step 399 done"]
WORKDIR /app/399

# step 400: fetch and build
ARG VERSION_400=1.400
ENV PATH=/opt/tool400/bin:$PATH \
    TOOL_HOME="/opt/tool400"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_400}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/400/ /app/src/400/
LABEL org.example.step400="step 400" version=$VERSION_400
RUN ["/bin/sh", "-c", "echo step 400 done"]
WORKDIR /app/400

# step 401: fetch and build
ARG VERSION_401=1.401
ENV PATH=/opt/tool401/bin:$PATH \
    TOOL_HOME="/opt/tool401"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_401}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/401/ /app/src/401/
LABEL org.example.step401="step 401" version=$VERSION_401
RUN ["/bin/sh", "-c", "echo step 401 done"]
WORKDIR /app/401

# step 402: fetch and build
ARG VERSION_402=1.402
ENV PATH=/opt/tool402/bin:$PATH \
    TOOL_HOME="/opt/tool402"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_402}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/402/ /app/src/402/
LABEL org.example.step402="step 402" version=$VERSION_402
RUN ["/bin/sh", "-c", "echo step 402 done"]
WORKDIR /app/402

# step 403: fetch and build
ARG VERSION_403=1.403
ENV PATH=/opt/tool403/bin:$PATH \
    TOOL_HOME="/opt/tool403"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_403}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/403/ /app/src/403/
LABEL org.example.step403="step 403" version=$VERSION_403
RUN ["/bin/sh", "-c", "echo step 403 done"]
WORKDIR /app/403

# step 404: fetch and build
ARG VERSION_404=1.404
ENV PATH=/opt/tool404/bin:$PATH \
    TOOL_HOME="/opt/tool404"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_404}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/404/ /app/src/404/
LABEL org.example.step404="step 404" version=$VERSION_404
RUN ["/bin/sh", "-c", "echo step 404 done"]
WORKDIR /app/404

# step 405: fetch and build
ARG VERSION_405=1.405
ENV PATH=/opt/tool405/bin:$PATH \
    TOOL_HOME="/opt/tool405"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_405}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/405/ /app/src/405/
LABEL org.example.step405="step 405" version=$VERSION_405
RUN ["/bin/sh", "-c", "echo step 405 done"]
WORKDIR /app/405

# step 406: fetch and build
ARG VERSION_406=1.406
ENV PATH=/opt/tool406/bin:$PATH \
    TOOL_HOME="/opt/tool406"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_406}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/406/ /app/src/406/
LABEL org.example.step406="step 406" version=$VERSION_406
RUN ["/bin/sh", "-c", "echo step 406 done"]
WORKDIR /app/406

# step 407: fetch and build
ARG VERSION_407=1.407
ENV PATH=/opt/tool407/bin:$PATH \
    TOOL_HOME="/opt/tool407"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_407}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/407/ /app/src/407/
LABEL org.example.step407="step 407" version=$VERSION_407
RUN ["/bin/sh", "-c", "echo step 407 done"]
WORKDIR /app/407

# step 408: fetch and build
ARG VERSION_408=1.408
ENV PATH=/opt/tool408/bin:$PATH \
    TOOL_HOME="/opt/tool408"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_408}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/408/ /app/src/408/
LABEL org.example.step408="step 408" version=$VERSION_408
RUN ["/bin/sh", "-c", "echo step 408 done"]
WORKDIR /app/408

# step 409: fetch and build
ARG VERSION_409=1.409
ENV PATH=/opt/tool409/bin:$PATH \
    TOOL_HOME="/opt/tool409"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_409}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/409/ /app/src/409/
LABEL org.example.step409="step 409" version=$VERSION_409
RUN ["/bin/sh", "-c", "echo step 409 done"]
WORKDIR /app/409

# step 410: fetch and build
ARG VERSION_410=1.410
ENV PATH=/opt/tool410/bin:$PATH \
    TOOL_HOME="/opt/tool410"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_410}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/410/ /app/src/410/
LABEL org.example.step410="step 410" version=$VERSION_410
RUN ["/bin/sh", "-c", "echo step 410 done"]
WORKDIR /app/410

# step 411: fetch and build
ARG VERSION_411=1.411
ENV PATH=/opt/tool411/bin:$PATH \
    TOOL_HOME="/opt/tool411"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_411}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/411/ /app/src/411/
LABEL org.example.step411="step 411" version=$VERSION_411
RUN ["/bin/sh", "-c", "echo step 411 done"]
WORKDIR /app/411

# step 412: fetch and build
ARG VERSION_412=1.412
ENV PATH=/opt/tool412/bin:$PATH \
    TOOL_HOME="/opt/tool412"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_412}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/412/ /app/src/412/
LABEL org.example.step412="step 412" version=$VERSION_412
RUN ["/bin/sh", "-c", "echo step 412 done"]
WORKDIR /app/412

# step 413: fetch and build
ARG VERSION_413=1.413
ENV PATH=/opt/tool413/bin:$PATH \
    TOOL_HOME="/opt/tool413"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_413}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/413/ /app/src/413/
LABEL org.example.step413="step 413" version=$VERSION_413
RUN ["/bin/sh", "-c", "echo step 413 done"]
WORKDIR /app/413

# step 414: fetch and build
ARG VERSION_414=1.414
ENV PATH=/opt/tool414/bin:$PATH \
    TOOL_HOME="/opt/tool414"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_414}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/414/ /app/src/414/
LABEL org.example.step414="step 414" version=$VERSION_414
RUN ["/bin/sh", "-c", "echo step 414 done"]
WORKDIR /app/414

# step 415: fetch and build
ARG VERSION_415=1.415
ENV PATH=/opt/tool415/bin:$PATH \
    TOOL_HOME="/opt/tool415"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_415}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/415/ /app/src/415/
LABEL org.example.step415="step 415" version=$VERSION_415
RUN ["/bin/sh", "-c", "echo step 415 done"]
WORKDIR /app/415

# step 416: fetch and build
ARG VERSION_416=1.416
ENV PATH=/opt/tool416/bin:$PATH \
    TOOL_HOME="/opt/tool416"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_416}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/416/ /app/src/416/
LABEL org.example.step416="step 416" version=$VERSION_416
RUN ["/bin/sh", "-c", "echo step 416 done"]
WORKDIR /app/416

# step 417: fetch and build
ARG VERSION_417=1.417
ENV PATH=/opt/tool417/bin:$PATH \
    TOOL_HOME="/opt/tool417"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_417}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/417/ /app/src/417/
LABEL org.example.step417="step 417" version=$VERSION_417
RUN ["/bin/sh", "-c", "echo step 417 done"]
WORKDIR /app/417

# step 418: fetch and build
ARG VERSION_418=1.418
ENV PATH=/opt/tool418/bin:$PATH \
    TOOL_HOME="/opt/tool418"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_418}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/418/ /app/src/418/
LABEL org.example.step418="step 418" version=$VERSION_418
RUN ["/bin/sh", "-c", "echo step 418 done"]
WORKDIR /app/418

# step 419: fetch and build
ARG VERSION_419=1.419
ENV PATH=/opt/tool419/bin:$PATH \
    TOOL_HOME="/opt/tool419"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_419}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/419/ /app/src/419/
LABEL org.example.step419="step 419" version=$VERSION_419
RUN ["/bin/sh", "-c", "echo step 419 done"]
WORKDIR /app/419

# step 420: fetch and build
ARG VERSION_420=1.420
ENV PATH=/opt/tool420/bin:$PATH \
    TOOL_HOME="/opt/tool420"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_420}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/420/ /app/src/420/
LABEL org.example.step420="step 420" version=$VERSION_420
RUN ["/bin/sh", "-c", "echo step 420 done"]
WORKDIR /app/420

# step 421: fetch and build
ARG VERSION_421=1.421
ENV PATH=/opt/tool421/bin:$PATH \
    TOOL_HOME="/opt/tool421"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_421}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/421/ /app/src/421/
LABEL org.example.step421="step 421" version=$VERSION_421
RUN ["/bin/sh", "-c", "echo step 421 done"]
WORKDIR /app/421

# step 422: fetch and build
ARG VERSION_422=1.422
ENV PATH=/opt/tool422/bin:$PATH \
    TOOL_HOME="/opt/tool422"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_422}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/422/ /app/src/422/
LABEL org.example.step422="step 422" version=$VERSION_422
RUN ["/bin/sh", "-c", "echo step 422 done"]
WORKDIR /app/422

# step 423: fetch and build
ARG VERSION_423=1.423
ENV PATH=/opt/tool423/bin:$PATH \
    TOOL_HOME="/opt/tool423"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_423}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/423/ /app/src/423/
LABEL org.example.step423="step 423" version=$VERSION_423
RUN ["/bin/sh", "-c", "echo step 423 done"]
WORKDIR /app/423

# step 424: fetch and build
ARG VERSION_424=1.424
ENV PATH=/opt/tool424/bin:$PATH \
    TOOL_HOME="/opt/tool424"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_424}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/424/ /app/src/424/
LABEL org.example.step424="step 424" version=$VERSION_424
RUN ["/bin/sh", "-c", "echo step 424 done"]
WORKDIR /app/424

# step 425: fetch and build
ARG VERSION_425=1.425
ENV PATH=/opt/tool425/bin:$PATH \
    TOOL_HOME="/opt/tool425"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_425}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/425/ /app/src/425/
LABEL org.example.step425="step 425" version=$VERSION_425
RUN ["/bin/sh", "-c", "echo step 425 done"]
WORKDIR /app/425

# step 426: fetch and build
ARG VERSION_426=1.426
ENV PATH=/opt/tool426/bin:$PATH \
    TOOL_HOME="/opt/tool426"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_426}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/426/ /app/src/426/
LABEL org.example.step426="step 426" version=$VERSION_426
RUN ["/bin/sh", "-c", "echo step 426 done"]
WORKDIR /app/426

# step 427: fetch and build
ARG VERSION_427=1.427
ENV PATH=/opt/tool427/bin:$PATH \
    TOOL_HOME="/opt/tool427"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_427}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/427/ /app/src/427/
LABEL org.example.step427="step 427" version=$VERSION_427
RUN ["/bin/sh", "-c", "echo step 427 done"]
WORKDIR /app/427

# step 428: fetch and build
ARG VERSION_428=1.428
ENV PATH=/opt/tool428/bin:$PATH \
    TOOL_HOME="/opt/tool428"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_428}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/428/ /app/src/428/
LABEL org.example.step428="step 428" version=$VERSION_428
RUN ["/bin/sh", "-c", "echo step 428 done"]
WORKDIR /app/428

# step 429: fetch and build
ARG VERSION_429=1.429
ENV PATH=/opt/tool429/bin:$PATH \
    TOOL_HOME="/opt/tool429"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_429}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/429/ /app/src/429/
LABEL org.example.step429="step 429" version=$VERSION_429
RUN ["/bin/sh", "-c", "echo step 429 done"]
WORKDIR /app/429

# step 430: fetch and build
ARG VERSION_430=1.430
ENV PATH=/opt/tool430/bin:$PATH \
    TOOL_HOME="/opt/tool430"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_430}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/430/ /app/src/430/
LABEL org.example.step430="step 430" version=$VERSION_430
RUN ["/bin/sh", "-c", "echo step 430 done"]
WORKDIR /app/430

# step 431: fetch and build
ARG VERSION_431=1.431
ENV PATH=/opt/tool431/bin:$PATH \
    TOOL_HOME="/opt/tool431"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_431}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/431/ /app/src/431/
LABEL org.example.step431="step 431" version=$VERSION_431
RUN ["/bin/sh", "-c", "echo step 431 done"]
WORKDIR /app/431

# step 432: fetch and build
ARG VERSION_432=1.432
ENV PATH=/opt/tool432/bin:$PATH \
    TOOL_HOME="/opt/tool432"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_432}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/432/ /app/src/432/
LABEL org.example.step432="step 432" version=$VERSION_432
RUN ["/bin/sh", "-c", "echo step 432 done"]
WORKDIR /app/432

# step 433: fetch and build
ARG VERSION_433=1.433
ENV PATH=/opt/tool433/bin:$PATH \
    TOOL_HOME="/opt/tool433"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_433}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/433/ /app/src/433/
LABEL org.example.step433="step 433" version=$VERSION_433
RUN ["/bin/sh", "-c", "echo step 433 done"]
WORKDIR /app/433

# step 434: fetch and build
ARG VERSION_434=1.434
ENV PATH=/opt/tool434/bin:$PATH \
    TOOL_HOME="/opt/tool434"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_434}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/434/ /app/src/434/
LABEL org.example.step434="step 434" version=$VERSION_434
RUN ["/bin/sh", "-c", "echo step 434 done"]
WORKDIR /app/434

# step 435: fetch and build
ARG VERSION_435=1.435
ENV PATH=/opt/tool435/bin:$PATH \
    TOOL_HOME="/opt/tool435"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_435}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/435/ /app/src/435/
LABEL org.example.step435="step 435" version=$VERSION_435
RUN ["/bin/sh", "-c", "echo step 435 done"]
WORKDIR /app/435

# step 436: fetch and build
ARG VERSION_436=1.436
ENV PATH=/opt/tool436/bin:$PATH \
    TOOL_HOME="/opt/tool436"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_436}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/436/ /app/src/436/
LABEL org.example.step436="step 436" version=$VERSION_436
RUN ["/bin/sh", "-c", "echo step 436 done"]
WORKDIR /app/436

# step 437: fetch and build
ARG VERSION_437=1.437
ENV PATH=/opt/tool437/bin:$PATH \
    TOOL_HOME="/opt/tool437"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_437}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/437/ /app/src/437/
LABEL org.example.step437="step 437" version=$VERSION_437
RUN ["/bin/sh", "-c", "echo step 437 done"]
WORKDIR /app/437

# step 438: fetch and build
ARG VERSION_438=1.438
ENV PATH=/opt/tool438/bin:$PATH \
    TOOL_HOME="/opt/tool438"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_438}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/438/ /app/src/438/
LABEL org.example.step438="step 438" version=$VERSION_438
RUN ["/bin/sh", "-c", "echo step 438 done"]
WORKDIR /app/438

# step 439: fetch and build
ARG VERSION_439=1.439
ENV PATH=/opt/tool439/bin:$PATH \
    TOOL_HOME="/opt/tool439"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_439}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/439/ /app/src/439/
LABEL org.example.step439="step 439" version=$VERSION_439
RUN ["/bin/sh", "-c", "echo step 439 done"]
WORKDIR /app/439

# step 440: fetch and build
ARG VERSION_440=1.440
ENV PATH=/opt/tool440/bin:$PATH \
    TOOL_HOME="/opt/tool440"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_440}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/440/ /app/src/440/
LABEL org.example.step440="step 440" version=$VERSION_440
RUN ["/bin/sh", "-c", "echo step 440 done"]
WORKDIR /app/440

# step 441: fetch and build
ARG VERSION_441=1.441
ENV PATH=/opt/tool441/bin:$PATH \
    TOOL_HOME="/opt/tool441"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_441}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/441/ /app/src/441/
LABEL org.example.step441="step 441" version=$VERSION_441
RUN ["/bin/sh", "-c", "echo step 441 done"]
WORKDIR /app/441

# step 442: fetch and build
ARG VERSION_442=1.442
ENV PATH=/opt/tool442/bin:$PATH \
    TOOL_HOME="/opt/tool442"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_442}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/442/ /app/src/442/
LABEL org.example.step442="step 442" version=$VERSION_442
RUN ["/bin/sh", "-c", "echo step 442 done"]
WORKDIR /app/442

# step 443: fetch and build
ARG VERSION_443=1.443
ENV PATH=/opt/tool443/bin:$PATH \
    TOOL_HOME="/opt/tool443"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_443}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/443/ /app/src/443/
LABEL org.example.step443="step 443" version=$VERSION_443
RUN ["/bin/sh", "-c", "echo step 443 done"]
WORKDIR /app/443

# step 444: fetch and build
ARG VERSION_444=1.444
ENV PATH=/opt/tool444/bin:$PATH \
    TOOL_HOME="/opt/tool444"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_444}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/444/ /app/src/444/
LABEL org.example.step444="step 444" version=$VERSION_444
RUN ["/bin/sh", "-c", "echo step 444 done"]
WORKDIR /app/444

# step 445: fetch and build
ARG VERSION_445=1.445
ENV PATH=/opt/tool445/bin:$PATH \
    TOOL_HOME="/opt/tool445"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_445}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/445/ /app/src/445/
LABEL org.example.step445="step 445" version=$VERSION_445
RUN ["/bin/sh", "-c", "echo step 445 done"]
WORKDIR /app/445

# step 446: fetch and build
ARG VERSION_446=1.446
ENV PATH=/opt/tool446/bin:$PATH \
    TOOL_HOME="/opt/tool446"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_446}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/446/ /app/src/446/
LABEL org.example.step446="step 446" version=$VERSION_446
RUN ["/bin/sh", "-c", "echo step 446 done"]
WORKDIR /app/446

# step 447: fetch and build
ARG VERSION_447=1.447
ENV PATH=/opt/tool447/bin:$PATH \
    TOOL_HOME="/opt/tool447"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_447}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/447/ /app/src/447/
LABEL org.example.step447="step 447" version=$VERSION_447
RUN ["/bin/sh", "-c", "echo step 447 done"]
WORKDIR /app/447

# step 448: fetch and build
ARG VERSION_448=1.448
ENV PATH=/opt/tool448/bin:$PATH \
    TOOL_HOME="/opt/tool448"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_448}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/448/ /app/src/448/
LABEL org.example.step448="step 448" version=$VERSION_448
RUN ["/bin/sh", "-c", "echo step 448 done"]
WORKDIR /app/448

# step 449: fetch and build
ARG VERSION_449=1.449
ENV PATH=/opt/tool449/bin:$PATH \
    TOOL_HOME="/opt/tool449"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_449}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/449/ /app/src/449/
LABEL org.example.step449="step 449" version=$VERSION_449
RUN ["/bin/sh", "-c", "echo step 449 done"]
WORKDIR /app/449

# step 450: fetch and build
ARG VERSION_450=1.450
ENV PATH=/opt/tool450/bin:$PATH \
    TOOL_HOME="/opt/tool450"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_450}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/450/ /app/src/450/
LABEL org.example.step450="step 450" version=$VERSION_450
RUN ["/bin/sh", "-c", "echo step 450 done"]
WORKDIR /app/450

# step 451: fetch and build
ARG VERSION_451=1.451
ENV PATH=/opt/tool451/bin:$PATH \
    TOOL_HOME="/opt/tool451"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_451}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/451/ /app/src/451/
LABEL org.example.step451="step 451" version=$VERSION_451
RUN ["/bin/sh", "-c", "echo step 451 done"]
WORKDIR /app/451

# step 452: fetch and build
ARG VERSION_452=1.452
ENV PATH=/opt/tool452/bin:$PATH \
    TOOL_HOME="/opt/tool452"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_452}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/452/ /app/src/452/
LABEL org.example.step452="step 452" version=$VERSION_452
RUN ["/bin/sh", "-c", "echo step 452 done"]
WORKDIR /app/452

# step 453: fetch and build
ARG VERSION_453=1.453
ENV PATH=/opt/tool453/bin:$PATH \
    TOOL_HOME="/opt/tool453"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_453}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/453/ /app/src/453/
LABEL org.example.step453="step 453" version=$VERSION_453
RUN ["/bin/sh", "-c", "echo step 453 done"]
WORKDIR /app/453

# step 454: fetch and build
ARG VERSION_454=1.454
ENV PATH=/opt/tool454/bin:$PATH \
    TOOL_HOME="/opt/tool454"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_454}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/454/ /app/src/454/
LABEL org.example.step454="step 454" version=$VERSION_454
RUN ["/bin/sh", "-c", "echo step 454 done"]
WORKDIR /app/454

# step 455: fetch and build
ARG VERSION_455=1.455
ENV PATH=/opt/tool455/bin:$PATH \
    TOOL_HOME="/opt/tool455"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_455}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/455/ /app/src/455/
LABEL org.example.step455="step 455" version=$VERSION_455
RUN ["/bin/sh", "-c", "echo step 455 done"]
WORKDIR /app/455

# step 456: fetch and build
ARG VERSION_456=1.456
ENV PATH=/opt/tool456/bin:$PATH \
    TOOL_HOME="/opt/tool456"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_456}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/456/ /app/src/456/
LABEL org.example.step456="step 456" version=$VERSION_456
RUN ["/bin/sh", "-c", "echo step 456 done"]
WORKDIR /app/456

# step 457: fetch and build
ARG VERSION_457=1.457
ENV PATH=/opt/tool457/bin:$PATH \
    TOOL_HOME="/opt/tool457"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_457}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/457/ /app/src/457/
LABEL org.example.step457="step 457" version=$VERSION_457
RUN ["/bin/sh", "-c", "echo step 457 done"]
WORKDIR /app/457

# step 458: fetch and build
ARG VERSION_458=1.458
ENV PATH=/opt/tool458/bin:$PATH \
    TOOL_HOME="/opt/tool458"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_458}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/458/ /app/src/458/
LABEL org.example.step458="step 458" version=$VERSION_458
RUN ["/bin/sh", "-c", "echo step 458 done"]
WORKDIR /app/458

# step 459: fetch and build
ARG VERSION_459=1.459
ENV PATH=/opt/tool459/bin:$PATH \
    TOOL_HOME="/opt/tool459"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_459}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/459/ /app/src/459/
LABEL org.example.step459="step 459" version=$VERSION_459
RUN ["/bin/sh", "-c", "echo step 459 done"]
WORKDIR /app/459

# step 460: fetch and build
ARG VERSION_460=1.460
ENV PATH=/opt/tool460/bin:$PATH \
    TOOL_HOME="/opt/tool460"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_460}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/460/ /app/src/460/
LABEL org.example.step460="step 460" version=$VERSION_460
RUN ["/bin/sh", "-c", "echo step 460 done"]
WORKDIR /app/460

# step 461: fetch and build
ARG VERSION_461=1.461
ENV PATH=/opt/tool461/bin:$PATH \
    TOOL_HOME="/opt/tool461"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_461}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/461/ /app/src/461/
LABEL org.example.step461="step 461" version=$VERSION_461
RUN ["/bin/sh", "-c", "echo step 461 done"]
WORKDIR /app/461

# step 462: fetch and build
ARG VERSION_462=1.462
ENV PATH=/opt/tool462/bin:$PATH \
    TOOL_HOME="/opt/tool462"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_462}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/462/ /app/src/462/
LABEL org.example.step462="step 462" version=$VERSION_462
RUN ["/bin/sh", "-c", "echo step 462 done"]
WORKDIR /app/462

# step 463: fetch and build
ARG VERSION_463=1.463
ENV PATH=/opt/tool463/bin:$PATH \
    TOOL_HOME="/opt/tool463"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_463}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/463/ /app/src/463/
LABEL org.example.step463="step 463" version=$VERSION_463
RUN ["/bin/sh", "-c", "echo step 463 done"]
WORKDIR /app/463

# step 464: fetch and build
ARG VERSION_464=1.464
ENV PATH=/opt/tool464/bin:$PATH \
    TOOL_HOME="/opt/tool464"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_464}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/464/ /app/src/464/
LABEL org.example.step464="step 464" version=$VERSION_464
RUN ["/bin/sh", "-c", "echo step 464 done"]
WORKDIR /app/464

# step 465: fetch and build
ARG VERSION_465=1.465
ENV PATH=/opt/tool465/bin:$PATH \
    TOOL_HOME="/opt/tool465"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_465}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/465/ /app/src/465/
LABEL org.example.step465="step 465" version=$VERSION_465
RUN ["/bin/sh", "-c", "echo step 465 done"]
WORKDIR /app/465

# step 466: fetch and build
ARG VERSION_466=1.466
ENV PATH=/opt/tool466/bin:$PATH \
    TOOL_HOME="/opt/tool466"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_466}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/466/ /app/src/466/
LABEL org.example.step466="step 466" version=$VERSION_466
RUN ["/bin/sh", "-c", "echo step 466 done"]
WORKDIR /app/466

# step 467: fetch and build
ARG VERSION_467=1.467
ENV PATH=/opt/tool467/bin:$PATH \
    TOOL_HOME="/opt/tool467"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_467}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/467/ /app/src/467/
LABEL org.example.step467="step 467" version=$VERSION_467
RUN ["/bin/sh", "-c", "echo step 467 done"]
WORKDIR /app/467

# step 468: fetch and build
ARG VERSION_468=1.468
ENV PATH=/opt/tool468/bin:$PATH \
    TOOL_HOME="/opt/tool468"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_468}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/468/ /app/src/468/
LABEL org.example.step468="step 468" version=$VERSION_468
RUN ["/bin/sh", "-c", "echo step 468 done"]
WORKDIR /app/468

# step 469: fetch and build
ARG VERSION_469=1.469
ENV PATH=/opt/tool469/bin:$PATH \
    TOOL_HOME="/opt/tool469"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_469}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/469/ /app/src/469/
LABEL org.example.step469="step 469" version=$VERSION_469
RUN ["/bin/sh", "-c", "echo step 469 done"]
WORKDIR /app/469

# step 470: fetch and build
ARG VERSION_470=1.470
ENV PATH=/opt/tool470/bin:$PATH \
    TOOL_HOME="/opt/tool470"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_470}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/470/ /app/src/470/
LABEL org.example.step470="step 470" version=$VERSION_470
RUN ["/bin/sh", "-c", "echo step 470 done"]
WORKDIR /app/470

# step 471: fetch and build
ARG VERSION_471=1.471
ENV PATH=/opt/tool471/bin:$PATH \
    TOOL_HOME="/opt/tool471"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_471}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/471/ /app/src/471/
LABEL org.example.step471="step 471" version=$VERSION_471
RUN ["/bin/sh", "-c", "echo step 471 done"]
WORKDIR /app/471

# step 472: fetch and build
ARG VERSION_472=1.472
ENV PATH=/opt/tool472/bin:$PATH \
    TOOL_HOME="/opt/tool472"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_472}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/472/ /app/src/472/
LABEL org.example.step472="step 472" version=$VERSION_472
RUN ["/bin/sh", "-c", "echo step 472 done"]
WORKDIR /app/472

# step 473: fetch and build
ARG VERSION_473=1.473
ENV PATH=/opt/tool473/bin:$PATH \
    TOOL_HOME="/opt/tool473"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_473}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/473/ /app/src/473/
LABEL org.example.step473="step 473" version=$VERSION_473
RUN ["/bin/sh", "-c", "echo step 473 done"]
WORKDIR /app/473

# step 474: fetch and build
ARG VERSION_474=1.474
ENV PATH=/opt/tool474/bin:$PATH \
    TOOL_HOME="/opt/tool474"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_474}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/474/ /app/src/474/
LABEL org.example.step474="step 474" version=$VERSION_474
RUN ["/bin/sh", "-c", "echo step 474 done"]
WORKDIR /app/474

# step 475: fetch and build
ARG VERSION_475=1.475
ENV PATH=/opt/tool475/bin:$PATH \
    TOOL_HOME="/opt/tool475"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_475}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/475/ /app/src/475/
LABEL org.example.step475="step 475" version=$VERSION_475
RUN ["/bin/sh", "-c", "echo step 475 done"]
WORKDIR /app/475

# step 476: fetch and build
ARG VERSION_476=1.476
ENV PATH=/opt/tool476/bin:$PATH \
    TOOL_HOME="/opt/tool476"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_476}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/476/ /app/src/476/
LABEL org.example.step476="step 476" version=$VERSION_476
RUN ["/bin/sh", "-c", "echo step 476 done"]
WORKDIR /app/476

# step 477: fetch and build
ARG VERSION_477=1.477
ENV PATH=/opt/tool477/bin:$PATH \
    TOOL_HOME="/opt/tool477"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_477}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/477/ /app/src/477/
LABEL org.example.step477="step 477" version=$VERSION_477
RUN ["/bin/sh", "-c", "echo step 477 done"]
WORKDIR /app/477

# step 478: fetch and build
ARG VERSION_478=1.478
ENV PATH=/opt/tool478/bin:$PATH \
    TOOL_HOME="/opt/tool478"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_478}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/478/ /app/src/478/
LABEL org.example.step478="step 478" version=$VERSION_478
RUN ["/bin/sh", "-c", "echo step 478 done"]
WORKDIR /app/478

# step 479: fetch and build
ARG VERSION_479=1.479
ENV PATH=/opt/tool479/bin:$PATH \
    TOOL_HOME="/opt/tool479"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_479}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/479/ /app/src/479/
LABEL org.example.step479="step 479" version=$VERSION_479
RUN ["/bin/sh", "-c", "echo step 479 done"]
WORKDIR /app/479

# step 480: fetch and build
ARG VERSION_480=1.480
ENV PATH=/opt/tool480/bin:$PATH \
    TOOL_HOME="/opt/tool480"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_480}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/480/ /app/src/480/
LABEL org.example.step480="step 480" version=$VERSION_480
RUN ["/bin/sh", "-c", "echo step 480 done"]
WORKDIR /app/480

# step 481: fetch and build
ARG VERSION_481=1.481
ENV PATH=/opt/tool481/bin:$PATH \
    TOOL_HOME="/opt/tool481"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_481}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/481/ /app/src/481/
LABEL org.example.step481="step 481" version=$VERSION_481
RUN ["/bin/sh", "-c", "echo step 481 done"]
WORKDIR /app/481

# step 482: fetch and build
ARG VERSION_482=1.482
ENV PATH=/opt/tool482/bin:$PATH \
    TOOL_HOME="/opt/tool482"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_482}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/482/ /app/src/482/
LABEL org.example.step482="step 482" version=$VERSION_482
RUN ["/bin/sh", "-c", "echo step 482 done"]
WORKDIR /app/482

# step 483: fetch and build
ARG VERSION_483=1.483
ENV PATH=/opt/tool483/bin:$PATH \
    TOOL_HOME="/opt/tool483"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_483}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/483/ /app/src/483/
LABEL org.example.step483="step 483" version=$VERSION_483
RUN ["/bin/sh", "-c", "echo step 483 done"]
WORKDIR /app/483

# step 484: fetch and build
ARG VERSION_484=1.484
ENV PATH=/opt/tool484/bin:$PATH \
    TOOL_HOME="/opt/tool484"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_484}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/484/ /app/src/484/
LABEL org.example.step484="step 484" version=$VERSION_484
RUN ["/bin/sh", "-c", "echo step 484 done"]
WORKDIR /app/484

# step 485: fetch and build
ARG VERSION_485=1.485
ENV PATH=/opt/tool485/bin:$PATH \
    TOOL_HOME="/opt/tool485"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_485}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/485/ /app/src/485/
LABEL org.example.step485="step 485" version=$VERSION_485
RUN ["/bin/sh", "-c", "echo step 485 done"]
WORKDIR /app/485

# step 486: fetch and build
ARG VERSION_486=1.486
ENV PATH=/opt/tool486/bin:$PATH \
    TOOL_HOME="/opt/tool486"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_486}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/486/ /app/src/486/
LABEL org.example.step486="step 486" version=$VERSION_486
RUN ["/bin/sh", "-c", "echo step 486 done"]
WORKDIR /app/486

# step 487: fetch and build
ARG VERSION_487=1.487
ENV PATH=/opt/tool487/bin:$PATH \
    TOOL_HOME="/opt/tool487"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_487}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/487/ /app/src/487/
LABEL org.example.step487="step 487" version=$VERSION_487
RUN ["/bin/sh", "-c", "echo step 487 done"]
WORKDIR /app/487

# step 488: fetch and build
ARG VERSION_488=1.488
ENV PATH=/opt/tool488/bin:$PATH \
    TOOL_HOME="/opt/tool488"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_488}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/488/ /app/src/488/
LABEL org.example.step488="step 488" version=$VERSION_488
RUN ["/bin/sh", "-c", "echo step 488 done"]
WORKDIR /app/488

# step 489: fetch and build
ARG VERSION_489=1.489
ENV PATH=/opt/tool489/bin:$PATH \
    TOOL_HOME="/opt/tool489"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_489}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/489/ /app/src/489/
LABEL org.example.step489="step 489" version=$VERSION_489
RUN ["/bin/sh", "-c", "echo step 489 done"]
WORKDIR /app/489

# step 490: fetch and build
ARG VERSION_490=1.490
ENV PATH=/opt/tool490/bin:$PATH \
    TOOL_HOME="/opt/tool490"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_490}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/490/ /app/src/490/
LABEL org.example.step490="step 490" version=$VERSION_490
RUN ["/bin/sh", "-c", "echo step 490 done"]
WORKDIR /app/490

# step 491: fetch and build
ARG VERSION_491=1.491
ENV PATH=/opt/tool491/bin:$PATH \
    TOOL_HOME="/opt/tool491"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_491}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/491/ /app/src/491/
LABEL org.example.step491="step 491" version=$VERSION_491
RUN ["/bin/sh", "-c", "echo step 491 done"]
WORKDIR /app/491

# step 492: fetch and build
ARG VERSION_492=1.492
ENV PATH=/opt/tool492/bin:$PATH \
    TOOL_HOME="/opt/tool492"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_492}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/492/ /app/src/492/
LABEL org.example.step492="step 492" version=$VERSION_492
RUN ["/bin/sh", "-c", "echo step 492 done"]
WORKDIR /app/492

# step 493: fetch and build
ARG VERSION_493=1.493
ENV PATH=/opt/tool493/bin:$PATH \
    TOOL_HOME="/opt/tool493"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_493}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/493/ /app/src/493/
LABEL org.example.step493="step 493" version=$VERSION_493
RUN ["/bin/sh", "-c", "echo step 493 done"]
WORKDIR /app/493

# step 494: fetch and build
ARG VERSION_494=1.494
ENV PATH=/opt/tool494/bin:$PATH \
    TOOL_HOME="/opt/tool494"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_494}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/494/ /app/src/494/
LABEL org.example.step494="step 494" version=$VERSION_494
RUN ["/bin/sh", "-c", "echo step 494 done"]
WORKDIR /app/494

# step 495: fetch and build
ARG VERSION_495=1.495
ENV PATH=/opt/tool495/bin:$PATH \
    TOOL_HOME="/opt/tool495"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_495}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/495/ /app/src/495/
LABEL org.example.step495="step 495" version=$VERSION_495
RUN ["/bin/sh", "-c", "echo step 495 done"]
WORKDIR /app/495

# step 496: fetch and build
ARG VERSION_496=1.496
ENV PATH=/opt/tool496/bin:$PATH \
    TOOL_HOME="/opt/tool496"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_496}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/496/ /app/src/496/
LABEL org.example.step496="step 496" version=$VERSION_496
RUN ["/bin/sh", "-c", "echo step 496 done"]
WORKDIR /app/496

# step 497: fetch and build
ARG VERSION_497=1.497
ENV PATH=/opt/tool497/bin:$PATH \
    TOOL_HOME="/opt/tool497"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_497}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/497/ /app/src/497/
LABEL org.example.step497="step 497" version=$VERSION_497
RUN ["/bin/sh", "-c", "echo step 497 done"]
WORKDIR /app/497

# step 498: fetch and build
ARG VERSION_498=1.498
ENV PATH=/opt/tool498/bin:$PATH \
    TOOL_HOME="/opt/tool498"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_498}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/498/ /app/src/498/
LABEL org.example.step498="step 498" version=$VERSION_498
RUN ["/bin/sh", "-c", "echo step 498 done"]
WORKDIR /app/498

# step 499: fetch and build
ARG VERSION_499=1.499
ENV PATH=/opt/tool499/bin:$PATH \
    TOOL_HOME="/opt/tool499"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_499}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/499/ /app/src/499/
LABEL org.example.step499="step 499" version=$VERSION_499
RUN ["/bin/sh", "-c", "echo step 499 done"]
WORKDIR /app/499

# step 500: fetch and build
ARG VERSION_500=1.500
ENV PATH=/opt/tool500/bin:$PATH \
    TOOL_HOME="/opt/tool500"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_500}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/500/ /app/src/500/
LABEL org.example.step500="step 500" version=$VERSION_500
RUN ["/bin/sh", "-c", "echo step 500 done"]
WORKDIR /app/500

# step 501: fetch and build
ARG VERSION_501=1.501
ENV PATH=/opt/tool501/bin:$PATH \
    TOOL_HOME="/opt/tool501"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_501}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/501/ /app/src/501/
LABEL org.example.step501="step 501" version=$VERSION_501
RUN ["/bin/sh", "-c", "echo step 501 done"]
WORKDIR /app/501

# step 502: fetch and build
ARG VERSION_502=1.502
ENV PATH=/opt/tool502/bin:$PATH \
    TOOL_HOME="/opt/tool502"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_502}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/502/ /app/src/502/
LABEL org.example.step502="step 502" version=$VERSION_502
RUN ["/bin/sh", "-c", "echo step 502 done"]
WORKDIR /app/502

# step 503: fetch and build
ARG VERSION_503=1.503
ENV PATH=/opt/tool503/bin:$PATH \
    TOOL_HOME="/opt/tool503"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_503}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/503/ /app/src/503/
LABEL org.example.step503="step 503" version=$VERSION_503
RUN ["/bin/sh", "-c", "echo step 503 done"]
WORKDIR /app/503

# step 504: fetch and build
ARG VERSION_504=1.504
ENV PATH=/opt/tool504/bin:$PATH \
    TOOL_HOME="/opt/tool504"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_504}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/504/ /app/src/504/
LABEL org.example.step504="step 504" version=$VERSION_504
RUN ["/bin/sh", "-c", "echo step 504 done"]
WORKDIR /app/504

# step 505: fetch and build
ARG VERSION_505=1.505
ENV PATH=/opt/tool505/bin:$PATH \
    TOOL_HOME="/opt/tool505"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_505}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/505/ /app/src/505/
LABEL org.example.step505="step 505" version=$VERSION_505
RUN ["/bin/sh", "-c", "echo step 505 done"]
WORKDIR /app/505

# step 506: fetch and build
ARG VERSION_506=1.506
ENV PATH=/opt/tool506/bin:$PATH \
    TOOL_HOME="/opt/tool506"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_506}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/506/ /app/src/506/
LABEL org.example.step506="step 506" version=$VERSION_506
RUN ["/bin/sh", "-c", "echo step 506 done"]
WORKDIR /app/506

# step 507: fetch and build
ARG VERSION_507=1.507
ENV PATH=/opt/tool507/bin:$PATH \
    TOOL_HOME="/opt/tool507"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_507}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/507/ /app/src/507/
LABEL org.example.step507="step 507" version=$VERSION_507
RUN ["/bin/sh", "-c", "echo step 507 done"]
WORKDIR /app/507

# step 508: fetch and build
ARG VERSION_508=1.508
ENV PATH=/opt/tool508/bin:$PATH \
    TOOL_HOME="/opt/tool508"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_508}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/508/ /app/src/508/
LABEL org.example.step508="step 508" version=$VERSION_508
RUN ["/bin/sh", "-c", "echo step 508 done"]
WORKDIR /app/508

# step 509: fetch and build
ARG VERSION_509=1.509
ENV PATH=/opt/tool509/bin:$PATH \
    TOOL_HOME="/opt/tool509"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_509}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/509/ /app/src/509/
LABEL org.example.step509="step 509" version=$VERSION_509
RUN ["/bin/sh", "-c", "echo step 509 done"]
WORKDIR /app/509

# step 510: fetch and build
ARG VERSION_510=1.510
ENV PATH=/opt/tool510/bin:$PATH \
    TOOL_HOME="/opt/tool510"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_510}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/510/ /app/src/510/
LABEL org.example.step510="step 510" version=$VERSION_510
RUN ["/bin/sh", "-c", "echo step 510 done"]
WORKDIR /app/510

# step 511: fetch and build
ARG VERSION_511=1.511
ENV PATH=/opt/tool511/bin:$PATH \
    TOOL_HOME="/opt/tool511"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_511}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/511/ /app/src/511/
LABEL org.example.step511="step 511" version=$VERSION_511
RUN ["/bin/sh", "-c", "echo step 511 done"]
WORKDIR /app/511

# step 512: fetch and build
ARG VERSION_512=1.512
ENV PATH=/opt/tool512/bin:$PATH \
    TOOL_HOME="/opt/tool512"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_512}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/512/ /app/src/512/
LABEL org.example.step512="step 512" version=$VERSION_512
RUN ["/bin/sh", "-c", "echo step 512 done"]
WORKDIR /app/512

# step 513: fetch and build
ARG VERSION_513=1.513
ENV PATH=/opt/tool513/bin:$PATH \
    TOOL_HOME="/opt/tool513"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_513}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/513/ /app/src/513/
LABEL org.example.step513="step 513" version=$VERSION_513
RUN ["/bin/sh", "-c", "echo step 513 done"]
WORKDIR /app/513

# step 514: fetch and build
ARG VERSION_514=1.514
ENV PATH=/opt/tool514/bin:$PATH \
    TOOL_HOME="/opt/tool514"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_514}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/514/ /app/src/514/
LABEL org.example.step514="step 514" version=$VERSION_514
RUN ["/bin/sh", "-c", "echo step 514 done"]
WORKDIR /app/514

# step 515: fetch and build
ARG VERSION_515=1.515
ENV PATH=/opt/tool515/bin:$PATH \
    TOOL_HOME="/opt/tool515"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_515}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/515/ /app/src/515/
LABEL org.example.step515="step 515" version=$VERSION_515
RUN ["/bin/sh", "-c", "echo step 515 done"]
WORKDIR /app/515

# step 516: fetch and build
ARG VERSION_516=1.516
ENV PATH=/opt/tool516/bin:$PATH \
    TOOL_HOME="/opt/tool516"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_516}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/516/ /app/src/516/
LABEL org.example.step516="step 516" version=$VERSION_516
RUN ["/bin/sh", "-c", "echo step 516 done"]
WORKDIR /app/516

# step 517: fetch and build
ARG VERSION_517=1.517
ENV PATH=/opt/tool517/bin:$PATH \
    TOOL_HOME="/opt/tool517"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_517}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/517/ /app/src/517/
LABEL org.example.step517="step 517" version=$VERSION_517
RUN ["/bin/sh", "-c", "echo step 517 done"]
WORKDIR /app/517

# step 518: fetch and build
ARG VERSION_518=1.518
ENV PATH=/opt/tool518/bin:$PATH \
    TOOL_HOME="/opt/tool518"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_518}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/518/ /app/src/518/
LABEL org.example.step518="step 518" version=$VERSION_518
RUN ["/bin/sh", "-c", "echo step 518 done"]
WORKDIR /app/518

# step 519: fetch and build
ARG VERSION_519=1.519
ENV PATH=/opt/tool519/bin:$PATH \
    TOOL_HOME="/opt/tool519"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_519}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/519/ /app/src/519/
LABEL org.example.step519="step 519" version=$VERSION_519
RUN ["/bin/sh", "-c", "echo step 519 done"]
WORKDIR /app/519

# step 520: fetch and build
ARG VERSION_520=1.520
ENV PATH=/opt/tool520/bin:$PATH \
    TOOL_HOME="/opt/tool520"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_520}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/520/ /app/src/520/
LABEL org.example.step520="step 520" version=$VERSION_520
RUN ["/bin/sh", "-c", "echo step 520 done"]
WORKDIR /app/520

# step 521: fetch and build
ARG VERSION_521=1.521
ENV PATH=/opt/tool521/bin:$PATH \
    TOOL_HOME="/opt/tool521"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_521}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/521/ /app/src/521/
LABEL org.example.step521="step 521" version=$VERSION_521
RUN ["/bin/sh", "-c", "echo step 521 done"]
WORKDIR /app/521

# step 522: fetch and build
ARG VERSION_522=1.522
ENV PATH=/opt/tool522/bin:$PATH \
    TOOL_HOME="/opt/tool522"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_522}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/522/ /app/src/522/
LABEL org.example.step522="step 522" version=$VERSION_522
RUN ["/bin/sh", "-c", "echo step 522 done"]
WORKDIR /app/522

# step 523: fetch and build
ARG VERSION_523=1.523
ENV PATH=/opt/tool523/bin:$PATH \
    TOOL_HOME="/opt/tool523"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_523}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/523/ /app/src/523/
LABEL org.example.step523="step 523" version=$VERSION_523
RUN ["/bin/sh", "-c", "echo step 523 done"]
WORKDIR /app/523

# step 524: fetch and build
ARG VERSION_524=1.524
ENV PATH=/opt/tool524/bin:$PATH \
    TOOL_HOME="/opt/tool524"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_524}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/524/ /app/src/524/
LABEL org.example.step524="step 524" version=$VERSION_524
RUN ["/bin/sh", "-c", "echo step 524 done"]
WORKDIR /app/524

# step 525: fetch and build
ARG VERSION_525=1.525
ENV PATH=/opt/tool525/bin:$PATH \
    TOOL_HOME="/opt/tool525"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_525}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/525/ /app/src/525/
LABEL org.example.step525="step 525" version=$VERSION_525
RUN ["/bin/sh", "-c", "echo step 525 done"]
WORKDIR /app/525

# step 526: fetch and build
ARG VERSION_526=1.526
ENV PATH=/opt/tool526/bin:$PATH \
    TOOL_HOME="/opt/tool526"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_526}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/526/ /app/src/526/
LABEL org.example.step526="step 526" version=$VERSION_526
RUN ["/bin/sh", "-c", "echo step 526 done"]
WORKDIR /app/526

# step 527: fetch and build
ARG VERSION_527=1.527
ENV PATH=/opt/tool527/bin:$PATH \
    TOOL_HOME="/opt/tool527"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_527}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/527/ /app/src/527/
LABEL org.example.step527="step 527" version=$VERSION_527
RUN ["/bin/sh", "-c", "echo step 527 done"]
WORKDIR /app/527

# step 528: fetch and build
ARG VERSION_528=1.528
ENV PATH=/opt/tool528/bin:$PATH \
    TOOL_HOME="/opt/tool528"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_528}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/528/ /app/src/528/
LABEL org.example.step528="step 528" version=$VERSION_528
RUN ["/bin/sh", "-c", "echo step 528 done"]
WORKDIR /app/528

# step 529: fetch and build
ARG VERSION_529=1.529
ENV PATH=/opt/tool529/bin:$PATH \
    TOOL_HOME="/opt/tool529"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_529}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/529/ /app/src/529/
LABEL org.example.step529="step 529" version=$VERSION_529
RUN ["/bin/sh", "-c", "echo step 529 done"]
WORKDIR /app/529

# step 530: fetch and build
ARG VERSION_530=1.530
ENV PATH=/opt/tool530/bin:$PATH \
    TOOL_HOME="/opt/tool530"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_530}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/530/ /app/src/530/
LABEL org.example.step530="step 530" version=$VERSION_530
RUN ["/bin/sh", "-c", "echo step 530 done"]
WORKDIR /app/530

# step 531: fetch and build
ARG VERSION_531=1.531
ENV PATH=/opt/tool531/bin:$PATH \
    TOOL_HOME="/opt/tool531"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_531}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/531/ /app/src/531/
LABEL org.example.step531="step 531" version=$VERSION_531
RUN ["/bin/sh", "-c", "echo step 531 done"]
WORKDIR /app/531

# step 532: fetch and build
ARG VERSION_532=1.532
ENV PATH=/opt/tool532/bin:$PATH \
    TOOL_HOME="/opt/tool532"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_532}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/532/ /app/src/532/
LABEL org.example.step532="step 532" version=$VERSION_532
RUN ["/bin/sh", "-c", "echo step 532 done"]
WORKDIR /app/532

# step 533: fetch and build
ARG VERSION_533=1.533
ENV PATH=/opt/tool533/bin:$PATH \
    TOOL_HOME="/opt/tool533"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_533}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/533/ /app/src/533/
LABEL org.example.step533="step 533" version=$VERSION_533
RUN ["/bin/sh", "-c", "echo step 533 done"]
WORKDIR /app/533

# step 534: fetch and build
ARG VERSION_534=1.534
ENV PATH=/opt/tool534/bin:$PATH \
    TOOL_HOME="/opt/tool534"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_534}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/534/ /app/src/534/
LABEL org.example.step534="step 534" version=$VERSION_534
RUN ["/bin/sh", "-c", "echo step 534 done"]
WORKDIR /app/534

# step 535: fetch and build
ARG VERSION_535=1.535
ENV PATH=/opt/tool535/bin:$PATH \
    TOOL_HOME="/opt/tool535"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_535}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/535/ /app/src/535/
LABEL org.example.step535="step 535" version=$VERSION_535
RUN ["/bin/sh", "-c", "echo step 535 done"]
WORKDIR /app/535

# step 536: fetch and build
ARG VERSION_536=1.536
ENV PATH=/opt/tool536/bin:$PATH \
    TOOL_HOME="/opt/tool536"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_536}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/536/ /app/src/536/
LABEL org.example.step536="step 536" version=$VERSION_536
RUN ["/bin/sh", "-c", "echo step 536 done"]
WORKDIR /app/536

# step 537: fetch and build
ARG VERSION_537=1.537
ENV PATH=/opt/tool537/bin:$PATH \
    TOOL_HOME="/opt/tool537"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_537}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/537/ /app/src/537/
LABEL org.example.step537="step 537" version=$VERSION_537
RUN ["/bin/sh", "-c", "echo step 537 done"]
WORKDIR /app/537

# step 538: fetch and build
ARG VERSION_538=1.538
ENV PATH=/opt/tool538/bin:$PATH \
    TOOL_HOME="/opt/tool538"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_538}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/538/ /app/src/538/
LABEL org.example.step538="step 538" version=$VERSION_538
RUN ["/bin/sh", "-c", "echo step 538 done"]
WORKDIR /app/538

# step 539: fetch and build
ARG VERSION_539=1.539
ENV PATH=/opt/tool539/bin:$PATH \
    TOOL_HOME="/opt/tool539"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_539}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/539/ /app/src/539/
LABEL org.example.step539="step 539" version=$VERSION_539
RUN ["/bin/sh", "-c", "echo step 539 done"]
WORKDIR /app/539

# step 540: fetch and build
ARG VERSION_540=1.540
ENV PATH=/opt/tool540/bin:$PATH \
    TOOL_HOME="/opt/tool540"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_540}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/540/ /app/src/540/
LABEL org.example.step540="step 540" version=$VERSION_540
RUN ["/bin/sh", "-c", "echo step 540 done"]
WORKDIR /app/540

# step 541: fetch and build
ARG VERSION_541=1.541
ENV PATH=/opt/tool541/bin:$PATH \
    TOOL_HOME="/opt/tool541"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_541}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/541/ /app/src/541/
LABEL org.example.step541="step 541" version=$VERSION_541
RUN ["/bin/sh", "-c", "echo step 541 done"]
WORKDIR /app/541

# step 542: fetch and build
ARG VERSION_542=1.542
ENV PATH=/opt/tool542/bin:$PATH \
    TOOL_HOME="/opt/tool542"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_542}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/542/ /app/src/542/
LABEL org.example.step542="step 542" version=$VERSION_542
RUN ["/bin/sh", "-c", "echo step 542 done"]
WORKDIR /app/542

# step 543: fetch and build
ARG VERSION_543=1.543
ENV PATH=/opt/tool543/bin:$PATH \
    TOOL_HOME="/opt/tool543"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_543}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/543/ /app/src/543/
LABEL org.example.step543="step 543" version=$VERSION_543
RUN ["/bin/sh", "-c", "echo step 543 done"]
WORKDIR /app/543

# step 544: fetch and build
ARG VERSION_544=1.544
ENV PATH=/opt/tool544/bin:$PATH \
    TOOL_HOME="/opt/tool544"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_544}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/544/ /app/src/544/
LABEL org.example.step544="step 544" version=$VERSION_544
RUN ["/bin/sh", "-c", "echo step 544 done"]
WORKDIR /app/544

# step 545: fetch and build
ARG VERSION_545=1.545
ENV PATH=/opt/tool545/bin:$PATH \
    TOOL_HOME="/opt/tool545"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_545}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/545/ /app/src/545/
LABEL org.example.step545="step 545" version=$VERSION_545
RUN ["/bin/sh", "-c", "echo step 545 done"]
WORKDIR /app/545

# step 546: fetch and build
ARG VERSION_546=1.546
ENV PATH=/opt/tool546/bin:$PATH \
    TOOL_HOME="/opt/tool546"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_546}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/546/ /app/src/546/
LABEL org.example.step546="step 546" version=$VERSION_546
RUN ["/bin/sh", "-c", "echo step 546 done"]
WORKDIR /app/546

# step 547: fetch and build
ARG VERSION_547=1.547
ENV PATH=/opt/tool547/bin:$PATH \
    TOOL_HOME="/opt/tool547"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_547}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/547/ /app/src/547/
LABEL org.example.step547="step 547" version=$VERSION_547
RUN ["/bin/sh", "-c", "echo step 547 done"]
WORKDIR /app/547

# step 548: fetch and build
ARG VERSION_548=1.548
ENV PATH=/opt/tool548/bin:$PATH \
    TOOL_HOME="/opt/tool548"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_548}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/548/ /app/src/548/
LABEL org.example.step548="step 548" version=$VERSION_548
RUN ["/bin/sh", "-c", "echo step 548 done"]
WORKDIR /app/548

# step 549: fetch and build
ARG VERSION_549=1.549
ENV PATH=/opt/tool549/bin:$PATH \
    TOOL_HOME="/opt/tool549"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_549}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/549/ /app/src/549/
LABEL org.example.step549="step 549" version=$VERSION_549
RUN ["/bin/sh", "-c", "echo step 549 done"]
WORKDIR /app/549

# step 550: fetch and build
ARG VERSION_550=1.550
ENV PATH=/opt/tool550/bin:$PATH \
    TOOL_HOME="/opt/tool550"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_550}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/550/ /app/src/550/
LABEL org.example.step550="step 550" version=$VERSION_550
RUN ["/bin/sh", "-c", "echo step 550 done"]
WORKDIR /app/550

# step 551: fetch and build
ARG VERSION_551=1.551
ENV PATH=/opt/tool551/bin:$PATH \
    TOOL_HOME="/opt/tool551"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_551}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/551/ /app/src/551/
LABEL org.example.step551="step 551" version=$VERSION_551
RUN ["/bin/sh", "-c", "echo step 551 done"]
WORKDIR /app/551

# step 552: fetch and build
ARG VERSION_552=1.552
ENV PATH=/opt/tool552/bin:$PATH \
    TOOL_HOME="/opt/tool552"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_552}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/552/ /app/src/552/
LABEL org.example.step552="step 552" version=$VERSION_552
RUN ["/bin/sh", "-c", "echo step 552 done"]
WORKDIR /app/552

# step 553: fetch and build
ARG VERSION_553=1.553
ENV PATH=/opt/tool553/bin:$PATH \
    TOOL_HOME="/opt/tool553"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_553}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/553/ /app/src/553/
LABEL org.example.step553="step 553" version=$VERSION_553
RUN ["/bin/sh", "-c", "echo step 553 done"]
WORKDIR /app/553

# step 554: fetch and build
ARG VERSION_554=1.554
ENV PATH=/opt/tool554/bin:$PATH \
    TOOL_HOME="/opt/tool554"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_554}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/554/ /app/src/554/
LABEL org.example.step554="step 554" version=$VERSION_554
RUN ["/bin/sh", "-c", "echo step 554 done"]
WORKDIR /app/554

# step 555: fetch and build
ARG VERSION_555=1.555
ENV PATH=/opt/tool555/bin:$PATH \
    TOOL_HOME="/opt/tool555"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_555}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/555/ /app/src/555/
LABEL org.example.step555="step 555" version=$VERSION_555
RUN ["/bin/sh", "-c", "echo step 555 done"]
WORKDIR /app/555

# step 556: fetch and build
ARG VERSION_556=1.556
ENV PATH=/opt/tool556/bin:$PATH \
    TOOL_HOME="/opt/tool556"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_556}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/556/ /app/src/556/
LABEL org.example.step556="step 556" version=$VERSION_556
RUN ["/bin/sh", "-c", "echo step 556 done"]
WORKDIR /app/556

# step 557: fetch and build
ARG VERSION_557=1.557
ENV PATH=/opt/tool557/bin:$PATH \
    TOOL_HOME="/opt/tool557"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_557}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/557/ /app/src/557/
LABEL org.example.step557="step 557" version=$VERSION_557
RUN ["/bin/sh", "-c", "echo step 557 done"]
WORKDIR /app/557

# step 558: fetch and build
ARG VERSION_558=1.558
ENV PATH=/opt/tool558/bin:$PATH \
    TOOL_HOME="/opt/tool558"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_558}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/558/ /app/src/558/
LABEL org.example.step558="step 558" version=$VERSION_558
RUN ["/bin/sh", "-c", "echo step 558 done"]
WORKDIR /app/558

# step 559: fetch and build
ARG VERSION_559=1.559
ENV PATH=/opt/tool559/bin:$PATH \
    TOOL_HOME="/opt/tool559"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_559}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/559/ /app/src/559/
LABEL org.example.step559="step 559" version=$VERSION_559
RUN ["/bin/sh", "-c", "echo step 559 done"]
WORKDIR /app/559

# step 560: fetch and build
ARG VERSION_560=1.560
ENV PATH=/opt/tool560/bin:$PATH \
    TOOL_HOME="/opt/tool560"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_560}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/560/ /app/src/560/
LABEL org.example.step560="step 560" version=$VERSION_560
RUN ["/bin/sh", "-c", "echo step 560 done"]
WORKDIR /app/560

# step 561: fetch and build
ARG VERSION_561=1.561
ENV PATH=/opt/tool561/bin:$PATH \
    TOOL_HOME="/opt/tool561"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_561}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/561/ /app/src/561/
LABEL org.example.step561="step 561" version=$VERSION_561
RUN ["/bin/sh", "-c", "echo step 561 done"]
WORKDIR /app/561

# step 562: fetch and build
ARG VERSION_562=1.562
ENV PATH=/opt/tool562/bin:$PATH \
    TOOL_HOME="/opt/tool562"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_562}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/562/ /app/src/562/
LABEL org.example.step562="step 562" version=$VERSION_562
RUN ["/bin/sh", "-c", "echo step 562 done"]
WORKDIR /app/562

# step 563: fetch and build
ARG VERSION_563=1.563
ENV PATH=/opt/tool563/bin:$PATH \
    TOOL_HOME="/opt/tool563"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_563}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/563/ /app/src/563/
LABEL org.example.step563="step 563" version=$VERSION_563
RUN ["/bin/sh", "-c", "echo step 563 done"]
WORKDIR /app/563

# step 564: fetch and build
ARG VERSION_564=1.564
ENV PATH=/opt/tool564/bin:$PATH \
    TOOL_HOME="/opt/tool564"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_564}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/564/ /app/src/564/
LABEL org.example.step564="step 564" version=$VERSION_564
RUN ["/bin/sh", "-c", "echo step 564 done"]
WORKDIR /app/564

# step 565: fetch and build
ARG VERSION_565=1.565
ENV PATH=/opt/tool565/bin:$PATH \
    TOOL_HOME="/opt/tool565"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_565}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/565/ /app/src/565/
LABEL org.example.step565="step 565" version=$VERSION_565
RUN ["/bin/sh", "-c", "echo step 565 done"]
WORKDIR /app/565

# step 566: fetch and build
ARG VERSION_566=1.566
ENV PATH=/opt/tool566/bin:$PATH \
    TOOL_HOME="/opt/tool566"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_566}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/566/ /app/src/566/
LABEL org.example.step566="step 566" version=$VERSION_566
RUN ["/bin/sh", "-c", "echo step 566 done"]
WORKDIR /app/566

# step 567: fetch and build
ARG VERSION_567=1.567
ENV PATH=/opt/tool567/bin:$PATH \
    TOOL_HOME="/opt/tool567"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_567}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/567/ /app/src/567/
LABEL org.example.step567="step 567" version=$VERSION_567
RUN ["/bin/sh", "-c", "echo step 567 done"]
WORKDIR /app/567

# step 568: fetch and build
ARG VERSION_568=1.568
ENV PATH=/opt/tool568/bin:$PATH \
    TOOL_HOME="/opt/tool568"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_568}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/568/ /app/src/568/
LABEL org.example.step568="step 568" version=$VERSION_568
RUN ["/bin/sh", "-c", "echo step 568 done"]
WORKDIR /app/568

# step 569: fetch and build
ARG VERSION_569=1.569
ENV PATH=/opt/tool569/bin:$PATH \
    TOOL_HOME="/opt/tool569"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_569}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/569/ /app/src/569/
LABEL org.example.step569="step 569" version=$VERSION_569
RUN ["/bin/sh", "-c", "echo step 569 done"]
WORKDIR /app/569

# step 570: fetch and build
ARG VERSION_570=1.570
ENV PATH=/opt/tool570/bin:$PATH \
    TOOL_HOME="/opt/tool570"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_570}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/570/ /app/src/570/
LABEL org.example.step570="step 570" version=$VERSION_570
RUN ["/bin/sh", "-c", "echo step 570 done"]
WORKDIR /app/570

# step 571: fetch and build
ARG VERSION_571=1.571
ENV PATH=/opt/tool571/bin:$PATH \
    TOOL_HOME="/opt/tool571"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_571}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/571/ /app/src/571/
LABEL org.example.step571="step 571" version=$VERSION_571
RUN ["/bin/sh", "-c", "echo step 571 done"]
WORKDIR /app/571

# step 572: fetch and build
ARG VERSION_572=1.572
ENV PATH=/opt/tool572/bin:$PATH \
    TOOL_HOME="/opt/tool572"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_572}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/572/ /app/src/572/
LABEL org.example.step572="step 572" version=$VERSION_572
RUN ["/bin/sh", "-c", "echo step 572 done"]
WORKDIR /app/572

# step 573: fetch and build
ARG VERSION_573=1.573
ENV PATH=/opt/tool573/bin:$PATH \
    TOOL_HOME="/opt/tool573"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_573}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/573/ /app/src/573/
LABEL org.example.step573="step 573" version=$VERSION_573
RUN ["/bin/sh", "-c", "echo step 573 done"]
WORKDIR /app/573

# step 574: fetch and build
ARG VERSION_574=1.574
ENV PATH=/opt/tool574/bin:$PATH \
    TOOL_HOME="/opt/tool574"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_574}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/574/ /app/src/574/
LABEL org.example.step574="step 574" version=$VERSION_574
RUN ["/bin/sh", "-c", "echo step 574 done"]
WORKDIR /app/574

# step 575: fetch and build
ARG VERSION_575=1.575
ENV PATH=/opt/tool575/bin:$PATH \
    TOOL_HOME="/opt/tool575"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_575}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/575/ /app/src/575/
LABEL org.example.step575="step 575" version=$VERSION_575
RUN ["/bin/sh", "-c", "echo step 575 done"]
WORKDIR /app/575

# step 576: fetch and build
ARG VERSION_576=1.576
ENV PATH=/opt/tool576/bin:$PATH \
    TOOL_HOME="/opt/tool576"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_576}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/576/ /app/src/576/
LABEL org.example.step576="step 576" version=$VERSION_576
RUN ["/bin/sh", "-c", "echo step 576 done"]
WORKDIR /app/576

# step 577: fetch and build
ARG VERSION_577=1.577
ENV PATH=/opt/tool577/bin:$PATH \
    TOOL_HOME="/opt/tool577"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_577}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/577/ /app/src/577/
LABEL org.example.step577="step 577" version=$VERSION_577
RUN ["/bin/sh", "-c", "echo step 577 done"]
WORKDIR /app/577

# step 578: fetch and build
ARG VERSION_578=1.578
ENV PATH=/opt/tool578/bin:$PATH \
    TOOL_HOME="/opt/tool578"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_578}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/578/ /app/src/578/
LABEL org.example.step578="step 578" version=$VERSION_578
RUN ["/bin/sh", "-c", "echo step 578 done"]
WORKDIR /app/578

# step 579: fetch and build
ARG VERSION_579=1.579
ENV PATH=/opt/tool579/bin:$PATH \
    TOOL_HOME="/opt/tool579"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_579}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/579/ /app/src/579/
LABEL org.example.step579="step 579" version=$VERSION_579
RUN ["/bin/sh", "-c", "echo step 579 done"]
WORKDIR /app/579

# step 580: fetch and build
ARG VERSION_580=1.580
ENV PATH=/opt/tool580/bin:$PATH \
    TOOL_HOME="/opt/tool580"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_580}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/580/ /app/src/580/
LABEL org.example.step580="step 580" version=$VERSION_580
RUN ["/bin/sh", "-c", "echo step 580 done"]
WORKDIR /app/580

# step 581: fetch and build
ARG VERSION_581=1.581
ENV PATH=/opt/tool581/bin:$PATH \
    TOOL_HOME="/opt/tool581"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_581}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/581/ /app/src/581/
LABEL org.example.step581="step 581" version=$VERSION_581
RUN ["/bin/sh", "-c", "echo step 581 done"]
WORKDIR /app/581

# step 582: fetch and build
ARG VERSION_582=1.582
ENV PATH=/opt/tool582/bin:$PATH \
    TOOL_HOME="/opt/tool582"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_582}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/582/ /app/src/582/
LABEL org.example.step582="step 582" version=$VERSION_582
RUN ["/bin/sh", "-c", "echo step 582 done"]
WORKDIR /app/582

# step 583: fetch and build
ARG VERSION_583=1.583
ENV PATH=/opt/tool583/bin:$PATH \
    TOOL_HOME="/opt/tool583"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_583}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/583/ /app/src/583/
LABEL org.example.step583="step 583" version=$VERSION_583
RUN ["/bin/sh", "-c", "echo step 583 done"]
WORKDIR /app/583

# step 584: fetch and build
ARG VERSION_584=1.584
ENV PATH=/opt/tool584/bin:$PATH \
    TOOL_HOME="/opt/tool584"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_584}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/584/ /app/src/584/
LABEL org.example.step584="step 584" version=$VERSION_584
RUN ["/bin/sh", "-c", "echo step 584 done"]
WORKDIR /app/584

# step 585: fetch and build
ARG VERSION_585=1.585
ENV PATH=/opt/tool585/bin:$PATH \
    TOOL_HOME="/opt/tool585"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_585}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/585/ /app/src/585/
LABEL org.example.step585="step 585" version=$VERSION_585
RUN ["/bin/sh", "-c", "echo step 585 done"]
WORKDIR /app/585

# step 586: fetch and build
ARG VERSION_586=1.586
ENV PATH=/opt/tool586/bin:$PATH \
    TOOL_HOME="/opt/tool586"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_586}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/586/ /app/src/586/
LABEL org.example.step586="step 586" version=$VERSION_586
RUN ["/bin/sh", "-c", "echo step 586 done"]
WORKDIR /app/586

# step 587: fetch and build
ARG VERSION_587=1.587
ENV PATH=/opt/tool587/bin:$PATH \
    TOOL_HOME="/opt/tool587"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_587}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/587/ /app/src/587/
LABEL org.example.step587="step 587" version=$VERSION_587
RUN ["/bin/sh", "-c", "echo step 587 done"]
WORKDIR /app/587

# step 588: fetch and build
ARG VERSION_588=1.588
ENV PATH=/opt/tool588/bin:$PATH \
    TOOL_HOME="/opt/tool588"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_588}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/588/ /app/src/588/
LABEL org.example.step588="step 588" version=$VERSION_588
RUN ["/bin/sh", "-c", "echo step 588 done"]
WORKDIR /app/588

# step 589: fetch and build
ARG VERSION_589=1.589
ENV PATH=/opt/tool589/bin:$PATH \
    TOOL_HOME="/opt/tool589"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_589}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/589/ /app/src/589/
LABEL org.example.step589="step 589" version=$VERSION_589
RUN ["/bin/sh", "-c", "echo step 589 done"]
WORKDIR /app/589

# step 590: fetch and build
ARG VERSION_590=1.590
ENV PATH=/opt/tool590/bin:$PATH \
    TOOL_HOME="/opt/tool590"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_590}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/590/ /app/src/590/
LABEL org.example.step590="step 590" version=$VERSION_590
RUN ["/bin/sh", "-c", "echo step 590 done"]
WORKDIR /app/590

# step 591: fetch and build
ARG VERSION_591=1.591
ENV PATH=/opt/tool591/bin:$PATH \
    TOOL_HOME="/opt/tool591"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_591}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/591/ /app/src/591/
LABEL org.example.step591="step 591" version=$VERSION_591
RUN ["/bin/sh", "-c", "echo step 591 done"]
WORKDIR /app/591

# step 592: fetch and build
ARG VERSION_592=1.592
ENV PATH=/opt/tool592/bin:$PATH \
    TOOL_HOME="/opt/tool592"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_592}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/592/ /app/src/592/
LABEL org.example.step592="step 592" version=$VERSION_592
RUN ["/bin/sh", "-c", "echo step 592 done"]
WORKDIR /app/592

# step 593: fetch and build
ARG VERSION_593=1.593
ENV PATH=/opt/tool593/bin:$PATH \
    TOOL_HOME="/opt/tool593"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_593}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/593/ /app/src/593/
LABEL org.example.step593="step 593" version=$VERSION_593
RUN ["/bin/sh", "-c", "echo step 593 done"]
WORKDIR /app/593

# step 594: fetch and build
ARG VERSION_594=1.594
ENV PATH=/opt/tool594/bin:$PATH \
    TOOL_HOME="/opt/tool594"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_594}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/594/ /app/src/594/
LABEL org.example.step594="step 594" version=$VERSION_594
RUN ["/bin/sh", "-c", "echo step 594 done"]
WORKDIR /app/594

# step 595: fetch and build
ARG VERSION_595=1.595
ENV PATH=/opt/tool595/bin:$PATH \
    TOOL_HOME="/opt/tool595"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_595}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/595/ /app/src/595/
LABEL org.example.step595="step 595" version=$VERSION_595
RUN ["/bin/sh", "-c", "echo step 595 done"]
WORKDIR /app/595

# step 596: fetch and build
ARG VERSION_596=1.596
ENV PATH=/opt/tool596/bin:$PATH \
    TOOL_HOME="/opt/tool596"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_596}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/596/ /app/src/596/
LABEL org.example.step596="step 596" version=$VERSION_596
RUN ["/bin/sh", "-c", "echo step 596 done"]
WORKDIR /app/596

# step 597: fetch and build
ARG VERSION_597=1.597
ENV PATH=/opt/tool597/bin:$PATH \
    TOOL_HOME="/opt/tool597"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_597}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/597/ /app/src/597/
LABEL org.example.step597="step 597" version=$VERSION_597
RUN ["/bin/sh", "-c", "echo step 597 done"]
WORKDIR /app/597

# step 598: fetch and build
ARG VERSION_598=1.598
ENV PATH=/opt/tool598/bin:$PATH \
    TOOL_HOME="/opt/tool598"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_598}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/598/ /app/src/598/
LABEL org.example.step598="step 598" version=$VERSION_598
RUN ["/bin/sh", "-c", "echo step 598 done"]
WORKDIR /app/598

# step 599: fetch and build
ARG VERSION_599=1.599
ENV PATH=/opt/tool599/bin:$PATH \
    TOOL_HOME="/opt/tool599"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_599}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/599/ /app/src/599/
LABEL org.example.step599="step 599" version=$VERSION_599
RUN ["/bin/sh", "-c", "echo step 599 done"]
WORKDIR /app/599

# step 600: fetch and build
ARG VERSION_600=1.600
ENV PATH=/opt/tool600/bin:$PATH \
    TOOL_HOME="/opt/tool600"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_600}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/600/ /app/src/600/
LABEL org.example.step600="step 600" version=$VERSION_600
RUN ["/bin/sh", "-c", "echo step 600 done"]
WORKDIR /app/600

# step 601: fetch and build
ARG VERSION_601=1.601
ENV PATH=/opt/tool601/bin:$PATH \
    TOOL_HOME="/opt/tool601"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_601}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/601/ /app/src/601/
LABEL org.example.step601="step 601" version=$VERSION_601
RUN ["/bin/sh", "-c", "echo step 601 done"]
WORKDIR /app/601

# step 602: fetch and build
ARG VERSION_602=1.602
ENV PATH=/opt/tool602/bin:$PATH \
    TOOL_HOME="/opt/tool602"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_602}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/602/ /app/src/602/
LABEL org.example.step602="step 602" version=$VERSION_602
RUN ["/bin/sh", "-c", "echo step 602 done"]
WORKDIR /app/602

# step 603: fetch and build
ARG VERSION_603=1.603
ENV PATH=/opt/tool603/bin:$PATH \
    TOOL_HOME="/opt/tool603"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_603}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/603/ /app/src/603/
LABEL org.example.step603="step 603" version=$VERSION_603
RUN ["/bin/sh", "-c", "echo step 603 done"]
WORKDIR /app/603

# step 604: fetch and build
ARG VERSION_604=1.604
ENV PATH=/opt/tool604/bin:$PATH \
    TOOL_HOME="/opt/tool604"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_604}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/604/ /app/src/604/
LABEL org.example.step604="step 604" version=$VERSION_604
RUN ["/bin/sh", "-c", "echo step 604 done"]
WORKDIR /app/604

# step 605: fetch and build
ARG VERSION_605=1.605
ENV PATH=/opt/tool605/bin:$PATH \
    TOOL_HOME="/opt/tool605"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_605}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/605/ /app/src/605/
LABEL org.example.step605="step 605" version=$VERSION_605
RUN ["/bin/sh", "-c", "echo step 605 done"]
WORKDIR /app/605

# step 606: fetch and build
ARG VERSION_606=1.606
ENV PATH=/opt/tool606/bin:$PATH \
    TOOL_HOME="/opt/tool606"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_606}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/606/ /app/src/606/
LABEL org.example.step606="step 606" version=$VERSION_606
RUN ["/bin/sh", "-c", "echo step 606 done"]
WORKDIR /app/606

# step 607: fetch and build
ARG VERSION_607=1.607
ENV PATH=/opt/tool607/bin:$PATH \
    TOOL_HOME="/opt/tool607"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_607}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/607/ /app/src/607/
LABEL org.example.step607="step 607" version=$VERSION_607
RUN ["/bin/sh", "-c", "echo step 607 done"]
WORKDIR /app/607

# step 608: fetch and build
ARG VERSION_608=1.608
ENV PATH=/opt/tool608/bin:$PATH \
    TOOL_HOME="/opt/tool608"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_608}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/608/ /app/src/608/
LABEL org.example.step608="step 608" version=$VERSION_608
RUN ["/bin/sh", "-c", "echo step 608 done"]
WORKDIR /app/608

# step 609: fetch and build
ARG VERSION_609=1.609
ENV PATH=/opt/tool609/bin:$PATH \
    TOOL_HOME="/opt/tool609"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_609}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/609/ /app/src/609/
LABEL org.example.step609="step 609" version=$VERSION_609
RUN ["/bin/sh", "-c", "echo step 609 done"]
WORKDIR /app/609

# step 610: fetch and build
ARG VERSION_610=1.610
ENV PATH=/opt/tool610/bin:$PATH \
    TOOL_HOME="/opt/tool610"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_610}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/610/ /app/src/610/
LABEL org.example.step610="step 610" version=$VERSION_610
RUN ["/bin/sh", "-c", "echo step 610 done"]
WORKDIR /app/610

# step 611: fetch and build
ARG VERSION_611=1.611
ENV PATH=/opt/tool611/bin:$PATH \
    TOOL_HOME="/opt/tool611"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_611}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/611/ /app/src/611/
LABEL org.example.step611="step 611" version=$VERSION_611
RUN ["/bin/sh", "-c", "echo step 611 done"]
WORKDIR /app/611

# step 612: fetch and build
ARG VERSION_612=1.612
ENV PATH=/opt/tool612/bin:$PATH \
    TOOL_HOME="/opt/tool612"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_612}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/612/ /app/src/612/
LABEL org.example.step612="step 612" version=$VERSION_612
RUN ["/bin/sh", "-c", "echo step 612 done"]
WORKDIR /app/612

# step 613: fetch and build
ARG VERSION_613=1.613
ENV PATH=/opt/tool613/bin:$PATH \
    TOOL_HOME="/opt/tool613"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_613}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/613/ /app/src/613/
LABEL org.example.step613="step 613" version=$VERSION_613
RUN ["/bin/sh", "-c", "echo step 613 done"]
WORKDIR /app/613

# step 614: fetch and build
ARG VERSION_614=1.614
ENV PATH=/opt/tool614/bin:$PATH \
    TOOL_HOME="/opt/tool614"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_614}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/614/ /app/src/614/
LABEL org.example.step614="step 614" version=$VERSION_614
RUN ["/bin/sh", "-c", "echo step 614 done"]
WORKDIR /app/614

# step 615: fetch and build
ARG VERSION_615=1.615
ENV PATH=/opt/tool615/bin:$PATH \
    TOOL_HOME="/opt/tool615"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_615}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/615/ /app/src/615/
LABEL org.example.step615="step 615" version=$VERSION_615
RUN ["/bin/sh", "-c", "echo step 615 done"]
WORKDIR /app/615

# step 616: fetch and build
ARG VERSION_616=1.616
ENV PATH=/opt/tool616/bin:$PATH \
    TOOL_HOME="/opt/tool616"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_616}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/616/ /app/src/616/
LABEL org.example.step616="step 616" version=$VERSION_616
RUN ["/bin/sh", "-c", "echo step 616 done"]
WORKDIR /app/616

# step 617: fetch and build
ARG VERSION_617=1.617
ENV PATH=/opt/tool617/bin:$PATH \
    TOOL_HOME="/opt/tool617"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_617}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/617/ /app/src/617/
LABEL org.example.step617="step 617" version=$VERSION_617
RUN ["/bin/sh", "-c", "echo step 617 done"]
WORKDIR /app/617

# step 618: fetch and build
ARG VERSION_618=1.618
ENV PATH=/opt/tool618/bin:$PATH \
    TOOL_HOME="/opt/tool618"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_618}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/618/ /app/src/618/
LABEL org.example.step618="step 618" version=$VERSION_618
RUN ["/bin/sh", "-c", "echo step 618 done"]
WORKDIR /app/618

# step 619: fetch and build
ARG VERSION_619=1.619
ENV PATH=/opt/tool619/bin:$PATH \
    TOOL_HOME="/opt/tool619"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_619}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/619/ /app/src/619/
LABEL org.example.step619="step 619" version=$VERSION_619
RUN ["/bin/sh", "-c", "echo step 619 done"]
WORKDIR /app/619

# step 620: fetch and build
ARG VERSION_620=1.620
ENV PATH=/opt/tool620/bin:$PATH \
    TOOL_HOME="/opt/tool620"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_620}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/620/ /app/src/620/
LABEL org.example.step620="step 620" version=$VERSION_620
RUN ["/bin/sh", "-c", "echo step 620 done"]
WORKDIR /app/620

# step 621: fetch and build
ARG VERSION_621=1.621
ENV PATH=/opt/tool621/bin:$PATH \
    TOOL_HOME="/opt/tool621"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_621}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/621/ /app/src/621/
LABEL org.example.step621="step 621" version=$VERSION_621
RUN ["/bin/sh", "-c", "echo step 621 done"]
WORKDIR /app/621

# step 622: fetch and build
ARG VERSION_622=1.622
ENV PATH=/opt/tool622/bin:$PATH \
    TOOL_HOME="/opt/tool622"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_622}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/622/ /app/src/622/
LABEL org.example.step622="step 622" version=$VERSION_622
RUN ["/bin/sh", "-c", "echo step 622 done"]
WORKDIR /app/622

# step 623: fetch and build
ARG VERSION_623=1.623
ENV PATH=/opt/tool623/bin:$PATH \
    TOOL_HOME="/opt/tool623"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_623}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/623/ /app/src/623/
LABEL org.example.step623="step 623" version=$VERSION_623
RUN ["/bin/sh", "-c", "echo step 623 done"]
WORKDIR /app/623

# step 624: fetch and build
ARG VERSION_624=1.624
ENV PATH=/opt/tool624/bin:$PATH \
    TOOL_HOME="/opt/tool624"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_624}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/624/ /app/src/624/
LABEL org.example.step624="step 624" version=$VERSION_624
RUN ["/bin/sh", "-c", "echo step 624 done"]
WORKDIR /app/624

# step 625: fetch and build
ARG VERSION_625=1.625
ENV PATH=/opt/tool625/bin:$PATH \
    TOOL_HOME="/opt/tool625"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_625}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/625/ /app/src/625/
LABEL org.example.step625="step 625" version=$VERSION_625
RUN ["/bin/sh", "-c", "echo step 625 done"]
WORKDIR /app/625

# step 626: fetch and build
ARG VERSION_626=1.626
ENV PATH=/opt/tool626/bin:$PATH \
    TOOL_HOME="/opt/tool626"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_626}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/626/ /app/src/626/
LABEL org.example.step626="step 626" version=$VERSION_626
RUN ["/bin/sh", "-c", "echo step 626 done"]
WORKDIR /app/626

# step 627: fetch and build
ARG VERSION_627=1.627
ENV PATH=/opt/tool627/bin:$PATH \
    TOOL_HOME="/opt/tool627"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_627}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/627/ /app/src/627/
LABEL org.example.step627="step 627" version=$VERSION_627
RUN ["/bin/sh", "-c", "echo step 627 done"]
WORKDIR /app/627

# step 628: fetch and build
ARG VERSION_628=1.628
ENV PATH=/opt/tool628/bin:$PATH \
    TOOL_HOME="/opt/tool628"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_628}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/628/ /app/src/628/
LABEL org.example.step628="step 628" version=$VERSION_628
RUN ["/bin/sh", "-c", "echo step 628 done"]
WORKDIR /app/628

# step 629: fetch and build
ARG VERSION_629=1.629
ENV PATH=/opt/tool629/bin:$PATH \
    TOOL_HOME="/opt/tool629"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_629}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/629/ /app/src/629/
LABEL org.example.step629="step 629" version=$VERSION_629
RUN ["/bin/sh", "-c", "echo step 629 done"]
WORKDIR /app/629

# step 630: fetch and build
ARG VERSION_630=1.630
ENV PATH=/opt/tool630/bin:$PATH \
    TOOL_HOME="/opt/tool630"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_630}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/630/ /app/src/630/
LABEL org.example.step630="step 630" version=$VERSION_630
RUN ["/bin/sh", "-c", "echo step 630 done"]
WORKDIR /app/630

# step 631: fetch and build
ARG VERSION_631=1.631
ENV PATH=/opt/tool631/bin:$PATH \
    TOOL_HOME="/opt/tool631"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_631}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/631/ /app/src/631/
LABEL org.example.step631="step 631" version=$VERSION_631
RUN ["/bin/sh", "-c", "echo step 631 done"]
WORKDIR /app/631

# step 632: fetch and build
ARG VERSION_632=1.632
ENV PATH=/opt/tool632/bin:$PATH \
    TOOL_HOME="/opt/tool632"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_632}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/632/ /app/src/632/
LABEL org.example.step632="step 632" version=$VERSION_632
RUN ["/bin/sh", "-c", "echo step 632 done"]
WORKDIR /app/632

# step 633: fetch and build
ARG VERSION_633=1.633
ENV PATH=/opt/tool633/bin:$PATH \
    TOOL_HOME="/opt/tool633"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_633}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/633/ /app/src/633/
LABEL org.example.step633="step 633" version=$VERSION_633
RUN ["/bin/sh", "-c", "echo step 633 done"]
WORKDIR /app/633

# step 634: fetch and build
ARG VERSION_634=1.634
ENV PATH=/opt/tool634/bin:$PATH \
    TOOL_HOME="/opt/tool634"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_634}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/634/ /app/src/634/
LABEL org.example.step634="step 634" version=$VERSION_634
RUN ["/bin/sh", "-c", "echo step 634 done"]
WORKDIR /app/634

# step 635: fetch and build
ARG VERSION_635=1.635
ENV PATH=/opt/tool635/bin:$PATH \
    TOOL_HOME="/opt/tool635"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_635}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/635/ /app/src/635/
LABEL org.example.step635="step 635" version=$VERSION_635
RUN ["/bin/sh", "-c", "echo step 635 done"]
WORKDIR /app/635

# step 636: fetch and build
ARG VERSION_636=1.636
ENV PATH=/opt/tool636/bin:$PATH \
    TOOL_HOME="/opt/tool636"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_636}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/636/ /app/src/636/
LABEL org.example.step636="step 636" version=$VERSION_636
RUN ["/bin/sh", "-c", "echo step 636 done"]
WORKDIR /app/636

# step 637: fetch and build
ARG VERSION_637=1.637
ENV PATH=/opt/tool637/bin:$PATH \
    TOOL_HOME="/opt/tool637"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_637}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/637/ /app/src/637/
LABEL org.example.step637="step 637" version=$VERSION_637
RUN ["/bin/sh", "-c", "echo step 637 done"]
WORKDIR /app/637

# step 638: fetch and build
ARG VERSION_638=1.638
ENV PATH=/opt/tool638/bin:$PATH \
    TOOL_HOME="/opt/tool638"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_638}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/638/ /app/src/638/
LABEL org.example.step638="step 638" version=$VERSION_638
RUN ["/bin/sh", "-c", "echo step 638 done"]
WORKDIR /app/638

# step 639: fetch and build
ARG VERSION_639=1.639
ENV PATH=/opt/tool639/bin:$PATH \
    TOOL_HOME="/opt/tool639"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_639}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/639/ /app/src/639/
LABEL org.example.step639="step 639" version=$VERSION_639
RUN ["/bin/sh", "-c", "echo step 639 done"]
WORKDIR /app/639

# step 640: fetch and build
ARG VERSION_640=1.640
ENV PATH=/opt/tool640/bin:$PATH \
    TOOL_HOME="/opt/tool640"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_640}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/640/ /app/src/640/
LABEL org.example.step640="step 640" version=$VERSION_640
RUN ["/bin/sh", "-c", "echo step 640 done"]
WORKDIR /app/640

# step 641: fetch and build
ARG VERSION_641=1.641
ENV PATH=/opt/tool641/bin:$PATH \
    TOOL_HOME="/opt/tool641"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_641}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/641/ /app/src/641/
LABEL org.example.step641="step 641" version=$VERSION_641
RUN ["/bin/sh", "-c", "echo step 641 done"]
WORKDIR /app/641

# step 642: fetch and build
ARG VERSION_642=1.642
ENV PATH=/opt/tool642/bin:$PATH \
    TOOL_HOME="/opt/tool642"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_642}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/642/ /app/src/642/
LABEL org.example.step642="step 642" version=$VERSION_642
RUN ["/bin/sh", "-c", "echo step 642 done"]
WORKDIR /app/642

# step 643: fetch and build
ARG VERSION_643=1.643
ENV PATH=/opt/tool643/bin:$PATH \
    TOOL_HOME="/opt/tool643"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_643}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/643/ /app/src/643/
LABEL org.example.step643="step 643" version=$VERSION_643
RUN ["/bin/sh", "-c", "echo step 643 done"]
WORKDIR /app/643

# step 644: fetch and build
ARG VERSION_644=1.644
ENV PATH=/opt/tool644/bin:$PATH \
    TOOL_HOME="/opt/tool644"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_644}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/644/ /app/src/644/
LABEL org.example.step644="step 644" version=$VERSION_644
RUN ["/bin/sh", "-c", "echo step 644 done"]
WORKDIR /app/644

# step 645: fetch and build
ARG VERSION_645=1.645
ENV PATH=/opt/tool645/bin:$PATH \
    TOOL_HOME="/opt/tool645"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_645}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/645/ /app/src/645/
LABEL org.example.step645="step 645" version=$VERSION_645
RUN ["/bin/sh", "-c", "echo step 645 done"]
WORKDIR /app/645

# step 646: fetch and build
ARG VERSION_646=1.646
ENV PATH=/opt/tool646/bin:$PATH \
    TOOL_HOME="/opt/tool646"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_646}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/646/ /app/src/646/
LABEL org.example.step646="step 646" version=$VERSION_646
RUN ["/bin/sh", "-c", "echo step 646 done"]
WORKDIR /app/646

# step 647: fetch and build
ARG VERSION_647=1.647
ENV PATH=/opt/tool647/bin:$PATH \
    TOOL_HOME="/opt/tool647"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_647}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/647/ /app/src/647/
LABEL org.example.step647="step 647" version=$VERSION_647
RUN ["/bin/sh", "-c", "echo step 647 done"]
WORKDIR /app/647

# step 648: fetch and build
ARG VERSION_648=1.648
ENV PATH=/opt/tool648/bin:$PATH \
    TOOL_HOME="/opt/tool648"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_648}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/648/ /app/src/648/
LABEL org.example.step648="step 648" version=$VERSION_648
RUN ["/bin/sh", "-c", "echo step 648 done"]
WORKDIR /app/648

# step 649: fetch and build
ARG VERSION_649=1.649
ENV PATH=/opt/tool649/bin:$PATH \
    TOOL_HOME="/opt/tool649"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_649}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/649/ /app/src/649/
LABEL org.example.step649="step 649" version=$VERSION_649
RUN ["/bin/sh", "-c", "echo step 649 done"]
WORKDIR /app/649

# step 650: fetch and build
ARG VERSION_650=1.650
ENV PATH=/opt/tool650/bin:$PATH \
    TOOL_HOME="/opt/tool650"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_650}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/650/ /app/src/650/
LABEL org.example.step650="step 650" version=$VERSION_650
RUN ["/bin/sh", "-c", "echo step 650 done"]
WORKDIR /app/650

# step 651: fetch and build
ARG VERSION_651=1.651
ENV PATH=/opt/tool651/bin:$PATH \
    TOOL_HOME="/opt/tool651"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_651}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/651/ /app/src/651/
LABEL org.example.step651="step 651" version=$VERSION_651
RUN ["/bin/sh", "-c", "echo step 651 done"]
WORKDIR /app/651

# step 652: fetch and build
ARG VERSION_652=1.652
ENV PATH=/opt/tool652/bin:$PATH \
    TOOL_HOME="/opt/tool652"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_652}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/652/ /app/src/652/
LABEL org.example.step652="step 652" version=$VERSION_652
RUN ["/bin/sh", "-c", "echo step 652 done"]
WORKDIR /app/652

# step 653: fetch and build
ARG VERSION_653=1.653
ENV PATH=/opt/tool653/bin:$PATH \
    TOOL_HOME="/opt/tool653"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_653}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/653/ /app/src/653/
LABEL org.example.step653="step 653" version=$VERSION_653
RUN ["/bin/sh", "-c", "echo step 653 done"]
WORKDIR /app/653

# step 654: fetch and build
ARG VERSION_654=1.654
ENV PATH=/opt/tool654/bin:$PATH \
    TOOL_HOME="/opt/tool654"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_654}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/654/ /app/src/654/
LABEL org.example.step654="step 654" version=$VERSION_654
RUN ["/bin/sh", "-c", "echo step 654 done"]
WORKDIR /app/654

# step 655: fetch and build
ARG VERSION_655=1.655
ENV PATH=/opt/tool655/bin:$PATH \
    TOOL_HOME="/opt/tool655"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_655}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/655/ /app/src/655/
LABEL org.example.step655="step 655" version=$VERSION_655
RUN ["/bin/sh", "-c", "echo step 655 done"]
WORKDIR /app/655

# step 656: fetch and build
ARG VERSION_656=1.656
ENV PATH=/opt/tool656/bin:$PATH \
    TOOL_HOME="/opt/tool656"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_656}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/656/ /app/src/656/
LABEL org.example.step656="step 656" version=$VERSION_656
RUN ["/bin/sh", "-c", "echo step 656 done"]
WORKDIR /app/656

# step 657: fetch and build
ARG VERSION_657=1.657
ENV PATH=/opt/tool657/bin:$PATH \
    TOOL_HOME="/opt/tool657"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_657}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/657/ /app/src/657/
LABEL org.example.step657="step 657" version=$VERSION_657
RUN ["/bin/sh", "-c", "echo step 657 done"]
WORKDIR /app/657

# step 658: fetch and build
ARG VERSION_658=1.658
ENV PATH=/opt/tool658/bin:$PATH \
    TOOL_HOME="/opt/tool658"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_658}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/658/ /app/src/658/
LABEL org.example.step658="step 658" version=$VERSION_658
RUN ["/bin/sh", "-c", "echo step 658 done"]
WORKDIR /app/658

# step 659: fetch and build
ARG VERSION_659=1.659
ENV PATH=/opt/tool659/bin:$PATH \
    TOOL_HOME="/opt/tool659"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_659}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/659/ /app/src/659/
LABEL org.example.step659="step 659" version=$VERSION_659
RUN ["/bin/sh", "-c", "echo step 659 done"]
WORKDIR /app/659

# step 660: fetch and build
ARG VERSION_660=1.660
ENV PATH=/opt/tool660/bin:$PATH \
    TOOL_HOME="/opt/tool660"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_660}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/660/ /app/src/660/
LABEL org.example.step660="step 660" version=$VERSION_660
RUN ["/bin/sh", "-c", "echo step 660 done"]
WORKDIR /app/660

# step 661: fetch and build
ARG VERSION_661=1.661
ENV PATH=/opt/tool661/bin:$PATH \
    TOOL_HOME="/opt/tool661"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_661}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/661/ /app/src/661/
LABEL org.example.step661="step 661" version=$VERSION_661
RUN ["/bin/sh", "-c", "echo step 661 done"]
WORKDIR /app/661

# step 662: fetch and build
ARG VERSION_662=1.662
ENV PATH=/opt/tool662/bin:$PATH \
    TOOL_HOME="/opt/tool662"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_662}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/662/ /app/src/662/
LABEL org.example.step662="step 662" version=$VERSION_662
RUN ["/bin/sh", "-c", "echo step 662 done"]
WORKDIR /app/662

# step 663: fetch and build
ARG VERSION_663=1.663
ENV PATH=/opt/tool663/bin:$PATH \
    TOOL_HOME="/opt/tool663"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_663}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/663/ /app/src/663/
LABEL org.example.step663="step 663" version=$VERSION_663
RUN ["/bin/sh", "-c", "echo step 663 done"]
WORKDIR /app/663

# step 664: fetch and build
ARG VERSION_664=1.664
ENV PATH=/opt/tool664/bin:$PATH \
    TOOL_HOME="/opt/tool664"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_664}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/664/ /app/src/664/
LABEL org.example.step664="step 664" version=$VERSION_664
RUN ["/bin/sh", "-c", "echo step 664 done"]
WORKDIR /app/664

# step 665: fetch and build
ARG VERSION_665=1.665
ENV PATH=/opt/tool665/bin:$PATH \
    TOOL_HOME="/opt/tool665"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_665}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/665/ /app/src/665/
LABEL org.example.step665="step 665" version=$VERSION_665
RUN ["/bin/sh", "-c", "echo step 665 done"]
WORKDIR /app/665

# step 666: fetch and build
ARG VERSION_666=1.666
ENV PATH=/opt/tool666/bin:$PATH \
    TOOL_HOME="/opt/tool666"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_666}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/666/ /app/src/666/
LABEL org.example.step666="step 666" version=$VERSION_666
RUN ["/bin/sh", "-c", "echo step 666 done"]
WORKDIR /app/666

# step 667: fetch and build
ARG VERSION_667=1.667
ENV PATH=/opt/tool667/bin:$PATH \
    TOOL_HOME="/opt/tool667"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_667}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/667/ /app/src/667/
LABEL org.example.step667="step 667" version=$VERSION_667
RUN ["/bin/sh", "-c", "echo step 667 done"]
WORKDIR /app/667

# step 668: fetch and build
ARG VERSION_668=1.668
ENV PATH=/opt/tool668/bin:$PATH \
    TOOL_HOME="/opt/tool668"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_668}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/668/ /app/src/668/
LABEL org.example.step668="step 668" version=$VERSION_668
RUN ["/bin/sh", "-c", "echo step 668 done"]
WORKDIR /app/668

# step 669: fetch and build
ARG VERSION_669=1.669
ENV PATH=/opt/tool669/bin:$PATH \
    TOOL_HOME="/opt/tool669"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_669}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/669/ /app/src/669/
LABEL org.example.step669="step 669" version=$VERSION_669
RUN ["/bin/sh", "-c", "echo step 669 done"]
WORKDIR /app/669

# step 670: fetch and build
ARG VERSION_670=1.670
ENV PATH=/opt/tool670/bin:$PATH \
    TOOL_HOME="/opt/tool670"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_670}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/670/ /app/src/670/
LABEL org.example.step670="step 670" version=$VERSION_670
RUN ["/bin/sh", "-c", "echo step 670 done"]
WORKDIR /app/670

# step 671: fetch and build
ARG VERSION_671=1.671
ENV PATH=/opt/tool671/bin:$PATH \
    TOOL_HOME="/opt/tool671"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_671}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/671/ /app/src/671/
LABEL org.example.step671="step 671" version=$VERSION_671
RUN ["/bin/sh", "-c", "echo step 671 done"]
WORKDIR /app/671

# step 672: fetch and build
ARG VERSION_672=1.672
ENV PATH=/opt/tool672/bin:$PATH \
    TOOL_HOME="/opt/tool672"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_672}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/672/ /app/src/672/
LABEL org.example.step672="step 672" version=$VERSION_672
RUN ["/bin/sh", "-c", "echo step 672 done"]
WORKDIR /app/672

# step 673: fetch and build
ARG VERSION_673=1.673
ENV PATH=/opt/tool673/bin:$PATH \
    TOOL_HOME="/opt/tool673"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_673}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/673/ /app/src/673/
LABEL org.example.step673="step 673" version=$VERSION_673
RUN ["/bin/sh", "-c", "echo step 673 done"]
WORKDIR /app/673

# step 674: fetch and build
ARG VERSION_674=1.674
ENV PATH=/opt/tool674/bin:$PATH \
    TOOL_HOME="/opt/tool674"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_674}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/674/ /app/src/674/
LABEL org.example.step674="step 674" version=$VERSION_674
RUN ["/bin/sh", "-c", "echo step 674 done"]
WORKDIR /app/674

# step 675: fetch and build
ARG VERSION_675=1.675
ENV PATH=/opt/tool675/bin:$PATH \
    TOOL_HOME="/opt/tool675"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_675}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/675/ /app/src/675/
LABEL org.example.step675="step 675" version=$VERSION_675
RUN ["/bin/sh", "-c", "echo step 675 done"]
WORKDIR /app/675

# step 676: fetch and build
ARG VERSION_676=1.676
ENV PATH=/opt/tool676/bin:$PATH \
    TOOL_HOME="/opt/tool676"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_676}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/676/ /app/src/676/
LABEL org.example.step676="step 676" version=$VERSION_676
RUN ["/bin/sh", "-c", "echo step 676 done"]
WORKDIR /app/676

# step 677: fetch and build
ARG VERSION_677=1.677
ENV PATH=/opt/tool677/bin:$PATH \
    TOOL_HOME="/opt/tool677"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_677}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/677/ /app/src/677/
LABEL org.example.step677="step 677" version=$VERSION_677
RUN ["/bin/sh", "-c", "echo step 677 done"]
WORKDIR /app/677

# step 678: fetch and build
ARG VERSION_678=1.678
ENV PATH=/opt/tool678/bin:$PATH \
    TOOL_HOME="/opt/tool678"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_678}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/678/ /app/src/678/
LABEL org.example.step678="step 678" version=$VERSION_678
RUN ["/bin/sh", "-c", "echo step 678 done"]
WORKDIR /app/678

# step 679: fetch and build
ARG VERSION_679=1.679
ENV PATH=/opt/tool679/bin:$PATH \
    TOOL_HOME="/opt/tool679"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_679}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/679/ /app/src/679/
LABEL org.example.step679="step 679" version=$VERSION_679
RUN ["/bin/sh", "-c", "echo step 679 done"]
WORKDIR /app/679

# step 680: fetch and build
ARG VERSION_680=1.680
ENV PATH=/opt/tool680/bin:$PATH \
    TOOL_HOME="/opt/tool680"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_680}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/680/ /app/src/680/
LABEL org.example.step680="step 680" version=$VERSION_680
RUN ["/bin/sh", "-c", "echo step 680 done"]
WORKDIR /app/680

# step 681: fetch and build
ARG VERSION_681=1.681
ENV PATH=/opt/tool681/bin:$PATH \
    TOOL_HOME="/opt/tool681"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_681}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/681/ /app/src/681/
LABEL org.example.step681="step 681" version=$VERSION_681
RUN ["/bin/sh", "-c", "echo step 681 done"]
WORKDIR /app/681

# step 682: fetch and build
ARG VERSION_682=1.682
ENV PATH=/opt/tool682/bin:$PATH \
    TOOL_HOME="/opt/tool682"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_682}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/682/ /app/src/682/
LABEL org.example.step682="step 682" version=$VERSION_682
RUN ["/bin/sh", "-c", "echo step 682 done"]
WORKDIR /app/682

# step 683: fetch and build
ARG VERSION_683=1.683
ENV PATH=/opt/tool683/bin:$PATH \
    TOOL_HOME="/opt/tool683"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_683}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/683/ /app/src/683/
LABEL org.example.step683="step 683" version=$VERSION_683
RUN ["/bin/sh", "-c", "echo step 683 done"]
WORKDIR /app/683

# step 684: fetch and build
ARG VERSION_684=1.684
ENV PATH=/opt/tool684/bin:$PATH \
    TOOL_HOME="/opt/tool684"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_684}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/684/ /app/src/684/
LABEL org.example.step684="step 684" version=$VERSION_684
RUN ["/bin/sh", "-c", "echo step 684 done"]
WORKDIR /app/684

# step 685: fetch and build
ARG VERSION_685=1.685
ENV PATH=/opt/tool685/bin:$PATH \
    TOOL_HOME="/opt/tool685"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_685}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/685/ /app/src/685/
LABEL org.example.step685="step 685" version=$VERSION_685
RUN ["/bin/sh", "-c", "echo step 685 done"]
WORKDIR /app/685

# step 686: fetch and build
ARG VERSION_686=1.686
ENV PATH=/opt/tool686/bin:$PATH \
    TOOL_HOME="/opt/tool686"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_686}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/686/ /app/src/686/
LABEL org.example.step686="step 686" version=$VERSION_686
RUN ["/bin/sh", "-c", "echo step 686 done"]
WORKDIR /app/686

# step 687: fetch and build
ARG VERSION_687=1.687
ENV PATH=/opt/tool687/bin:$PATH \
    TOOL_HOME="/opt/tool687"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_687}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/687/ /app/src/687/
LABEL org.example.step687="step 687" version=$VERSION_687
RUN ["/bin/sh", "-c", "echo step 687 done"]
WORKDIR /app/687

# step 688: fetch and build
ARG VERSION_688=1.688
ENV PATH=/opt/tool688/bin:$PATH \
    TOOL_HOME="/opt/tool688"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_688}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/688/ /app/src/688/
LABEL org.example.step688="step 688" version=$VERSION_688
RUN ["/bin/sh", "-c", "echo step 688 done"]
WORKDIR /app/688

# step 689: fetch and build
ARG VERSION_689=1.689
ENV PATH=/opt/tool689/bin:$PATH \
    TOOL_HOME="/opt/tool689"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_689}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/689/ /app/src/689/
LABEL org.example.step689="step 689" version=$VERSION_689
RUN ["/bin/sh", "-c", "echo step 689 done"]
WORKDIR /app/689

# step 690: fetch and build
ARG VERSION_690=1.690
ENV PATH=/opt/tool690/bin:$PATH \
    TOOL_HOME="/opt/tool690"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_690}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/690/ /app/src/690/
LABEL org.example.step690="step 690" version=$VERSION_690
RUN ["/bin/sh", "-c", "echo step 690 done"]
WORKDIR /app/690

# step 691: fetch and build
ARG VERSION_691=1.691
ENV PATH=/opt/tool691/bin:$PATH \
    TOOL_HOME="/opt/tool691"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_691}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/691/ /app/src/691/
LABEL org.example.step691="step 691" version=$VERSION_691
RUN ["/bin/sh", "-c", "echo step 691 done"]
WORKDIR /app/691

# step 692: fetch and build
ARG VERSION_692=1.692
ENV PATH=/opt/tool692/bin:$PATH \
    TOOL_HOME="/opt/tool692"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_692}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/692/ /app/src/692/
LABEL org.example.step692="step 692" version=$VERSION_692
RUN ["/bin/sh", "-c", "echo step 692 done"]
WORKDIR /app/692

# step 693: fetch and build
ARG VERSION_693=1.693
ENV PATH=/opt/tool693/bin:$PATH \
    TOOL_HOME="/opt/tool693"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_693}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/693/ /app/src/693/
LABEL org.example.step693="step 693" version=$VERSION_693
RUN ["/bin/sh", "-c", "echo step 693 done"]
WORKDIR /app/693

# step 694: fetch and build
ARG VERSION_694=1.694
ENV PATH=/opt/tool694/bin:$PATH \
    TOOL_HOME="/opt/tool694"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_694}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/694/ /app/src/694/
LABEL org.example.step694="step 694" version=$VERSION_694
RUN ["/bin/sh", "-c", "echo step 694 done"]
WORKDIR /app/694

# step 695: fetch and build
ARG VERSION_695=1.695
ENV PATH=/opt/tool695/bin:$PATH \
    TOOL_HOME="/opt/tool695"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_695}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/695/ /app/src/695/
LABEL org.example.step695="step 695" version=$VERSION_695
RUN ["/bin/sh", "-c", "echo step 695 done"]
WORKDIR /app/695

# step 696: fetch and build
ARG VERSION_696=1.696
ENV PATH=/opt/tool696/bin:$PATH \
    TOOL_HOME="/opt/tool696"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_696}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/696/ /app/src/696/
LABEL org.example.step696="step 696" version=$VERSION_696
RUN ["/bin/sh", "-c", "echo step 696 done"]
WORKDIR /app/696

# step 697: fetch and build
ARG VERSION_697=1.697
ENV PATH=/opt/tool697/bin:$PATH \
    TOOL_HOME="/opt/tool697"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_697}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/697/ /app/src/697/
LABEL org.example.step697="step 697" version=$VERSION_697
RUN ["/bin/sh", "-c", "echo step 697 done"]
WORKDIR /app/697

# step 698: fetch and build
ARG VERSION_698=1.698
ENV PATH=/opt/tool698/bin:$PATH \
    TOOL_HOME="/opt/tool698"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_698}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/698/ /app/src/698/
LABEL org.example.step698="step 698" version=$VERSION_698
RUN ["/bin/sh", "-c", "echo step 698 done"]
WORKDIR /app/698

# step 699: fetch and build
ARG VERSION_699=1.699
ENV PATH=/opt/tool699/bin:$PATH \
    TOOL_HOME="/opt/tool699"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_699}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/699/ /app/src/699/
LABEL org.example.step699="step 699" version=$VERSION_699
RUN ["/bin/sh", "-c", "echo step 699 done"]
WORKDIR /app/699

# step 700: fetch and build
ARG VERSION_700=1.700
ENV PATH=/opt/tool700/bin:$PATH \
    TOOL_HOME="/opt/tool700"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_700}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/700/ /app/src/700/
LABEL org.example.step700="step 700" version=$VERSION_700
RUN ["/bin/sh", "-c", "echo step 700 done"]
WORKDIR /app/700

# step 701: fetch and build
ARG VERSION_701=1.701
ENV PATH=/opt/tool701/bin:$PATH \
    TOOL_HOME="/opt/tool701"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_701}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/701/ /app/src/701/
LABEL org.example.step701="step 701" version=$VERSION_701
RUN ["/bin/sh", "-c", "echo step 701 done"]
WORKDIR /app/701

# step 702: fetch and build
ARG VERSION_702=1.702
ENV PATH=/opt/tool702/bin:$PATH \
    TOOL_HOME="/opt/tool702"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_702}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/702/ /app/src/702/
LABEL org.example.step702="step 702" version=$VERSION_702
RUN ["/bin/sh", "-c", "echo step 702 done"]
WORKDIR /app/702

# step 703: fetch and build
ARG VERSION_703=1.703
ENV PATH=/opt/tool703/bin:$PATH \
    TOOL_HOME="/opt/tool703"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_703}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/703/ /app/src/703/
LABEL org.example.step703="step 703" version=$VERSION_703
RUN ["/bin/sh", "-c", "echo step 703 done"]
WORKDIR /app/703

# step 704: fetch and build
ARG VERSION_704=1.704
ENV PATH=/opt/tool704/bin:$PATH \
    TOOL_HOME="/opt/tool704"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_704}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/704/ /app/src/704/
LABEL org.example.step704="step 704" version=$VERSION_704
RUN ["/bin/sh", "-c", "echo step 704 done"]
WORKDIR /app/704

# step 705: fetch and build
ARG VERSION_705=1.705
ENV PATH=/opt/tool705/bin:$PATH \
    TOOL_HOME="/opt/tool705"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_705}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/705/ /app/src/705/
LABEL org.example.step705="step 705" version=$VERSION_705
RUN ["/bin/sh", "-c", "echo step 705 done"]
WORKDIR /app/705

# step 706: fetch and build
ARG VERSION_706=1.706
ENV PATH=/opt/tool706/bin:$PATH \
    TOOL_HOME="/opt/tool706"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_706}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/706/ /app/src/706/
LABEL org.example.step706="step 706" version=$VERSION_706
RUN ["/bin/sh", "-c", "echo step 706 done"]
WORKDIR /app/706

# step 707: fetch and build
ARG VERSION_707=1.707
ENV PATH=/opt/tool707/bin:$PATH \
    TOOL_HOME="/opt/tool707"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_707}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/707/ /app/src/707/
LABEL org.example.step707="step 707" version=$VERSION_707
RUN ["/bin/sh", "-c", "echo step 707 done"]
WORKDIR /app/707

# step 708: fetch and build
ARG VERSION_708=1.708
ENV PATH=/opt/tool708/bin:$PATH \
    TOOL_HOME="/opt/tool708"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_708}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/708/ /app/src/708/
LABEL org.example.step708="step 708" version=$VERSION_708
RUN ["/bin/sh", "-c", "echo step 708 done"]
WORKDIR /app/708

# step 709: fetch and build
ARG VERSION_709=1.709
ENV PATH=/opt/tool709/bin:$PATH \
    TOOL_HOME="/opt/tool709"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_709}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/709/ /app/src/709/
LABEL org.example.step709="step 709" version=$VERSION_709
RUN ["/bin/sh", "-c", "echo step 709 done"]
WORKDIR /app/709

# step 710: fetch and build
ARG VERSION_710=1.710
ENV PATH=/opt/tool710/bin:$PATH \
    TOOL_HOME="/opt/tool710"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_710}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/710/ /app/src/710/
LABEL org.example.step710="step 710" version=$VERSION_710
RUN ["/bin/sh", "-c", "echo step 710 done"]
WORKDIR /app/710

# step 711: fetch and build
ARG VERSION_711=1.711
ENV PATH=/opt/tool711/bin:$PATH \
    TOOL_HOME="/opt/tool711"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_711}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/711/ /app/src/711/
LABEL org.example.step711="step 711" version=$VERSION_711
RUN ["/bin/sh", "-c", "echo step 711 done"]
WORKDIR /app/711

# step 712: fetch and build
ARG VERSION_712=1.712
ENV PATH=/opt/tool712/bin:$PATH \
    TOOL_HOME="/opt/tool712"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_712}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/712/ /app/src/712/
LABEL org.example.step712="step 712" version=$VERSION_712
RUN ["/bin/sh", "-c", "echo step 712 done"]
WORKDIR /app/712

# step 713: fetch and build
ARG VERSION_713=1.713
ENV PATH=/opt/tool713/bin:$PATH \
    TOOL_HOME="/opt/tool713"
RUN set -eux; \
    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates; \
    # a comment inside the continuation
    curl -fsSL https://example.com/tool-${VERSION_713}.tar.gz | tar -xz -C /opt; \
    rm -rf /var/lib/apt/lists/*
COPY --chown=app:app --chmod=0644 src/713/ /app/src/713/
LABEL org.example.step713="step 713" version=$VERSION_713
RUN ["/bin/sh", "-c", "echo step 713 done"]
WORKDIR /app/713

RUN <<EOF
echo heredoc
