/*
 * pow.c — x ** y for decimals, the same digits on every compile path.
 *
 * The C libraries' pow differ (musl's and glibc's disagree in the last bit on about 7 in
 * 10,000 random inputs, and neither is correctly rounded in every case), so a program would
 * print different digits on the tcc+musl and gcc+glibc paths. This pow uses only + - * /,
 * which IEEE 754 rounds exactly on every path, in double-double arithmetic (about 106 bits):
 * log(x) by the atanh series after reduction by a table, times y, then exp by its Taylor
 * series after range reduction. The
 * error before the final rounding is below 2^-95 relative, so the result is the correctly
 * rounded x^y unless x^y lies within 2^-42 of a unit in the last place of a halfway point
 * between two doubles; halfway points that x^y reaches exactly (integer powers) are computed
 * exactly by repeated multiplication and rounded to even. Results in the subnormal range may
 * be off by one unit. Special values (0, infinities, NaN, 1, y = 0) are C99's (Annex F),
 * which every C library implements alike.
 *
 * Nothing here may be contracted into fused multiply-adds: the runtime is built for baseline
 * x86-64 (no FMA instructions), and the error-free transformations below rely on separate
 * roundings.
 */
#include <math.h>
#include <stdint.h>
#include "internal.h"

typedef struct { double hi, lo; } DD;

static DD quick_two_sum(double a, double b) { /* |a| >= |b| */
  double s = a + b;
  return (DD){s, b - (s - a)};
}

static DD two_sum(double a, double b) {
  double s = a + b, bb = s - a;
  return (DD){s, (a - (s - bb)) + (b - bb)};
}

/* Dekker's product: a * b exactly, as hi + lo (|a|, |b| far below 2^996 here). */
static DD two_prod(double a, double b) {
  const double split = 134217729.0; /* 2^27 + 1 */
  double p = a * b;
  double t = split * a, ah = t - (t - a), al = a - ah;
  t = split * b;
  double bh = t - (t - b), bl = b - bh;
  return (DD){p, ((ah * bh - p) + ah * bl + al * bh) + al * bl};
}

static DD dd_add(DD a, DD b) {
  DD s = two_sum(a.hi, b.hi), t = two_sum(a.lo, b.lo);
  s.lo += t.hi;
  s = quick_two_sum(s.hi, s.lo);
  s.lo += t.lo;
  return quick_two_sum(s.hi, s.lo);
}

static DD dd_mul(DD a, DD b) {
  DD p = two_prod(a.hi, b.hi);
  p.lo += a.hi * b.lo + a.lo * b.hi;
  return quick_two_sum(p.hi, p.lo);
}

static DD dd_div(DD a, DD b) {
  double q1 = a.hi / b.hi;
  DD r = dd_add(a, dd_mul((DD){-q1, 0}, b));
  double q2 = r.hi / b.hi;
  r = dd_add(r, dd_mul((DD){-q2, 0}, b));
  double q3 = r.hi / b.hi;
  return dd_add(quick_two_sum(q1, q2), (DD){q3, 0});
}

#define ATANH_TERMS 24 /* |s| <= 0.172: 24 terms of the series reach 2^-120 */
#define EXP_TERMS 12   /* |r| <= 2^-9: 12 terms reach 2^-120 */
#define LOG_STEPS 64   /* log(x) is reduced by the nearest c = i/64, whose log is in a table */

static const DD LN2 = {6.93147180559945286227e-01, 2.31904681384629955842e-17};

/* 2 atanh(s) = log((1+s)/(1-s)), by its series in s^2 (enough terms for |s| <= 0.172). */
static DD two_atanh(DD s, int terms) {
  static DD inverse_odd[ATANH_TERMS]; /* 1/(2k+1), computed once */
  if (inverse_odd[0].hi == 0)
    for (int k = 0; k < ATANH_TERMS; k++) inverse_odd[k] = dd_div((DD){1, 0}, (DD){2 * k + 1, 0});
  DD s2 = dd_mul(s, s);
  DD sum = inverse_odd[terms - 1];
  for (int k = terms - 2; k >= 0; k--) sum = dd_add(dd_mul(sum, s2), inverse_odd[k]);
  return dd_mul(dd_mul(sum, s), (DD){2, 0});
}

