/*
 * test_speech: read-aloud without a sound card. What a visitor would hear
 * goes to a WAV file, and the tests check that file the way a listener
 * would: Dutch and Arabic both make sound, a tap that stops the speech
 * leaves no more sound, the highlighted sentence follows the voice, and a
 * kiosk killed while speaking still leaves a WAV that players open. The
 * clock is the simulated one the script runner passes in, so nothing here
 * waits on real time.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>

#include <cmocka.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "platform/speech.h"

#define RMS_FLOOR 300.0 /* espeak-ng's normal voice is far above; silence 0 */

static const char *const dutch[] = {
	"Welkom in het wijkcentrum.",
	"Tik op een knop om verder te gaan.",
	"Wilt u hulp? Vraag het aan de balie.",
};

static const char *const arabic[] = {
	"مرحبا بكم في مركز الحي.",
	"اضغط على الزر للمتابعة.",
};

struct scratch {
	char dir[64];
	char wav[96];
};

static int setup(void **state)
{
	struct scratch *t = calloc(1, sizeof(*t));

	if (!t)
		return -1;
	snprintf(t->dir, sizeof(t->dir), "/tmp/test_speech.XXXXXX");
	if (!mkdtemp(t->dir)) {
		free(t);
		return -1;
	}
	snprintf(t->wav, sizeof(t->wav), "%s/out.wav", t->dir);
	*state = t;
	return 0;
}

static int teardown(void **state)
{
	struct scratch *t = *state;

	unlink(t->wav);
	rmdir(t->dir);
	free(t);
	return 0;
}

static struct speech *open_wav(const char *path)
{
	struct speech_config cfg = { path, 100, 0, 0 };
	struct err e = { "" };
	struct speech *s = speech_open(&cfg, &e);

	if (!s)
		print_error("speech_open: %s\n", e.msg);
	assert_non_null(s);
	return s;
}

static void say(struct speech *s, const char *lang, const char *const *text,
		int n)
{
	struct err e = { "" };

	assert_int_equal(speech_say(s, lang, text, n, &e), 0);
}

static uint32_t le32(const unsigned char *p)
{
	return p[0] | p[1] << 8 | p[2] << 16 | (uint32_t)p[3] << 24;
}

static unsigned le16(const unsigned char *p)
{
	return p[0] | p[1] << 8;
}

/* Reads a WAV the way a player does and checks every header field; returns
 * the samples (caller frees) and their count. */
static int16_t *read_wav(const char *path, long *count)
{
	FILE *f = fopen(path, "rb");
	unsigned char *b;
	int16_t *pcm;
	long size;

	assert_non_null(f);
	assert_int_equal(fseek(f, 0, SEEK_END), 0);
	size = ftell(f);
	rewind(f);
	assert_true(size >= 44);
	b = malloc((size_t)size);
	assert_non_null(b);
	assert_int_equal(fread(b, 1, (size_t)size, f), (size_t)size);
	fclose(f);

	assert_memory_equal(b, "RIFF", 4);
	assert_int_equal(le32(b + 4), size - 8);
	assert_memory_equal(b + 8, "WAVEfmt ", 8);
	assert_int_equal(le32(b + 16), 16);
	assert_int_equal(le16(b + 20), 1); /* PCM */
	assert_int_equal(le16(b + 22), 1); /* mono */
	assert_int_equal(le32(b + 24), 22050);
	assert_int_equal(le32(b + 28), 22050 * 2);
	assert_int_equal(le16(b + 32), 2);
	assert_int_equal(le16(b + 34), 16);
	assert_memory_equal(b + 36, "data", 4);
	assert_int_equal(le32(b + 40), size - 44);
	assert_int_equal(size % 2, 0);

	*count = (size - 44) / 2;
	pcm = malloc((size_t)(size - 44) + 1);
	assert_non_null(pcm);
	memcpy(pcm, b + 44, (size_t)(size - 44));
	free(b);
	return pcm;
}

static double rms(const int16_t *pcm, long from, long to)
{
	double sum = 0;

	assert_true(to > from);
	for (long i = from; i < to; i++)
		sum += (double)pcm[i] * pcm[i];
	return sqrt(sum / (double)(to - from));
}

static int64_t samples_out(struct speech *s)
{
	struct speech_stats st;

	speech_stats(s, &st);
	return st.samples;
}

/* Plays what was said to the end on the simulated clock, in steps of
 * step_ms; returns the time it took. */
static uint64_t play_out(struct speech *s, uint64_t *now, int step_ms)
{
	uint64_t from = *now;

	speech_flush(s);
	speech_tick(s, *now);
	for (int guard = 0; speech_sentence(s) >= 0; guard++) {
		assert_true(guard < 100000);
		*now += (uint64_t)step_ms;
		speech_tick(s, *now);
	}
	return *now - from;
}

