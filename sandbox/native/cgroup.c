/* cgroups: one "slot" per long-lived supervisor. The supervisor moves itself into its slot
 * once, at start, and every program it runs is forked from inside, so no attach (a write to
 * cgroup.procs) happens on the run path. That matters on v1: after 50-200 ms of idle an
 * attach waits for an RCU grace period (cgroup_threadgroup_rwsem), 9-13 ms and worse.
 *
 * v1: memory (+memsw when the kernel accounts swap), pids and cpuacct hierarchies, each slot
 *     at <mount><our cgroup>/sajilo-<pid>-<starttime>.
 * v2: one directory with memory.max, memory.swap.max, pids.max; controllers enabled in the
 *     parent's cgroup.subtree_control (needs a delegated parent without processes of its own,
 *     e.g. systemd Delegate=yes; SAJILO_CGROUP_V2_BASE names it). A per-run cgroup with
 *     clone3(CLONE_INTO_CGROUP) would avoid the attach too; the slot design serves both.
 * Names carry the owner's pid and start time, so any process can sweep slots of dead owners. */
#include "sandbox.h"
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

bool g_cg_fake;                   /* cgroup-plan against a fake tree: create files as we write */

static bool cg_write(const char *dir, const char *file, const char *text) {
  char path[640];
  snprintf(path, sizeof path, "%s/%s", dir, file);
  if (g_cg_fake) { int fd = open(path, O_CREAT | O_WRONLY | O_TRUNC | O_CLOEXEC, 0644); if (fd >= 0) close(fd); }
  return write_file(path, text);
}

static long long cg_read(const char *dir, const char *file) {
  char path[640];
  snprintf(path, sizeof path, "%s/%s", dir, file);
  return read_ll(path);
}

static long long cg_keyed(const char *dir, const char *file, const char *key) {
  char path[640];
  snprintf(path, sizeof path, "%s/%s", dir, file);
  return read_keyed(path, key);
}

/* Mount point of the v1 hierarchy holding `controller`, or of cgroup2 (controller NULL). */
static bool find_mount(const char *controller, char *out, size_t n) {
  FILE *f = fopen("/proc/self/mounts", "re");
  if (!f) return false;
  char dev[256], dir[256], type[64], opts[512];
  bool found = false;
  while (!found && fscanf(f, "%255s %255s %63s %511s %*d %*d", dev, dir, type, opts) == 4) {
    if (!controller) found = strcmp(type, "cgroup2") == 0;
    else if (strcmp(type, "cgroup") == 0)
      for (char *t = strtok(opts, ","); t && !found; t = strtok(NULL, ",")) found = strcmp(t, controller) == 0;
    if (found) snprintf(out, n, "%s", dir);
  }
  fclose(f);
  return found;
}

/* Our own cgroup in the hierarchy holding `controller` (v1) or the unified one (NULL). */
static bool self_path(const char *controller, char *out, size_t n) {
  FILE *f = fopen("/proc/self/cgroup", "re");
  if (!f) return false;
  char line[1024];
  bool found = false;
  while (!found && fgets(line, sizeof line, f)) {
    char *c1 = strchr(line, ':'), *c2 = c1 ? strchr(c1 + 1, ':') : NULL;
    if (!c2) continue;
    *c2 = 0;
    line[strcspn(line, "\n")] = 0;
    c2[1 + strcspn(c2 + 1, "\n")] = 0;
    if (!controller) found = c2 == c1 + 1;
    else for (char *t = strtok(c1 + 1, ","); t && !found; t = strtok(NULL, ",")) found = strcmp(t, controller) == 0;
    if (found) snprintf(out, n, "%s", strcmp(c2 + 1, "/") == 0 ? "" : c2 + 1);
  }
  fclose(f);
  return found;
}

static bool v1_base(const char *controller, char *out, size_t n) {
  char mnt[256], self[256];
  if (!find_mount(controller, mnt, sizeof mnt) || !self_path(controller, self, sizeof self)) return false;
  snprintf(out, n, "%s%s", mnt, self);
  return true;
}

static bool v2_base(char *out, size_t n) {
  const char *env = getenv("SAJILO_CGROUP_V2_BASE");
  if (env) { snprintf(out, n, "%s", env); return true; }
  char mnt[256], self[256];
  if (!find_mount(NULL, mnt, sizeof mnt) || !self_path(NULL, self, sizeof self)) return false;
  snprintf(out, n, "%s%s", mnt, self);
  return true;
}

