/*
 * ops_extern.c — out-of-line copies of the inline hot paths of sajilo.h,
 * called by code that tcc compiles (tcc does not inline; one call into
 * gcc-optimised code beats a chain of small tcc-compiled calls).
 */
#include "internal.h"

SjValue sj_add_x(SjValue a, SjValue b) { return sj_add(a, b); }
SjValue sj_sub_x(SjValue a, SjValue b) { return sj_sub(a, b); }
SjValue sj_mul_x(SjValue a, SjValue b) { return sj_mul(a, b); }
SjValue sj_lt_x(SjValue a, SjValue b) { return sj_lt(a, b); }
SjValue sj_le_x(SjValue a, SjValue b) { return sj_le(a, b); }
SjValue sj_gt_x(SjValue a, SjValue b) { return sj_gt(a, b); }
SjValue sj_ge_x(SjValue a, SjValue b) { return sj_ge(a, b); }
SjValue sj_eq_x(SjValue a, SjValue b) { return sj_eq(a, b); }
SjValue sj_ne_x(SjValue a, SjValue b) { return sj_ne(a, b); }
bool sj_lt_c_x(SjValue a, SjValue b) { return sj_lt_c(a, b); }
bool sj_le_c_x(SjValue a, SjValue b) { return sj_le_c(a, b); }
bool sj_gt_c_x(SjValue a, SjValue b) { return sj_gt_c(a, b); }
bool sj_ge_c_x(SjValue a, SjValue b) { return sj_ge_c(a, b); }
bool sj_eq_c_x(SjValue a, SjValue b) { return sj_eq_c(a, b); }
bool sj_ne_c_x(SjValue a, SjValue b) { return sj_ne_c(a, b); }
SjValue sj_neg_x(SjValue a) { return sj_neg(a); }
bool sj_cond_x(SjValue v) { return sj_cond(v); }
SjValue sj_not_x(SjValue v) { return sj_not(v); }
SjValue sj_retain_x(SjValue v) { return sj_retain(v); }
void sj_release_x(SjValue v) { sj_release(v); }
SjValue sj_index_x(SjValue obj, SjValue idx) { return sj_index(obj, idx); }
void sj_set_index_x(SjValue obj, SjValue idx, SjValue val) { sj_set_index(obj, idx, val); }
