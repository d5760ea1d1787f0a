/*
 * sajilo.h — the C API that code generated from Sajilo programs calls.
 *
 * The runtime is a static library (build/runtime/<flavour>/libsajilo.a, built
 * by build.mjs). Generated code includes only this header. It must compile
 * with gcc, clang and tcc (tcc has no __builtin_*_overflow, no __int128 and
 * does not inline: the #ifdef __TINYC__ branches below keep it correct).
 *
 * ------------------------------------------------------------------------
 * 1. VALUES
 * ------------------------------------------------------------------------
 * SjValue is a 16-byte struct passed and returned BY VALUE: a tag and a
 * union. Integers, decimals, booleans and खाली (null) are immediate: no
 * allocation, retain/release do nothing. Texts, lists, maps and functions
 * point to a heap object whose first field is a reference count.
 *
 * ------------------------------------------------------------------------
 * 2. OWNERSHIP — the rules a code generator follows
 * ------------------------------------------------------------------------
 *  R1. Every function that RETURNS an SjValue returns a NEW (owned)
 *      reference. The caller must eventually sj_release() it, or store it
 *      somewhere that owns it (a variable, or pass it to a "_take" function
 *      — there are none in version 1 of this API).
 *  R2. Every SjValue ARGUMENT is BORROWED: the callee never releases it, and
 *      retains it itself if it keeps it (sj_list_push, sj_set_index, ...).
 *      So after `t = sj_add(a, b)` the caller still owns a and b.
 *  R3. A variable (local, global, parameter copy) owns its value. Assignment
 *      `x = e` is: `SjValue t = <e>; sj_release(x); x = t;` (evaluate first,
 *      then release: e may read x). Declaring `राख x = e` is `x = <e>;`.
 *      Locals still live at a function's exit are released before return;
 *      a returned variable is retained (or moved) into the return value.
 *  R4. Parameters of generated functions are borrowed like any argument: a
 *      generated function that assigns to a parameter must first retain it
 *      into a local it owns (simplest: copy every parameter into an owned
 *      local at entry with sj_retain; gcc removes it for immediates).
 *  R5. Temporaries: each sub-expression result is owned by the generated
 *      code; release it right after the operation that consumed it.
 *      `देखाउ(क + १)` is:
 *          SjValue t1 = sj_add(k, sj_int(1));
 *          SjValue t2 = sj_b_dekhau(1, &t1);   // returns खाली
 *          sj_release(t1); sj_release(t2);
 *  R6. sj_int/sj_dec/sj_bool/SJ_NULL_V build immediates; releasing them is
 *      allowed and free.
 *  R7. Passing a variable directly as a borrowed argument (`sj_add(x, y)`)
 *      is safe only while nothing else runs before the callee returns. If a
 *      later operand of the same operation calls a function (which could
 *      reassign x and free its old value), read x into a retained temporary
 *      first: `SjValue t1 = sj_retain(x); SjValue t2 = f_1(); ...`.
 *      The simple, always-correct rule: evaluate every operand into an owned
 *      temporary (sj_retain for variable reads), left to right, then call,
 *      then release the temporaries. sj_retain/sj_release cost one tag test
 *      for numbers, so this stays fast.
 *  Lists and maps are shared (as in Python): a variable holding a list
 *  holds one reference to the same object another variable holds.
 *  Reference cycles (a list that contains itself) are never freed: they
 *  leak until exit. Everything else is freed as soon as its last
 *  reference is dropped, so loops that build and drop values run in
 *  bounded memory.
 *
 * ------------------------------------------------------------------------
 * 3. SOURCE POSITIONS AND ERRORS
 * ------------------------------------------------------------------------
 * Before any operation that can fail (every operator except == and !=,
 * indexing, calls, builtins, conditions), generated code stores the source
 * position in the global sj_pos:   sj_pos = SJ_POS(line, column);
 * (one store; set it again after a call returns, because the callee
 * overwrote it). A runtime error flushes stdout, writes two lines to
 * stderr and exits with status 1:
 *     रनटाइम त्रुटि (पङ्क्ति ३, स्तम्भ ५): शून्यले भाग गर्न मिल्दैन
 *     Runtime error at line 3, column 5: division by zero
 * There is no unwinding: an error never returns.
 *
 * ------------------------------------------------------------------------
 * 4. FUNCTIONS
 * ------------------------------------------------------------------------
 * A Sajilo function `कार्य f(a, b)` becomes a C function with one SjValue
 * parameter per Sajilo parameter, called DIRECTLY when the callee is known:
 *     static SjValue f_1(SjValue a, SjValue b) { SJ_ENTER(); ... }
 * SJ_ENTER() (first statement of every generated function) turns runaway
 * recursion into the runtime error "recursion too deep" instead of a crash.
 * For use as a value, the generator also emits a uniform wrapper and a
 * static function object (name given as escaped UTF-8 bytes):
 *     static SjValue f_1_w(SjValue *args) { return f_1(args[0], args[1]); }
 *     static SjFunc f_1_obj = SJ_FUNC_INIT(f_1_w, 2, "\xe0\xa4\x9c", 3);
 *     ... SjValue v = sj_func_value(&f_1_obj);   // owned (a new reference)
 * and calls through a value with sj_call(v, argc, args), which checks that
 * v is a function and that argc equals its arity. Builtins have function
 * objects too (sj_bf_<roman>, below) so they can be stored in variables.
 *
 * ------------------------------------------------------------------------
 * 5. PROGRAM ENTRY
 * ------------------------------------------------------------------------
 *     static void program(void) { ...top-level statements... }
 *     int main(int argc, char **argv) {
 *         return sj_run_main(argc, argv, program, 0);  // 1: latin digits
 *     }
 * sj_run_main sets up the stack guard and stdout buffer, runs program,
 * flushes stdout and returns the exit status (0).
 */
