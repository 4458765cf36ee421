/*
 * usb: finding mounted sticks; see usb.h.
 */
#include "platform/usb.h"

#include <dirent.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

#include "base/util.h"

/* A folder on another file system than its parent: something is mounted
 * there. */
static int is_mount(const char *path, const struct stat *parent)
{
	struct stat st;

	return stat(path, &st) == 0 && S_ISDIR(st.st_mode) &&
	       st.st_dev != parent->st_dev;
}

/* Looks at the folders in dir: a mount point is a stick; depth 1 also
 * looks one level deeper (/media/USER/LABEL). */
static void scan(const char *dir, int depth, int mounts_only,
		 char (*out)[STAFF_PATH_MAX], int max, int *n)
{
	char path[STAFF_PATH_MAX];
	struct stat here;
	struct dirent *d;
	DIR *dp;

	if (stat(dir, &here) != 0 || !(dp = opendir(dir)))
		return;
	while ((d = readdir(dp))) {
		if (d->d_name[0] == '.')
			continue;
		if ((size_t)snprintf(path, sizeof(path), "%s/%s", dir,
				     d->d_name) >= sizeof(path))
			continue;
		if (!path_is_dir(path))
			continue;
		if (!mounts_only || is_mount(path, &here)) {
			if (*n < max)
				str_copy(out[*n], STAFF_PATH_MAX, path);
			(*n)++;
		} else if (depth > 0) {
			scan(path, depth - 1, mounts_only, out, max, n);
		}
	}
	closedir(dp);
}

int usb_find(const char *configured, char (*out)[STAFF_PATH_MAX], int max)
{
	int n = 0;

	if (configured) {
		scan(configured, 0, 0, out, max, &n);
		return n;
	}
	scan("/media", 1, 1, out, max, &n);
	scan("/run/media", 1, 1, out, max, &n);
	return n;
}
