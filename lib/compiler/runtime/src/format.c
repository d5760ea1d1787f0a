/*
 * format.c — values as देखाउ prints them (and पाठ() returns them).
 *
 * Numbers use Devanagari digits unless the program was compiled with
 * --latin-digits; in exponent form `e`, `+` and `-` stay latin (१e+१६).
 * Decimals print like Python's repr: the shortest digits that read back
 * as the same double, fixed notation when the decimal exponent is in
 * [-4, 16), otherwise d.ddde±XX.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "internal.h"

int sj_latin_digits;

/* Appends ASCII text, mapping 0-9 to ०-९ unless latin digits are on. */
static void add_digits(SjBuf *b, const char *s, size_t n) {
  if (sj_latin_digits) {
    sj_buf_add(b, s, n);
    return;
  }
  sj_buf_reserve(b, n * 3);
  for (size_t i = 0; i < n; i++) {
    if (s[i] >= '0' && s[i] <= '9') {
      char d[3] = {'\xE0', '\xA5', (char)(0xA6 + (s[i] - '0'))};
      sj_buf_add(b, d, 3);
    } else {
      sj_buf_addc(b, s[i]);
    }
  }
}

void sj_format_int(SjBuf *b, int64_t i) {
  char tmp[24];
  char *p = tmp + sizeof tmp;
  /* Work on the magnitude as unsigned so INT64_MIN needs no special case. */
  uint64_t u = i < 0 ? 0 - (uint64_t)i : (uint64_t)i;
  do {
    *--p = (char)('0' + u % 10);
    u /= 10;
  } while (u);
  if (i < 0) *--p = '-';
  add_digits(b, p, (size_t)(tmp + sizeof tmp - p));
}

/* Shortest significant digits of |d| (finite, nonzero) that round-trip,
 * and the decimal point position: |d| = 0.DIGITS × 10^decpt. */
static int shortest_digits(double d, char *digits, int *decpt) {
  char tmp[40];
  /* Fewest digits that read back as d. If p digits round-trip, p + 1 do too
   * (the nearest (p+1)-digit decimal is at least as close), so binary
   * search over 1..17 (17 always round-trips) instead of trying each. */
  int lo = 1, hi = 17;
  while (lo < hi) {
    int mid = (lo + hi) / 2;
    snprintf(tmp, sizeof tmp, "%.*e", mid - 1, d);
    if (strtod(tmp, NULL) == d) hi = mid;
    else lo = mid + 1;
  }
  snprintf(tmp, sizeof tmp, "%.*e", lo - 1, d);
  /* tmp is "D.DDDDe±XX" (or "De±XX"). */
  int n = 0;
  char *p = tmp;
  for (; *p && *p != 'e'; p++)
    if (*p >= '0' && *p <= '9') digits[n++] = *p;
  while (n > 1 && digits[n - 1] == '0') n--;
  digits[n] = '\0';
  *decpt = atoi(p + 1) + 1;
  return n;
}

static void format_finite(SjBuf *out, double d) {
  char digits[24], s[64];
  int decpt, n = shortest_digits(fabs(d), digits, &decpt), k = 0;
  if (d < 0) s[k++] = '-';
  if (decpt > -4 && decpt <= 16) { /* fixed notation, as Python's repr */
    if (decpt <= 0) {
      s[k++] = '0';
      s[k++] = '.';
      for (int i = 0; i < -decpt; i++) s[k++] = '0';
      for (int i = 0; i < n; i++) s[k++] = digits[i];
    } else if (decpt >= n) {
      for (int i = 0; i < n; i++) s[k++] = digits[i];
      for (int i = n; i < decpt; i++) s[k++] = '0';
      s[k++] = '.';
      s[k++] = '0';
    } else {
      for (int i = 0; i < n; i++) {
        if (i == decpt) s[k++] = '.';
        s[k++] = digits[i];
      }
    }
  } else { /* exponent notation: 1e+16, 1.5e-07 */
    s[k++] = digits[0];
    if (n > 1) {
      s[k++] = '.';
      for (int i = 1; i < n; i++) s[k++] = digits[i];
    }
    k += snprintf(s + k, sizeof s - (size_t)k, "e%c%02d", decpt - 1 < 0 ? '-' : '+',
                  abs(decpt - 1));
  }
  add_digits(out, s, (size_t)k);
}

