// Macros emitted at the top of every generated C file: the runtime's fast paths (integers,
// booleans, list indexing, reference counts) written as plain C expressions. sajilo.h has
// them as static inline functions, which gcc inlines but tcc — the default, fastest-to-
// compile path — turns into real calls that pass 16-byte structs; as macros, tcc's code runs
// several times faster. Semantics stay the runtime's: anything off the fast path calls the
// runtime's _slow function, which also raises every error.
export const PRELUDE = String.raw`#if defined(__GNUC__) && !defined(__TINYC__)
#define SJG_ADD_OVF(a, b, r) __builtin_add_overflow((a), (b), (r))
#define SJG_SUB_OVF(a, b, r) __builtin_sub_overflow((a), (b), (r))
#define SJG_MUL_OVF(a, b, r) __builtin_mul_overflow((a), (b), (r))
#else
#define SJG_ADD_OVF(a, b, r) ((((b) > 0 && (a) > INT64_MAX - (b)) || ((b) < 0 && (a) < INT64_MIN - (b))) ? 1 : (*(r) = (a) + (b), 0))
#define SJG_SUB_OVF(a, b, r) ((((b) < 0 && (a) > INT64_MAX + (b)) || ((b) > 0 && (a) < INT64_MIN + (b))) ? 1 : (*(r) = (a) - (b), 0))
#define SJG_MUL_OVF(a, b, r) (((a) > 0x7fffffffLL || (a) < -0x7fffffffLL || (b) > 0x7fffffffLL || (b) < -0x7fffffffLL) ? 1 : (*(r) = (a) * (b), 0))
#endif
#define SJG_INT(x) ((SjValue){SJ_INT, {.i = (x)}})
#define SJG_BOOL(x) ((SjValue){SJ_BOOL, {.i = !!(x)}})
#define SJG_RETAIN(v) do { if ((v).tag >= SJ_TEXT) (v).as.o->rc++; } while (0)
#define SJG_RELEASE(v) do { if ((v).tag >= SJ_TEXT && --(v).as.o->rc == 0) sj_free_value(v); } while (0)
#define SJG_COND(v) ((v).tag == SJ_BOOL ? (v).as.b : (sj_err_not_bool(v), 0))
#define SJG_LIST(v) ((SjList *)(v).as.o)
#define SJG_IN_LIST(o_, k_) ((o_).tag == SJ_LIST && (k_).tag == SJ_INT && (uint64_t)(k_).as.i < (uint64_t)SJG_LIST(o_)->len)
`;
