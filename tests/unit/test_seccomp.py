"""The default seccomp filter: its BPF program run by a small interpreter on sample calls,
its OCI form's rules, and the filter installed in a child."""

from __future__ import annotations

import errno
import os
import random

import pytest

from builder.runtime import seccomp
from builder.runtime import seccomp_numbers as numbers
from builder.runtime import syscalls as sc

ALLOW = seccomp.RET_ALLOW
KILL = seccomp.RET_KILL_PROCESS
EPERM = seccomp.RET_ERRNO | errno.EPERM
ENOSYS = seccomp.RET_ERRNO | errno.ENOSYS
X86_64, I386, AARCH64 = (seccomp.AUDIT_ARCH_X86_64, seccomp.AUDIT_ARCH_I386,
                         seccomp.AUDIT_ARCH_AARCH64)
AUDIT_ARCH_ARM = 0x40000028
FORK_FLAGS = 0x1200011  # CLONE_CHILD_SETTID | CLONE_CHILD_CLEARTID | SIGCHLD
THREAD_FLAGS = 0x3D0F00  # what pthread_create asks for


def decode(program: bytes) -> list[tuple[int, int, int, int]]:
    assert len(program) % 8 == 0
    return [(int.from_bytes(program[i:i + 2], "little"), program[i + 2], program[i + 3],
             int.from_bytes(program[i + 4:i + 8], "little"))
            for i in range(0, len(program), 8)]


def run(program: bytes, nr: int, arch: int, *args: int) -> int:
    """What the filter returns for a call (seccomp_data of a little-endian machine)."""
    data = ((nr & 0xFFFFFFFF).to_bytes(4, "little") + arch.to_bytes(4, "little") + bytes(8)
            + b"".join(a.to_bytes(8, "little") for a in (*args, *[0] * (6 - len(args)))))
    code = decode(program)
    pc, acc = 0, 0
    while True:
        op, jt, jf, k = code[pc]
        if op == seccomp.RET_K:
            return k
        if op == seccomp.LD_W_ABS:
            acc = int.from_bytes(data[k:k + 4], "little")
            pc += 1
            continue
        if op == seccomp.JEQ_K:
            taken = acc == k
        elif op == seccomp.JGE_K:
            taken = acc >= k
        elif op == seccomp.JSET_K:
            taken = bool(acc & k)
        else:
            raise AssertionError(f"unexpected opcode {op:#x}")
        pc += 1 + (jt if taken else jf)


@pytest.fixture(scope="module")
def x86() -> bytes:
    return seccomp.build("x86_64")


@pytest.fixture(scope="module")
def arm64() -> bytes:
    return seccomp.build("aarch64")


def test_programs_fit_the_kernel_and_end_in_returns(x86: bytes, arm64: bytes) -> None:
    for program in (x86, arm64):
        code = decode(program)
        assert len(code) <= 4096  # BPF_MAXINSNS
        assert code[-1][0] == seccomp.RET_K
        for at, (op, jt, jf, _) in enumerate(code):
            if op not in (seccomp.RET_K, seccomp.LD_W_ABS):
                assert at + 1 + max(jt, jf) < len(code)


def test_denied_syscalls_get_eperm(x86: bytes, arm64: bytes) -> None:
    for program, arch, table in ((x86, X86_64, numbers.X86_64), (x86, I386, numbers.I386),
                                 (arm64, AARCH64, numbers.AARCH64)):
        for name in seccomp.DENIED:
            if name in table:
                assert run(program, table[name], arch) == EPERM, name
    assert run(x86, numbers.X86_64["unshare"], X86_64, sc.CLONE_NEWUSER) == EPERM
    assert run(x86, numbers.X86_64["keyctl"], X86_64) == EPERM
    assert run(x86, numbers.X86_64["bpf"], X86_64) == EPERM


def test_everything_else_is_allowed(x86: bytes, arm64: bytes) -> None:
    denied = {numbers.X86_64[n] for n in seccomp.DENIED if n in numbers.X86_64}
    special = {numbers.X86_64[n] for n in ("clone", "clone3", "personality")}
    for nr in range(460):
        if nr not in denied | special:
            assert run(x86, nr, X86_64) == ALLOW, nr
    # read, write, execve, ptrace, process_vm_readv, clock_adjtime, name_to_handle_at
    for nr in (0, 1, 59, 101, 310, 305, 303):
        assert run(x86, nr, X86_64) == ALLOW
    assert run(x86, 272, I386) == ALLOW  # fadvise64_64 there, unshare on x86_64
    assert run(arm64, 56, AARCH64) == ALLOW  # openat
    assert run(arm64, numbers.AARCH64["unshare"], AARCH64) == EPERM


