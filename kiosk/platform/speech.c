/*
 * speech: espeak-ng behind a small read-aloud API (see speech.h). This file
 * owns the espeak-ng library for the process, the worker thread that
 * synthesises, the SDL audio device and the WAV file.
 *
 * Threads. The main thread copies the sentences into a `struct utterance`
 * and wakes the worker. The worker makes its own copy of one sentence,
 * synthesises it with espeak-ng in synchronous mode and gets the sound in
 * pieces of CHUNK_MS through on_sound(), which sends each piece to the
 * device and the WAV at once. All shared fields sit under `lock`. Every
 * speech_say and speech_stop bumps `gen`; a piece whose generation is old
 * is dropped and makes espeak-ng abandon the sentence, so a stop is heard
 * at once and costs no more synthesis. Only the worker calls espeak-ng
 * while it runs; open and close call it before and after the thread.
 *
 * Why a thread and not synthesis in speech_tick: espeak-ng cannot pause in
 * the middle of a sentence, and a long sentence takes a good part of a
 * second to synthesise on a Pi-class board. On the main thread that would
 * freeze the screen and delay the tap that should stop the speech.
 */
#include "platform/speech.h"

#include <SDL.h>
#include <espeak-ng/espeak_ng.h>
#include <espeak-ng/speak_lib.h>

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "base/log.h"

#define RATE_DEFAULT   140 /* words a minute; espeak-ng's own is 175 */
#define CHUNK_MS       40  /* espeak-ng hands sound over in pieces this long */
#define DEVICE_SAMPLES 512 /* SDL's buffer: about 23 ms at 22050 Hz */
#define POLL_MS	       10  /* wake-up while synthesis is behind playback */
#define WAV_HEADER     44
#define WAV_MAX	       (0xffffffffu - 36) /* data bytes a RIFF size counts */
#define FALLBACK_LANG  "nl"

/*
 * espeak-ng keeps all its state in globals of the library, so it is one per
 * process, and the Debian 12 build (1.51) hangs in espeak_ng_Terminate when
 * it was initialised a second time after speaking. So espeak-ng starts on
 * the first speech_open and stays until the process ends (its memory stays
 * reachable from its globals: no leak); speech_close frees all of ours.
 * This variable, the only global of the module, records that and refuses a
 * second open while one is in use. Main thread only, like the whole API.
 * The synth callback needs no global: each call gets our pointer back
 * through the events' user_data.
 */
static enum { ESPEAK_OFF, ESPEAK_READY, ESPEAK_IN_USE } espeak_state;

struct utterance {
	unsigned gen;
	char lang[16];
	int n;
	char **text;	   /* n sentences, in the same block */
	int64_t *start;	   /* start[i]: first sample of sentence i, known
			    * for i <= next; start[n] is the end once done */
	int next;	   /* the sentence the worker takes next */
	int done;	   /* every sentence synthesised */
	int64_t produced;  /* samples sent to the speaker */
	int64_t wav_start; /* WAV data bytes before this utterance */
	uint64_t said_at;  /* performance counter at speech_say */
	int bad_lang;	   /* lang was no language code: reads in Dutch */
};

struct speech {
	int rate_hz, volume, wpm;
	SDL_AudioDeviceID dev;
	int audio_subsystem;
	int wav_fd;

	SDL_Thread *worker;
	SDL_mutex *lock;
	SDL_cond *wake;	    /* the worker waits for work */
	SDL_cond *progress; /* speech_flush waits for the worker */

	/* under lock */
	int quit;
	unsigned gen;
	struct utterance *utt; /* NULL: silent; the main thread frees it */
	int64_t samples;       /* sent to the speaker since open */
	int64_t wav_bytes;     /* data bytes in the WAV */
	double first_ms;
	int wav_failed, queue_failed;
	int voice_missing;

	/* main thread only */
	int64_t played; /* samples of utt heard as of the last tick */
	int clock_started;
	uint64_t base_ms; /* no device: played was base_samples at base_ms */
	int64_t base_samples;
	int sentence;
	int64_t wakeup_ms;

	/* worker only (open, before the thread starts, counts as worker) */
	char voice[16];
	char *buf;
	size_t buf_cap;
};

/* ---- WAV file ---- */

static void put_le32(unsigned char *p, uint32_t v)
{
	p[0] = v & 0xff;
	p[1] = (v >> 8) & 0xff;
	p[2] = (v >> 16) & 0xff;
	p[3] = (v >> 24) & 0xff;
}

static void put_le16(unsigned char *p, unsigned v)
{
	p[0] = v & 0xff;
	p[1] = (v >> 8) & 0xff;
}

