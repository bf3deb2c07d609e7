#!/usr/bin/env bash
# Installs what Faultline needs from Debian's packages (as root) or says exactly what is missing.
# Idempotent and quick when everything is present.
set -euo pipefail

packages=()
[ -x /usr/lib/postgresql/15/bin/initdb ] || packages+=(postgresql-15)
command -v redis-server >/dev/null || packages+=(redis-server redis-tools)
command -v chromium >/dev/null || packages+=(chromium fonts-liberation)
/usr/bin/python3 -c 'import aiosmtpd' 2>/dev/null || packages+=(python3-aiosmtpd)
# ml/tests (the training code's own tests) and `make train`
/usr/bin/python3 -c 'import numpy, scipy, sklearn, xgboost, onnx' 2>/dev/null || packages+=(python3-numpy python3-scipy python3-sklearn python3-xgboost python3-onnx)
command -v node >/dev/null || packages+=(nodejs)
command -v npm >/dev/null || packages+=(npm)
command -v curl >/dev/null || packages+=(curl)
command -v openssl >/dev/null || packages+=(openssl)
# Dashboard PDFs are drawn with DejaVu Sans (src/Infrastructure/Reports/ReportFonts.cs); the tests read them back with poppler.
[ -f /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ] && [ -f /usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf ] || packages+=(fonts-dejavu-core)
command -v pdftotext >/dev/null && command -v pdftoppm >/dev/null || packages+=(poppler-utils)
# The Jenkins notifier's script (integrations/jenkins) is tested as an agent runs it.
command -v jq >/dev/null || packages+=(jq)

if [ ${#packages[@]} -gt 0 ]; then
  if [ "$(id -u)" -eq 0 ]; then
    echo "deps: installing ${packages[*]}"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends "${packages[@]}" >/dev/null
  else
    echo "deps: missing Debian packages. Install them with:" >&2
    echo "  sudo apt-get install -y ${packages[*]}" >&2
    exit 1
  fi
fi

if ! command -v dotnet >/dev/null || ! dotnet --list-sdks | grep -q '^10\.'; then
  echo "deps: the .NET 10 SDK is required (Debian does not package it): https://learn.microsoft.com/dotnet/core/install/linux-debian" >&2
  exit 1
fi

# Vite 8 needs Node.js 20.19 or newer.
if ! node -e 'const [a,b]=process.versions.node.split(".").map(Number); process.exit(a>20||(a===20&&b>=19)?0:1)'; then
  echo "deps: Node.js >= 20.19 is required, found $(node --version)" >&2
  exit 1
fi

# Front-end packages, reinstalled only when the lock file changes.
root=$(cd "$(dirname "$0")/.." && pwd)
stamp="$root/clientapp/node_modules/.faultline-lock"
if [ ! -f "$stamp" ] || ! cmp -s "$root/clientapp/package-lock.json" "$stamp"; then
  (cd "$root/clientapp" && npm ci --no-audit --no-fund --loglevel=error)
  cp "$root/clientapp/package-lock.json" "$stamp"
fi

