#!/usr/bin/env bash
# Measures a new user's first hour (docs/first-run.md): a fresh clone of HEAD, with HOME and the
# n8n cache pointed at empty folders, so npm's cache, ~/.npmrc and the n8n install all start cold.
#   bash scripts/measure-first-run.sh demo   # npm ci (cold), demo (cold), npm ci and demo again (warm)
#   bash scripts/measure-first-run.sh test   # npm ci, then npm test on an empty n8n cache
# Each step's wall time goes to stdout as "step: N s"; the full logs stay in the printed folder.
set -euo pipefail

what="${1:-demo}"
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
root=$(mktemp -d /tmp/first-run-XXXXXX)
mkdir -p "$root/home" "$root/n8n-cache"
git clone --quiet "$repo" "$root/clone"
cd "$root/clone"
echo "measuring '$what' on $(git rev-parse --short HEAD) in $root ($(nproc) cores)"

# Only what a new user has: no npm_config_* from a calling npm, an empty HOME.
while IFS= read -r name; do unset "$name"; done < <(env | sed -n 's/^\([Nn][Pp][Mm]_[Cc][Oo][Nn][Ff][Ii][Gg]_[^=]*\)=.*/\1/p')
export HOME="$root/home" N8N_CACHE_DIR="$root/n8n-cache"

timed() {
	local name="$1" log="$root/$1.log" started status=0
	shift
	started=$(date +%s)
	"$@" >"$log" 2>&1 || status=$?
	echo "$name: $(($(date +%s) - started)) s (exit $status, log $log)"
	return "$status"
}

case "$what" in
	demo)
		timed npm-ci-cold npm ci
		timed demo-cold env DEMO_EXIT_AFTER_SETUP=1 npm run demo
		rm -rf node_modules
		timed npm-ci-warm npm ci
		timed demo-warm env DEMO_EXIT_AFTER_SETUP=1 npm run demo
		;;
	test)
		timed npm-ci-cold npm ci
		timed npm-test-cold npm test
		grep -E '^(build|typecheck|unit|e2e|faults) ' "$root/npm-test-cold.log" || true
		grep -E 'installed n8n .* in [0-9]+ s' "$root/npm-test-cold.log" || true
		tail -n 1 "$root/npm-test-cold.log"
		;;
	*)
		echo "usage: $0 demo|test" >&2
		exit 2
		;;
esac
