/* SPDX-License-Identifier: GPL-2.0-only */
/* Unit tests of the demo RTOS guest's command line parsing. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <string.h>
#include <cmocka.h>

#include "rtos/opts.h"

static void test_defaults(void **state)
{
    struct rtos_opts o;
    char err[128];

    (void)state;
    assert_int_equal(opts_parse("", &o, err, sizeof(err)), 0);
    assert_int_equal(o.mode, RTOS_MODE_XEN);
    assert_int_equal(o.ticks, 5001);
    assert_int_equal(o.period_us, 1000);
    assert_string_equal(err, "");

    assert_int_equal(opts_parse(NULL, &o, err, sizeof(err)), 0);
    assert_int_equal(o.ticks, OPTS_DEFAULT_TICKS);

    assert_int_equal(opts_parse(" \t \n", &o, err, sizeof(err)), 0);
    assert_int_equal(o.period_us, OPTS_DEFAULT_PERIOD_US);
}

static void test_all_keys(void **state)
{
    struct rtos_opts o;
    char err[128];

    (void)state;
    assert_int_equal(opts_parse("mode=natsume ticks=1001 period_us=500",
                                &o, err, sizeof(err)), 0);
    assert_int_equal(o.mode, RTOS_MODE_NATSUME);
    assert_int_equal(o.ticks, 1001);
    assert_int_equal(o.period_us, 500);

    assert_int_equal(opts_parse("  period_us=1\tmode=xen   ticks=200000 ",
                                &o, err, sizeof(err)), 0);
    assert_int_equal(o.mode, RTOS_MODE_XEN);
    assert_int_equal(o.ticks, 200000);
    assert_int_equal(o.period_us, 1);
}

static void test_last_wins(void **state)
{
    struct rtos_opts o;
    char err[128];

    (void)state;
    assert_int_equal(opts_parse("ticks=5 ticks=7 mode=natsume mode=xen",
                                &o, err, sizeof(err)), 0);
    assert_int_equal(o.ticks, 7);
    assert_int_equal(o.mode, RTOS_MODE_XEN);
}

static void test_limits(void **state)
{
    struct rtos_opts o;
    char err[128];

    (void)state;
    assert_int_equal(opts_parse("ticks=1 period_us=1000000", &o, err,
                                sizeof(err)), 0);
    assert_int_equal(o.ticks, 1);
    assert_int_equal(o.period_us, 1000000);
    assert_int_equal(opts_parse("ticks=000012", &o, err, sizeof(err)), 0);
    assert_int_equal(o.ticks, 12);
}

/* Parsing must fail with exactly this message. */
static void fails(const char *cmdline, const char *msg)
{
    struct rtos_opts o;
    char err[128];

    assert_int_equal(opts_parse(cmdline, &o, err, sizeof(err)), -1);
    assert_string_equal(err, msg);
}

static void test_bad_numbers(void **state)
{
    (void)state;
    fails("ticks=0", "bad option 'ticks=0': must be from 1 to 200000");
    fails("ticks=200001",
          "bad option 'ticks=200001': must be from 1 to 200000");
    fails("ticks=99999999999999999999999",
          "bad option 'ticks=99999999999999999999999': "
          "must be from 1 to 200000");
    fails("ticks=abc", "bad option 'ticks=abc': not a number");
    fails("ticks=", "bad option 'ticks=': not a number");
    fails("ticks=-5", "bad option 'ticks=-5': not a number");
    fails("ticks=12x", "bad option 'ticks=12x': not a number");
    fails("ticks=0x10", "bad option 'ticks=0x10': not a number");
    fails("period_us=0",
          "bad option 'period_us=0': must be from 1 to 1000000");
    fails("period_us=1000001",
          "bad option 'period_us=1000001': must be from 1 to 1000000");
}

static void test_bad_words(void **state)
{
    (void)state;
    fails("mode=hpet",
          "bad option 'mode=hpet': mode is xen, natsume or probe");
    fails("mode=", "bad option 'mode=': mode is xen, natsume or probe");
    fails("mode=xenx",
          "bad option 'mode=xenx': mode is xen, natsume or probe");
    fails("foo=1", "unknown option 'foo=1' (known: mode, ticks, period_us, raw, delay_ms, fail, idle, target, nic_mmio, nic_pirq)");
    fails("ticks=5 verbose", "bad option 'verbose': expected key=value");
    fails("=5", "unknown option '=5' (known: mode, ticks, period_us, raw, delay_ms, fail, idle, target, nic_mmio, nic_pirq)");
    fails("tick=5", "unknown option 'tick=5' (known: mode, ticks, period_us, raw, delay_ms, fail, idle, target, nic_mmio, nic_pirq)");
    fails("Ticks=5",
          "unknown option 'Ticks=5' (known: mode, ticks, period_us, raw, delay_ms, fail, idle, target, nic_mmio, nic_pirq)");
}

