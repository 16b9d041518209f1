#!/usr/bin/env bash
# Everything the default test run needs beyond Maven, installed when missing (idempotent):
# the Hugging Face tokenizers Node binding (tokenizer parity), Debian's Chromium (report test).
set -euo pipefail
cd "$(dirname "$0")"
bash install-npm-tokenizers.sh
bash install-chromium.sh
