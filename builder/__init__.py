"""Dockyard: a daemonless Dockerfile builder and container runner.

The package is a library first; ``builder.cli`` is a thin click layer over it.
"""

from __future__ import annotations

__version__ = "0.2.0"
