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
#include <string.h>
#include "internal.h"

/* Small blocks (texts, list and map headers, short arrays) come from
 * per-size free lists carved out of 64 KB chunks: a program that makes and
 * drops millions of small values reuses the same few blocks, and never pays
 * for malloc (musl's is slow for this pattern). The old size every caller
 * passes (clox's reallocate protocol) names the block's size class. */
#define SMALL_MAX 256
#define GRAIN 16
#define NCLASSES (SMALL_MAX / GRAIN + 1)
#define CHUNK (64 * 1024)

static void *free_lists[NCLASSES];
static char *chunk_at, *chunk_end;

static size_t size_class(size_t n) { return (n + GRAIN - 1) / GRAIN; }

SJ_NORETURN static void out_of_memory(void) { sj_error("मेमोरी पुगेन", "out of memory"); }

static void *small_alloc(size_t cls) {
  void *p = free_lists[cls];
  if (p) {
    free_lists[cls] = *(void **)p;
    return p;
  }
  size_t bytes = cls * GRAIN;
  if ((size_t)(chunk_end - chunk_at) < bytes) {
    /* The rest of the old chunk is dropped (at most 255 bytes per 64 KB). */
    chunk_at = malloc(CHUNK);
    if (chunk_at == NULL) out_of_memory();
    chunk_end = chunk_at + CHUNK;
  }
  p = chunk_at;
  chunk_at += bytes;
  return p;
}

static void small_free(void *p, size_t cls) {
  *(void **)p = free_lists[cls];
  free_lists[cls] = p;
}

void *sj_realloc(void *ptr, size_t old_size, size_t new_size) {
  bool old_small = ptr != NULL && old_size <= SMALL_MAX;
  bool new_small = new_size != 0 && new_size <= SMALL_MAX;
  if (old_small && new_small && size_class(old_size) == size_class(new_size)) return ptr;
  if (!old_small && !new_small && ptr != NULL) { /* large to large (or free) */
    if (new_size == 0) {
      free(ptr);
      return NULL;
    }
    void *p = realloc(ptr, new_size);
    if (p == NULL) out_of_memory();
    return p;
  }
  void *p = NULL;
  if (new_small) p = small_alloc(size_class(new_size));
  else if (new_size != 0 && (p = malloc(new_size)) == NULL) out_of_memory();
  if (ptr != NULL) {
    if (p != NULL) memcpy(p, ptr, old_size < new_size ? old_size : new_size);
    if (old_small) small_free(ptr, size_class(old_size));
    else free(ptr);
  }
  return p;
}

size_t sj_size_mul(size_t a, size_t b) {
  size_t r;
  if (SJ_MUL_OVF(a, b, &r)) out_of_memory();
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
    if (l->items) /* packed forms hold no references */
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