def test_clone_may_not_make_namespaces(x86: bytes, arm64: bytes) -> None:
    for program, arch, table in ((x86, X86_64, numbers.X86_64), (x86, I386, numbers.I386),
                                 (arm64, AARCH64, numbers.AARCH64)):
        clone = table["clone"]
        assert run(program, clone, arch, FORK_FLAGS) == ALLOW
        assert run(program, clone, arch, THREAD_FLAGS) == ALLOW
        assert run(program, clone, arch, 0x11 | (1 << 40)) == ALLOW  # only the low half
        for flag in (sc.CLONE_NEWNS, sc.CLONE_NEWUTS, sc.CLONE_NEWIPC, sc.CLONE_NEWUSER,
                     sc.CLONE_NEWPID, sc.CLONE_NEWNET, 0x02000000):
            assert run(program, clone, arch, FORK_FLAGS | flag) == EPERM, hex(flag)
        assert run(program, table["clone3"], arch) == ENOSYS


def test_personality_only_dockers(x86: bytes) -> None:
    nr = numbers.X86_64["personality"]
    for persona in (0x0, 0x8, 0x20000, 0x20008, 0xFFFFFFFF):
        assert run(x86, nr, X86_64, persona) == ALLOW
    for persona in (0x1, 0x0400000, 0x0040000, 0x20009, 0xFFFFFFFE):
        assert run(x86, nr, X86_64, persona) == EPERM
    assert run(x86, numbers.I386["personality"], I386, 0x0400000) == EPERM


def test_x32_and_other_architectures(x86: bytes, arm64: bytes) -> None:
    assert run(x86, seccomp.X32_SYSCALL_BIT | 1, X86_64) == EPERM  # x32's write
    assert run(x86, -1, X86_64) == ALLOW  # a tracer's skipped call: the kernel's ENOSYS
    assert run(x86, 0, AUDIT_ARCH_ARM) == KILL
    assert run(x86, 0, AARCH64) == KILL
    assert run(arm64, 0, AUDIT_ARCH_ARM) == KILL
    assert run(arm64, 0, X86_64) == KILL
    with pytest.raises(OSError, match="no syscall table for riscv64"):
        seccomp.build("riscv64")


def test_tables_name_what_the_filter_needs() -> None:
    for table in (numbers.X86_64, numbers.I386, numbers.AARCH64):
        assert {"clone", "clone3", "personality", "mount", "unshare"} <= table.keys()
        assert len(set(table.values())) == len(table)
        assert set(table) <= {*seccomp.DENIED, "clone", "clone3", "personality"}
    assert numbers.X86_64["pivot_root"] == 155 and numbers.AARCH64["pivot_root"] == 41


def _oci_denies(rules: list[dict], name: str, arg0: int) -> int | None:
    for rule in rules:
        if name in rule["names"] and all((arg0 & a["value"]) == a["valueTwo"]
                                         for a in rule.get("args", [])):
            return rule["errnoRet"]
    return None


def test_oci_profile_denies_the_same() -> None:
    profile = seccomp.oci_profile("x86_64")
    assert profile["defaultAction"] == "SCMP_ACT_ALLOW"
    assert profile["architectures"] == ["SCMP_ARCH_X86_64", "SCMP_ARCH_X86"]
    rules = profile["syscalls"]
    assert _oci_denies(rules, "mount", 0) == errno.EPERM
    assert _oci_denies(rules, "clone3", 0) == errno.ENOSYS
    assert _oci_denies(rules, "clone", FORK_FLAGS) is None
    assert _oci_denies(rules, "clone", FORK_FLAGS | sc.CLONE_NEWUSER) == errno.EPERM
    assert _oci_denies(rules, "read", 0) is None
    values = {*seccomp.PERSONALITIES, 0x20009, 0x1, 0xFFFFFFFE, 0x7FFFFFFF, 0x80000000}
    values |= {(1 << i) | (1 << j) for i in range(32) for j in range(32)}
    values |= {0xFFFFFFFF ^ (1 << i) for i in range(32)}
    values |= {random.getrandbits(32) for _ in range(2000)}
    values |= {v & 0x2000F for v in list(values)}
    for value in values:
        want = None if value in seccomp.PERSONALITIES else errno.EPERM
        assert _oci_denies(rules, "personality", value) == want, hex(value)


@pytest.mark.skipif(os.uname().machine not in seccomp.ARCHES, reason="no table here")
def test_installed_filter_denies_a_user_namespace() -> None:
    pid = os.fork()
    if pid == 0:
        code = 1
        try:
            sc.prctl(sc.PR_SET_NO_NEW_PRIVS, 1)
            seccomp.install()
            with open("/proc/self/status") as f:
                if "Seccomp:\t2\n" not in f.read():
                    os._exit(2)
            try:
                sc.unshare(sc.CLONE_NEWUSER)
            except OSError as exc:
                code = 0 if exc.errno == errno.EPERM else 3
        finally:
            os._exit(code)
    assert os.waitstatus_to_exitcode(os.waitpid(pid, 0)[1]) == 0
