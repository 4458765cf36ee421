/*
 * image: streaming decode checks with libpng and libjpeg. Errors leave
 * through longjmp from the libraries' error hooks, which also send the
 * libraries' own words to the log.
 */
#include "core/content/image.h"

#include <png.h>
/* jpeglib.h needs FILE and size_t before it */
#include <stdio.h>
#include <jpeglib.h>
#include <jerror.h>
#include <fcntl.h>
#include <setjmp.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "base/log.h"
#include "base/util.h"

#define IMAGE_PX_MAX 8000
/* libjpeg keeps a whole progressive picture's coefficients; above this it
 * is only checked up to its header (the kiosk decodes it when shown) */
#define JPEG_MEM_MAX (40L << 20)

static const char broken[] =
	"dit plaatje is kapot of geen echt PNG- of JPEG-bestand: sla het "
	"opnieuw op als PNG of JPEG";

/* ---- sizes from the header ---- */

static int be16(const unsigned char *b)
{
	return (b[0] << 8) | b[1];
}

static long be32(const unsigned char *b)
{
	return ((long)b[0] << 24) | ((long)b[1] << 16) | ((long)b[2] << 8) |
	       (long)b[3];
}

int image_size(int fd, long *w, long *h)
{
	unsigned char b[32];
	ssize_t n = pread(fd, b, sizeof(b), 0);

	if (n >= 24 && memcmp(b, "\x89PNG\r\n\x1a\n", 8) == 0 &&
	    memcmp(b + 12, "IHDR", 4) == 0) {
		*w = be32(b + 16);
		*h = be32(b + 20);
		return 0;
	}
	if (n >= 4 && b[0] == 0xFF && b[1] == 0xD8) {
		/* walk the JPEG segments to the frame header (SOFn) */
		off_t pos = 2;
		int i;

		for (i = 0; i < 10000; i++) {
			unsigned char seg[9];

			if (pread(fd, seg, 4, pos) != 4 || seg[0] != 0xFF)
				break;
			if (seg[1] >= 0xC0 && seg[1] <= 0xCF &&
			    seg[1] != 0xC4 && seg[1] != 0xC8 &&
			    seg[1] != 0xCC) {
				if (pread(fd, seg + 4, 5, pos + 4) != 5)
					break;
				*h = be16(seg + 5);
				*w = be16(seg + 7);
				return 0;
			}
			pos += 2 + be16(seg + 2);
		}
	}
	return -1;
}

/* ---- PNG ---- */

struct png_src {
	int fd;
	jmp_buf jmp;
};

static void png_fail(png_structp png, png_const_charp msg)
{
	struct png_src *src = png_get_error_ptr(png);

	log_info("libpng: %s", msg);
	longjmp(src->jmp, 1);
}

static void png_note(png_structp png, png_const_charp msg)
{
	(void)png;
	log_info("libpng: %s", msg);
}

static void png_read_fd(png_structp png, png_bytep out, size_t n)
{
	struct png_src *src = png_get_io_ptr(png);
	size_t got = 0;

	while (got < n) {
		ssize_t r = read(src->fd, out + got, n - got);

		if (r <= 0)
			png_error(png, "file ends early or cannot be read");
		got += (size_t)r;
	}
}

static int png_verify(int fd)
{
	struct png_src src = { .fd = fd };
	png_structp png;
	png_infop info = NULL;
	unsigned char *volatile row = NULL;
	int ok = 0;

	png = png_create_read_struct(PNG_LIBPNG_VER_STRING, &src, png_fail,
				     png_note);
	if (!png)
		return -1;
	info = png_create_info_struct(png);
	if (!info || setjmp(src.jmp)) {
		free(row);
		png_destroy_read_struct(&png, info ? &info : NULL, NULL);
		return -1;
	}
	png_set_read_fn(png, &src, png_read_fd);
	png_set_user_limits(png, IMAGE_PX_MAX, IMAGE_PX_MAX);
	png_read_info(png, info);
	{
		int passes = png_set_interlace_handling(png);
		png_uint_32 h = png_get_image_height(png, info), y;
		int pass;

		png_read_update_info(png, info);
		row = xmalloc(png_get_rowbytes(png, info));
		for (pass = 0; pass < passes; pass++)
			for (y = 0; y < h; y++)
				png_read_row(png, row, NULL);
	}
	png_read_end(png, NULL);
	ok = 1;
	free(row);
	png_destroy_read_struct(&png, &info, NULL);
	return ok ? 0 : -1;
}

