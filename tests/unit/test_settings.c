/*
 * test_settings: the kiosk's own settings in its data folder. The printer
 * device belongs to one PC, so it is read from DATA/settings.ini, not from
 * the shared content pack; a kiosk without the file runs with defaults,
 * and a mistake in it is named with file and line.
 */
#include "fake.h"

#include "core/settings.h"

static void test_no_file_means_defaults(void **state)
{
	struct settings s;
	struct err e = { "" };

	assert_int_equal(settings_load(&s, *state, &e), 0);
	assert_null(s.printer_device);
	assert_int_equal(s.volume, -1);
	settings_release(&s);
}

static void test_printer_device_and_volume(void **state)
{
	struct settings s;
	struct err e = { "" };

	fake_write(*state, "settings.ini",
		   "\xEF\xBB\xBF; deze kiosk heeft een bonnenprinter\n"
		   "[printer]\n"
		   "  device = /dev/usb/lp0\n"
		   "[sound]\n"
		   "volume = 80\n");
	assert_int_equal(settings_load(&s, *state, &e), 0);
	assert_non_null(s.printer_device);
	assert_string_equal(s.printer_device, "/dev/usb/lp0");
	assert_int_equal(s.volume, 80);
	settings_release(&s);
}

static void test_mistake_is_named_with_its_line(void **state)
{
	struct settings s;
	struct err e = { "" };

	fake_write(*state, "settings.ini",
		   "[printer]\n"
		   "device = /dev/usb/lp0\n"
		   "[sound]\n"
		   "volume = hard\n");
	assert_int_equal(settings_load(&s, *state, &e), -1);
	assert_non_null(strstr(e.msg, "settings.ini:4"));
	assert_non_null(strstr(e.msg, "volume"));
	/* and nothing half-read is kept */
	assert_null(s.printer_device);
	settings_release(&s);

	fake_write(*state, "settings.ini", "[printer]\npaper = 80\n");
	assert_int_equal(settings_load(&s, *state, &e), -1);
	assert_non_null(strstr(e.msg, "settings.ini:2: unknown setting"));
	settings_release(&s);
}

static void test_signup_public_key(void **state)
{
	struct settings s;
	struct err e = { "" };

	assert_int_equal(settings_load(&s, *state, &e), 0);
	assert_string_equal(s.signup_public_key, "");
	settings_release(&s);
	fake_write(
		*state, "settings.ini",
		"[signups]\n"
		"public_key = q83vEjRWeJASNFZ4kBI0VniQEjRWeJASNFZ4kBI0Vng=\n");
	assert_int_equal(settings_load(&s, *state, &e), 0);
	assert_string_equal(s.signup_public_key,
			    "q83vEjRWeJASNFZ4kBI0VniQEjRWeJASNFZ4kBI0Vng=");
	settings_release(&s);
	/* a key with a character lost in copying */
	fake_write(
		*state, "settings.ini",
		"[sound]\nvolume = 50\n[signups]\n"
		"public_key = q83vEjRWeJASNFZ4kBI0VniQEjRWeJASNFZ4kBI0Vn=\n");
	assert_int_equal(settings_load(&s, *state, &e), -1);
	assert_non_null(strstr(e.msg, "settings.ini:4: public_key"));
	assert_non_null(strstr(e.msg, "kioskctl keygen"));
	assert_string_equal(s.signup_public_key, "");
	settings_release(&s);
}

/* Leaving for the desktop is off unless the caretaker turns it on. */
static void test_staff_desktop(void **state)
{
	struct settings s;
	struct err e = { "" };

	assert_int_equal(settings_load(&s, *state, &e), 0);
	assert_int_equal(s.staff_desktop, 0);
	settings_release(&s);
	fake_write(*state, "settings.ini", "[staff]\ndesktop = ja\n");
	assert_int_equal(settings_load(&s, *state, &e), 0);
	assert_int_equal(s.staff_desktop, 1);
	settings_release(&s);
	fake_write(*state, "settings.ini", "[staff]\ndesktop = yes\n");
	assert_int_equal(settings_load(&s, *state, &e), -1);
	assert_non_null(strstr(e.msg, "settings.ini:2: desktop must be"));
	assert_int_equal(s.staff_desktop, 0);
	settings_release(&s);
}

static void test_kiosk_name(void **state)
{
	struct settings s;
	struct err e = { "" };

	assert_int_equal(settings_load(&s, *state, &e), 0);
	assert_string_equal(s.name, "");
	settings_release(&s);
	fake_write(*state, "settings.ini", "[kiosk]\nname = ussen-1\n");
	assert_int_equal(settings_load(&s, *state, &e), 0);
	assert_string_equal(s.name, "ussen-1");
	settings_release(&s);
	/* it goes into file names: no spaces, slashes or capitals */
	fake_write(*state, "settings.ini", "[kiosk]\nname = ../Ussen 1\n");
	assert_int_equal(settings_load(&s, *state, &e), -1);
	assert_non_null(strstr(e.msg, "settings.ini:2: kiosk name"));
	settings_release(&s);
}

#define T(f)                                                                   \
	cmocka_unit_test_setup_teardown(f, fake_tmp_setup, fake_tmp_teardown)

int main(void)
{
	const struct CMUnitTest tests[] = {
		T(test_no_file_means_defaults),
		T(test_printer_device_and_volume),
		T(test_mistake_is_named_with_its_line),
		T(test_signup_public_key),
		T(test_kiosk_name),
		T(test_staff_desktop),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
