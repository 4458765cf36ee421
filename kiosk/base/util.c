/*
 * util: bounded strings, FNV-1a hashing, UTF-8 decoding and file reading.
 */
#include "base/util.h"

#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

size_t str_copy(char *dst, size_t size, const char *src)
{
	size_t n;

	if (size == 0)
		return 0;
	n = strlen(src);
	if (n >= size) {
		n = size - 1;
		/* step back over UTF-8 continuation bytes */
		while (n > 0 && ((unsigned char)src[n] & 0xC0) == 0x80)
			n--;
	}
	memcpy(dst, src, n);
	dst[n] = '\0';
	return n;
}

void *xmalloc(size_t n)
{
	void *p = malloc(n ? n : 1);

	if (!p) {
		fputs("kiosk: out of memory\n", stderr);
		abort();
	}
	return p;
}

void *xcalloc(size_t n, size_t size)
{
	void *p = calloc(n ? n : 1, size ? size : 1);

	if (!p) {
		fputs("kiosk: out of memory\n", stderr);
		abort();
	}
	return p;
}

void *xrealloc(void *p, size_t n)
{
	void *q = realloc(p, n ? n : 1);

	if (!q) {
		fputs("kiosk: out of memory\n", stderr);
		abort();
	}
	return q;
}

char *str_ndup(const char *s, size_t n)
{
	char *d = xmalloc(n + 1);

	memcpy(d, s, n);
	d[n] = '\0';
	return d;
}

char *str_dup(const char *s)
{
	return str_ndup(s, strlen(s));
}

char *str_trim(char *s)
{
	char *end;

	while (*s && isspace((unsigned char)*s))
		s++;
	end = s + strlen(s);
	while (end > s && isspace((unsigned char)end[-1]))
		end--;
	*end = '\0';
	return s;
}

int str_starts(const char *s, const char *prefix)
{
	return strncmp(s, prefix, strlen(prefix)) == 0;
}

uint32_t hash_bytes(uint32_t h, const void *p, size_t n)
{
	const unsigned char *b = p;

	while (n--) {
		h ^= *b++;
		h *= 16777619u;
	}
	return h;
}

uint32_t hash_str(uint32_t h, const char *s)
{
	return hash_bytes(h, s, strlen(s));
}

/* Length of the UTF-8 sequence starting at s (n bytes left), 0 when bad. */
static size_t utf8_seq(const unsigned char *s, size_t n, uint32_t *cp)
{
	size_t len, i;
	uint32_t c;

	if (s[0] < 0x80) {
		*cp = s[0];
		return 1;
	} else if ((s[0] & 0xE0) == 0xC0) {
		len = 2;
		c = s[0] & 0x1F;
	} else if ((s[0] & 0xF0) == 0xE0) {
		len = 3;
		c = s[0] & 0x0F;
	} else if ((s[0] & 0xF8) == 0xF0) {
		len = 4;
		c = s[0] & 0x07;
	} else {
		return 0;
	}
	if (len > n)
		return 0;
	for (i = 1; i < len; i++) {
		if ((s[i] & 0xC0) != 0x80)
			return 0;
		c = (c << 6) | (s[i] & 0x3F);
	}
	/* overlong forms, surrogates and values past U+10FFFF */
	if ((len == 2 && c < 0x80) || (len == 3 && c < 0x800) ||
	    (len == 4 && c < 0x10000) || c > 0x10FFFF ||
	    (c >= 0xD800 && c <= 0xDFFF))
		return 0;
	*cp = c;
	return len;
}

int utf8_valid(const char *s, size_t n, size_t *bad_at)
{
	size_t i = 0, len;
	uint32_t cp;

	while (i < n) {
		len = utf8_seq((const unsigned char *)s + i, n - i, &cp);
		if (!len) {
			if (bad_at)
				*bad_at = i;
			return 0;
		}
		i += len;
	}
	return 1;
}

uint32_t utf8_next(const char **s)
{
	const unsigned char *p = (const unsigned char *)*s;
	size_t n = 0, len;
	uint32_t cp;

	while (n < 4 && p[n])
		n++;
	if (n == 0)
		return 0;
	len = utf8_seq(p, n, &cp);
	if (!len) {
		*s += 1;
		return 0xFFFD;
	}
	*s += len;
	return cp;
}

uint32_t utf8_next_n(const char *s, size_t n, size_t *i)
{
	uint32_t cp;
	size_t len = utf8_seq((const unsigned char *)s + *i, n - *i, &cp);

	if (!len) {
		*i += 1;
		return 0xFFFD;
	}
	*i += len;
	return cp;
}

char *file_read(const char *path, size_t max_bytes, size_t *len, struct err *e)
{
	FILE *f = fopen(path, "rb");
	char *buf;
	long size;
	size_t got;

	if (!f)
		return err_set(e, "cannot open '%s': %s", path,
			       strerror(errno)),
		       NULL;
	if (fseek(f, 0, SEEK_END) != 0 || (size = ftell(f)) < 0 ||
	    fseek(f, 0, SEEK_SET) != 0) {
		err_set(e, "cannot read '%s': %s", path, strerror(errno));
		fclose(f);
		return NULL;
	}
	if ((size_t)size > max_bytes) {
		err_set(e, "'%s' is too large (%ld bytes, at most %zu)", path,
			size, max_bytes);
		fclose(f);
		return NULL;
	}
	buf = xmalloc((size_t)size + 1);
	got = fread(buf, 1, (size_t)size, f);
	if (got != (size_t)size || ferror(f)) {
		err_set(e, "cannot read '%s': %s", path, strerror(errno));
		free(buf);
		fclose(f);
		return NULL;
	}
	fclose(f);
	buf[got] = '\0';
	if (len)
		*len = got;
	return buf;
}

