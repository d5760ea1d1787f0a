/*
 * main.c — program entry: the stack guard for recursion, stdout set-up,
 * running the program, flushing at exit.
 *
 * The guard compares the stack address at each generated function's entry
 * with sj_stack_limit, computed here from the real stack: the main thread's
 * (soft RLIMIT_STACK raised towards 32 MB when the hard limit allows; Linux
 * grows the main stack up to the current soft limit), or, when the hard
 * limit is low, a thread with its own 32 MB stack.
 */
#include <pthread.h>
#include <string.h>
#include <sys/resource.h>
#include "internal.h"

uintptr_t sj_stack_limit;

#define WANT_STACK ((rlim_t)32 << 20) /* deep recursion needs room; RSS when used */
#define STACK_MARGIN ((uintptr_t)256 << 10) /* for the error path and libc */

extern char **environ;

/* Highest address in use on the stack: the environment strings sit at
 * the top, above argv and main's frame. */
static uintptr_t stack_top(int argc, char **argv, uintptr_t here) {
  uintptr_t top = here;
  for (int i = 0; i < argc; i++) {
    uintptr_t end = (uintptr_t)argv[i] + strlen(argv[i]);
    if (end > top) top = end;
  }
  for (char **e = environ; e && *e; e++) {
    uintptr_t end = (uintptr_t)*e + strlen(*e);
    if (end > top) top = end;
  }
  return top;
}

/* Raises the soft stack limit towards 32 MB when the hard limit allows
 * (Linux grows the main stack up to the current soft limit) and returns
 * the size the guard may use. */
static uintptr_t usable_stack(void) {
  struct rlimit rl;
  if (getrlimit(RLIMIT_STACK, &rl) != 0) return (uintptr_t)8 << 20;
  if (rl.rlim_cur != RLIM_INFINITY && rl.rlim_cur < WANT_STACK) {
    rlim_t want = rl.rlim_max == RLIM_INFINITY || rl.rlim_max > WANT_STACK ? WANT_STACK : rl.rlim_max;
    struct rlimit raised = {want, rl.rlim_max};
    if (want > rl.rlim_cur && setrlimit(RLIMIT_STACK, &raised) == 0) rl.rlim_cur = want;
  }
  if (rl.rlim_cur == RLIM_INFINITY || rl.rlim_cur > WANT_STACK) return (uintptr_t)WANT_STACK;
  return (uintptr_t)rl.rlim_cur;
}

/* Guard for a stack whose highest used address is top and size is size. */
static void set_guard(uintptr_t top, uintptr_t size) {
  uintptr_t margin = STACK_MARGIN < size / 2 ? STACK_MARGIN : size / 2;
  sj_stack_limit = top - size + margin;
}

/* When the main stack cannot grow to MIN_MAIN_STACK (a low hard limit), the
 * program runs on a thread with a THREAD_STACK stack instead, so 10,000
 * nested calls work everywhere. Only touched pages count as memory. */
#define MIN_MAIN_STACK ((uintptr_t)16 << 20)
#define THREAD_STACK ((size_t)32 << 20)

static void (*the_program)(void);

static void *program_thread(void *arg) {
  char here;
  (void)arg;
  set_guard((uintptr_t)&here, THREAD_STACK - ((uintptr_t)64 << 10)); /* minus TLS and guard */
  the_program();
  return NULL;
}

static bool run_on_thread(void (*program)(void)) {
  pthread_attr_t attr;
  pthread_t thread;
  if (pthread_attr_init(&attr) != 0) return false;
  the_program = program;
  bool ok = pthread_attr_setstacksize(&attr, THREAD_STACK) == 0 &&
            pthread_create(&thread, &attr, program_thread, NULL) == 0;
  pthread_attr_destroy(&attr);
  if (ok) pthread_join(thread, NULL);
  return ok;
}

int sj_run_main(int argc, char **argv, void (*program)(void), int latin_digits) {
  sj_latin_digits = latin_digits;
  sj_io_init();
  sj_errors_init();
  char here;
  uintptr_t size = usable_stack();
  if (size >= MIN_MAIN_STACK || !run_on_thread(program)) {
    set_guard(stack_top(argc, argv, (uintptr_t)&here), size);
    program();
  }
  sj_pos = 0;
  sj_out_flush();
  return 0;
}
