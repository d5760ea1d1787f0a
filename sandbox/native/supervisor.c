/* The supervisor: a long-lived helper that sits in its cgroup slot (and, as root, in a
 * pre-made empty network namespace) and runs one request at a time. Everything that limits
 * a run from outside lives here: wall clock, CPU of the whole slot, the output cap while
 * streaming, and the verdict.
 *
 * Wire format (stdin -> us):
 *   "RUN <payload bytes> <stdin bytes>\n" payload stdin
 *   payload = NUL-terminated "key=value" strings: profile=run|compile cpu= wall= mem= pids=
 *   out= fsize= tmp= (every limit required: the launcher has no defaults) wd= ro=(repeated)
 *   env=(repeated) arg=(repeated, argv in order)
 * Reply (us -> stdout):
 *   "RES <verdict> <exit|-> <signal|-> <cpuMs> <wallMs> <memKb> <truncated> <outLen> <errLen>
 *    <detailLen>\n" stdout-bytes stderr-bytes detail-bytes
 * With stream=1 in the payload, output is also sent as it arrives, before RES (counted against
 * the same cap, so the RES bodies hold the same bytes): "OUT <1|2> <len>\n" bytes.
 * While a run is under way, a "STOP\n" line on stdin ends it (verdict runtime_error, SIGKILL);
 * a STOP that arrives after its run ended is ignored. EOF on stdin ends the run too.
 * At start we print "READY <cgroup v0|v1|v2> <memsw 0|1> <root 0|1> <netns pre|fresh>\n", or
 * "FATAL <reason>\n" and exit when a required protection cannot be set up (fail closed). */
#include "sandbox.h"
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <sched.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static struct cgroup_slot slot;
static bool have_cgroups, privileged, netns_premade;
static struct ns_template tmpl = { -1, -1, -1 };

/* The run profile's program, opened here (O_PATH): it is exec'd from this descriptor, and
 * is never a file in the sandbox's root. */
static bool open_program(struct job *j) {
  struct stat st;
  if (j->profile != PROFILE_RUN) return true;
  j->exe_fd = open(j->argv[0], O_PATH | O_CLOEXEC);
  if (j->exe_fd < 0) { fail("open", j->argv[0]); return false; }
  if (fstat(j->exe_fd, &st) < 0 || !S_ISREG(st.st_mode)) { failx("program", j->argv[0], EACCES); return false; }
  const char *slash = strrchr(j->argv[0], '/');   /* the program sees only its base name */
  j->argv[0] = (char *)(slash + 1);
  return true;
}

/* Keep the processes that start a run (this child, init, the program until its exec) on the
 * CPU the supervisor is on: each wakes the next, and a wake-up sent to another, idle (halted)
 * vCPU cost milliseconds here. The program gets all allowed CPUs back before exec. */
static void stay_on_this_cpu(int cpu) {
  cpu_set_t one;
  if (cpu < 0 || getenv("SAJILO_SANDBOX_NO_AFFINITY")) return;
  CPU_ZERO(&one);
  CPU_SET(cpu, &one);
  sched_setaffinity(0, sizeof one, &one);
}

/* Run profile with the pre-made namespaces: a short-lived child joins them, then creates
 * the sandbox's init with CLONE_PARENT (so init is our child) in fresh PID, IPC, UTS and
 * cgroup namespaces owned by the pre-made user namespace, and tells us init's pid. */
static pid_t spawn_premade(struct job *j, struct init_fds *f, int close_in_child[4]) {
  int p[2], cpu = sched_getcpu();
  if (pipe2(p, O_CLOEXEC) < 0) { fail("pipe2", NULL); return -1; }
  pid_t c1 = (pid_t)syscall(SYS_clone, SIGCHLD, 0, 0, 0, 0);
  if (c1 < 0) { fail("clone", NULL); close(p[0]); close(p[1]); return -1; }
  if (c1 == 0) {
    for (int i = 0; i < 4; i++) close(close_in_child[i]);
    close(p[0]);
    /* Host /proc is still visible here: make the program the OOM killer's choice. */
    write_file("/proc/self/oom_score_adj", "1000");
    stay_on_this_cpu(cpu);
    if (setns(tmpl.user, CLONE_NEWUSER) < 0 || setns(tmpl.mnt, CLONE_NEWNS) < 0 || setns(tmpl.net, CLONE_NEWNET) < 0) _exit(1);
    pid_t init = (pid_t)syscall(SYS_clone, CLONE_PARENT | CLONE_NEWPID | CLONE_NEWIPC | CLONE_NEWUTS | CLONE_NEWCGROUP, 0, 0, 0, 0);
    if (init == 0) { close(p[1]); _exit(init_main(j, f, privileged, have_cgroups, true)); }
    _exit(init > 0 && write(p[1], &init, sizeof init) == sizeof init ? 0 : 1);
  }
  close(p[1]);
  pid_t init = -1;
  int st;
  if (read(p[0], &init, sizeof init) != sizeof init) { init = -1; failx("premade spawn", "setns/clone", EPROTO); }
  close(p[0]);
  waitpid(c1, &st, 0);
  return init;
}

