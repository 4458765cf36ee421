/*
 * script: parsing script lines and running them against the app on a
 * simulated clock.
 */
#include "core/app/script.h"

#include <ctype.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "base/util.h"

#define TAP_HOLD_MS 80 /* a finger rests briefly on the glass */
#define SWIPE_STEPS 8
#define SWIPE_MS    240
#define DRAG_MS	    480 /* a drag is slower than a swipe */

static const char *skip_ws(const char *p)
{
	while (*p == ' ' || *p == '\t')
		p++;
	return p;
}

/* Reads a "quoted string" with \" and \\ escapes into out. */
static int parse_quoted(const char **pp, char *out, size_t size, struct err *e)
{
	const char *p = skip_ws(*pp);
	size_t n = 0;

	if (*p != '"')
		return err_set(e, "expected a \"quoted\" text");
	p++;
	while (*p && *p != '"') {
		char c = *p++;

		if (c == '\\') {
			if (*p != '"' && *p != '\\')
				return err_set(e,
					       "unknown escape '\\%c' "
					       "(use \\\" or \\\\)",
					       *p ? *p : ' ');
			c = *p++;
		}
		if (n + 1 >= size)
			return err_set(e, "text too long (at most %zu bytes)",
				       size - 1);
		out[n++] = c;
	}
	if (*p != '"')
		return err_set(e, "missing closing quote");
	out[n] = '\0';
	*pp = p + 1;
	if (!utf8_valid(out, n, NULL))
		return err_set(e, "text is not valid UTF-8");
	return 0;
}

static int parse_int(const char **pp, long min, long max, long *out)
{
	const char *p = skip_ws(*pp);
	char *end;
	long v;

	if (!isdigit((unsigned char)*p) && *p != '-')
		return -1;
	errno = 0;
	v = strtol(p, &end, 10);
	if (errno || end == p || v < min || v > max)
		return -1;
	if (*end && *end != ' ' && *end != '\t')
		return -1;
	*out = v;
	*pp = end;
	return 0;
}

static int expect_end(const char *p, struct err *e)
{
	p = skip_ws(p);
	if (*p && *p != '#')
		return err_set(e, "unexpected '%s' at end of line", p);
	return 0;
}