static int write_all(int fd, const void *data, size_t len, off_t at)
{
	const unsigned char *p = data;

	while (len > 0) {
		ssize_t w = pwrite(fd, p, len, at);

		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0)
			return -1;
		p += w;
		len -= (size_t)w;
		at += w;
	}
	return 0;
}

/* Writes the 44-byte header for `data_bytes` of sound. Under lock. */
static int wav_header(struct speech *s)
{
	unsigned char h[WAV_HEADER];
	uint32_t data = (uint32_t)s->wav_bytes;

	memcpy(h, "RIFF", 4);
	put_le32(h + 4, 36 + data);
	memcpy(h + 8, "WAVEfmt ", 8);
	put_le32(h + 16, 16);
	put_le16(h + 20, 1); /* PCM */
	put_le16(h + 22, 1); /* mono */
	put_le32(h + 24, (uint32_t)s->rate_hz);
	put_le32(h + 28, (uint32_t)s->rate_hz * 2);
	put_le16(h + 32, 2);
	put_le16(h + 34, 16);
	memcpy(h + 36, "data", 4);
	put_le32(h + 40, data);
	return write_all(s->wav_fd, h, sizeof(h), 0);
}

static void wav_failed(struct speech *s, const char *what)
{
	if (!s->wav_failed)
		log_error("cannot %s the read-aloud WAV: %s; it stops here",
			  what, strerror(errno));
	s->wav_failed = 1;
}

/* Appends samples; the sound first, then the header that counts it, so a
 * kill between the two leaves a header that is only short. Under lock. */
static void wav_append(struct speech *s, const short *wav, int n)
{
	size_t bytes = (size_t)n * 2;

	if (s->wav_fd < 0 || s->wav_failed)
		return;
	if ((uint64_t)s->wav_bytes + bytes > WAV_MAX) {
		errno = EFBIG;
		wav_failed(s, "grow");
		return;
	}
	if (write_all(s->wav_fd, wav, bytes, WAV_HEADER + s->wav_bytes) < 0) {
		wav_failed(s, "write");
		return;
	}
	s->wav_bytes += (int64_t)bytes;
	if (wav_header(s) < 0)
		wav_failed(s, "write");
}

/* Cuts the WAV back to `bytes` of sound. Under lock. */
static void wav_cut(struct speech *s, int64_t bytes)
{
	if (s->wav_fd < 0 || s->wav_failed || bytes >= s->wav_bytes)
		return;
	s->wav_bytes = bytes;
	if (wav_header(s) < 0 || ftruncate(s->wav_fd, WAV_HEADER + bytes) < 0)
		wav_failed(s, "cut");
}

/* ---- the worker ---- */

struct synth_call {
	struct speech *s;
	unsigned gen;
};

/* espeak-ng's synth callback, on the worker thread: sends a piece of sound
 * on, or returns 1 to make espeak-ng abandon a sentence nobody wants. */
static int on_sound(short *wav, int n, espeak_EVENT *events)
{
	/* every event list carries the user_data given to the synthesis,
	 * the terminating entry included */
	struct synth_call *c = events ? events[0].user_data : NULL;
	struct speech *s;
	int abandon = 0;

	if (!c)
		return 0;
	s = c->s;
	SDL_LockMutex(s->lock);
	if (s->quit || s->gen != c->gen) {
		abandon = 1;
	} else if (wav && n > 0) {
		struct utterance *u = s->utt;

		if (u->produced == 0)
			s->first_ms = (double)(SDL_GetPerformanceCounter() -
					       u->said_at) *
				      1000.0 /
				      (double)SDL_GetPerformanceFrequency();
		if (s->dev && SDL_QueueAudio(s->dev, wav, (Uint32)n * 2) < 0 &&
		    !s->queue_failed) {
			log_error("cannot queue speech: %s", SDL_GetError());
			s->queue_failed = 1;
		}
		wav_append(s, wav, n);
		u->produced += n;
		s->samples += n;
	}
	SDL_UnlockMutex(s->lock);
	return abandon;
}

/* Sets espeak-ng's voice for lang with our rate and volume. Worker only. */
static void set_voice(struct speech *s, const char *lang)
{
	if (strcmp(lang, s->voice) == 0)
		return;
	if (espeak_ng_SetVoiceByName(lang) != ENS_OK) {
		log_warn("no espeak-ng voice for '%s': reading in Dutch", lang);
		SDL_LockMutex(s->lock);
		s->voice_missing++;
		SDL_UnlockMutex(s->lock);
		if (espeak_ng_SetVoiceByName(FALLBACK_LANG) != ENS_OK)
			log_error("no espeak-ng voice for '" FALLBACK_LANG "'");
	}
	espeak_ng_SetParameter(espeakRATE, s->wpm, 0);
	espeak_ng_SetParameter(espeakVOLUME, s->volume, 0);
	snprintf(s->voice, sizeof(s->voice), "%s", lang);
}

