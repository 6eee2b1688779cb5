#!/usr/bin/env bash
# The package test: what a user gets from `npm install protest-chronicle`.
#
# Builds the library, packs it, installs the tarball (plus its peer `effect`) into a throwaway
# project outside the repo, and from there:
#   - loads the main entry before the optional peers (fast-check) are installed, then adds them,
#   - imports the entries (main, testing, postgres, file, interchange) from ESM (consumer.mjs) and requires them
#     from CommonJS (consumer.cjs); the postgres entry builds its layer without needing a server,
#   - checks that the platform-neutral entries (main, testing, datasets, interchange), and every chunk they load,
#     import no `node:` module (scripts/check-neutral-dist.mjs over dist/),
#   - checks that internal paths (dist/..., src/...) are hidden by the `exports` map,
#   - type-checks a TypeScript consumer (module NodeNext) against the shipped declarations, and
#     checks that `import` gets ESM and `require` gets CommonJS declarations,
#   - emits declarations from TypeScript consumers (declaration: true) that export inferred values
#     of both entries, so every type the API hands out must be nameable through the exports map
#     (consumer-declarations.ts / .cts, and consumer-declarations-testing.ts / .cts for a user of
#     the testing entry alone),
#   - runs the command line from the installed package (`npx protest-chronicle --help`, --version, demo),
#   - decodes test/fixtures/package-record.json with Record.decode / Record.decodeJson, once that
#     fixture holds a record rather than the `{}` placeholder (record-check.cjs, and its typed
#     twin consumer-record.ts).
# The consumer sources live in test/package/.consumer/: a dot folder, so that the repo's own
# `tsc --noEmit` (whose include globs skip dot folders) and vitest leave them alone; they only
# compile against the built package.
# Set KEEP_PACKAGE_TEST=1 to keep the temp folder after a successful run.
set -euo pipefail
SECONDS=0

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$repo_root"

consumer_src="$repo_root/test/package/.consumer"
fixture="$repo_root/test/fixtures/package-record.json"
tsc="$repo_root/node_modules/.bin/tsc"
peer_effect="effect@4.1.0"

step() { printf '\n── package test: %s  (+%ds) ──\n' "$*" "$SECONDS"; }
die() { printf 'package test: FAIL: %s\n' "$*" >&2; exit 1; }

[ -x "$tsc" ] || die "$tsc is missing: run npm ci first"

work="$(mktemp -d "${TMPDIR:-/tmp}/chronicle-package-test.XXXXXX")"
cleanup() {
  local status=$?
  if [ "$status" -ne 0 ] || [ -n "${KEEP_PACKAGE_TEST:-}" ]; then
    printf 'package test: files kept in %s\n' "$work" >&2
  else
    rm -rf "$work"
  fi
}
trap cleanup EXIT

step "build (npm run build)"
npm run build || die "npm run build failed"

step "platform-neutral entries import no node: module (dist/)"
node scripts/check-neutral-dist.mjs dist || die "a platform-neutral entry of dist/ reaches a node: module"

step "pack"
mkdir "$work/pack"
tarball_name="$(npm pack --json --pack-destination "$work/pack" | node -e '
  const [packed] = JSON.parse(require("node:fs").readFileSync(0, "utf8"))
  process.stdout.write(packed.filename)')"