enum cg_version cgroup_detect(char *v2root, size_t n, bool *memsw) {
  char base[512], ctl[1024], path[600];
  *memsw = false;
  if (v2_base(base, sizeof base)) {
    snprintf(path, sizeof path, "%s/cgroup.controllers", base);
    if (read_file(path, ctl, sizeof ctl) && strstr(ctl, "memory") && strstr(ctl, "pids")) {
      if (v2root) snprintf(v2root, n, "%s", base);
      return CG_V2;     /* swap accounting is known per slot (memory.swap.max present) */
    }
  }
  if (v1_base("memory", base, sizeof base) && v1_base("pids", path, sizeof path) &&
      v1_base("cpuacct", ctl, sizeof ctl)) {
    char f[600];
    snprintf(f, sizeof f, "%s/memory.memsw.limit_in_bytes", base);
    *memsw = access(f, F_OK) == 0;
    return CG_V1;
  }
  return CG_NONE;
}

static long long start_time(pid_t pid) {
  char path[64], buf[1024];
  snprintf(path, sizeof path, "/proc/%d/stat", (int)pid);
  if (!read_file(path, buf, sizeof buf)) return -1;
  char *p = strrchr(buf, ')');                 /* the command name may hold spaces */
  if (!p) return -1;
  long long v = -1;
  for (int field = 2; p && field < 22; field++) p = strchr(p + 1, ' ');
  if (p) v = strtoll(p + 1, NULL, 10);
  return v;
}

static bool make_slot(char *dir, size_t n, const char *base) {
  snprintf(dir, n, "%s/sajilo-%d-%lld", base, (int)getpid(), start_time(getpid()));
  if (mkdir(dir, 0755) < 0 && errno != EEXIST) { fail("mkdir", dir); return false; }
  return true;
}

static bool attach(const char *dir) {
  char pid[32];
  snprintf(pid, sizeof pid, "%d", (int)getpid());
  return cg_write(dir, "cgroup.procs", pid);
}

bool cgroup_slot_create(struct cgroup_slot *s, const char *root_override, enum cg_version forced) {
  char base[512];
  memset(s, 0, sizeof *s);
  s->version = forced ? forced : cgroup_detect(NULL, 0, &s->memsw);
  if (s->version == CG_V2) {
    if (root_override) snprintf(base, sizeof base, "%s", root_override);
    else if (!v2_base(base, sizeof base)) { failx("cgroup v2", "base", ENOENT); return false; }
    if (!cg_write(base, "cgroup.subtree_control", "+memory +pids +cpu")) return false;
    if (!make_slot(s->mem, sizeof s->mem, base)) return false;
    char f[600];
    snprintf(f, sizeof f, "%s/memory.swap.max", s->mem);
    s->memsw = g_cg_fake || access(f, F_OK) == 0;
    strcpy(s->pids, s->mem);
    strcpy(s->cpu, s->mem);
    return attach(s->mem);
  }
  if (s->version == CG_V1) {
    const char *ctl[3] = { "memory", "pids", "cpuacct" };
    char *dirs[3] = { s->mem, s->pids, s->cpu };
    for (int i = 0; i < 3; i++) {
      if (root_override) snprintf(base, sizeof base, "%s/%s", root_override, ctl[i]);
      else if (!v1_base(ctl[i], base, sizeof base)) { failx("cgroup v1", ctl[i], ENOENT); return false; }
      if (!make_slot(dirs[i], sizeof s->mem, base) || !attach(dirs[i])) return false;
    }
    char f[600];
    snprintf(f, sizeof f, "%s/memory.memsw.limit_in_bytes", s->mem);
    s->memsw = access(f, F_OK) == 0;   /* absent: kernel built or booted without swap accounting */
    return true;
  }
  failx("cgroups", "none usable", ENOENT);
  return false;
}

bool cgroup_slot_limits(struct cgroup_slot *s, long memory_mb, long pids) {
  char mem[32], n[32];
  /* The supervisor (~1 MB) lives in the slot too: give it its own headroom. */
  snprintf(mem, sizeof mem, "%lld", ((long long)memory_mb << 20) + (4LL << 20));
  snprintf(n, sizeof n, "%ld", pids + 2);      /* + the supervisor and the sandbox's init */
  if (s->version == CG_V2)
    return cg_write(s->mem, "memory.max", mem) && (!s->memsw || cg_write(s->mem, "memory.swap.max", "0")) &&
           cg_write(s->pids, "pids.max", n);
  if (s->version == CG_V1) {
    /* memsw.limit must stay >= limit: lower memsw last when shrinking, first when growing. */
    long long cur = cg_read(s->mem, "memory.limit_in_bytes");
    bool grow = cur >= 0 && atoll(mem) > cur;
    if (s->memsw && grow && !cg_write(s->mem, "memory.memsw.limit_in_bytes", mem)) return false;
    if (!cg_write(s->mem, "memory.limit_in_bytes", mem)) return false;
    if (s->memsw && !grow && !cg_write(s->mem, "memory.memsw.limit_in_bytes", mem)) return false;
    return cg_write(s->pids, "pids.max", n);
  }
  return false;
}

