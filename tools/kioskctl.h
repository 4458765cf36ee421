/*
 * kioskctl: what the staff tool's files share: the parsed command line
 * and the commands that live outside kioskctl.c (the sign-ups and their
 * keys, in kioskctl_signups.c).
 */
#ifndef KIOSKCTL_H
#define KIOSKCTL_H

#include <stddef.h>

#define ARGS_MAX 32

/* The screen previews and slips are laid out for: a 24-inch 16:9 panel */
#define SCREEN_W  1920
#define SCREEN_H  1080
#define SCREEN_MM 531.3

struct opts {
	const char *data;
	const char *content; /* print-test: --content given */
	int date;
	int merge;		/* export: --merge given */
	int signups;		/* export: --signups given */
	const char *key;	/* export --signups: --key FILE */
	const char *initiative; /* signups purge/count: --initiative NAME */
	const char *args[ARGS_MAX];
	int nargs;
};

/* The kiosk's data folder: --data, else the default. */
void kioskctl_data_dir(const struct opts *o, char *out, size_t size);

/* kioskctl keygen UITMAP */
int kioskctl_keygen(struct opts *o);

/* kioskctl export --signups UITMAP [--key FILE] */
int kioskctl_export_signups(struct opts *o);

/* kioskctl signups purge|count [--initiative NAME] */
int kioskctl_signups(struct opts *o);

/* kioskctl pin: asks for the staff PIN twice, without echo (kioskctl_kiosk.c) */
int kioskctl_pin(struct opts *o);

/* kioskctl print-test: a test slip on the kiosk's printer */
int kioskctl_print_test(struct opts *o);

/* For `check`: Dutch warning lines about the sign-ups of pack c (borrowed
 * as void * so this header needs no core types); 0 when all is well, else
 * the number of warnings printed. data is the kiosk's data folder. */
int kioskctl_check_signups(const void *content, const char *data);

#endif
