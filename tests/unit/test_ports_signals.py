"""EXPOSE port specs and STOPSIGNAL values, checked as Docker checks them (go-connections'
``nat.ParsePortSpec``, moby/sys/signal's ``ParseSignal``), in the parsers and in planning."""

from __future__ import annotations

import pytest

from builder.cli.import_ import apply_change
from builder.errors import DockerfileError
from builder.graph import PlanSettings, plan
from builder.image import RunConfig
from builder.parser import parse
from builder.ports import exposed_ports
from builder.signames import SIGNALS, parse_signal


@pytest.mark.parametrize(("spec", "ports"), [
    ("80", ["80/tcp"]),
    ("80/udp", ["80/udp"]),
    ("80/UDP", ["80/udp"]),
    ("80/Sctp", ["80/sctp"]),
    ("80/", ["80/tcp"]),
    ("080", ["80/tcp"]),
    ("0", ["0/tcp"]),
    ("65535", ["65535/tcp"]),
    ("8000-8002/udp", ["8000/udp", "8001/udp", "8002/udp"]),
    ("7-7", ["7/tcp"]),
    ("1-2-9", ["1/tcp", "2/tcp"]),  # nat.ParsePortRange reads the first two parts
    ("80/tcp/udp", ["80/tcp"]),  # nat.SplitProtoPort takes the part after the first /
    ("80/udp/", ["80/udp"]),
    (":80", ["80/tcp"]),
    ("8080:80", ["80/tcp"]),
    ("127.0.0.1:80:80", ["80/tcp"]),
    ("1.2.3.4::80/udp", ["80/udp"]),
    ("[::1]:8080:80", ["80/tcp"]),
    ("::1:8080:80", ["80/tcp"]),
    ("9000-9001:80", ["80/tcp"]),  # a host range for one container port
    ("9000-9001:80-81", ["80/tcp", "81/tcp"]),
])  # fmt: skip
def test_valid_port_specs(spec: str, ports: list[str]) -> None:
    assert exposed_ports(spec) == ports


@pytest.mark.parametrize(("spec", "message"), [
    ("abc", "invalid containerPort: abc"),
    ("99999", "invalid containerPort: 99999"),
    ("65536", "invalid containerPort: 65536"),
    ("-1", "invalid containerPort: -1"),
    ("+80", "invalid containerPort: +80"),
    ("8_0", "invalid containerPort: 8_0"),
    ("٨٠", "invalid containerPort: ٨٠"),  # digits, but not ASCII ones
    (" 80", "invalid containerPort:  80"),
    ("8001-8000", "invalid containerPort: 8001-8000"),
    ("80-", "invalid containerPort: 80-"),
    ("80/bogus", "invalid proto: bogus"),
    ("80/tcp-udp", "invalid proto: tcp-udp"),
    ("/tcp", "no port specified: /tcp<empty>"),
    ("1.2.3.4:80:", "no port specified: 1.2.3.4:80:<empty>"),
    ("x:80", "invalid hostPort: x"),
    ("1:2:3:4:5", "invalid IP address: 1:2:3"),
    ("host:80:80", "invalid IP address: host"),
    ("fe80::1%eth0:80:80", "invalid IP address: fe80::1%eth0"),
    ("[::1:80:80", "invalid IP address [::1"),
    ("9000-9002:80-81", "invalid ranges specified for container and host Ports: 80-81 and "
                        "9000-9002"),
])  # fmt: skip
def test_invalid_port_specs(spec: str, message: str) -> None:
    with pytest.raises(DockerfileError) as info:
        exposed_ports(spec)
    assert info.value.message == message and info.value.location is None


@pytest.mark.parametrize(("text", "number"), [
    ("9", 9), ("99", 99), ("+9", 9), ("-1", -1), ("KILL", 9), ("SIGKILL", 9), ("sigterm", 15),
    ("Term", 15), ("SIGRTMIN", 34), ("RTMIN+3", 37), ("sigrtmax-1", 63), ("RTMAX", 64),
    ("CLD", 17), ("POLL", 29),
])  # fmt: skip
def test_valid_signals(text: str, number: int) -> None:
    assert parse_signal(text) == number


@pytest.mark.parametrize("text", [
    "0", "00", "-0", "", "BOGUS", "SIGBOGUS", "SIGSIGKILL", "SIG", "RTMIN+16", "RTMAX-15",
    "RTMAX-0", " 9", "9 ", "KILL ", "1_0", "99999999999999999999",
])  # fmt: skip
def test_invalid_signals(text: str) -> None:
    with pytest.raises(DockerfileError) as info:
        parse_signal(text)
    assert info.value.message == f"invalid signal: {text}"


def test_the_signal_table_is_the_linux_one() -> None:
    assert len(SIGNALS) == 34 + 1 + 15 + 14 + 1
    assert sorted(SIGNALS.values())[-31:] == list(range(34, 65))


def _plan_error(text: str) -> str:
    with pytest.raises(DockerfileError) as info:
        plan(parse(text, "Dfile"), PlanSettings())
    return str(info.value)


def test_expose_in_a_build() -> None:
    text = ("FROM scratch\nENV P=127.0.0.1:8080:80\n"
            "EXPOSE $P 1.2.3.4::53/UDP 7000-7001/tcp/udp :9\n")
    g = plan(parse(text), PlanSettings())
    step = g.stages[0].steps[-1]
    # in the order of the (sorted) words, as the history lists them; the config sorted
    assert step.instruction["ports"] == ["80/tcp", "53/udp", "7000/tcp", "7001/tcp", "9/tcp"]
    assert dict(g.stages[0].config.to_docker()["ExposedPorts"]) == {
        p: {} for p in ["53/udp", "7000/tcp", "7001/tcp", "80/tcp", "9/tcp"]}
    assert _plan_error("FROM scratch\nLABEL a=1\nEXPOSE 80 abc\n") == (
        "Dfile:3:1: invalid containerPort: abc")
    assert _plan_error("FROM scratch\nEXPOSE 80/bogus\n") == "Dfile:2:1: invalid proto: bogus"


def test_stopsignal_in_a_build() -> None:
    g = plan(parse("FROM scratch\nARG S=rtmin+3\nSTOPSIGNAL sig$S\n"), PlanSettings())
    assert g.stages[0].config.stop_signal == "sigrtmin+3"  # kept as written, once expanded
    assert _plan_error("FROM scratch\n\nSTOPSIGNAL BOGUS\n") == "Dfile:3:1: invalid signal: BOGUS"
    assert _plan_error("FROM scratch\nSTOPSIGNAL 0\n") == "Dfile:2:1: invalid signal: 0"
    assert _plan_error("FROM scratch\nSTOPSIGNAL $NOPE\n") == "Dfile:2:1: invalid signal: "


def test_import_changes_are_checked_alike() -> None:
    config = apply_change(RunConfig(), "EXPOSE 1.2.3.4:80:80/UDP 8000-8001")
    assert config.exposed_ports == ("80/udp", "8000/tcp", "8001/tcp")
    assert apply_change(config, "STOPSIGNAL SIGRTMIN+2").stop_signal == "SIGRTMIN+2"
    with pytest.raises(DockerfileError, match="invalid containerPort: abc"):
        apply_change(config, "EXPOSE abc")
    with pytest.raises(DockerfileError, match="invalid signal: NOPE"):
        apply_change(config, "STOPSIGNAL NOPE")