static int worker_main(void *arg)
{
	struct speech *s = arg;

	SDL_LockMutex(s->lock);
	while (!s->quit) {
		struct utterance *u = s->utt;
		struct synth_call call = { s, s->gen };
		char lang[sizeof(u->lang)];
		size_t len;

		if (!u || u->done) {
			SDL_CondWait(s->wake, s->lock);
			continue;
		}
		/* our own copy: the main thread may free u while we speak */
		len = strlen(u->text[u->next]);
		if (len + 1 > s->buf_cap) {
			char *b = realloc(s->buf, len + 1);

			if (!b) {
				log_error("out of memory for a sentence; "
					  "skipping it");
				len = 0;
			} else {
				s->buf = b;
				s->buf_cap = len + 1;
			}
		}
		if (s->buf_cap > 0) {
			memcpy(s->buf, u->text[u->next], len);
			s->buf[len] = '\0';
		}
		memcpy(lang, u->lang, sizeof(lang));
		SDL_UnlockMutex(s->lock);

		set_voice(s, lang);
		if (len > 0)
			espeak_ng_Synthesize(
				s->buf, len + 1, 0, POS_CHARACTER, 0,
				espeakCHARS_UTF8 | espeakENDPAUSE, NULL, &call);

		SDL_LockMutex(s->lock);
		if (s->gen == call.gen) { /* then s->utt is still u */
			u->next++;
			u->start[u->next] = u->produced;
			u->done = u->next == u->n;
		}
		SDL_CondBroadcast(s->progress);
	}
	SDL_UnlockMutex(s->lock);
	return 0;
}

/* ---- the main thread ---- */

static int espeak_start(struct speech *s, struct err *e)
{
	espeak_ng_ERROR_CONTEXT ctx = NULL;
	espeak_ng_STATUS st = ENS_OK;
	char msg[256];

	if (espeak_state == ESPEAK_OFF) {
		espeak_ng_InitializePath(NULL);
		st = espeak_ng_Initialize(&ctx);
		if (st == ENS_OK)
			st = espeak_ng_InitializeOutput(
				ENOUTPUT_MODE_SYNCHRONOUS, CHUNK_MS, NULL);
	}
	if (st != ENS_OK) {
		espeak_ng_GetStatusCodeMessage(st, msg, sizeof(msg));
		espeak_ng_ClearErrorContext(&ctx);
		return err_set(e,
			       "cannot start espeak-ng: %s "
			       "(is espeak-ng-data installed?)",
			       msg);
	}
	espeak_state = ESPEAK_IN_USE;
	s->rate_hz = espeak_ng_GetSampleRate();
	espeak_SetSynthCallback(on_sound);
	set_voice(s, FALLBACK_LANG);
	return 0;
}

static void device_open(struct speech *s)
{
	SDL_AudioSpec want, have;

	if (SDL_InitSubSystem(SDL_INIT_AUDIO) != 0) {
		log_warn("no audio (%s): read-aloud is silent%s",
			 SDL_GetError(),
			 s->wav_fd >= 0 ? ", the WAV file still gets it" : "");
		return;
	}
	s->audio_subsystem = 1;
	SDL_zero(want);
	want.freq = s->rate_hz;
	want.format = AUDIO_S16SYS;
	want.channels = 1;
	want.samples = DEVICE_SAMPLES;
	/* SDL converts to what the device takes */
	s->dev = SDL_OpenAudioDevice(NULL, 0, &want, &have, 0);
	if (!s->dev) {
		log_warn("cannot open an audio device (%s): read-aloud is "
			 "silent%s",
			 SDL_GetError(),
			 s->wav_fd >= 0 ? ", the WAV file still gets it" : "");
		SDL_QuitSubSystem(SDL_INIT_AUDIO);
		s->audio_subsystem = 0;
	}
}

static int clamp(int v, int lo, int hi)
{
	return v < lo ? lo : v > hi ? hi : v;
}

struct speech *speech_open(const struct speech_config *cfg, struct err *e)
{
	struct speech *s;

