/*
 * numbers.c — arithmetic with Python 3 semantics on 64-bit integers and
 * doubles, and the slow paths of the operators in sajilo.h.
 *
 * Integers never wrap: every result that does not fit in 64 bits is the
 * runtime error "integer overflow". Integer with decimal gives a decimal.
 * Booleans are not numbers (सत्य + १ is an error), unlike Python.
 */
#include <math.h>
#include <stdio.h>
#include <string.h>
#include "internal.h"

static bool is_num(SjValue v) { return v.tag == SJ_INT || v.tag == SJ_DEC; }
static double as_double(SjValue v) { return v.tag == SJ_INT ? (double)v.as.i : v.as.d; }

SJ_NORETURN static void bad_operands(const char *op, SjValue a, SjValue b) {
  char ne[256], en[256];
  snprintf(ne, sizeof ne, "%s र %s मा '%s' गर्न मिल्दैन", sj_type_ne(a), sj_type_ne(b), op);
  snprintf(en, sizeof en, "unsupported operand types for %s: %s and %s", op, sj_type_en(a),
           sj_type_en(b));
  sj_error(ne, en);
}

int64_t sj_dec_to_int(double d) {
  /* [-2^63, 2^63) is exactly the doubles that fit in int64. */
  if (!(d >= -9223372036854775808.0 && d < 9223372036854775808.0)) {
    if (isnan(d)) sj_error("NaN लाई पूर्णांकमा बदल्न मिल्दैन", "cannot convert NaN to an integer");
    if (isinf(d)) sj_error("अनन्तलाई पूर्णांकमा बदल्न मिल्दैन", "cannot convert infinity to an integer");
    sj_err_overflow();
  }
  return (int64_t)d;
}

/* a * count copies of a text or list (count < 0 gives an empty one). */
static SjValue repeat(SjValue seq, int64_t count) {
  if (count < 0) count = 0;
  if (seq.tag == SJ_TEXT) {
    SjText *t = sj_as_text(seq);
    SjText *r = sj_text_alloc(sj_size_mul(t->len, (size_t)count));
    for (int64_t i = 0; i < count; i++) memcpy(r->data + (size_t)i * t->len, t->data, t->len);
    return sj_text_done(r);
  }
  return sj_list_repeat(sj_as_list(seq), (size_t)count);
}

static SjValue concat_texts(SjText *a, SjText *b) {
  SjText *r = sj_text_alloc(a->len + b->len);
  memcpy(r->data, a->data, a->len);
  memcpy(r->data + a->len, b->data, b->len);
  return sj_text_done(r);
}

/* The _slow functions are complete on their own: they are what the inline
 * fast paths call when they do not apply, and generated code may call them
 * directly with any operands. */
SjValue sj_add_slow(SjValue a, SjValue b) {
  int64_t r;
  if (a.tag == SJ_INT && b.tag == SJ_INT) {
    if (SJ_ADD_OVF(a.as.i, b.as.i, &r)) sj_err_overflow();
    return sj_int(r);
  }
  if (is_num(a) && is_num(b)) return sj_dec(as_double(a) + as_double(b));
  if (a.tag == SJ_TEXT && b.tag == SJ_TEXT) return concat_texts(sj_as_text(a), sj_as_text(b));
  if (a.tag == SJ_LIST && b.tag == SJ_LIST) {
    return sj_list_concat(sj_as_list(a), sj_as_list(b));
  }
  bad_operands("+", a, b);
}

SjValue sj_sub_slow(SjValue a, SjValue b) {
  int64_t r;
  if (a.tag == SJ_INT && b.tag == SJ_INT) {
    if (SJ_SUB_OVF(a.as.i, b.as.i, &r)) sj_err_overflow();
    return sj_int(r);
  }
  if (is_num(a) && is_num(b)) return sj_dec(as_double(a) - as_double(b));
  bad_operands("-", a, b);
}

SjValue sj_mul_slow(SjValue a, SjValue b) {
  if (a.tag == SJ_INT && b.tag == SJ_INT) {
    int64_t r; /* exact check (the inline one is conservative under tcc) */
#if defined(__GNUC__) && !defined(__TINYC__)
    if (__builtin_mul_overflow(a.as.i, b.as.i, &r)) sj_err_overflow();
#else
    if (a.as.i != 0 && ((a.as.i == -1 && b.as.i == INT64_MIN) || (b.as.i == -1 && a.as.i == INT64_MIN) ||
                        (a.as.i != -1 && (a.as.i * b.as.i) / a.as.i != b.as.i)))
      sj_err_overflow();
    r = a.as.i * b.as.i;
#endif
    return sj_int(r);
  }
  if (is_num(a) && is_num(b)) return sj_dec(as_double(a) * as_double(b));
  if ((a.tag == SJ_TEXT || a.tag == SJ_LIST) && b.tag == SJ_INT) return repeat(a, b.as.i);
  if (a.tag == SJ_INT && (b.tag == SJ_TEXT || b.tag == SJ_LIST)) return repeat(b, a.as.i);
  bad_operands("*", a, b);
}

