#!/usr/bin/env bash
# `npm test`: every suite runs, even after another failed, and each is reported with its time.
# The last line adds up the jest summaries ("jest: N passed, N failed, N skipped") so one line
# tells the whole run; the exit code is non-zero when any step failed.
# TEST_SUITES="unit e2e" runs only those steps (names below); the build always runs first.
set -uo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
# npm run exports the project's ignore-scripts=true; nested installs must not inherit it.
unset npm_config_ignore_scripts

all_suites="lint typecheck unit e2e faults queue"
suites="${TEST_SUITES:-$all_suites}"
log_dir=$(mktemp -d)
trap 'rm -rf "$log_dir"' EXIT
report=()
failed=0
started=$(date +%s)

run_step() {
	local name="$1"
	shift
	local step_started status
	step_started=$(date +%s)
	printf '\n=== %s: %s\n' "$name" "$*"
	"$@" 2>&1 | tee "$log_dir/$name.log"
	status=${PIPESTATUS[0]}
	local seconds=$(($(date +%s) - step_started))
	local counts
	counts=$(grep -E '^jest: [0-9]+ passed, [0-9]+ failed, [0-9]+ skipped$' "$log_dir/$name.log" | tail -n 1 | sed 's/^jest: //')
	if [ "$status" -eq 0 ]; then
		report+=("$(printf '%-10s passed  %4ds  %s' "$name" "$seconds" "$counts")")
	else
		failed=1
		report+=("$(printf '%-10s FAILED  %4ds  %s (exit %d)' "$name" "$seconds" "$counts" "$status")")
	fi
	return "$status"
}

if run_step build npm run build; then
	for suite in $suites; do
		case "$suite" in
			lint) run_step lint npm run lint ;;
			typecheck) run_step typecheck npx tsc -p tsconfig.test.json --noEmit ;;
			unit) run_step unit npx jest --selectProjects unit ;;
			e2e) run_step e2e npx jest --selectProjects e2e --runInBand ;;
			faults) run_step faults npx jest --selectProjects faults --runInBand ;;
			queue) run_step queue npx jest --selectProjects queue --runInBand ;;
			*)
				echo "unknown suite '$suite' in TEST_SUITES (known: $all_suites)" >&2
				failed=1
				;;
		esac
	done
else
	report+=("the build failed, so no suite ran")
fi

elapsed=$(($(date +%s) - started))
printf '\n=== npm test: %dm%02ds\n' $((elapsed / 60)) $((elapsed % 60))
printf '%s\n' "${report[@]}"
cat "$log_dir"/*.log | grep -E '^jest: [0-9]+ passed, [0-9]+ failed, [0-9]+ skipped$' |
	awk '{ p += $2; f += $4; s += $6 } END { printf "\njest: %d passed, %d failed, %d skipped\n", p, f, s }'
exit "$failed"
