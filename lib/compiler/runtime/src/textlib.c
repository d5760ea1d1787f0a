/*
 * textlib.c — text builtins: विभाजन, जोड, प्रतिस्थापन, अक्षरहरू.
 */
#include <string.h>
#include "internal.h"

size_t sj_grapheme_next(const char *s, size_t len, size_t at);

static SjText *text_arg(SjValue v, const char *ne, const char *en) {
  if (v.tag != SJ_TEXT) sj_err_arg(ne, en, v);
  return sj_as_text(v);
}

static const char *find(const char *hay, size_t n, const char *needle, size_t m) {
  if (m > n) return NULL;
  for (size_t i = 0; i + m <= n; i++)
    if (hay[i] == needle[0] && memcmp(hay + i, needle, m) == 0) return hay + i;
  return NULL;
}

static bool ascii_space(char c) { return c == ' ' || (c >= '\t' && c <= '\r'); }

/* Python's str.split() with no separator: runs of whitespace. */
static SjValue split_whitespace(SjText *t) {
  SjValue r = sj_list_new(0);
  size_t i = 0;
  while (i < t->len) {
    while (i < t->len && ascii_space(t->data[i])) i++;
    size_t start = i;
    while (i < t->len && !ascii_space(t->data[i])) i++;
    if (i > start) {
      SjValue w = sj_text_from_bytes(t->data + start, i - start);
      sj_list_push(r, w);
      sj_release(w);
    }
  }
  return r;
}

/* विभाजन: a खाली separator splits on whitespace. */
SjValue sj_b_vibhajan(SjValue text, SjValue sep) {
  SjText *t = text_arg(text, "विभाजन", "विभाजन (split)");
  if (sep.tag == SJ_NULL) return split_whitespace(t);
  SjText *s = text_arg(sep, "विभाजन", "विभाजन (split)");
  if (s->len == 0) sj_error("विभाजन: छुट्याउने पाठ खाली हुन सक्दैन", "split: empty separator");
  SjValue r = sj_list_new(0);
  const char *at = t->data, *end = t->data + t->len, *hit;
  while ((hit = find(at, (size_t)(end - at), s->data, s->len)) != NULL) {
    SjValue w = sj_text_from_bytes(at, (size_t)(hit - at));
    sj_list_push(r, w);
    sj_release(w);
    at = hit + s->len;
  }
  SjValue w = sj_text_from_bytes(at, (size_t)(end - at));
  sj_list_push(r, w);
  sj_release(w);
  return r;
}

/* जोड: a खाली separator joins with "". */
SjValue sj_b_jod(SjValue list, SjValue sep) {
  if (list.tag != SJ_LIST) sj_err_arg("जोड", "जोड (join)", list);
  SjList *l = sj_as_list(list);
  SjText *s = sep.tag == SJ_NULL ? NULL : text_arg(sep, "जोड", "जोड (join)");
  SjBuf b;
  sj_buf_init(&b);
  for (size_t i = 0; i < l->len; i++) {
    SjValue v = sj_list_at(l, i);
    if (v.tag != SJ_TEXT) {
      sj_buf_free(&b);
      sj_err_types("जोड: सूचीका सबै वस्तु पाठ हुनुपर्छ, %s पाइयो",
                   "join: every item of the list must be a text, got %s", v, v);
    }
    if (i > 0 && s) sj_buf_add(&b, s->data, s->len);
    sj_buf_add(&b, sj_as_text(v)->data, sj_as_text(v)->len);
  }
  return sj_buf_to_text(&b);
}

SjValue sj_b_pratisthapan(SjValue text, SjValue old, SjValue new_) {
  const char *ne = "प्रतिस्थापन", *en = "प्रतिस्थापन (replace)";
  SjText *t = text_arg(text, ne, en), *o = text_arg(old, ne, en), *n = text_arg(new_, ne, en);
  SjBuf b;
  sj_buf_init(&b);
  if (o->len == 0) { /* Python: the new text before every code point and at the end */
    for (size_t i = 0; i < t->len;) {
      size_t k = (size_t)sj_utf8_len((unsigned char)t->data[i]);
      sj_buf_add(&b, n->data, n->len);
      sj_buf_add(&b, t->data + i, k);
      i += k;
    }
    sj_buf_add(&b, n->data, n->len);
    return sj_buf_to_text(&b);
  }
  const char *at = t->data, *end = t->data + t->len, *hit;
  while ((hit = find(at, (size_t)(end - at), o->data, o->len)) != NULL) {
    sj_buf_add(&b, at, (size_t)(hit - at));
    sj_buf_add(&b, n->data, n->len);
    at = hit + o->len;
  }
  sj_buf_add(&b, at, (size_t)(end - at));
  return sj_buf_to_text(&b);
}

SjValue sj_b_aksharharu(SjValue text) {
  SjText *t = text_arg(text, "अक्षरहरू", "अक्षरहरू (characters)");
  SjValue r = sj_list_new(0);
  for (size_t at = 0; at < t->len;) {
    size_t next = sj_grapheme_next(t->data, t->len, at);
    SjValue g = sj_text_from_bytes(t->data + at, next - at);
    sj_list_push(r, g);
    sj_release(g);
    at = next;
  }
  return r;
}
