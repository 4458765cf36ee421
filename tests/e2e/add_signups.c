/*
 * add_signups: a test fixture for tests/e2e/signups.sh. Saves sign-ups
 * into DATA/aanmeldingen.sqlite through the same store the kiosk uses,
 * one per line of standard input (initiative TAB name TAB contact), as
 * the kiosk's sign-up screen would. Not installed, never part of the
 * kiosk or kioskctl.
 *
 *   add-signups DATA YYYY-MM-DD KEEP_DAYS [PUBLIC_KEY_FILE] < lines
 *   add-signups --purge-expired DATA YYYY-MM-DD
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/err.h"
#include "base/util.h"
#include "core/content/content.h"
#include "core/seal.h"
#include "core/store/signups.h"

static int fail(const char *what, const struct err *e)
{
	fprintf(stderr, "add-signups: %s: %s\n", what, e->msg);
	return 1;
}

int main(int argc, char **argv)
{
	uint8_t pub[SEAL_PUBLIC_BYTES];
	char path[4096], line[4096];
	struct signups *s;
	struct err e = { "" };
	int day, keep, n = 0, purge;

	purge = argc == 4 && strcmp(argv[1], "--purge-expired") == 0;

	if (purge) {
		argv++;
		argc = 3;
	}
	if (argc < 3 || (!purge && argc < 4) || argc > 5 ||
	    date_parse(argv[2], &day) < 0) {
		fprintf(stderr, "usage: add-signups DATA YYYY-MM-DD KEEP_DAYS "
				"[PUBLIC_KEY_FILE] < lines\n"
				"       add-signups --purge-expired DATA "
				"YYYY-MM-DD\n");
		return 2;
	}
	if (argc == 5) {
		size_t len;
		char *text = file_read(argv[4], 4096, &len, &e);

		if (!text || seal_key_parse(pub, text, &e) < 0)
			return fail(argv[4], &e);
		free(text);
	}
	snprintf(path, sizeof(path), "%s/" SIGNUPS_FILE, argv[1]);
	s = signups_open(path, day, argc == 5 ? pub : NULL, &e);
	if (!s)
		return fail("open", &e);
	if (purge) {
		if (signups_purge_expired(s, day, &n, &e) < 0)
			return fail("purge", &e);
		printf("%d purged\n", n);
		signups_close(s);
		return 0;
	}
	keep = atoi(argv[3]);
	while (fgets(line, sizeof(line), stdin)) {
		char *init = line, *name, *contact;
		struct signup_in in;

		line[strcspn(line, "\n")] = '\0';
		name = strchr(init, '\t');
		contact = name ? strchr(name + 1, '\t') : NULL;
		if (!contact)
			continue;
		*name++ = '\0';
		*contact++ = '\0';
		in.initiative = init;
		in.name = name;
		in.contact = contact;
		in.consent_hash = "0f3e9a7c21b4d685";
		if (signups_add(s, &in, day, keep, &e) < 0) {
			signups_close(s);
			return fail("add", &e);
		}
		n++;
	}
	signups_close(s);
	printf("%d added\n", n);
	return 0;
}
