"""System call numbers for the default seccomp filter (:mod:`builder.runtime.seccomp`): the
syscalls it denies or looks at, per architecture.

Taken from the kernel's UAPI headers (linux-libc-dev 6.1): ``X86_64`` from
``<asm/unistd_64.h>``, ``I386`` from ``<asm/unistd_32.h>`` (x86_64's compat syscalls), and
``AARCH64`` from ``<asm-generic/unistd.h>`` as a 64-bit architecture sees it. A syscall an
architecture lacks (``vm86`` outside i386, ``kexec_file_load`` on i386, the old module
and ``ustat`` calls on aarch64) is absent from its table.
"""

from __future__ import annotations

X86_64: dict[str, int] = {
    "clone": 56, "syslog": 103, "uselib": 134, "personality": 135, "ustat": 136, "sysfs": 139,
    "vhangup": 153, "pivot_root": 155, "_sysctl": 156, "acct": 163, "settimeofday": 164,
    "mount": 165, "umount2": 166, "swapon": 167, "swapoff": 168, "reboot": 169,
    "sethostname": 170, "setdomainname": 171, "iopl": 172, "ioperm": 173, "create_module": 174,
    "init_module": 175, "delete_module": 176, "get_kernel_syms": 177, "query_module": 178,
    "quotactl": 179, "nfsservctl": 180, "lookup_dcookie": 212, "clock_settime": 227,
    "mbind": 237, "set_mempolicy": 238, "get_mempolicy": 239, "kexec_load": 246,
    "add_key": 248, "request_key": 249, "keyctl": 250, "migrate_pages": 256, "unshare": 272,
    "move_pages": 279, "perf_event_open": 298, "fanotify_init": 300, "open_by_handle_at": 304,
    "setns": 308, "kcmp": 312, "finit_module": 313, "kexec_file_load": 320, "bpf": 321,
    "userfaultfd": 323, "io_uring_setup": 425, "io_uring_enter": 426, "io_uring_register": 427,
    "open_tree": 428, "move_mount": 429, "fsopen": 430, "fsconfig": 431, "fsmount": 432,
    "fspick": 433, "clone3": 435, "pidfd_getfd": 438, "process_madvise": 440,
    "mount_setattr": 442, "quotactl_fd": 443, "set_mempolicy_home_node": 450,
}
I386: dict[str, int] = {
    "mount": 21, "umount": 22, "stime": 25, "acct": 51, "umount2": 52, "ustat": 62,
    "sethostname": 74, "settimeofday": 79, "uselib": 86, "swapon": 87, "reboot": 88,
    "ioperm": 101, "syslog": 103, "iopl": 110, "vhangup": 111, "vm86old": 113, "swapoff": 115,
    "clone": 120, "setdomainname": 121, "create_module": 127, "init_module": 128,
    "delete_module": 129, "get_kernel_syms": 130, "quotactl": 131, "sysfs": 135,
    "personality": 136, "_sysctl": 149, "vm86": 166, "query_module": 167, "nfsservctl": 169,
    "pivot_root": 217, "lookup_dcookie": 253, "clock_settime": 264, "mbind": 274,
    "get_mempolicy": 275, "set_mempolicy": 276, "kexec_load": 283, "add_key": 286,
    "request_key": 287, "keyctl": 288, "migrate_pages": 294, "unshare": 310, "move_pages": 317,
    "perf_event_open": 336, "fanotify_init": 338, "open_by_handle_at": 342, "setns": 346,
    "kcmp": 349, "finit_module": 350, "bpf": 357, "userfaultfd": 374, "clock_settime64": 404,
    "io_uring_setup": 425, "io_uring_enter": 426, "io_uring_register": 427, "open_tree": 428,
    "move_mount": 429, "fsopen": 430, "fsconfig": 431, "fsmount": 432, "fspick": 433,
    "clone3": 435, "pidfd_getfd": 438, "process_madvise": 440, "mount_setattr": 442,
    "quotactl_fd": 443, "set_mempolicy_home_node": 450,
}
AARCH64: dict[str, int] = {
    "lookup_dcookie": 18, "umount2": 39, "mount": 40, "pivot_root": 41, "nfsservctl": 42,
    "vhangup": 58, "quotactl": 60, "acct": 89, "personality": 92, "unshare": 97,
    "kexec_load": 104, "init_module": 105, "delete_module": 106, "clock_settime": 112,
    "syslog": 116, "reboot": 142, "sethostname": 161, "setdomainname": 162,
    "settimeofday": 170, "add_key": 217, "request_key": 218, "keyctl": 219, "clone": 220,
    "swapon": 224, "swapoff": 225, "mbind": 235, "get_mempolicy": 236, "set_mempolicy": 237,
    "migrate_pages": 238, "move_pages": 239, "perf_event_open": 241, "fanotify_init": 262,
    "open_by_handle_at": 265, "setns": 268, "kcmp": 272, "finit_module": 273, "bpf": 280,
    "userfaultfd": 282, "kexec_file_load": 294, "io_uring_setup": 425, "io_uring_enter": 426,
    "io_uring_register": 427, "open_tree": 428, "move_mount": 429, "fsopen": 430,
    "fsconfig": 431, "fsmount": 432, "fspick": 433, "clone3": 435, "pidfd_getfd": 438,
    "process_madvise": 440, "mount_setattr": 442, "quotactl_fd": 443,
    "set_mempolicy_home_node": 450,
}
