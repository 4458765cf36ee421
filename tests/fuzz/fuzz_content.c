/*
 * fuzz_content: libFuzzer target for the content pack reader. Each input is
 * split at the first NUL byte into a kiosk.ini and a Markdown page, written
 * into a scratch pack with one page tile, and loaded. The loader must
 * report problems, never crash, leak or read out of bounds.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/content/content.h"

static char dir[64];

static void put(const char *name, const uint8_t *data, size_t n)
{
	char path[128];
	FILE *f;

	snprintf(path, sizeof(path), "%s/%s", dir, name);
	f = fopen(path, "wb");
	if (!f)
		abort();
	fwrite(data, 1, n, f);
	fclose(f);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const char tile[] = "[tile]\nkind = page\ntitle = Test\n";
	static const char attract[] = "Welkom\n";
	const uint8_t *nul = memchr(data, 0, size);
	size_t ini_n = nul ? (size_t)(nul - data) : size;
	struct content_report r = { 0 };
	struct content *c;
	struct err e;
	char sub[96];

	if (!dir[0]) {
		snprintf(dir, sizeof(dir), "/tmp/fuzz-content-%d",
			 (int)getpid());
		mkdir(dir, 0700);
		snprintf(sub, sizeof(sub), "%s/t", dir);
		mkdir(sub, 0700);
	}
	put("kiosk.ini", data, ini_n);
	put("attract.nl.txt", (const uint8_t *)attract, sizeof(attract) - 1);
	put("t/tile.ini", (const uint8_t *)tile, sizeof(tile) - 1);
	if (nul)
		put("t/nl.md", nul + 1, size - ini_n - 1);
	else
		put("t/nl.md", (const uint8_t *)"# T\n\nTekst.\n", 12);
	c = content_load(dir, CONTENT_QUICK, NULL, NULL, &r, &e);
	content_free(c);
	content_report_release(&r);
	return 0;
}