static bool read_full(int fd, void *buf, size_t n) {
  for (size_t got = 0; got < n;) {
    ssize_t r = read(fd, (char *)buf + got, n - got);
    if (r < 0 && errno == EINTR) continue;
    if (r <= 0) return false;
    got += (size_t)r;
  }
  return true;
}

static bool write_full(int fd, const void *buf, size_t n) {
  for (size_t done = 0; done < n;) {
    ssize_t w = write(fd, (const char *)buf + done, n - done);
    if (w < 0 && errno == EINTR) continue;
    if (w <= 0) return false;
    done += (size_t)w;
  }
  return true;
}

static bool read_line(int fd, char *buf, size_t n) {
  size_t i = 0;
  while (i + 1 < n) {
    if (!read_full(fd, buf + i, 1)) return false;
    if (buf[i] == '\n') { buf[i] = 0; return true; }
    i++;
  }
  return false;
}

static double now_ms(void) {
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return t.tv_sec * 1e3 + t.tv_nsec / 1e6;
}

static long num(const char *v, long lo, long hi) {
  char *end;
  long x = strtol(v, &end, 10);
  if (*end || x < lo || x > hi) return -1;
  return x;
}

/* The work directory is mounted writable and, as root, handed to the sandbox uid: it must be
 * an ordinary directory of its own, never "/", a system directory or anything above one. */
static bool work_dir_ok(const char *d) {
  static const char *never[] = { "/tmp", "/var", "/home", "/root", "/run", "/srv", "/opt", "/mnt", NULL };
  static const char *nor_below[] = { "/usr", "/bin", "/sbin", "/lib", "/lib64", "/etc", "/boot", "/dev",
                                     "/proc", "/sys", NULL };
  size_t n = strlen(d);
  if (d[0] != '/' || n < 2 || d[n - 1] == '/' || strstr(d, "//") || strstr(d, "/./") || strstr(d, "/../") ||
      !strcmp(d + n - 2, "/.") || (n >= 3 && !strcmp(d + n - 3, "/.."))) return false;
  for (int i = 0; never[i]; i++) if (!strcmp(d, never[i])) return false;
  for (int i = 0; nor_below[i]; i++) {
    size_t k = strlen(nor_below[i]);
    if (!strncmp(d, nor_below[i], k) && (d[k] == 0 || d[k] == '/')) return false;
  }
  return true;
}

/* Parse the payload into `j`; false with g_err set on anything malformed. There are no default
 * limits here: the caller's table (sandbox/limits.ts) is the only one, and a request that leaves
 * a limit out is refused rather than run under a number nobody chose. */
