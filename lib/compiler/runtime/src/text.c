/*
 * text.c — immutable UTF-8 texts: creation, literals, code point offsets,
 * hashing, concatenation in place.
 *
 * A text stores its bytes inline after the header (one allocation) and
 * counts its code points once, when it is made. Indexing by code point is
 * O(1) for ASCII texts; for others the last looked-up position is cached,
 * so a loop over s[0], s[1], ... walks the text once instead of n times.
 */
#include <string.h>
#include "internal.h"

static size_t text_bytes(size_t cap) { return sizeof(SjText) + cap + 1; }

SjText *sj_text_alloc(size_t len) {
  SjText *t = SJ_ALLOC(text_bytes(len));
  t->obj.rc = 1;
  t->len = len;
  t->cap = len;
  t->data[len] = '\0';
  return t;
}

static size_t count_code_points(const char *s, size_t n) {
  size_t count = 0;
  for (size_t i = 0; i < n; i++) count += ((unsigned char)s[i] & 0xC0) != 0x80;
  return count;
}

SjValue sj_text_done(SjText *t) {
  t->data[t->len] = '\0';
  t->cplen = count_code_points(t->data, t->len);
  t->hash = 0;
  t->cache_cp = t->cache_at = 0;
  SjValue v;
  v.tag = SJ_TEXT;
  v.as.o = &t->obj;
  return v;
}

void sj_text_free(SjText *t) { SJ_FREE(t, text_bytes(t->cap)); }

SjValue sj_text_from_bytes(const char *bytes, size_t len) {
  SjText *t = sj_text_alloc(len);
  memcpy(t->data, bytes, len);
  return sj_text_done(t);
}

SjValue sj_text_lit(SjValue *slot, const char *bytes, size_t len) {
  /* The slot keeps one reference for the life of the program. */
  if (SJ_UNLIKELY(slot->tag != SJ_TEXT)) *slot = sj_text_from_bytes(bytes, len);
  return sj_retain(*slot);
}

SjValue sj_text_const(SjValue *slot, const char *s) { return sj_text_lit(slot, s, strlen(s)); }

SjValue sj_text_char(const char *bytes, int n) {
  static SjValue ascii[128];
  if (n == 1 && (unsigned char)bytes[0] < 128)
    return sj_text_lit(&ascii[(unsigned char)bytes[0]], bytes, 1);
  return sj_text_from_bytes(bytes, (size_t)n);
}

int sj_utf8_len(unsigned char c) {
  if (c < 0x80) return 1;
  if (c < 0xE0) return 2;
  if (c < 0xF0) return 3;
  return 4;
}

uint32_t sj_utf8_decode(const unsigned char *s, int *len) {
  int n = sj_utf8_len(s[0]);
  *len = n;
  switch (n) {
  case 1: return s[0];
  case 2: return ((uint32_t)(s[0] & 0x1F) << 6) | (s[1] & 0x3F);
  case 3: return ((uint32_t)(s[0] & 0x0F) << 12) | ((uint32_t)(s[1] & 0x3F) << 6) | (s[2] & 0x3F);
  default:
    return ((uint32_t)(s[0] & 0x07) << 18) | ((uint32_t)(s[1] & 0x3F) << 12) |
           ((uint32_t)(s[2] & 0x3F) << 6) | (s[3] & 0x3F);
  }
}

