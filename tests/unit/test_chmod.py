"""``--chmod`` values: octal, and symbolic as chmod(1)/setmode(3) apply them with no umask
(the cases below are BSD setmode's documented and tested behaviour)."""

from __future__ import annotations

import pytest

from builder.chmod import parse_chmod
from builder.errors import BuildError

DIR = 0o40000  # marks a directory in the cases below
SUID, SGID, STICKY = 0o4000, 0o2000, 0o1000

CASES = [  # (mode before, mode after, value)
    (0o777, 0o000, "="), (0o777, 0o777, "+"), (0o421, 0o421, "+"), (0o777, 0o777, "-"),
    (0o421, 0o421, "-"), (0o421, STICKY | 0o421, "+t"), (STICKY | 0o421, 0o421, "-t"),
    (0o000, 0o400, "u+r"), (0o000, 0o200, "u+w"), (0o000, 0o100, "u+x"),
    (0o000, 0o000, "u+X"), (0o001, 0o101, "u+X"), (DIR, DIR | 0o100, "u+X"),
    (0o000, SUID, "u+s"),
    (0o000, 0o040, "g+r"), (0o000, 0o020, "g+w"), (0o000, 0o010, "g+x"),
    (0o000, 0o000, "g+X"), (0o100, 0o110, "g+X"), (DIR, DIR | 0o010, "g+X"),
    (0o000, SGID, "g+s"),
    (0o000, 0o004, "o+r"), (0o000, 0o002, "o+w"), (0o000, 0o001, "o+x"),
    (0o000, 0o000, "o+X"), (0o100, 0o101, "o+X"), (DIR, DIR | 0o001, "o+X"),
    (0o000, 0o000, "o+s"),
    (0o000, 0o421, "0421"), (0o000, STICKY | SUID | SGID | 0o421, "07421"),
    (0o000, 0o444, "+r"), (0o000, 0o222, "+w"), (0o000, 0o111, "+x"), (0o000, 0o000, "+X"),
    (0o010, 0o111, "+X"), (DIR, DIR | 0o111, "+X"), (0o000, SUID | SGID, "+s"),
    (0o777, 0o333, "-r"), (0o777, 0o555, "-w"), (0o777, 0o666, "-x"), (0o777, 0o777, "-X"),
    (DIR | 0o777, DIR | 0o777, "-X"), (SUID | SGID | 0o777, 0o777, "-s"),
    (0o777, 0o377, "u-r"), (0o777, 0o577, "u-w"), (0o777, 0o677, "u-x"),
    (0o777, 0o777, "u-X"), (DIR | 0o777, DIR | 0o777, "u-X"), (SUID | 0o777, 0o777, "u-s"),
    (0o000, 0o600, "u=rw"), (0o777, 0o677, "u=rw"), (0o777, 0o077, "u="),
    (0o000, 0o666, "=rw"), (0o777, 0o666, "=rw"),
    (0o042, 0o442, "u=g"), (0o742, 0o442, "u=g"), (0o722, 0o022, "u=g-w"),
    (0o742, 0o442, "u=g-w"), (0o762, 0o462, "u=g-w"), (0o772, 0o572, "u=g-w"),
    (0o021, 0o121, "u+o"), (0o021, 0o221, "u+g"), (0o021, 0o321, "u+go"),
    (0o000, 0o764, "a=r,ug=rw,u+x"), (0o777, 0o764, "a=r,ug=rw,u+x"),
    (0o000, STICKY | 0o624, "o+r,g+w,a+t,g-s,u+og"),
    (SGID | 0o100, STICKY | 0o724, "o+r,g+w,a+t,g-s,u+og"),
    (DIR | SUID | SGID, DIR | SUID | STICKY | 0o624, "o+r,g+w,a+t,g-s,u+og"),
    (0o777, 0o644, "644"), (0o777, 0o755, "go-w"), (0o000, 0o755, "u=rwx,go=rx"),
    (0o000, 0o755, "u=rwx,go=u-w"), (0o777, 0o700, "go="), (0o770, 0o755, "go=u-w"),
    (0o670, 0o644, "go=u-w"), (0o570, 0o555, "go=u-w"), (0o370, 0o311, "go=u-w"),
    # readable by all, searchable where it makes sense: X counts with + only, as in
    # setmode (so "u=rwX" gives a directory no x)
    (0o600, 0o644, "a+rX"), (0o700, 0o755, "a+rX"), (DIR | 0o700, DIR | 0o755, "a+rX"),
    (DIR | 0o700, DIR | 0o644, "u=rwX,go=rX"), (0o640, 0o660, "g=u"),
]


@pytest.mark.parametrize(("before", "after", "value"), CASES)
def test_symbolic_and_octal_modes(before: int, after: int, value: str) -> None:
    is_dir = bool(before & DIR)
    assert parse_chmod(value).apply(before & 0o7777, is_dir) == after & 0o7777


@pytest.mark.parametrize("value", ["", ",", "q+r", "017777", "9", "64a", "10000", "z", "u",
                                   "g", "o", "go", "u+x,", "u=7", "+rq"])
def test_invalid_values_are_refused(value: str) -> None:
    with pytest.raises(BuildError, match="invalid chmod parameter"):
        parse_chmod(value)
