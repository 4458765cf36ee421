/*
 * pin: the staff PIN's rules, its Argon2id hash and the lockout; see
 * pin.h.
 */
#include "core/pin.h"

#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "base/log.h"
#include "base/util.h"

/* ---- rules ---- */

/* PINs people pick first that the patterns below do not already catch. */
static const char *const common_pins[] = {
	"112233", "121212", "123321", "131313", "147258", "159753",
	"101010", "102030", "111222", "696969", "789456", "147852",
	"258369", "753951", "135790", "246810", "200000", "100000",
};

/* A block of 1 to 3 digits repeated to the end (121212, 123123). */
static int repeats_block(const char *p, size_t n)
{
	size_t b, i;

	for (b = 1; b <= 3 && b < n; b++) {
		if (n % b)
			continue;
		for (i = b; i < n && p[i] == p[i - b]; i++)
			;
		if (i == n)
			return 1;
	}
	return 0;
}

/* Each digit one up (or one down) from the one before, 9 to 0 wrapping. */
static int is_run(const char *p, size_t n, int dir)
{
	size_t i;

	for (i = 1; i < n; i++)
		if ((p[i] - '0' + 10 - (p[i - 1] - '0')) % 10 !=
		    (dir > 0 ? 1 : 9))
			return 0;
	return 1;
}

int pin_rules_check(const char *pin, struct err *e)
{
	size_t n = strlen(pin), i;

	for (i = 0; i < n; i++)
		if (pin[i] < '0' || pin[i] > '9')
			return err_set(e, "een pincode bestaat alleen uit "
					  "cijfers (0 tot 9)");
	if (n < PIN_MIN_DIGITS)
		return err_set(e,
			       "de pincode is te kort: kies minstens %d "
			       "cijfers",
			       PIN_MIN_DIGITS);
	if (n > PIN_MAX_DIGITS)
		return err_set(e,
			       "de pincode is te lang: kies hoogstens %d "
			       "cijfers",
			       PIN_MAX_DIGITS);
	if (repeats_block(pin, n))
		return err_set(e, "de pincode is te makkelijk te raden: "
				  "steeds dezelfde cijfers achter elkaar");
	if (is_run(pin, n, 1) || is_run(pin, n, -1))
		return err_set(e, "de pincode is te makkelijk te raden: "
				  "cijfers op een rij, zoals 123456 of "
				  "654321");
	for (i = 0; i < ARRAY_LEN(common_pins); i++)
		if (strcmp(pin, common_pins[i]) == 0)
			return err_set(e, "de pincode is te makkelijk te "
					  "raden: veel mensen kiezen hem");
	return 0;
}

/* ---- hash ---- */

static int sodium_ready(struct err *e)
{
	if (sodium_init() < 0)
		return err_set(e, "libsodium kan niet starten");
	return 0;
}

int pin_hash(const char *pin, char *out, size_t size, struct err *e)
{
	char h[crypto_pwhash_STRBYTES];

	if (sodium_ready(e) < 0)
		return -1;
	if (size < sizeof(h))
		return err_set(e, "no room for the PIN hash");
	if (crypto_pwhash_str_alg(h, pin, strlen(pin),
				  crypto_pwhash_OPSLIMIT_INTERACTIVE,
				  crypto_pwhash_MEMLIMIT_INTERACTIVE,
				  crypto_pwhash_ALG_ARGON2ID13) != 0)
		return err_set(e, "te weinig geheugen om de pincode te "
				  "versleutelen");
	str_copy(out, size, h);
	sodium_memzero(h, sizeof(h));
	return 0;
}

int pin_verify(const char *hash, const char *pin)
{
	if (sodium_init() < 0 || strncmp(hash, "$argon2id$", 10) != 0)
		return 0;
	return crypto_pwhash_str_verify(hash, pin, strlen(pin)) == 0;
}

/* ---- files ---- */

int pin_file_write(const char *dir, const char *name, const char *text,
		   int mode, struct err *e)
{
	char tmp[4096], path[4096];
	size_t len = strlen(text);
	int fd, dfd, bad;

	snprintf(path, sizeof(path), "%s/%s", dir, name);
	snprintf(tmp, sizeof(tmp), "%s/.%s.tmp", dir, name);
	fd = open(tmp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC | O_NOFOLLOW,
		  mode);
	if (fd < 0)
		return err_set(e, "kan '%s' niet schrijven: %s", path,
			       strerror(errno));
	/* an old temporary file may have had other rights */
	bad = fchmod(fd, (mode_t)mode) != 0 ||
	      write(fd, text, len) != (ssize_t)len || fsync(fd) != 0;
	if (close(fd) != 0)
		bad = 1;
	if (bad || rename(tmp, path) != 0) {
		int err = errno;

		unlink(tmp);
		return err_set(e, "kan '%s' niet schrijven: %s", path,
			       strerror(err));
	}
	dfd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (dfd >= 0) {
		if (fsync(dfd) != 0 && errno != EINVAL)
			log_warn("cannot sync folder '%s': %s", dir,
				 strerror(errno));
		close(dfd);
	}
	return 0;
}

