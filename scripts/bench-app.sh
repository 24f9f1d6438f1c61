#!/usr/bin/env bash
# npm run bench:app (also npm run bench -- --app): the package inside the real n8n app, in regular
# and in queue mode (Redis + PostgreSQL + main + 2 workers on 127.0.0.1), against the fake Tencent
# Cloud Chat. Builds and packs the package, then runs bench/app.ts. Extra arguments go to bench/app.ts.
set -euo pipefail
# shellcheck source=./lib.sh
source "$(dirname "$0")/lib.sh"
cd "$NCC_REPO_ROOT"

ncc_n8n_app
work="$(mktemp -d "${TMPDIR:-/tmp}/ncc-bench-app.XXXXXX")"
pids="$work/pids"
: >"$pids"
# Whatever happens (failure, Ctrl-C): end the process groups the bench started, remove the temp folders.
cleanup() {
	local pid
	while read -r pid; do
		[ -n "$pid" ] && kill -KILL -- "-$pid" 2>/dev/null || true
	done <"$pids"
	rm -rf "$work"
}
trap cleanup EXIT
ncc_step "Building and packing the package"
tgz="$(ncc_build_and_pack "$work")"
mkdir -p "$work/tmp"
ncc_step "Measuring in n8n $N8N_APP_VERSION"
NCC_E2E_TMP="$work/tmp" NCC_E2E_PIDS="$pids" NCC_N8N_BIN="$N8N_BIN" NCC_PACKAGE_TGZ="$tgz" \
	node -r ./bench/register.js bench/app.ts "$@"