/* log(m / c) = 2 atanh((m - c) / (m + c)); m - c is exact (Sterbenz: c/2 <= m <= 2c). */
static DD log_ratio(double m, double c, int terms) {
  return two_atanh(dd_div((DD){m - c, 0}, two_sum(m, c)), terms);
}

/* log(x) for a finite x > 0: x = m 2^e, m in [1/sqrt2, sqrt2); m = c (m/c) with c = i/64
 * nearest to m, so |s| <= 1/180 and eight terms of the series do (2^-120). */
static DD dd_log(double x) {
  static DD log_c[LOG_STEPS * 3 / 2 + 1]; /* log(i/64) for i = 45 … 91, computed once */
  int e;
  double m = frexp(x, &e);
  if (m < 0.70710678118654752440) {
    m *= 2;
    e--;
  }
  int i = (int)nearbyint(m * LOG_STEPS);
  double c = (double)i / LOG_STEPS;
  if (log_c[i].hi == 0 && i != LOG_STEPS) log_c[i] = log_ratio(c, 1.0, ATANH_TERMS);
  DD log_m = dd_add(log_c[i], log_ratio(m, c, 8));
  return dd_add(dd_mul((DD){(double)e, 0}, LN2), log_m);
}

/* exp(t) as a double-double scaled by 2^*k: t = k ln2 + r, exp(r) = exp(r / 2^8)^(2^8). */
static DD dd_exp(DD t, int *k) {
  static DD inverse_factorial[EXP_TERMS + 1]; /* 1/i!, computed once */
  if (inverse_factorial[0].hi == 0) {
    inverse_factorial[0] = (DD){1, 0};
    for (int i = 1; i <= EXP_TERMS; i++) inverse_factorial[i] = dd_div(inverse_factorial[i - 1], (DD){i, 0});
  }
  double n = nearbyint(t.hi / LN2.hi);
  DD r = dd_add(t, dd_mul((DD){-n, 0}, LN2));
  r.hi = ldexp(r.hi, -8);
  r.lo = ldexp(r.lo, -8);
  DD sum = inverse_factorial[EXP_TERMS];
  for (int i = EXP_TERMS - 1; i >= 0; i--) sum = dd_add(dd_mul(sum, r), inverse_factorial[i]);
  for (int i = 0; i < 8; i++) sum = dd_mul(sum, sum);
  *k = (int)n;
  return sum;
}

/* x^n for a whole n >= 1 by squaring, in double-double: exact while x^n needs at most 106 bits. */
static DD dd_ipow(double x, uint64_t n) {
  DD result = {1, 0}, base = {x, 0};
  for (;;) {
    if (n & 1) result = dd_mul(result, base);
    n >>= 1;
    if (n == 0) return result;
    base = dd_mul(base, base);
  }
}

double sj_pow_exact(double x, double y) {
  if (y == 0 || x == 1) return 1.0;
  if (!isfinite(x) || !isfinite(y) || x == 0 || isnan(x) || isnan(y)) return pow(x, y);
  bool negate = false;
  if (x < 0) { /* y is a whole number here (the caller refuses fractional powers of negatives) */
    negate = fmod(y, 2.0) != 0;
    x = -x;
  }
  double result;
  if (y == 1 || y == -1 || y == 0.5) {
    /* One IEEE operation, correctly rounded (x >= 0 here, and x != -0: sqrt keeps pow's sign). */
    result = y == 1 ? x : y == -1 ? 1 / x : sqrt(x);
  } else if (y == floor(y) && fabs(y) <= 64) {
    /* Whole powers: exact products where they can be exact, so halfway cases round to even. */
    DD p = dd_ipow(x, (uint64_t)fabs(y));
    if (y < 0) p = dd_div((DD){1, 0}, p);
    result = p.hi + p.lo;
    /* Out of range on the way (Dekker's split overflows near 2^996): the power is too. */
    if (isnan(result) || isinf(p.hi)) result = (x > 1) == (y > 0) ? HUGE_VAL : 0.0;
  } else {
    DD t = dd_mul(dd_log(x), (DD){y, 0});
    if (t.hi > 710) result = HUGE_VAL;
    else if (t.hi < -746) result = 0.0;
    else {
      int k;
      DD e = dd_exp(t, &k);
      double unscaled = e.hi + e.lo;
      /* Scaling by 2^k is exact unless the result is subnormal (then it rounds twice). */
      result = ldexp(unscaled, k);
    }
  }
  return negate ? -result : result;
}
