/* SPDX-License-Identifier: GPL-2.0-only */
/* The probe's command line: cpu0=busy|idle cpu1=poll|hlt n=N. */
#include "floor/probe.h"

static int word_is(const char *s, const char *w)
{
    while ( *w && *s == *w )
        s++, w++;
    return !*w && (*s == ' ' || *s == '\0');
}

static const char *next_word(const char *s)
{
    while ( *s && *s != ' ' )
        s++;
    while ( *s == ' ' )
        s++;
    return s;
}

/* 0, or -1 on a word it does not know. */
int parse_opts(const char *s, struct probe_opts *o)
{
    while ( *s == ' ' )
        s++;
    for ( ; *s; s = next_word(s) )
    {
        if ( word_is(s, "cpu0=busy") )
            o->cpu0_busy = 1;
        else if ( word_is(s, "cpu0=idle") )
            o->cpu0_busy = 0;
        else if ( word_is(s, "cpu1=poll") )
            o->cpu1_poll = 1;
        else if ( word_is(s, "cpu1=hlt") )
            o->cpu1_poll = 0;
        else if ( s[0] == 'n' && s[1] == '=' )
        {
            unsigned int n = 0;
            const char *p = s + 2;

            if ( *p < '0' || *p > '9' )
                return -1;
            for ( ; *p >= '0' && *p <= '9'; p++ )
            {
                n = n * 10 + (*p - '0');
                if ( n > MAX_SAMPLES )
                    return -1;
            }
            if ( *p != ' ' && *p != '\0' )
                return -1;
            if ( n == 0 )
                return -1;
            o->samples = n;
        }
        else
            return -1;
    }
    return 0;
}
