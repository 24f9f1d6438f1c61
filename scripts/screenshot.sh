#!/usr/bin/env bash
# npm run screenshot: a picture of a sandbox workflow in the n8n editor, for the README.
# Start the sandbox first (npm start, in another terminal). Needs Debian's chromium:
#   apt-get update && apt-get install -y chromium
#   bash scripts/screenshot.sh [workflowId] [output.png]
set -euo pipefail
# shellcheck source=./lib.sh
source "$(dirname "$0")/lib.sh"
cd "$NCC_REPO_ROOT"
ncc_use_node24 >/dev/null

workflow="${1:-exThuliumWebForm}"
output="${2:-docs/screenshots/sandbox-website-form.png}"
base="http://127.0.0.1:${N8N_PORT:-5678}"
command -v "${CHROMIUM:-chromium}" >/dev/null || ncc_fail "chromium is not installed: apt-get update && apt-get install -y chromium"
node -e 'fetch(process.argv[1] + "/healthz").then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))' "$base" ||
	ncc_fail "no sandbox answers at $base: start it with 'npm start' in another terminal first"
mkdir -p "$(dirname "$output")"
NCC_SANDBOX_EMAIL="$NCC_SANDBOX_EMAIL" NCC_SANDBOX_PASSWORD="$NCC_SANDBOX_PASSWORD" CHROMIUM="$(command -v "${CHROMIUM:-chromium}")" \
	node scripts/screenshot.mjs "$workflow" "$output" "$base"