tarball="$work/pack/$tarball_name"
[ -f "$tarball" ] || die "npm pack did not produce $tarball"
contents="$(tar -tzf "$tarball")"
# Every file the `exports` map points at (JavaScript and declarations, both conditions) must ship.
exported_files="$(node -e '
  const files = new Set()
  const walk = (target) => typeof target === "string" ? files.add(target) : Object.values(target ?? {}).forEach(walk)
  walk(require("./package.json").exports)
  process.stdout.write([...files].map((f) => f.replace(/^\.\//, "")).join("\n"))')"
while read -r file; do
  grep -qxF "package/$file" <<<"$contents" || die "the tarball has no $file (named in the exports map)"
done <<<"$exported_files"
if leaked="$(grep -E '^package/(src|test|bench|scripts|examples|node_modules|\.tmp)/' <<<"$contents")"; then
  die "the tarball ships files that are not for users:"$'\n'"$leaked"
fi
echo "$tarball_name: $(wc -l <<<"$contents") files, $(du -k "$tarball" | cut -f1) KiB"

step "install the tarball and $peer_effect into a throwaway consumer"
consumer="$work/consumer"
mkdir "$consumer"
cp -R "$consumer_src"/. "$consumer"/
printf '{ "name": "chronicle-consumer", "private": true, "type": "module" }\n' >"$consumer/package.json"
(cd "$consumer" && npm install --no-audit --no-fund --prefer-offline "$tarball" "$peer_effect")

# Optional peers (fast-check, for the testing entry) are not installed with the package, so the
# main entry must load without them; after this check they are installed for the full consumers.
# shellcheck disable=SC2016 # the single-quoted text is JavaScript, ${...} included
optional_peers="$(cd "$consumer" && node -e '
  const { peerDependencies = {}, peerDependenciesMeta = {} } = require("protest-chronicle/package.json")
  const optional = Object.keys(peerDependencies).filter((name) => peerDependenciesMeta[name]?.optional)
  process.stdout.write(optional.map((name) => `${name}@${peerDependencies[name]}`).join(" "))')"
if [ -n "$optional_peers" ]; then
  step "main entry without the optional peers ($optional_peers)"
  (cd "$consumer" &&
    node --input-type=module -e 'await import("protest-chronicle")' &&
    node --input-type=commonjs -e 'require("protest-chronicle")') ||
    die "protest-chronicle does not load without its optional peers ($optional_peers)"
  echo "import and require of protest-chronicle work without $optional_peers"
  step "install the optional peers"
  # shellcheck disable=SC2086 # one word per peer
  (cd "$consumer" && npm install --no-audit --no-fund --prefer-offline $optional_peers)
fi

# The decode check switches on by itself when the fixture stops being the `{}` placeholder.
record_args=()
tsconfig="tsconfig.json"
set +e
node -e '
  const value = JSON.parse(require("node:fs").readFileSync(process.argv[1], "utf8"))
  const placeholder = value !== null && typeof value === "object" && !Array.isArray(value) && Object.keys(value).length === 0
  process.exit(placeholder ? 10 : 0)' "$fixture"
fixture_status=$?
set -e
case "$fixture_status" in
  0) record_args=("$fixture"); tsconfig="tsconfig.record.json"; echo "record fixture: ${fixture#"$repo_root"/}" ;;
  10) echo "record fixture: ${fixture#"$repo_root"/} is still the {} placeholder, so the decode check is skipped" ;;
  *) die "could not read ${fixture#"$repo_root"/} as JSON" ;;
esac

step "ESM consumer (import)"
(cd "$consumer" && node consumer.mjs "${record_args[@]}") || die "the ESM consumer failed"

step "CommonJS consumer (require)"
(cd "$consumer" && node consumer.cjs "${record_args[@]}") || die "the CommonJS consumer failed"

step "TypeScript consumer (tsc --noEmit -p $tsconfig, module NodeNext)"
explained="$work/explain-files.txt"
if ! (cd "$consumer" && "$tsc" --noEmit -p "$tsconfig" --explainFiles >"$explained"); then
  grep -E 'error TS' "$explained" >&2 || cat "$explained" >&2
  die "the TypeScript consumer does not type-check against the shipped declarations"
fi
echo "type-check ok ($("$tsc" --version))"
# consumer.ts imports and consumer.cts requires every entry. TypeScript must read the `import`
# declarations as ESM and the `require` ones as CommonJS (as the .js / .cjs they describe): one
# set of files for both would be read in one format only ("masquerading" types).
# shellcheck disable=SC2016 # the single-quoted text is JavaScript
entry_types="$(cd "$consumer" && node -e '
  const { exports } = require("protest-chronicle/package.json")
  for (const subpath of [".", "./testing", "./postgres", "./file", "./interchange"]) {
    for (const condition of ["import", "require"]) {
      console.log(`${condition} protest-chronicle${subpath.slice(1)} ${exports[subpath][condition].types.replace(/^\.\//, "")}`)
    }
  }')"
while read -r condition specifier types; do
  want="ECMAScript"
  [ "$condition" = require ] && want="CommonJS"
  # `tsc --explainFiles` lists each file, then (indented) why it is in and which format it has.
  got="$(awk -v file="node_modules/protest-chronicle/$types" '
    $0 == file { found = 1; next }
    found && /^[^ ]/ { exit }
    found && /File is/ { print; exit }' "$explained")"
  [[ "$got" == *"File is $want module"* ]] ||
    die "$condition \"$specifier\" gives $types, which TypeScript reads as: ${got:-(not loaded)}; expected $want"
  echo "$condition \"$specifier\" -> $types ($want)"
