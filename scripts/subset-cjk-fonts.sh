#!/bin/sh
# Rebuilds the built-in Japanese fonts (brands/default/fonts/NotoSansCJKjp-*.otf) from Debian's
# fonts-noto-cjk: Noto Sans CJK JP Regular and Bold (face 0 of each collection), reduced to
# what Japanese business text uses, without hinting, so each file stays under about 4 MB:
#   - JIS X 0208 entire (level 1 and 2 kanji, kana, symbols, Greek, Cyrillic, box drawing),
#   - ASCII, Latin-1, general punctuation, currency signs, letterlike symbols, arrows,
#   - CJK symbols and punctuation, hiragana, katakana (and phonetic extensions),
#   - half-width and full-width forms, CJK compatibility forms,
#   - the four jōyō kanji JIS X 0208 lacks (𠮟塡剝頰) and two name variants (髙﨑).
# Characters outside this set fall back to the brand's other fonts (the sakura sample keeps
# IPAex Gothic for them).
#
#   apt-get install fonts-noto-cjk && pip install fonttools && scripts/subset-cjk-fonts.sh
set -eu
src=${NOTO_CJK_DIR:-/usr/share/fonts/opentype/noto}
out=$(dirname "$0")/../brands/default/fonts
list=$(mktemp)
trap 'rm -f "$list"' EXIT
python3 - "$list" <<'PY'
import sys
chars = set()
for hi in range(0xA1, 0xFF):          # JIS X 0208 in EUC-JP: rows 1-94
    for lo in range(0xA1, 0xFF):
        try:
            chars.update(bytes([hi, lo]).decode("euc_jp"))
        except UnicodeDecodeError:
            pass
ranges = [(0x20, 0x7E), (0xA0, 0xFF), (0x2010, 0x205E), (0x20A0, 0x20C0), (0x2100, 0x215F),
          (0x2190, 0x21FF), (0x2212, 0x2212), (0x2460, 0x2473), (0x25A0, 0x25FF), (0x3000, 0x303F),
          (0x3040, 0x30FF), (0x31F0, 0x31FF), (0xFE30, 0xFE4F), (0xFF01, 0xFFEF)]
chars.update("𠮟塡剝頰髙﨑")
for a, b in ranges:
    chars.update(chr(c) for c in range(a, b + 1))
with open(sys.argv[1], "w") as f:
    f.write(",".join("U+%04X" % ord(c) for c in sorted(chars)))
PY
for weight in Regular Bold; do
  pyftsubset "$src/NotoSansCJK-$weight.ttc" --font-number=0 --no-hinting --desubroutinize \
    --layout-features='kern,palt,halt,locl,ccmp,tnum,fwid,hwid,pwid' \
    --name-IDs='*' --unicodes-file="$list" --output-file="$out/NotoSansCJKjp-$weight.otf"
done
ls -l "$out"/NotoSansCJKjp-*.otf
