#!/usr/bin/env bash
# npm start: the sandbox. The real n8n app with this package installed, the fake chat platforms as its
# backend, credentials pointing at them and the example workflows imported. Works on a fresh clone:
# fetches Node 24 into .node/ and installs the dependencies when needed. Ctrl-C stops everything.
#
# Ports on 127.0.0.1 (default; a taken default gives way to a free port, a port set here must be free):
#   N8N_PORT=5678 (editor and webhooks)   N8N_RUNNERS_BROKER_PORT=5679 (n8n's task broker)
#   NCC_THULIUM_PORT=5701  NCC_TENCENT_PORT=5702  NCC_EASEMOB_PORT=5703 (fake platforms)
#   NCC_LOG_PORT=5700 (the request log page)
# NCC_SANDBOX_DIR (default .n8n-sandbox) keeps the sandbox's n8n data; delete it to start afresh.
# NCC_PACKAGE_TGZ: install this packed package instead of building one (the end-to-end tests).
set -euo pipefail
# shellcheck source=./lib.sh
source "$(dirname "$0")/lib.sh"
cd "$NCC_REPO_ROOT"

started=$SECONDS
SANDBOX_DIR="${NCC_SANDBOX_DIR:-$NCC_REPO_ROOT/.n8n-sandbox}"
USER_FOLDER="$SANDBOX_DIR/n8n"
N8N_LOG="$SANDBOX_DIR/n8n.log"
BACKEND_LOG="$SANDBOX_DIR/backend.log"
OWNER_EMAIL="$NCC_SANDBOX_EMAIL"
OWNER_PASSWORD="$NCC_SANDBOX_PASSWORD"

backend_pid=""
n8n_pid=""
tail_pid=""
work=""
# Stops the given process groups together: SIGTERM, up to 10 s to finish, then SIGKILL for what is left.
stop_groups() {
	local pid alive
	for pid in "$@"; do
		[ -n "$pid" ] || continue
		kill -TERM -- "-$pid" 2>/dev/null || kill -TERM "$pid" 2>/dev/null || true
	done
	for _ in $(seq 1 50); do
		alive=""
		for pid in "$@"; do
			[ -n "$pid" ] && kill -0 "$pid" 2>/dev/null && alive=1
		done
		[ -n "$alive" ] || break
		sleep 0.2
	done
	# Whatever is left of the groups (a leader after 10 s, or a child that outlived it).
	for pid in "$@"; do
		[ -n "$pid" ] || continue
		kill -KILL -- "-$pid" 2>/dev/null || kill -KILL "$pid" 2>/dev/null || true
	done
}
cleanup() {
	local status=$?
	trap - EXIT
	# A second Ctrl-C or SIGTERM (npm passes the signal on to this script too) must not cut the clean-up
	# short.
	trap '' INT TERM HUP
	set +e
	[ -z "$tail_pid" ] || kill "$tail_pid" 2>/dev/null || true
	if [ -n "$n8n_pid$backend_pid" ]; then
		echo "==> Stopping n8n and the fake platforms"
		stop_groups "$n8n_pid" "$backend_pid"
	fi
	[ -z "$work" ] || rm -rf "$work"
	echo "==> Sandbox stopped; nothing it started is left running"
	exit "$status"
}
trap cleanup EXIT
# Writing to a terminal or pipe that is gone must not kill this script before it has stopped what it
# started (a SIGPIPE ignored only inside the clean-up comes too late).
trap '' PIPE
trap 'exit 130' INT
trap 'exit 143' TERM
trap 'exit 129' HUP

ncc_step "[1/6] Node 24 and the dependencies"
ncc_bootstrap

ncc_step "[2/6] The n8n $N8N_APP_VERSION app"
ncc_prepare_n8n_app

mkdir -p "$SANDBOX_DIR"
work="$(mktemp -d "${TMPDIR:-/tmp}/ncc-sandbox.XXXXXX")"
ncc_step "[3/6] Starting the fake chat platforms"
ncc_build_backend "$SANDBOX_DIR/backend"
setsid node "$SANDBOX_DIR/backend/scripts/sandbox/backend.js" "$work/credentials.json" "$SANDBOX_DIR/fake-ports.json" >"$BACKEND_LOG" 2>&1 &
backend_pid=$!
for _ in $(seq 1 300); do
	grep -q 'sandbox backend ready' "$BACKEND_LOG" 2>/dev/null && break
	kill -0 "$backend_pid" 2>/dev/null || { cat "$BACKEND_LOG" >&2; ncc_fail "the fake platforms did not start"; }
	sleep 0.1
done
grep -q 'sandbox backend ready' "$BACKEND_LOG" || ncc_fail "the fake platforms did not get ready (log: $BACKEND_LOG)"
grep '^    ' "$BACKEND_LOG" || true

ncc_step "[4/6] Installing the package, the sandbox credentials and the examples into the sandbox's n8n"
mkdir -p "$USER_FOLDER"
installed="$USER_FOLDER/.ncc-installed-build"
if [ -n "${NCC_PACKAGE_TGZ:-}" ]; then
	ncc_install_package "$NCC_PACKAGE_TGZ" "$USER_FOLDER"
	rm -f "$installed"