done <<<"$entry_types"

# Declaration emit: a consumer that exports inferred values (`export const d = Record.decode(x)`)
# needs every type in them to have a public name, else TS2742 / TS2883 / TS4023. Bundled
# declarations (tsup `dts`) put shared types into chunk files hidden by the exports map.
step "declaration emit from a consumer of both entries (tsc -p tsconfig.declarations.json)"
(cd "$consumer" && "$tsc" -p tsconfig.declarations.json --outDir "$work/declarations") ||
  die "declarations emitted by a consumer cannot name the types of protest-chronicle (see the errors above)"
for emitted in consumer-declarations.d.ts consumer-declarations.d.cts; do
  [ -s "$work/declarations/$emitted" ] || die "tsc emitted no $emitted"
done
echo "emitted consumer-declarations.d.ts and .d.cts ($(du -ck "$work/declarations"/* | tail -1 | cut -f1) KiB)"

# The same for a user of the testing entry alone. TypeScript names a type only through an export
# of an entry the user's file imports (a namespace of the main entry does not help), so the types
# the arbitraries mention are exported by `protest-chronicle/testing` itself.
step "declaration emit from a consumer of the testing entry alone (tsc -p tsconfig.declarations-testing.json)"
testing_log="$work/declarations-testing.txt"
if ! (cd "$consumer" && "$tsc" -p tsconfig.declarations-testing.json --outDir "$work/declarations-testing" >"$testing_log"); then
  cat "$testing_log"
  die "declarations emitted by a consumer of protest-chronicle/testing alone cannot name its types"
fi
echo "emitted consumer-declarations-testing.d.ts and .d.cts"

# The dataset entry and the dataset's journal file: the typed records load from ESM and CommonJS,
# and the shipped journal opens with the file store of the installed package (on a copy, since the
# store takes a lock beside the file).
step "datasets entry and journal file"
(cd "$consumer" &&
  node --input-type=module -e '
    import { zhanaozen } from "protest-chronicle/datasets"
    import { copyFileSync, mkdtempSync } from "node:fs"
    import { createRequire } from "node:module"
    import { tmpdir } from "node:os"
    import { join } from "node:path"
    import { Chronicle, Projection } from "protest-chronicle"
    import { layerFile } from "protest-chronicle/file"
    const shipped = createRequire(import.meta.url).resolve("protest-chronicle/datasets/zhanaozen.jsonl")
    const copy = join(mkdtempSync(join(tmpdir(), "pc-dataset-")), "zhanaozen.jsonl")
    copyFileSync(shipped, copy)
    const client = await Chronicle.open(layerFile(copy))
    const n = Projection.Catalog.size(await client.catalog())
    await client.close()
    if (n !== zhanaozen.all.length) throw new Error(`the journal holds ${n} records, the module ${zhanaozen.all.length}`)
    console.log(`import protest-chronicle/datasets: ${zhanaozen.events.length} events; the shipped journal opens with ${n} records`)' &&
  node --input-type=commonjs -e '
    const { zhanaozen } = require("protest-chronicle/datasets")
    if (!(zhanaozen.all.length > 0)) throw new Error("no records")
    require("node:fs").accessSync(require.resolve("protest-chronicle/datasets/zhanaozen.jsonl"))
    console.log(`require protest-chronicle/datasets: ${zhanaozen.all.length} records`)') ||
  die "the datasets entry or its journal file does not work from the installed package"

# The command line: the package's `bin`, as `npx protest-chronicle` runs it from the installed tarball.
step "command line (npx protest-chronicle --help, --version, demo)"
(cd "$consumer" &&
  npx --no-install protest-chronicle --help | grep -q "SUBCOMMANDS" &&
  npx --no-install protest-chronicle --version | grep -qF "$(node -p 'require("protest-chronicle/package.json").version')" &&
  npx --no-install protest-chronicle demo | grep -q "The Zhanaozen chronicle") ||
  die "npx protest-chronicle does not work from the installed package"
echo "npx protest-chronicle --help, --version and demo work"

step "passed"
