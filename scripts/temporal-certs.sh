#!/usr/bin/env bash
# Certificates for mutual TLS between Caravan and Temporal: a private CA, the Temporal
# server's certificate (its frontend, and its services among themselves, hence also clientAuth)
# and the client certificate the API and worker present. Temporal
# accepts only clients whose certificate this CA signed; the apps accept only a frontend it signed.
#   bash scripts/temporal-certs.sh [folder]   (default: certs/temporal)
# Names on the server certificate: TEMPORAL_CERT_NAMES (default "temporal localhost"), plus 127.0.0.1.
# Docker: the Temporal and Caravan images both run as uid 1000; CERT_OWNER=1000 hands them the files.
set -euo pipefail

dir=${1:-certs/temporal}
names=${TEMPORAL_CERT_NAMES:-temporal localhost}
days=${TEMPORAL_CERT_DAYS:-825}
command -v openssl >/dev/null || { echo "openssl is needed (Debian: apt-get install openssl)" >&2; exit 1; }
mkdir -p "$dir"
chmod 700 "$dir"
cd "$dir"
umask 077

key() { openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -out "$1" 2>/dev/null; }

key ca.key
openssl req -x509 -new -key ca.key -sha256 -days "$days" -subj "/O=Caravan/CN=Caravan Temporal CA" \
  -addext "basicConstraints=critical,CA:TRUE" -addext "keyUsage=critical,keyCertSign,cRLSign" -out ca.pem

# sign NAME KEY SUBJECT EXTENSIONS: a certificate for KEY signed by the CA
sign() {
  openssl req -new -key "$2" -subj "$3" -out "$1.csr"
  openssl x509 -req -in "$1.csr" -CA ca.pem -CAkey ca.key -CAcreateserial -sha256 -days "$days" -extfile <(printf '%s\n' "${@:4}") -out "$1.pem" 2>/dev/null
  rm -f "$1.csr"
}

san="subjectAltName=$(printf 'DNS:%s,' $names)IP:127.0.0.1"
key server.key
sign server server.key "/O=Caravan/CN=${names%% *}" "$san" "extendedKeyUsage=serverAuth,clientAuth" "keyUsage=critical,digitalSignature"
key client.key
sign client client.key "/O=Caravan/CN=caravan-app" "extendedKeyUsage=clientAuth" "keyUsage=critical,digitalSignature"
rm -f ca.srl
chmod 644 ca.pem server.pem client.pem
[ -n "${CERT_OWNER:-}" ] && chown -R "$CERT_OWNER" .
echo "certificates in $dir: ca.pem (trust), server.pem/server.key (Temporal), client.pem/client.key (Caravan's API and worker)"
