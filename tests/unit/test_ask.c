/*
 * Tests of "Stel een vraag" (kind = ask) and "Doe mee" (kind =
 * initiatives) as a visitor uses them: by touch on a small pack written
 * here, with a sign-up sink that records what it was given. The checks
 * that staff meet in `kioskctl check` are at the end.
 */
#include "fake.h"

#include "core/content/content.h"
#include "core/ui/draw.h"

#define START "Tik op het scherm om te beginnen"

static const char kiosk_ini[] =
	"[kiosk]\nformat = 1\nname = Proeftuin Test\nlanguages = nl, en\n"
	"[home]\ntiles = vraag, doe-mee\n";

static const char topics_ini[] =
	"[wonen]\n"
	"title = Wonen\ntitle.en = Housing\n"
	"want = Een andere woning | Hulp in huis | Minder lawaai\n"
	"want.en = A different home | Help at home | Less noise\n"
	"can = Zelf bellen | Mijn dochter helpt\n"
	"can.en = Call myself | My daughter helps\n"
	"need = Iemand die meedenkt | Geld voor verhuizen\n"
	"need.en = Someone to think along | Money to move\n"
	"who = De wijkwerker van ONS welzijn\nwho.en = The ONS welzijn worker\n"
	"hours = Op werkdagen van 9 tot 12 uur\n"
	"hours.en = Weekdays from 9 to 12\n"
	"send = email\nto = vraag@wijk.example\n"
	"[geld]\n"
	"title = Geld\ntitle.en = Money\n"
	"want = Hulp met rekeningen\nwant.en = Help with bills\n"
	"can = Papieren bewaren\ncan.en = Keep my papers\n"
	"need = Een vrijwilliger\nneed.en = A volunteer\n"
	"who = De geldhulp\nwho.en = Money help\n"
	"send = whatsapp\nto = 06 12345678\n";

static const char initiatives_ini[] =
	"[moestuin]\n"
	"title = Moestuin\ntitle.en = Vegetable garden\n"
	"what = We kweken samen groente.\nwhat.en = We grow vegetables together.\n"
	"when = Zaterdag 10:00\nwhen.en = Saturday 10:00\n"
	"contact_name = Fatima\n"
	"send = email\nto = moestuin@wijk.example\n"
	"consent = Fatima ziet uw naam en nummer.\n"
	"consent.en = Fatima sees your name and number.\n"
	"next = Fatima belt u deze week.\nnext.en = Fatima calls you this week.\n"
	"[wandelen]\n"
	"title = Wandelgroep\ntitle.en = Walking group\n"
	"what = We wandelen.\nwhat.en = We walk.\n"
	"send = website\nto = https://wandelen.example/doe-mee\n"
	"signup = nee\n";

/* What the sink was given, and whether it should fail. */
struct sink {
	int calls, fail;
	char initiative[64], name[200], contact[200];
};

static int sink_save(void *ctx, const struct initiative *in, const char *name,
		     const char *contact, int today, struct err *e)
{
	struct sink *s = ctx;

	(void)today;
	s->calls++;
	if (s->fail)
		return err_set(e, "schijf vol");
	snprintf(s->initiative, sizeof(s->initiative), "%s", in->id);
	snprintf(s->name, sizeof(s->name), "%s", name);
	snprintf(s->contact, sizeof(s->contact), "%s", contact);
	return 0;
}

struct world {
	char dir[64];
	struct fake_kiosk *k;
	struct sink sink;
};

static int setup(void **state)
{
	struct world *w = calloc(1, sizeof(*w));
	struct app_signup_sink s = { NULL, sink_save };

	fake_tmpdir(w->dir, sizeof(w->dir));
	fake_write(w->dir, "kiosk.ini", kiosk_ini);
	fake_write(w->dir, "attract.nl.txt", "Welkom!\n");
	fake_write(w->dir, "vraag/tile.ini",
		   "[tile]\nkind = ask\ntitle = Stel een vraag\n"
		   "title.en = Ask a question\n");
	fake_write(w->dir, "vraag/onderwerpen.ini", topics_ini);
	fake_write(w->dir, "doe-mee/tile.ini",
		   "[tile]\nkind = initiatives\ntitle = Doe mee\n"
		   "title.en = Join in\n");
	fake_write(w->dir, "doe-mee/initiatieven.ini", initiatives_ini);
	w->k = fake_kiosk_start(w->dir, 1);
	s.ctx = &w->sink;
	app_set_signup_sink(w->k->a, &s);
	*state = w;
	return 0;
}

