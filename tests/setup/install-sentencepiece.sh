#!/usr/bin/env bash
# Installs SentencePiece's command-line tools (spm_train, spm_encode; Debian package
# `sentencepiece`), which the SentencePiece parity test uses to train small BPE models and to
# produce reference ids. Idempotent: does nothing when spm_encode is already on the PATH.
set -euo pipefail
if command -v spm_encode >/dev/null 2>&1 && command -v spm_train >/dev/null 2>&1; then
  echo "sentencepiece already installed: $(command -v spm_encode)"; exit 0
fi
if command -v apt-get >/dev/null 2>&1; then
  SUDO=""
  [ "$(id -u)" = 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq && $SUDO apt-get install -y -qq sentencepiece
else
  echo "spm_encode not found and no apt-get; install SentencePiece's tools (spm_train, spm_encode)" >&2
  exit 1
fi
command -v spm_encode
