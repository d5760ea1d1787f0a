/*
 * internal.h — what the runtime's C files share and generated code never
 * sees: the allocation funnel, the byte buffer, text helpers, the value
 * formatter, error helpers and the Unicode tables.
 */
#ifndef SAJILO_INTERNAL_H
#define SAJILO_INTERNAL_H

#include "../sajilo.h"

/* ---- memory.c: every allocation goes through here (clox's reallocate) --
 * new_size 0 frees. Running out of memory is a runtime error, never NULL. */
void *sj_realloc(void *ptr, size_t old_size, size_t new_size);
#define SJ_ALLOC(size) sj_realloc(NULL, 0, (size))
#define SJ_FREE(ptr, size) sj_realloc((ptr), (size), 0)
/* a * b bytes, with the multiplication checked (errors when it overflows). */
size_t sj_size_mul(size_t a, size_t b);

/* ---- buf.c: a growable byte buffer for building texts and output ---- */
typedef struct SjBuf {
  char *data;
  size_t len, cap;
} SjBuf;
void sj_buf_init(SjBuf *b);
void sj_buf_reserve(SjBuf *b, size_t extra);
void sj_buf_add(SjBuf *b, const char *bytes, size_t n);
void sj_buf_addc(SjBuf *b, char c);
void sj_buf_adds(SjBuf *b, const char *s);
void sj_buf_free(SjBuf *b);
/* Turns the buffer's bytes into a new text and frees the buffer. */
SjValue sj_buf_to_text(SjBuf *b);

/* ---- text.c ---- */
static inline SjText *sj_as_text(SjValue v) { return (SjText *)v.as.o; }
static inline SjList *sj_as_list(SjValue v) { return (SjList *)v.as.o; }
static inline SjMap *sj_as_map(SjValue v) { return (SjMap *)v.as.o; }
static inline SjFunc *sj_as_func(SjValue v) { return (SjFunc *)v.as.o; }
/* A text of len bytes whose data the caller fills in, then calls
 * sj_text_done (which counts code points). */
SjText *sj_text_alloc(size_t len);
SjValue sj_text_done(SjText *t);
void sj_text_free(SjText *t);
/* Byte offset of code point cp (cp <= cplen), O(1) for ASCII texts and for
 * sequential access (cached last position). */
size_t sj_text_offset(SjText *t, size_t cp);
/* Number of bytes of the UTF-8 sequence starting with byte c. */
int sj_utf8_len(unsigned char c);
/* Decodes one code point at s (valid UTF-8). */
uint32_t sj_utf8_decode(const unsigned char *s, int *len);
int sj_utf8_encode(uint32_t cp, char *out);
uint64_t sj_text_hash(SjText *t);
/* A one-code-point text starting at bytes (n bytes); ASCII ones are cached. */
SjValue sj_text_char(const char *bytes, int n);
/* Text for a constant C string owned by the runtime, allocated once. */
SjValue sj_text_const(SjValue *slot, const char *s);
/* Valid UTF-8 copy of arbitrary bytes (invalid sequences become U+FFFD). */
SjValue sj_text_from_untrusted(const char *bytes, size_t len);

/* ---- list.c / map.c ---- */
SjValue sj_list_copy_range(SjList *l, size_t from, size_t to);
void sj_list_free(SjList *l);
/* A packed boolean list of len elements (the caller fills bools[0..len-1]). */
SjValue sj_list_new_bools(size_t len);
/* Packed integer / decimal lists of len elements (the caller fills them). */
SjValue sj_list_new_ints(size_t len);
SjValue sj_list_new_decs(size_t len);
/* a repeated count times, and a followed by b: packed when the inputs allow. */
SjValue sj_list_repeat(SjList *a, size_t count);
SjValue sj_list_concat(SjList *a, SjList *b);
/* Turns a packed list into the generic form (no-op if it is generic). */
void sj_list_widen(SjList *l);
/* Element i (< len) of any form, borrowed. */
static inline SjValue sj_list_at(SjList *l, size_t i) {
  if (SJ_LIKELY(l->items != NULL)) return l->items[i];
  if (l->decs) return sj_dec(l->decs[i]);
  if (l->ints) return sj_int(l->ints[i]);
  return sj_bool(l->bools[i]);
}
void sj_map_free(SjMap *m);
/* Index of key in m, or -1. Key types other than int/text/bool: -1. */
long sj_map_find(SjMap *m, SjValue key);
bool sj_is_key_type(SjValue key);
/* Runtime error unless key can be a map key (int, text, bool, or a decimal
 * with an integer value, which stands for that integer). */
