/* seccomp-bpf filters, installed by the program's process just before execve (after
 * no_new_privs). Both start by checking the architecture and refusing the x32 ABI (system
 * call numbers with bit 30 set), which would otherwise reach the same kernel code under
 * numbers this filter never compares.
 *
 * run: an allowlist of what a statically linked program needs; anything else kills the whole
 *   process (SIGSYS -> verdict security_violation). clone is allowed for threads only (its
 *   flags must hold CLONE_THREAD and no namespace flag); clone3, whose flags sit in memory a
 *   filter cannot read, answers ENOSYS so libc falls back to clone. The program is started
 *   with execveat(EXEC_FD, "", AT_EMPTY_PATH) from a close-on-exec descriptor (the root is
 *   empty: the executable is not a file in it), and that exact call, with the launcher's own
 *   "" pointer, is the only exec allowed: execve of anything (a shell...) kills. ioctl is
 *   limited to the two terminal queries libc makes.
 * compile: allow by default, kill on the calls that reach kernel attack surface or escape
 *   the namespaces (mount, ptrace, bpf, io_uring, unshare...), and on TIOCSTI. */
#include "sandbox.h"
#include <errno.h>
#include <fcntl.h>
#include <linux/audit.h>
#include <linux/filter.h>
#include <linux/seccomp.h>
#include <linux/sched.h>
#include <sched.h>
#include <stdio.h>
#include <sys/ioctl.h>
#include <sys/prctl.h>
#include <sys/syscall.h>
#include <unistd.h>

#if !defined(__x86_64__)
#error "seccomp.c: only x86_64 filters are written; refuse to build rather than run unfiltered"
#endif

const char EXEC_EMPTY[] = "";

#define NS_FLAGS (CLONE_NEWNS | CLONE_NEWUSER | CLONE_NEWPID | CLONE_NEWNET | CLONE_NEWIPC | \
                  CLONE_NEWUTS | CLONE_NEWCGROUP | CLONE_NEWTIME)
#define KILL SECCOMP_RET_KILL_PROCESS
#define ARG_LO(i) (offsetof(struct seccomp_data, args) + 8 * (i))
#define ARG_HI(i) (ARG_LO(i) + 4)

static const int run_allow[] = {
  SYS_read, SYS_write, SYS_readv, SYS_writev, SYS_pread64, SYS_lseek, SYS_close, SYS_fstat,
  SYS_newfstatat, SYS_statx, SYS_openat, SYS_open, SYS_access, SYS_faccessat, SYS_faccessat2,
  SYS_readlink, SYS_readlinkat, SYS_getcwd, SYS_brk, SYS_mmap, SYS_munmap, SYS_mprotect,
  SYS_mremap, SYS_madvise, SYS_rt_sigaction, SYS_rt_sigprocmask, SYS_rt_sigreturn,
  SYS_sigaltstack, SYS_tgkill, SYS_getpid, SYS_gettid, SYS_getppid, SYS_getuid, SYS_geteuid,
  SYS_getgid, SYS_getegid, SYS_arch_prctl, SYS_set_tid_address, SYS_set_robust_list, SYS_rseq,
  SYS_prlimit64, SYS_getrlimit, SYS_getrandom, SYS_clock_gettime, SYS_clock_getres,
  SYS_clock_nanosleep, SYS_nanosleep, SYS_gettimeofday, SYS_time, SYS_futex, SYS_sched_yield,
  SYS_sched_getaffinity, SYS_uname, SYS_exit, SYS_exit_group, SYS_fcntl, SYS_dup, SYS_dup2,
  SYS_dup3, SYS_poll, SYS_ppoll, SYS_select, SYS_pselect6, SYS_sysinfo, SYS_times,
  SYS_getrusage, SYS_pause,
};

static const int compile_deny[] = {
  SYS_mount, SYS_umount2, SYS_pivot_root, SYS_chroot, SYS_ptrace, SYS_process_vm_readv,
  SYS_process_vm_writev, SYS_bpf, SYS_keyctl, SYS_add_key, SYS_request_key, SYS_unshare,
  SYS_setns, SYS_io_uring_setup, SYS_io_uring_enter, SYS_io_uring_register, SYS_userfaultfd,
  SYS_perf_event_open, SYS_kexec_load, SYS_kexec_file_load, SYS_init_module, SYS_finit_module,
  SYS_delete_module, SYS_reboot, SYS_swapon, SYS_swapoff, SYS_acct, SYS_quotactl, SYS_syslog,
  SYS_open_by_handle_at, SYS_name_to_handle_at, SYS_lookup_dcookie, SYS_move_mount,
  SYS_open_tree, SYS_fsopen, SYS_fsconfig, SYS_fsmount, SYS_fspick, SYS_mount_setattr,
  SYS_iopl, SYS_ioperm, SYS_vhangup, SYS_settimeofday, SYS_clock_settime, SYS_clock_adjtime,
  SYS_adjtimex, SYS_sethostname, SYS_setdomainname, SYS_pidfd_getfd, SYS_kcmp,
  SYS_personality, SYS_fanotify_init, SYS_uselib, SYS_execveat,
};

