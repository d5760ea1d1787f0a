/*
 * errors.c — runtime errors: two lines on stderr (Nepali, then English)
 * with the source position generated code stored in sj_pos, exit status 1.
 *
 * When the environment holds SAJILO_ERROR_TOKEN (the server's runs), a third,
 * machine-readable line follows for the server, which parses and removes it:
 *   "\x1eSAJILO-RUNTIME-ERROR <token> <line> <column>\t<ne>\t<en>\n"
 * (line and column 0 when unknown; \\, \t, \n, \r in the messages escaped).
 * The token is a fresh secret per run; we copy it and wipe it from the
 * environment at start, so a program cannot read it (nor print a record that
 * the server would believe): only this file can write a genuine record.
 *
 * Nothing here allocates: the error path must work when memory has run out
 * and when the stack is nearly exhausted (fixed-size buffers, write(2)).
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "internal.h"

uint64_t sj_pos;

static char record_token[65];

void sj_errors_init(void) {
  char *t = getenv("SAJILO_ERROR_TOKEN");
  if (!t) return;
  size_t n = strlen(t);
  if (n > 0 && n < sizeof record_token) memcpy(record_token, t, n + 1);
  /* Wipe the bytes in place: /proc/self/environ reads this same memory. */
  memset(t, 'x', n);
}

static void write_all(int fd, const char *s, size_t n) {
  while (n > 0) {
    ssize_t w = write(fd, s, n);
    if (w <= 0) return;
    s += w;
    n -= (size_t)w;
  }
}

/* Writes n in Devanagari digits into out (no NUL); returns the length. */
static size_t devanagari_number(uint32_t n, char *out) {
  char latin[16];
  int len = snprintf(latin, sizeof latin, "%u", n);
  size_t k = 0;
  for (int i = 0; i < len; i++) {
    out[k++] = '\xE0';
    out[k++] = '\xA5';
    out[k++] = (char)(0xA6 + (latin[i] - '0'));
  }
  return k;
}

/* Appends s to out (escaping \\, tab, newline, CR), never past cap; returns the new length. */
static size_t append_escaped(char *out, size_t len, size_t cap, const char *s) {
  for (; *s && len + 2 < cap; s++) {
    char e = *s == '\\' ? '\\' : *s == '\t' ? 't' : *s == '\n' ? 'n' : *s == '\r' ? 'r' : 0;
    if (e) { out[len++] = '\\'; out[len++] = e; }
    else out[len++] = *s;
  }
  return len;
}

static void write_error_record(const char *ne, const char *en) {
  if (!record_token[0]) return;
  char rec[4400];
  uint32_t l = (uint32_t)(sj_pos >> 32), c = (uint32_t)sj_pos;
  int h = snprintf(rec, sizeof rec, "\x1eSAJILO-RUNTIME-ERROR %s %u %u\t", record_token, l, c);
  if (h < 0 || (size_t)h >= sizeof rec) return;
  size_t n = append_escaped(rec, (size_t)h, sizeof rec - 2, ne);
  rec[n++] = '\t';
  n = append_escaped(rec, n, sizeof rec - 1, en);
  rec[n++] = '\n';
  write_all(2, rec, n);
}

static void write_error_lines(const char *ne, const char *en) {
  char line[2048];
  uint32_t l = (uint32_t)(sj_pos >> 32), c = (uint32_t)sj_pos;
  size_t n = 0;
  if (sj_pos != 0) {
    char dl[64], dc[64];
    size_t nl = devanagari_number(l, dl), nc = devanagari_number(c, dc);
    n = (size_t)snprintf(line, sizeof line, "रनटाइम त्रुटि (पङ्क्ति %.*s, स्तम्भ %.*s): %s\n",
                         (int)nl, dl, (int)nc, dc, ne);
  } else {
    n = (size_t)snprintf(line, sizeof line, "रनटाइम त्रुटि: %s\n", ne);
  }
  write_all(2, line, n < sizeof line ? n : sizeof line - 1);
  if (sj_pos != 0)
    n = (size_t)snprintf(line, sizeof line, "Runtime error at line %u, column %u: %s\n", l, c, en);
  else
    n = (size_t)snprintf(line, sizeof line, "Runtime error: %s\n", en);
  write_all(2, line, n < sizeof line ? n : sizeof line - 1);
  write_error_record(ne, en);
}

void sj_error(const char *message_ne, const char *message_en) {
  static bool in_error; /* an error while flushing stdout must not loop */
  if (!in_error) {
    in_error = true;
    sj_out_flush();
  }
  write_error_lines(message_ne, message_en);
  _exit(1);
}

void sj_errorf(const char *fmt_ne, const char *fmt_en, ...) {
  char ne[1024], en[1024];
  va_list ap;
  va_start(ap, fmt_en);
  /* Both formats take the same arguments (in the same order). */
  va_list ap2;
  va_copy(ap2, ap);
  vsnprintf(ne, sizeof ne, fmt_ne, ap);
  vsnprintf(en, sizeof en, fmt_en, ap2);
  va_end(ap2);
  va_end(ap);
  sj_error(ne, en);
}

static const char *const names_ne[] = {"खाली", "बुलियन", "पूर्णांक", "दशमलव",
                                        "पाठ", "सूची", "शब्दकोश", "कार्य"};
static const char *const names_en[] = {"null", "boolean", "integer", "decimal",
                                        "text", "list", "map", "function"};

const char *sj_type_ne(SjValue v) { return names_ne[v.tag & 7]; }
const char *sj_type_en(SjValue v) { return names_en[v.tag & 7]; }

void sj_err_overflow(void) {
  sj_error("पूर्णांक ६४ बिटको सीमाभन्दा ठूलो भयो", "integer overflow (beyond 64 bits)");
}

void sj_err_zero_div(void) { sj_error("शून्यले भाग गर्न मिल्दैन", "division by zero"); }

/* Message with up to two type names: fmt_ne gets the Nepali names, fmt_en
 * the English ones (each format has one %s per name). */
void sj_err_types(const char *fmt_ne, const char *fmt_en, SjValue a, SjValue b) {
  char ne[1024], en[1024];
  snprintf(ne, sizeof ne, fmt_ne, sj_type_ne(a), sj_type_ne(b));
  snprintf(en, sizeof en, fmt_en, sj_type_en(a), sj_type_en(b));
  sj_error(ne, en);
}

void sj_err_not_bool(SjValue v) {
  sj_err_types("सर्त बुलियन (सत्य वा असत्य) हुनुपर्छ, %s पाइयो",
               "condition must be a boolean (true or false), got %s", v, v);
}

void sj_err_recursion(void) {
  sj_error("पुनरावृत्ति धेरै गहिरो भयो (कार्यले आफैँलाई धेरै पटक बोलायो)",
           "recursion too deep (a function called itself too many times)");
}

void sj_err_arg(const char *builtin_ne, const char *builtin_en, SjValue v) {
  char ne[1024], en[1024];
  snprintf(ne, sizeof ne, "%s ले %s लिन सक्दैन", builtin_ne, sj_type_ne(v));
  snprintf(en, sizeof en, "%s cannot take a %s", builtin_en, sj_type_en(v));
  sj_error(ne, en);
}
