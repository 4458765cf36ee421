/*
 * inbox: packs arriving from the office (see inbox.h).
 */
#include "core/inbox.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "base/log.h"
#include "base/util.h"

#define DEPTH_MAX 8

/* ---- the fingerprint ---- */

struct walk {
	uint64_t print;
	int files;
	int arriving; /* a temporary file of the synchronisation */
	int too_big;
};

static int is_sync_temp(const char *name)
{
	size_t n = strlen(name);

	if (n < 4 || strcmp(name + n - 4, ".tmp") != 0)
		return 0;
	return str_starts(name, ".syncthing.") ||
	       str_starts(name, "~syncthing~");
}

/* Adds one entry: its path below the pack, kind, size and time. The sum
 * of the entries' hashes does not depend on the order readdir gives. */
static void walk_add(struct walk *w, const char *rel, const struct stat *st)
{
	uint64_t lo = hash_str(2166136261u, rel), hi = hash_str(16777619u, rel);
	int64_t v[4] = { (int64_t)st->st_size, (int64_t)st->st_mtim.tv_sec,
			 (int64_t)st->st_mtim.tv_nsec, (int64_t)st->st_mode };

	lo = hash_bytes((uint32_t)lo, v, sizeof(v));
	hi = hash_bytes((uint32_t)hi, v, sizeof(v));
	w->print += (hi << 32 | lo) * 0x9E3779B97F4A7C15ull + 1;
}

static void walk_dir(struct walk *w, int dfd, const char *rel, int depth)
{
	DIR *dh = fdopendir(dfd);
	struct dirent *d;

	if (!dh) {
		close(dfd);
		return;
	}
	while (!w->too_big && (d = readdir(dh))) {
		char sub[4096];
		struct stat st;

		if (strcmp(d->d_name, ".") == 0 || strcmp(d->d_name, "..") == 0)
			continue;
		if (is_sync_temp(d->d_name))
			w->arriving = 1;
		if (fstatat(dirfd(dh), d->d_name, &st, AT_SYMLINK_NOFOLLOW) < 0)
			continue; /* gone meanwhile: the next look sees it */
		snprintf(sub, sizeof(sub), "%s/%s", rel, d->d_name);
		walk_add(w, sub, &st);
		if (++w->files > INBOX_FILES_MAX) {
			w->too_big = 1;
			break;
		}
		if (S_ISDIR(st.st_mode)) {
			int fd;

			if (depth >= DEPTH_MAX) {
				w->too_big = 1;
				break;
			}
			fd = openat(dirfd(dh), d->d_name,
				    O_RDONLY | O_DIRECTORY | O_NOFOLLOW |
					    O_CLOEXEC);
			if (fd >= 0)
				walk_dir(w, fd, sub, depth + 1);
		}
	}
	closedir(dh);
}

enum inbox_state inbox_pack_state(const char *dir, uint64_t *print)
{
	struct walk w = { 0 };
	char ini[4096 + 16];
	int fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);

	*print = 0;
	if (fd < 0)
		return INBOX_ARRIVING;
	walk_dir(&w, fd, "", 0);
	*print = w.print;
	if (w.too_big)
		return INBOX_TOO_BIG;
	snprintf(ini, sizeof(ini), "%s/kiosk.ini", dir);
	if (w.arriving || access(ini, F_OK) < 0)
		return INBOX_ARRIVING;
	return INBOX_COMPLETE;
}

/* ---- what was handled: DATA/inbox.seen ---- */

/* Lines "PRINT NAME" (print in hex). */
static void seen_read(struct inbox *ib)
{
	FILE *f = fopen(ib->seen, "r");
	char line[INBOX_NAME_MAX + 40];

	ib->ndone = 0;
	if (!f)
		return;
	while (ib->ndone < INBOX_PACKS_MAX && fgets(line, sizeof(line), f)) {
		struct inbox_pack *p = &ib->done[ib->ndone];
		char *sp = strchr(line, ' '), *end;

		if (!sp)
			continue;
		*sp = '\0';
		p->print = strtoull(line, &end, 16);
		if (*end)
			continue;
		str_copy(p->name, sizeof(p->name), sp + 1);
		str_trim(p->name);
		if (p->name[0])
			ib->ndone++;
	}
	fclose(f);
}