static int teardown(void **state)
{
	struct world *w = *state;

	fake_kiosk_free(w->k);
	fake_rmtree(w->dir);
	free(w);
	return 0;
}

/* The payload of the first QR code on screen, or NULL. */
static const char *qr_payload(struct fake_kiosk *k)
{
	const struct draw_list *dl = fake_frame(k);
	int i;

	for (i = 0; i < dl->ncmds; i++)
		if (dl->cmds[i].kind == DRAW_QR)
			return dl->cmds[i].text;
	return NULL;
}

/* A visitor asks about housing: picks two wishes, types a line, skips
 * nothing, and ends with who can help and a QR that holds it all. */
static void test_ask_walks_the_three_questions(void **state)
{
	struct world *w = *state;
	struct fake_kiosk *k = w->k;
	const char *qr;
	struct err e;

	fake_tap(k, START);
	fake_tap(k, "Stel een vraag");
	assert_true(fake_visible(k, "Waar gaat uw vraag over?"));
	fake_tap(k, "Wonen");
	assert_true(fake_visible(k, "Vraag 1 van 3"));
	assert_true(fake_visible(k, "Wat wilt u?"));
	fake_tap(k, "Een andere woning");
	fake_tap(k, "Minder lawaai");
	fake_tap(k, "Minder lawaai"); /* tapped again: off */
	fake_tap(k, "Hulp in huis");
	fake_tap(k, "Zelf iets typen");
	assert_int_equal(app_type(k->a, "Trap is te steil", k->now, &e), 0);
	fake_tap(k, "Klaar met typen");
	assert_true(fake_visible(k, "Trap is te steil"));
	fake_tap(k, "Volgende");
	assert_true(fake_visible(k, "Vraag 2 van 3"));
	fake_tap(k, "Mijn dochter helpt");
	fake_tap(k, "Volgende");
	assert_true(fake_visible(k, "Vraag 3 van 3"));
	fake_tap(k, "Wie kan helpen?");

	assert_true(fake_visible(k, "De wijkwerker van ONS welzijn"));
	assert_true(fake_visible(k, "Op werkdagen van 9 tot 12 uur"));
	assert_true(fake_visible(k, "Wat ik wil: Een andere woning, Hulp in "
				    "huis. Trap is te steil"));
	assert_true(fake_visible(k, "Wat ik zelf kan: Mijn dochter helpt"));
	assert_false(fake_visible(k, "Wat ik nodig heb:"));
	assert_true(fake_visible(k, "Opent een e-mail aan vraag@wijk.example"));
	qr = qr_payload(k);
	assert_non_null(qr);
	assert_non_null(strstr(qr, "mailto:vraag@wijk.example?"));
	assert_non_null(strstr(qr, "Mijn%20vraag%20over%20Wonen"));
	assert_non_null(strstr(qr, "Trap%20is%20te%20steil"));
	assert_null(strstr(qr, "Minder"));
	/* no printer set up: no print button anywhere */
	assert_null(fake_hit(k, "Print dit briefje"));
	assert_int_equal(w->sink.calls, 0);

	/* "Terug" goes back a question with the answers still there */
	fake_tap(k, "Terug");
	assert_true(fake_visible(k, "Vraag 3 van 3"));
	assert_true(fake_visible(k, "Wat heeft u nodig?"));
}

