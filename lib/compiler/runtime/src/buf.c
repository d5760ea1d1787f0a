/* buf.c — growable byte buffer used to build texts and printed output. */
#include <string.h>
#include "internal.h"

void sj_buf_init(SjBuf *b) {
  b->data = NULL;
  b->len = b->cap = 0;
}

void sj_buf_reserve(SjBuf *b, size_t extra) {
  if (b->len + extra <= b->cap) return;
  size_t cap = b->cap ? b->cap : 32;
  while (cap < b->len + extra) cap = sj_size_mul(cap, 2);
  b->data = sj_realloc(b->data, b->cap, cap);
  b->cap = cap;
}

void sj_buf_add(SjBuf *b, const char *bytes, size_t n) {
  if (n == 0) return; /* data may still be NULL: memcpy must not see it */
  sj_buf_reserve(b, n);
  memcpy(b->data + b->len, bytes, n);
  b->len += n;
}

void sj_buf_addc(SjBuf *b, char c) {
  sj_buf_reserve(b, 1);
  b->data[b->len++] = c;
}

void sj_buf_adds(SjBuf *b, const char *s) { sj_buf_add(b, s, strlen(s)); }

void sj_buf_free(SjBuf *b) {
  SJ_FREE(b->data, b->cap);
  sj_buf_init(b);
}

SjValue sj_buf_to_text(SjBuf *b) {
  SjValue v = sj_text_from_bytes(b->data ? b->data : "", b->len);
  sj_buf_free(b);
  return v;
}
