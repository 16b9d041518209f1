#!/usr/bin/env bash
# Everything the default test run needs beyond Maven, installed when missing (idempotent):
# the Hugging Face tokenizers Node binding (tokenizer parity), SentencePiece's spm_train and
# spm_encode (SentencePiece parity), Debian's Chromium and ChromeDriver (report test).
set -euo pipefail
cd "$(dirname "$0")"
bash install-npm-tokenizers.sh
bash install-sentencepiece.sh
bash install-chromium.sh
