/*
 * minimal: the baseline that tests/bench/run.sh sets the kiosk against. It
 * is the least an SDL2 + SDL2_ttf program can do that still looks like the
 * kiosk from the outside: it opens a window the way the kiosk does (same
 * size, software renderer when headless, accelerated first otherwise),
 * draws one line of DejaVu Sans and speaks the same --bench protocol:
 *
 *   --bench            print "bench: first-frame-ns N" (CLOCK_MONOTONIC)
 *                      after the first presented frame, then idle in
 *                      SDL_WaitEvent until SIGTERM
 *   --bench-frames N   repaint N frames as fast as it can, the text one
 *                      pixel further each time, print
 *                      "bench: frame-ms p50 X p99 Y" and exit
 *
 * It owns nothing beyond its window; all state lives in main. The name of
 * the renderer it got goes to stderr so run.sh can show it.
 */
#define _POSIX_C_SOURCE 200809L

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <SDL.h>
#include <SDL_ttf.h>

#define TEXT	"Wijkkiosk baseline: one line of text"
#define TEXT_PX 48

struct options {
	const char *font;
	int width, height, windowed, bench;
	long frames;
};

static uint64_t mono_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec;
}

static int cmp_u64(const void *x, const void *y)
{
	uint64_t a = *(const uint64_t *)x, b = *(const uint64_t *)y;

	return a < b ? -1 : a > b;
}

static int usage(void)
{
	fputs("usage: minimal --font FILE [--size WxH] [--windowed] [--bench]\n"
	      "               [--bench-frames N]\n",
	      stderr);
	return 2;
}

static int parse_args(int argc, char **argv, struct options *o)
{
	int i;

	for (i = 1; i < argc; i++) {
		const char *a = argv[i];
		char *end;

		if (strcmp(a, "--windowed") == 0) {
			o->windowed = 1;
		} else if (strcmp(a, "--bench") == 0) {
			o->bench = 1;
		} else if (i + 1 >= argc) {
			fprintf(stderr, "minimal: option '%s' needs a value\n",
				a);
			return -1;
		} else if (strcmp(a, "--font") == 0) {
			o->font = argv[++i];
		} else if (strcmp(a, "--size") == 0) {
			if (sscanf(argv[++i], "%dx%d", &o->width, &o->height) !=
				    2 ||
			    o->width < 320 || o->height < 240) {
				fprintf(stderr, "minimal: bad size '%s'\n",
					argv[i]);
				return -1;
			}
		} else if (strcmp(a, "--bench-frames") == 0) {
			o->frames = strtol(argv[++i], &end, 10);
			if (*end || o->frames < 1 || o->frames > 1000000) {
				fprintf(stderr,
					"minimal: bad frame count '%s'\n",
					argv[i]);
				return -1;
			}
		} else {
			fprintf(stderr, "minimal: unknown option '%s'\n", a);
			return -1;
		}
	}
	return o->font ? 0 : -1;
}

/* One frame: a plain background and the line of text at x. */
static void paint(SDL_Renderer *ren, SDL_Texture *tex, int tw, int th, int x,
		  int h)
{
	SDL_Rect dst = { x, (h - th) / 2, tw, th };

	SDL_SetRenderDrawColor(ren, 0xf4, 0xf1, 0xea, 0xff);
	SDL_RenderClear(ren);
	SDL_RenderCopy(ren, tex, NULL, &dst);
	SDL_RenderPresent(ren);
}

/* Paints n frames, a full repaint each, and prints the median and 99th
 * percentile the same way the kiosk does. */
static void bench_frames(SDL_Renderer *ren, SDL_Texture *tex, int tw, int th,
			 int w, int h, long n)
{
	uint64_t *t = calloc((size_t)n, sizeof(*t));
	int span = w - tw - 80 > 1 ? w - tw - 80 : 1; /* room to move in */
	long i;

	if (!t) {
		fputs("minimal: out of memory\n", stderr);
		return;
	}
	for (i = 0; i < n; i++) {
		uint64_t t0 = mono_ns();

		paint(ren, tex, tw, th, 40 + (int)(i % span), h);
		t[i] = mono_ns() - t0;
	}
	qsort(t, (size_t)n, sizeof(*t), cmp_u64);
	printf("bench: frame-ms p50 %.3f p99 %.3f\n", t[n / 2] / 1e6,
	       t[(n * 99) / 100 < n ? (n * 99) / 100 : n - 1] / 1e6);
	fflush(stdout);
	free(t);
}

