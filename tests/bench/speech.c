/*
 * speech bench: how soon read-aloud starts and what it costs while it
 * speaks. Built and run by tests/bench/run.sh; needs no sound card.
 *
 * - First sound: speech_say to the first sample handed to the speaker,
 *   the median of RUNS after a warm-up; once in the voice already loaded
 *   (Dutch), once switching language (Arabic, then Dutch again, so each
 *   say loads a voice). With no device the speaker is the WAV writer;
 *   with SDL's dummy audio driver (which plays to nowhere in real time)
 *   it is SDL_QueueAudio.
 * - CPU while speaking: a paragraph played to the end in real time on the
 *   dummy audio device with a loop like the kiosk's (tick, sleep until the
 *   wake-up), CPU time of the whole process over wall time.
 * - Synthesis speed: CPU milliseconds per second of speech.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>

#include <SDL.h>

#include "platform/speech.h"

#define RUNS 9

static const char *const paragraph_nl[] = {
	"Welkom bij de wijkkiosk.",
	"Hier vindt u hulp bij vragen over wonen, geld en gezondheid.",
	"Tik op een onderwerp om meer te lezen.",
	"Wilt u met iemand praten? Kom dan naar de balie.",
	"Knop: Volgende.",
};

static const char *const paragraph_ar[] = {
	"مرحبا بكم في كشك الحي.",
	"هنا تجدون المساعدة في السكن والمال والصحة.",
	"اضغط على موضوع لقراءة المزيد.",
};

static double cpu_s(void)
{
	struct rusage ru;

	getrusage(RUSAGE_SELF, &ru);
	return (double)ru.ru_utime.tv_sec + ru.ru_utime.tv_usec / 1e6 +
	       (double)ru.ru_stime.tv_sec + ru.ru_stime.tv_usec / 1e6;
}

static double wall_s(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

static int cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return (x > y) - (x < y);
}

static double median(double *v, int n)
{
	qsort(v, (size_t)n, sizeof(*v), cmp_double);
	return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

static int say(struct speech *s, const char *lang, const char *const *text,
	       int n)
{
	struct err e = { "" };

	if (speech_say(s, lang, text, n, &e) < 0) {
		fprintf(stderr, "bench: %s\n", e.msg);
		return -1;
	}
	return 0;
}

/* The median first-sound latency in ms; switch_lang: every say changes
 * the voice. Waits for each sample to arrive, without playing it out. */
static double first_sound(struct speech *s, int switch_lang)
{
	double ms[RUNS];
	struct speech_stats st;

	for (int i = -1; i < RUNS; i++) { /* -1: warm-up */
		int ar = switch_lang && i % 2 == 0;

		if (say(s, ar ? "ar" : "nl", ar ? paragraph_ar : paragraph_nl,
			ar ? 3 : 5) < 0)
			return -1;
		do {
			SDL_Delay(1);
			speech_stats(s, &st);
		} while (st.first_sample_ms < 0 && !st.synthesis_done);
		speech_stop(s);
		if (i >= 0)
			ms[i] = st.first_sample_ms;
	}
	return median(ms, RUNS);
}

/* Plays the Dutch paragraph to the end in real time like the kiosk loop
 * does; prints CPU over wall time. */
static void speak_paragraph(struct speech *s)
{
	double c0, w0, c1, w1;
	struct speech_stats st;

	c0 = cpu_s();
	w0 = wall_s();
	if (say(s, "nl", paragraph_nl, 5) < 0)
		return;
	for (;;) {
		int64_t w;

		speech_tick(s, SDL_GetTicks64());
		w = speech_wakeup_in(s);
		if (w < 0)
			break;
		SDL_Delay((Uint32)(w > 100 ? 100 : w));
	}
	c1 = cpu_s();
	w1 = wall_s();
	speech_stats(s, &st);
	printf("%-40s | %8.1f %%  (%.1f s of speech, %.2f s CPU)\n",
	       "CPU while speaking (one core)", 100 * (c1 - c0) / (w1 - w0),
	       w1 - w0, c1 - c0);
}

/* Milliseconds of synthesis (CPU, and wall time until the paragraph is
 * all synthesised) per second of speech, no playback. */
static void synthesis_speed(struct speech *s)
{
	double c0 = cpu_s(), w0 = wall_s(), c1, w1, speech;
	struct speech_stats a, b;

	speech_stats(s, &a);
	for (int i = 0; i < 5; i++) {
		say(s, "nl", paragraph_nl, 5);
		speech_flush(s);
		speech_stop(s);
	}
	c1 = cpu_s();
	w1 = wall_s();
	speech_stats(s, &b);
	speech = (double)(b.samples - a.samples) / b.sample_rate;
	printf("%-40s | %8.2f ms  (wall %.2f ms)\n",
	       "synthesis CPU per second of speech", 1000 * (c1 - c0) / speech,
	       1000 * (w1 - w0) / speech);
}

int main(int argc, char **argv)
{
	const char *wav = argc > 1 ? argv[1] : "/dev/null";
	struct speech_config headless = { wav, 100, 0, 0 };
	struct speech_config device = { NULL, 100, 0, 1 };
	struct err e = { "" };
	struct speech_stats st;
	struct speech *s;

	printf("\nRead-aloud (espeak-ng, 140 words a minute; goal: first "
	       "sound under 300 ms)\n");
	printf("%-40s | %s\n", "metric", "value");
	printf("-----------------------------------------+--------------\n");

	s = speech_open(&headless, &e);
	if (!s) {
		fprintf(stderr, "bench: %s\n", e.msg);
		return 1;
	}
	printf("%-40s | %8.1f ms\n", "first sound, no device, same voice",
	       first_sound(s, 0));
	printf("%-40s | %8.1f ms\n", "first sound, no device, new voice",
	       first_sound(s, 1));
	synthesis_speed(s);
	speech_close(s);

	/* SDL's dummy driver plays to nowhere at the pace of a real card */
	setenv("SDL_AUDIODRIVER", "dummy", 1);
	s = speech_open(&device, &e);
	if (!s) {
		fprintf(stderr, "bench: %s\n", e.msg);
		return 1;
	}
	speech_stats(s, &st);
	if (!st.device) {
		printf("(no dummy audio device: no figures with SDL audio)\n");
	} else {
		printf("%-40s | %8.1f ms\n",
		       "first sound, SDL audio queue, same voice",
		       first_sound(s, 0));
		speak_paragraph(s);
	}
	speech_close(s);
	SDL_Quit();
	return 0;
}
