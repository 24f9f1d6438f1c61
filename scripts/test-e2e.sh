#!/usr/bin/env bash
# npm run test:e2e: the package inside the real n8n app (provisioned once by scripts/n8n-app.sh).
# Builds and packs the package, then runs the jest suite in test/e2e. Extra arguments go to jest.
#   npm run test:e2e         n8n 2.x on Node 24
#   npm run test:e2e:n8n1    the same suite in n8n 1.x on Node 22 (N8N_APP_VERSION=1)
set -euo pipefail
# shellcheck source=./lib.sh
source "$(dirname "$0")/lib.sh"
cd "$NCC_REPO_ROOT"

started=$SECONDS
ncc_bootstrap
ncc_prepare_n8n_app
# The app keeps its own Node (N8N_NODE_DIR); the build, the pack and jest run on Node 24.
ncc_use_node24 >/dev/null

# The suite keeps its own temp folders under $work (NCC_E2E_TMP).
ncc_run_folder ncc-e2e
ncc_step "Type-checking the sandbox backend (npm start)"
node node_modules/typescript/bin/tsc -p scripts/sandbox/tsconfig.json --noEmit || ncc_fail "the sandbox backend does not compile"
ncc_step "Building and packing the package"
tgz="$(ncc_build_and_pack "$work")"
echo "    $tgz"

ncc_step "Running the end-to-end suite against n8n $N8N_APP_VERSION on Node $("$N8N_NODE_DIR/bin/node" --version)"
# Every n8n the suite starts inherits these: it contacts nothing outside this machine.
ncc_n8n_offline_env
mkdir -p "$work/tmp"
NCC_E2E_TMP="$work/tmp" NCC_E2E_PIDS="$pids" NCC_N8N_BIN="$N8N_BIN" NCC_PACKAGE_TGZ="$tgz" \
	NCC_N8N_VERSION="$N8N_APP_VERSION" NCC_N8N_NODE_DIR="$N8N_NODE_DIR" \
	node node_modules/jest/bin/jest.js -c test/e2e/jest.config.js "$@"
ncc_step "End-to-end suite passed against n8n $N8N_APP_VERSION in $((SECONDS - started))s"
