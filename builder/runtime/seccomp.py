"""The default seccomp filter: the effect of Docker's default profile, as a denylist in
classic BPF.

Docker's profile allows a list of syscalls and denies the rest; this filter allows by default
and returns ``EPERM`` for what that profile denies a container with Docker's capabilities:
kernel modules, kexec, reboot, swap, accounting, quotas, the clock, keyrings, BPF,
perf_event_open, userfaultfd, io_uring, NUMA policies, mounts (old and new API), pivot_root,
setns and unshare, kcmp and pidfd_getfd, raw I/O ports, sysfs/ustat/_sysctl and the like.
``clone`` is denied when its flags ask for a new namespace, ``clone3`` gets ``ENOSYS`` (so
that libc falls back to ``clone``, whose flags can be seen), and ``personality`` is allowed
only for Docker's five personas. ptrace, process_vm_readv/writev, clock_adjtime and
name_to_handle_at stay allowed, as in Docker's profile on kernels from 4.8.

The filter checks the architecture first: on x86_64 it handles x86_64 (x32 syscalls get
``EPERM``) and i386; on aarch64, aarch64 only. A syscall from any other architecture (such
as 32-bit ARM) kills the process.
"""

from __future__ import annotations

import os
import sys

from builder.runtime import seccomp_numbers as numbers
from builder.runtime import syscalls as sc

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

DENIED: tuple[str, ...] = (
    "_sysctl", "acct", "add_key", "bpf", "clock_settime", "clock_settime64", "create_module",
    "delete_module", "fanotify_init", "finit_module", "fsconfig", "fsmount", "fsopen", "fspick",
    "get_kernel_syms", "get_mempolicy", "init_module", "io_uring_enter", "io_uring_register",
    "io_uring_setup", "ioperm", "iopl", "kcmp", "kexec_file_load", "kexec_load", "keyctl",
    "lookup_dcookie", "mbind", "migrate_pages", "mount", "mount_setattr", "move_mount",
    "move_pages", "nfsservctl", "open_by_handle_at", "open_tree", "perf_event_open",
    "pidfd_getfd", "pivot_root", "process_madvise", "query_module", "quotactl", "quotactl_fd",
    "reboot", "request_key", "set_mempolicy", "set_mempolicy_home_node", "setdomainname",
    "sethostname", "setns", "settimeofday", "stime", "swapoff", "swapon", "sysfs", "syslog",
    "umount", "umount2", "unshare", "uselib", "userfaultfd", "ustat", "vhangup", "vm86",
    "vm86old",
)
"""Syscalls that get ``EPERM`` whatever their arguments."""

CLONE_NAMESPACES = (sc.CLONE_NEWNS | sc.CLONE_NEWUTS | sc.CLONE_NEWIPC | sc.CLONE_NEWUSER
                    | sc.CLONE_NEWPID | sc.CLONE_NEWNET | 0x02000000)  # CLONE_NEWCGROUP
"""``clone`` flags that get ``EPERM``."""

PERSONALITIES: tuple[int, ...] = (0x0, 0x8, 0x20000, 0x20008, 0xFFFFFFFF)
"""The ``personality`` arguments allowed (PER_LINUX, PER_LINUX32 with or without
UNAME26, and the query 0xffffffff); the kernel reads only the low 32 bits."""

ENOSYS = 38
EPERM = 1

AUDIT_ARCH_X86_64 = 0xC000003E
AUDIT_ARCH_I386 = 0x40000003
AUDIT_ARCH_AARCH64 = 0xC00000B7
X32_SYSCALL_BIT = 0x40000000

RET_KILL_PROCESS = 0x80000000
RET_ERRNO = 0x00050000
RET_ALLOW = 0x7FFF0000

# classic BPF opcodes
LD_W_ABS = 0x20
JEQ_K = 0x15
JGE_K = 0x35
JSET_K = 0x45
RET_K = 0x06

# struct seccomp_data: nr, arch, instruction_pointer, args[6] (the low half of an argument
# first on a little-endian machine)
_NR = 0
_ARCH = 4
_ARG0_LOW = 16 if sys.byteorder == "little" else 20

ARCHES: dict[str, tuple[tuple[str, int, dict[str, int]], ...]] = {
    "x86_64": (("x86_64", AUDIT_ARCH_X86_64, numbers.X86_64),
               ("i386", AUDIT_ARCH_I386, numbers.I386)),
    "aarch64": (("aarch64", AUDIT_ARCH_AARCH64, numbers.AARCH64),),
}
"""Per host machine: the architectures the filter handles, with their syscall numbers."""

OCI_ARCHES: dict[str, list[str]] = {
    "x86_64": ["SCMP_ARCH_X86_64", "SCMP_ARCH_X86"],
    "aarch64": ["SCMP_ARCH_AARCH64"],
}


class _Assembler:
    """Classic BPF with forward jumps to labels (``struct sock_filter``: code, jt, jf, k)."""

    def __init__(self) -> None:
        self.code: list[tuple[int, int | str, int | str, int]] = []
        self.labels: dict[str, int] = {}

    def label(self, name: str) -> None:
        self.labels[name] = len(self.code)

    def op(self, code: int, k: int, jt: int | str = 0, jf: int | str = 0) -> None:
        self.code.append((code, jt, jf, k))

    def _offset(self, at: int, target: int | str) -> int:
        if isinstance(target, int):
            return target
        offset = self.labels[target] - at - 1
        if not 0 <= offset <= 255:
            raise ValueError(f"BPF jump to {target} out of range ({offset})")
        return offset

    def assemble(self) -> bytes:
        out = bytearray()
        for at, (code, jt, jf, k) in enumerate(self.code):
            out += code.to_bytes(2, sys.byteorder)
            out += bytes((self._offset(at, jt), self._offset(at, jf)))
            out += k.to_bytes(4, sys.byteorder)
        return bytes(out)


