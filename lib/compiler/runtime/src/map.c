/*
 * map.c — insertion-ordered hash maps (like Python's dict): entries live in
 * an array in insertion order; an open-addressing table of entry numbers
 * finds them by hash. Keys are integers, texts or booleans; सत्य and १ are
 * different keys (different types are never equal in Sajilo).
 */
#include <math.h>
#include "internal.h"

bool sj_is_key_type(SjValue key) {
  return key.tag == SJ_INT || key.tag == SJ_TEXT || key.tag == SJ_BOOL;
}

/* A decimal with an integer value stands for that integer, as in Python
 * (m[2.0] is m[2], since 2.0 == 2; the key first inserted is kept, so
 * m[3.0] = x on a new key prints as ३.०); any other decimal is not a key. */
static SjValue normal_key(SjValue key) {
  if (key.tag == SJ_DEC && key.as.d == trunc(key.as.d) && key.as.d >= -9223372036854775808.0 &&
      key.as.d < 9223372036854775808.0)
    return sj_int((int64_t)key.as.d);
  return key;
}

void sj_check_key(SjValue key) {
  if (!sj_is_key_type(normal_key(key)))
    sj_err_types("शब्दकोशको कुञ्जी पूर्णांक, पाठ वा बुलियन हुनुपर्छ, %s पाइयो",
                 "map keys must be integers, texts or booleans, got %s", key, key);
}

static uint64_t mix(uint64_t x) { /* splitmix64 finaliser */
  x ^= x >> 30;
  x *= 0xbf58476d1ce4e5b9ULL;
  x ^= x >> 27;
  x *= 0x94d049bb133111ebULL;
  return x ^ (x >> 31);
}

static uint64_t key_hash(SjValue key) {
  key = normal_key(key);
  if (key.tag == SJ_TEXT) return sj_text_hash(sj_as_text(key));
  if (key.tag == SJ_BOOL) return mix(key.as.b ? 0x5a17u : 0x5a16u);
  return mix((uint64_t)key.as.i);
}

static bool key_equal(SjValue a, SjValue b) {
  if (a.tag != b.tag) return sj_equal(a, b); /* only int and decimal can match */
  if (a.tag == SJ_INT) return a.as.i == b.as.i;
  if (a.tag == SJ_BOOL) return a.as.b == b.as.b;
  return sj_equal(a, b);
}

SjValue sj_map_new(void) {
  SjMap *m = SJ_ALLOC(sizeof(SjMap));
  m->obj.rc = 1;
  m->len = m->cap = 0;
  m->entries = NULL;
  m->slots = NULL;
  m->nslots = 0;
  SjValue v;
  v.tag = SJ_MAP;
  v.as.o = &m->obj;
  return v;
}

void sj_map_free(SjMap *m) {
  SJ_FREE(m->entries, m->cap * sizeof(SjMapEntry));
  SJ_FREE(m->slots, m->nslots * sizeof(uint32_t));
  SJ_FREE(m, sizeof(SjMap));
}

/* Slot holding key, or the empty slot where it would go. */
static size_t probe(SjMap *m, SjValue key, uint64_t h) {
  size_t mask = m->nslots - 1, i = (size_t)h & mask;
  for (;;) {
    uint32_t s = m->slots[i];
    if (s == 0) return i;
    SjMapEntry *e = &m->entries[s - 1];
    if (e->hash == h && key_equal(e->key, key)) return i;
    i = (i + 1) & mask;
  }
}

long sj_map_find(SjMap *m, SjValue key) {
  if (m->len == 0 || !sj_is_key_type(normal_key(key))) return -1;
  uint32_t s = m->slots[probe(m, key, key_hash(key))];
  return s ? (long)s - 1 : -1;
}

/* Keeps the table at most half full. */
static void grow(SjMap *m) {
  size_t cap = m->cap ? sj_size_mul(m->cap, 2) : 8;
  m->entries = sj_realloc(m->entries, m->cap * sizeof(SjMapEntry), sj_size_mul(cap, sizeof(SjMapEntry)));
  m->cap = cap;
  SJ_FREE(m->slots, m->nslots * sizeof(uint32_t));
  m->nslots = cap * 2;
  m->slots = SJ_ALLOC(sj_size_mul(m->nslots, sizeof(uint32_t)));
  for (size_t i = 0; i < m->nslots; i++) m->slots[i] = 0;
  for (size_t i = 0; i < m->len; i++)
    m->slots[probe(m, m->entries[i].key, m->entries[i].hash)] = (uint32_t)(i + 1);
}

void sj_map_set(SjValue map, SjValue key, SjValue value) {
  SjMap *m = sj_as_map(map);
  sj_check_key(key);
  uint64_t h = key_hash(key);
  if (m->len > 0) {
    size_t i = probe(m, key, h);
    if (m->slots[i]) { /* replace the value, keep the position */
      SjMapEntry *e = &m->entries[m->slots[i] - 1];
      SjValue old = e->value;
      e->value = sj_retain(value);
      sj_release(old);
      return;
    }
  }
  if (m->len == m->cap) grow(m);
  if (m->len >= UINT32_MAX - 1) sj_error("मेमोरी पुगेन", "out of memory");
  SjMapEntry *e = &m->entries[m->len];
  e->key = sj_retain(key);
  e->value = sj_retain(value);
  e->hash = h;
  m->len++;
  m->slots[probe(m, key, h)] = (uint32_t)m->len;
}
