/*
 * fuzz_survey: libFuzzer target for the survey reader. Each input is the
 * enquete.ini of a scratch pack in Dutch and English whose one tile is a
 * survey; the pack is loaded, and when it loads, survey_shows() is asked
 * about every question with answers taken from the input's last bytes.
 * The reader must report problems, never crash, leak or read out of
 * bounds, and a survey it accepts must never trip the asserts of
 * survey_shows() (conditions only on earlier questions).
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/content/content.h"
#include "core/survey/survey.h"

static char dir[64];

static void put(const char *name, const void *data, size_t n)
{
	char path[128];
	FILE *f;

	snprintf(path, sizeof(path), "%s/%s", dir, name);
	f = fopen(path, "wb");
	if (!f)
		return; /* the folder went away: the load reports it */
	fwrite(data, 1, n, f);
	fclose(f);
}

static void put_text(const char *name, const char *text)
{
	put(name, text, strlen(text));
}

/* Fills answers from the input, so every shape of answer is tried. */
static void answers_from(struct survey_answers *ans, const uint8_t *data,
			 size_t size)
{
	int i;

	memset(ans, 0, sizeof(*ans));
	for (i = 0; i < SURVEY_QUESTION_MAX && size > 0; i++) {
		uint8_t b = data[--size];

		ans->a[i].answered = b & 1;
		ans->a[i].choice = (b >> 1) % 8;
		ans->a[i].chosen = (uint32_t)b * 2654435761u;
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct content_report r = { 0 };
	struct survey_answers ans;
	struct content *c;
	struct err e;
	int i, q;

	/* written every time: a scratch folder under /tmp may be cleared
	 * by another run while this one goes on */
	snprintf(dir, sizeof(dir), "/tmp/fuzz-content-survey-%d",
		 (int)getpid());
	mkdir(dir, 0700);
	{
		char sub[96];

		snprintf(sub, sizeof(sub), "%s/enquete", dir);
		mkdir(sub, 0700);
		put_text("kiosk.ini", "[kiosk]\nformat = 1\nname = Test\n"
				      "languages = nl, en\n"
				      "[home]\ntiles = enquete\n");
		put_text("attract.nl.txt", "Welkom\n");
		put_text("attract.en.txt", "Welcome\n");
		put_text("enquete/tile.ini", "[tile]\nkind = enquete\n"
					     "title = Enquete\n"
					     "title.en = Survey\n");
	}
	put("enquete/enquete.ini", data, size);
	c = content_load(dir, CONTENT_QUICK, NULL, NULL, &r, &e);
	for (i = 0; c && i < c->ntiles; i++) {
		const struct survey *s = c->tiles[i].survey;

		if (!s)
			continue;
		answers_from(&ans, data, size);
		for (q = 0; q < s->nquestions; q++)
			survey_shows(s, &ans, q);
	}
	content_free(c);
	content_report_release(&r);
	return 0;
}
