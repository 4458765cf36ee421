/*
 * test_pickup: the rule for showing a pack that staff installed while the
 * kiosk runs. The kiosk looks at the installed pack every few seconds of
 * its clock (here a simulated one); a new pack goes on screen at the first
 * look while the kiosk rests, never while a visitor is being served, and
 * a pack is taken up once, so a pack that does not load is not retried
 * every few seconds.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>

#include <cmocka.h>

#include "core/app/pickup.h"

#define T0   1000000u /* any fixed start of the simulated clock */
#define OLD  "/data/packs/ussen-1"
#define NEW  "/data/packs/ussen-2"
#define REST 1
#define BUSY 0

/* Moves the clock to now and, when a look is due, asks what to do with
 * the installed pack; KEEP when no look was due. */
static enum pickup_action look(struct pickup *pk, uint64_t now,
			       const char *installed, int resting)
{
	if (!pickup_due(pk, now))
		return PICKUP_KEEP;
	return pickup_decide(pk, installed, resting);
}

static void test_new_pack_is_shown_at_the_next_look(void **state)
{
	struct pickup pk;

	(void)state;
	pickup_init(&pk, OLD, T0);
	assert_int_equal(look(&pk, T0 + 1, NEW, REST), PICKUP_KEEP);
	assert_int_equal(pickup_wakeup_in(&pk, T0 + 1), PICKUP_LOOK_MS - 1);
	assert_int_equal(look(&pk, T0 + PICKUP_LOOK_MS, NEW, REST),
			 PICKUP_SWITCH);
	/* once shown, it is the pack in use: no second switch */
	assert_int_equal(look(&pk, T0 + 2 * PICKUP_LOOK_MS, NEW, REST),
			 PICKUP_KEEP);
}

static void test_no_switch_while_a_visitor_is_served(void **state)
{
	struct pickup pk;
	uint64_t t = T0;
	int i;

	(void)state;
	pickup_init(&pk, OLD, t);
	/* a visitor reads for a minute: the pack waits */
	for (i = 0; i < 20; i++) {
		t += PICKUP_LOOK_MS;
		assert_int_equal(look(&pk, t, NEW, BUSY), PICKUP_WAIT);
	}
	/* the idle wipe brings the attract screen: the next look switches */
	t += PICKUP_LOOK_MS;
	assert_int_equal(look(&pk, t, NEW, REST), PICKUP_SWITCH);
}

static void test_same_pack_is_not_loaded_again(void **state)
{
	struct pickup pk;

	(void)state;
	pickup_init(&pk, OLD, T0);
	assert_int_equal(look(&pk, T0 + PICKUP_LOOK_MS, OLD, REST),
			 PICKUP_KEEP);
}

static void test_a_pack_is_tried_once(void **state)
{
	struct pickup pk;

	(void)state;
	/* the caller could not load NEW after the switch; it stays on OLD
	 * and is not told to load NEW again */
	pickup_init(&pk, OLD, T0);
	assert_int_equal(look(&pk, T0 + PICKUP_LOOK_MS, NEW, REST),
			 PICKUP_SWITCH);
	assert_int_equal(look(&pk, T0 + 2 * PICKUP_LOOK_MS, NEW, REST),
			 PICKUP_KEEP);
	/* a later install (or a rollback to OLD) is taken up again */
	assert_int_equal(look(&pk, T0 + 3 * PICKUP_LOOK_MS, OLD, REST),
			 PICKUP_SWITCH);
}

static void test_first_install_on_a_demo_kiosk(void **state)
{
	struct pickup pk;

	(void)state;
	/* started with no pack installed (the demo pack shows) */
	pickup_init(&pk, NULL, T0);
	assert_int_equal(look(&pk, T0 + PICKUP_LOOK_MS, NULL, REST),
			 PICKUP_KEEP);
	assert_int_equal(look(&pk, T0 + 2 * PICKUP_LOOK_MS, NEW, REST),
			 PICKUP_SWITCH);
}

static void test_not_watching_never_switches(void **state)
{
	struct pickup pk = { 0 }; /* --content given: nothing watched */

	(void)state;
	assert_int_equal(pickup_wakeup_in(&pk, T0), -1);
	assert_int_equal(look(&pk, T0 + 10 * PICKUP_LOOK_MS, NEW, REST),
			 PICKUP_KEEP);
	assert_int_equal(pickup_decide(&pk, NEW, REST), PICKUP_KEEP);
}

static void test_a_late_look_plans_the_next_from_now(void **state)
{
	struct pickup pk;
	uint64_t late = T0 + 10 * PICKUP_LOOK_MS;

	(void)state;
	/* a suspended machine wakes: one look, not ten in a row */
	pickup_init(&pk, OLD, T0);
	assert_true(pickup_due(&pk, late));
	assert_false(pickup_due(&pk, late + 1));
	assert_int_equal(pickup_wakeup_in(&pk, late), PICKUP_LOOK_MS);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_new_pack_is_shown_at_the_next_look),
		cmocka_unit_test(test_no_switch_while_a_visitor_is_served),
		cmocka_unit_test(test_same_pack_is_not_loaded_again),
		cmocka_unit_test(test_a_pack_is_tried_once),
		cmocka_unit_test(test_first_install_on_a_demo_kiosk),
		cmocka_unit_test(test_not_watching_never_switches),
		cmocka_unit_test(test_a_late_look_plans_the_next_from_now),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
