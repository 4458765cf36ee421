/*
 * packstore: copies content packs into the data folder and switches the
 * `current` and `previous` symlinks atomically; see packstore.h for the
 * layout on disk and the promise made about crashes.
 *
 * Everything works relative to open folders (openat, renameat, ...), so a
 * folder of the pack cannot be swapped for a symlink half-way through a
 * copy. Each function that changes the disk first calls job_step(), which
 * hands the step to the caller's step function (a test ends the process
 * there).
 */
#include "core/packstore.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include "base/util.h"

#define PACKS_DIR   "packs"
#define CURRENT	    "current"
#define PREVIOUS    "previous"
#define NEW_SUFFIX  ".new"
#define TMP_PREFIX  ".tmp-"
#define PACK_PREFIX "pack-"
#define DEPTH_MAX   16		/* folders inside folders in one pack */
#define COPY_BUF    (64 * 1024) /* bytes read and written at a time */
#define REL_MAX	    1024	/* a path inside a pack */
#define ABOUT_FILE  ".about"	/* in an installed pack: packstore_opts.about */

/* One install or rollback in progress. */
struct job {
	const char *data_dir; /* borrowed; for messages */
	const char *src;      /* borrowed; install only, for messages */
	int data_fd;	      /* data_dir, open */
	int packs_fd;	      /* data_dir/packs, open and locked */
	packstore_step_fn fn;
	void *ctx;
	int n;	   /* steps taken */
	char *buf; /* copy buffer, owned */
	struct err *e;
	const struct packstore_opts *o; /* install only; may be NULL */
};

/* ---- small helpers ---- */

/* The reason behind errno in words staff understand. */
static const char *why(int code)
{
	switch (code) {
	case ENOSPC:
	case EDQUOT:
		return "de schijf is vol";
	case EACCES:
	case EPERM:
		return "geen toestemming";
	case EROFS:
		return "de schijf is alleen-lezen";
	case ENOENT:
		return "bestaat niet";
	case ENOTDIR:
		return "is geen map";
	case EIO:
		return "de schijf geeft een fout";
	case ENAMETOOLONG:
		return "de naam is te lang";
	default:
		return strerror(code);
	}
}