int path_is_dir(const char *path)
{
	struct stat st;

	return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

int path_mkdirs(const char *path, struct err *e)
{
	char buf[4096];
	size_t i, n = str_copy(buf, sizeof(buf), path);

	for (i = 1; i <= n; i++) {
		if (buf[i] != '/' && buf[i] != '\0')
			continue;
		buf[i] = '\0';
		if (mkdir(buf, 0755) != 0 && errno != EEXIST)
			return err_set(e, "cannot create folder '%s': %s", buf,
				       strerror(errno));
		if (i < n)
			buf[i] = '/';
	}
	if (!path_is_dir(path))
		return err_set(e, "'%s' is not a folder", path);
	return 0;
}

/* Returns -1 with errno set to code, after the message is written (so a
 * caller can still put the cause in its own words). */
static int fail_with(int code)
{
	errno = code;
	return -1;
}

/* parent of path, without trailing slashes: "/a/b" -> "/a", "b" -> "." */
static void path_parent(const char *path, char *out, size_t size)
{
	const char *slash = strrchr(path, '/');

	if (!slash)
		str_copy(out, size, ".");
	else if (slash == path)
		str_copy(out, size, "/");
	else
		snprintf(out, size, "%.*s", (int)(slash - path), path);
}

int path_mkdir_below(const char *path, const char *base, struct err *e)
{
	char buf[4096], parent[4096];
	size_t n, from, i;
	struct stat st;
	int code;

	n = str_copy(buf, sizeof(buf), path);
	if (n == 0 || n != strlen(path)) {
		err_set(e, "'%s' is not a usable folder name", path);
		return fail_with(n ? ENAMETOOLONG : ENOENT);
	}
	while (n > 1 && buf[n - 1] == '/')
		buf[--n] = '\0';
	if (stat(buf, &st) == 0) {
		if (S_ISDIR(st.st_mode))
			return 0;
		err_set(e, "'%s' is not a folder", buf);
		return fail_with(ENOTDIR);
	}
	if (base) {
		from = strlen(base);
		while (from > 1 && base[from - 1] == '/')
			from--;
		if (from >= n || strncmp(buf, base, from) != 0 ||
		    (from > 1 && buf[from] != '/')) {
			err_set(e, "'%s' is not inside '%s'", buf, base);
			return fail_with(EINVAL);
		}
		snprintf(parent, sizeof(parent), "%.*s", (int)from, base);
	} else {
		path_parent(buf, parent, sizeof(parent));
		from = strrchr(buf, '/') ? (size_t)(strrchr(buf, '/') - buf)
					 : 0;
	}
	if (!path_is_dir(parent)) {
		err_set(e,
			"cannot create folder '%s': the folder '%s' above it "
			"does not exist",
			buf, parent);
		return fail_with(ENOENT);
	}
	/* each missing folder after base, in order */
	for (i = from + 1; i <= n; i++) {
		if (buf[i] != '/' && buf[i] != '\0')
			continue;
		buf[i] = '\0';
		if (mkdir(buf, 0755) != 0 && errno != EEXIST) {
			code = errno;
			err_set(e, "cannot create folder '%s': %s", buf,
				strerror(code));
			return fail_with(code);
		}
		if (i < n)
			buf[i] = '/';
	}
	if (!path_is_dir(buf)) {
		err_set(e, "'%s' is not a folder", buf);
		return fail_with(ENOTDIR);
	}
	return 0;
}

int path_probe_write(const char *path, struct err *e)
{
	char tmp[4096 + 32];
	int fd, code = 0;

	/* an unnamed file leaves nothing behind, even after a power cut */
	tmp[0] = '\0';
	fd = open(path, O_TMPFILE | O_WRONLY | O_CLOEXEC, 0600);
	if (fd < 0 && (errno == EOPNOTSUPP || errno == EISDIR)) {
		snprintf(tmp, sizeof(tmp), "%s/.write-test-XXXXXX", path);
		fd = mkstemp(tmp);
	}
	if (fd < 0) {
		code = errno;
	} else {
		errno = 0;
		if (write(fd, "w", 1) != 1)
			code = errno ? errno : ENOSPC;
		else if (fsync(fd) != 0)
			code = errno;
		close(fd);
		if (tmp[0])
			unlink(tmp);
	}
	if (code) {
		err_set(e, "cannot write in '%s': %s", path, strerror(code));
		return fail_with(code);
	}
	return 0;
}

void path_default_data(char *out, size_t size)
{
	const char *xdg = getenv("XDG_DATA_HOME"), *home = getenv("HOME");

	if (xdg && *xdg)
		snprintf(out, size, "%s/wijkkiosk", xdg);
	else
		snprintf(out, size, "%s/.local/share/wijkkiosk",
			 home && *home ? home : "/tmp");
}

const char *path_default_data_base(const char *data)
{
	const char *home = getenv("HOME");
	size_t n = home ? strlen(home) : 0;

	if (n > 1 && strncmp(data, home, n) == 0 && data[n] == '/')
		return home;
	return NULL;
}

void path_home(char *out, size_t size)
{
	char exe[4096];
	ssize_t n = readlink("/proc/self/exe", exe, sizeof(exe) - 1);
	char *slash;

	if (n <= 0) {
		str_copy(out, size, ".");
		return;
	}
	exe[n] = '\0';
	/* drop the file name, then build/ and a flavour folder under it */
	if ((slash = strrchr(exe, '/')))
		*slash = '\0';
	while ((slash = strrchr(exe, '/')) &&
	       (strcmp(slash, "/build") == 0 || strcmp(slash, "/san") == 0))
		*slash = '\0';
	str_copy(out, size, exe);
}
