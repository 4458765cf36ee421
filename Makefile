# Wijkkiosk. `make run` shows the kiosk; `make test` runs every test.
# Quiet lines by default; `make V=1` shows the commands.

CC      ?= cc
PKGS     = sdl2 SDL2_ttf SDL2_image md4c libpng libjpeg fontconfig libqrencode \
           libsystemd \
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
# the staff tool: kioskctl.c and the commands kept beside it
CTL_SRC = $(sort $(wildcard tools/kioskctl*.c))
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
        fuzz-bins monkey soak fleet-test \
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

$(KIOSKCTL): $(call objs,$(B)/obj,$(CTL_SRC) $(PLAT_SRC)) $(LIBCORE)
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

$(KIOSKCTL_SAN): $(call objs,$(B)/san/obj,$(CTL_SRC) $(PLAT_SRC)) $(LIBCORE_SAN)
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

# a fixture of tests/e2e/signups.sh: saves sign-ups as the kiosk would
$(B)/san/add-signups: tests/e2e/add_signups.c $(LIBCORE_SAN)
	@$(if $(Q),echo "  TEST    $@")
	$(Q)$(CC) $(ALL_CFLAGS) $(SAN) $(CORE_CFLAGS) -o $@ $< $(LIBCORE_SAN) \
		$(CORE_LIBS)

asan: $(KIOSK_SAN) $(KIOSKCTL_SAN) $(UNIT_BINS) $(PTEST_BINS) \
      $(B)/san/add-signups

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

# A pack travelling office -> kiosk and the answers back, through two
# real Syncthing instances on 127.0.0.1 (apt install syncthing; not part
# of make test). Bounded in time; both are stopped by their PIDs.
fleet-test: deps
	$(Q)$(MAKE) --no-print-directory all
	$(Q)command -v syncthing > /dev/null || \
		{ echo "fleet-test: needs syncthing (apt install syncthing)"; exit 1; }
	$(Q)python3 tests/fleet/fleet_test.py $(KIOSK) $(KIOSKCTL) $(CURDIR) \
		$(B)/fleet-test

fuzz: deps
	$(Q)$(MAKE) --no-print-directory fuzz-bins
	$(Q)RUNS=200000 sh tests/fuzz/run.sh

# `make install [PREFIX=/usr/local] [DESTDIR=]`: the programs and what they
# read in PREFIX/lib/wijkkiosk (they find assets/ and content/ beside
# build/), wijkkiosk and kioskctl in PREFIX/bin, the systemd unit, the
# documentation, and the data folder with its inbox and outbox. Nothing
# outside DESTDIR is touched; docs/kiosk-pc.md has the steps after it.
PREFIX   ?= /usr/local
BINDIR    = $(PREFIX)/bin
LIBDIR    = $(PREFIX)/lib/wijkkiosk
DOCDIR    = $(PREFIX)/share/doc/wijkkiosk
UNITDIR  ?= $(PREFIX)/lib/systemd/system
STATEDIR ?= /var/lib/wijkkiosk
DOCS      = README.md $(wildcard docs/*.md)
install: $(KIOSK) $(KIOSKCTL)
	$(Q)install -d $(DESTDIR)$(LIBDIR)/build $(DESTDIR)$(BINDIR) \
		$(DESTDIR)$(DOCDIR) $(DESTDIR)$(UNITDIR)
	$(Q)install -m 755 $(KIOSK) $(KIOSKCTL) $(DESTDIR)$(LIBDIR)/build/
	$(Q)rm -rf $(DESTDIR)$(LIBDIR)/assets $(DESTDIR)$(LIBDIR)/content
	$(Q)cp -R --no-preserve=ownership assets content $(DESTDIR)$(LIBDIR)/
	$(Q)chmod -R u=rwX,go=rX $(DESTDIR)$(LIBDIR)/assets \
		$(DESTDIR)$(LIBDIR)/content
	$(Q)ln -sf ../lib/wijkkiosk/build/kiosk $(DESTDIR)$(BINDIR)/wijkkiosk
	$(Q)ln -sf ../lib/wijkkiosk/build/kioskctl $(DESTDIR)$(BINDIR)/kioskctl
	$(Q)install -m 644 $(DOCS) $(DESTDIR)$(DOCDIR)/
	$(Q)sed -e 's|@BINDIR@|$(BINDIR)|g' -e 's|@DOCDIR@|$(DOCDIR)|g' \
		-e 's|/var/lib/wijkkiosk|$(STATEDIR)|g' \
		tools/wijkkiosk.service.in > $(DESTDIR)$(UNITDIR)/wijkkiosk.service
	$(Q)chmod 644 $(DESTDIR)$(UNITDIR)/wijkkiosk.service
	$(Q)install -d -m 750 $(DESTDIR)$(STATEDIR) $(DESTDIR)$(STATEDIR)/inbox \
		$(DESTDIR)$(STATEDIR)/outbox
	@echo "installed in $(DESTDIR)$(PREFIX); unit: $(DESTDIR)$(UNITDIR)/wijkkiosk.service"
	@echo "next steps: $(DOCDIR)/kiosk-pc.md"

format:
	clang-format -i $$(find kiosk tools tests/unit tests/platform tests/fuzz \
		-name '*.[ch]')

clean:
	rm -rf $(B)

-include $(shell find $(B) -name '*.d' 2>/dev/null)
