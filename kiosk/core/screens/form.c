/*
 * form: shared pieces of the question and sign-up screens; see form.h.
 */
#include "core/screens/form.h"

#include <stdio.h>
#include <string.h>

#include "core/screens/chrome.h"
#include "core/ui/keyboard.h"

void form_ask(const struct screen_ctx *c, int op, int x, int y)
{
	screen_ask(c, (struct screen_req){
			      .kind = REQ_FORM, .value = op, .x = x, .y = y });
}

void form_typing(const struct screen_ctx *c, const char *text, int max_chars,
		 const char *hint, int quiet, int y, int bottom)
{
	struct ui *ui = c->ui;
	int m = ui_mm(ui, MARGIN_MM), w = c->width - 2 * m;
	/* one line of text: the keyboard stays where the finger expects it */
	int fh = ui_text_field_height(ui, 1, hint, w);
	struct ui_key_event ev = { 0 };
	struct ui_keyboard_labels kl = {
		.space = screen_tr(c, "keys.space"),
		.erase = screen_tr(c, "keys.erase"),
		.shift = screen_tr(c, "keys.shift"),
		.accents = screen_tr(c, "keys.accents"),
		.letters = screen_tr(c, "keys.letters"),
	};
	struct ui_text_field_labels fl = {
		.name = NULL,
		.hint = hint,
		.counter = screen_tr(c, "keys.counter"),
	};
	struct ui_keyboard_state st = { c->visit->kb_shift,
					c->visit->kb_accents };
	struct rect kb;

	ui->dl.quiet = quiet;
	ui_text_field(ui, "field", (struct rect){ m, y, w, fh }, text,
		      max_chars, 1, &fl);
	ui->dl.quiet = 0;
	kb = (struct rect){ m, y + fh + ui_mm(ui, 4), w,
			    bottom - y - fh - ui_mm(ui, 4) };
	if (!ui_keyboard(ui, "keyboard", kb, &st, &kl, &ev))
		return;
	switch (ev.kind) {
	case UI_KEY_TEXT:
		screen_ask(c, (struct screen_req){ .kind = REQ_FORM,
						   .value = FORM_TYPE });
		memcpy(c->reqs->r[c->reqs->n - 1].text, ev.text,
		       sizeof(ev.text));
		break;
	case UI_KEY_ERASE:
		form_ask(c, FORM_ERASE, 0, 0);
		break;
	case UI_KEY_SHIFT:
		form_ask(c, FORM_SHIFT, 0, 0);
		break;
	case UI_KEY_ACCENTS:
		form_ask(c, FORM_ACCENTS, 0, 0);
		break;
	default:
		break;
	}
}

void form_print_state(const struct screen_ctx *c, int x, int y, int w)
{
	static const char *const keys[] = {
		[PRINT_NONE] = NULL,
		[PRINT_BUSY] = "print.busy",
		[PRINT_DONE] = "print.done",
		[PRINT_FAILED] = "print.failed",
	};

	if (c->print_state > PRINT_NONE && c->print_state <= PRINT_FAILED)
		ui_text(c->ui, (struct rect){ x, y, w, 0 },
			screen_tr(c, keys[c->print_state]), FONT_BODY,
			UI_ALIGN_START, c->theme->text);
}

const struct initiative *form_initiative(const struct screen_ctx *c)
{
	const struct tile *t = screen_tile(c);

	if (c->at->item < 0 || c->at->item >= t->ninitiatives)
		return NULL;
	return &t->initiatives[c->at->item];
}

void form_initiatives_file(const struct screen_ctx *c, char *out, size_t size)
{
	snprintf(out, size, "%s/initiatieven.ini", screen_tile(c)->id);
}

int form_one_part(const struct screen_ctx *c)
{
	(void)c;
	return 1;
}