int pin_set(const char *data_dir, const char *pin, struct err *e)
{
	char h[PIN_HASH_MAX], line[PIN_HASH_MAX + 2];
	struct pin_lockout clear = { 0, 0, 0 };
	int rc;

	if (pin_rules_check(pin, e) < 0 || pin_hash(pin, h, sizeof(h), e) < 0)
		return -1;
	snprintf(line, sizeof(line), "%s\n", h);
	rc = pin_file_write(data_dir, PIN_FILE, line, 0600, e);
	sodium_memzero(h, sizeof(h));
	if (rc == 0 && pin_lockout_save(data_dir, &clear, e) < 0)
		return -1;
	return rc;
}

int pin_load(const char *data_dir, char *hash, size_t size, struct err *e)
{
	char path[4096];
	struct err fe;
	size_t len;
	char *buf;

	snprintf(path, sizeof(path), "%s/%s", data_dir, PIN_FILE);
	if (access(path, F_OK) != 0 && errno == ENOENT)
		return 0;
	buf = file_read(path, 4096, &len, &fe);
	if (!buf)
		return err_set(e, "%s", fe.msg);
	str_trim(buf);
	if (strncmp(buf, "$argon2id$", 10) != 0 || strlen(buf) >= size) {
		free(buf);
		return err_set(e,
			       "'%s' is geen pincode van de kiosk: zet de "
			       "pincode opnieuw met 'kioskctl pin'",
			       path);
	}
	str_copy(hash, size, buf);
	free(buf);
	return 1;
}

/* ---- lockout ---- */

int64_t pin_lockout_length(int step)
{
	static const int64_t len[] = { 0, 60, 5 * 60, 15 * 60 };

	if (step <= 0)
		return 0;
	return step < (int)ARRAY_LEN(len) ? len[step] : PIN_LOCK_MAX_SEC;
}

int pin_lockout_load(const char *data_dir, struct pin_lockout *l, struct err *e)
{
	char path[4096];
	struct err fe;
	long long until;
	size_t len;
	char *buf;
	int f, s;

	memset(l, 0, sizeof(*l));
	snprintf(path, sizeof(path), "%s/%s", data_dir, PIN_LOCK_FILE);
	if (access(path, F_OK) != 0 && errno == ENOENT)
		return 0;
	buf = file_read(path, 4096, &len, &fe);
	if (!buf) {
		l->failures = PIN_TRIES - 1;
		return err_set(e, "%s", fe.msg);
	}
	if (sscanf(buf, "failures %d\nstep %d\nlocked_until %lld", &f, &s,
		   &until) != 3 ||
	    f < 0 || f > PIN_TRIES || s < 0 || s > 1000 || until < 0) {
		free(buf);
		l->failures = PIN_TRIES - 1;
		return err_set(e, "'%s' cannot be read: one more try allowed",
			       path);
	}
	free(buf);
	l->failures = f;
	l->step = s;
	l->locked_until = until;
	return 0;
}

int pin_lockout_save(const char *data_dir, const struct pin_lockout *l,
		     struct err *e)
{
	char text[128];

	snprintf(text, sizeof(text),
		 "failures %d\nstep %d\nlocked_until %lld\n", l->failures,
		 l->step, (long long)l->locked_until);
	return pin_file_write(data_dir, PIN_LOCK_FILE, text, 0600, e);
}

int64_t pin_lockout_wait(const struct pin_lockout *l, int64_t now)
{
	int64_t left = l->locked_until - now, most;

	if (l->locked_until <= 0 || left <= 0)
		return 0;
	/* a clock turned back must not lock the kiosk for days */
	most = pin_lockout_length(l->step);
	return left > most ? most : left;
}

int pin_lockout_fail(struct pin_lockout *l, int64_t now)
{
	if (++l->failures < PIN_TRIES)
		return PIN_TRIES - l->failures;
	l->failures = 0;
	l->step++;
	l->locked_until = now + pin_lockout_length(l->step);
	return 0;
}

enum pin_result pin_try(const char *data_dir, const char *pin, int64_t now,
			int *left, int64_t *wait, struct err *e)
{
	char hash[PIN_HASH_MAX];
	struct pin_lockout l;
	struct err le = { "" };
	int64_t w;
	int got, n;

	got = pin_load(data_dir, hash, sizeof(hash), e);
	if (got == 0)
		return PIN_NOT_SET;
	if (got < 0)
		return PIN_BROKEN;
	if (pin_lockout_load(data_dir, &l, &le) < 0)
		log_warn("PIN lockout state: %s", le.msg);
	w = pin_lockout_wait(&l, now);
	if (wait)
		*wait = w;
	if (w > 0) {
		sodium_memzero(hash, sizeof(hash));
		return PIN_LOCKED;
	}
	if (pin_verify(hash, pin)) {
		sodium_memzero(hash, sizeof(hash));
		if (l.failures || l.step || l.locked_until) {
			memset(&l, 0, sizeof(l));
			if (pin_lockout_save(data_dir, &l, &le) < 0)
				log_warn("PIN lockout state not saved: %s",
					 le.msg);
		}
		return PIN_OK;
	}
	sodium_memzero(hash, sizeof(hash));
	n = pin_lockout_fail(&l, now);
	if (pin_lockout_save(data_dir, &l, &le) < 0)
		log_error("PIN lockout state not saved: %s", le.msg);
	if (left)
		*left = n;
	if (wait)
		*wait = pin_lockout_wait(&l, now);
	log_warn("staff mode: wrong PIN (%d %s before a lockout)", n,
		 n == 1 ? "try" : "tries");
	return PIN_WRONG;
}
