#!/usr/bin/env bash
# Installs the Hugging Face `tokenizers` Node binding (the Rust library, prebuilt native binary)
# into tests/target/node, where the tokenizer parity test and benchmark look for it
# (override with FLMDATA_NODE_DIR). Needs node + npm (Debian: apt-get install -y nodejs npm).
# Idempotent: does nothing when the pinned version is already there.
set -euo pipefail
cd "$(dirname "$0")/.."
VERSION="${TOKENIZERS_NPM_VERSION:-0.23.2}"
DIR="${FLMDATA_NODE_DIR:-$PWD/target/node}"
if ! command -v npm >/dev/null 2>&1; then
  if command -v apt-get >/dev/null 2>&1 && [ "$(id -u)" = 0 ]; then
    apt-get update -qq && apt-get install -y -qq nodejs npm
  else
    echo "npm not found; install nodejs and npm" >&2; exit 1
  fi
fi
if [ -f "$DIR/node_modules/tokenizers/package.json" ] \
   && grep -q "\"version\": \"$VERSION\"" "$DIR/node_modules/tokenizers/package.json"; then
  echo "tokenizers $VERSION already in $DIR"; exit 0
fi
mkdir -p "$DIR"
cd "$DIR"
[ -f package.json ] || echo '{"name":"flmdata-tokenizer-reference","private":true}' > package.json
npm install --no-audit --no-fund --silent "tokenizers@$VERSION"
node -e "require('tokenizers'); console.log('tokenizers ' + require('tokenizers/package.json').version + ' in $DIR')"
