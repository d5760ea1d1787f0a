/* rlimits of the program. With cgroups these are a second line; without (rootless, no
 * delegation) RLIMIT_AS and RLIMIT_NPROC stand in for the memory and pids controllers. */
#include "sandbox.h"
#include <stdio.h>

static bool set(int res, const char *name, rlim_t soft, rlim_t hard) {
  struct rlimit r = { soft, hard };
  if (setrlimit(res, &r) < 0) { fail("setrlimit", name); return false; }
  return true;
}

bool apply_rlimits(const struct job *j, bool cgroups) {
  /* RLIMIT_CPU counts one process (all its threads) in whole seconds: SIGXCPU at the soft
   * limit, SIGKILL at the hard one. The supervisor enforces the exact limit on the cgroup. */
  rlim_t cpu = (rlim_t)((j->cpu_ms + 999) / 1000);
  if (!set(RLIMIT_CPU, "CPU", cpu, cpu + 1)) return false;
  rlim_t fsize = (rlim_t)j->fsize_mb << 20;
  if (!set(RLIMIT_FSIZE, "FSIZE", fsize, fsize)) return false;
  if (!set(RLIMIT_NOFILE, "NOFILE", 64, 64)) return false;
  if (!set(RLIMIT_CORE, "CORE", 0, 0)) return false;
  if (!set(RLIMIT_MEMLOCK, "MEMLOCK", 0, 0)) return false;
  if (!set(RLIMIT_MSGQUEUE, "MSGQUEUE", 0, 0)) return false;
  if (!cgroups) {
    /* Address space is coarser than resident memory: allow some room for mappings. */
    rlim_t as = ((rlim_t)j->memory_mb << 20) + (16u << 20);
    if (!set(RLIMIT_AS, "AS", as, as)) return false;
    if (!set(RLIMIT_NPROC, "NPROC", (rlim_t)j->pids, (rlim_t)j->pids)) return false;
  }
  return true;
}
