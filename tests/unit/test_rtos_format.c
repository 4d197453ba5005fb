/* SPDX-License-Identifier: GPL-2.0-only */
/* Unit tests of the demo RTOS guest's snprintf and TSC conversion. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <string.h>
#include <cmocka.h>

#include "rtos/format.h"
#include "rtos/pvclock.h"

/* rt_snprintf into a large buffer must give exactly want. */
#define CHECK(want, ...)                                            \
    do {                                                            \
        char buf_[256];                                             \
        int n_ = rt_snprintf(buf_, sizeof(buf_), __VA_ARGS__);      \
        assert_string_equal(buf_, want);                            \
        assert_int_equal(n_, strlen(want));                         \
    } while ( 0 )

static void test_integers(void **state)
{
    (void)state;
    CHECK("0", "%d", 0);
    CHECK("-42 42", "%d %i", -42, 42);
    CHECK("4294967295", "%u", 4294967295U);
    CHECK("-2147483648", "%d", (int)-2147483647 - 1);
    CHECK("18446744073709551615", "%llu", 18446744073709551615ULL);
    CHECK("-9223372036854775808", "%lld", (long long)(-9223372036854775807LL - 1));
    CHECK("9223372036854775807", "%ld", 9223372036854775807L);
    CHECK("123456789012", "%zu", (size_t)123456789012ULL);
    CHECK("ff FF deadbeef", "%x %X %lx", 255, 255, 0xdeadbeefUL);
}

static void test_widths(void **state)
{
    (void)state;
    CHECK("   42|42   |00042", "%5d|%-5d|%05d", 42, 42, 42);
    CHECK("-0042|  -42|-42  ", "%05d|%5d|%-5d", -42, -42, -42);
    CHECK("  abc|abc  |ab", "%5s|%-5s|%.2s", "abc", "abc", "abcdef");
    CHECK("   ab", "%*.*s", 5, 2, "abcdef");
    CHECK("7    |", "%-*d|", 5, 7);
    CHECK("7    |", "%*d|", -5, 7);
    CHECK("123456", "%3d", 123456);
    CHECK("00ff", "%04x", 255);
}

static void test_others(void **state)
{
    const char *volatile null = NULL;

    (void)state;
    CHECK("x|  y|100%", "%c|%3c|%d%%", 'x', 'y', 100);
    CHECK("(null)", "%s", null);
    CHECK("0x1000", "%p", (void *)0x1000);
    CHECK("plain text", "plain text");
}

static void test_truncation(void **state)
{
    char buf[8];
    int n;

    (void)state;
    memset(buf, 'x', sizeof(buf));
    n = rt_snprintf(buf, sizeof(buf), "%s-%d", "abcdef", 12345);
    assert_int_equal(n, 12);
    assert_string_equal(buf, "abcdef-");

    n = rt_snprintf(buf, 1, "abc");
    assert_int_equal(n, 3);
    assert_string_equal(buf, "");

    /* size 0: nothing is written, the length is still returned. */
    buf[0] = 'q';
    assert_int_equal(rt_snprintf(buf, 0, "%u", 1234U), 4);
    assert_int_equal(buf[0], 'q');
    assert_int_equal(rt_snprintf(NULL, 0, "%u", 1234U), 4);
}

static void test_pvclock_scale(void **state)
{
    (void)state;
    /* 2 GHz TSC: mul = 0.5 * 2^32, no shift. */
    assert_int_equal(pvclock_scale(1000, 0x80000000U, 0), 500);
    assert_int_equal(pvclock_scale(1000, 0x80000000U, 1), 1000);
    assert_int_equal(pvclock_scale(1000, 0x80000000U, -2), 125);
    /* The product needs more than 64 bits. */
    assert_int_equal(pvclock_scale(1ULL << 40, 0xffffffffU, 0),
                     (1ULL << 40) - (1ULL << 8));
    assert_int_equal(pvclock_scale(0, 0xffffffffU, 3), 0);
}

static void test_pvclock_ns(void **state)
{
    const struct pvclock c = {
        .tsc_timestamp = 1000000,
        .system_time = 5000000000ULL,
        .mul = 0x80000000U,         /* 2 GHz */
        .shift = 0,
    };

    (void)state;
    assert_int_equal(pvclock_ns(&c, 1000000), 5000000000ULL);
    assert_int_equal(pvclock_ns(&c, 3000000), 5001000000ULL);
    /* TSC read just before the record was refreshed. */
    assert_int_equal(pvclock_ns(&c, 999000), 4999999500ULL);
}

static void test_pvclock_stamps(void **state)
{
    /* 2 GHz TSC near the top of its range; one stamp went back. */
    uint64_t st[] = { 0xfffffff000000000ULL, 0xfffffff000000000ULL + 2000000,
                      0xfffffff000000000ULL + 4000002,
                      0xfffffff000000000ULL - 10 };

    (void)state;
    pvclock_stamps_to_ns(st, 4, 0x80000000U, 0);
    assert_int_equal(st[0], 0);
    assert_int_equal(st[1], 1000000);
    assert_int_equal(st[2], 2000001);
    assert_int_equal(st[3], 0);

    /* Nothing to do, nothing touched. */
    pvclock_stamps_to_ns(NULL, 0, 0x80000000U, 0);
}

static void test_pvclock_khz(void **state)
{
    (void)state;
    assert_int_equal(pvclock_tsc_khz(0x80000000U, 0), 2000000);
    assert_int_equal(pvclock_tsc_khz(0x80000000U, 1), 1000000);
    assert_int_equal(pvclock_tsc_khz(0x80000000U, -1), 4000000);
    assert_int_equal(pvclock_tsc_khz(0, 0), 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_integers),
        cmocka_unit_test(test_widths),
        cmocka_unit_test(test_others),
        cmocka_unit_test(test_truncation),
        cmocka_unit_test(test_pvclock_scale),
        cmocka_unit_test(test_pvclock_ns),
        cmocka_unit_test(test_pvclock_stamps),
        cmocka_unit_test(test_pvclock_khz),
    };

    return cmocka_run_group_tests_name("rtos_format", tests, NULL, NULL);
}
