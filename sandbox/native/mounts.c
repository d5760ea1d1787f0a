/* The new root. Runs in the child (PID 1 of the sandbox), inside fresh user and mount
 * namespaces, after the id maps are written.
 *
 * A tmpfs is mounted over /tmp of our private mount namespace (the host does not see it) and
 * filled: run profile, nothing (the program is exec'd from a descriptor); compile profile, binds
 * of /usr /bin /lib /lib64 (or symlinks where the host has symlinks), the extra read-only
 * paths, the work directory (writable) at its host path, a small tmpfs /tmp and three device
 * nodes. Host paths were opened (O_PATH) by the supervisor before the tmpfs could hide them,
 * so we bind them through /proc/self/fd. Then pivot_root makes the tmpfs "/" and the old root
 * is detached, and "/" itself is remounted read-only. */
#include "sandbox.h"
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <sys/statvfs.h>
#include <sys/syscall.h>
#include <sys/stat.h>
#include <unistd.h>

#define NEWROOT "/tmp"

static const char *system_dirs[] = { "/usr", "/bin", "/lib", "/lib64", "/sbin", NULL };
static const char *devices[] = { "/dev/null", "/dev/zero", "/dev/urandom", NULL };

/* A read-only remount of a bind must repeat the flags the kernel locked on the source mount
 * (nosuid, nodev, noexec, atime flags) or, inside a user namespace, it fails with EPERM. */
static unsigned long locked_flags(const char *path) {
  struct statvfs s;
  if (statvfs(path, &s) < 0) return 0;
  unsigned long f = 0;
  if (s.f_flag & ST_NOSUID) f |= MS_NOSUID;
  if (s.f_flag & ST_NODEV) f |= MS_NODEV;
  if (s.f_flag & ST_NOEXEC) f |= MS_NOEXEC;
  if (s.f_flag & ST_NOATIME) f |= MS_NOATIME;
  if (s.f_flag & ST_NODIRATIME) f |= MS_NODIRATIME;
  if (s.f_flag & ST_RELATIME) f |= MS_RELATIME;
  return f;
}

/* Bind host object `fd` onto `target` (already created), then remount with `flags`. */
static bool bind_fd(int fd, const char *target, unsigned long flags) {
  char src[64];
  snprintf(src, sizeof src, "/proc/self/fd/%d", fd);
  if (mount(src, target, NULL, MS_BIND | MS_REC, NULL) < 0) { fail("mount bind", target); return false; }
  flags |= locked_flags(target);
  if (mount(NULL, target, NULL, MS_REMOUNT | MS_BIND | flags, NULL) < 0) { fail("remount", target); return false; }
  return true;
}

static bool make_file(const char *path) {
  int fd = open(path, O_CREAT | O_WRONLY | O_CLOEXEC, 0755);
  if (fd < 0) { fail("create", path); return false; }
  close(fd);
  return true;
}

/* Same path inside as outside: compilers get absolute host paths in their arguments. */
static bool bind_path(int fd, const char *host, unsigned long flags) {
  char target[4096];
  struct stat st;
  if (fstat(fd, &st) < 0) { fail("fstat", host); return false; }
  if (snprintf(target, sizeof target, NEWROOT "%s", host) >= (int)sizeof target) { failx("path", host, ENAMETOOLONG); return false; }
  if (S_ISDIR(st.st_mode)) { if (!mkdir_p(target, 0755)) return false; }
  else {
    char parent[4096];
    strcpy(parent, target);
    *strrchr(parent, '/') = 0;
    if (!mkdir_p(parent, 0755) || !make_file(target)) return false;
  }
  return bind_fd(fd, target, flags);
}

static bool system_dir(const char *d) {
  struct stat st;
  char target[256], link[256];
  snprintf(target, sizeof target, NEWROOT "%s", d);
  if (lstat(d, &st) < 0) return true;                     /* absent on this host */
  if (S_ISLNK(st.st_mode)) {                              /* merged /usr: /bin -> usr/bin */
    ssize_t n = readlink(d, link, sizeof link - 1);
    if (n < 0) { fail("readlink", d); return false; }
    link[n] = 0;
    if (symlink(link, target) < 0) { fail("symlink", target); return false; }
    return true;
  }
  int fd = open(d, O_PATH | O_CLOEXEC);
  if (fd < 0) { fail("open", d); return false; }
  bool ok = mkdir(target, 0755) == 0 && bind_fd(fd, target, MS_RDONLY | MS_NOSUID | MS_NODEV);
  if (!ok) fail("mkdir", target);
  close(fd);
  return ok;
}

