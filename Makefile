# Wijkkiosk. `make run` shows the kiosk; `make test` runs every test.
# Quiet lines by default; `make V=1` shows the commands.

CC      ?= cc
PKGS     = sdl2 SDL2_ttf SDL2_image md4c libpng libjpeg fontconfig libqrencode \
           poppler-glib cairo espeak-ng fribidi libunibreak sqlite3 libsodium
CORE_PKGS = md4c libpng libjpeg libqrencode poppler-glib cairo fribidi \
            libunibreak sqlite3 libsodium
WARN     = -Wall -Wextra -Wpedantic -Wshadow -Wstrict-prototypes -Wvla \
           -Wwrite-strings -Wno-format-truncation -Werror
CFLAGS  ?= -O2 -g
ALL_CFLAGS = -std=c11 -D_GNU_SOURCE -Ikiosk $(WARN) $(CFLAGS) -MMD -MP
SAN      = -fsanitize=address,undefined -fno-omit-frame-pointer \
           -fno-sanitize-recover=undefined
B        = build

ifeq ($(V),1)
Q =
else
Q = @
endif

BASE_SRC = $(wildcard kiosk/base/*.c)
CORE_SRC = $(sort $(shell find kiosk/core -name '*.c'))
PLAT_SRC = $(wildcard kiosk/platform/*.c)
# the kiosk program itself: main.c, the loop, the benchmarks
KIOSK_SRC = $(wildcard kiosk/*.c)
UNIT_SRC = $(wildcard tests/unit/test_*.c)
PTEST_SRC = $(wildcard tests/platform/test_*.c)

# Core library objects, a normal and a sanitizer flavour.
define objs
$(patsubst %.c,$(1)/%.o,$(2))
endef

LIBCORE      = $(B)/libkioskcore.a
LIBCORE_SAN  = $(B)/san/libkioskcore.a
KIOSK        = $(B)/kiosk
KIOSK_SAN    = $(B)/san/kiosk
KIOSKCTL     = $(B)/kioskctl
KIOSKCTL_SAN = $(B)/san/kioskctl
UNIT_BINS    = $(patsubst tests/unit/%.c,$(B)/san/%,$(UNIT_SRC))
PTEST_BINS   = $(patsubst tests/platform/%.c,$(B)/san/platform/%,$(PTEST_SRC))

PKG_CFLAGS  := $(shell pkg-config --cflags $(PKGS) 2>/dev/null)
PKG_LIBS    := $(shell pkg-config --libs $(PKGS) 2>/dev/null)
CORE_CFLAGS := $(shell pkg-config --cflags $(CORE_PKGS) 2>/dev/null)
CORE_LIBS   := $(shell pkg-config --libs $(CORE_PKGS) 2>/dev/null) -lm

.PHONY: all deps run test unit e2e check-layers asan bench valgrind fuzz \
        fuzz-bins monkey soak \
        install clean format

all: $(KIOSK) $(KIOSKCTL)

deps:
	$(Q)sh tools/deps.sh

# ---- normal build ----
$(B)/obj/%.o: %.c
	@mkdir -p $(dir $@)
	@$(if $(Q),echo "  CC      $<")
	$(Q)$(CC) $(ALL_CFLAGS) $(PKG_CFLAGS) -c $< -o $@

$(LIBCORE): $(call objs,$(B)/obj,$(BASE_SRC) $(CORE_SRC))
	@$(if $(Q),echo "  AR      $@")
	$(Q)rm -f $@ && ar rcs $@ $^

$(KIOSK): $(call objs,$(B)/obj,$(KIOSK_SRC) $(PLAT_SRC)) $(LIBCORE)
	@$(if $(Q),echo "  LINK    $@")
	$(Q)$(CC) $(CFLAGS) -o $@ $^ $(PKG_LIBS) -lm -lpthread

$(KIOSKCTL): $(call objs,$(B)/obj,tools/kioskctl.c $(PLAT_SRC)) $(LIBCORE)
	@$(if $(Q),echo "  LINK    $@")
	$(Q)$(CC) $(CFLAGS) -o $@ $^ $(PKG_LIBS) -lm -lpthread

# ---- sanitizer build (ASan + UBSan), used by the tests ----
$(B)/san/obj/%.o: %.c
	@mkdir -p $(dir $@)
	@$(if $(Q),echo "  CC san  $<")
	$(Q)$(CC) $(ALL_CFLAGS) $(SAN) $(PKG_CFLAGS) -c $< -o $@

$(LIBCORE_SAN): $(call objs,$(B)/san/obj,$(BASE_SRC) $(CORE_SRC))
	$(Q)rm -f $@ && ar rcs $@ $^

$(KIOSK_SAN): $(call objs,$(B)/san/obj,$(KIOSK_SRC) $(PLAT_SRC)) $(LIBCORE_SAN)
	@$(if $(Q),echo "  LINK san $@")
	$(Q)$(CC) $(CFLAGS) $(SAN) -o $@ $^ $(PKG_LIBS) -lm -lpthread

$(KIOSKCTL_SAN): $(call objs,$(B)/san/obj,tools/kioskctl.c $(PLAT_SRC)) $(LIBCORE_SAN)
	@$(if $(Q),echo "  LINK san $@")
	$(Q)$(CC) $(CFLAGS) $(SAN) -o $@ $^ $(PKG_LIBS) -lm -lpthread

$(B)/san/test_%: tests/unit/test_%.c tests/unit/fake.h $(LIBCORE_SAN)
	@mkdir -p $(dir $@)
	@$(if $(Q),echo "  TEST    $@")
	$(Q)$(CC) $(ALL_CFLAGS) $(SAN) $(CORE_CFLAGS) -Ikiosk -o $@ $< \
		$(LIBCORE_SAN) $(CORE_LIBS) -lcmocka

# a platform test links the one platform module it is named after
$(B)/san/platform/test_%: tests/platform/test_%.c \
		$(B)/san/obj/kiosk/platform/%.o $(LIBCORE_SAN)
	@mkdir -p $(dir $@)
	@$(if $(Q),echo "  TEST    $@")
	$(Q)$(CC) $(ALL_CFLAGS) $(SAN) $(PKG_CFLAGS) -o $@ $< \
		$(B)/san/obj/kiosk/platform/$*.o $(LIBCORE_SAN) $(PKG_LIBS) \
		-lcmocka -lm -lpthread

asan: $(KIOSK_SAN) $(KIOSKCTL_SAN) $(UNIT_BINS) $(PTEST_BINS)

# ---- fuzz targets (clang, libFuzzer + ASan + UBSan) ----
# The core is compiled once into its own library and rebuilt only when a
# source changes; each target links against it.
FUZZ_CC    = clang
FUZZ_FLAGS = -std=c11 -D_GNU_SOURCE -Ikiosk -g -O1 \
             -fsanitize=address,undefined
FUZZ_SRC   = $(wildcard tests/fuzz/fuzz_*.c)
FUZZ_BINS  = $(patsubst tests/fuzz/%.c,$(B)/fuzz/%,$(FUZZ_SRC))
LIBCORE_FUZZ = $(B)/fuzz/libkioskcore.a

$(B)/fuzz/obj/%.o: %.c
	@mkdir -p $(dir $@)
	@$(if $(Q),echo "  CC fuzz $<")
	$(Q)$(FUZZ_CC) $(FUZZ_FLAGS) -fsanitize=fuzzer-no-link $(CORE_CFLAGS) \
		-MMD -MP -c $< -o $@

$(LIBCORE_FUZZ): $(call objs,$(B)/fuzz/obj,$(BASE_SRC) $(CORE_SRC))
	$(Q)rm -f $@ && ar rcs $@ $^

$(B)/fuzz/fuzz_%: tests/fuzz/fuzz_%.c $(LIBCORE_FUZZ)
	@$(if $(Q),echo "  LINK fuzz $@")
	$(Q)$(FUZZ_CC) $(FUZZ_FLAGS) -fsanitize=fuzzer $(CORE_CFLAGS) -MMD -MP \
		-o $@ $< $(LIBCORE_FUZZ) $(CORE_LIBS)

fuzz-bins: $(FUZZ_BINS)

# ---- running ----
run: deps
	$(Q)$(MAKE) --no-print-directory all
	./$(KIOSK) $(ARGS)

test: deps
	$(Q)$(MAKE) --no-print-directory -j$$(nproc) asan all fuzz-bins
	$(Q)sh tests/run-tests.sh

# The survey store's kill test at length: KILLS (default 2000) children
# killed at random moments while they save responses.
soak: deps
	$(Q)$(MAKE) --no-print-directory $(B)/san/test_store
	$(Q)STORE_KILLS=$${KILLS:-2000} ./$(B)/san/test_store \
		> $(B)/soak.log 2>&1; rc=$$?; \
		grep -E '^kill test|FAILED|ERROR|LINE' $(B)/soak.log; exit $$rc

check-layers:
	$(Q)sh tests/check-layers.sh

valgrind: $(KIOSK)
	$(Q)sh tests/run-valgrind.sh

bench: deps
	$(Q)$(MAKE) --no-print-directory all
	$(Q)sh tests/bench/run.sh

# Random use of both demo packs under ASan/UBSan for MINUTES minutes
# (make test runs half a minute): taps, screens, findings, memory.
MINUTES ?= 0.5
SEED    ?= 13
monkey: deps
	$(Q)$(MAKE) --no-print-directory $(KIOSK_SAN)
	$(Q)python3 tests/monkey/monkey.py $(KIOSK_SAN) . $(B)/monkey \
		--minutes $(MINUTES) --seed $(SEED)

fuzz: deps
	$(Q)$(MAKE) --no-print-directory fuzz-bins
	$(Q)RUNS=200000 sh tests/fuzz/run.sh

PREFIX ?= /usr/local
install: $(KIOSK) $(KIOSKCTL)
	install -d $(DESTDIR)$(PREFIX)/lib/wijkkiosk/build
	install -m 755 $(KIOSK) $(KIOSKCTL) $(DESTDIR)$(PREFIX)/lib/wijkkiosk/build/
	cp -r assets content $(DESTDIR)$(PREFIX)/lib/wijkkiosk/
	install -d $(DESTDIR)$(PREFIX)/bin
	ln -sf ../lib/wijkkiosk/build/kiosk $(DESTDIR)$(PREFIX)/bin/wijkkiosk
	ln -sf ../lib/wijkkiosk/build/kioskctl $(DESTDIR)$(PREFIX)/bin/kioskctl

format:
	clang-format -i $$(find kiosk tools tests/unit tests/platform tests/fuzz \
		-name '*.[ch]')

clean:
	rm -rf $(B)

-include $(shell find $(B) -name '*.d' 2>/dev/null)