/* The outcome's "Klaar" goes home and the question is gone from memory. */
static void test_ask_leaves_nothing_behind(void **state)
{
	struct world *w = *state;
	struct fake_kiosk *k = w->k;
	struct err e;
	int q;

	fake_tap(k, START);
	fake_tap(k, "Stel een vraag");
	fake_tap(k, "Wonen");
	fake_tap(k, "Hulp in huis");
	fake_tap(k, "Zelf iets typen");
	assert_int_equal(app_type(k->a, "geheim-1234", k->now, &e), 0);
	fake_tap(k, "Klaar met typen");
	fake_tap(k, "Volgende");
	fake_tap(k, "Volgende");
	fake_tap(k, "Wie kan helpen?");
	fake_tap(k, "Klaar");
	assert_true(fake_visible(k, "Stel een vraag")); /* home */
	for (q = 0; q < ASK_QUESTIONS; q++) {
		assert_int_equal(k->a->visit.ask_picked[q], 0);
		assert_string_equal(k->a->visit.ask_text[q], "");
	}
	assert_null(memmem(&k->a->visit, sizeof(k->a->visit), "geheim", 6));
}

/* A WhatsApp topic hands over a wa.me link with digits only, in English
 * words when the visitor reads English. */
static void test_ask_whatsapp_in_english(void **state)
{
	struct world *w = *state;
	struct fake_kiosk *k = w->k;
	const char *qr;

	fake_tap(k, START);
	fake_tap(k, "Taal");
	fake_tap(k, "English");
	fake_tap(k, "Ask a question");
	fake_tap(k, "Money");
	fake_tap(k, "Help with bills");
	fake_tap(k, "Next");
	fake_tap(k, "Next");
	fake_tap(k, "Who can help?");
	qr = qr_payload(k);
	assert_non_null(qr);
	assert_non_null(strstr(qr, "https://wa.me/"));
	assert_non_null(strstr(qr, "Help%20with%20bills"));
	assert_true(fake_visible(k, "Opens WhatsApp with a message to"));
}

static void go_to_signup(struct fake_kiosk *k)
{
	fake_tap(k, START);
	fake_tap(k, "Doe mee");
	fake_tap(k, "Moestuin");
	assert_true(fake_visible(k, "We kweken samen groente."));
	assert_true(fake_visible(k, "Wanneer: Zaterdag 10:00"));
	fake_tap(k, "Ik doe mee");
	assert_true(fake_visible(k, "Met uw telefoon"));
	assert_non_null(qr_payload(k));
	fake_tap(k, "Aanmelden op de kiosk");
}

/* Without a smartphone: name, a phone number that is first refused for
 * letters, the consent, and the sink gets exactly what was typed. */
static void test_signup_with_consent(void **state)
{
	struct world *w = *state;
	struct fake_kiosk *k = w->k;
	struct readaloud r = { 0 };
	struct err e;
	int i;

	go_to_signup(k);
	assert_true(fake_visible(k, "Wat is uw voornaam?"));
	assert_null(fake_hit(k, "Volgende")); /* nothing typed yet */
	fake_tap(k, "A");
	fake_tap(k, "n");
	fake_tap(k, "n");
	fake_tap(k, "a");
	assert_true(fake_visible(k, "Anna"));
	/* the typed name is shown, never read aloud to the room */
	app_say(k->a, &r);
	for (i = 0; i < r.n; i++)
		assert_null(strstr(r.lines[i], "Anna"));
	readaloud_wipe(&r);
	fake_tap(k, "Volgende");
	assert_true(fake_visible(k, "Wat is uw telefoonnummer of e-mailadres?"));
	assert_int_equal(app_type(k->a, "06-1234abcd", k->now, &e), 0);
	fake_tap(k, "Volgende");
	assert_true(fake_visible(k, "Dit is geen telefoonnummer"));
	for (i = 0; i < 4; i++)
		fake_tap(k, "wissen");
	assert_int_equal(app_type(k->a, "5678", k->now, &e), 0);
	assert_false(fake_visible(k, "Dit is geen telefoonnummer"));
	fake_tap(k, "Volgende");
	assert_true(fake_visible(k, "Klopt dit?"));
	assert_true(fake_visible(k, "Fatima ziet uw naam en nummer."));
	assert_int_equal(w->sink.calls, 0);
	fake_tap(k, "Ja, dat is goed");
	assert_int_equal(w->sink.calls, 1);
	assert_string_equal(w->sink.initiative, "moestuin");
	assert_string_equal(w->sink.name, "Anna");
	assert_string_equal(w->sink.contact, "06-12345678");
	assert_true(fake_visible(k, "Dank u wel, Anna!"));
	assert_true(fake_visible(k, "Fatima belt u deze week."));
	/* once saved, the contact is gone from the visit */
	assert_null(memmem(&k->a->visit, sizeof(k->a->visit), "12345678", 8));
	/* "Terug" leads to the initiative, not into an empty form */
	fake_tap(k, "Terug");
	assert_true(fake_visible(k, "We kweken samen groente."));
}

