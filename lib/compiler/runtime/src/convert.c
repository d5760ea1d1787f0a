/*
 * convert.c — the conversion builtins: संख्या, पूर्णांक, दशमलव, पाठ, प्रकार,
 * लम्बाइ, and number parsing with both digit sets.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "internal.h"

/* Python's str.strip() whitespace that can appear in typed input. */
static bool is_space_at(const unsigned char *s, size_t n, size_t *len) {
  if (n >= 1 && (s[0] == ' ' || (s[0] >= '\t' && s[0] <= '\r'))) { *len = 1; return true; }
  if (n >= 2 && s[0] == 0xC2 && s[1] == 0xA0) { *len = 2; return true; } /* NBSP */
  if (n >= 3 && s[0] == 0xE3 && s[1] == 0x80 && s[2] == 0x80) { *len = 3; return true; } /* ideographic */
  if (n >= 3 && s[0] == 0xE2 && s[1] == 0x80 && (s[2] <= 0x8A || s[2] == 0xA8 || s[2] == 0xA9 || s[2] == 0xAF)) {
    *len = 3; return true; }
  return false;
}

/* A digit 0-9 or ०-९ at s; returns its value and sets *len, or -1. */
static int digit_at(const unsigned char *s, size_t n, size_t *len) {
  if (n >= 1 && s[0] >= '0' && s[0] <= '9') { *len = 1; return s[0] - '0'; }
  if (n >= 3 && s[0] == 0xE0 && s[1] == 0xA5 && s[2] >= 0xA6 && s[2] <= 0xAF) {
    *len = 3;
    return s[2] - 0xA6;
  }
  return -1;
}

SJ_NORETURN static void not_a_number(SjText *t) {
  char ne[512], en[512];
  int n = t->len > 100 ? 100 : (int)t->len;
  snprintf(ne, sizeof ne, "\"%.*s\" लाई संख्यामा बदल्न मिल्दैन", n, t->data);
  snprintf(en, sizeof en, "cannot convert \"%.*s\" to a number", n, t->data);
  sj_error(ne, en);
}

/* Collects digits into ascii (latin), returns how many were read. */
static size_t read_digits(const unsigned char *s, size_t n, size_t *i, SjBuf *ascii) {
  size_t count = 0, len;
  int d;
  while (*i < n && (d = digit_at(s + *i, n - *i, &len)) >= 0) {
    sj_buf_addc(ascii, (char)('0' + d));
    *i += len;
    count++;
  }
  return count;
}

/* Latin digits with an optional sign to int64; *ok false when it does not
 * fit. Accumulates negatively so that INT64_MIN parses. */
static int64_t parse_int(const char *s, bool *ok) {
  bool neg = s[0] == '-';
  int64_t v = 0;
  for (const char *p = s + (s[0] == '-' || s[0] == '+'); *p; p++)
    if (SJ_MUL_OVF(v, (int64_t)10, &v) || SJ_SUB_OVF(v, (int64_t)(*p - '0'), &v)) {
      *ok = false;
      return 0;
    }
  if (!neg && v == INT64_MIN) {
    *ok = false;
    return 0;
  }
  return neg ? v : -v;
}

/* [+-] digits [. digits] [e [+-] digits], surrounded by optional spaces;
 * either digit set. An integer when there is no '.' and no exponent. */
SjValue sj_parse_number(SjText *t) {
  const unsigned char *s = (const unsigned char *)t->data;
  size_t n = t->len, i = 0, len;
  while (i < n && is_space_at(s + i, n - i, &len)) i += len;
  SjBuf a;
  sj_buf_init(&a);
  if (i < n && (s[i] == '+' || s[i] == '-')) sj_buf_addc(&a, (char)s[i++]);
  size_t whole = read_digits(s, n, &i, &a), frac = 0;
  bool decimal = false;
  if (i < n && s[i] == '.') {
    decimal = true;
    sj_buf_addc(&a, '.');
    i++;
    frac = read_digits(s, n, &i, &a);
  }
  bool ok = whole + frac > 0;
  if (ok && i < n && (s[i] == 'e' || s[i] == 'E')) {
    decimal = true;
    sj_buf_addc(&a, 'e');
    i++;
    if (i < n && (s[i] == '+' || s[i] == '-')) sj_buf_addc(&a, (char)s[i++]);
    ok = read_digits(s, n, &i, &a) > 0;
  }
  while (i < n && is_space_at(s + i, n - i, &len)) i += len;
  if (!ok || i != n) {
    sj_buf_free(&a);
    not_a_number(t);
  }
  sj_buf_addc(&a, '\0');
  bool ok_int = true;
  SjValue r = decimal ? sj_dec(strtod(a.data, NULL)) : sj_int(parse_int(a.data, &ok_int));
  sj_buf_free(&a);
  if (!ok_int) sj_err_overflow();
  return r;
}

SjValue sj_b_sankhya(SjValue t) {
  if (t.tag != SJ_TEXT) sj_err_arg("संख्या", "संख्या (number)", t);
  return sj_parse_number(sj_as_text(t));
}

SjValue sj_b_purnanka(SjValue x) {
  switch (x.tag) {
  case SJ_INT: return x;
  case SJ_DEC: return sj_int(sj_dec_to_int(trunc(x.as.d)));
  case SJ_BOOL: return sj_int(x.as.b);
  case SJ_TEXT: {
    SjValue v = sj_parse_number(sj_as_text(x));
    return v.tag == SJ_INT ? v : sj_int(sj_dec_to_int(trunc(v.as.d)));
  }
  default: sj_err_arg("पूर्णांक", "पूर्णांक (integer)", x);
  }
}

SjValue sj_b_dashamalav(SjValue x) {
  switch (x.tag) {
  case SJ_INT: return sj_dec((double)x.as.i);
  case SJ_DEC: return x;
  case SJ_BOOL: return sj_dec(x.as.b ? 1.0 : 0.0);
  case SJ_TEXT: {
    SjValue v = sj_parse_number(sj_as_text(x));
    return v.tag == SJ_DEC ? v : sj_dec((double)v.as.i);
  }
  default: sj_err_arg("दशमलव", "दशमलव (decimal)", x);
  }
}

SjValue sj_b_paath(SjValue x) {
  if (x.tag == SJ_TEXT) return sj_retain(x);
  SjBuf b;
  sj_buf_init(&b);
  sj_format(&b, x, false);
  return sj_buf_to_text(&b);
}

SjValue sj_b_prakaar(SjValue x) {
  static SjValue names[8];
  return sj_text_const(&names[x.tag & 7], sj_type_ne(x));
}

SjValue sj_b_lambai(SjValue x) {
  switch (x.tag) {
  case SJ_TEXT: return sj_int((int64_t)sj_as_text(x)->cplen);
  case SJ_LIST: return sj_int((int64_t)sj_as_list(x)->len);
  case SJ_MAP: return sj_int((int64_t)sj_as_map(x)->len);
  default: sj_err_arg("लम्बाइ", "लम्बाइ (length)", x);
  }
}
