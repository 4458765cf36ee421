/*
 * fuzz_script: libFuzzer target for the script runner's line parser. Every
 * line of the input is parsed; a bad line must give a reason, never crash.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "core/app/script.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *buf = malloc(size + 1), *line, *next;
	struct script_cmd cmd;
	struct err e;

	if (!buf)
		return 0;
	memcpy(buf, data, size);
	buf[size] = '\0';
	for (line = buf; line; line = next) {
		next = strchr(line, '\n');
		if (next)
			*next++ = '\0';
		if (script_parse(line, &cmd, &e) < 0 && !e.msg[0])
			abort(); /* a failure must say why */
	}
	free(buf);
	return 0;
}