/* n / d for d > 0 rounded once to the nearest double, as Python's int / int.
 * Converting operands beyond 2^53 to doubles first would round twice. The
 * quotient is developed bit by bit until it has at least 55 significant bits
 * (53 kept, a rounding bit, one more); a non-zero remainder is folded into the
 * lowest bit (sticky), so the one conversion to double rounds exactly as the
 * infinitely precise quotient would. Never subnormal: |n / d| >= 2^-63. */
static double exact_quotient(uint64_t n, uint64_t d) {
  if (n == 0) return 0.0; /* no bit would ever be developed */
  uint64_t q = n / d, r = n % d;
  int fraction_bits = 0;
  while (q < ((uint64_t)1 << 54)) { /* r < d <= 2^63, so 2r fits */
    r <<= 1;
    q = (q << 1) | (r >= d);
    if (r >= d) r -= d;
    fraction_bits++;
  }
  if (r != 0) q |= 1;
  if (q >> 63) { /* 2^63 / 1: halve, keeping the sticky bit, so q converts as a signed value */
    q = (q >> 1) | (q & 1);
    fraction_bits--;
  }
  return ldexp((double)(int64_t)q, -fraction_bits);
}

static double int_true_divide(int64_t x, int64_t y) {
  const int64_t exact = (int64_t)1 << 53; /* every integer up to 2^53 is a double */
  if (x >= -exact && x <= exact && y >= -exact && y <= exact) return (double)x / (double)y;
  uint64_t n = x < 0 ? 0 - (uint64_t)x : (uint64_t)x, d = y < 0 ? 0 - (uint64_t)y : (uint64_t)y;
  double q = exact_quotient(n, d);
  return (x < 0) != (y < 0) ? -q : q;
}

SjValue sj_div(SjValue a, SjValue b) {
  if (!is_num(a) || !is_num(b)) bad_operands("/", a, b);
  if (a.tag == SJ_INT && b.tag == SJ_INT) {
    if (b.as.i == 0) sj_err_zero_div();
    return sj_dec(int_true_divide(a.as.i, b.as.i));
  }
  double y = as_double(b);
  if (y == 0) sj_err_zero_div();
  return sj_dec(as_double(a) / y);
}

/* Python's float floor division and modulo (Objects/floatobject.c). */
static void float_divmod(double x, double y, double *floordiv, double *mod) {
  double m = fmod(x, y);
  double div = (x - m) / y;
  if (m != 0) {
    if ((y < 0) != (m < 0)) {
      m += y;
      div -= 1.0;
    }
  } else {
    m = copysign(0.0, y);
  }
  double fd;
  if (div != 0) {
    fd = floor(div);
    if (div - fd > 0.5) fd += 1.0;
  } else {
    fd = copysign(0.0, x / y);
  }
  *floordiv = fd;
  *mod = m;
}

SjValue sj_floordiv(SjValue a, SjValue b) {
  if (!is_num(a) || !is_num(b)) bad_operands("//", a, b);
  if (a.tag == SJ_INT && b.tag == SJ_INT) {
    int64_t x = a.as.i, y = b.as.i;
    if (y == 0) sj_err_zero_div();
    if (x == INT64_MIN && y == -1) sj_err_overflow();
    int64_t q = x / y;
    if ((x % y != 0) && ((x < 0) != (y < 0))) q--;
    return sj_int(q);
  }
  double y = as_double(b), fd, m;
  if (y == 0) sj_err_zero_div();
  float_divmod(as_double(a), y, &fd, &m);
  return sj_dec(fd);
}

SjValue sj_mod(SjValue a, SjValue b) {
  if (!is_num(a) || !is_num(b)) bad_operands("%", a, b);
  if (a.tag == SJ_INT && b.tag == SJ_INT) {
    int64_t x = a.as.i, y = b.as.i;
    if (y == 0) sj_err_zero_div();
    if (y == -1) return sj_int(0); /* INT64_MIN % -1 traps in C */
    int64_t r = x % y;
    if (r != 0 && ((r < 0) != (y < 0))) r += y;
    return sj_int(r);
  }
  double y = as_double(b), fd, m;
  if (y == 0) sj_err_zero_div();
  float_divmod(as_double(a), y, &fd, &m);
  return sj_dec(m);
}

/* Integer power by squaring; squares only while bits remain, so a result
 * that fits never trips the overflow check on an unused square. */
static int64_t int_pow(int64_t base, int64_t exp) {
  int64_t result = 1;
  for (;;) {
    if (exp & 1)
      if (SJ_MUL_OVF(result, base, &result)) sj_err_overflow();
    exp >>= 1;
    if (exp == 0) return result;
    if (SJ_MUL_OVF(base, base, &base)) sj_err_overflow();
  }
}

