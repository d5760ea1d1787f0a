/* sajilo-launcher: shared declarations. One file per mechanism:
 *   util.c      logging, small file helpers
 *   user.c      user namespace id maps, credentials, capabilities
 *   mounts.c    the new root of each profile, pivot_root
 *   cgroup.c    cgroup v1 and v2 slots (create, limits, accounting, sweep)
 *   seccomp.c   BPF filters: allowlist (run) and denylist (compile)
 *   limits.c    rlimits
 *   template.c  pre-made user, mount and network namespaces of the run profile
 *   init.c      PID 1 of the sandbox: builds the root, forks and reaps the program
 *   supervisor.c  the long-lived helper: one request at a time, limits from outside
 *   main.c      modes: serve, doctor, cgroup-plan
 * Each step returns bool; on failure it logs the call, its argument and errno. */
#ifndef SAJILO_SANDBOX_H
#define SAJILO_SANDBOX_H
#define _GNU_SOURCE
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/resource.h>
#include <sys/types.h>

#define SANDBOX_UID 1000          /* uid and gid of the program inside its user namespace */
#define MAX_ARGS 256
#define MAX_PATHS 32
#define MAX_ENV 64

enum profile { PROFILE_RUN, PROFILE_COMPILE };

/* One request, as parsed from the wire (see supervisor.c for the format). */
struct job {
  enum profile profile;
  long cpu_ms, wall_ms, memory_mb, pids, output_bytes, fsize_mb, tmp_mb;
  const char *work_dir;
  const char *ro_paths[MAX_PATHS]; int n_ro;
  char *argv[MAX_ARGS + 1]; int argc;
  char *envp[MAX_ENV + 2]; int envc;
  const char *stdin_data; size_t stdin_len;
  bool stream;                    /* stream=1: send output as OUT frames while it runs */
  /* Host file descriptors opened before the mount namespace hides the host. */
  int exe_fd, work_fd, ro_fds[MAX_PATHS];
};

/* ---- util.c */
extern char g_err[256];           /* first failure of the current job, for the report */
void fail(const char *what, const char *arg);              /* records "what(arg): strerror" */
void failx(const char *what, const char *arg, int err);
bool write_file(const char *path, const char *text);
bool read_file(const char *path, char *buf, size_t size);  /* NUL-terminated, trims nothing */
long long read_ll(const char *path);                       /* -1 on failure */
long long read_keyed(const char *path, const char *key);   /* "key value" lines; -1 if absent */
bool mkdir_p(const char *path, mode_t mode);

/* ---- user.c */
bool write_id_maps(pid_t child, uid_t outer_uid, gid_t outer_gid, bool privileged);
bool become_sandbox_user(bool privileged);
bool drop_capabilities(void);

/* ---- mounts.c */
bool open_host_paths(struct job *j);  /* in the child, before become_sandbox_user */
bool build_root(struct job *j);
bool empty_root(void);            /* the run profile's root: an empty read-only tmpfs */

/* ---- template.c */
struct ns_template { int user, mnt, net; };  /* -1 when absent */
bool template_create(struct ns_template *t, bool privileged);   /* in the child, after the id maps: ends inside the new root */

/* ---- cgroup.c */
enum cg_version { CG_NONE = 0, CG_V1 = 1, CG_V2 = 2 };
struct cgroup_slot {
  enum cg_version version;
  bool memsw;                      /* v1: swap accounted (memory.memsw.*) */
  char mem[512], pids[512], cpu[512];  /* directories; v2 uses mem for all */
  long long oom_before, failcnt_before, cpu_before;
};
enum cg_version cgroup_detect(char *v2root, size_t n, bool *memsw);
bool cgroup_slot_create(struct cgroup_slot *s, const char *root_override, enum cg_version forced);
bool cgroup_slot_limits(struct cgroup_slot *s, long memory_mb, long pids);
bool cgroup_slot_begin(struct cgroup_slot *s);
void cgroup_slot_usage(struct cgroup_slot *s, long long *cpu_ns, long long *mem_peak,
                       bool *oom_killed, bool *mem_failed);
void cgroup_slot_remove(struct cgroup_slot *s);
void cgroup_sweep(void);

/* ---- seccomp.c */
#define EXEC_FD 63                /* the run profile's program is exec'd from this descriptor */
extern const char EXEC_EMPTY[];   /* the "" path of that one execveat the filter lets through */
bool seccomp_install(enum profile p);

/* ---- limits.c */
bool apply_rlimits(const struct job *j, bool cgroups);

/* ---- init.c */
struct init_report {              /* PID 1 -> supervisor, over a pipe */
  int setup_failed;               /* 1: the sandbox could not be built (internal_error) */
  int exec_errno;                 /* execve of the program failed with this errno */
  int status;                     /* wait status of the program */
  struct rusage ru;               /* of the program and everything it waited for */
  char err[256];
};
struct init_fds { int sync_rd, report_wr, stdin_fd, out_wr, err_wr; };
int init_main(struct job *j, struct init_fds *f, bool privileged, bool cgroups, bool premade);

/* ---- supervisor.c */
#include <sched.h>
extern cpu_set_t g_allowed_cpus;
int serve(long slot);           /* slot: CPU to pin to (index into the allowed set), -1 none */

#endif
