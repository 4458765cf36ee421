/*
 * settings: reading the kiosk's own settings.ini. It is small and written
 * by the person who sets up the PC, so the first problem stops the reading
 * and is returned as `file:line: reason`; the caller logs it and runs with
 * the defaults.
 */
#include "core/settings.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "base/util.h"
#include "core/kv.h"

struct settings_parse {
	struct settings *s;
	const char *path;
	struct err *e;
	int failed;
};

static void settings_problem(void *ctx, enum kv_problem what, int line)
{
	struct settings_parse *p = ctx;

	if (!p->failed)
		err_set(p->e, "%s:%d: %s", p->path, line,
			kv_problem_name(what));
	p->failed = 1;
}

static int settings_key(void *ctx, const char *section, const char *key,
			const char *value, int line)
{
	struct settings_parse *p = ctx;
	struct settings *s = p->s;

	if (strcmp(section, "printer") == 0 && strcmp(key, "device") == 0) {
		if (value[0] != '/') {
			err_set(p->e,
				"%s:%d: printer device '%s' is not an absolute "
				"path",
				p->path, line, value);
			goto fail;
		}
		free(s->printer_device);
		s->printer_device = str_dup(value);
		return 0;
	}
	if (strcmp(section, "staff") == 0 && strcmp(key, "desktop") == 0) {
		if (strcmp(value, "ja") != 0 && strcmp(value, "nee") != 0) {
			err_set(p->e, "%s:%d: desktop must be 'ja' or 'nee'",
				p->path, line);
			goto fail;
		}
		s->staff_desktop = strcmp(value, "ja") == 0;
		return 0;
	}
	if (strcmp(section, "usb") == 0 && strcmp(key, "path") == 0) {
		if (value[0] != '/') {
			err_set(p->e,
				"%s:%d: usb path '%s' is not an absolute path",
				p->path, line, value);
			goto fail;
		}
		free(s->usb_path);
		s->usb_path = str_dup(value);
		return 0;
	}
	if (strcmp(section, "sound") == 0 && strcmp(key, "volume") == 0) {
		char *end;
		long v = strtol(value, &end, 10);

		if (end == value || *end || v < 0 || v > 100) {
			err_set(p->e,
				"%s:%d: volume must be a number from 0 to 100, "
				"not '%s'",
				p->path, line, value);
			goto fail;
		}
		s->volume = (int)v;
		return 0;
	}
	if (strcmp(section, "signups") == 0 && strcmp(key, "public_key") == 0) {
		uint8_t k[SEAL_PUBLIC_BYTES];

		if (seal_key_parse(k, value, NULL) < 0) {
			err_set(p->e,
				"%s:%d: public_key is not a key made by "
				"'kioskctl keygen' (44 characters of base64, "
				"from staff.pub)",
				p->path, line);
			goto fail;
		}
		str_copy(s->signup_public_key, sizeof(s->signup_public_key),
			 value);
		str_trim(s->signup_public_key);
		return 0;
	}
	if (strcmp(section, "kiosk") == 0 && strcmp(key, "name") == 0) {
		size_t i, n = strlen(value);

		for (i = 0; i < n; i++)
			if (!((value[i] >= 'a' && value[i] <= 'z') ||
			      (value[i] >= '0' && value[i] <= '9') ||
			      value[i] == '-' || value[i] == '_'))
				break;
		if (n == 0 || n >= SETTINGS_NAME_MAX || i < n) {
			err_set(p->e,
				"%s:%d: kiosk name '%s' must be 1 to %d "
				"small letters, digits, '-' or '_'",
				p->path, line, value, SETTINGS_NAME_MAX - 1);
			goto fail;
		}
		str_copy(s->name, sizeof(s->name), value);
		return 0;
	}
	err_set(p->e, "%s:%d: unknown setting '%s' in [%s]", p->path, line, key,
		section);
fail:
	p->failed = 1;
	return -1;
}

int settings_load(struct settings *s, const char *data_dir, struct err *e)
{
	static const struct kv_handler h = { settings_key, settings_problem };
	struct settings_parse p = { .s = s, .e = e };
	char path[4096];
	struct err fe;
	size_t len;
	char *buf;

	memset(s, 0, sizeof(*s));
	s->volume = -1;
	snprintf(path, sizeof(path), "%s/%s", data_dir, SETTINGS_FILE);
	p.path = path;
	if (access(path, F_OK) != 0 && errno == ENOENT)
		return 0; /* no settings: all defaults */
	buf = file_read(path, 1u << 16, &len, &fe);
	if (!buf)
		return err_set(e, "%s", fe.msg);
	kv_parse(buf, len, &h, &p);
	free(buf);
	if (p.failed) {
		settings_release(s);
		return -1;
	}
	return 0;
}

void settings_release(struct settings *s)
{
	free(s->printer_device);
	free(s->usb_path);
	memset(s, 0, sizeof(*s));
	s->volume = -1;
}