/* Dutch and Arabic both reach the WAV as sound, one after the other. */
static void test_dutch_and_arabic_are_heard(void **state)
{
	struct scratch *t = *state;
	struct speech *s = open_wav(t->wav);
	uint64_t now = 1000, took;
	long n, nl_end;
	int16_t *pcm;

	say(s, "nl", dutch, 3);
	took = play_out(s, &now, 20);
	nl_end = (long)samples_out(s);
	/* three sentences at 140 words a minute last several seconds, and
	 * the voice was heard for as long as the sound lasts */
	assert_true(nl_end > 22050 * 3);
	assert_true(took * 22050 / 1000 + 22050 / 50 >= (uint64_t)nl_end);

	say(s, "ar", arabic, 2);
	play_out(s, &now, 20);
	speech_close(s);

	pcm = read_wav(t->wav, &n);
	assert_true(n > nl_end + 22050);
	assert_true(rms(pcm, 0, nl_end) > RMS_FLOOR);
	assert_true(rms(pcm, nl_end, n) > RMS_FLOOR);
	free(pcm);
}

/* The highlight follows the voice: each wake-up the loop is asked for
 * lands on the next sentence, in order, then silence. */
static void test_sentences_advance(void **state)
{
	struct scratch *t = *state;
	struct speech *s = open_wav(t->wav);
	int seen[8], n = 0;
	uint64_t now = 5000;

	assert_int_equal(speech_sentence(s), -1);
	assert_int_equal(speech_wakeup_in(s), -1);
	say(s, "nl", dutch, 3);
	assert_int_equal(speech_sentence(s), 0);
	speech_flush(s);
	speech_tick(s, now);
	while (speech_sentence(s) >= 0 && n < 8) {
		int64_t w = speech_wakeup_in(s);

		seen[n++] = speech_sentence(s);
		assert_true(w > 0);
		/* a moment before the wake-up nothing has changed yet */
		if (w > 1) {
			speech_tick(s, now + (uint64_t)w - 1);
			assert_int_equal(speech_sentence(s), seen[n - 1]);
		}
		now += (uint64_t)w;
		speech_tick(s, now);
	}
	assert_int_equal(n, 3);
	assert_int_equal(seen[0], 0);
	assert_int_equal(seen[1], 1);
	assert_int_equal(seen[2], 2);
	assert_int_equal(speech_sentence(s), -1);
	assert_int_equal(speech_wakeup_in(s), -1);
	speech_close(s);
}

/* An empty sentence takes no time: the highlight skips it. */
static void test_empty_sentence_is_skipped(void **state)
{
	struct scratch *t = *state;
	struct speech *s = open_wav(t->wav);
	const char *const text[] = { "Een.", "", "Drie." };
	uint64_t now = 0;
	int saw_two = 0;

	say(s, "nl", text, 3);
	speech_flush(s);
	speech_tick(s, now);
	while (speech_sentence(s) >= 0) {
		assert_int_not_equal(speech_sentence(s), 1);
		saw_two |= speech_sentence(s) == 2;
		now += (uint64_t)speech_wakeup_in(s);
		speech_tick(s, now);
	}
	assert_true(saw_two);
	speech_close(s);
}

/* A tap stops speech at once: no sentence is highlighted and the WAV holds
 * exactly the half second that was heard. */
static void test_stop_is_silence(void **state)
{
	struct scratch *t = *state;
	struct speech *s = open_wav(t->wav);
	int16_t *pcm;
	long n;

	say(s, "nl", dutch, 3);
	speech_flush(s);
	speech_tick(s, 100);
	speech_tick(s, 600);
	assert_int_equal(speech_sentence(s), 0);
	speech_stop(s);
	assert_int_equal(speech_sentence(s), -1);
	assert_int_equal(speech_wakeup_in(s), -1);
	speech_tick(s, 5000);
	assert_int_equal(speech_sentence(s), -1);

	/* saying again replaces what plays, and a close cuts it too */
	say(s, "en", (const char *const[]){ "Hello." }, 1);
	say(s, "nl", dutch, 3);
	speech_close(s);

	pcm = read_wav(t->wav, &n);
	assert_int_equal(n, 22050 / 2);
	assert_true(rms(pcm, 0, n) > RMS_FLOOR);
	free(pcm);
}

/* A kiosk killed while it speaks leaves a WAV whose header counts every
 * sample written so far. */
static void test_wav_readable_while_speaking(void **state)
{
	struct scratch *t = *state;
	struct speech *s = open_wav(t->wav);
	int16_t *pcm;
	long n;

	say(s, "nl", dutch, 3);
	speech_flush(s);
	pcm = read_wav(t->wav, &n); /* the file as a kill would leave it */
	assert_int_equal(n, (long)samples_out(s));
	assert_true(rms(pcm, 0, n) > RMS_FLOOR);
	free(pcm);
	speech_close(s);
}