static SjValue float_pow(double x, double y) {
  if (x == 0 && y < 0)
    sj_error("शून्यलाई ऋणात्मक घातमा उठाउन मिल्दैन", "zero cannot be raised to a negative power");
  if (x < 0 && y != floor(y) && isfinite(y))
    sj_error("ऋणात्मक संख्यालाई भिन्न घातमा उठाउन मिल्दैन",
             "a negative number cannot be raised to a fractional power");
  double r = sj_pow_exact(x, y); /* pow.c: the same digits on every path */
  if (isinf(r) && isfinite(x) && isfinite(y))
    sj_error("घातको नतिजा दशमलवको सीमाभन्दा ठूलो भयो", "result of ** is too large");
  return sj_dec(r);
}

SjValue sj_pow(SjValue a, SjValue b) {
  if (!is_num(a) || !is_num(b)) bad_operands("**", a, b);
  if (a.tag == SJ_INT && b.tag == SJ_INT && b.as.i >= 0) return sj_int(int_pow(a.as.i, b.as.i));
  return float_pow(as_double(a), as_double(b));
}

SjValue sj_neg_slow(SjValue a) {
  if (a.tag == SJ_INT) {
    if (a.as.i == INT64_MIN) sj_err_overflow();
    return sj_int(-a.as.i);
  }
  if (a.tag == SJ_DEC) return sj_dec(-a.as.d);
  char ne[256], en[256];
  snprintf(ne, sizeof ne, "%s लाई ऋणात्मक बनाउन मिल्दैन", sj_type_ne(a));
  snprintf(en, sizeof en, "bad operand type for unary -: %s", sj_type_en(a));
  sj_error(ne, en);
}

/* Exact comparison of an integer with a double (no rounding of i), as
 * Python does: 2**53 + 1 > float(2**53). 2 means unordered (NaN). */
static int cmp_int_dec(int64_t i, double d) {
  if (isnan(d)) return 2;
  if (d >= 9223372036854775808.0) return -1;
  if (d < -9223372036854775808.0) return 1;
  double t = trunc(d);
  int64_t ti = (int64_t)t;
  if (i != ti) return i < ti ? -1 : 1;
  double frac = d - t;
  return frac > 0 ? -1 : frac < 0 ? 1 : 0;
}

static int cmp_numbers(SjValue a, SjValue b) {
  if (a.tag == SJ_INT && b.tag == SJ_INT) return (a.as.i > b.as.i) - (a.as.i < b.as.i);
  if (a.tag == SJ_INT) return cmp_int_dec(a.as.i, b.as.d);
  if (b.tag == SJ_INT) {
    int c = cmp_int_dec(b.as.i, a.as.d);
    return c == 2 ? 2 : -c;
  }
  if (isnan(a.as.d) || isnan(b.as.d)) return 2;
  return (a.as.d > b.as.d) - (a.as.d < b.as.d);
}

static int cmp_texts(SjText *a, SjText *b) {
  /* UTF-8 byte order is code point order. */
  size_t n = a->len < b->len ? a->len : b->len;
  int c = memcmp(a->data, b->data, n);
  if (c != 0) return c < 0 ? -1 : 1;
  return (a->len > b->len) - (a->len < b->len);
}

int sj_compare_slow(SjValue a, SjValue b) {
  if (is_num(a) && is_num(b)) return cmp_numbers(a, b);
  if (a.tag == SJ_TEXT && b.tag == SJ_TEXT) return cmp_texts(sj_as_text(a), sj_as_text(b));
  sj_err_types("%s र %s को तुलना (< <= > >=) गर्न मिल्दैन",
               "cannot compare %s and %s with < <= > >=", a, b);
}

static bool lists_equal(SjList *x, SjList *y) {
  if (x->len != y->len) return false;
  for (size_t i = 0; i < x->len; i++)
    if (!sj_equal(sj_list_at(x, i), sj_list_at(y, i))) return false;
  return true;
}

/* Equal maps have the same keys with equal values, in any order. */
static bool maps_equal(SjMap *x, SjMap *y) {
  if (x->len != y->len) return false;
  for (size_t i = 0; i < x->len; i++) {
    long j = sj_map_find(y, x->entries[i].key);
    if (j < 0 || !sj_equal(x->entries[i].value, y->entries[j].value)) return false;
  }
  return true;
}

bool sj_equal(SjValue a, SjValue b) {
  if (is_num(a) && is_num(b)) return cmp_numbers(a, b) == 0;
  if (a.tag != b.tag) return false;
  switch (a.tag) {
  case SJ_NULL: return true;
  case SJ_BOOL: return a.as.b == b.as.b;
  case SJ_TEXT: {
    SjText *x = sj_as_text(a), *y = sj_as_text(b);
    return x == y || (x->len == y->len && memcmp(x->data, y->data, x->len) == 0);
  }
  case SJ_LIST:
    if (a.as.o == b.as.o) return true;
    sj_check_stack();
    return lists_equal(sj_as_list(a), sj_as_list(b));
  case SJ_MAP:
    if (a.as.o == b.as.o) return true;
    sj_check_stack();
    return maps_equal(sj_as_map(a), sj_as_map(b));
  default: return a.as.o == b.as.o; /* functions: the same function */
  }
}