static bool parse(char *p, size_t len, struct job *j) {
  memset(j, 0, sizeof *j);
  j->cpu_ms = j->wall_ms = j->memory_mb = j->pids = j->output_bytes = j->fsize_mb = j->tmp_mb = -1;
  j->exe_fd = j->work_fd = -1;
  char *end = p + len, *next;
  if (len && end[-1] != 0) { failx("request", "unterminated", EINVAL); return false; }
  for (; p < end; p = next) {
    next = p + strlen(p) + 1;
    char *eq = strchr(p, '=');
    if (!eq) { failx("request", p, EINVAL); return false; }
    *eq = 0;
    const char *k = p, *v = eq + 1;
    long *field = NULL; long lo = 1, hi = 0;
    if (!strcmp(k, "profile")) {
      if (!strcmp(v, "run")) j->profile = PROFILE_RUN;
      else if (!strcmp(v, "compile")) j->profile = PROFILE_COMPILE;
      else { failx("profile", v, EINVAL); return false; }
    } else if (!strcmp(k, "cpu")) { field = &j->cpu_ms; hi = 3600000; }
    else if (!strcmp(k, "wall")) { field = &j->wall_ms; hi = 3600000; }
    else if (!strcmp(k, "mem")) { field = &j->memory_mb; hi = 65536; }
    else if (!strcmp(k, "pids")) { field = &j->pids; hi = 4096; }
    else if (!strcmp(k, "out")) { field = &j->output_bytes; hi = 1 << 28; }
    else if (!strcmp(k, "fsize")) { field = &j->fsize_mb; hi = 4096; }
    else if (!strcmp(k, "tmp")) { field = &j->tmp_mb; hi = 4096; }
    else if (!strcmp(k, "wd")) j->work_dir = v;
    else if (!strcmp(k, "stream")) j->stream = !strcmp(v, "1");
    else if (!strcmp(k, "ro")) { if (j->n_ro == MAX_PATHS) { failx("ro", v, E2BIG); return false; } j->ro_paths[j->n_ro++] = v; }
    else if (!strcmp(k, "env")) { if (j->envc == MAX_ENV) { failx("env", v, E2BIG); return false; } j->envp[j->envc++] = (char *)v; }
    else if (!strcmp(k, "arg")) { if (j->argc == MAX_ARGS) { failx("arg", v, E2BIG); return false; } j->argv[j->argc++] = (char *)v; }
    else { failx("request key", k, EINVAL); return false; }
    if (field && (*field = num(v, lo, hi)) < 0) { failx("request value", k, ERANGE); return false; }
  }
  const struct { const char *key; long value; } limits[] = {
    { "cpu", j->cpu_ms }, { "wall", j->wall_ms }, { "mem", j->memory_mb }, { "pids", j->pids },
    { "out", j->output_bytes }, { "fsize", j->fsize_mb }, { "tmp", j->tmp_mb },
  };
  for (size_t i = 0; i < sizeof limits / sizeof limits[0]; i++)
    if (limits[i].value < 0) { failx("request: missing limit", limits[i].key, EINVAL); return false; }
  if (j->argc == 0 || j->argv[0][0] != '/') { failx("argv[0]", j->argc ? j->argv[0] : "", EINVAL); return false; }
  if (j->profile == PROFILE_RUN && (j->work_dir || j->n_ro)) { failx("run profile", "workDir/readOnlyPaths", EINVAL); return false; }
  for (int i = 0; i < j->n_ro; i++) if (j->ro_paths[i][0] != '/') { failx("readOnlyPaths", j->ro_paths[i], EINVAL); return false; }
  if (j->work_dir && !work_dir_ok(j->work_dir)) { failx("workDir", j->work_dir, EINVAL); return false; }
  for (int i = 0; i < j->n_ro; i++) if (!strcmp(j->ro_paths[i], "/")) { failx("readOnlyPaths", "/", EINVAL); return false; }
  return true;
}

/* stdin as a sealed memfd, reopened read-only: no pipe to keep fed, nothing the program can
 * write into. */
static int stdin_memfd(const char *data, size_t len) {
  /* Not executable either (MFD_NOEXEC_SEAL, Linux 6.3+; older kernels ignore the wish). */
  int fd = (int)syscall(SYS_memfd_create, "stdin", MFD_CLOEXEC | MFD_ALLOW_SEALING | 0x0008U);
  if (fd < 0 && errno == EINVAL) fd = (int)syscall(SYS_memfd_create, "stdin", MFD_CLOEXEC | MFD_ALLOW_SEALING);
  if (fd < 0) { fail("memfd_create", NULL); return -1; }
  if (len && !write_full(fd, data, len)) { fail("write", "stdin"); close(fd); return -1; }
  if (fcntl(fd, F_ADD_SEALS, F_SEAL_SHRINK | F_SEAL_GROW | F_SEAL_WRITE | F_SEAL_SEAL) < 0) { fail("seal", "stdin"); close(fd); return -1; }
  char path[64];
  snprintf(path, sizeof path, "/proc/self/fd/%d", fd);
  int ro = open(path, O_RDONLY | O_CLOEXEC);
  if (ro < 0) fail("reopen", "stdin");
  close(fd);
  return ro;
}