/* A language without a voice (or a garbled code) reads with the Dutch
 * voice rather than staying silent. */
static void test_unknown_language_reads(void **state)
{
	struct scratch *t = *state;
	struct speech *s = open_wav(t->wav);
	uint64_t now = 0;
	int16_t *pcm;
	long n;

	say(s, "xx", dutch, 1);
	play_out(s, &now, 50);
	say(s, "../nl", dutch + 1, 1);
	play_out(s, &now, 50);
	say(s, NULL, dutch + 2, 1);
	play_out(s, &now, 50);
	speech_close(s);
	pcm = read_wav(t->wav, &n);
	assert_true(n > 22050 * 3);
	assert_true(rms(pcm, 0, n) > RMS_FLOOR);
	free(pcm);
}

/* Every language of the kiosk has a voice of its own: a Turkish or
 * Ukrainian visitor never hears Dutch sounds for their words. */
static void test_six_languages_have_voices(void **state)
{
	struct scratch *t = *state;
	struct speech *s = open_wav(t->wav);
	const char *const langs[] = { "nl", "en", "tr", "pl", "uk", "ar" };
	const char *const text[] = {
		"Welkom.", "Welcome.",	       "Hoş geldiniz.",
		"Witamy.", "Ласкаво просимо.", "أهلا وسهلا.",
	};
	struct speech_stats st;

	for (int i = 0; i < 6; i++) {
		int64_t before = samples_out(s);

		say(s, langs[i], text + i, 1);
		speech_flush(s);
		assert_true(samples_out(s) > before + 22050 / 4);
	}
	speech_stats(s, &st);
	assert_int_equal(st.voice_missing, 0);
	say(s, "xx", text, 1);
	speech_flush(s);
	say(s, "../nl", text, 1);
	speech_flush(s);
	speech_stats(s, &st);
	assert_int_equal(st.voice_missing, 2);
	speech_close(s);
}

/* No sound card: asking for the device is not an error, the WAV still
 * gets everything. */
static void test_no_sound_card(void **state)
{
	struct scratch *t = *state;
	struct speech_config cfg = { t->wav, 100, 0, 1 };
	struct err e = { "" };
	struct speech_stats st;
	struct speech *s;
	uint64_t now = 0;
	int16_t *pcm;
	long n;

	setenv("SDL_AUDIODRIVER", "no-such-driver", 1);
	s = speech_open(&cfg, &e);
	unsetenv("SDL_AUDIODRIVER");
	assert_non_null(s);
	speech_stats(s, &st);
	assert_int_equal(st.device, 0);
	assert_int_equal(st.sample_rate, 22050);
	say(s, "nl", dutch, 1);
	play_out(s, &now, 50);
	speech_close(s);
	pcm = read_wav(t->wav, &n);
	assert_true(n > 22050 / 2);
	free(pcm);
}

/* espeak-ng is one per process: a second open says so instead of
 * breaking the first. */
static void test_second_open_refused(void **state)
{
	struct scratch *t = *state;
	struct speech_config cfg = { NULL, 100, 0, 0 };
	struct speech *s = open_wav(t->wav);
	struct err e = { "" };

	assert_null(speech_open(&cfg, &e));
	assert_non_null(strstr(e.msg, "espeak-ng"));
	speech_close(s);
	s = speech_open(&cfg, &e);
	assert_non_null(s);
	speech_close(s);
}

/* A WAV path that cannot be written fails the open with its name. */
static void test_bad_wav_path(void **state)
{
	struct speech_config cfg = { "/nonexistent/dir/out.wav", 100, 0, 0 };
	struct err e = { "" };

	(void)state;
	assert_null(speech_open(&cfg, &e));
	assert_non_null(strstr(e.msg, "'/nonexistent/dir/out.wav'"));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_dutch_and_arabic_are_heard,
						setup, teardown),
		cmocka_unit_test_setup_teardown(test_sentences_advance, setup,
						teardown),
		cmocka_unit_test_setup_teardown(test_empty_sentence_is_skipped,
						setup, teardown),
		cmocka_unit_test_setup_teardown(test_stop_is_silence, setup,
						teardown),
		cmocka_unit_test_setup_teardown(
			test_wav_readable_while_speaking, setup, teardown),
		cmocka_unit_test_setup_teardown(test_unknown_language_reads,
						setup, teardown),
		cmocka_unit_test_setup_teardown(test_six_languages_have_voices,
						setup, teardown),
		cmocka_unit_test_setup_teardown(test_no_sound_card, setup,
						teardown),
		cmocka_unit_test_setup_teardown(test_second_open_refused, setup,
						teardown),
		cmocka_unit_test(test_bad_wav_path),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
