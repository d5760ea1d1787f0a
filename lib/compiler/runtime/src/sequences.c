/*
 * sequences.c — list and map builtins: थप, निकाल, टुक्रा, कुञ्जीहरू,
 * क्रमबद्ध, उल्टो, समावेश.
 */
#include <string.h>
#include "internal.h"

/* थप → खाली */
SjValue sj_b_thapa(SjValue list, SjValue x) {
  if (list.tag != SJ_LIST) sj_err_arg("थप", "थप (append)", list);
  sj_list_push(list, x);
  return sj_null();
}

SjValue sj_b_nikaal(SjValue list) {
  if (list.tag != SJ_LIST) sj_err_arg("निकाल", "निकाल (pop)", list);
  SjList *l = sj_as_list(list);
  if (l->len == 0) sj_error("खाली सूचीबाट निकाल्न मिल्दैन", "pop from an empty list");
  if (!l->items) return sj_list_at(l, --l->len); /* packed: an immediate */
  return l->items[--l->len]; /* the list's reference passes to the caller */
}

/* Python's slice bound: None → default, negatives from the end, clamped. */
static size_t slice_bound(SjValue v, size_t len, size_t dflt) {
  if (v.tag == SJ_NULL) return dflt;
  if (v.tag != SJ_INT) sj_err_arg("टुक्रा", "टुक्रा (slice)", v);
  int64_t i = v.as.i;
  if (i < 0) {
    uint64_t back = (uint64_t)(-(i + 1)) + 1;
    return back >= len ? 0 : len - (size_t)back;
  }
  return (uint64_t)i > len ? len : (size_t)i;
}

/* टुक्रा: a खाली start or end means omitted (x[:end], x[start:]). */
SjValue sj_b_tukra(SjValue x, SjValue start, SjValue end) {
  if (x.tag == SJ_LIST) {
    SjList *l = sj_as_list(x);
    size_t a = slice_bound(start, l->len, 0), b = slice_bound(end, l->len, l->len);
    return sj_list_copy_range(l, a, b > a ? b : a);
  }
  if (x.tag != SJ_TEXT) sj_err_arg("टुक्रा", "टुक्रा (slice)", x);
  SjText *t = sj_as_text(x);
  size_t a = slice_bound(start, t->cplen, 0), b = slice_bound(end, t->cplen, t->cplen);
  if (b <= a) return sj_text_from_bytes("", 0);
  size_t from = sj_text_offset(t, a), to = sj_text_offset(t, b);
  return sj_text_from_bytes(t->data + from, to - from);
}

SjValue sj_b_kunjiharu(SjValue map) {
  if (map.tag != SJ_MAP) sj_err_arg("कुञ्जीहरू", "कुञ्जीहरू (keys)", map);
  SjMap *m = sj_as_map(map);
  SjValue r = sj_list_new(m->len);
  for (size_t i = 0; i < m->len; i++) sj_list_push(r, m->entries[i].key);
  return r;
}

SjValue sj_b_ulto(SjValue x) {
  if (x.tag == SJ_LIST) {
    SjList *l = sj_as_list(x);
    if (!l->items && l->len > 0) { /* a packed list's reversed copy stays packed */
      SjValue r = sj_list_copy_range(l, 0, l->len);
      SjList *o = sj_as_list(r);
      for (size_t i = 0, j = l->len - 1; i < j; i++, j--) {
        if (o->bools) { uint8_t t = o->bools[i]; o->bools[i] = o->bools[j]; o->bools[j] = t; }
        else if (o->ints) { int64_t t = o->ints[i]; o->ints[i] = o->ints[j]; o->ints[j] = t; }
        else { double t = o->decs[i]; o->decs[i] = o->decs[j]; o->decs[j] = t; }
      }
      return r;
    }
    SjValue r = sj_list_new(l->len);
    for (size_t i = l->len; i > 0; i--) sj_list_push(r, sj_list_at(l, i - 1));
    return r;
  }
  if (x.tag != SJ_TEXT) sj_err_arg("उल्टो", "उल्टो (reverse)", x);
  SjText *t = sj_as_text(x);
  SjText *r = sj_text_alloc(t->len);
  size_t at = t->len;
  for (size_t i = 0; i < t->len;) { /* code points, copied back to front */
    size_t n = (size_t)sj_utf8_len((unsigned char)t->data[i]);
    at -= n;
    memcpy(r->data + at, t->data + i, n);
    i += n;
  }
  return sj_text_done(r);
}

SjValue sj_b_samavesh(SjValue x, SjValue y) {
  if (x.tag == SJ_TEXT) {
    if (y.tag != SJ_TEXT)
      sj_err_types("पाठमा %s खोज्न मिल्दैन (पाठ चाहिन्छ)", "cannot look for a %s in a text (need a text)", y, y);
    SjText *t = sj_as_text(x), *u = sj_as_text(y);
    if (u->len == 0) return sj_bool(true);
    if (u->len > t->len) return sj_bool(false);
    for (size_t i = 0; i + u->len <= t->len; i++)
      if (memcmp(t->data + i, u->data, u->len) == 0) return sj_bool(true);
    return sj_bool(false);
  }
  if (x.tag == SJ_LIST) {
    SjList *l = sj_as_list(x);
    for (size_t i = 0; i < l->len; i++)
      if (sj_equal(sj_list_at(l, i), y)) return sj_bool(true);
    return sj_bool(false);
  }
  if (x.tag == SJ_MAP) return sj_bool(sj_map_find(sj_as_map(x), y) >= 0);
  sj_err_arg("समावेश", "समावेश (contains)", x);
}

/* ---- क्रमबद्ध: stable merge sort (qsort is not stable and cannot stop on
 * an error halfway with the list intact) ---- */
static void merge_sort(SjValue *a, SjValue *tmp, size_t n) {
  if (n < 2) return;
  size_t mid = n / 2;
  merge_sort(a, tmp, mid);
  merge_sort(a + mid, tmp, n - mid);
  size_t i = 0, j = mid, k = 0;
  while (i < mid && j < n) tmp[k++] = sj_compare_slow(a[j], a[i]) == -1 ? a[j++] : a[i++];
  while (i < mid) tmp[k++] = a[i++];
  while (j < n) tmp[k++] = a[j++];
  memcpy(a, tmp, n * sizeof *a);
}

SjValue sj_b_kramabaddha(SjValue list) {
  if (list.tag != SJ_LIST) sj_err_arg("क्रमबद्ध", "क्रमबद्ध (sorted)", list);
  SjList *l = sj_as_list(list);
  /* All numbers or all texts: check first so the error names the mix. */
  for (size_t i = 0; i < l->len; i++) {
    SjValue v = sj_list_at(l, i), first = sj_list_at(l, 0);
    bool num = v.tag == SJ_INT || v.tag == SJ_DEC, first_num = first.tag == SJ_INT || first.tag == SJ_DEC;
    if (!(num || v.tag == SJ_TEXT) || num != first_num)
      sj_err_types("क्रमबद्ध गर्न सबै संख्या वा सबै पाठ हुनुपर्छ (%s र %s मिसिए)",
                   "to sort, all items must be numbers or all texts (mixed %s and %s)", first, v);
  }
  SjValue r = sj_list_copy_range(l, 0, l->len);
  SjList *rl = sj_as_list(r);
  sj_list_widen(rl); /* packed numbers are sorted as values */
  SjValue *tmp = SJ_ALLOC(sj_size_mul(rl->len + 1, sizeof(SjValue)));
  merge_sort(rl->items, tmp, rl->len);
  SJ_FREE(tmp, (rl->len + 1) * sizeof(SjValue));
  return r;
}
