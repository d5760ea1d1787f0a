/*
 * list.c — growable arrays of owned values, and the slow paths of
 * indexing (negative indexes, texts, maps, errors).
 */
#include <stdio.h>
#include <string.h>
#include "internal.h"

static SjList *list_alloc(void) {
  SjList *l = SJ_ALLOC(sizeof(SjList));
  l->obj.rc = 1;
  l->len = l->cap = 0;
  l->items = NULL;
  l->bools = NULL;
  l->ints = NULL;
  l->decs = NULL;
  return l;
}

static SjValue list_value(SjList *l) {
  SjValue v;
  v.tag = SJ_LIST;
  v.as.o = &l->obj;
  return v;
}

/* Bytes of one element in the list's current form. */
static size_t elem_size(const SjList *l) {
  if (l->bools) return 1;
  if (l->ints) return sizeof(int64_t);
  if (l->decs) return sizeof(double);
  return sizeof(SjValue);
}

SjValue sj_list_new(size_t cap) {
  SjList *l = list_alloc();
  l->cap = cap;
  l->items = cap ? SJ_ALLOC(sj_size_mul(cap, sizeof(SjValue))) : NULL;
  return list_value(l);
}

/* Packed forms always have storage (cap >= 1): a non-NULL pointer is what marks them. */
static SjList *packed_list(size_t len, size_t elem_bytes, void **data) {
  SjList *l = list_alloc();
  l->len = len;
  l->cap = len ? len : 1;
  *data = SJ_ALLOC(sj_size_mul(l->cap, elem_bytes));
  return l;
}

SjValue sj_list_new_bools(size_t len) {
  void *data;
  SjList *l = packed_list(len, 1, &data);
  l->bools = data;
  return list_value(l);
}

SjValue sj_list_new_ints(size_t len) {
  void *data;
  SjList *l = packed_list(len, sizeof(int64_t), &data);
  l->ints = data;
  return list_value(l);
}

SjValue sj_list_new_decs(size_t len) {
  void *data;
  SjList *l = packed_list(len, sizeof(double), &data);
  l->decs = data;
  return list_value(l);
}

void sj_list_widen(SjList *l) {
  if (l->items || !(l->bools || l->ints || l->decs)) return;
  SjValue *items = SJ_ALLOC(sj_size_mul(l->cap, sizeof(SjValue)));
  for (size_t i = 0; i < l->len; i++) items[i] = sj_list_at(l, i);
  SJ_FREE(l->bools ? (void *)l->bools : l->ints ? (void *)l->ints : (void *)l->decs, l->cap * elem_size(l));
  l->bools = NULL;
  l->ints = NULL;
  l->decs = NULL;
  l->items = items;
}

void sj_list_free(SjList *l) {
  void *data = l->items ? (void *)l->items : l->bools ? (void *)l->bools : l->ints ? (void *)l->ints : (void *)l->decs;
  if (data) SJ_FREE(data, l->cap * elem_size(l));
  SJ_FREE(l, sizeof(SjList));
}

/* Room for one more element in the list's current form. */
static void grow(SjList *l) {
  if (l->len < l->cap) return;
  size_t cap = l->cap < 4 ? 4 : sj_size_mul(l->cap, 2);
  size_t size = elem_size(l);
  void **data = l->items ? (void **)&l->items : l->bools ? (void **)&l->bools
              : l->ints ? (void **)&l->ints : l->decs ? (void **)&l->decs : (void **)&l->items;
  *data = sj_realloc(*data, l->cap * size, sj_size_mul(cap, size));
  l->cap = cap;
}

/* An empty generic list takes the packed form of its first number. Its storage, if any, is
 * reused: 16 bytes per value hold two packed numbers (the byte size is what is freed later). */
static void pack_for(SjList *l, SjValue first) {
  if (first.tag != SJ_INT && first.tag != SJ_DEC) return;
  void *data = l->items;
  if (data) l->cap *= sizeof(SjValue) / sizeof(int64_t);
  else data = SJ_ALLOC(4 * sizeof(int64_t)), l->cap = 4;
  l->items = NULL;
  if (first.tag == SJ_INT) l->ints = data;
  else l->decs = data;
}

