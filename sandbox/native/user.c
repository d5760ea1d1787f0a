/* User namespace: id maps (written by the parent, from outside), credentials, capabilities.
 *
 * Ordering matters: the parent writes the maps before the child creates any file in its new
 * root, because a file cannot be created by an unmapped fsuid (EOVERFLOW). As root we map the
 * sandbox uid to the host's nobody (65534), so the program owns nothing on the host; rootless
 * we can map only our own uid, and must deny setgroups before writing the gid map. */
#include "sandbox.h"
#include <errno.h>
#include <linux/capability.h>
#include <stdio.h>
#include <sys/prctl.h>
#include <sys/syscall.h>
#include <unistd.h>
#include <grp.h>

#define NOBODY 65534

bool write_id_maps(pid_t child, uid_t outer_uid, gid_t outer_gid, bool privileged) {
  char path[64], line[64];
  uid_t u = privileged ? NOBODY : outer_uid;
  gid_t g = privileged ? NOBODY : outer_gid;
  snprintf(path, sizeof path, "/proc/%d/uid_map", (int)child);
  snprintf(line, sizeof line, "%d %u 1\n", SANDBOX_UID, (unsigned)u);
  if (!write_file(path, line)) return false;
  if (!privileged) {
    snprintf(path, sizeof path, "/proc/%d/setgroups", (int)child);
    if (!write_file(path, "deny")) return false;
  }
  snprintf(path, sizeof path, "/proc/%d/gid_map", (int)child);
  snprintf(line, sizeof line, "%d %u 1\n", SANDBOX_UID, (unsigned)g);
  return write_file(path, line);
}

/* In the child: take the sandbox uid/gid. The capabilities gained by creating the user
 * namespace survive this (the old uid was not root *inside* the namespace), and are dropped
 * explicitly later by drop_capabilities(). */
bool become_sandbox_user(bool privileged) {
  if (privileged && setgroups(0, NULL) < 0) { fail("setgroups", "0"); return false; }
  if (setresgid(SANDBOX_UID, SANDBOX_UID, SANDBOX_UID) < 0) { fail("setresgid", NULL); return false; }
  if (setresuid(SANDBOX_UID, SANDBOX_UID, SANDBOX_UID) < 0) { fail("setresuid", NULL); return false; }
  return true;
}

/* Empty the bounding, ambient, inheritable, permitted and effective sets, then set
 * no_new_privs: nothing the program executes can gain a privilege back. */
bool drop_capabilities(void) {
  for (int c = 0; c <= CAP_LAST_CAP; c++)
    if (prctl(PR_CAPBSET_DROP, c, 0, 0, 0) < 0 && errno != EINVAL) { fail("PR_CAPBSET_DROP", NULL); return false; }
  if (prctl(PR_CAP_AMBIENT, PR_CAP_AMBIENT_CLEAR_ALL, 0, 0, 0) < 0) { fail("PR_CAP_AMBIENT", NULL); return false; }
  struct __user_cap_header_struct h = { _LINUX_CAPABILITY_VERSION_3, 0 };
  struct __user_cap_data_struct d[2] = { { 0, 0, 0 }, { 0, 0, 0 } };
  if (syscall(SYS_capset, &h, d) < 0) { fail("capset", NULL); return false; }
  if (prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) < 0) { fail("PR_SET_NO_NEW_PRIVS", NULL); return false; }
  return true;
}