static struct sock_filter prog[512];
static int n;
#define EMIT(code, k) (prog[n++] = (struct sock_filter)BPF_STMT((code), (k)))
#define JUMP(code, k, t, f) (prog[n++] = (struct sock_filter)BPF_JUMP((code), (k), (t), (f)))
#define LOAD(off) EMIT(BPF_LD | BPF_W | BPF_ABS, (off))
#define RET(v) EMIT(BPF_RET | BPF_K, (v))

static void header(void) {
  LOAD(offsetof(struct seccomp_data, arch));
  JUMP(BPF_JMP | BPF_JEQ | BPF_K, AUDIT_ARCH_X86_64, 1, 0);
  RET(KILL);
  LOAD(offsetof(struct seccomp_data, nr));
  JUMP(BPF_JMP | BPF_JGE | BPF_K, 0x40000000, 0, 1);      /* x32 ABI */
  RET(KILL);
  JUMP(BPF_JMP | BPF_JEQ | BPF_K, SYS_clone3, 0, 1);
  RET(SECCOMP_RET_ERRNO | ENOSYS);
}

/* clone: namespace flags kill; in `threads_only` mode so does anything but a thread. */
static void clone_check(bool threads_only) {
  JUMP(BPF_JMP | BPF_JEQ | BPF_K, SYS_clone, 0, threads_only ? 6 : 5);
  LOAD(ARG_LO(0));
  JUMP(BPF_JMP | BPF_JSET | BPF_K, NS_FLAGS, 0, 1);
  RET(KILL);
  if (threads_only) {
    JUMP(BPF_JMP | BPF_JSET | BPF_K, CLONE_THREAD, 1, 0);
    RET(KILL);
  } else RET(SECCOMP_RET_ALLOW);
  RET(SECCOMP_RET_ALLOW);
  LOAD(offsetof(struct seccomp_data, nr));             /* fall-through path reloads nr */
}

static bool install(void) {
  struct sock_fprog fp = { (unsigned short)n, prog };
  if (syscall(SYS_seccomp, SECCOMP_SET_MODE_FILTER, 0, &fp) < 0) { fail("seccomp", NULL); return false; }
  return true;
}

bool seccomp_install(enum profile p) {
  n = 0;
  header();
  if (p == PROFILE_RUN) {
    clone_check(true);
    uint64_t path = (uint64_t)(uintptr_t)EXEC_EMPTY;
    JUMP(BPF_JMP | BPF_JEQ | BPF_K, SYS_execveat, 0, 12);
    LOAD(ARG_LO(0));
    JUMP(BPF_JMP | BPF_JEQ | BPF_K, EXEC_FD, 0, 9);
    LOAD(ARG_LO(1));
    JUMP(BPF_JMP | BPF_JEQ | BPF_K, (uint32_t)path, 0, 7);
    LOAD(ARG_HI(1));
    JUMP(BPF_JMP | BPF_JEQ | BPF_K, (uint32_t)(path >> 32), 0, 5);
    LOAD(ARG_LO(4));
    JUMP(BPF_JMP | BPF_JEQ | BPF_K, AT_EMPTY_PATH, 0, 3);
    LOAD(ARG_HI(4));
    JUMP(BPF_JMP | BPF_JEQ | BPF_K, 0, 0, 1);
    RET(SECCOMP_RET_ALLOW);
    RET(KILL);
    LOAD(offsetof(struct seccomp_data, nr));
    JUMP(BPF_JMP | BPF_JEQ | BPF_K, SYS_ioctl, 0, 5);
    LOAD(ARG_LO(1));
    JUMP(BPF_JMP | BPF_JEQ | BPF_K, TCGETS, 1, 0);
    JUMP(BPF_JMP | BPF_JEQ | BPF_K, TIOCGWINSZ, 0, 1);
    RET(SECCOMP_RET_ALLOW);
    RET(SECCOMP_RET_ERRNO | ENOTTY);
    for (size_t i = 0; i < sizeof run_allow / sizeof *run_allow; i++) {
      JUMP(BPF_JMP | BPF_JEQ | BPF_K, (uint32_t)run_allow[i], 0, 1);
      RET(SECCOMP_RET_ALLOW);
    }
    RET(KILL);
  } else {
    clone_check(false);
    JUMP(BPF_JMP | BPF_JEQ | BPF_K, SYS_ioctl, 0, 4);
    LOAD(ARG_LO(1));
    JUMP(BPF_JMP | BPF_JEQ | BPF_K, TIOCSTI, 0, 1);
    RET(KILL);
    RET(SECCOMP_RET_ALLOW);
    for (size_t i = 0; i < sizeof compile_deny / sizeof *compile_deny; i++) {
      JUMP(BPF_JMP | BPF_JEQ | BPF_K, (uint32_t)compile_deny[i], 0, 1);
      RET(KILL);
    }
    RET(SECCOMP_RET_ALLOW);
  }
  return install();
}