#ifndef SAJILO_H
#define SAJILO_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#if defined(__GNUC__) && !defined(__TINYC__)
#define SJ_LIKELY(x) __builtin_expect(!!(x), 1)
#define SJ_UNLIKELY(x) __builtin_expect(!!(x), 0)
#define SJ_NORETURN __attribute__((noreturn))
#define SJ_COLD __attribute__((cold, noinline))
#else
#define SJ_LIKELY(x) (x)
#define SJ_UNLIKELY(x) (x)
#define SJ_NORETURN __attribute__((noreturn))
#define SJ_COLD
#endif

/* ====================================================================== */
/* Values                                                                  */
/* ====================================================================== */

/* Order matters: every tag >= SJ_TEXT points to a reference-counted object. */
typedef enum {
  SJ_NULL = 0, /* खाली */
  SJ_BOOL = 1, /* बुलियन */
  SJ_INT = 2,  /* पूर्णांक, int64 */
  SJ_DEC = 3,  /* दशमलव, IEEE double */
  SJ_TEXT = 4, /* पाठ, immutable UTF-8 */
  SJ_LIST = 5, /* सूची */
  SJ_MAP = 6,  /* शब्दकोश, insertion-ordered */
  SJ_FUNC = 7  /* कार्य */
} SjTag;

/* Common header of every heap object. Static objects (function objects,
 * SJ_FUNC_INIT) start at rc 1, a reference that is never dropped, so they
 * are never freed. */
typedef struct SjObj {
  size_t rc;
} SjObj;

typedef struct SjValue {
  uint32_t tag; /* an SjTag */
  union {
    bool b;
    int64_t i;
    double d;
    SjObj *o;
  } as;
} SjValue;

/* Text: immutable, valid UTF-8, bytes inline. Fields after `data` are
 * private to the runtime; generated code never reads them. */
typedef struct SjText {
  SjObj obj;
  size_t len;      /* bytes, excluding the terminating NUL */
  size_t cplen;    /* code points */
  size_t cap;      /* bytes allocated for data (for in-place append) */
  uint64_t hash;   /* 0 = not computed yet */
  size_t cache_cp; /* last code point index looked up ... */
  size_t cache_at; /* ... and its byte offset (makes loops over s[i] O(n)) */
  char data[];     /* len bytes + NUL */
} SjText;

