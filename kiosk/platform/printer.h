/*
 * printer: printed slips on an ESC/POS receipt printer. A slip is laid out
 * by the kiosk's own ui (line breaking, bidi, right to left as a mirror)
 * and drawn with the platform's fonts (HarfBuzz shaping, Arabic joined as
 * on screen) into a 1-bit picture on the calling thread: fonts belong to
 * the UI thread. The picture becomes ESC/POS bytes (core/print/slip.h) that
 * a worker thread writes to the device, so the screen never waits for the
 * paper.
 *
 * The device is a kiosk-local setting (DATA/settings.ini [printer] device,
 * core/settings.h): a character device such as /dev/usb/lp0, or for tests a
 * plain file (slips are appended) or a FIFO. It is opened for each slip
 * with O_NONBLOCK | O_CLOEXEC and written with poll(): when the printer
 * takes no byte for PRINTER_STALL_MS (no paper, the cover open, a printer
 * that hangs) the slip is given up and reported, so a visitor hears about
 * it within about 2 seconds and the kiosk goes on. The bytes live only in
 * memory and are cleared once written: a slip is never spooled to disk.
 */
#ifndef KIOSK_PRINTER_H
#define KIOSK_PRINTER_H

#include "base/err.h"
#include "core/print/slip.h"
#include "platform/platform.h"

#define PRINTER_STALL_MS 2000  /* no byte taken for this long: stalled */
#define PRINTER_TOTAL_MS 30000 /* a slip that takes longer is given up */

struct printer;

enum printer_state { PRINTER_IDLE, PRINTER_BUSY, PRINTER_DONE, PRINTER_FAILED };

enum printer_fault {
	PRINTER_OK,
	PRINTER_MISSING, /* no device there (unplugged, switched off) */
	PRINTER_STALLED, /* it stopped taking bytes (no paper, cover open) */
	PRINTER_ERROR,	 /* the device refused (no access, I/O error) */
	PRINTER_NO_PAPER /* the printer itself says its paper is out */
};

/* A printer on device (borrowed string, copied), drawing with p's fonts
 * (p must outlive the printer). Nothing is opened yet: the device is
 * opened for each slip, so a printer plugged in later works. Returns NULL
 * with a Dutch e when device is NULL or empty (no printer configured) or
 * not an absolute path. Close with printer_close(). */
struct printer *printer_open(struct platform *p, const char *device,
			     struct err *e);

/* Waits for a slip being written (at most about PRINTER_STALL_MS more),
 * then frees everything. NULL is fine. */
void printer_close(struct printer *pr);

/* Draws slip s (borrowed for the call only) and starts writing it; returns
 * at once. -1 with a Dutch e when a slip is still being printed, or when
 * the slip cannot be drawn (its QR payload longer than slip_qr_max()
 * allows for the paper, a slip longer than SLIP_HEIGHT_MAX). A logo that
 * cannot be read is left out (and logged), the rest is printed. */
int printer_print(struct printer *pr, const struct slip *s, struct err *e);

/* How the last slip is doing. PRINTER_DONE or PRINTER_FAILED (with *why,
 * which may be NULL) is answered once, then PRINTER_IDLE again. Call it
 * every frame while a slip prints. */
enum printer_state printer_poll(struct printer *pr, enum printer_fault *why);

/* A sentence in Dutch for staff about a fault ("De printer is niet
 * gevonden. ..."); static, never NULL. */
const char *printer_fault_text(enum printer_fault f);

/* Draws s as printer_print would, into a 1-bit raster (1 = black, rows of
 * (width+7)/8 bytes, MSB left) of slip_dots(s->paper_mm) dots wide, without
 * printing: for previews and tests. *bits is allocated (caller frees with
 * free()). Returns 0, or -1 with e. */
int printer_render(struct printer *pr, const struct slip *s, uint8_t **bits,
		   int *width, int *height, struct err *e);

#endif
