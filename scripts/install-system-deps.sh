#!/usr/bin/env bash
# Debian packages the project needs beyond Python: Pango for WeasyPrint (PDF),
# poppler-utils (pdftoppm, to look at PDF pages), chromium for the browser tests, and
# fonts-symbola so emoji in plan texts are drawn in the PDF (the escaping test checks that).
set -euo pipefail
packages=(libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 fonts-dejavu-core fonts-liberation2 fonts-symbola poppler-utils chromium)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
((${#missing[@]})) || exit 0
if [[ $(id -u) -ne 0 ]]; then
  echo "Ontbrekende systeempakketten: ${missing[*]}. Installeer ze met: sudo apt-get install ${missing[*]}" >&2
  exit 1
fi
echo "Systeempakketten installeren: ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
