#!/usr/bin/env bash
# Makes throwaway TLS material in DIR with the openssl CLI: a CA (ca.pem), a server certificate it signs for
# IP 127.0.0.1 only (server.pem, server.key), one it signs for the name model.internal only (named.pem, named.key),
# and an unrelated CA (other-ca.pem) for the wrong-trust cases.
# usage: make-certs.sh DIR
set -euo pipefail
dir="$1"
mkdir -p "$dir"
cd "$dir"
openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj "/CN=shadowd e2e CA" \
    -addext "basicConstraints=critical,CA:TRUE" -addext "keyUsage=critical,keyCertSign,cRLSign" \
    -keyout ca.key -out ca.pem 2>/dev/null
openssl req -newkey rsa:2048 -nodes -subj "/CN=127.0.0.1" -keyout server.key -out server.csr 2>/dev/null
printf 'subjectAltName=IP:127.0.0.1\nbasicConstraints=CA:FALSE\nkeyUsage=digitalSignature,keyEncipherment\nextendedKeyUsage=serverAuth\n' > server.ext
openssl x509 -req -in server.csr -CA ca.pem -CAkey ca.key -CAcreateserial -days 2 -extfile server.ext \
    -out server.pem 2>/dev/null
openssl req -newkey rsa:2048 -nodes -subj "/CN=model.internal" -keyout named.key -out named.csr 2>/dev/null
printf 'subjectAltName=DNS:model.internal\nextendedKeyUsage=serverAuth\n' > named.ext
openssl x509 -req -in named.csr -CA ca.pem -CAkey ca.key -CAcreateserial -days 2 -extfile named.ext \
    -out named.pem 2>/dev/null
openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj "/CN=some other CA" \
    -addext "basicConstraints=critical,CA:TRUE" -keyout other-ca.key -out other-ca.pem 2>/dev/null
openssl verify -CAfile ca.pem server.pem >/dev/null