int script_parse(const char *line, struct script_cmd *cmd, struct err *e)
{
	const char *p = skip_ws(line);
	char word[16];
	size_t n = 0;

	memset(cmd, 0, sizeof(*cmd));
	if (!*p || *p == '#' || *p == '\r') {
		cmd->op = SCRIPT_NOP;
		return 0;
	}
	while (*p && !isspace((unsigned char)*p) && n + 1 < sizeof(word))
		word[n++] = *p++;
	word[n] = '\0';
	if (*p && !isspace((unsigned char)*p))
		return err_set(e, "unknown command '%.15s...'", word);

	if (strcmp(word, "tap") == 0) {
		long x, y;

		if (*skip_ws(p) == '"') {
			cmd->op = SCRIPT_TAP_LABEL;
			if (parse_quoted(&p, cmd->arg, sizeof(cmd->arg), e) < 0)
				return -1;
			return expect_end(p, e);
		}
		if (parse_int(&p, 0, 100000, &x) < 0 ||
		    parse_int(&p, 0, 100000, &y) < 0)
			return err_set(e, "tap needs a \"Label\" or two pixel "
					  "numbers X Y");
		cmd->op = SCRIPT_TAP_XY;
		cmd->x = (int)x;
		cmd->y = (int)y;
		return expect_end(p, e);
	}
	if (strcmp(word, "swipe") == 0) {
		p = skip_ws(p);
		cmd->op = SCRIPT_SWIPE;
		if (str_starts(p, "left")) {
			cmd->dir = -1;
			p += 4;
		} else if (str_starts(p, "right")) {
			cmd->dir = 1;
			p += 5;
		} else {
			return err_set(e, "swipe needs 'left' or 'right'");
		}
		return expect_end(p, e);
	}
	if (strcmp(word, "type") == 0 || strcmp(word, "expect") == 0 ||
	    strcmp(word, "expect-not") == 0) {
		cmd->op = word[0] == 't'		? SCRIPT_TYPE
			  : strcmp(word, "expect") == 0 ? SCRIPT_EXPECT
							: SCRIPT_EXPECT_NOT;
		if (parse_quoted(&p, cmd->arg, sizeof(cmd->arg), e) < 0)
			return err_prefix(e, "%s", word);
		if (cmd->op != SCRIPT_TYPE && !cmd->arg[0])
			return err_set(e, "%s needs a text that is not empty",
				       word);
		return expect_end(p, e);
	}
	if (strcmp(word, "wait") == 0) {
		if (parse_int(&p, 0, 7L * 24 * 3600 * 1000, &cmd->ms) < 0)
			return err_set(e, "wait needs milliseconds: a whole "
					  "number from 0 to 604800000");
		cmd->op = SCRIPT_WAIT;
		return expect_end(p, e);
	}
	if (strcmp(word, "shot") == 0) {
		const char *f = skip_ws(p);
		size_t len;

		if (*f == '"') {
			if (parse_quoted(&p, cmd->arg, sizeof(cmd->arg), e) < 0)
				return err_prefix(e, "shot");
		} else {
			len = strcspn(f, " \t#");
			if (len == 0 || len >= sizeof(cmd->arg))
				return err_set(e, "shot needs a file name");
			memcpy(cmd->arg, f, len);
			cmd->arg[len] = '\0';
			p = f + len;
		}
		len = strlen(cmd->arg);
		if (len < 5 || strcmp(cmd->arg + len - 4, ".png") != 0)
			return err_set(e, "shot saves PNG: the file name must "
					  "end in .png");
		cmd->op = SCRIPT_SHOT;
		return expect_end(p, e);
	}
	if (strcmp(word, "drag") == 0) {
		long v[4];
		int i;

		for (i = 0; i < 4; i++)
			if (parse_int(&p, 0, 100000, &v[i]) < 0)
				return err_set(e, "drag needs four pixel "
						  "numbers X1 Y1 X2 Y2");
		cmd->op = SCRIPT_DRAG;
		cmd->x = (int)v[0];
		cmd->y = (int)v[1];
		cmd->x2 = (int)v[2];
		cmd->y2 = (int)v[3];
		return expect_end(p, e);
	}
	if (strcmp(word, "press") == 0) {
		long x, y;

		if (parse_int(&p, 0, 100000, &x) < 0 ||
		    parse_int(&p, 0, 100000, &y) < 0 ||
		    parse_int(&p, 0, 600000, &cmd->ms) < 0)
			return err_set(e, "press needs X Y and how long in "
					  "milliseconds (0 to 600000)");
		cmd->op = SCRIPT_PRESS;
		cmd->x = (int)x;
		cmd->y = (int)y;
		return expect_end(p, e);
	}
	if (strcmp(word, "key") == 0) {
		/* the rest of the line: key names may hold spaces */
		size_t len;

		p = skip_ws(p);
		len = strcspn(p, "#");
		while (len && (p[len - 1] == ' ' || p[len - 1] == '\t' ||
			       p[len - 1] == '\r'))
			len--;
		if (len == 0 || len >= 64)
			return err_set(e, "key needs a key name, such as "
					  "Escape, alt+F4 or ctrl+q");
		memcpy(cmd->arg, p, len);
		cmd->arg[len] = '\0';
		cmd->op = SCRIPT_KEY;
		return 0;
	}
	if (strcmp(word, "list") == 0 || strcmp(word, "quit") == 0 ||
	    strcmp(word, "say") == 0) {
		cmd->op = word[0] == 'l'   ? SCRIPT_LIST
			  : word[0] == 's' ? SCRIPT_SAY
					   : SCRIPT_QUIT;
		return expect_end(p, e);
	}
	return err_set(e,
		       "unknown command '%s' (known: tap, swipe, drag, press, "
		       "type, key, wait, expect, expect-not, shot, list, say, "
		       "quit)",
		       word);
}

static void pointer(struct script_run *run, enum ptr_kind k, int x, int y)
{
	app_pointer(run->app, k, x, y, run->now);
}