static bool compile_root(struct job *j) {
  for (int i = 0; system_dirs[i]; i++) if (!system_dir(system_dirs[i])) return false;
  /* /tmp first: host paths under /tmp are then bound inside it rather than hidden by it. */
  char opts[64];
  snprintf(opts, sizeof opts, "size=%ldm,mode=1777", j->tmp_mb);
  if (mkdir(NEWROOT "/tmp", 01777) < 0 ||
      mount("tmpfs", NEWROOT "/tmp", "tmpfs", MS_NOSUID | MS_NODEV, opts) < 0) { fail("mount tmpfs", "/tmp"); return false; }
  for (int i = 0; i < j->n_ro; i++)
    if (!bind_path(j->ro_fds[i], j->ro_paths[i], MS_RDONLY | MS_NOSUID | MS_NODEV)) return false;
  if (!mkdir_p(NEWROOT "/dev", 0755)) return false;
  for (int i = 0; devices[i]; i++) {
    char target[64];
    snprintf(target, sizeof target, NEWROOT "%s", devices[i]);
    int fd = open(devices[i], O_PATH | O_CLOEXEC);
    /* These three nodes are the only ones usable: the bind keeps dev, everything else nodev. */
    if (fd < 0 || !make_file(target) || !bind_fd(fd, target, MS_NOSUID)) { fail("device", devices[i]); return false; }
    close(fd);
  }
  if (j->work_dir && !bind_path(j->work_fd, j->work_dir, MS_NOSUID | MS_NODEV)) return false;
  return true;
}

static bool pivot_and_seal(void);

/* Host objects the sandbox will see, opened in the child (binds need mounts of its own mount
 * namespace) before it takes the sandbox uid and before its tmpfs can hide them. */
bool open_host_paths(struct job *j) {
  if (j->work_dir && (j->work_fd = open(j->work_dir, O_PATH | O_DIRECTORY | O_CLOEXEC)) < 0) { fail("open", j->work_dir); return false; }
  for (int i = 0; i < j->n_ro; i++)
    if ((j->ro_fds[i] = open(j->ro_paths[i], O_PATH | O_CLOEXEC)) < 0) { fail("open", j->ro_paths[i]); return false; }
  return true;
}

bool build_root(struct job *j) {
  /* Nothing we mount may propagate back to the host. */
  if (mount(NULL, "/", NULL, MS_REC | MS_PRIVATE, NULL) < 0) { fail("mount private", "/"); return false; }
  const char *opts = j->profile == PROFILE_RUN ? "size=16k,nr_inodes=16,mode=755" : "size=1m,mode=755";
  if (mount("tmpfs", NEWROOT, "tmpfs", MS_NOSUID | MS_NODEV, opts) < 0) { fail("mount tmpfs", NEWROOT); return false; }
  if (j->profile == PROFILE_COMPILE && !compile_root(j)) return false;
  if (!pivot_and_seal()) return false;
  if (j->work_dir && chdir(j->work_dir) < 0) { fail("chdir", j->work_dir); return false; }
  return true;
}

bool empty_root(void) {
  if (mount(NULL, "/", NULL, MS_REC | MS_PRIVATE, NULL) < 0) { fail("mount private", "/"); return false; }
  if (mount("tmpfs", NEWROOT, "tmpfs", MS_NOSUID | MS_NODEV, "size=16k,nr_inodes=16,mode=755") < 0) { fail("mount tmpfs", NEWROOT); return false; }
  return pivot_and_seal();
}

static bool pivot_and_seal(void) {
  /* pivot_root(".", "."): the old root ends up mounted on top of the new one at "/", and
   * detaching it leaves only the new root. No directory for the old root is needed. */
  if (chdir(NEWROOT) < 0) { fail("chdir", NEWROOT); return false; }
  if (syscall(SYS_pivot_root, ".", ".") < 0) { fail("pivot_root", NEWROOT); return false; }
  if (umount2(".", MNT_DETACH) < 0) { fail("umount old root", "."); return false; }
  if (chdir("/") < 0) { fail("chdir", "/"); return false; }
  if (mount(NULL, "/", NULL, MS_REMOUNT | MS_BIND | MS_RDONLY | MS_NOSUID | MS_NODEV, NULL) < 0) { fail("remount ro", "/"); return false; }
  return true;
}
