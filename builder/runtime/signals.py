"""The signal numbers and calls that the container code uses, without :mod:`signal`.

:mod:`signal` wraps the interpreter's built-in ``_signal`` in enums, and importing
:mod:`enum` costs ``dockyard run`` about a millisecond: its modules take the plain ints and
functions from ``_signal`` (the type checker sees :mod:`signal`'s names)."""

from __future__ import annotations

TYPE_CHECKING = False
if TYPE_CHECKING:
    from signal import (
        SIG_DFL,
        SIG_IGN,
        SIG_SETMASK,
        SIGCHLD,
        SIGHUP,
        SIGINT,
        SIGKILL,
        SIGPIPE,
        SIGQUIT,
        SIGSTOP,
        SIGTERM,
        SIGUSR1,
        SIGUSR2,
        SIGWINCH,
        SIGXFSZ,
        pidfd_send_signal,
        pthread_sigmask,
        signal,
        valid_signals,
    )
else:
    from _signal import *  # noqa: F403  (the same names, as plain ints and functions)

__all__ = ["SIGCHLD", "SIGHUP", "SIGINT", "SIGKILL", "SIGPIPE", "SIGQUIT", "SIGSTOP",
           "SIGTERM", "SIGUSR1", "SIGUSR2", "SIGWINCH", "SIGXFSZ", "SIG_DFL", "SIG_IGN",
           "SIG_SETMASK", "pidfd_send_signal", "pthread_sigmask", "signal", "valid_signals"]
