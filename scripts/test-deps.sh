#!/usr/bin/env bash
# The Debian packages the test suite needs, in one list, used by `npm test` (pretest) and by
# .ci/run. Installs what is missing when it can (root, or sudo without a password); otherwise
# stops at once, naming the one command to run. Checked by package (dpkg -s), since some have no
# command of their own.
set -euo pipefail

PACKAGES=(
  chromium    # Playwright drives Debian's Chromium at /usr/bin/chromium
  rclone      # tool-tests: the generated rclone.conf
  restic      # tool-tests: restic.env
  s3cmd       # tool-tests: .s3cfg
  awscli      # tool-tests: aws-config, aws-credentials
  php-cli     # tool-tests: Laravel's filesystems-disk.php
  duplicity   # tool-tests: duplicity.env (Debian's 0.8.22, the version its commands are for)
  python3-boto3 # tool-tests: b2_example.py with Debian's python3
  redis-server # api tests: sessions and apply records in a real Redis
  nginx       # api tests: examples/nginx.conf in front of two instances
)

missing=()
for package in "${PACKAGES[@]}"; do
  dpkg -s "$package" >/dev/null 2>&1 || missing+=("$package")
done
((${#missing[@]} == 0)) && exit 0

command="apt-get update && apt-get install -y --no-install-recommends ${missing[*]}"
if ! command -v apt-get >/dev/null 2>&1; then
  echo "The tests need these Debian packages, and this machine has no apt-get: ${missing[*]}" >&2
  exit 1
fi
if [ "$(id -u)" -eq 0 ]; then
  sudo=()
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
  sudo=(sudo)
else
  echo "The tests need Debian packages that are not installed: ${missing[*]}" >&2
  echo "Install them with:  sudo sh -c '$command'" >&2
  exit 1
fi

echo "Installing the Debian packages the tests need: ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
"${sudo[@]}" apt-get update -qq
"${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
