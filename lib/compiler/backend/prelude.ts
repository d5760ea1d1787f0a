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
#else
#define SJG_ADD_OVF(a, b, r) ((((b) > 0 && (a) > INT64_MAX - (b)) || ((b) < 0 && (a) < INT64_MIN - (b))) ? 1 : (*(r) = (a) + (b), 0))
#define SJG_SUB_OVF(a, b, r) ((((b) < 0 && (a) > INT64_MAX + (b)) || ((b) > 0 && (a) < INT64_MIN + (b))) ? 1 : (*(r) = (a) - (b), 0))
#define SJG_MUL_OVF(a, b, r) (((a) > 0x7fffffffLL || (a) < -0x7fffffffLL || (b) > 0x7fffffffLL || (b) < -0x7fffffffLL) ? 1 : (*(r) = (a) * (b), 0))
#endif
#define SJG_INT(x) ((SjValue){SJ_INT, {.i = (x)}})
#define SJG_NULL ((SjValue){SJ_NULL, {.i = 0}})
#define SJG_SETINT(d, x) do { (d).tag = SJ_INT; (d).as.i = (x); } while (0)
#define SJG_CLEAR(d) do { (d).tag = SJ_NULL; (d).as.i = 0; } while (0)
#define SJG_BOOL(x) ((SjValue){SJ_BOOL, {.i = !!(x)}})
#define SJG_RETAIN(v) do { if ((v).tag >= SJ_TEXT) (v).as.o->rc++; } while (0)
#define SJG_RELEASE(v) do { if ((v).tag >= SJ_TEXT && --(v).as.o->rc == 0) sj_free_value(v); } while (0)
#define SJG_COND(v) ((v).tag == SJ_BOOL ? (v).as.b : (sj_err_not_bool(v), 0))
#define SJG_LIST(v) ((SjList *)(v).as.o)
#define SJG_IN_LIST(o_, k_) ((o_).tag == SJ_LIST && (k_).tag == SJ_INT && (uint64_t)(k_).as.i < (uint64_t)SJG_LIST(o_)->len)
`;
