/*
 * speech: reads sentences aloud with espeak-ng and plays them through SDL
 * audio. It owns the espeak-ng library (one instance a process, see
 * speech_open), one worker thread that synthesises, the SDL audio device
 * and the optional WAV file that receives everything sent to the speaker.
 *
 * The worker synthesises sentence by sentence and hands each piece of
 * sound (a few tens of milliseconds) to the speaker as soon as it exists,
 * so the first sound follows speech_say quickly and the main loop never
 * waits for synthesis. The main thread only copies text in, reads where
 * playback is and stops it. Which sentence is being heard comes from the
 * device (what it has played) or, with no device, from the clock given to
 * speech_tick, so a scripted run with a simulated clock sees the same
 * sentences in the same order every time.
 *
 * Only the main thread calls these functions.
 */
#ifndef KIOSK_PLATFORM_SPEECH_H
#define KIOSK_PLATFORM_SPEECH_H

#include <stdint.h>

#include "base/err.h"

struct speech;

struct speech_config {
	/* Every sample sent to the speaker is appended to this WAV file
	 * (22050 Hz, mono, 16 bit), which is created or emptied at open. The
	 * header is kept up to date after each append, so a killed kiosk
	 * leaves a readable file. NULL: no file. Borrowed during open. */
	const char *wav_path;
	/* Loudness in percent of espeak-ng's normal level, 0..200. */
	int volume_pct;
	/* Words a minute, 80..450; 0 takes 140, slower than espeak-ng's 175
	 * for older listeners. */
	int rate_wpm;
	/* 1: play through the default SDL audio device. A machine without
	 * one is not an error: the kiosk logs it once and goes on silent
	 * (still writing the WAV). 0: never touch SDL audio (headless). */
	int use_device;
};

/* Starts espeak-ng (voice data from Debian's espeak-ng-data), the worker
 * thread, the audio device when asked and the WAV file. espeak-ng keeps its
 * state in the library, so only one speech can be open at a time: a second
 * open fails. espeak-ng also sets the process's LC_CTYPE to a UTF-8 locale.
 * Returns NULL with e filled on failure (no voice data, WAV not writable).
 * Caller frees with speech_close. */
struct speech *speech_open(const struct speech_config *cfg, struct err *e);

/* Stops as speech_stop does (the WAV keeps what was heard), ends the
 * worker and closes the device and the WAV. NULL: nothing. */
void speech_close(struct speech *s);

/* Stops what plays and starts reading sentences[0..n-1] in lang ("nl",
 * "en", "tr", "pl", "uk", "ar"; an unknown or NULL language reads with the
 * Dutch voice). The sentences are copied: the caller's strings may go at
 * once. Empty sentences are allowed and take no time. Returns -1 with e
 * filled when out of memory (then nothing plays). */
int speech_say(struct speech *s, const char *lang, const char *const *sentences,
	       int n, struct err *e);

/* Silence at once: drops what is queued for the speaker and abandons the
 * synthesis. The WAV is cut back to what the listener has heard. */
void speech_stop(struct speech *s);

/* Moves playback on. Call it from the main loop; now_ms is the loop's
 * clock (simulated in scripted runs). With a device, where playback is
 * comes from the device and now_ms only starts the count; without one,
 * playback advances with now_ms, never past what has been synthesised. */
void speech_tick(struct speech *s, uint64_t now_ms);

/* Index of the sentence being heard as of the last speech_tick, for the
 * screen to highlight; 0 from speech_say until the first sentence ends;
 * -1 when silent (nothing said, stopped, or finished). */
int speech_sentence(const struct speech *s);

/* Milliseconds from the last speech_tick until the sentence may change
 * (the loop can sleep that long), or -1 when silent. */
int64_t speech_wakeup_in(const struct speech *s);

/* Blocks until every sentence of the current speech_say has been
 * synthesised (or it was stopped). Scripted runs call it right after
 * speech_say: then the speaker never waits for synthesis, and what a
 * simulated clock hears (sentences, WAV) is the same every run. The
 * interactive loop never needs it. */
void speech_flush(struct speech *s);

/* Figures for logs and benchmarks. */
struct speech_stats {
	int sample_rate;	/* Hz, 22050 with Debian's voices */
	int device;		/* 1: an audio device plays */
	int64_t samples;	/* sent to the speaker since open */
	double first_sample_ms; /* last speech_say to its first sample;
				 * -1 before any */
	int64_t synthesised;	/* samples of the current speech_say */
	int64_t played;		/* of those, heard as of the last tick */
	int synthesis_done;	/* 1: the current speech_say is complete */
	int voice_missing;	/* speech_say calls read in Dutch for want of a
				 * voice for their language */
};
void speech_stats(struct speech *s, struct speech_stats *st);

#endif
