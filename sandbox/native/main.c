/* sajilo-launcher modes:
 *   serve [SLOT]                  long-lived supervisor (see supervisor.c), used by index.ts;
 *                                 pinned to CPU number SLOT modulo the CPUs it may use
 *   doctor                        key=value facts about this host's protections
 *   cgroup-plan v1|v2 ROOT MB N   create a slot under a (fake) cgroup tree, write its limits,
 *                                 print the slot's directories: for the v2 unit tests
 *   client REQ RESP PROGRAM...    one run through a supervisor on two FIFOs (benchmarks)
 *   cgroup-usage v1|v2 DIR        baseline the counters of DIR, wait for a line, print usage */
#include "sandbox.h"
#include <errno.h>
#include <fcntl.h>
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

/* A minimal client for benchmarks: one run through a supervisor whose stdin and stdout are
 * the FIFOs REQ and RESP (the benchmark keeps both open, so they never see EOF). The arguments
 * before "--" are payload fields as they are (the limits: key=value), those after it the argv.
 * Prints the program's stdout; exits 0 when the verdict is ok. */
static int client(const char *req, const char *resp, int argc, char **argv) {
  char payload[8192];
  size_t n = (size_t)snprintf(payload, sizeof payload, "profile=run%c", 0);
  bool program = false;
  for (int i = 0; i < argc && n < sizeof payload; i++) {
    if (!program && !strcmp(argv[i], "--")) { program = true; continue; }
    n += (size_t)snprintf(payload + n, sizeof payload - n, "%s%s%c", program ? "arg=" : "", argv[i], 0);
  }
  if (n >= sizeof payload) return 2;
  char head[64];
  int h = snprintf(head, sizeof head, "RUN %zu 0\n", n);
  int w = open(req, O_WRONLY | O_CLOEXEC), r = open(resp, O_RDONLY | O_CLOEXEC);
  if (w < 0 || r < 0 || write(w, head, (size_t)h) != h || write(w, payload, n) != (ssize_t)n) return 2;
  char buf[65536], verdict[32];
  size_t got = 0, out = 0, err = 0, det = 0;
  char *nl = NULL;
  while (!(nl = memchr(buf, '\n', got))) {
    ssize_t k = read(r, buf + got, sizeof buf - got);
    if (k <= 0) return 2;
    got += (size_t)k;
  }
  if (sscanf(buf, "RES %31s %*s %*s %*s %*s %*s %*s %zu %zu %zu", verdict, &out, &err, &det) != 4) return 2;
  size_t body = (size_t)(nl + 1 - buf), want = body + out + err + det;
  if (want > sizeof buf) return 2;
  while (got < want) {
    ssize_t k = read(r, buf + got, want - got);
    if (k <= 0) return 2;
    got += (size_t)k;
  }
  if (write(1, buf + body, out) < 0) return 2;
  return strcmp(verdict, "ok") ? 1 : 0;
}

int main(int argc, char **argv) {
  if (argc >= 5 && !strcmp(argv[1], "client")) return client(argv[2], argv[3], argc - 4, argv + 4);
  if (argc >= 2 && !strcmp(argv[1], "serve")) return serve(argc >= 3 ? atol(argv[2]) : -1);
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
