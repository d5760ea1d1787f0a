/* PID 1 of the sandbox. Compile profile: created by the supervisor with clone(CLONE_NEW*), it
 * waits for the id maps and builds the root. Run profile: created inside the pre-made
 * namespaces (template.c), where the root is already there. Then it forks the program (PID 2)
 * and reaps everything until the program is gone. The program must not be PID 1: PID 1 ignores signals it has no handler
 * for, SIGXCPU from RLIMIT_CPU included. When init returns, the kernel kills every process
 * left in the namespace, so the whole tree ends with it. */
#include "sandbox.h"
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <sched.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

static void report(int fd, struct init_report *r) {
  snprintf(r->err, sizeof r->err, "%s", g_err);
  ssize_t w = write(fd, r, sizeof *r);
  (void)w;
}

/* The program's side, after fork: credentials, stdio, limits, no privileges, filter, exec. */
static void program(struct job *j, struct init_fds *f, bool cgroups) {
  /* A new session: no controlling terminal, so no TIOCSTI into the host's one. */
  if (setsid() < 0) { fail("setsid", NULL); return; }
  if (dup2(f->stdin_fd, 0) < 0 || dup2(f->out_wr, 1) < 0 || dup2(f->err_wr, 2) < 0) { fail("dup2", NULL); return; }
  /* Before RLIMIT_NOFILE (64) would forbid the number; close-on-exec, so the program never
   * holds a descriptor of its own executable. */
  if (j->profile == PROFILE_RUN && dup3(j->exe_fd, EXEC_FD, O_CLOEXEC) < 0) { fail("dup3", "program"); return; }
  /* Only the report pipe stays open past exec... as close-on-exec, to carry an exec error. */
  if (syscall(SYS_close_range, 3, ~0U, CLOSE_RANGE_CLOEXEC) < 0) { fail("close_range", NULL); return; }
  sched_setaffinity(0, sizeof g_allowed_cpus, &g_allowed_cpus);   /* the launch is over */
  if (!apply_rlimits(j, cgroups) || !drop_capabilities() || !seccomp_install(j->profile)) return;
  if (j->profile == PROFILE_RUN) syscall(SYS_execveat, EXEC_FD, EXEC_EMPTY, j->argv, j->envp, AT_EMPTY_PATH);
  else execve(j->argv[0], j->argv, j->envp);
  /* Only reachable when execve failed: the filter allows it, so report as exec failure. */
  int e = errno;
  struct init_report r = { 0 };
  r.exec_errno = e;
  if (j->profile == PROFILE_RUN && e == ENOENT)   /* the file exists: its ELF interpreter does not */
    snprintf(g_err, sizeof g_err, "execveat(%s): not a statically linked executable (the run profile's root is empty)", j->argv[0]);
  else failx("execve", j->argv[0], e);
  report(f->report_wr, &r);
  _exit(127);
}

int init_main(struct job *j, struct init_fds *f, bool privileged, bool cgroups, bool premade) {
  struct init_report r = { 0 };
  char c;
  /* Fresh user namespace: wait until the supervisor has written our id maps. The pre-made
   * one is mapped already: go on at once (no round trip through the supervisor). */
  if (!premade && read(f->sync_rd, &c, 1) != 1) _exit(1);
  /* The supervisor shields itself from the OOM killer; the program must be the victim. */
  if (!premade) write_file("/proc/self/oom_score_adj", "1000");   /* premade: set before setns */
  bool ok = (premade || open_host_paths(j)) && become_sandbox_user(privileged);
  /* If the supervisor dies, so do we, and the namespace with us. Set after the credential
   * change, which clears it. The supervisor holds the sync pipe's write end for the whole
   * run: a hang-up now means it died before the line above took effect. */
  struct pollfd hup = { f->sync_rd, 0, 0 };
  if (prctl(PR_SET_PDEATHSIG, SIGKILL) < 0 || poll(&hup, 1, 0) != 0) _exit(1);
  close(f->sync_rd);
  ok = ok && sethostname("sandbox", 7) == 0 && (premade || build_root(j));
  if (!ok) {
    if (!g_err[0]) fail("sethostname", NULL);
    r.setup_failed = 1;
    report(f->report_wr, &r);
    _exit(1);
  }
  pid_t child = fork();
  if (child < 0) { fail("fork", NULL); r.setup_failed = 1; report(f->report_wr, &r); _exit(1); }
  if (child == 0) {
    program(j, f, cgroups);
    r.setup_failed = 1;                                 /* a step before exec failed */
    report(f->report_wr, &r);
    _exit(127);
  }
  close(f->stdin_fd); close(f->out_wr); close(f->err_wr);
  int st;
  for (;;) {
    pid_t p = waitpid(-1, &st, 0);
    if (p == child) break;
    if (p < 0 && errno != EINTR) { fail("waitpid", NULL); r.setup_failed = 1; report(f->report_wr, &r); _exit(1); }
  }
  r.status = st;
  getrusage(RUSAGE_CHILDREN, &r.ru);
  report(f->report_wr, &r);
  _exit(0);
}