static void test_error_truncated(void **state)
{
    struct rtos_opts o;
    char err[12];

    (void)state;
    assert_int_equal(opts_parse("ticks=abc", &o, err, sizeof(err)), -1);
    assert_string_equal(err, "bad option ");
    /* No room at all for the message: still reports the failure. */
    assert_int_equal(opts_parse("ticks=abc", &o, NULL, 0), -1);
}

static void test_raw(void **state)
{
    struct rtos_opts o;
    char err[128];

    (void)state;
    assert_int_equal(opts_parse("", &o, err, sizeof(err)), 0);
    assert_int_equal(o.raw, 0);
    assert_int_equal(opts_parse("raw=1", &o, err, sizeof(err)), 0);
    assert_int_equal(o.raw, 1);
    assert_int_equal(opts_parse("raw=1 raw=0", &o, err, sizeof(err)), 0);
    assert_int_equal(o.raw, 0);
    fails("raw=2", "bad option 'raw=2': must be from 0 to 1");
    fails("raw=yes", "bad option 'raw=yes': not a number");
}

static void test_delay(void **state)
{
    struct rtos_opts o;
    char err[128];

    (void)state;
    assert_int_equal(opts_parse("", &o, err, sizeof(err)), 0);
    assert_int_equal(o.delay_ms, 0);
    assert_int_equal(opts_parse("delay_ms=60000", &o, err, sizeof(err)), 0);
    assert_int_equal(o.delay_ms, 60000);
    fails("delay_ms=60001", "bad option 'delay_ms=60001': must be from 0 to 60000");
}

static void test_mode_name(void **state)
{
    (void)state;
    assert_string_equal(opts_mode_name(RTOS_MODE_XEN), "xen");
    assert_string_equal(opts_mode_name(RTOS_MODE_NATSUME), "natsume");
    assert_string_equal(opts_mode_name(RTOS_MODE_PROBE), "probe");
    assert_string_equal(opts_fail_name(RTOS_FAIL_NONE), "none");
    assert_string_equal(opts_fail_name(RTOS_FAIL_CRASH), "crash");
    assert_string_equal(opts_fail_name(RTOS_FAIL_STUCK), "stuck");
    assert_string_equal(opts_fail_name(RTOS_FAIL_RESET), "reset");
}

static void test_fail_modes(void **state)
{
    struct rtos_opts o;
    char err[128];

    (void)state;
    assert_int_equal(opts_parse("mode=natsume", &o, err, sizeof(err)), 0);
    assert_int_equal(o.fail, RTOS_FAIL_NONE);
    assert_int_equal(opts_parse("mode=natsume ticks=300 fail=crash", &o, err,
                                sizeof(err)), 0);
    assert_int_equal(o.fail, RTOS_FAIL_CRASH);
    assert_int_equal(o.ticks, 300);
    assert_int_equal(opts_parse("fail=stuck", &o, err, sizeof(err)), 0);
    assert_int_equal(o.fail, RTOS_FAIL_STUCK);
    assert_int_equal(opts_parse("fail=stuck fail=none", &o, err,
                                sizeof(err)), 0);
    assert_int_equal(o.fail, RTOS_FAIL_NONE);

    fails("fail=", "bad option 'fail=': fail is none, crash, stuck or reset");
    fails("fail=hang", "bad option 'fail=hang': fail is none, crash, stuck or reset");
    fails("fail=Crash",
          "bad option 'fail=Crash': fail is none, crash, stuck or reset");
}

static void test_idle(void **state)
{
    struct rtos_opts o;
    char err[128];

    (void)state;
    assert_int_equal(opts_parse("mode=natsume", &o, err, sizeof(err)), 0);
    assert_int_equal(o.idle, RTOS_IDLE_BLOCK);
    assert_int_equal(opts_parse("mode=natsume idle=poll", &o, err,
                                sizeof(err)), 0);
    assert_int_equal(o.idle, RTOS_IDLE_POLL);
    assert_int_equal(opts_parse("idle=poll idle=block", &o, err,
                                sizeof(err)), 0);
    assert_int_equal(o.idle, RTOS_IDLE_BLOCK);
    assert_string_equal(opts_idle_name(RTOS_IDLE_BLOCK), "block");
    assert_string_equal(opts_idle_name(RTOS_IDLE_POLL), "poll");

    fails("idle=", "bad option 'idle=': idle is block or poll");
    fails("idle=spin", "bad option 'idle=spin': idle is block or poll");
}