/* A list has four representations. Generic: items holds len owned values
 * (the packed pointers are NULL). Packed: items is NULL and exactly one of
 * bools (one byte each, 0 or 1), ints (int64) or decs (double) holds the len
 * elements. A list made by repetition ([सत्य] * n, [०] * n, [०.०] * n)
 * starts packed, and so does an empty list whose first element is an integer
 * or a decimal (a literal [१, २, ३], or थप on []); it stays packed while only
 * values of its kind are stored in it. Storing any other kind (a decimal in
 * a list of integers too) widens it to items, for good (sj_list_widen in the
 * runtime). An empty generic list may have items == NULL (no storage yet);
 * a list with len > 0 is generic exactly when items != NULL. Code reading
 * items directly must check that first (the fast paths below do); behaviour
 * is the same in every form. */
typedef struct SjList {
  SjObj obj;
  size_t len, cap; /* elements (of whichever form) */
  SjValue *items;  /* owned references; NULL while packed */
  uint8_t *bools;  /* packed booleans, or NULL */
  int64_t *ints;   /* packed integers, or NULL */
  double *decs;    /* packed decimals, or NULL */
} SjList;

typedef struct SjMapEntry {
  SjValue key, value; /* owned references */
  uint64_t hash;
} SjMapEntry;

typedef struct SjMap {
  SjObj obj;
  size_t len, cap;      /* entries in insertion order (no deletion in v1) */
  SjMapEntry *entries;
  uint32_t *slots;      /* open-addressing index: entry+1, 0 = empty */
  size_t nslots;        /* power of two */
} SjMap;

/* Uniform signature of a function called through a value: args[0..arity-1]
 * are borrowed; the result is owned. */
typedef SjValue (*SjFnPtr)(SjValue *args);

typedef struct SjFunc {
  SjObj obj;
  SjFnPtr fn;
  int arity;        /* -1: variadic (देखाउ, लेख, अधिकतम, न्यूनतम) */
  const char *name; /* UTF-8 bytes of the name as written, for printing */
  size_t name_len;
  /* Variadic builtins only (arity -1): called as vfn(argc, args). Generated
   * function objects leave it NULL (SJ_FUNC_INIT does). */
  SjValue (*vfn)(int argc, SjValue *args);
} SjFunc;

/* Static initialiser for a generated function object (rc 1: never freed). */
#define SJ_FUNC_INIT(fnptr, arity, name_bytes, name_len) \
  { { 1 }, (fnptr), (arity), (name_bytes), (name_len) }

/* ---- immediates (no allocation) ---- */
static inline SjValue sj_int(int64_t i) { SjValue v; v.tag = SJ_INT; v.as.i = i; return v; }
static inline SjValue sj_dec(double d) { SjValue v; v.tag = SJ_DEC; v.as.d = d; return v; }
static inline SjValue sj_bool(bool b) { SjValue v; v.tag = SJ_BOOL; v.as.i = 0; v.as.b = b; return v; }
static inline SjValue sj_null(void) { SjValue v; v.tag = SJ_NULL; v.as.i = 0; return v; }
#define SJ_NULL_V (sj_null())
#define SJ_TRUE_V (sj_bool(true))
#define SJ_FALSE_V (sj_bool(false))

/* ---- reference counting ---- */
void sj_free_value(SjValue v); /* frees the object; called when rc hits 0 */

static inline SjValue sj_retain(SjValue v) {
  if (v.tag >= SJ_TEXT) v.as.o->rc++;
  return v;
}
static inline void sj_release(SjValue v) {
  if (v.tag >= SJ_TEXT && --v.as.o->rc == 0) sj_free_value(v);
}

/* ====================================================================== */
/* Positions and errors                                                    */
/* ====================================================================== */

/* line << 32 | column (both 1-based); 0 = unknown. */
extern uint64_t sj_pos;
#define SJ_POS(line, col) ((((uint64_t)(line)) << 32) | (uint64_t)(uint32_t)(col))

/* Flush stdout, print the two-line error (Nepali, English) at sj_pos to
 * stderr, exit(1). Messages are UTF-8 C strings without a final newline. */
SJ_NORETURN void sj_error(const char *message_ne, const char *message_en);

/* Shared error paths of the inline fast paths below. */
SJ_NORETURN void sj_err_not_bool(SjValue v);   /* condition not a boolean */
SJ_NORETURN void sj_err_recursion(void);       /* recursion too deep */

/* ====================================================================== */
/* Recursion guard                                                         */
/* ====================================================================== */

/* Lowest stack address generated code may reach before the guard fires;
 * computed by sj_run_main from the real stack size (RLIMIT_STACK, raised
 * to 32 MB when the hard limit allows) minus a safety margin. */