/* "Nee, liever niet" keeps nothing; so does "Stoppen" half-way. */
static void test_signup_refused_keeps_nothing(void **state)
{
	struct world *w = *state;
	struct fake_kiosk *k = w->k;
	struct err e;

	go_to_signup(k);
	assert_int_equal(app_type(k->a, "Bram", k->now, &e), 0);
	fake_tap(k, "Volgende");
	assert_int_equal(app_type(k->a, "bram@example.nl", k->now, &e), 0);
	fake_tap(k, "Volgende");
	fake_tap(k, "Nee, liever niet");
	assert_int_equal(w->sink.calls, 0);
	assert_true(fake_visible(k, "We kweken samen groente."));
	assert_null(memmem(&k->a->visit, sizeof(k->a->visit), "Bram", 4));

	fake_tap(k, "Ik doe mee");
	fake_tap(k, "Aanmelden op de kiosk");
	assert_int_equal(app_type(k->a, "Cor", k->now, &e), 0);
	fake_tap(k, "Stoppen");
	assert_int_equal(w->sink.calls, 0);
	assert_null(memmem(&k->a->visit, sizeof(k->a->visit), "Cor\0", 4));
}

/* A full disk (the sink fails): the visitor is told kindly, nothing is
 * kept in the visit. */
static void test_signup_not_saved(void **state)
{
	struct world *w = *state;
	struct fake_kiosk *k = w->k;
	struct err e;

	w->sink.fail = 1;
	go_to_signup(k);
	assert_int_equal(app_type(k->a, "Dirk", k->now, &e), 0);
	fake_tap(k, "Volgende");
	assert_int_equal(app_type(k->a, "+31 6 11112222", k->now, &e), 0);
	fake_tap(k, "Volgende");
	fake_tap(k, "Ja, dat is goed");
	assert_int_equal(w->sink.calls, 1);
	assert_true(fake_visible(k, "is niet gelukt"));
	assert_true(fake_visible(k, "Er is niets bewaard."));
	assert_null(memmem(&k->a->visit, sizeof(k->a->visit), "11112222", 8));
}

/* An initiative without a sign-up on the kiosk offers only the phone. */
static void test_phone_only_initiative(void **state)
{
	struct world *w = *state;
	struct fake_kiosk *k = w->k;
	const char *qr;

	fake_tap(k, START);
	fake_tap(k, "Doe mee");
	fake_tap(k, "Wandelgroep");
	fake_tap(k, "Ik doe mee");
	qr = qr_payload(k);
	assert_non_null(qr);
	assert_string_equal(qr, "https://wandelen.example/doe-mee");
	assert_null(fake_hit(k, "Aanmelden op de kiosk"));
}

/* The idle wipe takes a half-typed sign-up with it. */
static void test_idle_wipes_a_signup(void **state)
{
	struct world *w = *state;
	struct fake_kiosk *k = w->k;
	struct err e;

	go_to_signup(k);
	assert_int_equal(app_type(k->a, "Evelien", k->now, &e), 0);
	fake_wait(k, 600000);
	assert_non_null(fake_hit(k, START));
	assert_null(memmem(k->a, sizeof(*k->a), "Evelien", 7));
}

