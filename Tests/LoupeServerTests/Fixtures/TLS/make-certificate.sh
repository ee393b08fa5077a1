#!/bin/sh
# Generates the self-signed certificate the TLS test serves with (committed, valid for 100 years,
# for 127.0.0.1 and localhost only). Run from this folder: ./make-certificate.sh
set -e
openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -days 36500 \
    -subj "/CN=localhost" -addext "subjectAltName=DNS:localhost,IP:127.0.0.1" \
    -keyout localhost.key -out localhost.crt
