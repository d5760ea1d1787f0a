/* sajilo-launcher modes:
 *   serve                         long-lived supervisor (see supervisor.c), used by index.ts
 *   doctor                        key=value facts about this host's protections
 *   cgroup-plan v1|v2 ROOT MB N   create a slot under a (fake) cgroup tree, write its limits,
 *                                 print the slot's directories: for the v2 unit tests
 *   cgroup-usage v1|v2 DIR        baseline the counters of DIR, wait for a line, print usage */
#include "sandbox.h"
#include <errno.h>
#include <linux/seccomp.h>
#include <sched.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

extern bool g_cg_fake;

static int doctor(void) {
  char v2[512] = "";
  bool memsw;
  enum cg_version v = cgroup_detect(v2, sizeof v2, &memsw);
  printf("euid=%d\n", (int)geteuid());
  printf("cgroup_version=%s\n", v == CG_V2 ? "v2" : v == CG_V1 ? "v1" : "none");
  printf("cgroup_swap_accounting=%d\n", memsw);
  struct cgroup_slot s;
  bool cg_ok = cgroup_slot_create(&s, NULL, CG_NONE);
  printf("cgroup_writable=%d%s%s\n", cg_ok, cg_ok ? "" : " ", cg_ok ? "" : g_err);
  if (cg_ok) cgroup_slot_remove(&s);
  g_err[0] = 0;
  pid_t p = (pid_t)syscall(SYS_clone, CLONE_NEWUSER | CLONE_NEWNS | CLONE_NEWPID | CLONE_NEWNET | CLONE_NEWIPC |
                                          CLONE_NEWUTS | CLONE_NEWCGROUP | SIGCHLD, 0, 0, 0, 0);
  if (p == 0) _exit(0);
  int st = 1;
  if (p > 0) waitpid(p, &st, 0);
  printf("namespaces=%d%s%s\n", p > 0 && st == 0, p < 0 ? " " : "", p < 0 ? strerror(errno) : "");
  printf("seccomp=%d\n", prctl(PR_GET_SECCOMP, 0, 0, 0, 0) >= 0);
  char buf[16] = "";
  printf("legacy_tiocsti=%s\n", read_file("/proc/sys/dev/tty/legacy_tiocsti", buf, sizeof buf) ? strtok(buf, "\n") : "absent");
  return 0;
}

int main(int argc, char **argv) {
  if (argc >= 2 && !strcmp(argv[1], "serve")) return serve();
  if (argc >= 2 && !strcmp(argv[1], "doctor")) return doctor();
  if (argc == 6 && !strcmp(argv[1], "cgroup-plan")) {
    struct cgroup_slot s;
    g_cg_fake = true;
    enum cg_version v = !strcmp(argv[2], "v2") ? CG_V2 : CG_V1;
    bool ok = cgroup_slot_create(&s, argv[3], v) && cgroup_slot_limits(&s, atol(argv[4]), atol(argv[5]));
    if (!ok) { fprintf(stderr, "%s\n", g_err); return 1; }
    printf("%s\n%s\n%s\n", s.mem, s.pids, s.cpu);
    return 0;
  }
  if (argc == 4 && !strcmp(argv[1], "cgroup-usage")) {
    /* Reads the counters of an existing (fake) slot dir: baseline, wait for a line, usage. */
    struct cgroup_slot s = { 0 };
    s.version = !strcmp(argv[2], "v2") ? CG_V2 : CG_V1;
    snprintf(s.mem, sizeof s.mem, "%s", argv[3]);
    strcpy(s.pids, s.mem); strcpy(s.cpu, s.mem);
    s.memsw = s.version == CG_V1 && access(strcat(strcpy((char[700]){0}, s.mem), "/memory.memsw.failcnt"), F_OK) == 0;
    g_cg_fake = true;
    if (!cgroup_slot_begin(&s)) { fprintf(stderr, "begin failed\n"); return 1; }
    printf("ready\n"); fflush(stdout);
    char line[16];
    if (!fgets(line, sizeof line, stdin)) return 1;
    long long cpu, peak; bool oom, failed;
    cgroup_slot_usage(&s, &cpu, &peak, &oom, &failed);
    printf("cpu_ns=%lld peak=%lld oom=%d mem_failed=%d\n", cpu, peak, oom, failed);
    return 0;
  }
  fprintf(stderr, "usage: %s serve | doctor | cgroup-plan v1|v2 ROOT MEMORY_MB PIDS\n", argv[0]);
  return 2;
}
