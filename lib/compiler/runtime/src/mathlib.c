/*
 * mathlib.c — numeric builtins: वर्गमूल, निरपेक्ष, अधिकतम, न्यूनतम, गोलो,
 * भुइँ, छत.
 */
#include <math.h>
#include <stdio.h>
#include "internal.h"

static double number_arg(SjValue x, const char *ne, const char *en) {
  if (x.tag == SJ_INT) return (double)x.as.i;
  if (x.tag == SJ_DEC) return x.as.d;
  sj_err_arg(ne, en, x);
}

SjValue sj_b_vargamul(SjValue x) {
  double d = number_arg(x, "वर्गमूल", "वर्गमूल (square root)");
  if (d < 0) sj_error("ऋणात्मक संख्याको वर्गमूल निकाल्न मिल्दैन", "square root of a negative number");
  return sj_dec(sqrt(d));
}

SjValue sj_b_nirapeksha(SjValue x) {
  if (x.tag == SJ_INT) {
    if (x.as.i == INT64_MIN) sj_err_overflow();
    return sj_int(x.as.i < 0 ? -x.as.i : x.as.i);
  }
  return sj_dec(fabs(number_arg(x, "निरपेक्ष", "निरपेक्ष (absolute value)")));
}

/* Integers pass through; decimals go through f, then must fit in int64. */
static SjValue to_int_by(SjValue x, double (*f)(double), const char *ne, const char *en) {
  if (x.tag == SJ_INT) return x;
  return sj_int(sj_dec_to_int(f(number_arg(x, ne, en))));
}

/* C's round() rounds half away from zero, as the language asks (not
 * Python's round-half-to-even). */
SjValue sj_b_golo(SjValue x) { return to_int_by(x, round, "गोलो", "गोलो (round)"); }
SjValue sj_b_bhuin(SjValue x) { return to_int_by(x, floor, "भुइँ", "भुइँ (floor)"); }
SjValue sj_b_chhata(SjValue x) { return to_int_by(x, ceil, "छत", "छत (ceiling)"); }

/* The extreme of args (or of one list argument); sign 1: largest. The
 * first of equal extremes wins, as Python's max/min. */
static SjValue extreme(int argc, SjValue *args, int sign, const char *ne, const char *en) {
  SjValue *items = args;
  size_t n = (size_t)argc;
  if (argc == 1 && args[0].tag == SJ_LIST) {
    sj_list_widen(sj_as_list(args[0])); /* reads items directly */
    items = sj_as_list(args[0])->items;
    n = sj_as_list(args[0])->len;
  }
  if (n == 0) {
    char m_ne[256], m_en[256];
    snprintf(m_ne, sizeof m_ne, "%s लाई कम्तीमा एउटा मान चाहिन्छ", ne);
    snprintf(m_en, sizeof m_en, "%s needs at least one value", en);
    sj_error(m_ne, m_en);
  }
  SjValue best = items[0];
  for (size_t i = 1; i < n; i++) {
    int c = sj_compare_slow(items[i], best);
    if (c != 2 && c * sign > 0) best = items[i];
  }
  if (n == 1 && !(best.tag == SJ_INT || best.tag == SJ_DEC || best.tag == SJ_TEXT))
    sj_compare_slow(best, best); /* same type error as with two values */
  return sj_retain(best);
}

SjValue sj_b_adhikatam(int argc, SjValue *args) {
  return extreme(argc, args, 1, "अधिकतम", "अधिकतम (maximum)");
}
SjValue sj_b_nyunatam(int argc, SjValue *args) {
  return extreme(argc, args, -1, "न्यूनतम", "न्यूनतम (minimum)");
}