/* With a printer: the outcome offers a slip that holds who helps, the
 * answers and the same code as the screen; the visitor hears how it
 * went. */
static void test_print_a_question(void **state)
{
	struct world *w = *state;
	struct fake_kiosk *k = w->k;
	struct slip s;
	char qr[REACH_PAYLOAD_MAX + 1];
	int i, found = 0;

	app_set_printer(k->a, 1);
	fake_tap(k, START);
	fake_tap(k, "Stel een vraag");
	fake_tap(k, "Wonen");
	fake_tap(k, "Hulp in huis");
	fake_tap(k, "Volgende");
	fake_tap(k, "Volgende");
	fake_tap(k, "Wie kan helpen?");
	snprintf(qr, sizeof(qr), "%s", qr_payload(k));
	assert_int_equal(app_print_take(k->a, &s), 0);
	fake_tap(k, "Print dit briefje");
	assert_true(fake_visible(k, "Het briefje wordt geprint."));
	assert_null(fake_hit(k, "Print dit briefje")); /* not twice */
	assert_int_equal(app_print_take(k->a, &s), 1);
	assert_string_equal(s.title, "Mijn vraag over Wonen");
	assert_string_equal(s.footer, "Proeftuin Test");
	assert_int_equal(s.paper_mm, 80);
	assert_string_equal(s.qr, qr);
	for (i = 0; i < s.nlines; i++)
		found |= strcmp(s.lines[i], "Wat ik wil: Hulp in huis") == 0;
	assert_true(found);
	assert_int_equal(app_print_take(k->a, &s), 0); /* handed out once */
	app_print_state(k->a, PRINT_FAILED);
	assert_true(fake_visible(k, "De printer doet het nu niet."));
	assert_non_null(fake_hit(k, "Print dit briefje"));
	/* leaving the screen forgets the message */
	fake_tap(k, "Terug");
	fake_tap(k, "Wie kan helpen?");
	assert_false(fake_visible(k, "De printer doet het nu niet."));
}

/* The slip after a sign-up says what happens next, never the name or
 * the phone number. */
static void test_signup_slip_holds_nothing_personal(void **state)
{
	struct world *w = *state;
	struct fake_kiosk *k = w->k;
	struct slip s;
	struct err e;
	int i;

	app_set_printer(k->a, 1);
	go_to_signup(k);
	assert_int_equal(app_type(k->a, "Gerrit", k->now, &e), 0);
	fake_tap(k, "Volgende");
	assert_int_equal(app_type(k->a, "0612345678", k->now, &e), 0);
	fake_tap(k, "Volgende");
	fake_tap(k, "Ja, dat is goed");
	fake_tap(k, "Print dit briefje");
	assert_int_equal(app_print_take(k->a, &s), 1);
	assert_string_equal(s.title, "Aangemeld bij Moestuin");
	for (i = 0; i < s.nlines; i++) {
		assert_null(strstr(s.lines[i], "Gerrit"));
		assert_null(strstr(s.lines[i], "12345678"));
	}
	assert_non_null(s.qr);
	assert_null(strstr(s.qr, "Gerrit"));
	app_print_state(k->a, PRINT_DONE);
	assert_true(fake_visible(k, "Pak uw briefje uit de printer."));
}

/* ---- what staff meet in `kioskctl check` ---- */