/* Writes text to path: a temporary file beside it, synced, renamed. */
static int write_whole(const char *path, const char *text, struct err *e)
{
	char tmp[4096 + 16], dir[4096], *slash;
	size_t n = strlen(text);
	int fd, bad;

	snprintf(tmp, sizeof(tmp), "%s.XXXXXX", path);
	fd = mkstemp(tmp);
	if (fd < 0)
		return err_set(e, "kan '%s' niet schrijven: %s", path,
			       strerror(errno));
	fchmod(fd, 0644);
	bad = write(fd, text, n) != (ssize_t)n || fsync(fd) < 0;
	bad = close(fd) < 0 || bad;
	if (bad || rename(tmp, path) < 0) {
		err_set(e, "kan '%s' niet schrijven: %s", path,
			errno == ENOSPC ? "de schijf is vol" : strerror(errno));
		unlink(tmp);
		return -1;
	}
	str_copy(dir, sizeof(dir), path);
	if ((slash = strrchr(dir, '/'))) {
		*slash = '\0';
		fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
		if (fd >= 0) {
			fsync(fd);
			close(fd);
		}
	}
	return 0;
}

static int seen_write(struct inbox *ib, struct err *e)
{
	char *text = xmalloc((size_t)(ib->ndone + 1) * (INBOX_NAME_MAX + 20));
	size_t at = 0;
	int i, rc;

	text[0] = '\0';
	for (i = 0; i < ib->ndone; i++)
		at += (size_t)sprintf(text + at, "%016llx %s\n",
				      (unsigned long long)ib->done[i].print,
				      ib->done[i].name);
	rc = write_whole(ib->seen, text, e);
	free(text);
	return rc;
}

int inbox_open(struct inbox *ib, const char *data_dir)
{
	memset(ib, 0, sizeof(*ib));
	snprintf(ib->dir, sizeof(ib->dir), "%s/" INBOX_DIR, data_dir);
	snprintf(ib->seen, sizeof(ib->seen), "%s/" INBOX_SEEN, data_dir);
	if (!path_is_dir(ib->dir))
		return 0;
	seen_read(ib);
	return 1;
}

/* ---- looking ---- */

static int by_name(const void *a, const void *b)
{
	return strcmp(((const struct inbox_pack *)a)->name,
		      ((const struct inbox_pack *)b)->name);
}

static const struct inbox_pack *find(const struct inbox_pack *list, int n,
				     const char *name)
{
	int i;

	for (i = 0; i < n; i++)
		if (strcmp(list[i].name, name) == 0)
			return &list[i];
	return NULL;
}

