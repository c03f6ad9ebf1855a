"""The error hierarchy. Every error a user can see derives from :class:`DockyardError`.

::

    DockyardError
    ├── DockerfileError        a Dockerfile that cannot be parsed or planned (has a Location)
    │   └── ExpansionError     a variable expansion that fails (${X:?}, bad syntax)
    ├── ContextError           a build context that cannot be read or is unsafe
    ├── ReferenceFormatError   an image reference that cannot be parsed
    ├── StoreError             the local store: missing blobs, images, bad layouts
    │   ├── NotFoundError      an image, blob or tag that does not exist
    │   └── DigestError        content that does not match its digest or size
    ├── LayerError             a layer tarball that is malformed or unsafe
    ├── ExecutionError         a process that could not be started or set up
    ├── SnapshotError          a rootfs snapshot that cannot be made, diffed or removed
    ├── BuildError             a step of a build that failed (has a Location)
    ├── CacheError             a build cache or exported cache that cannot be used
    ├── RegistryError          a registry that refused or answered badly
    ├── ContainerError         a container operation that cannot be done
    ├── FlagError              a command-line flag whose value cannot be used
    └── TemplateError          a --format Go template that cannot be parsed or executed

Any other exception escaping the library is a bug.
"""

from __future__ import annotations

from builder.record import Record

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Final


class Location(Record):
    """Where something is in a Dockerfile: 1-based lines, 1-based column."""

    __slots__ = ("file", "line", "end_line", "column")
    file: Final[str]
    line: Final[int]
    end_line: Final[int]
    column: Final[int]

    def __init__(self, file: str, line: int, end_line: int, column: int = 1) -> None:
        self.file = file
        self.line = line
        self.end_line = end_line
        self.column = column

    def __str__(self) -> str:
        return f"{self.file}:{self.line}:{self.column}"


class DockyardError(Exception):
    """Base of every user-facing error; ``str()`` is the one-line message."""

    def __init__(self, message: str, location: Location | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.location = location

    def __str__(self) -> str:
        if self.location is not None:
            return f"{self.location}: {self.message}"
        return self.message


class DockerfileError(DockyardError):
    """A Dockerfile that cannot be parsed or planned."""

    def __init__(
        self, message: str, location: Location | None = None, source_line: str | None = None
    ) -> None:
        super().__init__(message, location)
        self.source_line = source_line


class ExpansionError(DockerfileError):
    """A variable expansion that fails."""


class ContextError(DockyardError):
    """A build context that cannot be read or would escape its root."""


class ReferenceFormatError(DockyardError):
    """An image reference that cannot be parsed."""


class StoreError(DockyardError):
    """A problem with the local store."""


class NotFoundError(StoreError):
    """An image, tag or blob that does not exist."""


class DigestError(StoreError):
    """Content whose digest or size does not match what was expected."""


class LayerError(DockyardError):
    """A layer tarball that is malformed or tries to escape its root."""


class FrameError(LayerError):
    """A zstd frame taken from an earlier layer did not hold the tar bytes its record
    named: the layer is written again without taking frames."""


class ExecutionError(DockyardError):
    """A process that could not be set up or started."""


class SnapshotError(DockyardError):
    """A rootfs snapshot that cannot be prepared, diffed or removed."""


class BuildError(DockyardError):
    """A build step that failed."""


class CacheError(DockyardError):
    """A build cache, or an exported cache directory, that cannot be read or written."""


class RegistryError(DockyardError):
    """A registry that refused a request or answered badly."""


class ContainerError(DockyardError):
    """A container operation that cannot be done."""


class FlagError(DockyardError):
    """A command-line flag whose value cannot be used (click shows it as a bad parameter)."""


class OutputError(DockyardError):
    """A file or directory named for output could not be written."""


class TemplateError(DockyardError):
    """A ``--format`` Go template that cannot be parsed (``parsing``) or executed."""

    def __init__(self, message: str, parsing: bool = False) -> None:
        super().__init__(message)
        self.parsing = parsing