/* -1 when the output cannot be written (errno says why) */
static int list_frame(const struct draw_list *dl, FILE *out)
{
	int i;

	for (i = 0; i < dl->nhits; i++)
		fprintf(out, "tap: %s\n", dl->hits[i].label);
	for (i = 0; i < dl->ntexts; i++)
		fprintf(out, "text: %s\n", dl->texts[i].text);
	fprintf(out, "end\n");
	return fflush(out) == 0 && !ferror(out) ? 0 : -1;
}

int script_exec(struct script_run *run, const struct script_cmd *cmd,
		struct err *e)
{
	struct app *a = run->app;
	const struct draw_list *dl = app_frame(a);
	int rc = 0;

	switch (cmd->op) {
	case SCRIPT_NOP:
		return 0;
	case SCRIPT_TAP_LABEL: {
		const struct hit *h = draw_list_find_hit(dl, cmd->arg);
		int x, y;

		if (!h)
			return err_set(e, "no button \"%s\" on screen",
				       cmd->arg);
		x = h->r.x + h->r.w / 2;
		y = h->r.y + h->r.h / 2;
		pointer(run, UI_PTR_DOWN, x, y);
		run->now += TAP_HOLD_MS;
		pointer(run, UI_PTR_UP, x, y);
		break;
	}
	case SCRIPT_TAP_XY:
		if (cmd->x >= a->width || cmd->y >= a->height)
			return err_set(e,
				       "tap %d %d is outside the %dx%d screen",
				       cmd->x, cmd->y, a->width, a->height);
		pointer(run, UI_PTR_DOWN, cmd->x, cmd->y);
		run->now += TAP_HOLD_MS;
		pointer(run, UI_PTR_UP, cmd->x, cmd->y);
		break;
	case SCRIPT_SWIPE: {
		/* across the middle of the screen, from one side towards the
		 * other, in steps as a finger moves */
		int y = a->height / 2, from, to, i;

		from = cmd->dir < 0 ? a->width * 4 / 5 : a->width / 5;
		to = cmd->dir < 0 ? a->width / 5 : a->width * 4 / 5;
		pointer(run, UI_PTR_DOWN, from, y);
		for (i = 1; i <= SWIPE_STEPS; i++) {
			run->now += SWIPE_MS / SWIPE_STEPS;
			pointer(run, i == SWIPE_STEPS ? UI_PTR_UP : UI_PTR_MOVE,
				from + (to - from) * i / SWIPE_STEPS, y);
		}
		break;
	}
	case SCRIPT_TYPE:
		if (app_type(a, cmd->arg, run->now, e) < 0)
			return -1;
		break;
	case SCRIPT_WAIT:
		run->now += (uint64_t)cmd->ms;
		app_advance(a, run->now);
		break;
	case SCRIPT_EXPECT:
		if (!draw_list_has_text(dl, cmd->arg))
			return err_set(e,
				       "expected \"%s\" on screen, but it "
				       "is not there",
				       cmd->arg);
		return 0;
	case SCRIPT_EXPECT_NOT:
		if (draw_list_has_text(dl, cmd->arg))
			return err_set(e,
				       "\"%s\" is on screen, but should "
				       "not be",
				       cmd->arg);
		return 0;
	case SCRIPT_SHOT:
		if (!run->host->shot)
			return err_set(e, "this runner cannot save pictures");
		return run->host->shot(run->host->ctx, dl, cmd->arg, e);
	case SCRIPT_LIST:
		if (list_frame(dl, run->host->out) == 0)
			return 0;
		if (errno == EPIPE)
			return 1; /* the reader has gone: nobody to answer */
		return err_set(e, "cannot write the list: %s", strerror(errno));
	case SCRIPT_SAY: {
		struct readaloud r = { 0 };
		int i, n = app_say(a, &r), bad = 0;

		for (i = 0; i < n; i++)
			bad |= fprintf(run->host->out, "say: %s\n",
				       r.lines[i]) < 0;
		bad |= fprintf(run->host->out, "end\n") < 0;
		bad |= fflush(run->host->out) != 0;
		readaloud_wipe(&r);
		if (!bad)
			return 0;
		if (errno == EPIPE)
			return 1; /* the reader has gone: nobody to answer */
		return err_set(e, "cannot write what is read aloud: %s",
			       strerror(errno));
	}
	case SCRIPT_DRAG: {
		int i;

		if (cmd->x >= a->width || cmd->y >= a->height ||
		    cmd->x2 >= a->width || cmd->y2 >= a->height)
			return err_set(e,
				       "drag %d %d %d %d goes outside the "
				       "%dx%d screen",
				       cmd->x, cmd->y, cmd->x2, cmd->y2,
				       a->width, a->height);
		pointer(run, UI_PTR_DOWN, cmd->x, cmd->y);
		for (i = 1; i <= SWIPE_STEPS; i++) {
			run->now += DRAG_MS / SWIPE_STEPS;
			pointer(run, UI_PTR_MOVE,
				cmd->x + (cmd->x2 - cmd->x) * i / SWIPE_STEPS,
				cmd->y + (cmd->y2 - cmd->y) * i / SWIPE_STEPS);
		}
		pointer(run, UI_PTR_UP, cmd->x2, cmd->y2);
		break;
	}
	case SCRIPT_PRESS:
		if (cmd->x >= a->width || cmd->y >= a->height)
			return err_set(e,
				       "press %d %d is outside the %dx%d "
				       "screen",
				       cmd->x, cmd->y, a->width, a->height);
		/* held still: every timer on the way fires (a long press) */
		pointer(run, UI_PTR_DOWN, cmd->x, cmd->y);
		run->now += (uint64_t)cmd->ms;
		app_advance(a, run->now);
		pointer(run, UI_PTR_UP, cmd->x, cmd->y);
		break;
	case SCRIPT_KEY:
		if (!run->host->key)
			return err_set(e, "this runner cannot press keys");
		if (run->host->key(run->host->ctx, a, cmd->arg, run->now, e) <
		    0)
			return -1;
		break;
	case SCRIPT_QUIT:
		rc = 1;
		break;
	}
	/* the host runs what the real loop runs after events and on time
	 * (a newly installed pack, the speech of "Lees voor") */
	if (run->host->tick)
		run->host->tick(run->host->ctx, run->now);
	dl = app_frame(a);
	if (run->host->present)
		run->host->present(run->host->ctx, dl);
	return rc;
}

