/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Command line parsing: "mode=xen ticks=5001 period_us=1000 fail=none".
 * Pure C, no libc: compiled in the guest and in the host unit tests.
 */
#include "rtos/format.h"
#include "rtos/opts.h"

static int is_blank(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/* Does the word w[0..len) equal the NUL-terminated s? */
static int word_is(const char *w, size_t len, const char *s)
{
    size_t i;

    for ( i = 0; i < len; i++ )
        if ( s[i] != w[i] )
            return 0;

    return s[len] == '\0';
}

/* Decimal number in v[0..len) within [lo, hi]; 0 on success. */
static int parse_u32(const char *v, size_t len, uint32_t lo, uint32_t hi,
                     uint32_t *out)
{
    uint64_t n = 0;
    size_t i;

    if ( len == 0 )
        return -1;

    for ( i = 0; i < len; i++ )
    {
        if ( v[i] < '0' || v[i] > '9' )
            return -1;
        n = n * 10 + (uint64_t)(v[i] - '0');
        if ( n > hi )
            return -2;
    }

    if ( n < lo )
        return -2;

    *out = (uint32_t)n;

    return 0;
}

/* "0x" and hexadecimal digits in v[0..len), a page-aligned address. */
static int parse_maddr(const char *v, size_t len, uint64_t *out)
{
    uint64_t n = 0;
    size_t i;

    if ( len < 3 || v[0] != '0' || (v[1] != 'x' && v[1] != 'X') )
        return -1;

    for ( i = 2; i < len; i++ )
    {
        char c = v[i];
        unsigned int d;

        if ( c >= '0' && c <= '9' )
            d = (unsigned int)(c - '0');
        else if ( c >= 'a' && c <= 'f' )
            d = (unsigned int)(c - 'a' + 10);
        else if ( c >= 'A' && c <= 'F' )
            d = (unsigned int)(c - 'A' + 10);
        else
            return -1;
        /* 52 bits of machine address at most. */
        if ( n >> 48 )
            return -1;
        n = n * 16 + d;
    }

    if ( !n || (n & 0xfff) || (n >> 52) )
        return -1;

    *out = n;

    return 0;
}

static int number_opt(const char *word, size_t wlen, const char *val,
                      size_t vlen, uint32_t lo, uint32_t hi, uint32_t *out,
                      char *err, size_t errlen)
{
    int rc = parse_u32(val, vlen, lo, hi, out);

    if ( rc == -1 )
        rt_snprintf(err, errlen, "bad option '%.*s': not a number",
                    (int)wlen, word);
    else if ( rc == -2 )
        rt_snprintf(err, errlen,
                    "bad option '%.*s': must be from %u to %u",
                    (int)wlen, word, lo, hi);

    return rc ? -1 : 0;
}

/* A key whose value is one of a few names; names[i] stands for value i. */
struct choice {
    const char *key;
    const char *allowed;        /* for the error message */
    unsigned int nr;
    const char *names[4];
};

static const struct choice mode_choice = {
    "mode", "xen, natsume or probe", 3, { "xen", "natsume", "probe" },
};
static const struct choice fail_choice = {
    "fail", "none, crash, stuck or reset", 4,
    { "none", "crash", "stuck", "reset" },
};
static const struct choice idle_choice = {
    "idle", "block or poll", 2, { "block", "poll" },
};

/* out is an enum field: GCC and clang give enums without negative values
 * the type unsigned int. */
_Static_assert(sizeof(enum rtos_mode) == sizeof(unsigned int) &&
               sizeof(enum rtos_fail) == sizeof(unsigned int) &&
               sizeof(enum rtos_idle) == sizeof(unsigned int),
               "enum options are unsigned int");

static int choice_opt(const char *word, size_t wlen, const char *val,
                      size_t vlen, const struct choice *c, void *out,
                      char *err, size_t errlen)
{
    unsigned int i;

    for ( i = 0; i < c->nr; i++ )
        if ( word_is(val, vlen, c->names[i]) )
        {
            *(unsigned int *)out = i;
            return 0;
        }

    rt_snprintf(err, errlen, "bad option '%.*s': %s is %s",
                (int)wlen, word, c->key, c->allowed);

    return -1;
}

/* The name of value v, or of value 0 when v is out of range. */
static const char *choice_name(const struct choice *c, unsigned int v)
{
    return c->names[v < c->nr ? v : 0];
}

/* One "key=value" word. */
static int parse_word(const char *w, size_t len, struct rtos_opts *o,
                      char *err, size_t errlen)
{
    size_t klen = 0;
    const char *val;
    size_t vlen;

    while ( klen < len && w[klen] != '=' )
        klen++;

    if ( klen == len )
    {
        rt_snprintf(err, errlen, "bad option '%.*s': expected key=value",
                    (int)len, w);
        return -1;
    }

    val = w + klen + 1;
    vlen = len - klen - 1;

    if ( word_is(w, klen, "mode") )
        return choice_opt(w, len, val, vlen, &mode_choice, &o->mode,
                          err, errlen);

    if ( word_is(w, klen, "fail") )
        return choice_opt(w, len, val, vlen, &fail_choice, &o->fail,
                          err, errlen);

    if ( word_is(w, klen, "idle") )
        return choice_opt(w, len, val, vlen, &idle_choice, &o->idle,
                          err, errlen);

    if ( word_is(w, klen, "target") )
        return number_opt(w, len, val, vlen, 0, OPTS_MAX_DOMID, &o->target,
                          err, errlen);

    if ( word_is(w, klen, "ticks") )
        return number_opt(w, len, val, vlen, 1, OPTS_MAX_TICKS, &o->ticks,
                          err, errlen);

    if ( word_is(w, klen, "period_us") )
        return number_opt(w, len, val, vlen, 1, OPTS_MAX_PERIOD_US,
                          &o->period_us, err, errlen);

    if ( word_is(w, klen, "raw") )
        return number_opt(w, len, val, vlen, 0, 1, &o->raw, err, errlen);

    if ( word_is(w, klen, "nic_mmio") )
    {
        if ( parse_maddr(val, vlen, &o->nic_mmio) )
        {
            rt_snprintf(err, errlen, "bad option '%.*s': nic_mmio is the "
                        "NIC's BAR 0, a page-aligned hexadecimal machine "
                        "address (0x...)", (int)len, w);
            return -1;
        }
        return 0;
    }

    if ( word_is(w, klen, "nic_pirq") )
        return number_opt(w, len, val, vlen, 1, OPTS_MAX_PIRQ, &o->nic_pirq,
                          err, errlen);

    if ( word_is(w, klen, "delay_ms") )
        return number_opt(w, len, val, vlen, 0, OPTS_MAX_DELAY_MS,
                          &o->delay_ms, err, errlen);

    rt_snprintf(err, errlen,
                "unknown option '%.*s' (known: mode, ticks, period_us, "
                "raw, delay_ms, fail, idle, target, nic_mmio, nic_pirq)",
                (int)len, w);

    return -1;
}

int opts_parse(const char *cmdline, struct rtos_opts *o,
               char *err, size_t errlen)
{
    const char *p = cmdline ? cmdline : "";

    o->mode = RTOS_MODE_XEN;
    o->ticks = OPTS_DEFAULT_TICKS;
    o->period_us = OPTS_DEFAULT_PERIOD_US;
    o->raw = 0;
    o->delay_ms = 0;
    o->fail = RTOS_FAIL_NONE;
    o->idle = RTOS_IDLE_BLOCK;
    o->target = 0;
    o->nic_mmio = 0;
    o->nic_pirq = 0;
    if ( errlen )
        err[0] = '\0';

    for ( ; ; )
    {
        const char *w;

        while ( is_blank(*p) )
            p++;
        if ( !*p )
            break;

        w = p;
        while ( *p && !is_blank(*p) )
            p++;

        if ( parse_word(w, (size_t)(p - w), o, err, errlen) )
            return -1;
    }

    if ( !o->nic_mmio != !o->nic_pirq )
    {
        rt_snprintf(err, errlen, "bad options: nic_mmio and nic_pirq "
                    "go together (the passed-through NIC's BAR 0 and IRQ)");
        return -1;
    }

    return 0;
}

const char *opts_mode_name(enum rtos_mode mode)
{
    return choice_name(&mode_choice, mode);
}

const char *opts_fail_name(enum rtos_fail fail)
{
    return choice_name(&fail_choice, fail);
}

const char *opts_idle_name(enum rtos_idle idle)
{
    return choice_name(&idle_choice, idle);
}