extern uintptr_t sj_stack_limit;

#if defined(__GNUC__) && !defined(__TINYC__)
#define SJ_ENTER()                                                     \
  do {                                                                 \
    if (SJ_UNLIKELY((uintptr_t)__builtin_frame_address(0) < sj_stack_limit)) \
      sj_err_recursion();                                              \
  } while (0)
#else
#define SJ_ENTER()                                              \
  do {                                                          \
    char sj_probe_;                                             \
    if ((uintptr_t)&sj_probe_ < sj_stack_limit) sj_err_recursion(); \
  } while (0)
#endif

/* ====================================================================== */
/* Program entry                                                           */
/* ====================================================================== */

/* Runs program() with the runtime set up; returns 0 (errors exit(1)).
 * latin_digits: 0 prints Devanagari digits (default), 1 prints 0-9. */
int sj_run_main(int argc, char **argv, void (*program)(void), int latin_digits);

/* ====================================================================== */
/* Constructors                                                            */
/* ====================================================================== */

/* A new text from len bytes of valid UTF-8 (copied). */
SjValue sj_text_from_bytes(const char *bytes, size_t len);

/* A text literal: *slot is a static SjValue (zero-initialised = खाली) that
 * caches the text, so a literal inside a loop is allocated once. Returns a
 * new reference like every other function.
 *     static SjValue lit_7;
 *     SjValue t = sj_text_lit(&lit_7, "\xe0\xa4\x95", 3);                */
SjValue sj_text_lit(SjValue *slot, const char *bytes, size_t len);

/* Lists. sj_list_new returns an empty list with room for cap items.
 * sj_list_push appends (retains item). For a literal [a, b, c]:
 *     SjValue l = sj_list_new(3); sj_list_push(l, a); ... */
SjValue sj_list_new(size_t cap);
void sj_list_push(SjValue list, SjValue item);

/* Maps. sj_map_set inserts or replaces (retains key and value); keys must
 * be integers, texts or booleans, else a runtime error. */
SjValue sj_map_new(void);
void sj_map_set(SjValue map, SjValue key, SjValue value);

/* A function object as a value (new reference). */
static inline SjValue sj_func_value(SjFunc *f) {
  SjValue v;
  v.tag = SJ_FUNC;
  v.as.o = &f->obj;
  f->obj.rc++;
  return v;
}

/* ====================================================================== */
/* Conditions and logic                                                    */
/* ====================================================================== */

/* The C truth of a condition; anything but a boolean is a runtime error.
 * Use for यदि, जबसम्म, and the operands of र / वा (short-circuit in C):
 *     a र b   →   (sj_cond(A) && sj_cond(B)) then sj_bool(...)         */
static inline bool sj_cond(SjValue v) {
  if (SJ_UNLIKELY(v.tag != SJ_BOOL)) sj_err_not_bool(v);
  return v.as.b;
}
/* होइन x */
static inline SjValue sj_not(SjValue v) { return sj_bool(!sj_cond(v)); }

/* ====================================================================== */
/* Operators (Python 3 semantics; every result is owned)                   */
/* ====================================================================== */

/* Slow paths: complete implementations for any operands (the inline fast
 * paths below call them when they do not apply). Generated code that writes
 * its own integer fast path may call them directly; they raise every error
 * (overflow, division by zero, wrong types). */
SjValue sj_add_slow(SjValue a, SjValue b); /* + : numbers, text+text, list+list */
SjValue sj_sub_slow(SjValue a, SjValue b); /* - */
SjValue sj_mul_slow(SjValue a, SjValue b); /* * : numbers, text*int, list*int */
SjValue sj_div(SjValue a, SjValue b);      /* / : always a decimal */
SjValue sj_floordiv(SjValue a, SjValue b); /* // floor division */
SjValue sj_mod(SjValue a, SjValue b);      /* % sign of the divisor */
SjValue sj_pow(SjValue a, SjValue b);      /* ** int**nonneg int is int */
SjValue sj_neg_slow(SjValue a);            /* unary - */
int sj_compare_slow(SjValue a, SjValue b); /* -1, 0, 1; 2 = unordered (NaN) */
bool sj_equal(SjValue a, SjValue b);       /* deep ==, never fails */