int main(int argc, char **argv)
{
	struct options o = { NULL, 0, 0, 0, 0, 0 };
	SDL_Window *win = NULL;
	SDL_Renderer *ren = NULL;
	SDL_Texture *tex = NULL;
	SDL_Surface *s;
	SDL_RendererInfo info;
	TTF_Font *font = NULL;
	const char *driver;
	Uint32 flags = 0;
	int headless, w, h, rc = 1;

	if (parse_args(argc, argv, &o) < 0)
		return usage();
	if (SDL_Init(SDL_INIT_VIDEO | SDL_INIT_EVENTS) != 0) {
		fprintf(stderr, "minimal: cannot start SDL: %s\n",
			SDL_GetError());
		return 1;
	}
	if (TTF_Init() != 0) {
		fprintf(stderr, "minimal: cannot start SDL_ttf: %s\n",
			TTF_GetError());
		goto out;
	}
	driver = SDL_GetCurrentVideoDriver();
	headless = driver && (strcmp(driver, "offscreen") == 0 ||
			      strcmp(driver, "dummy") == 0);
	w = o.width ? o.width : 1920;
	h = o.height ? o.height : 1080;
	if (!o.windowed && !headless)
		flags |= SDL_WINDOW_BORDERLESS | SDL_WINDOW_FULLSCREEN_DESKTOP;
	win = SDL_CreateWindow("minimal", SDL_WINDOWPOS_CENTERED,
			       SDL_WINDOWPOS_CENTERED, w, h, flags);
	if (!win) {
		fprintf(stderr, "minimal: cannot open a window: %s\n",
			SDL_GetError());
		goto out;
	}
	/* the kiosk's choice: software when headless, else try the GPU */
	ren = headless ? NULL
		       : SDL_CreateRenderer(win, -1, SDL_RENDERER_ACCELERATED);
	if (!ren)
		ren = SDL_CreateRenderer(win, -1, SDL_RENDERER_SOFTWARE);
	if (!ren) {
		fprintf(stderr, "minimal: cannot draw in the window: %s\n",
			SDL_GetError());
		goto out;
	}
	if (SDL_GetRendererInfo(ren, &info) == 0)
		fprintf(stderr, "minimal: renderer %s\n", info.name);
	SDL_GetRendererOutputSize(ren, &w, &h);
	SDL_ShowCursor(SDL_DISABLE);

	font = TTF_OpenFont(o.font, TEXT_PX);
	if (!font) {
		fprintf(stderr, "minimal: cannot open font '%s': %s\n", o.font,
			TTF_GetError());
		goto out;
	}
	TTF_SetFontHinting(font, TTF_HINTING_LIGHT);
	s = TTF_RenderUTF8_Blended(font, TEXT,
				   (SDL_Color){ 0x20, 0x20, 0x20, 0xff });
	if (!s) {
		fprintf(stderr, "minimal: cannot render text: %s\n",
			TTF_GetError());
		goto out;
	}
	tex = SDL_CreateTextureFromSurface(ren, s);
	{
		int tw = s->w, th = s->h;

		SDL_FreeSurface(s);
		if (!tex) {
			fprintf(stderr, "minimal: cannot make a texture: %s\n",
				SDL_GetError());
			goto out;
		}
		if (o.frames) {
			bench_frames(ren, tex, tw, th, w, h, o.frames);
			rc = 0;
			goto out;
		}
		paint(ren, tex, tw, th, 40, h);
		if (o.bench) {
			printf("bench: first-frame-ns %llu\n",
			       (unsigned long long)mono_ns());
			fflush(stdout);
		}
		/* SDL turns SIGTERM (and SIGINT) into SDL_QUIT */
		for (;;) {
			SDL_Event ev;

			if (!SDL_WaitEvent(&ev) || ev.type == SDL_QUIT)
				break;
			if (ev.type == SDL_WINDOWEVENT &&
			    ev.window.event == SDL_WINDOWEVENT_EXPOSED)
				paint(ren, tex, tw, th, 40, h);
		}
	}
	rc = 0;
out:
	if (tex)
		SDL_DestroyTexture(tex);
	if (font)
		TTF_CloseFont(font);
	if (ren)
		SDL_DestroyRenderer(ren);
	if (win)
		SDL_DestroyWindow(win);
	if (TTF_WasInit())
		TTF_Quit();
	SDL_Quit();
	return rc;
}