int script_run_file(struct script_run *run, FILE *f, const char *name)
{
	char line[SCRIPT_ARG_MAX + 64];
	struct script_cmd *cmd = xmalloc(sizeof(*cmd));
	int lineno = 0, rc = 0;

	if (run->host->present)
		run->host->present(run->host->ctx, app_frame(run->app));
	/* waiting for input looks at the file descriptor, so no line may
	 * hide in stdio's buffer: read unbuffered */
	if (run->host->wait_input)
		setvbuf(f, NULL, _IONBF, 0);
	while ((!run->host->wait_input ||
		run->host->wait_input(run->host->ctx, f) == 0) &&
	       fgets(line, sizeof(line), f)) {
		struct err e = { "" };
		size_t len = strlen(line);
		int r;

		lineno++;
		if (len == sizeof(line) - 1 && line[len - 1] != '\n') {
			fprintf(stderr, "%s:%d: line too long\n", name, lineno);
			rc = -1;
			break;
		}
		while (len && (line[len - 1] == '\n' || line[len - 1] == '\r'))
			line[--len] = '\0';
		if (script_parse(line, cmd, &e) < 0 ||
		    (r = script_exec(run, cmd, &e)) < 0) {
			fprintf(stderr, "%s:%d: %s\n", name, lineno, e.msg);
			rc = -1;
			break;
		}
		/* the runner keeps no copy of what it typed */
		explicit_bzero(line, sizeof(line));
		explicit_bzero(cmd, sizeof(*cmd));
		if (r == 1)
			break;
	}
	explicit_bzero(line, sizeof(line));
	explicit_bzero(cmd, sizeof(*cmd));
	free(cmd);
	return rc;
}
