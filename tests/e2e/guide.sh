#!/bin/sh
# The guide and the tool agree: every rule content/LEESMIJ.md lists under
# "De controle kijkt onder andere of" is proved here with a pack broken in
# that one way, and `kioskctl check` must name the file (and line) and say
# what is wrong in Dutch. A rule added to the guide without a broken pack
# here fails this test, and so does a rule the tool does not check.
set -u
: "${KIOSK:?set KIOSK to the kiosk binary}"
: "${OUT:?set OUT to a scratch folder}"
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
KIOSK=$(cd "$(dirname "$KIOSK")" && pwd)/$(basename "$KIOSK")
CTL=${KIOSKCTL:-$(dirname "$KIOSK")/kioskctl}
export SDL_VIDEODRIVER="${SDL_VIDEODRIVER:-dummy}"
rm -rf "$OUT"
mkdir -p "$OUT"
fails=0
DAY="--date 2026-11-24"
P="$OUT/p"

. "$ROOT/tests/e2e/lib.inc"

fresh() {
	rm -rf "$P"
	cp -r "$ROOT/content/voorbeeld" "$P"
}

# check must print a line starting with $2 that holds $3; $1 is the exit
# status wanted (1: refused, 0: a warning only).
says() { # rc, where, what
	"$CTL" check "$P" $DAY > "$OUT/check.out" 2>&1
	rc=$?
	if [ $rc = "$1" ] && grep -F -- "$2" "$OUT/check.out" | grep -qF -- "$3" &&
	   ! grep -q Sanitizer "$OUT/check.out"; then
		return 0
	fi
	echo "    wanted (exit $1) '$2 ... $3'; got exit $rc:"
	sed 's/^/      /' "$OUT/check.out" | head -6
	return 1
}
refused() { says 1 "$@"; }
warned() { says 0 "$@"; }

# The example pack with an ask tile (vraag) and an initiatives tile
# (doe-mee) added, both right: each rule below breaks one thing in them.
asks() {
	fresh && sed -i 's/^tiles = .*/&, vraag, doe-mee/' "$P/kiosk.ini" &&
		mkdir "$P/vraag" "$P/doe-mee" &&
		printf '[tile]\nkind = ask\ntitle = Vraag\ntitle.en = Question\n' > "$P/vraag/tile.ini" &&
		printf '[wonen]\ntitle = Wonen\ntitle.en = Housing\nwant = Een huis | Rust\nwant.en = A home | Calm\ncan = Zelf bellen\ncan.en = Call myself\nneed = Hulp\nneed.en = Help\nwho = De balie\nwho.en = The desk\nsend = email\nto = balie@wijk.example\n' > "$P/vraag/onderwerpen.ini" &&
		printf '[tile]\nkind = initiatives\ntitle = Doe mee\ntitle.en = Join in\n' > "$P/doe-mee/tile.ini" &&
		printf '[tuin]\ntitle = Tuin\ntitle.en = Garden\nwhat = Samen tuinieren.\nwhat.en = Gardening together.\ncontact_name = Fatima\nsend = telefoon\nto = 06 00000001\nconsent = Alleen Fatima krijgt uw naam en nummer. Na 90 dagen gewist.\nconsent.en = Only Fatima gets your name and number. Deleted after 90 days.\nnext = Fatima belt u.\nnext.en = Fatima calls you.\n' > "$P/doe-mee/initiatieven.ini"
}

