#!/usr/bin/env bash
# Runs a command on a ready clone: `bash scripts/bootstrap.sh npm run test:all` (what `npm test` does).
# First puts Node 24 on PATH (fetched into .node/ when the machine's Node is older) and installs the
# dependencies with npm ci when node_modules does not match package-lock.json; both are skipped in
# about a second when already done (e.g. in CI, after .ci/run's own npm ci).
set -euo pipefail
# shellcheck source=./lib.sh
source "$(dirname "$0")/lib.sh"
ncc_bootstrap
[ $# -eq 0 ] || exec "$@"
