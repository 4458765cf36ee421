/*
 * script: the script runner that end-to-end tests, content previews and
 * demos use to drive the real kiosk (contract in DESIGN.md). One command a
 * line, `#` starts a comment:
 *
 *   tap "Label" | tap X Y | swipe left|right | drag X1 Y1 X2 Y2 |
 *   type "text" | key NAME | wait MS | expect "text" | expect-not "text" |
 *   shot FILE.png | list | say | press X Y MS | quit
 *
 * Parsing and running live in the core; the platform lends a way to save
 * a frame as PNG and to press keys through the real keyboard path. The clock is
 * simulated: `wait` moves it forward and every timer on the way fires in order,
 * so a test of a 90-second idle timeout takes no real time.
 */
#ifndef KIOSK_SCRIPT_H
#define KIOSK_SCRIPT_H

#include <stdint.h>
#include <stdio.h>

#include "base/err.h"
#include "core/app/app.h"

#define SCRIPT_ARG_MAX 1024

enum script_op {
	SCRIPT_NOP, /* blank line or comment */
	SCRIPT_TAP_LABEL,
	SCRIPT_TAP_XY,
	SCRIPT_SWIPE,
	SCRIPT_TYPE,
	SCRIPT_WAIT,
	SCRIPT_EXPECT,
	SCRIPT_EXPECT_NOT,
	SCRIPT_SHOT,
	SCRIPT_LIST,
	SCRIPT_SAY,
	SCRIPT_QUIT,
	SCRIPT_DRAG,
	SCRIPT_KEY,
	SCRIPT_PRESS, /* press X Y MS: a finger held still, then lifted */
};

struct script_cmd {
	enum script_op op;
	char arg[SCRIPT_ARG_MAX]; /* label, text, file or key name */
	int x, y;		  /* TAP_XY; DRAG: from */
	int x2, y2;		  /* DRAG: to */
	int dir;		  /* SWIPE: -1 left, +1 right */
	long ms;		  /* WAIT, PRESS */
};

/* What the runner needs from the platform. */
struct script_host {
	void *ctx;
	/* saves the current frame as PNG at path */
	int (*shot)(void *ctx, const struct draw_list *dl, const char *path,
		    struct err *e);
	/* shows the frame (a real window); may be NULL */
	void (*present)(void *ctx, const struct draw_list *dl);
	FILE *out; /* where `list` writes */
	/* called after every command, at the simulated time now: the host
	 * runs what the real loop runs after events and on time, such as
	 * taking up a newly installed pack or reading aloud; may be NULL */
	void (*tick)(void *ctx, uint64_t now);
	/* presses the key `name` (as in `key alt+F4`) through the platform's
	 * keyboard path and hands what comes out to the app at time now; may
	 * be NULL */
	int (*key)(void *ctx, struct app *a, const char *name, uint64_t now,
		   struct err *e);
	/* called before each line is read: blocks until f has input, returns
	 * 0 to read on or -1 to end the run cleanly (SIGTERM); may be NULL */
	int (*wait_input)(void *ctx, FILE *f);
};

/* Parses one line (without its newline). Returns 0 or -1 with a reason. */
int script_parse(const char *line, struct script_cmd *cmd, struct err *e);

/* The running clock of a script: simulated milliseconds. */
struct script_run {
	struct app *app;
	const struct script_host *host;
	uint64_t now;
};

/* Runs one command. Returns 0 to go on, 1 after `quit` (or when the reader
 * of `list` output has gone: nobody listens, so the run ends quietly), -1
 * on failure with a reason in e. */
int script_exec(struct script_run *run, const struct script_cmd *cmd,
		struct err *e);

/* Reads and runs a whole script from f; `name` is used in messages, which
 * go to stderr as NAME:LINE: reason. Returns 0 when every line passed. */
int script_run_file(struct script_run *run, FILE *f, const char *name);

#endif
