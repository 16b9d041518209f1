#!/usr/bin/env bash
# Installs Debian's Chromium and ChromeDriver (packages chromium, chromium-driver), which the
# report test uses to render report/index.html headless. Idempotent: does nothing when
# /usr/bin/chromium and chromedriver are there. Without root or apt-get it says so and the browser test skips.
set -euo pipefail
if command -v chromium >/dev/null 2>&1 && command -v chromedriver >/dev/null 2>&1; then
  echo "chromium already installed: $(command -v chromium), $(command -v chromedriver)"; exit 0
fi
if command -v apt-get >/dev/null 2>&1 && [ "$(id -u)" = 0 ]; then
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver >/dev/null
  echo "installed $(chromium --version 2>/dev/null | head -1)"
else
  echo "chromium not found and cannot install it here (needs root and apt-get);" \
    "the report browser test will be skipped" >&2
fi