/* Portable overflow checks: gcc/clang builtins, or plain C under tcc. */
#if defined(__GNUC__) && !defined(__TINYC__)
#define SJ_ADD_OVF(a, b, r) __builtin_add_overflow((a), (b), (r))
#define SJ_SUB_OVF(a, b, r) __builtin_sub_overflow((a), (b), (r))
#define SJ_MUL_OVF(a, b, r) __builtin_mul_overflow((a), (b), (r))
#else
static inline bool sj_add_ovf_(int64_t a, int64_t b, int64_t *r) {
  if ((b > 0 && a > INT64_MAX - b) || (b < 0 && a < INT64_MIN - b)) return true;
  *r = a + b;
  return false;
}
static inline bool sj_sub_ovf_(int64_t a, int64_t b, int64_t *r) {
  if ((b < 0 && a > INT64_MAX + b) || (b > 0 && a < INT64_MIN + b)) return true;
  *r = a - b;
  return false;
}
/* Only the cheap case here (both factors fit in 31 bits, product cannot
 * overflow); anything larger goes to sj_mul_slow, which checks exactly. */
static inline bool sj_mul_ovf_(int64_t a, int64_t b, int64_t *r) {
  if (a > 0x7fffffffLL || a < -0x7fffffffLL || b > 0x7fffffffLL || b < -0x7fffffffLL)
    return true;
  *r = a * b;
  return false;
}
#define SJ_ADD_OVF(a, b, r) sj_add_ovf_((a), (b), (r))
#define SJ_SUB_OVF(a, b, r) sj_sub_ovf_((a), (b), (r))
#define SJ_MUL_OVF(a, b, r) sj_mul_ovf_((a), (b), (r))
#endif

static inline SjValue sj_add(SjValue a, SjValue b) {
  int64_t r;
  if (SJ_LIKELY(a.tag == SJ_INT && b.tag == SJ_INT) && !SJ_ADD_OVF(a.as.i, b.as.i, &r))
    return sj_int(r);
  return sj_add_slow(a, b);
}
static inline SjValue sj_sub(SjValue a, SjValue b) {
  int64_t r;
  if (SJ_LIKELY(a.tag == SJ_INT && b.tag == SJ_INT) && !SJ_SUB_OVF(a.as.i, b.as.i, &r))
    return sj_int(r);
  return sj_sub_slow(a, b);
}
static inline SjValue sj_mul(SjValue a, SjValue b) {
  int64_t r;
  if (SJ_LIKELY(a.tag == SJ_INT && b.tag == SJ_INT) && !SJ_MUL_OVF(a.as.i, b.as.i, &r))
    return sj_int(r);
  return sj_mul_slow(a, b);
}
static inline SjValue sj_neg(SjValue a) {
  if (SJ_LIKELY(a.tag == SJ_INT && a.as.i != INT64_MIN)) return sj_int(-a.as.i);
  return sj_neg_slow(a);
}

/* Comparisons. sj_lt etc. return a boolean SjValue; the _c forms return a
 * C bool for direct use in conditions (`if (sj_lt_c(i, n))`), which saves
 * a call under tcc. == and != never fail; < <= > >= need two numbers or
 * two texts, else a runtime error. */
static inline int sj_cmp_(SjValue a, SjValue b) {
  if (SJ_LIKELY(a.tag == SJ_INT && b.tag == SJ_INT))
    return (a.as.i > b.as.i) - (a.as.i < b.as.i);
  return sj_compare_slow(a, b);
}
static inline bool sj_lt_c(SjValue a, SjValue b) { return sj_cmp_(a, b) < 0; }
static inline bool sj_le_c(SjValue a, SjValue b) { return sj_cmp_(a, b) <= 0; }
/* sj_cmp_ gives -1, 0, 1, or 2 when unordered (a NaN): then all four are false. */
static inline bool sj_gt_c(SjValue a, SjValue b) { return sj_cmp_(a, b) == 1; }
static inline bool sj_ge_c(SjValue a, SjValue b) { return (unsigned)sj_cmp_(a, b) <= 1u; }
static inline bool sj_eq_c(SjValue a, SjValue b) {
  if (SJ_LIKELY(a.tag == SJ_INT && b.tag == SJ_INT)) return a.as.i == b.as.i;
  return sj_equal(a, b);
}
static inline bool sj_ne_c(SjValue a, SjValue b) { return !sj_eq_c(a, b); }
static inline SjValue sj_lt(SjValue a, SjValue b) { return sj_bool(sj_lt_c(a, b)); }
static inline SjValue sj_le(SjValue a, SjValue b) { return sj_bool(sj_le_c(a, b)); }
static inline SjValue sj_gt(SjValue a, SjValue b) { return sj_bool(sj_gt_c(a, b)); }
static inline SjValue sj_ge(SjValue a, SjValue b) { return sj_bool(sj_ge_c(a, b)); }
static inline SjValue sj_eq(SjValue a, SjValue b) { return sj_bool(sj_eq_c(a, b)); }
static inline SjValue sj_ne(SjValue a, SjValue b) { return sj_bool(sj_ne_c(a, b)); }

