/*
 * grapheme.c — extended grapheme clusters (UAX #29, with the 15.1 rule
 * GB9c that keeps Indic conjuncts such as स्ते, क्ष, ज्ञ together), for
 * अक्षरहरू. Property tables: unicode_tables.c (generated).
 */
#include "internal.h"

uint8_t sj_uni_props(uint32_t cp) {
  if (cp < 0x80) {
    if (cp == '\r') return SJ_GCB_CR;
    if (cp == '\n') return SJ_GCB_LF;
    return cp < 0x20 || cp == 0x7f ? SJ_GCB_CONTROL : SJ_GCB_OTHER;
  }
  size_t lo = 0, hi = sj_uni_nranges;
  while (lo < hi) {
    size_t mid = lo + (hi - lo) / 2;
    if (cp < sj_uni_ranges[mid].lo) hi = mid;
    else if (cp > sj_uni_ranges[mid].hi) lo = mid + 1;
    else return sj_uni_ranges[mid].props;
  }
  return SJ_GCB_OTHER;
}

/* What has been seen since the cluster start, for the rules that look
 * further back than one code point. */
typedef struct State {
  int incb;     /* 0, 1: Consonant [Extend|Linker]*, 2: ... with a Linker */
  int emoji;    /* 0, 1: ExtPict Extend*, 2: ExtPict Extend* ZWJ */
  int ri_count; /* Regional_Indicators in a row */
} State;

static void advance(State *st, uint8_t p) {
  int g = SJ_UP_GCB(p), incb = SJ_UP_INCB(p);
  if (incb == SJ_INCB_CONSONANT) st->incb = 1;
  else if (incb == SJ_INCB_LINKER && st->incb) st->incb = 2;
  else if (incb != SJ_INCB_EXTEND) st->incb = 0;

  if (p & SJ_UP_EXTPICT) st->emoji = 1;
  else if (g == SJ_GCB_EXTEND && st->emoji == 1) st->emoji = 1;
  else if (g == SJ_GCB_ZWJ && st->emoji == 1) st->emoji = 2;
  else st->emoji = 0;

  st->ri_count = g == SJ_GCB_RI ? st->ri_count + 1 : 0;
}

static bool is_control(int g) { return g == SJ_GCB_CONTROL || g == SJ_GCB_CR || g == SJ_GCB_LF; }

/* Whether there is NO boundary between p and c (rules GB3-GB13). */
static bool joins(uint8_t p, uint8_t c, const State *st) {
  int a = SJ_UP_GCB(p), b = SJ_UP_GCB(c);
  if (a == SJ_GCB_CR && b == SJ_GCB_LF) return true;              /* GB3 */
  if (is_control(a) || is_control(b)) return false;               /* GB4, GB5 */
  if (a == SJ_GCB_L && (b == SJ_GCB_L || b == SJ_GCB_V || b == SJ_GCB_LV || b == SJ_GCB_LVT))
    return true;                                                  /* GB6 */
  if ((a == SJ_GCB_LV || a == SJ_GCB_V) && (b == SJ_GCB_V || b == SJ_GCB_T)) return true; /* GB7 */
  if ((a == SJ_GCB_LVT || a == SJ_GCB_T) && b == SJ_GCB_T) return true; /* GB8 */
  if (b == SJ_GCB_EXTEND || b == SJ_GCB_ZWJ) return true;         /* GB9 */
  if (b == SJ_GCB_SPACINGMARK) return true;                       /* GB9a */
  if (a == SJ_GCB_PREPEND) return true;                           /* GB9b */
  if (SJ_UP_INCB(c) == SJ_INCB_CONSONANT && st->incb == 2) return true; /* GB9c */
  if (a == SJ_GCB_ZWJ && (c & SJ_UP_EXTPICT) && st->emoji == 2) return true; /* GB11 */
  if (a == SJ_GCB_RI && b == SJ_GCB_RI && st->ri_count % 2 == 1) return true; /* GB12, GB13 */
  return false;                                                   /* GB999 */
}

/* Byte offset of the end of the grapheme cluster that starts at `at`. */
size_t sj_grapheme_next(const char *s, size_t len, size_t at) {
  const unsigned char *u = (const unsigned char *)s;
  /* ASCII other than CR followed by ASCII: always a boundary. */
  if (u[at] < 0x80 && u[at] != '\r' && (at + 1 >= len || u[at + 1] < 0x80)) return at + 1;
  int n;
  uint8_t prev = sj_uni_props(sj_utf8_decode(u + at, &n));
  State st = {0, 0, 0};
  advance(&st, prev);
  size_t i = at + (size_t)n;
  while (i < len) {
    uint8_t cur = sj_uni_props(sj_utf8_decode(u + i, &n));
    if (!joins(prev, cur, &st)) break;
    advance(&st, cur);
    prev = cur;
    i += (size_t)n;
  }
  return i;
}