else
	ncc_build_if_stale "$work"
	if [ -f "$installed" ] && [ "$(cat "$installed")" = "$(ncc_build_id)" ]; then
		echo "    the package in the sandbox's n8n is this build"
	else
		ncc_install_package "$(ncc_pack "$work")" "$USER_FOLDER"
		ncc_build_id >"$installed"
		echo "    the package is installed in the sandbox's n8n"
	fi
fi
# The imports open no port; n8n's own ports are chosen right before it starts (step 5).
ncc_n8n_env "$USER_FOLDER" 0 0
# Each n8n command boots n8n (several seconds), so imports only run when their input changed.
ncc_import_if_changed "$USER_FOLDER/.ncc-credentials.sha256" "$work/credentials.json" \
	"$N8N_BIN" import:credentials --input="$work/credentials.json"
rm -f "$work/credentials.json"
mkdir -p "$work/examples" && cp examples/*.json "$work/examples/"
ncc_import_if_changed "$USER_FOLDER/.ncc-examples.sha256" "$work/examples" \
	"$N8N_BIN" import:workflow --separate --input="$work/examples"

ncc_step "[5/6] n8n's ports"
# A taken default gives way to the port of the last start when that is free, so that the editor's
# address stays the same from one start to the next (the fake platforms do the same in step 3).
previous_ports=(0 0)
[ ! -f "$SANDBOX_DIR/n8n-ports" ] || read -r -a previous_ports <"$SANDBOX_DIR/n8n-ports" || true
PORT="$(ncc_pick_port 5678 N8N_PORT "the n8n editor" "${previous_ports[0]:-0}")"
BROKER_PORT="$(ncc_pick_port 5679 N8N_RUNNERS_BROKER_PORT "n8n's task broker" "${previous_ports[1]:-0}")"
echo "$PORT $BROKER_PORT" >"$SANDBOX_DIR/n8n-ports"
export N8N_PORT="$PORT" N8N_RUNNERS_BROKER_PORT="$BROKER_PORT"

ncc_step "[6/6] Starting n8n $N8N_APP_VERSION (40-60 s on a busy 2-core machine; log: $N8N_LOG)"
N8N_LOG_LEVEL=info setsid "$N8N_BIN" start >"$N8N_LOG" 2>&1 &
n8n_pid=$!
for _ in $(seq 1 900); do
	grep -q 'Editor is now accessible via' "$N8N_LOG" 2>/dev/null && break
	kill -0 "$n8n_pid" 2>/dev/null || { tail -n 40 "$N8N_LOG" >&2; ncc_fail "n8n stopped while starting (log: $N8N_LOG)"; }
	sleep 0.2
done
grep -q 'Editor is now accessible via' "$N8N_LOG" || ncc_fail "n8n did not get ready within 3 minutes (log: $N8N_LOG)"
# The owner account (first start), and the examples that listen for calls published.
node scripts/sandbox/prepare-editor.mjs "http://127.0.0.1:$PORT" "$OWNER_EMAIL" "$OWNER_PASSWORD" $(ncc_examples_to_publish examples) ||
	ncc_fail "preparing the editor failed (log: $N8N_LOG)"

urls="$(sed -n 's/^    fake \(.*\): \(http[^ ]*\).*/    \1: \2/p' "$BACKEND_LOG")"
log_url="$(sed -n 's/^    request log: //p' "$BACKEND_LOG")"
cat <<INFO

==================================================================================================
  The sandbox is running (ready in $((SECONDS - started)) s). Nothing in it reaches the internet.

  n8n editor:     http://127.0.0.1:$PORT/
    log in with:  $OWNER_EMAIL   /   $OWNER_PASSWORD   (a local, throw-away account)
  webhooks:       http://127.0.0.1:$PORT/webhook/...
  request log:    $log_url   (what the fake platforms received and answered; also below)
  fake platforms:
$urls
  n8n's task broker: 127.0.0.1:$BROKER_PORT

  What to try:
  - "Erase Thulium chat content": open it and click "Execute workflow".
  - "Website form → Thulium chat" is published; send it a form, then look under Executions:
      curl -X POST http://127.0.0.1:$PORT/webhook/website-form -H 'Content-Type: application/json' \\
        -d '{"firstName":"Jan","lastName":"Kowalski","email":"jan.kowalski@example.org"}'
  - "Nightly clean-up: Tencent and Easemob conversations": click "Execute workflow".
  - The two callback workflows are published: docs/sandbox.md has the signed requests to send.
  - Build your own: search the nodes panel for "Thulium", "Tencent" or "Easemob".
  More in docs/sandbox.md. Press Ctrl-C to stop everything.
==================================================================================================

INFO

# The request log, live: every request the fake platforms receive from now on.
tail -n 0 -f "$BACKEND_LOG" &
tail_pid=$!

while kill -0 "$n8n_pid" 2>/dev/null && kill -0 "$backend_pid" 2>/dev/null; do
	sleep 1
done
if ! kill -0 "$n8n_pid" 2>/dev/null; then
	tail -n 20 "$N8N_LOG" >&2
	ncc_fail "n8n stopped (log: $N8N_LOG)"
fi
ncc_fail "the fake platforms stopped (log: $BACKEND_LOG)"