int sj_utf8_encode(uint32_t cp, char *out) {
  if (cp < 0x80) { out[0] = (char)cp; return 1; }
  if (cp < 0x800) {
    out[0] = (char)(0xC0 | (cp >> 6));
    out[1] = (char)(0x80 | (cp & 0x3F));
    return 2;
  }
  if (cp < 0x10000) {
    out[0] = (char)(0xE0 | (cp >> 12));
    out[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
    out[2] = (char)(0x80 | (cp & 0x3F));
    return 3;
  }
  out[0] = (char)(0xF0 | (cp >> 18));
  out[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
  out[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
  out[3] = (char)(0x80 | (cp & 0x3F));
  return 4;
}

size_t sj_text_offset(SjText *t, size_t cp) {
  if (t->cplen == t->len) return cp; /* ASCII: bytes are code points */
  const unsigned char *s = (const unsigned char *)t->data;
  size_t i = 0, at = 0;
  if (cp >= t->cache_cp) {
    i = t->cache_cp;
    at = t->cache_at;
  }
  if (t->cplen - cp < cp - i) { /* nearer the end: walk backwards */
    i = t->cplen;
    at = t->len;
    while (i > cp) {
      do at--; while ((s[at] & 0xC0) == 0x80);
      i--;
    }
  } else {
    while (i < cp) {
      at += (size_t)sj_utf8_len(s[at]);
      i++;
    }
  }
  t->cache_cp = i;
  t->cache_at = at;
  return at;
}

uint64_t sj_text_hash(SjText *t) {
  if (t->hash) return t->hash;
  uint64_t h = 1469598103934665603ULL; /* FNV-1a */
  for (size_t i = 0; i < t->len; i++) {
    h ^= (unsigned char)t->data[i];
    h *= 1099511628211ULL;
  }
  t->hash = h ? h : 1;
  return t->hash;
}

/* Length of a valid UTF-8 sequence at s (n bytes left), or 0 if invalid. */
static int valid_sequence(const unsigned char *s, size_t n) {
  if (s[0] < 0x80) return 1;
  int len = s[0] >= 0xC2 && s[0] <= 0xDF ? 2 : s[0] >= 0xE0 && s[0] <= 0xEF ? 3
          : s[0] >= 0xF0 && s[0] <= 0xF4 ? 4 : 0;
  if (len == 0 || (size_t)len > n) return 0;
  for (int k = 1; k < len; k++)
    if ((s[k] & 0xC0) != 0x80) return 0;
  int dummy;
  uint32_t cp = sj_utf8_decode(s, &dummy);
  if ((len == 3 && cp < 0x800) || (len == 4 && (cp < 0x10000 || cp > 0x10FFFF))) return 0;
  if (cp >= 0xD800 && cp <= 0xDFFF) return 0;
  return len;
}

SjValue sj_text_from_untrusted(const char *bytes, size_t len) {
  SjBuf b;
  sj_buf_init(&b);
  sj_buf_reserve(&b, len);
  const unsigned char *s = (const unsigned char *)bytes;
  for (size_t i = 0; i < len;) {
    int n = valid_sequence(s + i, len - i);
    if (n > 0) {
      sj_buf_add(&b, bytes + i, (size_t)n);
      i += (size_t)n;
    } else {
      sj_buf_add(&b, "\xEF\xBF\xBD", 3); /* U+FFFD REPLACEMENT CHARACTER */
      i++;
    }
  }
  return sj_buf_to_text(&b);
}

/* Appends b's bytes to the text in *target, reusing its allocation when the
 * variable holds the only reference (amortised doubling, as Python does for
 * `s += t` on an unshared string). */
void sj_add_inplace(SjValue *target, SjValue b) {
  SjValue a = *target;
  if (a.tag == SJ_TEXT && b.tag == SJ_TEXT && a.as.o->rc == 1 && a.as.o != b.as.o) {
    SjText *t = sj_as_text(a), *u = sj_as_text(b);
    size_t need = t->len + u->len;
    if (need > t->cap) {
      size_t cap = t->cap < 16 ? 32 : t->cap;
      while (cap < need) cap = sj_size_mul(cap, 2);
      t = sj_realloc(t, text_bytes(t->cap), text_bytes(cap));
      t->cap = cap;
    }
    memcpy(t->data + t->len, u->data, u->len);
    t->len = need;
    t->data[need] = '\0';
    t->cplen += u->cplen;
    t->hash = 0;
    target->as.o = &t->obj;
    return;
  }
  SjValue r = sj_add(a, b);
  sj_release(a);
  *target = r;
}