	if (espeak_state == ESPEAK_IN_USE) {
		err_set(e, "cannot open speech twice: espeak-ng is in use");
		return NULL;
	}
	s = calloc(1, sizeof(*s));
	if (!s) {
		err_set(e, "out of memory for speech");
		return NULL;
	}
	s->wav_fd = -1;
	s->sentence = -1;
	s->wakeup_ms = -1;
	s->first_ms = -1;
	s->volume = clamp(cfg->volume_pct, 0, 200);
	s->wpm = cfg->rate_wpm ? clamp(cfg->rate_wpm, espeakRATE_MINIMUM,
				       espeakRATE_MAXIMUM)
			       : RATE_DEFAULT;
	s->lock = SDL_CreateMutex();
	s->wake = SDL_CreateCond();
	s->progress = SDL_CreateCond();
	if (!s->lock || !s->wake || !s->progress) {
		err_set(e, "cannot start speech: %s", SDL_GetError());
		goto fail_sync;
	}
	if (espeak_start(s, e) < 0)
		goto fail_sync;
	if (cfg->wav_path) {
		s->wav_fd =
			open(cfg->wav_path,
			     O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
		if (s->wav_fd < 0 || wav_header(s) < 0) {
			err_set(e, "cannot write '%s': %s", cfg->wav_path,
				strerror(errno));
			goto fail_espeak;
		}
	}
	if (cfg->use_device)
		device_open(s);
	s->worker = SDL_CreateThread(worker_main, "speech", s);
	if (!s->worker) {
		err_set(e, "cannot start the speech thread: %s",
			SDL_GetError());
		goto fail_device;
	}
	return s;

fail_device:
	if (s->dev)
		SDL_CloseAudioDevice(s->dev);
	if (s->audio_subsystem)
		SDL_QuitSubSystem(SDL_INIT_AUDIO);
fail_espeak:
	if (s->wav_fd >= 0)
		close(s->wav_fd);
	espeak_state = ESPEAK_READY;
fail_sync:
	SDL_DestroyCond(s->progress);
	SDL_DestroyCond(s->wake);
	SDL_DestroyMutex(s->lock);
	free(s);
	return NULL;
}

/* Samples of u heard now. Under lock. */
static int64_t heard(struct speech *s, const struct utterance *u)
{
	int64_t queued;

	if (!s->dev)
		return s->played;
	queued = (int64_t)(SDL_GetQueuedAudioSize(s->dev) / 2);
	return queued < u->produced ? u->produced - queued : 0;
}

/* Ends the current utterance: silence, WAV cut to what was heard. The
 * caller holds the lock. */
static void drop_utterance(struct speech *s)
{
	struct utterance *u = s->utt;

	if (!u)
		return;
	s->gen++; /* the worker drops its sentence */
	wav_cut(s, u->wav_start + heard(s, u) * 2);
	if (s->dev) {
		SDL_PauseAudioDevice(s->dev, 1);
		SDL_ClearQueuedAudio(s->dev);
	}
	s->utt = NULL;
	free(u);
}

void speech_stop(struct speech *s)
{
	if (!s)
		return;
	SDL_LockMutex(s->lock);
	drop_utterance(s);
	SDL_UnlockMutex(s->lock);
	s->sentence = -1;
	s->wakeup_ms = -1;
}

void speech_close(struct speech *s)
{
	if (!s)
		return;
	SDL_LockMutex(s->lock);
	drop_utterance(s);
	s->quit = 1;
	SDL_CondSignal(s->wake);
	SDL_UnlockMutex(s->lock);
	SDL_WaitThread(s->worker, NULL);

	if (s->dev)
		SDL_CloseAudioDevice(s->dev);
	if (s->audio_subsystem)
		SDL_QuitSubSystem(SDL_INIT_AUDIO);
	if (s->wav_fd >= 0 && close(s->wav_fd) < 0)
		log_error("cannot close the read-aloud WAV: %s",
			  strerror(errno));
	SDL_DestroyCond(s->progress);
	SDL_DestroyCond(s->wake);
	SDL_DestroyMutex(s->lock);
	free(s->buf);
	free(s);
	espeak_state = ESPEAK_READY; /* never terminated: see espeak_state */
}

/* One block: the struct, start[n + 1], text[n], then the strings. */
static struct utterance *utterance_new(const char *lang,
				       const char *const *sentences, int n)
{
	size_t bytes = sizeof(struct utterance) +
		       sizeof(int64_t) * ((size_t)n + 1) +
		       sizeof(char *) * (size_t)n;
	struct utterance *u;
	char *p;

	for (int i = 0; i < n; i++)
		bytes += strlen(sentences[i] ? sentences[i] : "") + 1;
	u = calloc(1, bytes);
	if (!u)
		return NULL;
	u->n = n;
	u->start = (int64_t *)(u + 1);
	u->text = (char **)(u->start + n + 1);
	p = (char *)(u->text + n);
	for (int i = 0; i < n; i++) {
		const char *t = sentences[i] ? sentences[i] : "";
		size_t len = strlen(t) + 1;

		memcpy(p, t, len);
		u->text[i] = p;
		p += len;
	}
	/* only short codes of letters and '-' reach espeak-ng */
	snprintf(u->lang, sizeof(u->lang), "%s", FALLBACK_LANG);
	if (lang && lang[0] && strlen(lang) < sizeof(u->lang) &&
	    strspn(lang, "abcdefghijklmnopqrstuvwxyz-") == strlen(lang)) {
		snprintf(u->lang, sizeof(u->lang), "%s", lang);
	} else if (lang) {
		log_warn("no voice for language '%s': reading in Dutch", lang);
		u->bad_lang = 1;
	}
	return u;
}

int speech_say(struct speech *s, const char *lang, const char *const *sentences,
	       int n, struct err *e)
{
	struct utterance *u;

	speech_stop(s);
	if (n <= 0)
		return 0;
	u = utterance_new(lang, sentences, n);
	if (!u)
		return err_set(e, "out of memory for %d sentences to read", n);

	SDL_LockMutex(s->lock);
	s->gen++;
	u->gen = s->gen;
	u->said_at = SDL_GetPerformanceCounter();
	u->wav_start = s->wav_bytes;
	s->utt = u;
	s->first_ms = -1;
	s->voice_missing += u->bad_lang;
	if (s->dev)
		SDL_PauseAudioDevice(s->dev, 0);
	SDL_CondSignal(s->wake);
	SDL_UnlockMutex(s->lock);

	s->played = 0;
	s->clock_started = 0;
	s->sentence = 0;
	s->wakeup_ms = POLL_MS;
	return 0;
}

void speech_flush(struct speech *s)
{
	SDL_LockMutex(s->lock);
	while (s->utt && !s->utt->done)
		SDL_CondWait(s->progress, s->lock);
	SDL_UnlockMutex(s->lock);
}

static int64_t samples_to_ms(const struct speech *s, int64_t samples)
{
	return (samples * 1000 + s->rate_hz - 1) / s->rate_hz;
}

void speech_tick(struct speech *s, uint64_t now_ms)
{
	struct utterance *u;
	int64_t played, boundary;
	int i;

	SDL_LockMutex(s->lock);
	u = s->utt;
	if (!u) {
		SDL_UnlockMutex(s->lock);
		s->sentence = -1;
		s->wakeup_ms = -1;
		return;
	}
	if (s->dev) {
		played = heard(s, u);
	} else {
		/* a virtual speaker that plays at the pace of now_ms and
		 * waits, like a real one, when synthesis is behind */
		if (!s->clock_started) {
			s->clock_started = 1;
			s->base_ms = now_ms;
			s->base_samples = s->played;
		}
		played = s->base_samples +
			 (int64_t)(now_ms - s->base_ms) * s->rate_hz / 1000;
		if (played > u->produced) {
			played = u->produced;
			s->base_samples = played;
			s->base_ms = now_ms;
		}
	}
	s->played = played;
	if (u->done && played >= u->start[u->n]) {
		/* read to the end */
		if (s->dev)
			SDL_PauseAudioDevice(s->dev, 1);
		s->utt = NULL;
		free(u);
		SDL_UnlockMutex(s->lock);
		s->sentence = -1;
		s->wakeup_ms = -1;
		return;
	}
	i = s->sentence < 0 ? 0 : s->sentence;
	while (i < u->next && u->start[i + 1] <= played)
		i++;
	/* where sentence i ends, or as far as synthesis has got */
	boundary = i < u->next ? u->start[i + 1] : u->produced;
	s->sentence = i;
	s->wakeup_ms = boundary > played ? samples_to_ms(s, boundary - played)
					 : POLL_MS;
	SDL_UnlockMutex(s->lock);
}

int speech_sentence(const struct speech *s)
{
	return s ? s->sentence : -1;
}

int64_t speech_wakeup_in(const struct speech *s)
{
	return s ? s->wakeup_ms : -1;
}

void speech_stats(struct speech *s, struct speech_stats *st)
{
	memset(st, 0, sizeof(*st));
	st->sample_rate = s->rate_hz;
	st->device = s->dev != 0;
	SDL_LockMutex(s->lock);
	st->samples = s->samples;
	st->first_sample_ms = s->first_ms;
	st->voice_missing = s->voice_missing;
	if (s->utt) {
		st->synthesised = s->utt->produced;
		st->played = s->played;
		st->synthesis_done = s->utt->done;
	}
	SDL_UnlockMutex(s->lock);
}