def _search(asm: _Assembler, cases: list[tuple[int, str]], prefix: str) -> None:
    """Jump to the label of the case whose number is in the accumulator, else allow: a
    binary search down to runs of four (fewer instructions run for each syscall, and for
    each of the kernel's checks of which syscalls the filter always allows)."""
    if len(cases) <= 4:
        for nr, target in cases:
            asm.op(JEQ_K, nr, target)
        asm.op(RET_K, RET_ALLOW)
        return
    middle = len(cases) // 2
    upper = f"{prefix}.{cases[middle][0]}"
    asm.op(JGE_K, cases[middle][0], upper)
    _search(asm, cases[:middle], prefix)
    asm.label(upper)
    _search(asm, cases[middle:], prefix)


def _arch_block(asm: _Assembler, name: str, table: dict[str, int], x32: bool) -> None:
    def at(label: str) -> str:
        return f"{name}.{label}"

    asm.label(name)
    asm.op(LD_W_ABS, _NR)
    if x32:  # x32's syscalls come as x86_64's with this bit; -1 is a tracer's skipped call
        asm.op(JGE_K, X32_SYSCALL_BIT, at("x32"))
    cases = [(table[n], at("eperm")) for n in DENIED if n in table]
    cases += [(table["clone"], at("clone")), (table["clone3"], at("enosys")),
              (table["personality"], at("personality"))]
    _search(asm, sorted(cases), at("ge"))
    asm.label(at("clone"))
    asm.op(LD_W_ABS, _ARG0_LOW)
    asm.op(JSET_K, CLONE_NAMESPACES, at("eperm"), at("allow"))
    asm.label(at("personality"))
    asm.op(LD_W_ABS, _ARG0_LOW)
    for persona in PERSONALITIES:
        asm.op(JEQ_K, persona, at("allow"))
    asm.op(RET_K, RET_ERRNO | EPERM)
    if x32:
        asm.label(at("x32"))
        asm.op(JEQ_K, 0xFFFFFFFF, at("allow"), at("eperm"))
    asm.label(at("allow"))
    asm.op(RET_K, RET_ALLOW)
    asm.label(at("eperm"))
    asm.op(RET_K, RET_ERRNO | EPERM)
    asm.label(at("enosys"))
    asm.op(RET_K, RET_ERRNO | ENOSYS)


def build(machine: str) -> bytes:
    """The filter program for a host ``machine`` (``uname -m``)."""
    arches = ARCHES.get(machine)
    if arches is None:
        raise OSError(f"seccomp: no syscall table for {machine}")
    asm = _Assembler()
    asm.op(LD_W_ABS, _ARCH)
    for name, audit, _ in arches:
        asm.op(JEQ_K, audit, name)
    asm.op(RET_K, RET_KILL_PROCESS)
    for name, audit, table in arches:
        _arch_block(asm, name, table, x32=audit == AUDIT_ARCH_X86_64)
    return asm.assemble()


_program: bytes | None = None


def program() -> bytes:
    """The filter for this machine, built once per process (a fork inherits it built)."""
    global _program
    if _program is None:
        _program = build(os.uname().machine)
    return _program


def prepare() -> None:
    """Build the filter ahead of :func:`install` when this machine has one."""
    if os.uname().machine in ARCHES:
        program()


def install() -> None:
    """Install the default filter on the calling thread; the caller needs CAP_SYS_ADMIN (in
    its user namespace) or no_new_privs. Its children and what it executes keep it."""
    sc.seccomp_filter(program())


def _personality_rules() -> list[dict[str, Any]]:
    """``personality`` rules denying what :data:`PERSONALITIES` does not allow, each a single
    masked comparison (runc ORs several comparisons of one argument, it cannot AND them).

    A value is denied when some bit outside 0x20008 is set and some bit is clear. Among its
    runs of set bits (taken round the 32), one holds such a bit: either that bit is set and
    the next one clear, or the run ends at bit 3 or 17 and holds bit 2 or 16 with bit 4 or
    18 clear. One rule for each of these pairs (set, clear)."""
    pairs = [(i, (i + 1) % 32) for i in range(32) if i not in (3, 17)] + [(2, 4), (16, 18)]
    return [{"names": ["personality"], "action": "SCMP_ACT_ERRNO", "errnoRet": EPERM,
             "args": [{"index": 0, "value": (1 << i) | (1 << j), "valueTwo": 1 << i,
                       "op": "SCMP_CMP_MASKED_EQ"}]}
            for i, j in pairs]


def oci_profile(machine: str) -> dict[str, Any]:
    """The same filter as an OCI runtime spec's ``linux.seccomp`` (a masked comparison's
    ``value`` is the mask, ``valueTwo`` what the masked argument must equal)."""
    clone = [{"names": ["clone"], "action": "SCMP_ACT_ERRNO", "errnoRet": EPERM,
              "args": [{"index": 0, "value": flag, "valueTwo": flag,
                        "op": "SCMP_CMP_MASKED_EQ"}]}
             for flag in (1 << bit for bit in range(32)) if flag & CLONE_NAMESPACES]
    return {
        "defaultAction": "SCMP_ACT_ALLOW",
        "architectures": list(OCI_ARCHES.get(machine, [])),
        "syscalls": [
            {"names": list(DENIED), "action": "SCMP_ACT_ERRNO", "errnoRet": EPERM},
            *clone,
            {"names": ["clone3"], "action": "SCMP_ACT_ERRNO", "errnoRet": ENOSYS},
            *_personality_rules(),
        ],
    }
