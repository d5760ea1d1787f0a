// Macros emitted at the top of every generated C file: the runtime's fast paths (integers,
// booleans, list indexing, reference counts) written as plain C expressions. sajilo.h has
// them as static inline functions, which gcc inlines but tcc — the default, fastest-to-
// compile path — turns into real calls that pass 16-byte structs; as macros, tcc's code runs
// several times faster. Semantics stay the runtime's: anything off the fast path calls the
// runtime's _slow function, which also raises every error.
export const PRELUDE = String.raw`#ifdef __TINYC__
/* tcc copies every struct through memmove, and musl's memmove starts a rep movs even for
   the 16 bytes of an SjValue. This one copies small blocks with plain moves; the general
   case keeps memmove's meaning (overlap-safe) for every other caller in the program. */
void *memmove(void *dst, const void *src, size_t n) {
  if (n == 16) {
    uint64_t a = ((const uint64_t *)src)[0], b = ((const uint64_t *)src)[1];
    ((uint64_t *)dst)[0] = a; ((uint64_t *)dst)[1] = b;
    return dst;
  }
  unsigned char *d = dst; const unsigned char *s = src;
  if (d <= s || d >= s + n) {
    for (; n >= 8; n -= 8, d += 8, s += 8) *(uint64_t *)d = *(const uint64_t *)s;
    while (n--) *d++ = *s++;
  } else {
    d += n; s += n;
    for (; n >= 8; n -= 8) { d -= 8; s -= 8; *(uint64_t *)d = *(const uint64_t *)s; }
    while (n--) *--d = *--s;
  }
  return dst;
}
#endif
#if defined(__GNUC__) && !defined(__TINYC__)
#define SJG_ADD_OVF(a, b, r) __builtin_add_overflow((a), (b), (r))
#define SJG_SUB_OVF(a, b, r) __builtin_sub_overflow((a), (b), (r))
#define SJG_MUL_OVF(a, b, r) __builtin_mul_overflow((a), (b), (r))
#define SJG_ADD_OVFV SJG_ADD_OVF
#define SJG_SUB_OVFV SJG_SUB_OVF
/* A block's integer local going out of scope: nothing to release, but gcc's loops came out
   shorter with the usual release and clear (measured); under tcc they are only spent work. */
#define SJG_DROP_INT(v) do { SJG_RELEASE(v); SJG_CLEAR(v); } while (0)
#else
#define SJG_DROP_INT(v) ((void)0)
/* Two variables (V): wrap in unsigned arithmetic, then the sign test of Hacker's Delight,
   without branches. With a constant (the plain forms), tcc folds all but one comparison. */
#define SJG_ADD_OVFV(a, b, r) (*(r) = (int64_t)((uint64_t)(a) + (uint64_t)(b)), (((a) ^ *(r)) & ((b) ^ *(r))) < 0)
#define SJG_SUB_OVFV(a, b, r) (*(r) = (int64_t)((uint64_t)(a) - (uint64_t)(b)), (((a) ^ (b)) & ((a) ^ *(r))) < 0)
#define SJG_ADD_OVF(a, b, r) ((((b) > 0 && (a) > INT64_MAX - (b)) || ((b) < 0 && (a) < INT64_MIN - (b))) ? 1 : (*(r) = (a) + (b), 0))
#define SJG_SUB_OVF(a, b, r) ((((b) < 0 && (a) > INT64_MAX + (b)) || ((b) > 0 && (a) < INT64_MIN + (b))) ? 1 : (*(r) = (a) - (b), 0))
#define SJG_MUL_OVF(a, b, r) (((a) > 0x7fffffffLL || (a) < -0x7fffffffLL || (b) > 0x7fffffffLL || (b) < -0x7fffffffLL) ? 1 : (*(r) = (a) * (b), 0))
#endif
#define SJG_INT(x) ((SjValue){SJ_INT, {.i = (x)}})
#define SJG_NULL ((SjValue){SJ_NULL, {.i = 0}})
#define SJG_DEC(x) ((SjValue){SJ_DEC, {.d = (x)}})
#define SJG_COPY(d, s) do { (d).tag = (s).tag; (d).as.i = (s).as.i; } while (0)
#define SJG_SETINT(d, x) do { (d).tag = SJ_INT; (d).as.i = (x); } while (0)
#define SJG_CLEAR(d) do { (d).tag = SJ_NULL; (d).as.i = 0; } while (0)
#define SJG_BOOL(x) ((SjValue){SJ_BOOL, {.i = !!(x)}})
#define SJG_RETAIN(v) do { if ((v).tag >= SJ_TEXT) (v).as.o->rc++; } while (0)
#define SJG_RELEASE(v) do { if ((v).tag >= SJ_TEXT && --(v).as.o->rc == 0) sj_free_value(v); } while (0)
/* Operations with a fast path. t: the result variable to declare; l, r, o: names; K forms
   take an integer constant k for the right operand (no tag check needed). P: the source
   position (SJ_POS) an error reports, stored in sj_pos only off the fast path. */
#define SJG_COND(v, P) ((v).tag == SJ_BOOL ? (v).as.b : (sj_pos = (P), sj_err_not_bool(v), 0))
#define SJG_LIST(v) ((SjList *)(v).as.o)
#define SJG_ARITH(t, OVF, SLOW, l, r, P) SjValue t; { int64_t t##i; if ((l).tag == SJ_INT && (r).tag == SJ_INT && !OVF((l).as.i, (r).as.i, &t##i)) SJG_SETINT(t, t##i); else if ((l).tag == SJ_DEC && (r).tag == SJ_DEC) { t.tag = SJ_DEC; t.as.d = OVF##_DEC((l).as.d, (r).as.d); } else { sj_pos = (P); t = SLOW(l, r); } }
/* Two decimals: IEEE arithmetic, exactly what the runtime's slow path computes. */
#define SJG_ADD_OVF_DEC(a, b) ((a) + (b))
#define SJG_SUB_OVF_DEC(a, b) ((a) - (b))
#define SJG_MUL_OVF_DEC(a, b) ((a) * (b))
#define SJG_ADD_OVFV_DEC SJG_ADD_OVF_DEC
#define SJG_SUB_OVFV_DEC SJG_SUB_OVF_DEC
#define SJG_ARITHK(t, OVF, SLOW, l, k, P) SjValue t; { int64_t t##i; if ((l).tag == SJ_INT && !OVF((l).as.i, k, &t##i)) SJG_SETINT(t, t##i); else { sj_pos = (P); t = SLOW(l, SJG_INT(k)); } }
/* Python's floor division and modulo; zero and INT64_MIN / -1 take the runtime's path. */
#define SJG_FLOORDIV(t, l, r, P) SjValue t; { int64_t x_, y_, q_; if ((l).tag == SJ_INT && (r).tag == SJ_INT && (y_ = (r).as.i) != 0 && ((x_ = (l).as.i) != INT64_MIN || y_ != -1)) { q_ = x_ / y_; if (x_ % y_ != 0 && ((x_ < 0) != (y_ < 0))) q_--; SJG_SETINT(t, q_); } else { sj_pos = (P); t = sj_floordiv(l, r); } }
#define SJG_MOD(t, l, r, P) SjValue t; { int64_t x_, y_, q_; if ((l).tag == SJ_INT && (r).tag == SJ_INT && (y_ = (r).as.i) != 0 && ((x_ = (l).as.i) != INT64_MIN || y_ != -1)) { q_ = x_ % y_; if (q_ != 0 && ((q_ < 0) != (y_ < 0))) q_ += y_; SJG_SETINT(t, q_); } else { sj_pos = (P); t = sj_mod(l, r); } }
#define SJG_NEG(t, v, P) SjValue t; if ((v).tag == SJ_INT && (v).as.i != INT64_MIN) SJG_SETINT(t, -(v).as.i); else { sj_pos = (P); t = sj_neg_slow(v); }
/* Comparisons as && / || chains: in an if, tcc then branches on the integers directly
   instead of materialising a 0 / 1 from a ?: and testing it again. */
#define SJG_BOTH_INT(l, r) ((l).tag == SJ_INT && (r).tag == SJ_INT)
#define SJG_CMP(l, r, OP, SLOW, P) ((SJG_BOTH_INT(l, r) && (l).as.i OP (r).as.i) || (!SJG_BOTH_INT(l, r) && (sj_pos = (P), SLOW(l, r))))
#define SJG_CMPK(l, k, OP, SLOW, P) (((l).tag == SJ_INT && (l).as.i OP k) || ((l).tag != SJ_INT && (sj_pos = (P), SLOW(l, SJG_INT(k)))))
/* I forms: the generator knows the integer operands are integers (a range loop's variable
   that its body never assigns; literals), so their tags are not tested. */
#define SJG_ARITHI(t, OVF, SLOW, l, r, P) SjValue t; { int64_t t##i; if (!OVF((l).as.i, (r).as.i, &t##i)) SJG_SETINT(t, t##i); else { sj_pos = (P); t = SLOW(l, r); } }
#define SJG_ARITHKI(t, OVF, SLOW, l, k, P) SjValue t; { int64_t t##i; if (!OVF((l).as.i, k, &t##i)) SJG_SETINT(t, t##i); else { sj_pos = (P); t = SLOW(l, SJG_INT(k)); } }
#define SJG_IN_LIST(o_, k_) ((o_).tag == SJ_LIST && (k_).tag == SJ_INT && (uint64_t)(k_).as.i < (uint64_t)SJG_LIST(o_)->len)
/* In the _I index forms k is the index as a C int64 expression (v.as.i, or a constant: a
   literal value read through a compound literal costs tcc a memset call each time). */
#define SJG_IN_LIST_I(o_, k_) ((o_).tag == SJ_LIST && (uint64_t)(k_) < (uint64_t)SJG_LIST(o_)->len)
/* Lists are generic (items) or packed (bools, ints or decs; see SjList in sajilo.h): within
   bounds, items != NULL means generic; a packed list reads as immediates and takes values of
   its own kind in place; anything else is the runtime's (which widens the list). */
#define SJG_INDEX(t, o, k, P) SJG_INDEX_(t, o, k, (k).as.i, k, P, SJG_IN_LIST)
#define SJG_INDEX_I(t, o, k, P) SJG_INDEX_(t, o, k, k, SJG_INT(k), P, SJG_IN_LIST_I)
#define SJG_INDEX_(t, o, k, ki, kv, P, IN) SjValue t; if (IN(o, k)) { SjList *l_ = SJG_LIST(o); if (SJ_LIKELY(l_->items != NULL)) { SJG_COPY(t, l_->items[ki]); SJG_RETAIN(t); } else if (l_->decs) { t.tag = SJ_DEC; t.as.d = l_->decs[ki]; } else if (l_->ints) { t.tag = SJ_INT; t.as.i = l_->ints[ki]; } else { t.tag = SJ_BOOL; t.as.i = l_->bools[ki]; } } else { sj_pos = (P); t = sj_index_slow(o, kv); }
/* B forms: o[k] borrowed (no reference taken; o keeps it alive) for an index that is indexed
   again at once; t##_owned marks a value the runtime's path returned owned. */
#define SJG_INDEX_B(t, o, k, P) SJG_INDEX_B_(t, o, k, (k).as.i, k, P, SJG_IN_LIST)
#define SJG_INDEX_B_I(t, o, k, P) SJG_INDEX_B_(t, o, k, k, SJG_INT(k), P, SJG_IN_LIST_I)
#define SJG_INDEX_B_(t, o, k, ki, kv, P, IN) SjValue t; bool t##_owned = 0; if (IN(o, k) && SJG_LIST(o)->items != NULL) SJG_COPY(t, SJG_LIST(o)->items[ki]); else { SJG_INDEX_(t##_v, o, k, ki, kv, P, IN) SJG_COPY(t, t##_v); t##_owned = 1; }
/* o[k] as a condition: the element's truth, read in place (no reference taken). */
#define SJG_INDEX_TRUTH(c, o, k, P) SJG_INDEX_TRUTH_(c, o, k, (k).as.i, k, P, SJG_IN_LIST)
#define SJG_INDEX_TRUTH_I(c, o, k, P) SJG_INDEX_TRUTH_(c, o, k, k, SJG_INT(k), P, SJG_IN_LIST_I)
#define SJG_INDEX_TRUTH_(c, o, k, ki, kv, P, IN) bool c; if (IN(o, k) && SJG_LIST(o)->bools) c = SJG_LIST(o)->bools[ki]; else if (IN(o, k) && SJG_LIST(o)->items) { SjValue *s_ = &SJG_LIST(o)->items[ki]; c = SJG_COND(*s_, P); } else { SjValue x_; sj_pos = (P); x_ = sj_index_slow(o, kv); c = SJG_COND(x_, P); SJG_RELEASE(x_); }
#define SJG_SET_INDEX(o, k, v, P) SJG_SET_INDEX_(o, k, (k).as.i, k, v, (v).tag, (v).as.i, (v).as.b, (v).as.d, P, SJG_IN_LIST)
#define SJG_SET_INDEX_I(o, k, v, P) SJG_SET_INDEX_(o, k, k, SJG_INT(k), v, (v).tag, (v).as.i, (v).as.b, (v).as.d, P, SJG_IN_LIST_I)
/* K forms: the value is a boolean or integer literal, given as its tag and payload. */
#define SJG_SET_INDEX_K(o, k, TAG, x, P) SJG_SET_INDEX_(o, k, (k).as.i, k, ((SjValue){TAG, {.i = (x)}}), TAG, x, x, 0.0, P, SJG_IN_LIST)
#define SJG_SET_INDEX_IK(o, k, TAG, x, P) SJG_SET_INDEX_(o, k, k, SJG_INT(k), ((SjValue){TAG, {.i = (x)}}), TAG, x, x, 0.0, P, SJG_IN_LIST_I)
#define SJG_SET_INDEX_(o, k, ki, kv, v, vt, vi, vb, vd, P, IN) if (IN(o, k)) { SjList *l_ = SJG_LIST(o); if (SJ_LIKELY(l_->items != NULL)) { SjValue *s_ = &l_->items[ki], old_; SJG_COPY(old_, *s_); s_->tag = (vt); s_->as.i = (vi); SJG_RETAIN(*s_); SJG_RELEASE(old_); } else if (l_->decs && (vt) == SJ_DEC) l_->decs[ki] = (vd); else if (l_->ints && (vt) == SJ_INT) l_->ints[ki] = (vi); else if (l_->bools && (vt) == SJ_BOOL) l_->bools[ki] = (uint8_t)(vb); else { sj_pos = (P); sj_set_index_slow(o, kv, v); } } else { sj_pos = (P); sj_set_index_slow(o, kv, v); }
/* Range loops: after sj_range_init, go = whether the loop runs at all and left = how
   many more times it runs after the first (unsigned arithmetic: exact for every int64 range),
   so each iteration costs one count instead of a sign test, a bound test and an overflow test. */
#define SJG_RANGE_COUNT(r, go, left) bool go = (r).step > 0 ? (r).cur <= (r).end : (r).cur >= (r).end; uint64_t left = !go ? 0 : (r).step > 0 ? ((uint64_t)(r).end - (uint64_t)(r).cur) / (uint64_t)(r).step : ((uint64_t)(r).cur - (uint64_t)(r).end) / ((uint64_t)0 - (uint64_t)(r).step)
#define SJG_RANGE_STEP(r, go, left) go = (left)-- != 0, (r).cur = (int64_t)((uint64_t)(r).cur + (uint64_t)(r).step)
#define SJG_TEXT(t, slot, bytes, len) SjValue t; if ((slot).tag) { SJG_COPY(t, slot); SJG_RETAIN(t); } else t = sj_text_lit(&(slot), bytes, len)
`;
