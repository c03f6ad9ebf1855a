"""Value classes for the modules a fast command imports.

``dockyard run`` and a no-op ``dockyard build`` are bound by start-up time, and on these
machines ``import dataclasses`` (it imports ``inspect``, ``ast``, ``dis``, ``tokenize``) plus
the generation of each class's methods costs about 1 ms per class. The classes those commands
load are written out by hand instead: ``__slots__`` naming the fields in order (a subclass
names only its own), an ``__init__`` taking them by the same names, and :class:`Record` for
equality, hashing, ``repr``, :meth:`Record.replace` and :meth:`Record.as_dict`. Fields that
must not change are ``Final`` for the type checker, as a frozen dataclass's are.
"""

from __future__ import annotations

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any, ClassVar, Self


class Record:
    """Equality, hash and ``repr`` over the fields: the ``__slots__`` of the class and of its
    bases, base fields first (or only those in ``_compared``)."""

    __slots__: ClassVar[tuple[str, ...]] = ()
    _fields: ClassVar[tuple[str, ...]] = ()
    _compared: ClassVar[tuple[str, ...] | None] = None
    """The fields equality and hashing look at, when not all of them."""
    _hashable: ClassVar[bool] = True

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        cls._fields = tuple(name for klass in reversed(cls.__mro__)
                            for name in klass.__dict__.get("__slots__", ()))

    def _key(self) -> tuple[Any, ...]:
        return tuple(getattr(self, name) for name in self._compared or self._fields)

    def __eq__(self, other: object) -> bool:
        if type(other) is not type(self):
            return NotImplemented
        assert isinstance(other, Record)
        return self._key() == other._key()

    def __hash__(self) -> int:
        if not self._hashable:
            raise TypeError(f"unhashable type: {type(self).__name__!r}")
        return hash(self._key())

    def __repr__(self) -> str:
        fields = ", ".join(f"{name}={getattr(self, name)!r}" for name in self._fields)
        return f"{type(self).__name__}({fields})"

    def as_dict(self) -> dict[str, Any]:
        """The fields by name, in order (values as they are, not copied)."""
        return {name: getattr(self, name) for name in self._fields}

    def replace(self, **changes: Any) -> Self:
        """A copy with ``changes`` to some fields."""
        return type(self)(**{**self.as_dict(), **changes})