void sj_format_dec(SjBuf *b, double d) {
  if (isnan(d)) sj_buf_adds(b, "nan");
  else if (isinf(d)) sj_buf_adds(b, d > 0 ? "inf" : "-inf");
  else if (d == 0) add_digits(b, signbit(d) ? "-0.0" : "0.0", signbit(d) ? 4 : 3);
  else format_finite(b, d);
}

/* A text inside a list or map: double quotes, with \\ \" \n \t escaped. */
static void format_quoted(SjBuf *b, SjText *t) {
  sj_buf_addc(b, '"');
  for (size_t i = 0; i < t->len; i++) {
    char c = t->data[i];
    switch (c) {
    case '"': sj_buf_add(b, "\\\"", 2); break;
    case '\\': sj_buf_add(b, "\\\\", 2); break;
    case '\n': sj_buf_add(b, "\\n", 2); break;
    case '\t': sj_buf_add(b, "\\t", 2); break;
    case '\r': sj_buf_add(b, "\\r", 2); break;
    default: sj_buf_addc(b, c);
    }
  }
  sj_buf_addc(b, '"');
}

/* Containers being printed, to print a container inside itself as [...]
 * or {...} (as Python does) instead of looping forever. */
#define MAX_OPEN 4096
static SjObj *open_objs[MAX_OPEN];
static int nopen;

static bool is_open(SjObj *o) {
  for (int i = 0; i < nopen; i++)
    if (open_objs[i] == o) return true;
  return false;
}

static void format_list(SjBuf *b, SjList *l) {
  sj_buf_addc(b, '[');
  for (size_t i = 0; i < l->len; i++) {
    if (i > 0) sj_buf_add(b, ", ", 2);
    sj_format(b, sj_list_at(l, i), true);
  }
  sj_buf_addc(b, ']');
}

static void format_map(SjBuf *b, SjMap *m) {
  sj_buf_addc(b, '{');
  for (size_t i = 0; i < m->len; i++) {
    if (i > 0) sj_buf_add(b, ", ", 2);
    sj_format(b, m->entries[i].key, true);
    sj_buf_add(b, ": ", 2);
    sj_format(b, m->entries[i].value, true);
  }
  sj_buf_addc(b, '}');
}

static void format_container(SjBuf *b, SjValue v) {
  if (is_open(v.as.o)) {
    sj_buf_adds(b, v.tag == SJ_LIST ? "[...]" : "{...}");
    return;
  }
  if (nopen == MAX_OPEN) sj_err_recursion();
  sj_check_stack();
  open_objs[nopen++] = v.as.o;
  if (v.tag == SJ_LIST) format_list(b, sj_as_list(v));
  else format_map(b, sj_as_map(v));
  nopen--;
}

void sj_format(SjBuf *b, SjValue v, bool quoted) {
  switch (v.tag) {
  case SJ_NULL: sj_buf_adds(b, "खाली"); break;
  case SJ_BOOL: sj_buf_adds(b, v.as.b ? "सत्य" : "असत्य"); break;
  case SJ_INT: sj_format_int(b, v.as.i); break;
  case SJ_DEC: sj_format_dec(b, v.as.d); break;
  case SJ_TEXT:
    if (quoted) format_quoted(b, sj_as_text(v));
    else sj_buf_add(b, sj_as_text(v)->data, sj_as_text(v)->len);
    break;
  case SJ_LIST:
  case SJ_MAP: format_container(b, v); break;
  case SJ_FUNC: {
    SjFunc *f = sj_as_func(v);
    sj_buf_adds(b, "<कार्य ");
    sj_buf_add(b, f->name, f->name_len);
    sj_buf_addc(b, '>');
    break;
  }
  }
}