void sj_check_key(SjValue key);

/* ---- format.c: values as देखाउ prints them ---- */
extern int sj_latin_digits;
/* quoted: texts in double quotes with escapes (inside lists and maps). */
void sj_format(SjBuf *b, SjValue v, bool quoted);
void sj_format_int(SjBuf *b, int64_t i);
void sj_format_dec(SjBuf *b, double d);

/* ---- numbers.c ---- */
/* Parses a number text as संख्या does (both digit sets, sign, spaces). */
SjValue sj_parse_number(SjText *t);
/* Checked conversions of a decimal to an integer (NaN/inf/huge: error). */
int64_t sj_dec_to_int(double d);
double sj_pow_exact(double x, double y); /* x ** y correctly rounded (pow.c) */

/* ---- errors.c ---- */
/* Type names for messages: Nepali (as प्रकार returns) and English. */
const char *sj_type_ne(SjValue v);
const char *sj_type_en(SjValue v);
/* Error with printf-style Nepali and English messages; both formats take
 * the same arguments in the same order. */
SJ_NORETURN void sj_errorf(const char *fmt_ne, const char *fmt_en, ...);
/* fmt_ne gets a's and b's Nepali type names, fmt_en the English ones. */
SJ_NORETURN void sj_err_types(const char *fmt_ne, const char *fmt_en, SjValue a, SjValue b);
SJ_NORETURN void sj_err_overflow(void);
SJ_NORETURN void sj_err_zero_div(void);
/* Error naming a builtin and the type it cannot take. */
SJ_NORETURN void sj_err_arg(const char *builtin_ne, const char *builtin_en, SjValue v);
/* Recursive runtime functions (printing, equality, sorting) call this so
 * deeply nested data ends in "recursion too deep" too. */
static inline void sj_check_stack(void) { SJ_ENTER(); }

/* ---- io.c ---- */
void sj_out_write(const char *bytes, size_t n);
void sj_out_flush(void);
void sj_io_init(void);
void sj_errors_init(void);

/* ---- grapheme.c / unicode_tables.c ---- */
/* Grapheme_Cluster_Break classes, Extended_Pictographic and
 * Indic_Conjunct_Break packed into one byte (see gen-unicode-tables.mjs). */
enum {
  SJ_GCB_OTHER, SJ_GCB_CR, SJ_GCB_LF, SJ_GCB_CONTROL, SJ_GCB_EXTEND, SJ_GCB_ZWJ,
  SJ_GCB_RI, SJ_GCB_PREPEND, SJ_GCB_SPACINGMARK, SJ_GCB_L, SJ_GCB_V, SJ_GCB_T,
  SJ_GCB_LV, SJ_GCB_LVT
};
#define SJ_UP_GCB(p) ((p) & 0x0f)
#define SJ_UP_EXTPICT 0x10
#define SJ_UP_INCB(p) (((p) >> 5) & 3)
enum { SJ_INCB_NONE, SJ_INCB_LINKER, SJ_INCB_CONSONANT, SJ_INCB_EXTEND };
typedef struct SjUniRange {
  uint32_t lo, hi;
  uint8_t props;
} SjUniRange;
extern const SjUniRange sj_uni_ranges[];
extern const size_t sj_uni_nranges;
uint8_t sj_uni_props(uint32_t cp);

#endif