int inbox_look(struct inbox *ib, char *name, size_t size, uint64_t *print)
{
	struct inbox_pack now[INBOX_PACKS_MAX];
	enum inbox_state state[INBOX_PACKS_MAX];
	DIR *dh = opendir(ib->dir);
	struct dirent *d;
	int n = 0, i, found = 0;

	if (!dh)
		return 0;
	while (n < INBOX_PACKS_MAX && (d = readdir(dh))) {
		char path[sizeof(ib->dir) + INBOX_NAME_MAX + 2];

		/* dot names: Syncthing's own (.stfolder, .stversions) */
		if (d->d_name[0] == '.' || strlen(d->d_name) >= INBOX_NAME_MAX)
			continue;
		snprintf(path, sizeof(path), "%s/%s", ib->dir, d->d_name);
		if (!path_is_dir(path))
			continue; /* reports and other files */
		str_copy(now[n].name, sizeof(now[n].name), d->d_name);
		n++;
	}
	closedir(dh);
	qsort(now, (size_t)n, sizeof(now[0]), by_name);
	for (i = 0; i < n; i++) {
		char path[sizeof(ib->dir) + INBOX_NAME_MAX + 2];

		snprintf(path, sizeof(path), "%s/%s", ib->dir, now[i].name);
		state[i] = inbox_pack_state(path, &now[i].print);
	}
	for (i = 0; i < n && !found; i++) {
		const struct inbox_pack *was =
			find(ib->last, ib->nlast, now[i].name);
		const struct inbox_pack *done =
			find(ib->done, ib->ndone, now[i].name);

		if (done && done->print == now[i].print)
			continue; /* handled in this form */
		if (state[i] == INBOX_TOO_BIG) {
			struct err e = { "" };
			char why[200];

			snprintf(why, sizeof(why),
				 "%s: het pakket heeft meer dan %d bestanden "
				 "of mappen dieper dan %d niveaus\n",
				 now[i].name, INBOX_FILES_MAX, DEPTH_MAX);
			/* no day known here: the report says no time */
			if (inbox_done(ib, now[i].name, now[i].print, 0, why, 0,
				       -1, &e) < 0)
				log_error("inbox: %s", e.msg);
			continue;
		}
		if (state[i] != INBOX_COMPLETE || !was ||
		    was->print != now[i].print)
			continue; /* still arriving, or new since the last look
				   */
		str_copy(name, size, now[i].name);
		*print = now[i].print;
		found = 1;
	}
	memcpy(ib->last, now, (size_t)n * sizeof(now[0]));
	ib->nlast = n;
	return found;
}

int inbox_done(struct inbox *ib, const char *name, uint64_t print,
	       int installed, const char *report, int today, int minute,
	       struct err *e)
{
	char path[sizeof(ib->dir) + INBOX_NAME_MAX + 16],
		other[sizeof(ib->dir) + INBOX_NAME_MAX + 16], when[64] = "";
	char *text;
	size_t size;
	struct inbox_pack *p = NULL;
	int i, rc;

	for (i = 0; i < ib->ndone; i++)
		if (strcmp(ib->done[i].name, name) == 0)
			p = &ib->done[i];
	if (!p && ib->ndone == INBOX_PACKS_MAX) {
		memmove(ib->done, ib->done + 1,
			(INBOX_PACKS_MAX - 1) * sizeof(ib->done[0]));
		ib->ndone--;
	}
	if (!p) {
		p = &ib->done[ib->ndone++];
		str_copy(p->name, sizeof(p->name), name);
	}
	p->print = print;
	rc = seen_write(ib, e);

	if (today > 0 && minute >= 0)
		snprintf(when, sizeof(when), " op %04d-%02d-%02d om %02d:%02d",
			 today / 10000, today / 100 % 100, today % 100,
			 minute / 60, minute % 60);
	snprintf(path, sizeof(path), "%s/%s.%s.txt", ib->dir, name,
		 installed ? "ok" : "fout");
	snprintf(other, sizeof(other), "%s/%s.%s.txt", ib->dir, name,
		 installed ? "fout" : "ok");
	size = strlen(report) + 600;
	text = xmalloc(size);
	if (installed)
		snprintf(text, size,
			 "Het pakket '%s' staat op de kiosk%s.\n"
			 "De kiosk laat het zien zodra niemand hem "
			 "gebruikt.\n",
			 name, when);
	else
		snprintf(text, size,
			 "Het pakket '%s' is NIET op de kiosk gezet%s.\n"
			 "De kiosk laat het vorige pakket zien.\n\n"
			 "Wat er mis is (bestand:regel: melding):\n\n%s\n"
			 "Los dit op in het pakket op de kantoor-pc en zet "
			 "het opnieuw in de map.\n"
			 "Zodra het pakket verandert, probeert de kiosk het "
			 "opnieuw.\n",
			 name, when, report);
	if (write_whole(path, text, e) < 0)
		rc = -1;
	free(text);
	if (unlink(other) < 0 && errno != ENOENT)
		log_warn("inbox: cannot remove '%s': %s", other,
			 strerror(errno));
	return rc;
}
