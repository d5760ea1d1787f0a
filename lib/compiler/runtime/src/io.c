/*
 * io.c — buffered standard output, line input, and the printing builtins.
 *
 * stdout goes through one large buffer written with write(2): flushed when
 * full, at exit, before a runtime error and before reading stdin (so a
 * prompt shows before the program waits). A failed write (EPIPE when the
 * reader went away, or any other error) ends the program quietly.
 * With SAJILO_STREAM_OUTPUT=1 in the environment (the IDE's streaming runs), every
 * print builtin also flushes, so its output reaches the reader while the program runs.
 */
#include <errno.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "internal.h"

#define OUT_CAP (64 * 1024)
static char out_buf[OUT_CAP];
static size_t out_len;
static bool out_eager;

void sj_io_init(void) {
  /* Get EPIPE from write instead of being killed by SIGPIPE. */
  signal(SIGPIPE, SIG_IGN);
  const char *s = getenv("SAJILO_STREAM_OUTPUT");
  out_eager = s && s[0] == '1' && s[1] == 0;
}

static void write_or_quit(const char *s, size_t n) {
  while (n > 0) {
    ssize_t w = write(1, s, n);
    if (w < 0 && errno == EINTR) continue;
    if (w <= 0) _exit(1); /* EPIPE or a real error: nowhere to report it */
    s += w;
    n -= (size_t)w;
  }
}

void sj_out_flush(void) {
  size_t n = out_len;
  out_len = 0; /* reset first: write_or_quit may exit */
  write_or_quit(out_buf, n);
}

void sj_out_write(const char *bytes, size_t n) {
  if (n == 0) return; /* bytes may be NULL (an empty buffer) */
  if (n > OUT_CAP - out_len) {
    sj_out_flush();
    if (n >= OUT_CAP) {
      write_or_quit(bytes, n);
      return;
    }
  }
  memcpy(out_buf + out_len, bytes, n);
  out_len += n;
}

/* Prints args separated by single spaces (texts as themselves). */
static void print_values(int argc, SjValue *args) {
  SjBuf b;
  sj_buf_init(&b);
  for (int i = 0; i < argc; i++) {
    if (i > 0) sj_buf_addc(&b, ' ');
    if (args[i].tag == SJ_TEXT) {
      /* Large texts go straight to the output, without a copy. */
      sj_out_write(b.data, b.len);
      b.len = 0;
      sj_out_write(sj_as_text(args[i])->data, sj_as_text(args[i])->len);
    } else {
      sj_format(&b, args[i], false);
    }
  }
  sj_out_write(b.data, b.len);
  sj_buf_free(&b);
}

SjValue sj_b_dekhau(int argc, SjValue *args) {
  print_values(argc, args);
  sj_out_write("\n", 1);
  if (out_eager) sj_out_flush();
  return sj_null();
}

SjValue sj_b_lekha(int argc, SjValue *args) {
  print_values(argc, args);
  if (out_eager) sj_out_flush();
  return sj_null();
}

/* ---- input ---- */
#define IN_CAP (64 * 1024)
static char in_buf[IN_CAP];
static size_t in_pos, in_len;
static bool in_eof;

static bool fill_input(void) {
  if (in_eof) return false;
  for (;;) {
    ssize_t r = read(0, in_buf, IN_CAP);
    if (r < 0 && errno == EINTR) continue;
    if (r <= 0) {
      in_eof = true;
      return false;
    }
    in_pos = 0;
    in_len = (size_t)r;
    return true;
  }
}

/* पढ(): one line without its newline; खाली at the end of input. */
SjValue sj_b_padha(void) {
  sj_out_flush();
  SjBuf line;
  sj_buf_init(&line);
  bool got_any = false;
  for (;;) {
    if (in_pos == in_len && !fill_input()) break;
    got_any = true;
    char *start = in_buf + in_pos;
    char *nl = memchr(start, '\n', in_len - in_pos);
    size_t n = nl ? (size_t)(nl - start) : in_len - in_pos;
    sj_buf_add(&line, start, n);
    in_pos += n;
    if (nl) {
      in_pos++; /* the newline itself */
      break;
    }
  }
  if (!got_any) {
    sj_buf_free(&line);
    return sj_null(); /* end of input */
  }
  if (line.len > 0 && line.data[line.len - 1] == '\r') line.len--; /* CRLF input */
  SjValue t = sj_text_from_untrusted(line.data ? line.data : "", line.len);
  sj_buf_free(&line);
  return t;
}
