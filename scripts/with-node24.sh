#!/usr/bin/env bash
# Runs a command with Node 24 first on PATH: `scripts/with-node24.sh npx vitest run`.
# The same as `scripts/with-node.sh 24 ...`, kept for the commands people already know.
exec "$(dirname "${BASH_SOURCE[0]}")/with-node.sh" 24 "$@"
