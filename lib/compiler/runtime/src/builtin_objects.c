/*
 * builtin_objects.c — function objects of the builtins, so a builtin can be
 * stored in a variable and called through it (sj_call). Each has a wrapper
 * with the uniform signature; variadic ones are called through vfn.
 */
#include "internal.h"
SjFunc sj_bf_dekhau = {{1}, NULL, -1, "देखाउ", 15, sj_b_dekhau};
SjFunc sj_bf_lekh = {{1}, NULL, -1, "लेख", 9, sj_b_lekh};
static SjValue w_padha(SjValue *a) { (void)a; return sj_b_padha(); }
SjFunc sj_bf_padha = {{1}, w_padha, 0, "पढ", 6, NULL};
static SjValue w_lambai(SjValue *a) { return sj_b_lambai(a[0]); }
SjFunc sj_bf_lambai = {{1}, w_lambai, 1, "लम्बाइ", 18, NULL};
static SjValue w_sankhya(SjValue *a) { return sj_b_sankhya(a[0]); }
SjFunc sj_bf_sankhya = {{1}, w_sankhya, 1, "संख्या", 18, NULL};
static SjValue w_purnank(SjValue *a) { return sj_b_purnank(a[0]); }
SjFunc sj_bf_purnank = {{1}, w_purnank, 1, "पूर्णांक", 24, NULL};
static SjValue w_dashamalav(SjValue *a) { return sj_b_dashamalav(a[0]); }
SjFunc sj_bf_dashamalav = {{1}, w_dashamalav, 1, "दशमलव", 15, NULL};
static SjValue w_path(SjValue *a) { return sj_b_path(a[0]); }
SjFunc sj_bf_path = {{1}, w_path, 1, "पाठ", 9, NULL};
static SjValue w_prakar(SjValue *a) { return sj_b_prakar(a[0]); }
SjFunc sj_bf_prakar = {{1}, w_prakar, 1, "प्रकार", 18, NULL};
static SjValue w_thap(SjValue *a) { return sj_b_thap(a[0], a[1]); }
SjFunc sj_bf_thap = {{1}, w_thap, 2, "थप", 6, NULL};
static SjValue w_nikal(SjValue *a) { return sj_b_nikal(a[0]); }
SjFunc sj_bf_nikal = {{1}, w_nikal, 1, "निकाल", 15, NULL};
static SjValue w_tukra(SjValue *a) { return sj_b_tukra(a[0], a[1], a[2]); }
SjFunc sj_bf_tukra = {{1}, w_tukra, 3, "टुक्रा", 18, NULL};
static SjValue w_vibhajan(SjValue *a) { return sj_b_vibhajan(a[0], a[1]); }
SjFunc sj_bf_vibhajan = {{1}, w_vibhajan, 2, "विभाजन", 18, NULL};
static SjValue w_jod(SjValue *a) { return sj_b_jod(a[0], a[1]); }
SjFunc sj_bf_jod = {{1}, w_jod, 2, "जोड", 9, NULL};
static SjValue w_samavesh(SjValue *a) { return sj_b_samavesh(a[0], a[1]); }
SjFunc sj_bf_samavesh = {{1}, w_samavesh, 2, "समावेश", 18, NULL};
static SjValue w_pratisthapan(SjValue *a) { return sj_b_pratisthapan(a[0], a[1], a[2]); }
SjFunc sj_bf_pratisthapan = {{1}, w_pratisthapan, 3, "प्रतिस्थापन", 33, NULL};
static SjValue w_kunjiharu(SjValue *a) { return sj_b_kunjiharu(a[0]); }
SjFunc sj_bf_kunjiharu = {{1}, w_kunjiharu, 1, "कुञ्जीहरू", 27, NULL};
static SjValue w_aksharharu(SjValue *a) { return sj_b_aksharharu(a[0]); }
SjFunc sj_bf_aksharharu = {{1}, w_aksharharu, 1, "अक्षरहरू", 24, NULL};
static SjValue w_kramabaddha(SjValue *a) { return sj_b_kramabaddha(a[0]); }
SjFunc sj_bf_kramabaddha = {{1}, w_kramabaddha, 1, "क्रमबद्ध", 24, NULL};
static SjValue w_ulto(SjValue *a) { return sj_b_ulto(a[0]); }
SjFunc sj_bf_ulto = {{1}, w_ulto, 1, "उल्टो", 15, NULL};
static SjValue w_vargamul(SjValue *a) { return sj_b_vargamul(a[0]); }
SjFunc sj_bf_vargamul = {{1}, w_vargamul, 1, "वर्गमूल", 21, NULL};
static SjValue w_nirapeksha(SjValue *a) { return sj_b_nirapeksha(a[0]); }
SjFunc sj_bf_nirapeksha = {{1}, w_nirapeksha, 1, "निरपेक्ष", 24, NULL};
SjFunc sj_bf_adhikatam = {{1}, NULL, -1, "अधिकतम", 18, sj_b_adhikatam};
SjFunc sj_bf_nyunatam = {{1}, NULL, -1, "न्यूनतम", 21, sj_b_nyunatam};
static SjValue w_golo(SjValue *a) { return sj_b_golo(a[0]); }
SjFunc sj_bf_golo = {{1}, w_golo, 1, "गोलो", 12, NULL};
static SjValue w_bhuin(SjValue *a) { return sj_b_bhuin(a[0]); }
SjFunc sj_bf_bhuin = {{1}, w_bhuin, 1, "भुइँ", 12, NULL};
static SjValue w_chhat(SjValue *a) { return sj_b_chhat(a[0]); }
SjFunc sj_bf_chhat = {{1}, w_chhat, 1, "छत", 6, NULL};
