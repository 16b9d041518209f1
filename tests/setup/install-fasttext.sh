#!/bin/sh
# Installs Debian's fastText command-line tool (0.9.2), the reference of the filter's
# parity/speed benchmark (FastTextParityBenchmark). Idempotent; needs root (or sudo) and apt.
set -eu
if command -v fasttext >/dev/null 2>&1; then
  echo "fasttext already installed: $(command -v fasttext)"
  exit 0
fi
SUDO=""
if [ "$(id -u)" != "0" ]; then SUDO="sudo"; fi
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq fasttext >/dev/null
echo "installed $(command -v fasttext)"