void sj_list_push(SjValue list, SjValue item) {
  SjList *l = sj_as_list(list);
  if (!l->items) {
    if (l->len == 0 && !l->bools && !l->ints && !l->decs) pack_for(l, item);
    if (l->bools && item.tag == SJ_BOOL) { grow(l); l->bools[l->len++] = (uint8_t)item.as.b; return; }
    if (l->ints && item.tag == SJ_INT) { grow(l); l->ints[l->len++] = item.as.i; return; }
    if (l->decs && item.tag == SJ_DEC) { grow(l); l->decs[l->len++] = item.as.d; return; }
    sj_list_widen(l);
  }
  grow(l);
  l->items[l->len++] = sj_retain(item);
}

/* A packed list of the same form as l, of len elements, filled by the caller. */
static SjValue new_like(const SjList *l, size_t len) {
  if (l->bools) return sj_list_new_bools(len);
  if (l->ints) return sj_list_new_ints(len);
  return sj_list_new_decs(len);
}

static void *data_of(const SjList *l) {
  return l->bools ? (void *)l->bools : l->ints ? (void *)l->ints : (void *)l->decs;
}

SjValue sj_list_copy_range(SjList *l, size_t from, size_t to) {
  if (!l->items && to > from) { /* a packed list's copy stays packed */
    SjValue r = new_like(l, to - from);
    size_t size = elem_size(l);
    memcpy(data_of(sj_as_list(r)), (char *)data_of(l) + from * size, (to - from) * size);
    return r;
  }
  SjValue r = sj_list_new(to > from ? to - from : 0);
  for (size_t i = from; i < to; i++) sj_list_push(r, sj_list_at(l, i));
  return r;
}

/* Whether two lists are packed in the same form. */
static bool same_packed_form(const SjList *a, const SjList *b) {
  return !a->items && !b->items && ((a->bools && b->bools) || (a->ints && b->ints) || (a->decs && b->decs));
}

SjValue sj_list_concat(SjList *x, SjList *y) {
  if (same_packed_form(x, y)) { /* packed + packed of one form stays packed */
    SjValue r = new_like(x, x->len + y->len);
    size_t size = elem_size(x);
    memcpy(data_of(sj_as_list(r)), data_of(x), x->len * size);
    memcpy((char *)data_of(sj_as_list(r)) + x->len * size, data_of(y), y->len * size);
    return r;
  }
  SjValue r = sj_list_new(x->len + y->len);
  for (size_t i = 0; i < x->len; i++) sj_list_push(r, sj_list_at(x, i));
  for (size_t i = 0; i < y->len; i++) sj_list_push(r, sj_list_at(y, i));
  return r;
}

SjValue sj_list_repeat(SjList *l, size_t count) {
  size_t total = sj_size_mul(l->len, count);
  SjTag kind = total > 0 ? (SjTag)sj_list_at(l, 0).tag : SJ_NULL;
  for (size_t k = 1; k < l->len && kind != SJ_NULL; k++)
    if (sj_list_at(l, k).tag != kind) kind = SJ_NULL;
  if (kind == SJ_BOOL || kind == SJ_INT || kind == SJ_DEC) { /* [सत्य] * n, [०] * n, [०.०] * n: packed */
    SjValue out = kind == SJ_BOOL ? sj_list_new_bools(total) : kind == SJ_INT ? sj_list_new_ints(total) : sj_list_new_decs(total);
    SjList *o = sj_as_list(out);
    if (kind == SJ_BOOL && l->len == 1) memset(o->bools, sj_list_at(l, 0).as.b, total);
    else
      for (size_t i = 0; i < total; i++) {
        SjValue v = sj_list_at(l, i % l->len);
        if (kind == SJ_BOOL) o->bools[i] = (uint8_t)v.as.b;
        else if (kind == SJ_INT) o->ints[i] = v.as.i;
        else o->decs[i] = v.as.d;
      }
    return out;
  }
  SjValue out = sj_list_new(total);
  for (size_t i = 0; i < count; i++)
    for (size_t k = 0; k < l->len; k++) sj_list_push(out, sj_list_at(l, k));
  return out;
}

SJ_NORETURN static void out_of_range(int64_t i, size_t len) {
  char ne[256], en[256];
  SjBuf b, n;
  sj_buf_init(&b);
  sj_buf_init(&n);
  sj_format_int(&b, i); /* the program's digits in the Nepali line */
  sj_buf_addc(&b, '\0');
  sj_format_int(&n, (int64_t)len);
  sj_buf_addc(&n, '\0');
  snprintf(ne, sizeof ne, "सूचकाङ्क %s दायराबाहिर छ (लम्बाइ %s)", b.data, n.data);
  snprintf(en, sizeof en, "index %lld out of range (length %zu)", (long long)i, len);
  sj_buf_free(&b);
  sj_buf_free(&n);
  sj_error(ne, en);
}