/* The previous run's tasks leave the pids count a moment after its init is reaped (the kernel
 * releases a killed namespace's tasks asynchronously): wait, at most 100 ms, until only the
 * supervisor is counted, so that each run gets its whole pids limit. */
static void settle_pids(struct cgroup_slot *s) {
  for (int i = 0; i < 200 && cg_read(s->pids, "pids.current") > 1; i++) usleep(500);
}

/* Before each run: baselines of the counters that cannot be reset. */
bool cgroup_slot_begin(struct cgroup_slot *s) {
  settle_pids(s);
  if (s->version == CG_V1) {
    s->oom_before = cg_keyed(s->mem, "memory.oom_control", "oom_kill");
    s->failcnt_before = cg_read(s->mem, s->memsw ? "memory.memsw.failcnt" : "memory.failcnt");
    s->cpu_before = cg_read(s->cpu, "cpuacct.usage");
    cg_write(s->mem, "memory.max_usage_in_bytes", "0");
  } else {
    s->oom_before = cg_keyed(s->mem, "memory.events", "oom_kill");
    s->failcnt_before = cg_keyed(s->mem, "memory.events", "max");
    s->cpu_before = cg_keyed(s->cpu, "cpu.stat", "usage_usec") * 1000;
  }
  return s->cpu_before >= 0;
}

void cgroup_slot_usage(struct cgroup_slot *s, long long *cpu_ns, long long *mem_peak,
                       bool *oom_killed, bool *mem_failed) {
  long long cpu, oom, failcnt;
  if (s->version == CG_V1) {
    cpu = cg_read(s->cpu, "cpuacct.usage");
    oom = cg_keyed(s->mem, "memory.oom_control", "oom_kill");
    failcnt = cg_read(s->mem, s->memsw ? "memory.memsw.failcnt" : "memory.failcnt");
    if (mem_peak) *mem_peak = cg_read(s->mem, "memory.max_usage_in_bytes");
  } else {
    cpu = cg_keyed(s->cpu, "cpu.stat", "usage_usec") * 1000;
    oom = cg_keyed(s->mem, "memory.events", "oom_kill");
    failcnt = cg_keyed(s->mem, "memory.events", "max");
    if (mem_peak) *mem_peak = cg_read(s->mem, "memory.peak");
  }
  if (cpu_ns) *cpu_ns = cpu - s->cpu_before;
  if (oom_killed) *oom_killed = oom > s->oom_before;
  if (mem_failed) *mem_failed = failcnt > s->failcnt_before;
}

/* At exit: step out of the slot (one slow attach, off the run path), then remove it. */
void cgroup_slot_remove(struct cgroup_slot *s) {
  char *dirs[3] = { s->mem, s->pids, s->cpu };
  int n = s->version == CG_V1 ? 3 : s->version == CG_V2 ? 1 : 0;
  for (int i = 0; i < n; i++) {
    char parent[512];
    snprintf(parent, sizeof parent, "%s", dirs[i]);
    char *slash = strrchr(parent, '/');
    if (!slash) continue;
    *slash = 0;
    attach(parent);
    rmdir(dirs[i]);
  }
}

/* Remove slots whose owner is gone (killed with SIGKILL, machine crash...): kill whatever is
 * still inside, then rmdir. A slot whose owner pid is alive with the same start time stays. */
static void sweep_dir(const char *base) {
  DIR *d = opendir(base);
  if (!d) return;
  struct dirent *e;
  while ((e = readdir(d))) {
    int pid; long long st;
    if (sscanf(e->d_name, "sajilo-%d-%lld", &pid, &st) != 2) continue;
    if (start_time(pid) == st) continue;
    char dir[1024], procs[1100], buf[4096];
    snprintf(dir, sizeof dir, "%s/%s", base, e->d_name);
    snprintf(procs, sizeof procs, "%s/cgroup.procs", dir);
    for (int tries = 0; tries < 50 && rmdir(dir) < 0 && errno == EBUSY; tries++) {
      if (read_file(procs, buf, sizeof buf))
        for (char *p = buf; *p; p = strchr(p, '\n') ? strchr(p, '\n') + 1 : p + strlen(p)) {
          int victim = atoi(p);
          if (victim > 0) kill(victim, SIGKILL);
        }
      usleep(2000);
    }
  }
  closedir(d);
}

void cgroup_sweep(void) {
  char base[512];
  const char *ctl[3] = { "memory", "pids", "cpuacct" };
  for (int i = 0; i < 3; i++) if (v1_base(ctl[i], base, sizeof base)) sweep_dir(base);
  if (v2_base(base, sizeof base)) sweep_dir(base);
}