enum kill_reason { KILL_NONE, KILL_WALL, KILL_CPU, KILL_OUTPUT, KILL_STOP };

/* Without cgroups: CPU (user + system, all threads) of init's children, from /proc, in ms.
 * Grandchildren are not counted (the run profile cannot fork; RLIMIT_CPU backs this up). */
static long long children_cpu_ms(pid_t init) {
  char path[96], list[1024], stat[1024];
  snprintf(path, sizeof path, "/proc/%d/task/%d/children", (int)init, (int)init);
  if (!read_file(path, list, sizeof list)) return 0;
  long long ticks = 0;
  for (char *p = strtok(list, " \n"); p; p = strtok(NULL, " \n")) {
    snprintf(path, sizeof path, "/proc/%s/stat", p);
    if (!read_file(path, stat, sizeof stat)) continue;
    char *q = strrchr(stat, ')');                   /* fields after the command name */
    unsigned long long ut = 0, st = 0;
    if (q && sscanf(q + 2, "%*c %*d %*d %*d %*d %*d %*u %*u %*u %*u %*u %llu %llu", &ut, &st) == 2) ticks += (long long)(ut + st);
  }
  return ticks * 1000 / sysconf(_SC_CLK_TCK);
}

struct outcome {
  const char *verdict;
  int exit_code, sig;              /* -1: none */
  long long cpu_ms, wall_ms, mem_kb;
  bool truncated;
  char *out, *err; size_t out_len, err_len;
};

static bool respond(struct outcome *o) {
  char head[256], sig[32] = "-", code[16] = "-";
  if (o->sig > 0) snprintf(sig, sizeof sig, "SIG%s", sigabbrev_np(o->sig) ? sigabbrev_np(o->sig) : "UNKNOWN");
  if (o->exit_code >= 0) snprintf(code, sizeof code, "%d", o->exit_code);
  size_t dl = strlen(g_err);
  int n = snprintf(head, sizeof head, "RES %s %s %s %lld %lld %lld %d %zu %zu %zu\n", o->verdict, code, sig,
                   o->cpu_ms, o->wall_ms, o->mem_kb, o->truncated, o->out_len, o->err_len, dl);
  return write_full(1, head, (size_t)n) && write_full(1, o->out, o->out_len) &&
         write_full(1, o->err, o->err_len) && write_full(1, g_err, dl);
}

/* Read what is there (non-blocking) into `buf`, counting against the shared cap; with
 * `stream` > 0, also send what was kept as an OUT frame for that stream (1 stdout, 2 stderr). */
static bool pump(int fd, char *buf, size_t *len, size_t *total, size_t cap, bool *over, bool *eof, int stream) {
  char tmp[65536];
  for (;;) {
    ssize_t r = read(fd, tmp, sizeof tmp);
    if (r < 0 && errno == EINTR) continue;
    if (r < 0) return errno == EAGAIN;
    if (r == 0) { *eof = true; return true; }
    size_t room = cap - *total, take = (size_t)r < room ? (size_t)r : room;
    memcpy(buf + *len, tmp, take);
    *len += take; *total += take;
    if (stream > 0 && take > 0) {
      char head[48];
      int n = snprintf(head, sizeof head, "OUT %d %zu\n", stream, take);
      if (!write_full(1, head, (size_t)n) || !write_full(1, tmp, take)) stream = 0;  /* caller gone */
    }
    if ((size_t)r > take) { *over = true; return true; }
  }
}

