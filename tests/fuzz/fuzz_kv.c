/*
 * fuzz_kv: libFuzzer target for the `key = value` reader. Every key and
 * problem it reports must lie inside the input; it must never crash, leak
 * or read out of bounds, whatever bytes (NUL, broken UTF-8, no newline at
 * the end) a settings file holds.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "core/kv.h"

struct count {
	size_t size;
	int keys, lines;
};

static int on_key(void *ctx, const char *section, const char *key,
		  const char *value, int line)
{
	struct count *c = ctx;

	/* nothing longer than the input, and lines count up */
	if (strlen(section) > c->size || strlen(key) > c->size ||
	    strlen(value) > c->size || line < c->lines || line < 1)
		abort();
	c->lines = line;
	c->keys++;
	return 0;
}

static void on_problem(void *ctx, enum kv_problem what, int line)
{
	struct count *c = ctx;

	if (line < 1 || (size_t)line > c->size + 1 || !kv_problem_name(what))
		abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const struct kv_handler h = { on_key, on_problem };
	struct count c = { size, 0, 0 };

	kv_parse((const char *)data, size, &h, &c);
	return 0;
}
