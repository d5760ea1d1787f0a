/*
 * list.c — growable arrays of owned values, and the slow paths of
 * indexing (negative indexes, texts, maps, errors).
 */
#include <stdio.h>
#include <string.h>
#include "internal.h"

SjValue sj_list_new(size_t cap) {
  SjList *l = SJ_ALLOC(sizeof(SjList));
  l->obj.rc = 1;
  l->len = 0;
  l->cap = cap;
  l->items = cap ? SJ_ALLOC(sj_size_mul(cap, sizeof(SjValue))) : NULL;
  l->bools = NULL;
  SjValue v;
  v.tag = SJ_LIST;
  v.as.o = &l->obj;
  return v;
}

SjValue sj_list_new_bools(size_t len) {
  SjList *l = SJ_ALLOC(sizeof(SjList));
  l->obj.rc = 1;
  l->len = len;
  l->cap = len ? len : 1; /* bools != NULL marks the packed form */
  l->items = NULL;
  l->bools = SJ_ALLOC(l->cap);
  SjValue v;
  v.tag = SJ_LIST;
  v.as.o = &l->obj;
  return v;
}

void sj_list_widen(SjList *l) {
  if (!l->bools) return;
  SjValue *items = SJ_ALLOC(sj_size_mul(l->cap, sizeof(SjValue)));
  for (size_t i = 0; i < l->len; i++) items[i] = sj_bool(l->bools[i]);
  SJ_FREE(l->bools, l->cap);
  l->bools = NULL;
  l->items = items;
}

void sj_list_free(SjList *l) {
  if (l->bools) SJ_FREE(l->bools, l->cap);
  else SJ_FREE(l->items, l->cap * sizeof(SjValue));
  SJ_FREE(l, sizeof(SjList));
}

void sj_list_push(SjValue list, SjValue item) {
  SjList *l = sj_as_list(list);
  if (l->bools) {
    if (item.tag == SJ_BOOL) {
      if (l->len == l->cap) {
        size_t cap = l->cap < 4 ? 4 : sj_size_mul(l->cap, 2);
        l->bools = sj_realloc(l->bools, l->cap, cap);
        l->cap = cap;
      }
      l->bools[l->len++] = (uint8_t)item.as.b;
      return;
    }
    sj_list_widen(l);
  }
  if (l->len == l->cap) {
    size_t cap = l->cap < 4 ? 4 : sj_size_mul(l->cap, 2);
    l->items = sj_realloc(l->items, l->cap * sizeof(SjValue), sj_size_mul(cap, sizeof(SjValue)));
    l->cap = cap;
  }
  l->items[l->len++] = sj_retain(item);
}

SjValue sj_list_copy_range(SjList *l, size_t from, size_t to) {
  if (l->bools && to > from) { /* a packed list's copy stays packed */
    SjValue r = sj_list_new_bools(to - from);
    memcpy(sj_as_list(r)->bools, l->bools + from, to - from);
    return r;
  }
  SjValue r = sj_list_new(to > from ? to - from : 0);
  for (size_t i = from; i < to; i++) sj_list_push(r, sj_list_at(l, i));
  return r;
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
    if (l->bools) {
      if (val.tag == SJ_BOOL) {
        l->bools[i] = (uint8_t)val.as.b;
        return;
      }
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