static void test_nic(void **state)
{
    struct rtos_opts o;
    char err[200];

    (void)state;
    assert_int_equal(opts_parse("", &o, err, sizeof(err)), 0);
    assert_true(o.nic_mmio == 0);
    assert_int_equal(o.nic_pirq, 0);
    assert_int_equal(opts_parse("nic_mmio=0xfeBA0000 nic_pirq=22", &o, err,
                                sizeof(err)), 0);
    assert_true(o.nic_mmio == 0xfeba0000ULL);
    assert_int_equal(o.nic_pirq, 22);
    assert_int_equal(opts_parse("nic_pirq=65535 nic_mmio=0xffffffffff000",
                                &o, err, sizeof(err)), 0);
    assert_true(o.nic_mmio == 0xffffffffff000ULL);

    fails("nic_mmio=0xfeba0000",
          "bad options: nic_mmio and nic_pirq go together (the "
          "passed-through NIC's BAR 0 and IRQ)");
    fails("nic_pirq=11",
          "bad options: nic_mmio and nic_pirq go together (the "
          "passed-through NIC's BAR 0 and IRQ)");
    fails("nic_mmio=feba0000 nic_pirq=11",
          "bad option 'nic_mmio=feba0000': nic_mmio is the NIC's BAR 0, a "
          "page-aligned hexadecimal machine address (0x...)");
    fails("nic_mmio=0xfeba0010 nic_pirq=11",
          "bad option 'nic_mmio=0xfeba0010': nic_mmio is the NIC's BAR 0, a "
          "page-aligned hexadecimal machine address (0x...)");
    fails("nic_mmio=0x nic_pirq=11",
          "bad option 'nic_mmio=0x': nic_mmio is the NIC's BAR 0, a "
          "page-aligned hexadecimal machine address (0x...)");
    fails("nic_mmio=0x0 nic_pirq=11",
          "bad option 'nic_mmio=0x0': nic_mmio is the NIC's BAR 0, a "
          "page-aligned hexadecimal machine address (0x...)");
    fails("nic_mmio=0x10000000000000 nic_pirq=11",
          "bad option 'nic_mmio=0x10000000000000': nic_mmio is the NIC's "
          "BAR 0, a page-aligned hexadecimal machine address (0x...)");
    fails("nic_mmio=0xfeba000g nic_pirq=11",
          "bad option 'nic_mmio=0xfeba000g': nic_mmio is the NIC's BAR 0, a "
          "page-aligned hexadecimal machine address (0x...)");
    fails("nic_mmio=0xfeba0000 nic_pirq=0",
          "bad option 'nic_pirq=0': must be from 1 to 65535");
}

static void test_probe(void **state)
{
    struct rtos_opts o;
    char err[128];

    (void)state;
    assert_int_equal(opts_parse("mode=probe", &o, err, sizeof(err)), 0);
    assert_int_equal(o.mode, RTOS_MODE_PROBE);
    assert_int_equal(o.target, 0);
    assert_int_equal(opts_parse("mode=probe target=7", &o, err, sizeof(err)),
                     0);
    assert_int_equal(o.target, 7);
    assert_int_equal(opts_parse("target=32751", &o, err, sizeof(err)), 0);
    assert_int_equal(o.target, OPTS_MAX_DOMID);

    fails("target=32752",
          "bad option 'target=32752': must be from 0 to 32751");
    fails("target=self", "bad option 'target=self': not a number");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_defaults),
        cmocka_unit_test(test_all_keys),
        cmocka_unit_test(test_last_wins),
        cmocka_unit_test(test_limits),
        cmocka_unit_test(test_bad_numbers),
        cmocka_unit_test(test_bad_words),
        cmocka_unit_test(test_error_truncated),
        cmocka_unit_test(test_raw),
        cmocka_unit_test(test_delay),
        cmocka_unit_test(test_mode_name),
        cmocka_unit_test(test_fail_modes),
        cmocka_unit_test(test_idle),
        cmocka_unit_test(test_probe),
        cmocka_unit_test(test_nic),
    };

    return cmocka_run_group_tests_name("rtos_opts", tests, NULL, NULL);
}
