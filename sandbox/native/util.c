/* Logging and small file helpers. Failures are recorded once per job in g_err: the first
 * failure is the cause, later ones are consequences. */
#include "sandbox.h"
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

char g_err[256];

void failx(const char *what, const char *arg, int err) {
  if (g_err[0]) return;
  snprintf(g_err, sizeof g_err, "%s(%s): %s", what, arg ? arg : "", strerror(err));
}

void fail(const char *what, const char *arg) { failx(what, arg, errno); }

bool write_file(const char *path, const char *text) {
  int fd = open(path, O_WRONLY | O_CLOEXEC);
  if (fd < 0) { fail("open", path); return false; }
  size_t n = strlen(text);
  ssize_t w = write(fd, text, n);
  int e = errno;
  close(fd);
  if (w != (ssize_t)n) { failx("write", path, w < 0 ? e : EIO); return false; }
  return true;
}

bool read_file(const char *path, char *buf, size_t size) {
  int fd = open(path, O_RDONLY | O_CLOEXEC);
  if (fd < 0) return false;
  ssize_t n = read(fd, buf, size - 1);
  close(fd);
  if (n < 0) return false;
  buf[n] = 0;
  return true;
}

long long read_ll(const char *path) {
  char buf[64];
  if (!read_file(path, buf, sizeof buf)) return -1;
  if (strncmp(buf, "max", 3) == 0) return -2;
  return strtoll(buf, NULL, 10);
}

long long read_keyed(const char *path, const char *key) {
  char buf[4096];
  if (!read_file(path, buf, sizeof buf)) return -1;
  size_t k = strlen(key);
  for (char *line = buf; line && *line; line = strchr(line, '\n') ? strchr(line, '\n') + 1 : NULL)
    if (strncmp(line, key, k) == 0 && line[k] == ' ') return strtoll(line + k + 1, NULL, 10);
  return -1;
}

bool mkdir_p(const char *path, mode_t mode) {
  char tmp[4096];
  if (strlen(path) >= sizeof tmp) { failx("mkdir_p", path, ENAMETOOLONG); return false; }
  strcpy(tmp, path);
  for (char *p = tmp + 1; ; p++) {
    if (*p == '/' || *p == 0) {
      char c = *p;
      *p = 0;
      if (mkdir(tmp, mode) < 0 && errno != EEXIST) { fail("mkdir", tmp); return false; }
      if (c == 0) break;
      *p = c;
    }
  }
  return true;
}