static int check_has(const char *topics, const char *inits, const char *want)
{
	char dir[64], line[600];
	struct content_report r = { 0 };
	struct content *c;
	struct err e;
	int i, found = 0;

	fake_tmpdir(dir, sizeof(dir));
	fake_write(dir, "kiosk.ini", kiosk_ini);
	fake_write(dir, "attract.nl.txt", "Welkom!\n");
	fake_write(dir, "vraag/tile.ini",
		   "[tile]\nkind = ask\ntitle = Vraag\ntitle.en = Q\n");
	fake_write(dir, "vraag/onderwerpen.ini", topics);
	fake_write(dir, "doe-mee/tile.ini",
		   "[tile]\nkind = initiatives\ntitle = Doe mee\n"
		   "title.en = Join\n");
	fake_write(dir, "doe-mee/initiatieven.ini", inits);
	c = content_load(dir, CONTENT_QUICK, NULL, NULL, &r, &e);
	for (i = 0; i < r.n; i++) {
		content_diag_format(&r.items[i], line, sizeof(line));
		if (strstr(line, want))
			found = 1;
	}
	if (!found)
		for (i = 0; i < r.n; i++) {
			content_diag_format(&r.items[i], line, sizeof(line));
			print_error("  %s\n", line);
		}
	content_free(c);
	content_report_release(&r);
	fake_rmtree(dir);
	return found;
}

static void test_check_catches_mistakes(void **state)
{
	(void)state;
	/* the demo fixture itself is clean */
	assert_false(check_has(topics_ini, initiatives_ini, "fout"));
	assert_true(check_has(topics_ini,
			      "[x]\ntitle = X\ntitle.en = X\nwhat = W\n"
			      "what.en = W\nsend = email\nto = a@b.example\n",
			      "heeft geen toestemmingstekst"));
	assert_true(check_has(topics_ini,
			      "[x]\ntitle = X\ntitle.en = X\nwhat = W\n"
			      "what.en = W\nsend = email\nto = geen-adres\n"
			      "signup = nee\n",
			      "'geen-adres' bij initiatief [x] is geen "
			      "e-mailadres"));
	assert_true(check_has("[t]\ntitle = T\ntitle.en = T\n"
			      "want = a|b|c|d|e|f|g\nwant.en = a|b|c|d|e|f\n"
			      "can = a\ncan.en = a\nneed = a\nneed.en = a\n"
			      "who = W\nwho.en = W\nsend = telefoon\n"
			      "to = 0412 000000\n",
			      initiatives_ini, "meer dan 6 keuzes bij want"));
	assert_true(check_has("[t]\ntitle = T\ntitle.en = T\n"
			      "want = a|b\nwant.en = a\n"
			      "can = a\ncan.en = a\nneed = a\nneed.en = a\n"
			      "who = W\nwho.en = W\nsend = email\n"
			      "to = x@y.example\n",
			      initiatives_ini, "want.en heeft 1 keuzes"));
	assert_true(check_has("[t]\ntitle = T\ntitle.en = T\n"
			      "want = a\nwant.en = a\n"
			      "can = a\ncan.en = a\nneed = a\nneed.en = a\n"
			      "who = W\nwho.en = W\n",
			      initiatives_ini, "onderwerp [t] heeft geen 'to'"));
	assert_true(check_has("[t]\ntitle = T\ntitle.en = T\n"
			      "want = a\nwant.en = a\n"
			      "can = a\ncan.en = a\nneed = a\nneed.en = a\n"
			      "who = W\nwho.en = W\nsend = fax\nto = 1\n",
			      initiatives_ini, "onbekende manier 'fax'"));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(
			test_ask_walks_the_three_questions, setup, teardown),
		cmocka_unit_test_setup_teardown(test_ask_leaves_nothing_behind,
						setup, teardown),
		cmocka_unit_test_setup_teardown(test_ask_whatsapp_in_english,
						setup, teardown),
		cmocka_unit_test_setup_teardown(test_signup_with_consent, setup,
						teardown),
		cmocka_unit_test_setup_teardown(
			test_signup_refused_keeps_nothing, setup, teardown),
		cmocka_unit_test_setup_teardown(test_signup_not_saved, setup,
						teardown),
		cmocka_unit_test_setup_teardown(test_phone_only_initiative,
						setup, teardown),
		cmocka_unit_test_setup_teardown(test_idle_wipes_a_signup, setup,
						teardown),
		cmocka_unit_test_setup_teardown(test_print_a_question, setup,
						teardown),
		cmocka_unit_test_setup_teardown(
			test_signup_slip_holds_nothing_personal, setup,
			teardown),
		cmocka_unit_test(test_check_catches_mistakes),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
