#!/usr/bin/env bash
# Debian packages the project needs beyond Python: the fonts of the PDF (Typst reads them from
# these packages' folders, see warmestad_nb/report/typst_pdf.py: Liberation for the text, DejaVu
# for the charts' SVG text, Symbola so emoji in plan texts are drawn; the escaping test checks
# that), poppler-utils (pdftoppm, pdffonts: to look at and check PDF pages) and chromium for the
# browser tests and printing the kick-off page; Java and npm for the Nu Html Checker (vnu-jar, from
# package.json) that the HTML tests run.
set -euo pipefail
packages=(fonts-dejavu-core fonts-liberation2 fonts-symbola poppler-utils chromium openjdk-17-jre-headless)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
command -v npm >/dev/null || missing+=(npm)
((${#missing[@]})) || exit 0
if [[ $(id -u) -ne 0 ]]; then
  echo "Ontbrekende systeempakketten: ${missing[*]}. Installeer ze met: sudo apt-get install ${missing[*]}" >&2
  exit 1
fi
echo "Systeempakketten installeren: ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