/* x = x + e, with the text appended in place when x holds the only
 * reference (turns a loop of `s = s + "क"` from O(n²) into O(n)).
 * *target is owned by the variable; b is borrowed. Same result and errors
 * as `SjValue t = sj_add(*target, b); sj_release(*target); *target = t;` */
void sj_add_inplace(SjValue *target, SjValue b);

/* ====================================================================== */
/* Indexing                                                                */
/* ====================================================================== */

/* Complete implementations (any container and index), like the _slow operators. */
SjValue sj_index_slow(SjValue obj, SjValue idx);
void sj_set_index_slow(SjValue obj, SjValue idx, SjValue val);

/* obj[idx]: list or text by integer (negative counts from the end), map by
 * key. Out of range / missing key / wrong types are runtime errors. */
static inline SjValue sj_index(SjValue obj, SjValue idx) {
  if (SJ_LIKELY(obj.tag == SJ_LIST && idx.tag == SJ_INT)) {
    SjList *l = (SjList *)obj.as.o;
    if (SJ_LIKELY((uint64_t)idx.as.i < (uint64_t)l->len)) {
      if (SJ_LIKELY(l->items != NULL)) return sj_retain(l->items[idx.as.i]);
      if (l->decs) return sj_dec(l->decs[idx.as.i]);
      if (l->ints) return sj_int(l->ints[idx.as.i]);
      return sj_bool(l->bools[idx.as.i]);
    }
  }
  return sj_index_slow(obj, idx);
}
/* obj[idx] = val (val borrowed, retained by the container). */
static inline void sj_set_index(SjValue obj, SjValue idx, SjValue val) {
  if (SJ_LIKELY(obj.tag == SJ_LIST && idx.tag == SJ_INT)) {
    SjList *l = (SjList *)obj.as.o;
    if (SJ_LIKELY((uint64_t)idx.as.i < (uint64_t)l->len)) {
      if (SJ_LIKELY(l->items != NULL)) {
        SjValue old = l->items[idx.as.i];
        l->items[idx.as.i] = sj_retain(val);
        sj_release(old);
        return;
      }
      if (l->decs && val.tag == SJ_DEC) { l->decs[idx.as.i] = val.as.d; return; }
      if (l->ints && val.tag == SJ_INT) { l->ints[idx.as.i] = val.as.i; return; }
    }
  }
  sj_set_index_slow(obj, idx, val);
}

/* ====================================================================== */
/* Calls through values                                                    */
/* ====================================================================== */

/* f(args...) where f is a value: checks f is a function and argc matches
 * its arity (variadic builtins take any count). args borrowed. */
SjValue sj_call(SjValue f, int argc, SjValue *args);

/* ====================================================================== */
/* Loops                                                                   */
/* ====================================================================== */

/* हरेक i = a देखि b सम्म [कदम s]: bounds and step evaluated once, must be
 * integers; step 0 is a runtime error. Never overflows at INT64 limits.
 *     SjRange r; sj_range_init(&r, A, B, S);    // S = sj_int(1) when absent
 *     int64_t n; while (sj_range_next(&r, &n)) { SjValue i = sj_int(n); ... } */
typedef struct SjRange {
  int64_t cur, end, step;
  bool done;
} SjRange;
void sj_range_init(SjRange *r, SjValue start, SjValue end, SjValue step);
static inline bool sj_range_next(SjRange *r, int64_t *out) {
  if (r->done || (r->step > 0 ? r->cur > r->end : r->cur < r->end)) return false;
  *out = r->cur;
  if (SJ_ADD_OVF(r->cur, r->step, &r->cur)) r->done = true;
  return true;
}