static void run_job(struct job *j, struct outcome *o) {
  int sync[2] = { -1, -1 }, rep[2] = { -1, -1 }, out[2] = { -1, -1 }, err[2] = { -1, -1 }, in = -1, pidfd = -1;
  pid_t pid = -1;
  o->verdict = "internal_error";
  o->exit_code = o->sig = -1;
  o->out = malloc((size_t)j->output_bytes);
  o->err = malloc((size_t)j->output_bytes);
  if (!o->out || !o->err) { failx("malloc", "output", ENOMEM); return; }
  if (!open_program(j)) goto done;
  if (privileged && j->work_dir) {
    /* No symlink at the last component (O_NOFOLLOW), and chown the directory we opened. */
    int wd = open(j->work_dir, O_PATH | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
    bool ok = wd >= 0 && fchownat(wd, "", 65534, 65534, AT_EMPTY_PATH) == 0;
    if (!ok) fail("chown", j->work_dir);
    if (wd >= 0) close(wd);
    if (!ok) goto done;
  }
  if (have_cgroups && (!cgroup_slot_limits(&slot, j->memory_mb, j->pids) || !cgroup_slot_begin(&slot))) goto done;
  if ((in = stdin_memfd(j->stdin_data, j->stdin_len)) < 0) goto done;
  if (pipe2(sync, O_CLOEXEC) < 0 || pipe2(rep, O_CLOEXEC) < 0 || pipe2(out, O_CLOEXEC) < 0 || pipe2(err, O_CLOEXEC) < 0) { fail("pipe2", NULL); goto done; }
  fcntl(out[0], F_SETFL, O_NONBLOCK); fcntl(err[0], F_SETFL, O_NONBLOCK); fcntl(rep[0], F_SETFL, O_NONBLOCK);

  bool premade = netns_premade && j->profile == PROFILE_RUN;
  struct init_fds f = { sync[0], rep[1], in, out[1], err[1] };
  double t0 = now_ms();
  if (premade) {
    int ours[4] = { sync[1], rep[0], out[0], err[0] };
    pid = spawn_premade(j, &f, ours);
    if (pid < 0) goto done;
  } else {
    long flags = CLONE_NEWUSER | CLONE_NEWNS | CLONE_NEWPID | CLONE_NEWIPC | CLONE_NEWUTS | CLONE_NEWCGROUP |
                 CLONE_NEWNET | SIGCHLD;
    pid = (pid_t)syscall(SYS_clone, flags, 0, 0, 0, 0);
    if (pid < 0) { fail("clone", NULL); goto done; }
    if (pid == 0) {
      close(sync[1]); close(rep[0]); close(out[0]); close(err[0]);
      _exit(init_main(j, &f, privileged, have_cgroups, false));
    }
  }
  close(sync[0]); close(rep[1]); close(out[1]); close(err[1]); close(in);
  sync[0] = rep[1] = out[1] = err[1] = in = -1;
  if (!premade && (!write_id_maps(pid, getuid(), getgid(), privileged) || write(sync[1], "g", 1) != 1)) {
    kill(pid, SIGKILL); waitpid(pid, NULL, 0); pid = -1; goto done;
  }
  pidfd = (int)syscall(SYS_pidfd_open, pid, 0);
  if (pidfd < 0) { fail("pidfd_open", NULL); kill(pid, SIGKILL); waitpid(pid, NULL, 0); pid = -1; goto done; }

  enum kill_reason why = KILL_NONE;
  long long sampled_cpu = 0;
  size_t total = 0, cap = (size_t)j->output_bytes;
  bool over = false, out_eof = false, err_eof = false, exited = false, ctl_done = false;
  int so = j->stream ? 1 : 0, se = j->stream ? 2 : 0;
  double deadline = t0 + (double)j->wall_ms;
  while (!exited) {
    struct pollfd p[4] = { { pidfd, POLLIN, 0 }, { out_eof ? -1 : out[0], POLLIN, 0 }, { err_eof ? -1 : err[0], POLLIN, 0 },
                           { ctl_done ? -1 : 0, POLLIN, 0 } };
    double left = deadline - now_ms();
    /* CPU is sampled every 10 ms; once killed, just wait (10 ms steps) for the exit. */
    int wait = why != KILL_NONE || left > 10 ? 10 : left <= 0 ? 0 : (int)left + 1;
    if (poll(p, 4, wait) < 0 && errno != EINTR && why == KILL_NONE) {
      fail("poll", NULL);                           /* cannot supervise: end the run */
      why = KILL_WALL;
      kill(pid, SIGKILL);
    }
    if (p[1].revents) pump(out[0], o->out, &o->out_len, &total, cap, &over, &out_eof, so);
    if (p[2].revents) pump(err[0], o->err, &o->err_len, &total, cap, &over, &err_eof, se);
    if (p[0].revents) exited = true;
    if (p[3].revents) {                 /* our caller: STOP, or gone (EOF) */
      char line[16];
      ctl_done = true;                  /* one control line per run; EOF is seen again later */
      (void)read_line(0, line, sizeof line);
      if (why == KILL_NONE && !exited) { why = KILL_STOP; kill(pid, SIGKILL); }
    }
    if (why == KILL_NONE && !exited) {
      long long cpu = 0;
      if (over) why = KILL_OUTPUT;
      else if (now_ms() >= deadline) why = KILL_WALL;
      else if (have_cgroups && (cgroup_slot_usage(&slot, &cpu, NULL, NULL, NULL), cpu > j->cpu_ms * 1000000LL)) why = KILL_CPU;
      else if (!have_cgroups && (sampled_cpu = children_cpu_ms(pid)) > j->cpu_ms) why = KILL_CPU;
      if (why != KILL_NONE) kill(pid, SIGKILL);     /* init: the kernel kills the whole namespace */
    }
  }
  struct rusage ru;
  int st;
  while (wait4(pid, &st, 0, &ru) < 0 && errno == EINTR) {}
  pid = -1;
  o->wall_ms = (long long)(now_ms() - t0 + 0.5);
  /* Every writer is gone with the namespace: drain what is left, still under the cap. */
  while (!out_eof && !over && pump(out[0], o->out, &o->out_len, &total, cap, &over, &out_eof, so) && !out_eof) break;
  while (!err_eof && !over && pump(err[0], o->err, &o->err_len, &total, cap, &over, &err_eof, se) && !err_eof) break;
  o->truncated = over;

  struct init_report r, got = { 0 };
  bool reported = false, exec_failed = false, setup_failed = false;
  while (read(rep[0], &r, sizeof r) == (ssize_t)sizeof r) {
    if (r.exec_errno || r.setup_failed) {
      exec_failed |= r.exec_errno != 0; setup_failed |= r.setup_failed != 0;
      if (!g_err[0]) snprintf(g_err, sizeof g_err, "%s", r.err);
    } else { got = r; reported = true; }
  }
  long long cpu_ns = -1, peak = -1;
  bool oom = false, mem_failed = false;
  if (have_cgroups) cgroup_slot_usage(&slot, &cpu_ns, &peak, &oom, &mem_failed);
  struct rusage *u = reported ? &got.ru : &ru;
  long long ru_cpu = (u->ru_utime.tv_sec + u->ru_stime.tv_sec) * 1000LL + (u->ru_utime.tv_usec + u->ru_stime.tv_usec) / 1000;
  o->cpu_ms = cpu_ns >= 0 ? cpu_ns / 1000000 : ru_cpu > sampled_cpu ? ru_cpu : sampled_cpu;
  /* Peak of the program itself when init reaped it; else the slot's peak (supervisor included). */
  o->mem_kb = reported && u->ru_maxrss > 0 ? u->ru_maxrss : peak > 0 ? peak / 1024 : u->ru_maxrss;
  int pst = reported ? got.status : 0;
  bool psig = reported && WIFSIGNALED(pst);
  if (reported) {
    if (WIFEXITED(pst)) o->exit_code = WEXITSTATUS(pst);
    else if (psig) o->sig = WTERMSIG(pst);
  } else if (why != KILL_NONE || WIFSIGNALED(st)) o->sig = SIGKILL;
  bool failed = !reported || psig || WEXITSTATUS(pst) != 0;
  bool cpu_over = o->cpu_ms >= j->cpu_ms;

  if (setup_failed || exec_failed) o->verdict = "internal_error";
  else if (why == KILL_OUTPUT || over) o->verdict = "output_limit";
  else if (why == KILL_WALL || why == KILL_CPU) o->verdict = "time_limit";
  else if (why == KILL_STOP) { o->verdict = "runtime_error"; o->exit_code = -1; o->sig = SIGKILL; g_err[0] = 0; }
  else if (oom) o->verdict = "memory_limit";
  else if (psig && WTERMSIG(pst) == SIGSYS) o->verdict = "security_violation";
  else if (psig && (WTERMSIG(pst) == SIGXCPU || (WTERMSIG(pst) == SIGKILL && cpu_over))) o->verdict = "time_limit";
  else if (failed && (mem_failed || (!have_cgroups && o->mem_kb * 4 >= j->memory_mb * 1024 * 3))) o->verdict = "memory_limit";
  else if (!reported) { o->verdict = "internal_error"; if (!g_err[0]) failx("init", "no report", EPIPE); }
  else o->verdict = failed ? "runtime_error" : "ok";
  if (strcmp(o->verdict, "internal_error") != 0) g_err[0] = 0;
  else o->exit_code = o->sig = -1;          /* the program's status means nothing then */
done:
  if (pid > 0) { kill(pid, SIGKILL); waitpid(pid, NULL, 0); }
  int fds[] = { sync[0], sync[1], rep[0], rep[1], out[0], out[1], err[0], err[1], in, pidfd };
  for (size_t i = 0; i < sizeof fds / sizeof *fds; i++) if (fds[i] >= 0) close(fds[i]);
  if (j->exe_fd >= 0) close(j->exe_fd);
}

/* With SAJILO_SANDBOX_PIN=1, pin this supervisor, and so every program it starts, to one CPU
 * (slot index modulo the CPUs we may use): the processes of a run then wake each other on one
 * CPU. Measured on this (shared, loaded) machine it halved the median after 100 ms idle but
 * tripled it back-to-back (a pinned slot cannot leave a busy CPU), so it is off by default. */
static void pin(long slot) {
  cpu_set_t allowed, one;
  const char *on = getenv("SAJILO_SANDBOX_PIN");
  if (slot < 0 || !on || strcmp(on, "1") || sched_getaffinity(0, sizeof allowed, &allowed) < 0) return;
  int count = CPU_COUNT(&allowed), k = (int)(slot % (count ? count : 1));
  for (int cpu = 0; cpu < CPU_SETSIZE; cpu++) {
    if (!CPU_ISSET(cpu, &allowed) || k-- > 0) continue;
    CPU_ZERO(&one);
    CPU_SET(cpu, &one);
    sched_setaffinity(0, sizeof one, &one);
    return;
  }
}

cpu_set_t g_allowed_cpus;           /* the supervisor's CPUs, restored for each program */

static bool setup(char *why, size_t n) {
  privileged = geteuid() == 0;
  sched_getaffinity(0, sizeof g_allowed_cpus, &g_allowed_cpus);
  setsid();                                           /* never a controlling terminal */
  signal(SIGPIPE, SIG_IGN);
  bool require = privileged && !getenv("SAJILO_SANDBOX_ALLOW_NO_CGROUPS");
  cgroup_sweep();
  have_cgroups = cgroup_slot_create(&slot, NULL, CG_NONE);
  if (!have_cgroups && require) { snprintf(why, n, "cgroups required as root: %s", g_err); return false; }
  if (privileged) write_file("/proc/self/oom_score_adj", "-1000");
  /* User, mount and network namespaces for the run profile, made once (template.c). When
   * they cannot be made, runs fall back to creating their own: slower, as safe. */
  netns_premade = template_create(&tmpl, privileged);
  g_err[0] = 0;
  return true;
}

int serve(long cpu_slot) {
  char line[128], why[512];
  pin(cpu_slot);
  if (!setup(why, sizeof why)) {
    if (have_cgroups) cgroup_slot_remove(&slot);
    dprintf(1, "FATAL %s\n", why);
    return 1;
  }
  dprintf(1, "READY v%d %d %d %s\n", have_cgroups ? slot.version : 0, have_cgroups && slot.memsw, privileged,
          netns_premade ? "pre" : "fresh");
  while (read_line(0, line, sizeof line)) {
    size_t plen, slen;
    if (!strcmp(line, "STOP")) continue;   /* for a run that had already ended */
    if (sscanf(line, "RUN %zu %zu", &plen, &slen) != 2 || plen > (1 << 20) || slen > (64 << 20)) break;
    char *buf = malloc(plen + slen + 1);
    if (!buf || !read_full(0, buf, plen + slen)) break;
    struct job j;
    struct outcome o = { 0 };
    g_err[0] = 0;
    if (parse(buf, plen, &j)) {
      j.envp[j.envc] = NULL; j.argv[j.argc] = NULL;
      j.stdin_data = buf + plen; j.stdin_len = slen;
      run_job(&j, &o);
    } else { o.verdict = "internal_error"; o.exit_code = o.sig = -1; }
    bool sent = respond(&o);
    free(o.out); free(o.err); free(buf);
    if (!sent) break;                 /* our caller is gone: clean up and leave */
  }
  if (have_cgroups) cgroup_slot_remove(&slot);
  return 0;
}
