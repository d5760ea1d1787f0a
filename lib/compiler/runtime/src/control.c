/*
 * control.c — calls through function values and the loop helpers
 * (हरेक … देखि … सम्म, दोहोर्याउ … पटक, हरेक … मा).
 */
#include <stdio.h>
#include "internal.h"

SjValue sj_call(SjValue f, int argc, SjValue *args) {
  if (f.tag != SJ_FUNC)
    sj_err_types("%s लाई कार्यझैँ बोलाउन मिल्दैन", "a %s cannot be called like a function", f, f);
  SjFunc *fn = sj_as_func(f);
  if (fn->arity < 0) return fn->vfn(argc, args);
  if (argc != fn->arity) {
    char ne[512], en[512];
    snprintf(ne, sizeof ne, "कार्य %.*s ले %d वटा तर्क लिन्छ, %d वटा दिइयो", (int)fn->name_len,
             fn->name, fn->arity, argc);
    snprintf(en, sizeof en, "function %.*s takes %d argument(s), %d given", (int)fn->name_len,
             fn->name, fn->arity, argc);
    sj_error(ne, en);
  }
  return fn->fn(args);
}

static int64_t range_bound(SjValue v) {
  if (v.tag != SJ_INT)
    sj_err_types("हरेक … देखि … सम्मका सीमा र कदम पूर्णांक हुनुपर्छ, %s पाइयो",
                 "range bounds and step must be integers, got %s", v, v);
  return v.as.i;
}

void sj_range_init(SjRange *r, SjValue start, SjValue end, SjValue step) {
  r->cur = range_bound(start);
  r->end = range_bound(end);
  r->step = range_bound(step);
  r->done = false;
  if (r->step == 0) sj_error("कदम शून्य हुन सक्दैन", "range step cannot be zero");
}

int64_t sj_repeat_count(SjValue n) {
  if (n.tag != SJ_INT)
    sj_err_types("दोहोर्याउ … पटकको संख्या पूर्णांक हुनुपर्छ, %s पाइयो",
                 "repeat count must be an integer, got %s", n, n);
  return n.as.i;
}

SjValue sj_b_kunjiharu(SjValue map);

void sj_iter_init(SjIter *it, SjValue coll) {
  it->pos = 0;
  if (coll.tag == SJ_MAP) {
    it->coll = sj_b_kunjiharu(coll); /* snapshot of the keys */
  } else if (coll.tag == SJ_LIST || coll.tag == SJ_TEXT) {
    it->coll = sj_retain(coll);
  } else {
    sj_err_types("हरेक … मा %s माथि चलाउन मिल्दैन (सूची, पाठ वा शब्दकोश चाहिन्छ)",
                 "cannot loop over a %s (need a list, text or map)", coll, coll);
  }
}

bool sj_iter_next(SjIter *it, SjValue *out) {
  if (it->coll.tag == SJ_LIST) {
    SjList *l = sj_as_list(it->coll);
    if (it->pos >= l->len) return false; /* live length, as Python */
    *out = sj_retain(sj_list_at(l, it->pos++));
    return true;
  }
  SjText *t = sj_as_text(it->coll);
  if (it->pos >= t->len) return false;
  int n = sj_utf8_len((unsigned char)t->data[it->pos]);
  *out = sj_text_char(t->data + it->pos, n);
  it->pos += (size_t)n;
  return true;
}

void sj_iter_end(SjIter *it) {
  sj_release(it->coll);
  it->coll = sj_null();
}