/* दोहोर्याउ n पटक: n must be an integer (negative runs zero times). */
int64_t sj_repeat_count(SjValue n);

/* हरेक x coll मा: list elements (live, by index, as Python), code points
 * of a text, keys of a map (a snapshot taken at the start).
 *     SjIter it; sj_iter_init(&it, coll);
 *     SjValue x; while (sj_iter_next(&it, &x)) { ...; sj_release(x); }
 *     sj_iter_end(&it);
 * sj_iter_next's *out is owned. `रोक` must still call sj_iter_end. */
typedef struct SjIter {
  SjValue coll; /* retained */
  size_t pos;   /* index, or byte offset in a text */
} SjIter;
void sj_iter_init(SjIter *it, SjValue coll);
bool sj_iter_next(SjIter *it, SjValue *out);
void sj_iter_end(SjIter *it);

/* ====================================================================== */
/* Builtins (romanised names; every result is owned; args borrowed)        */
/* ====================================================================== */

/* Every builtin of lib/compiler/language.ts: its function sj_b_<roman> (fixed
 * parameters, or (argc, args) when variadic) and its function object
 * sj_bf_<roman>, for storing a builtin in a variable: sj_func_value(&sj_bf_lambai).
 * Variadic ones have arity -1. Generated by builtin-table.mjs at build time. */
#include "sajilo_builtins.h"

/* ====================================================================== */
/* tcc: the hot helpers as single calls into the (gcc-optimised) library    */
/* ====================================================================== */
/* tcc never inlines, so each static inline helper above would be a chain of
 * small calls (sj_lt -> sj_lt_c -> sj_cmp_ -> sj_bool). Under tcc the hot
 * helpers are instead one call each to an out-of-line copy compiled by gcc
 * into libsajilo.a (ops_extern.c), with the same meaning. Generated code is
 * the same text for every compiler. */
SjValue sj_add_x(SjValue a, SjValue b);
SjValue sj_sub_x(SjValue a, SjValue b);
SjValue sj_mul_x(SjValue a, SjValue b);
SjValue sj_neg_x(SjValue a);
SjValue sj_lt_x(SjValue a, SjValue b);
SjValue sj_le_x(SjValue a, SjValue b);
SjValue sj_gt_x(SjValue a, SjValue b);
SjValue sj_ge_x(SjValue a, SjValue b);
SjValue sj_eq_x(SjValue a, SjValue b);
SjValue sj_ne_x(SjValue a, SjValue b);
bool sj_lt_c_x(SjValue a, SjValue b);
bool sj_le_c_x(SjValue a, SjValue b);
bool sj_gt_c_x(SjValue a, SjValue b);
bool sj_ge_c_x(SjValue a, SjValue b);
bool sj_eq_c_x(SjValue a, SjValue b);
bool sj_ne_c_x(SjValue a, SjValue b);
bool sj_cond_x(SjValue v);
SjValue sj_not_x(SjValue v);
SjValue sj_retain_x(SjValue v);
void sj_release_x(SjValue v);
SjValue sj_index_x(SjValue obj, SjValue idx);
void sj_set_index_x(SjValue obj, SjValue idx, SjValue val);
#if defined(__TINYC__)
#define sj_add sj_add_x
#define sj_sub sj_sub_x
#define sj_mul sj_mul_x
#define sj_neg sj_neg_x
#define sj_lt sj_lt_x
#define sj_le sj_le_x
#define sj_gt sj_gt_x
#define sj_ge sj_ge_x
#define sj_eq sj_eq_x
#define sj_ne sj_ne_x
#define sj_lt_c sj_lt_c_x
#define sj_le_c sj_le_c_x
#define sj_gt_c sj_gt_c_x
#define sj_ge_c sj_ge_c_x
#define sj_eq_c sj_eq_c_x
#define sj_ne_c sj_ne_c_x
#define sj_cond sj_cond_x
#define sj_not sj_not_x
#define sj_retain sj_retain_x
#define sj_release sj_release_x
#define sj_index sj_index_x
#define sj_set_index sj_set_index_x
#endif

#ifdef __cplusplus
}
#endif
#endif /* SAJILO_H */
