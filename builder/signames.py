"""Signal names and numbers as Docker reads them (moby/sys/signal's Linux ``SignalMap`` and
``ParseSignal``, which STOPSIGNAL is checked with)."""

from __future__ import annotations

import re

from builder.errors import DockerfileError

__all__ = ["SIGNALS", "parse_signal"]

_RTMIN, _RTMAX = 34, 64

SIGNALS: dict[str, int] = {
    "ABRT": 6, "ALRM": 14, "BUS": 7, "CHLD": 17, "CLD": 17, "CONT": 18, "FPE": 8, "HUP": 1,
    "ILL": 4, "INT": 2, "IO": 29, "IOT": 6, "KILL": 9, "PIPE": 13, "POLL": 29, "PROF": 27,
    "PWR": 30, "QUIT": 3, "SEGV": 11, "STKFLT": 16, "STOP": 19, "SYS": 31, "TERM": 15,
    "TRAP": 5, "TSTP": 20, "TTIN": 21, "TTOU": 22, "URG": 23, "USR1": 10, "USR2": 12,
    "VTALRM": 26, "WINCH": 28, "XCPU": 24, "XFSZ": 25,
    "RTMIN": _RTMIN, **{f"RTMIN+{i}": _RTMIN + i for i in range(1, 16)},
    **{f"RTMAX-{i}": _RTMAX - i for i in range(14, 0, -1)}, "RTMAX": _RTMAX,
}  # fmt: skip

_INT = re.compile(r"[+-]?[0-9]+")  # what strconv.Atoi accepts, size aside


def parse_signal(text: str) -> int:
    """The number of a signal given as Docker takes it: an integer other than 0 (as is), or
    a name of :data:`SIGNALS`, any case, with or without ``SIG``; anything else raises
    :class:`DockerfileError` (no location)."""
    if _INT.fullmatch(text) is not None and -(1 << 63) <= int(text) < 1 << 63:
        number = int(text)
        if number != 0:
            return number
    else:
        found = SIGNALS.get(text.upper().removeprefix("SIG"))
        if found is not None:
            return found
    raise DockerfileError(f"invalid signal: {text}")