static void job_step(struct job *j, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

static void job_step(struct job *j, const char *fmt, ...)
{
	char what[REL_MAX + 64];
	va_list ap;

	j->n++;
	if (!j->fn)
		return;
	va_start(ap, fmt);
	vsnprintf(what, sizeof(what), fmt, ap);
	va_end(ap);
	j->fn(j->ctx, j->n, what);
}

/* Writes the folder entries of fd to the disk. Some file systems cannot
 * sync a folder (EINVAL); there is nothing better to do for them. */
static int sync_fd(int fd)
{
	if (fsync(fd) == 0 || errno == EINVAL)
		return 0;
	return -1;
}

static int sync_data(struct job *j)
{
	if (sync_fd(j->data_fd) < 0)
		return err_set(j->e,
			       "kan de gegevensmap '%s' niet bijwerken: "
			       "%s",
			       j->data_dir, why(errno));
	return 0;
}

static int sync_packs(struct job *j)
{
	if (sync_fd(j->packs_fd) < 0)
		return err_set(j->e,
			       "kan '%s/" PACKS_DIR "' niet bijwerken: "
			       "%s",
			       j->data_dir, why(errno));
	return 0;
}

static int packs_unreadable(struct job *j)
{
	return err_set(j->e, "kan de map '%s/" PACKS_DIR "' niet lezen: %s",
		       j->data_dir, why(errno));
}

static int cmp_names(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The names in folder fd except "." and "..", sorted so that steps come in
 * the same order on every file system. Caller frees with free_names(). */
static char **list_names(int fd, int *count)
{
	DIR *d;
	struct dirent *de;
	char **names = NULL;
	int n = 0, cap = 0, dup_fd = dup(fd);

	*count = 0;
	if (dup_fd < 0)
		return NULL;
	d = fdopendir(dup_fd);
	if (!d) {
		close(dup_fd);
		return NULL;
	}
	rewinddir(d);
	errno = 0;
	while ((de = readdir(d))) {
		if (strcmp(de->d_name, ".") == 0 ||
		    strcmp(de->d_name, "..") == 0)
			continue;
		if (n == cap) {
			cap = cap ? cap * 2 : 16;
			names = xrealloc(names, (size_t)cap * sizeof(*names));
		}
		names[n++] = str_dup(de->d_name);
		errno = 0;
	}
	if (errno) {
		int saved = errno;

		while (n > 0)
			free(names[--n]);
		free(names);
		closedir(d);
		errno = saved;
		return NULL;
	}
	closedir(d);
	if (n)
		qsort(names, (size_t)n, sizeof(*names), cmp_names);
	*count = n;
	return names ? names : xcalloc(1, sizeof(*names));
}

static void free_names(char **names, int n)
{
	while (n > 0)
		free(names[--n]);
	free(names);
}

/* Removes name in folder fd and, for a folder, everything in it. Symlinks
 * are removed, never followed. Returns 0 or -1 with errno set. */
static int remove_tree(int fd, const char *name, int depth)
{
	struct stat st;
	char **names;
	int i, n, sub, rc = 0;

	if (fstatat(fd, name, &st, AT_SYMLINK_NOFOLLOW) < 0)
		return errno == ENOENT ? 0 : -1;
	if (!S_ISDIR(st.st_mode))
		return unlinkat(fd, name, 0);
	if (depth > DEPTH_MAX * 4) {
		errno = ELOOP;
		return -1;
	}
	sub = openat(fd, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
	if (sub < 0)
		return -1;
	names = list_names(sub, &n);
	if (!names) {
		close(sub);
		return -1;
	}
	for (i = 0; i < n && rc == 0; i++)
		rc = remove_tree(sub, names[i], depth + 1);
	free_names(names, n);
	close(sub);
	if (rc < 0)
		return -1;
	return unlinkat(fd, name, AT_REMOVEDIR);
}

/* 0 and *st filled when data_dir/name resolves to a folder. */
static int link_dir(struct job *j, const char *name, struct stat *st)
{
	if (fstatat(j->data_fd, name, st, 0) == 0 && S_ISDIR(st->st_mode))
		return 0;
	return -1;
}

static int same_file(const struct stat *a, const struct stat *b)
{
	return a->st_dev == b->st_dev && a->st_ino == b->st_ino;
}

/* The text of the symlink data_dir/name. */
static int link_read(struct job *j, const char *name, char *out, size_t size)
{
	ssize_t n = readlinkat(j->data_fd, name, out, size);

	if (n < 0 || (size_t)n >= size)
		return -1;
	out[n] = '\0';
	return 0;
}

/* 1 when data_dir/name exists (as anything, a broken link too). */
static int exists(int fd, const char *name)
{
	struct stat st;

	return fstatat(fd, name, &st, AT_SYMLINK_NOFOLLOW) == 0;
}

/* ---- opening and closing a job ---- */

static int job_open(struct job *j, const char *data_dir, int create,
		    packstore_step_fn fn, void *ctx, struct err *e)
{
	struct stat st;

	memset(j, 0, sizeof(*j));
	j->data_dir = data_dir;
	j->data_fd = j->packs_fd = -1;
	j->fn = fn;
	j->ctx = ctx;
	j->e = e;
	if (create && !path_is_dir(data_dir)) {
		struct err sub;

		job_step(j, "create the data folder %s", data_dir);
		/* only the last folder: a mistyped --data grows no tree */
		if (path_mkdir_below(data_dir, NULL, &sub) < 0)
			return err_set(e,
				       "kan de gegevensmap '%s' niet maken: "
				       "%s",
				       data_dir,
				       errno == ENOENT	  ? "de map erboven "
							    "bestaat niet"
				       : errno == ENOTDIR ? "er staat een "
							    "bestand met die "
							    "naam"
							  : why(errno));
	}
	j->data_fd = open(data_dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (j->data_fd < 0)
		return err_set(e, "kan de gegevensmap '%s' niet openen: %s",
			       data_dir, why(errno));
	if (fstatat(j->data_fd, PACKS_DIR, &st, AT_SYMLINK_NOFOLLOW) < 0) {
		if (errno != ENOENT)
			return err_set(e,
				       "kan '%s/" PACKS_DIR "' niet lezen: "
				       "%s",
				       data_dir, why(errno));
		if (!create)
			return err_set(e,
				       "er is nog geen pakket geïnstalleerd "
				       "in '%s'",
				       data_dir);
		job_step(j, "create the folder " PACKS_DIR);
		if (mkdirat(j->data_fd, PACKS_DIR, 0755) < 0)
			return err_set(e,
				       "kan de map '%s/" PACKS_DIR "' niet "
				       "maken: %s",
				       data_dir, why(errno));
		if (sync_data(j) < 0)
			return -1;
	}
	j->packs_fd = openat(j->data_fd, PACKS_DIR,
			     O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
	if (j->packs_fd < 0)
		return err_set(e,
			       "kan de map '%s/" PACKS_DIR "' niet openen: "
			       "%s",
			       data_dir, why(errno));
	if (flock(j->packs_fd, LOCK_EX | LOCK_NB) < 0 && errno == EWOULDBLOCK)
		return err_set(e,
			       "er is al een andere installatie of "
			       "terugzetting bezig in '%s'; probeer het "
			       "straks opnieuw",
			       data_dir);
	/* any other flock failure: a file system without locks; go on */
	j->buf = xmalloc(COPY_BUF);
	return 0;
}

static void job_close(struct job *j)
{
	if (j->packs_fd >= 0)
		close(j->packs_fd); /* also lets go of the lock */
	if (j->data_fd >= 0)
		close(j->data_fd);
	free(j->buf);
	j->buf = NULL;
	j->packs_fd = j->data_fd = -1;
}

/* ---- links ---- */

/* Points data_dir/name at target: a fresh link name.new, renamed over
 * name. Before the rename name is untouched, after it name is the new
 * link; there is no moment in between. */
static int link_set(struct job *j, const char *name, const char *target)
{
	char tmp[32];

	snprintf(tmp, sizeof(tmp), "%s" NEW_SUFFIX, name);
	if (exists(j->data_fd, tmp)) {
		job_step(j, "remove the stale link %s", tmp);
		if (unlinkat(j->data_fd, tmp, 0) < 0)
			return err_set(j->e, "kan '%s/%s' niet weghalen: %s",
				       j->data_dir, tmp, why(errno));
	}
	job_step(j, "make the link %s -> %s", tmp, target);
	if (symlinkat(target, j->data_fd, tmp) < 0)
		return err_set(j->e, "kan de koppeling '%s/%s' niet maken: %s",
			       j->data_dir, tmp, why(errno));
	job_step(j, "rename %s over %s", tmp, name);
	if (renameat(j->data_fd, tmp, j->data_fd, name) < 0) {
		int code = errno;

		unlinkat(j->data_fd, tmp, 0);
		return err_set(j->e,
			       "kan de koppeling '%s/%s' niet vervangen: "
			       "%s",
			       j->data_dir, name, why(code));
	}
	return sync_data(j);
}

/* current and previous must be symlinks (or missing): a real folder there
 * cannot be replaced atomically, and is not ours to throw away. */
static int links_check(struct job *j)
{
	static const char *const names[] = { CURRENT, PREVIOUS };
	struct stat st;
	size_t i;

	for (i = 0; i < ARRAY_LEN(names); i++) {
		if (fstatat(j->data_fd, names[i], &st, AT_SYMLINK_NOFOLLOW) < 0)
			continue;
		if (!S_ISLNK(st.st_mode))
			return err_set(j->e,
				       "'%s/%s' is geen koppeling maar "
				       "een gewone map of bestand; zet "
				       "die eerst ergens anders neer",
				       j->data_dir, names[i]);
	}
	return 0;
}

/* Cleans what a crash left behind: half-copied packs and link twins. A
 * previous.new that names a pack other than current is the second half of
 * a rollback whose first half (the rename of current.new) was done: it is
 * finished, so no pack gets lost. Any other twin is simply removed. */
static int recover(struct job *j)
{
	struct stat cur, nxt;
	char **names;
	int i, n, removed = 0, have_cur;

	names = list_names(j->packs_fd, &n);
	if (!names)
		return packs_unreadable(j);
	for (i = 0; i < n; i++) {
		if (!str_starts(names[i], TMP_PREFIX))
			continue;
		job_step(j, "remove the leftover " PACKS_DIR "/%s", names[i]);
		if (remove_tree(j->packs_fd, names[i], 0) < 0) {
			err_set(j->e,
				"kan de resten '%s/" PACKS_DIR "/%s' "
				"niet weghalen: %s",
				j->data_dir, names[i], why(errno));
			free_names(names, n);
			return -1;
		}
		removed = 1;
	}
	free_names(names, n);
	if (removed && sync_packs(j) < 0)
		return -1;

	if (exists(j->data_fd, CURRENT NEW_SUFFIX)) {
		job_step(j, "remove the leftover link " CURRENT NEW_SUFFIX);
		if (unlinkat(j->data_fd, CURRENT NEW_SUFFIX, 0) < 0)
			return err_set(j->e,
				       "kan '%s/" CURRENT NEW_SUFFIX "' "
				       "niet weghalen: %s",
				       j->data_dir, why(errno));
		removed = 1;
	}
	if (exists(j->data_fd, PREVIOUS NEW_SUFFIX)) {
		have_cur = link_dir(j, CURRENT, &cur) == 0;
		if (link_dir(j, PREVIOUS NEW_SUFFIX, &nxt) == 0 &&
		    !(have_cur && same_file(&cur, &nxt))) {
			job_step(j,
				 "finish a cut-off rollback: rename " PREVIOUS
					 NEW_SUFFIX " over " PREVIOUS);
			if (renameat(j->data_fd, PREVIOUS NEW_SUFFIX,
				     j->data_fd, PREVIOUS) < 0)
				return err_set(j->e,
					       "kan de koppeling '%s/" PREVIOUS
					       "' niet "
					       "vervangen: %s",
					       j->data_dir, why(errno));
		} else {
			job_step(j, "remove the leftover link " PREVIOUS
					    NEW_SUFFIX);
			if (unlinkat(j->data_fd, PREVIOUS NEW_SUFFIX, 0) < 0)
				return err_set(j->e,
					       "kan '%s/" PREVIOUS NEW_SUFFIX
					       "' niet "
					       "weghalen: %s",
					       j->data_dir, why(errno));
		}
		removed = 1;
	}
	if (removed && sync_data(j) < 0)
		return -1;
	return 0;
}

/* ---- copying a pack ---- */

/* Copies the regular file name from folder sfd to dfd and syncs it. */
static int copy_file(struct job *j, int sfd, int dfd, const char *name,
		     const char *rel)
{
	struct stat st;
	int in, out, code;
	ssize_t got, put, off;

	in = openat(sfd, name, O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
	if (in < 0)
		return err_set(j->e, "kan '%s/%s' niet lezen: %s", j->src, rel,
			       why(errno));
	if (fstat(in, &st) < 0 || !S_ISREG(st.st_mode)) {
		close(in);
		return err_set(j->e, "'%s/%s' is geen gewoon bestand", j->src,
			       rel);
	}
	out = openat(dfd, name, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
	if (out < 0) {
		code = errno;
		close(in);
		return err_set(j->e, "kan '%s' niet kopiëren naar '%s': %s",
			       rel, j->data_dir, why(code));
	}
	for (;;) {
		got = read(in, j->buf, COPY_BUF);
		if (got < 0 && errno == EINTR)
			continue;
		if (got < 0) {
			code = errno;
			err_set(j->e, "kan '%s/%s' niet lezen: %s", j->src, rel,
				why(code));
			goto fail;
		}
		if (got == 0)
			break;
		for (off = 0; off < got; off += put) {
			put = write(out, j->buf + off, (size_t)(got - off));
			if (put < 0 && errno == EINTR) {
				put = 0;
				continue;
			}
			if (put <= 0) {
				code = put < 0 ? errno : EIO;
				err_set(j->e,
					"kan '%s' niet kopiëren naar "
					"'%s': %s",
					rel, j->data_dir, why(code));
				goto fail;
			}
		}
	}
	if (fsync(out) < 0) {
		err_set(j->e, "kan '%s' niet kopiëren naar '%s': %s", rel,
			j->data_dir, why(errno));
		goto fail;
	}
	close(in);
	if (close(out) < 0)
		return err_set(j->e, "kan '%s' niet kopiëren naar '%s': %s",
			       rel, j->data_dir, why(errno));
	return 0;
fail:
	close(in);
	close(out);
	return -1;
}

/* 1 when the top-level name is one the caller asked to leave out. */
static int skipped(const struct job *j, const char *name)
{
	int i;

	for (i = 0; j->o && i < j->o->nskip; i++)
		if (strcmp(j->o->skip[i], name) == 0)
			return 1;
	return 0;
}

/* Writes o->about to ABOUT_FILE in the new pack folder dfd, synced. */
static int write_about(struct job *j, int dfd)
{
	const char *s = j->o->about;
	size_t n = strlen(s), done = 0;
	int fd;

	job_step(j, "write " ABOUT_FILE);
	fd = openat(dfd, ABOUT_FILE, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC,
		    0644);
	if (fd < 0)
		return err_set(j->e, "kan '" ABOUT_FILE "' niet schrijven: %s",
			       why(errno));
	while (done < n) {
		ssize_t w = write(fd, s + done, n - done);

		if (w < 0 && errno == EINTR)
			continue;
		if (w < 0) {
			int saved = errno;

			close(fd);
			return err_set(
				j->e, "kan '" ABOUT_FILE "' niet schrijven: %s",
				why(saved));
		}
		done += (size_t)w;
	}
	if (sync_fd(fd) < 0) {
		int saved = errno;

		close(fd);
		return err_set(j->e, "kan '" ABOUT_FILE "' niet schrijven: %s",
			       why(saved));
	}
	close(fd);
	return 0;
}

/* Copies the contents of folder sfd into the empty folder dfd, syncing each
 * file and folder. rel is the folder's path inside the pack ("" at the
 * top). Names starting with '.' are skipped; anything but a regular file
 * or folder refuses the pack. */
static int copy_dir(struct job *j, int sfd, int dfd, const char *rel, int depth)
{
	struct stat st;
	char **names, path[REL_MAX];
	int i, n, s2, d2, rc = 0;

	names = list_names(sfd, &n);
	if (!names)
		return err_set(j->e, "kan de map '%s%s%s' niet lezen: %s",
			       j->src, *rel ? "/" : "", rel, why(errno));
	for (i = 0; i < n && rc == 0; i++) {
		const char *name = names[i];
		int len;

		if (name[0] == '.' || (!*rel && skipped(j, name)))
			continue;
		len = snprintf(path, sizeof(path), "%s%s%s", rel,
			       *rel ? "/" : "", name);
		if (len < 0 || (size_t)len >= sizeof(path)) {
			rc = err_set(j->e, "de naam '%s/%s' is te lang", rel,
				     name);
			break;
		}
		if (fstatat(sfd, name, &st, AT_SYMLINK_NOFOLLOW) < 0) {
			rc = err_set(j->e, "kan '%s/%s' niet lezen: %s", j->src,
				     path, why(errno));
		} else if (S_ISLNK(st.st_mode)) {
			rc = err_set(j->e,
				     "'%s/%s' is een snelkoppeling "
				     "(symlink); zet het echte bestand "
				     "in het pakket",
				     j->src, path);
		} else if (S_ISREG(st.st_mode)) {
			job_step(j, "copy %s", path);
			rc = copy_file(j, sfd, dfd, name, path);
		} else if (!S_ISDIR(st.st_mode)) {
			rc = err_set(j->e,
				     "'%s/%s' is geen gewoon bestand en "
				     "geen map",
				     j->src, path);
		} else if (depth >= DEPTH_MAX) {
			rc = err_set(j->e,
				     "'%s/%s' zit te diep: meer dan %d "
				     "mappen in elkaar",
				     j->src, path, DEPTH_MAX);
		} else {
			job_step(j, "create the folder %s", path);
			if (mkdirat(dfd, name, 0755) < 0) {
				rc = err_set(j->e,
					     "kan de map '%s' niet "
					     "maken: %s",
					     path, why(errno));
				break;
			}
			s2 = openat(sfd, name,
				    O_RDONLY | O_DIRECTORY | O_NOFOLLOW |
					    O_CLOEXEC);
			d2 = openat(dfd, name,
				    O_RDONLY | O_DIRECTORY | O_NOFOLLOW |
					    O_CLOEXEC);
			if (s2 < 0 || d2 < 0)
				rc = err_set(j->e,
					     "kan de map '%s/%s' niet "
					     "openen: %s",
					     j->src, path, why(errno));
			else
				rc = copy_dir(j, s2, d2, path, depth + 1);
			if (rc == 0 && sync_fd(d2) < 0)
				rc = err_set(j->e,
					     "kan de map '%s' niet "
					     "bijwerken: %s",
					     path, why(errno));
			if (s2 >= 0)
				close(s2);
			if (d2 >= 0)
				close(d2);
		}
	}
	free_names(names, n);
	return rc;
}

/* One more than the highest N of the packs/pack-N folders (1 when none). */
static int next_number(struct job *j)
{
	char **names, *end;
	int i, n, best = 0;
	long v;

	names = list_names(j->packs_fd, &n);
	if (!names)
		return packs_unreadable(j);
	for (i = 0; i < n; i++) {
		if (!str_starts(names[i], PACK_PREFIX))
			continue;
		errno = 0;
		v = strtol(names[i] + strlen(PACK_PREFIX), &end, 10);
		if (errno || *end || end == names[i] + strlen(PACK_PREFIX) ||
		    v < 0 || v >= INT_MAX - 1)
			continue;
		if (v > best)
			best = (int)v;
	}
	free_names(names, n);
	return best + 1;
}

/* Removes every entry of packs/ that is neither current nor previous. */
static int prune(struct job *j)
{
	struct stat cur, prev, st;
	char **names;
	int i, n, have_cur, have_prev, keep, removed = 0, rc = 0;

	have_cur = link_dir(j, CURRENT, &cur) == 0;
	have_prev = link_dir(j, PREVIOUS, &prev) == 0;
	if (!have_cur) /* never expected here; keep everything to be safe */
		return 0;
	names = list_names(j->packs_fd, &n);
	if (!names)
		return packs_unreadable(j);
	for (i = 0; i < n && rc == 0; i++) {
		keep = fstatat(j->packs_fd, names[i], &st,
			       AT_SYMLINK_NOFOLLOW) == 0 &&
		       (same_file(&st, &cur) ||
			(have_prev && same_file(&st, &prev)));
		if (keep)
			continue;
		job_step(j, "remove the old pack " PACKS_DIR "/%s", names[i]);
		if (remove_tree(j->packs_fd, names[i], 0) < 0)
			rc = err_set(j->e,
				     "kan het oude pakket '%s/" PACKS_DIR
				     "/%s' niet weghalen: %s",
				     j->data_dir, names[i], why(errno));
		removed = 1;
	}
	free_names(names, n);
	if (removed && sync_packs(j) < 0)
		return -1;
	return rc;
}

/* Removes the unfinished copy after a failed install; the message of the
 * failure stays in j->e. */
static void discard(struct job *j, const char *tmp)
{
	job_step(j, "remove the unfinished copy " PACKS_DIR "/%s", tmp);
	if (remove_tree(j->packs_fd, tmp, 0) == 0)
		sync_fd(j->packs_fd);
}

int packstore_install(const char *data_dir, const char *src,
		      packstore_step_fn step, void *ctx, struct err *e)
{
	return packstore_install_with(data_dir, src, NULL, step, ctx, e);
}

int packstore_install_with(const char *data_dir, const char *src,
			   const struct packstore_opts *o,
			   packstore_step_fn step, void *ctx, struct err *e)
{
	struct job j;
	struct stat st;
	char tmp_path[PATH_MAX], name[32], target[PATH_MAX];
	const char *tmp;
	int src_fd = -1, tmp_fd = -1, num, len, rc = -1;

	if (job_open(&j, data_dir, 1, step, ctx, e) < 0)
		goto out;
	j.src = src;
	j.o = o;
	src_fd = open(src, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (src_fd < 0) {
		err_set(e, "kan de map '%s' niet openen: %s", src, why(errno));
		goto out;
	}
	if (links_check(&j) < 0 || recover(&j) < 0)
		goto out;

	len = snprintf(tmp_path, sizeof(tmp_path),
		       "%s/" PACKS_DIR "/" TMP_PREFIX "XXXXXX", data_dir);
	if (len < 0 || (size_t)len >= sizeof(tmp_path)) {
		err_set(e, "de naam van de gegevensmap '%s' is te lang",
			data_dir);
		goto out;
	}
	job_step(&j, "create the folder " PACKS_DIR "/" TMP_PREFIX "XXXXXX");
	if (!mkdtemp(tmp_path)) {
		err_set(e,
			"kan geen nieuwe map maken in '%s/" PACKS_DIR "': "
			"%s",
			data_dir, why(errno));
		goto out;
	}
	tmp = strrchr(tmp_path, '/') + 1;
	tmp_fd = openat(j.packs_fd, tmp, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	/* mkdtemp makes it 0700; the kiosk may run as another user */
	if (tmp_fd < 0 || fchmod(tmp_fd, 0755) < 0) {
		err_set(e, "kan de map '%s' niet openen: %s", tmp_path,
			why(errno));
		discard(&j, tmp);
		goto out;
	}
	if (copy_dir(&j, src_fd, tmp_fd, "", 0) < 0 ||
	    (o && o->about && write_about(&j, tmp_fd) < 0)) {
		discard(&j, tmp);
		goto out;
	}
	if (sync_fd(tmp_fd) < 0) {
		err_set(e, "kan de map '%s' niet bijwerken: %s", tmp_path,
			why(errno));
		discard(&j, tmp);
		goto out;
	}
	if ((num = next_number(&j)) < 0) {
		discard(&j, tmp);
		goto out;
	}
	snprintf(name, sizeof(name), PACK_PREFIX "%d", num);
	job_step(&j, "rename " PACKS_DIR "/%s to " PACKS_DIR "/%s", tmp, name);
	if (renameat(j.packs_fd, tmp, j.packs_fd, name) < 0) {
		err_set(e,
			"kan het nieuwe pakket '%s/" PACKS_DIR "/%s' niet "
			"klaarzetten: %s",
			data_dir, name, why(errno));
		discard(&j, tmp);
		goto out;
	}
	if (sync_packs(&j) < 0)
		goto out;

	/* previous first: it takes over current's target, a whole pack,
	 * before current moves on */
	if (link_dir(&j, CURRENT, &st) == 0 &&
	    link_read(&j, CURRENT, target, sizeof(target)) == 0 &&
	    link_set(&j, PREVIOUS, target) < 0)
		goto out;
	snprintf(target, sizeof(target), PACKS_DIR "/%s", name);
	if (link_set(&j, CURRENT, target) < 0 || prune(&j) < 0)
		goto out;
	rc = 0;
out:
	if (tmp_fd >= 0)
		close(tmp_fd);
	if (src_fd >= 0)
		close(src_fd);
	job_close(&j);
	return rc;
}

int packstore_rollback(const char *data_dir, packstore_step_fn step, void *ctx,
		       struct err *e)
{
	struct job j;
	struct stat cur, prev;
	char cur_t[PATH_MAX], prev_t[PATH_MAX];
	int rc = -1;

	if (job_open(&j, data_dir, 0, step, ctx, e) < 0 ||
	    links_check(&j) < 0 || recover(&j) < 0)
		goto out;
	if (link_dir(&j, CURRENT, &cur) < 0 ||
	    link_read(&j, CURRENT, cur_t, sizeof(cur_t)) < 0) {
		err_set(e, "er is nog geen pakket geïnstalleerd in '%s'",
			data_dir);
		goto out;
	}
	if (link_dir(&j, PREVIOUS, &prev) < 0 ||
	    link_read(&j, PREVIOUS, prev_t, sizeof(prev_t)) < 0 ||
	    same_file(&cur, &prev)) {
		err_set(e, "er is geen vorig pakket om terug te zetten");
		goto out;
	}

	/* Both twins first, then current, then previous. Cut off after
	 * current moved, previous.new names the old current: recover()
	 * finishes the swap next time. */
	job_step(&j, "make the link " CURRENT NEW_SUFFIX " -> %s", prev_t);
	if (symlinkat(prev_t, j.data_fd, CURRENT NEW_SUFFIX) < 0) {
		err_set(e,
			"kan de koppeling '%s/" CURRENT NEW_SUFFIX "' niet "
			"maken: %s",
			data_dir, why(errno));
		goto out;
	}
	job_step(&j, "make the link " PREVIOUS NEW_SUFFIX " -> %s", cur_t);
	if (symlinkat(cur_t, j.data_fd, PREVIOUS NEW_SUFFIX) < 0) {
		err_set(e,
			"kan de koppeling '%s/" PREVIOUS NEW_SUFFIX "' niet "
			"maken: %s",
			data_dir, why(errno));
		goto out;
	}
	if (sync_data(&j) < 0)
		goto out;
	job_step(&j, "rename " CURRENT NEW_SUFFIX " over " CURRENT);
	if (renameat(j.data_fd, CURRENT NEW_SUFFIX, j.data_fd, CURRENT) < 0) {
		err_set(e,
			"kan de koppeling '%s/" CURRENT "' niet vervangen: "
			"%s",
			data_dir, why(errno));
		goto out;
	}
	if (sync_data(&j) < 0)
		goto out;
	job_step(&j, "rename " PREVIOUS NEW_SUFFIX " over " PREVIOUS);
	if (renameat(j.data_fd, PREVIOUS NEW_SUFFIX, j.data_fd, PREVIOUS) < 0) {
		err_set(e,
			"kan de koppeling '%s/" PREVIOUS "' niet vervangen: "
			"%s",
			data_dir, why(errno));
		goto out;
	}
	if (sync_data(&j) < 0)
		goto out;
	rc = 0;
out:
	job_close(&j);
	return rc;
}

/* ---- looking without changing anything ---- */

/* The resolved full path of data_dir/name, when that is a folder. */
static int resolve(const char *data_dir, const char *name, char *out,
		   size_t size, struct stat *st)
{
	char path[PATH_MAX], *real;
	int len;
	size_t n;

	len = snprintf(path, sizeof(path), "%s/%s", data_dir, name);
	if (len < 0 || (size_t)len >= sizeof(path))
		return -1;
	real = realpath(path, NULL);
	if (!real)
		return -1;
	n = strlen(real);
	if (stat(real, st) < 0 || !S_ISDIR(st->st_mode) || n >= size) {
		free(real);
		return -1;
	}
	memcpy(out, real, n + 1);
	free(real);
	return 0;
}

int packstore_current(const char *data_dir, char *out, size_t size)
{
	struct stat st;

	return resolve(data_dir, CURRENT, out, size, &st);
}

int packstore_previous(const char *data_dir, char *out, size_t size)
{
	struct stat cur, prev;
	char cur_path[PATH_MAX];

	if (resolve(data_dir, PREVIOUS, out, size, &prev) < 0)
		return -1;
	if (resolve(data_dir, CURRENT, cur_path, sizeof(cur_path), &cur) == 0 &&
	    same_file(&cur, &prev)) {
		out[0] = '\0';
		return -1;
	}
	return 0;
}

int packstore_about(const char *data_dir, char *out, size_t size)
{
	char path[PATH_MAX + 16];
	ssize_t n;
	int fd;

	if (packstore_current(data_dir, path, PATH_MAX) < 0)
		return -1;
	strcat(path, "/" ABOUT_FILE);
	fd = open(path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
	if (fd < 0 || size == 0) {
		if (fd >= 0)
			close(fd);
		return -1;
	}
	n = read(fd, out, size - 1);
	close(fd);
	if (n < 0)
		return -1;
	out[n] = '\0';
	return 0;
}