/* ---- JPEG ---- */

struct jpeg_fail {
	struct jpeg_error_mgr mgr;
	jmp_buf jmp;
	int cut; /* the file ended before the picture did */
};

static void jpeg_fail_exit(j_common_ptr cinfo)
{
	struct jpeg_fail *f = (struct jpeg_fail *)cinfo->err;
	char msg[JMSG_LENGTH_MAX];

	cinfo->err->format_message(cinfo, msg);
	log_info("libjpeg: %s", msg);
	longjmp(f->jmp, 1);
}

static void jpeg_note(j_common_ptr cinfo)
{
	struct jpeg_fail *f = (struct jpeg_fail *)cinfo->err;
	char msg[JMSG_LENGTH_MAX];

	/* libjpeg shows a cut-off picture with a grey end; staff should
	 * hear of it */
	if (cinfo->err->msg_code == JWRN_JPEG_EOF)
		f->cut = 1;
	cinfo->err->format_message(cinfo, msg);
	log_info("libjpeg: %s", msg);
}

static int jpeg_verify(int fd)
{
	struct jpeg_decompress_struct cinfo;
	struct jpeg_fail fail;
	FILE *volatile f = NULL;
	unsigned char *volatile row = NULL;
	int dfd = dup(fd);

	if (dfd < 0)
		return -1;
	f = fdopen(dfd, "rb");
	if (!f) {
		close(dfd);
		return -1;
	}
	fail.cut = 0;
	cinfo.err = jpeg_std_error(&fail.mgr);
	fail.mgr.error_exit = jpeg_fail_exit;
	fail.mgr.output_message = jpeg_note;
	jpeg_create_decompress(&cinfo);
	if (setjmp(fail.jmp)) {
		jpeg_destroy_decompress(&cinfo);
		free(row);
		fclose(f);
		return -1;
	}
	jpeg_stdio_src(&cinfo, f);
	jpeg_read_header(&cinfo, TRUE);
	if (cinfo.image_width > IMAGE_PX_MAX ||
	    cinfo.image_height > IMAGE_PX_MAX) {
		log_info("libjpeg: %ux%u is over the limit", cinfo.image_width,
			 cinfo.image_height);
		longjmp(fail.jmp, 1);
	}
	if (jpeg_has_multiple_scans(&cinfo) &&
	    (long)cinfo.image_width * (long)cinfo.image_height *
			    cinfo.num_components * 2 >
		    JPEG_MEM_MAX) {
		log_info("libjpeg: progressive %ux%u checked up to its header",
			 cinfo.image_width, cinfo.image_height);
		jpeg_destroy_decompress(&cinfo);
		fclose(f);
		return 0;
	}
	cinfo.scale_num = 1;
	cinfo.scale_denom = 8;
	cinfo.dct_method = JDCT_IFAST;
	cinfo.mem->max_memory_to_use = JPEG_MEM_MAX;
	jpeg_start_decompress(&cinfo);
	row = xmalloc((size_t)cinfo.output_width *
		      (size_t)cinfo.output_components);
	while (cinfo.output_scanline < cinfo.output_height) {
		JSAMPROW rows[1] = { row };

		jpeg_read_scanlines(&cinfo, rows, 1);
	}
	jpeg_finish_decompress(&cinfo);
	jpeg_destroy_decompress(&cinfo);
	free(row);
	fclose(f);
	return fail.cut ? -1 : 0;
}

int image_verify(int fd, char *why, size_t why_size)
{
	unsigned char magic[8];
	int rc = -1;

	if (pread(fd, magic, sizeof(magic), 0) == (ssize_t)sizeof(magic) &&
	    lseek(fd, 0, SEEK_SET) == 0) {
		if (png_sig_cmp(magic, 0, sizeof(magic)) == 0)
			rc = png_verify(fd);
		else if (magic[0] == 0xFF && magic[1] == 0xD8)
			rc = jpeg_verify(fd);
	}
	if (rc < 0)
		str_copy(why, why_size, broken);
	return rc;
}

int image_size_file(const char *path, long *w, long *h)
{
	int fd = open(path, O_RDONLY | O_CLOEXEC), rc;

	if (fd < 0)
		return -1;
	rc = image_size(fd, w, h);
	close(fd);
	return rc < 0 || *w <= 0 || *h <= 0 ? -1 : 0;
}
