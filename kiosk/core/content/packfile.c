/*
 * packfile: opening pack files beneath the pack's folder descriptor, never
 * through a symlink. openat2() does it in one call on Linux 5.6 and later;
 * where it is missing (ENOSYS) or refused by a sandbox (EPERM) the path is
 * walked one component at a time with O_NOFOLLOW, which gives the same
 * answer.
 */
#include "core/content/packfile.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>
#ifdef SYS_openat2
#include <linux/openat2.h>
#endif

#include "base/util.h"

#define WALK_DEPTH 16

int pack_dir_open(struct pack_dir *p, const char *dir, struct err *e)
{
	p->fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (p->fd < 0)
		return err_set(e, "cannot open pack '%s': %s", dir,
			       strerror(errno));
	return 0;
}

void pack_dir_close(struct pack_dir *p)
{
	if (p->fd >= 0)
		close(p->fd);
	p->fd = -1;
}

/* 1 when rel is a plain relative path: no leading '/', no "", "." or "..". */
static int rel_ok(const char *rel)
{
	const char *s = rel;

	if (!*rel || *rel == '/')
		return 0;
	while (*s) {
		const char *end = strchr(s, '/');
		size_t n = end ? (size_t)(end - s) : strlen(s);

		if (n == 0 || (n == 1 && s[0] == '.') ||
		    (n == 2 && s[0] == '.' && s[1] == '.'))
			return 0;
		if (!end)
			break;
		s = end + 1;
		if (!*s)
			return 0; /* a trailing '/' */
	}
	return 1;
}

/* The walk without openat2: each folder on the way with O_NOFOLLOW. */
static int open_walk(int dirfd, const char *rel, int flags)
{
	char *copy = str_dup(rel), *part = copy, *slash;
	int cur = dirfd, fd, saved;

	while ((slash = strchr(part, '/'))) {
		*slash = '\0';
		fd = openat(cur, part,
			    O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
		saved = errno;
		if (cur != dirfd)
			close(cur);
		if (fd < 0) {
			free(copy);
			errno = saved;
			return -1;
		}
		cur = fd;
		part = slash + 1;
	}
	fd = openat(cur, part, flags | O_NOFOLLOW | O_CLOEXEC | O_NONBLOCK);
	saved = errno;
	if (cur != dirfd)
		close(cur);
	free(copy);
	errno = saved;
	return fd;
}

/* A symlink met with O_DIRECTORY fails as ENOTDIR, not ELOOP: says which. */
static int open_failed(const struct pack_dir *p, const char *rel)
{
	char link[8];
	int saved = errno;

	if (saved == ENOTDIR && pack_find_link(p, rel, link, sizeof(link)) == 0)
		saved = ELOOP;
	errno = saved;
	return -1;
}

int pack_open(const struct pack_dir *p, const char *rel, int flags)
{
	int fd;

	if (!rel_ok(rel)) {
		errno = EXDEV;
		return -1;
	}
#ifdef SYS_openat2
	{
		struct open_how how;
		long got;

		memset(&how, 0, sizeof(how));
		how.flags = (unsigned long long)(flags | O_NOFOLLOW |
						 O_CLOEXEC | O_NONBLOCK);
		how.resolve = RESOLVE_BENEATH | RESOLVE_NO_SYMLINKS |
			      RESOLVE_NO_MAGICLINKS;
		got = syscall(SYS_openat2, p->fd, rel, &how, sizeof(how));
		if (got >= 0)
			return (int)got;
		if (errno != ENOSYS && errno != EPERM && errno != E2BIG)
			return open_failed(p, rel);
	}
#endif
	fd = open_walk(p->fd, rel, flags);
	return fd >= 0 ? fd : open_failed(p, rel);
}

int pack_find_link(const struct pack_dir *p, const char *rel, char *out,
		   size_t size)
{
	char *copy = str_dup(rel), *slash = copy;
	struct stat st;
	int found = -1;

	for (;;) {
		slash = strchr(slash, '/');
		if (slash)
			*slash = '\0';
		if (fstatat(p->fd, copy, &st, AT_SYMLINK_NOFOLLOW) != 0)
			break;
		if (S_ISLNK(st.st_mode)) {
			str_copy(out, size, copy);
			found = 0;
			break;
		}
		if (!slash)
			break;
		*slash++ = '/';
	}
	free(copy);
	return found;
}

static void each_link(int dirfd, const char *prefix, int depth,
		      void (*fn)(void *, const char *), void *ctx)
{
	DIR *dh;
	struct dirent *d;
	int fd = dup(dirfd);

	if (fd < 0)
		return;
	dh = fdopendir(fd);
	if (!dh) {
		close(fd);
		return;
	}
	while ((d = readdir(dh))) {
		char rel[1024];
		struct stat st;

		if (strcmp(d->d_name, ".") == 0 || strcmp(d->d_name, "..") == 0)
			continue;
		if (fstatat(dirfd, d->d_name, &st, AT_SYMLINK_NOFOLLOW) != 0)
			continue;
		snprintf(rel, sizeof(rel), "%s%s%s", prefix, *prefix ? "/" : "",
			 d->d_name);
		if (S_ISLNK(st.st_mode)) {
			fn(ctx, rel);
		} else if (S_ISDIR(st.st_mode) && depth < WALK_DEPTH) {
			int sub = openat(dirfd, d->d_name,
					 O_RDONLY | O_DIRECTORY | O_NOFOLLOW |
						 O_CLOEXEC);

			if (sub >= 0) {
				each_link(sub, rel, depth + 1, fn, ctx);
				close(sub);
			}
		}
	}
	closedir(dh);
}

void pack_each_link(const struct pack_dir *p,
		    void (*fn)(void *ctx, const char *rel), void *ctx)
{
	each_link(p->fd, "", 0, fn, ctx);
}

char *pack_read(const struct pack_dir *p, const char *rel, size_t max,
		size_t *len)
{
	struct stat st;
	char *buf;
	size_t got = 0;
	int fd = pack_open(p, rel, O_RDONLY), saved;

	if (fd < 0)
		return NULL;
	if (fstat(fd, &st) != 0) {
		saved = errno;
		close(fd);
		errno = saved;
		return NULL;
	}
	if (!S_ISREG(st.st_mode)) {
		saved = S_ISDIR(st.st_mode) ? EISDIR : EINVAL;
		close(fd);
		errno = saved;
		return NULL;
	}
	if ((size_t)st.st_size > max) {
		close(fd);
		errno = EFBIG;
		return NULL;
	}
	buf = xmalloc((size_t)st.st_size + 1);
	while (got < (size_t)st.st_size) {
		ssize_t n = read(fd, buf + got, (size_t)st.st_size - got);

		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0) {
			saved = errno;
			free(buf);
			close(fd);
			errno = saved;
			return NULL;
		}
		if (n == 0)
			break; /* the file shrank while read */
		got += (size_t)n;
	}
	close(fd);
	buf[got] = '\0';
	*len = got;
	return buf;
}