# One broken pack (or a few) per rule of the guide, by a word of the rule.
prove() { # the rule as the guide words it
	case "$1" in
	*'hoogstens 6 keuzes'*)
		asks && "$CTL" check "$P" $DAY > "$OUT/check.out" 2>&1 &&
			grep -q 'in orde' "$OUT/check.out" &&
			sed -i 's/^want = .*/want = A | B | C | D | E | F | G/' "$P/vraag/onderwerpen.ini" &&
			refused "vraag/onderwerpen.ini:4:" "meer dan 6 keuzes bij want" &&
			asks && sed -i 's/^want = .*/want = Een huis | Rust | Hulp/' "$P/vraag/onderwerpen.ini" &&
			refused "vraag/onderwerpen.ini:5:" "want.en heeft 2 keuzes, in het Nederlands zijn het er 3" ;;
	*'past bij `send`'*)
		asks && sed -i 's/^to = .*/to = 06 12345678/' "$P/vraag/onderwerpen.ini" &&
			refused "vraag/onderwerpen.ini:1:" "'06 12345678' bij onderwerp [wonen] is geen e-mailadres" &&
			asks && sed -i 's/^to = .*/to = fatima@tuin.example/' "$P/doe-mee/initiatieven.ini" &&
			refused "doe-mee/initiatieven.ini:1:" "is geen telefoonnummer" &&
			asks && sed -i 's/^send = .*/send = website/' "$P/doe-mee/initiatieven.ini" &&
			refused "doe-mee/initiatieven.ini:1:" "'06 00000001' bij initiatief [tuin] is geen webadres" ;;
	*'`consent`'*)
		asks && sed -i '/^consent/d' "$P/doe-mee/initiatieven.ini" &&
			refused "doe-mee/initiatieven.ini:1:" "initiatief [tuin] heeft geen toestemmingstekst (consent)" &&
			printf 'signup = nee\n' >> "$P/doe-mee/initiatieven.ini" &&
			"$CTL" check "$P" $DAY > "$OUT/check.out" 2>&1 ;;
	*'`format`, `name` en `tiles`'*)
		fresh && sed -i '/^format/d' "$P/kiosk.ini" &&
			refused "kiosk.ini:" "'format = ...' ontbreekt in [kiosk]" &&
			fresh && sed -i '/^tiles/d' "$P/kiosk.ini" &&
			refused "kiosk.ini:" "'tiles = ...' ontbreekt" ;;
	*'`tile.ini` met `kind` en `title`'*)
		fresh && rm "$P/welkom/tile.ini" &&
			refused "welkom/tile.ini:" "elke tegel heeft een tile.ini" &&
			fresh && sed -i '/^title = /d' "$P/welkom/tile.ini" &&
			refused "welkom/tile.ini:" "'title = ...' ontbreekt in [tile]" ;;
	*'geen spatie'*)
		fresh && sed -i 's/^tiles = .*/tiles = welkom, mijn folders/' "$P/kiosk.ini" &&
			line=$(grep -n '^tiles' "$P/kiosk.ini" | cut -d: -f1) &&
			refused "kiosk.ini:$line:" "een mapnaam mag geen spatie hebben" ;;
	*'PNG-, JPEG- of'*)
		fresh && rm "$P/folders/activiteiten.png" &&
			refused "folders/folders.ini:1:" "bestand 'folders/activiteiten.png' bestaat niet" &&
			fresh && printf 'geen plaatje' > "$P/folders/activiteiten.png" &&
			refused "folders/folders.ini:1:" "geen goed PNG- of JPEG-bestand" ;;
	*'`.txt`'*)
		fresh && mv "$P/welkom/nl.md" "$P/welkom/nl.md.txt" &&
			refused "welkom/nl.md:" "Er staat wel 'nl.md.txt'" ;;
	*'echte datums'*)
		fresh && printf 'show_from = 2028-01-01\n' >> "$P/folders/folders.ini" &&
			refused "folders/folders.ini:1:" "show_from ligt na show_until" &&
			fresh && sed -i 's/^show_until = .*/show_until = 31-12-2027/' "$P/folders/folders.ini" &&
			refused "folders/folders.ini:5:" "'31-12-2027' bij show_until is geen goede datum" ;;
	*'echte tijden'*)
		fresh && sed -i 's/^tiles = .*/tiles = welkom, agenda/' "$P/kiosk.ini" &&
			mkdir "$P/agenda" &&
			printf '[tile]\nkind = activiteiten\ntitle = Agenda\ntitle.en = Events\n' > "$P/agenda/tile.ini" &&
			printf '[a]\ntitle = A\ntitle.en = A\ndate = 2026-12-01\nstart = 14:00\nend = 13:00\n[b]\ntitle = B\ntitle.en = B\ndate = 2026-12-01\nstart = 14:75\n' > "$P/agenda/activiteiten.ini" &&
			refused "agenda/activiteiten.ini:1:" "eindigt (end) voor" &&
			refused "agenda/activiteiten.ini:11:" "'14:75' bij start is geen goede tijd" ;;
	*'`idle_seconds`'*)
		fresh && sed -i 's/^idle_seconds = .*/idle_seconds = 5/' "$P/kiosk.ini" &&
			line=$(grep -n '^idle_seconds' "$P/kiosk.ini" | cut -d: -f1) &&
			refused "kiosk.ini:$line:" "idle_seconds moet een getal van 30 tot 3600 zijn" &&
			fresh && sed -i 's/^color = .*/color = #FFFF00/' "$P/kiosk.ini" &&
			refused "kiosk.ini:" "te weinig contrast met witte letters" ;;
	*'UTF-8'*)
		fresh && printf 'Fout: \377 hier\n' >> "$P/welkom/nl.md" &&
			line=$(grep -a -n 'Fout:' "$P/welkom/nl.md" | cut -d: -f1) &&
			refused "welkom/nl.md:$line:" "geen UTF-8" &&
			fresh && printf 'PK\003\004\024\000\006\000word/document.xml' > "$P/welkom/nl.md" &&
			refused "welkom/nl.md:1:" "geen tekstbestand maar een Word-" &&
			fresh && iconv -f UTF-8 -t UTF-16 "$ROOT/content/voorbeeld/kiosk.ini" > "$P/kiosk.ini" &&
			refused "kiosk.ini:1:" "UTF-16" &&
			[ "$(grep -c ontbreekt "$OUT/check.out")" = 0 ] ;;
	*'tabellen, HTML of code'*)
		fresh && printf '\n| a | b |\n|---|---|\n| 1 | 2 |\n' >> "$P/welkom/nl.md" &&
			refused "welkom/nl.md:" "de kiosk kan geen tabel tonen" &&
			fresh && printf '\nDit is <b>vet</b>.\n' >> "$P/welkom/nl.md" &&
			line=$(grep -n '<b>' "$P/welkom/nl.md" | cut -d: -f1) &&
			refused "welkom/nl.md:$line:" "de kiosk kan geen HTML tonen" &&
			fresh && printf '\n    code\n' >> "$P/welkom/nl.md" &&
			refused "welkom/nl.md:" "de kiosk kan geen code tonen" ;;
	*'`https://`'*)
		fresh && sed -i 's|^url = https://|url = |' "$P/folders/folders.ini" &&
			line=$(grep -n '^url' "$P/folders/folders.ini" | cut -d: -f1) &&
			refused "folders/folders.ini:$line:" "is geen webadres: het moet beginnen met https://" ;;
	*'4 tot 7 stappen'*)
		fresh && sed -i 's/^kind = page/kind = steps/' "$P/welkom/tile.ini" &&
			printf '## Een\n\nJa.\n\n## Twee\n\nJa.\n' > "$P/welkom/nl.md" &&
			printf '## One\n\nYes.\n\n## Two\n\nYes.\n' > "$P/welkom/en.md" &&
			warned "welkom/nl.md: waarschuwing:" "er zijn 2 stappen: maak 4 tot 7 stappen" ;;
	*'drie vragen'*)
		fresh && sed -i 's/^kind = page/kind = werkwijze/' "$P/welkom/tile.ini" &&
			printf 'Samen.\n\n## Aan tafel\n\nJa.\n\n## Wat kan je zelf?\n\nJa.\n\n## Wat heb je nodig?\n\nJa.\n' > "$P/welkom/nl.md" &&
			warned "welkom/nl.md:3: waarschuwing:" "de eerste drie kaarten zijn de drie vragen" ;;
	*'icoon vierkant'*)
		fresh && convert -size 40x20 xc:'#1F4E8C' "$P/welkom/icon.png" &&
			printf 'icon = icon.png\n' >> "$P/welkom/tile.ini" &&
			line=$(grep -n '^icon' "$P/welkom/tile.ini" | cut -d: -f1) &&
			warned "welkom/tile.ini:$line: waarschuwing:" "is niet vierkant (40 x 20 beeldpunten)" ;;
	*'vertaling'*)
		fresh && sed -i '/^title.en/d' "$P/welkom/tile.ini" &&
			line=$(grep -n '^title = ' "$P/welkom/tile.ini" | cut -d: -f1) &&
			warned "welkom/tile.ini:$line: waarschuwing:" "title.en ontbreekt" &&
			fresh && rm "$P/welkom/en.md" &&
			warned "welkom/en.md: waarschuwing:" "vertaling ontbreekt" ;;
	*'beginscherm'*)
		fresh && printf 'show_until = 2026-01-31\n' >> "$P/welkom/tile.ini" &&
			printf 'show_from = 2027-01-01\n' >> "$P/folders/tile.ini" &&
			line=$(grep -n '^tiles' "$P/kiosk.ini" | cut -d: -f1) &&
			refused "kiosk.ini:$line:" "op 2026-11-24 staat er geen enkele tegel op het beginscherm" &&
			refused "welkom/tile.ini:5: waarschuwing:" "de tegel is verlopen (show_until = 2026-01-31)" &&
			refused "folders/tile.ini:5: waarschuwing:" "de tegel is op 2026-11-24 nog niet te zien" ;;
	*'op het scherm past'*)
		fresh && sed -i 's/^title = .*/title = Een heel erg lange titel die nooit op een tegel past omdat hij maar doorgaat en doorgaat met woorden, en dan nog meer woorden, zodat hij zelfs over de hele breedte van het scherm in twee regels niet past, want er komt geen eind aan deze titel die veel te lang is/' "$P/welkom/tile.ini" &&
			refused "welkom/tile.ini: " "tekst past niet op het scherm" ;;
	*'enquête kloppen'*)
		fresh && mkdir "$P/enquete" &&
			printf '[tile]\nkind = enquete\ntitle = Enquête\ntitle.en = Survey\n' > "$P/enquete/tile.ini" &&
			printf '[enquete]\ntitel = Wijk\ntitel.en = Wijk\nintro = Kort.\nintro.en = Short.\nminuten = 2\n\n[vraag een]\nsoort = raadsel\ntitel = Hoe?\ntitel.en = How?\n' > "$P/enquete/enquete.ini" &&
			sed -i 's/^tiles = .*/&, enquete/' "$P/kiosk.ini" &&
			refused "enquete/enquete.ini:9:" "onbekende soort 'raadsel'" ;;
	*'niet gebruikt'*)
		fresh && mkdir "$P/voorbeeldplaatjes" && touch "$P/voorbeeldplaatjes/home.png" &&
			warned "voorbeeldplaatjes: waarschuwing:" "deze map wordt niet gebruikt" ;;
	*)
		echo "    no broken pack proves this rule yet"
		return 1 ;;
	esac
}

# The rules: the list after the line "De controle kijkt onder andere of:",
# one "- " item each, continued on lines that start with spaces.
awk '/^De controle kijkt onder andere of:/ { on = 1; next }
     on && /^- / { if (rule) print rule; rule = substr($0, 3); next }
     on && /^  / && rule { sub(/^ +/, ""); rule = rule " " $0; next }
     on && rule && /^$/ { print rule; exit }' "$ROOT/content/LEESMIJ.md" > "$OUT/rules"
n=$(wc -l < "$OUT/rules")
check "the guide lists the rules (found $n)" [ "$n" -ge 10 ]
while IFS= read -r rule; do
	check "guide rule: $rule" prove "$rule"
done < "$OUT/rules"

[ $fails = 0 ]
