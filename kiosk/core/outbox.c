/*
 * outbox: the daily survey file for the office (see outbox.h).
 */
#include "core/outbox.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "base/log.h"
#include "base/util.h"
#include "core/store/store.h"

#define PREFIX "enquete-"
#define SUFFIX ".sqlite"

void outbox_kiosk_name(const char *setting, char *out, size_t size)
{
	char host[256] = "";
	size_t i, n = 0;

	if (setting && *setting) {
		str_copy(out, size, setting);
		return;
	}
	if (gethostname(host, sizeof(host) - 1) < 0)
		host[0] = '\0';
	for (i = 0; host[i] && host[i] != '.' && n + 1 < size && n < 40; i++) {
		char c = host[i];

		if (c >= 'A' && c <= 'Z')
			c = (char)(c - 'A' + 'a');
		if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
		    c == '-' || c == '_')
			out[n++] = c;
	}
	out[n] = '\0';
	if (n == 0)
		str_copy(out, size, "kiosk");
}

void outbox_file_name(const char *kiosk, int today, char *out, size_t size)
{
	snprintf(out, size, PREFIX "%s-%04d-%02d-%02d" SUFFIX, kiosk,
		 today / 10000, today / 100 % 100, today % 100);
}

static void sync_dir(const char *dir)
{
	int fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);

	if (fd >= 0) {
		fsync(fd);
		close(fd);
	}
}

static int by_name(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* 1 when name is one of kiosk's daily files: PREFIX kiosk -JJJJ-MM-DD
 * SUFFIX, so "ussen" never takes "ussen-2"'s files. */
static int is_own(const char *name, const char *kiosk)
{
	size_t k = strlen(kiosk), p = strlen(PREFIX), n = strlen(name);
	const char *d;
	int i;

	if (n != p + k + 11 + strlen(SUFFIX) || strncmp(name, PREFIX, p) != 0 ||
	    strncmp(name + p, kiosk, k) != 0)
		return 0;
	d = name + p + k;
	for (i = 0; i < 11; i++)
		if (i == 0 || i == 5 || i == 8 ? d[i] != '-'
					       : (d[i] < '0' || d[i] > '9'))
			return 0;
	return strcmp(d + 11, SUFFIX) == 0;
}

/* Removes kiosk's files beyond the OUTBOX_KEEP newest (the date in the
 * name sorts them). */
static void prune(const char *dir, const char *kiosk)
{
	DIR *dh = opendir(dir);
	struct dirent *d;
	char **names = NULL;
	int n = 0, cap = 0, i;

	if (!dh)
		return;
	while ((d = readdir(dh))) {
		if (!is_own(d->d_name, kiosk))
			continue;
		if (n == cap) {
			cap = cap ? cap * 2 : 8;
			names = xrealloc(names, (size_t)cap * sizeof(*names));
		}
		names[n++] = str_dup(d->d_name);
	}
	if (n > 1)
		qsort(names, (size_t)n, sizeof(*names), by_name);
	for (i = 0; i < n; i++) {
		if (i < n - OUTBOX_KEEP && unlinkat(dirfd(dh), names[i], 0) < 0)
			log_warn("outbox: cannot remove '%s/%s': %s", dir,
				 names[i], strerror(errno));
		free(names[i]);
	}
	free(names);
	closedir(dh);
	sync_dir(dir);
}

int outbox_write(const char *data_dir, const char *kiosk, int today,
		 char *written, size_t size, struct err *e)
{
	char src[PATH_MAX], dir[PATH_MAX], name[128], tmp[PATH_MAX],
		dst[PATH_MAX + 128];
	struct store *st;

	snprintf(src, sizeof(src), "%s/" STORE_FILE, data_dir);
	if (access(src, F_OK) < 0)
		return 0;
	snprintf(dir, sizeof(dir), "%s/" OUTBOX_DIR, data_dir);
	if (mkdir(dir, 0755) < 0 && errno != EEXIST)
		return err_set(e, "kan de map '%s' niet maken: %s", dir,
			       strerror(errno));
	outbox_file_name(kiosk, today, name, sizeof(name));
	/* made beside the outbox, so what syncs it never sees it half */
	snprintf(tmp, sizeof(tmp), "%s/.outbox-%s", data_dir, name);
	snprintf(dst, sizeof(dst), "%s/%s", dir, name);
	st = store_open_read(src, e);
	if (!st)
		return -1;
	if (store_snapshot(st, tmp, e) < 0) {
		store_close(st);
		return -1;
	}
	store_close(st);
	if (rename(tmp, dst) < 0) {
		err_set(e, "kan '%s' niet in de uitbak zetten: %s", dst,
			strerror(errno));
		unlink(tmp);
		return -1;
	}
	sync_dir(dir);
	sync_dir(data_dir);
	prune(dir, kiosk);
	if (written)
		str_copy(written, size, dst);
	return 1;
}
