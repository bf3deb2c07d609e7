#!/usr/bin/env bash
# Creates the self-signed certificate that encrypts the Data Protection key ring of `make run`
# (.local/dataprotection.pfx), unless it exists. Production configures its own certificate:
# Faultline:DataProtection:CertificatePath and :CertificatePassword (see README).
set -euo pipefail
cd "$(dirname "$0")/.."
pfx=.local/dataprotection.pfx
[[ -f $pfx ]] && exit 0
password=${FAULTLINE_DATAPROTECTION_PASSWORD:-faultline-local}
mkdir -p .local
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
openssl req -x509 -newkey rsa:2048 -nodes -days 3650 -subj "/CN=Faultline Data Protection (local)" \
  -keyout "$work/key.pem" -out "$work/cert.pem" 2>/dev/null
openssl pkcs12 -export -in "$work/cert.pem" -inkey "$work/key.pem" -out "$pfx" -passout "pass:$password"
chmod 600 "$pfx"
echo "Created $pfx (the key ring's encryption certificate)"
