/*
 * memory.c — the one allocation funnel and the freeing of objects.
 *
 * Every allocation goes through sj_realloc, so "out of memory" is reported
 * as a runtime error in one place. Freeing is iterative: an object whose
 * count drops to zero releases its children through a work list instead of
 * recursion, so dropping a million-deep nested list cannot overflow the
 * C stack.
 */
#include <stdlib.h>
#include "internal.h"

void *sj_realloc(void *ptr, size_t old_size, size_t new_size) {
  (void)old_size;
  if (new_size == 0) {
    free(ptr);
    return NULL;
  }
  void *p = realloc(ptr, new_size);
  if (p == NULL) sj_error("मेमोरी पुगेन", "out of memory");
  return p;
}

size_t sj_size_mul(size_t a, size_t b) {
  size_t r;
  if (SJ_MUL_OVF(a, b, &r)) sj_error("मेमोरी पुगेन", "out of memory");
  return r;
}

/* Objects whose count reached zero, waiting for their children to be
 * released. Grows on demand; never shrinks (it is small in practice). */
static SjValue *pending;
static size_t npending, cap_pending;
static bool draining;

static void push_pending(SjValue v) {
  if (npending == cap_pending) {
    size_t cap = cap_pending ? cap_pending * 2 : 64;
    pending = sj_realloc(pending, cap_pending * sizeof *pending, cap * sizeof *pending);
    cap_pending = cap;
  }
  pending[npending++] = v;
}

/* Drops one reference held by a dying container; defers the free. */
static void drop_child(SjValue v) {
  if (v.tag >= SJ_TEXT && --v.as.o->rc == 0) push_pending(v);
}

static void free_one(SjValue v) {
  switch (v.tag) {
  case SJ_TEXT:
    sj_text_free(sj_as_text(v));
    break;
  case SJ_LIST: {
    SjList *l = sj_as_list(v);
    for (size_t i = 0; i < l->len; i++) drop_child(l->items[i]);
    sj_list_free(l);
    break;
  }
  case SJ_MAP: {
    SjMap *m = sj_as_map(v);
    for (size_t i = 0; i < m->len; i++) {
      drop_child(m->entries[i].key);
      drop_child(m->entries[i].value);
    }
    sj_map_free(m);
    break;
  }
  default:
    /* Function objects are static (rc never reaches zero). */
    break;
  }
}

void sj_free_value(SjValue v) {
  push_pending(v);
  if (draining) return; /* the outer call frees it */
  draining = true;
  while (npending > 0) free_one(pending[--npending]);
  draining = false;
}
