#!/usr/bin/env bash
# npm run bench:app (also npm run bench -- --app): the package inside the real n8n app, in regular
# and in queue mode (Redis + PostgreSQL + main + 2 workers on 127.0.0.1), against the fake Tencent
# Cloud Chat. Builds and packs the package, then runs bench/app.ts. Extra arguments go to bench/app.ts.
set -euo pipefail
# shellcheck source=./lib.sh
source "$(dirname "$0")/lib.sh"
cd "$NCC_REPO_ROOT"

ncc_prepare_n8n_app
# The app keeps its own Node (N8N_NODE_DIR); the build, the pack and the bench run on Node 24.
ncc_use_node24 >/dev/null
ncc_run_folder ncc-bench-app
ncc_step "Building and packing the package"
tgz="$(ncc_build_and_pack "$work")"
mkdir -p "$work/tmp"
ncc_step "Measuring in n8n $N8N_APP_VERSION"
# Every n8n the bench starts inherits these: it contacts nothing outside this machine.
ncc_n8n_offline_env
NCC_E2E_TMP="$work/tmp" NCC_E2E_PIDS="$pids" NCC_N8N_BIN="$N8N_BIN" NCC_PACKAGE_TGZ="$tgz" \
	NCC_N8N_VERSION="$N8N_APP_VERSION" NCC_N8N_NODE_DIR="$N8N_NODE_DIR" \
	node -r ./bench/register.js bench/app.ts "$@"