/* A position 0..len-1 from an index that may count from the end. */
static size_t resolve_index(SjValue idx, size_t len, const char *what_ne, const char *what_en) {
  if (idx.tag != SJ_INT) {
    char ne[256], en[256];
    snprintf(ne, sizeof ne, "%sको सूचकाङ्क पूर्णांक हुनुपर्छ, %s पाइयो", what_ne, sj_type_ne(idx));
    snprintf(en, sizeof en, "%s index must be an integer, got %s", what_en, sj_type_en(idx));
    sj_error(ne, en);
  }
  int64_t i = idx.as.i;
  if (i < 0 && (uint64_t)(-(i + 1)) < len) return len - (size_t)(-(i + 1)) - 1;
  if (i >= 0 && (uint64_t)i < len) return (size_t)i;
  out_of_range(i, len);
}

/* The key as the program would print it (at most 200 bytes, may cut a
 * character short: only for the message). */
static void key_text(SjBuf *b, SjValue key, int latin) {
  int saved = sj_latin_digits;
  sj_latin_digits = latin;
  sj_format(b, key, true);
  sj_latin_digits = saved;
  if (b->len > 200) b->len = 200;
  sj_buf_addc(b, '\0');
}

SJ_NORETURN static void missing_key(SjValue key) {
  SjBuf k_ne, k_en;
  sj_buf_init(&k_ne);
  sj_buf_init(&k_en);
  key_text(&k_ne, key, sj_latin_digits);
  key_text(&k_en, key, 1); /* the English line uses latin digits */
  char ne[512], en[512];
  snprintf(ne, sizeof ne, "शब्दकोशमा कुञ्जी %s छैन", k_ne.data);
  snprintf(en, sizeof en, "key %s is not in the map", k_en.data);
  sj_buf_free(&k_ne);
  sj_buf_free(&k_en);
  sj_error(ne, en);
}

SjValue sj_index_slow(SjValue obj, SjValue idx) {
  switch (obj.tag) {
  case SJ_LIST: {
    SjList *l = sj_as_list(obj);
    return sj_retain(sj_list_at(l, resolve_index(idx, l->len, "सूची", "list")));
  }
  case SJ_TEXT: {
    SjText *t = sj_as_text(obj);
    size_t cp = resolve_index(idx, t->cplen, "पाठ", "text");
    size_t at = sj_text_offset(t, cp);
    return sj_text_char(t->data + at, sj_utf8_len((unsigned char)t->data[at]));
  }
  case SJ_MAP: {
    SjMap *m = sj_as_map(obj);
    sj_check_key(idx);
    long i = sj_map_find(m, idx);
    if (i < 0) missing_key(idx);
    return sj_retain(m->entries[i].value);
  }
  default:
    sj_err_types("%s मा सूचकाङ्क लगाउन मिल्दैन", "%s cannot be indexed", obj, obj);
  }
}

void sj_set_index_slow(SjValue obj, SjValue idx, SjValue val) {
  if (obj.tag == SJ_LIST) {
    SjList *l = sj_as_list(obj);
    size_t i = resolve_index(idx, l->len, "सूची", "list");
    if (!l->items) {
      if (l->bools && val.tag == SJ_BOOL) { l->bools[i] = (uint8_t)val.as.b; return; }
      if (l->ints && val.tag == SJ_INT) { l->ints[i] = val.as.i; return; }
      if (l->decs && val.tag == SJ_DEC) { l->decs[i] = val.as.d; return; }
      sj_list_widen(l);
    }
    SjValue old = l->items[i];
    l->items[i] = sj_retain(val);
    sj_release(old);
  } else if (obj.tag == SJ_MAP) {
    sj_map_set(obj, idx, val);
  } else if (obj.tag == SJ_TEXT) {
    sj_error("पाठ बदल्न मिल्दैन (नयाँ पाठ बनाउनुहोस्)", "texts cannot be changed (make a new text)");
  } else {
    sj_err_types("%s मा सूचकाङ्कमा मान राख्न मिल्दैन", "%s does not support item assignment", obj, obj);
  }
}
