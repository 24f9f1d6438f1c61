#!/usr/bin/env bash
# npm start: the sandbox. The real n8n app with this package installed, the fake chat platforms as its
# backend, credentials pointing at them and the example workflows imported. Ctrl-C stops everything.
#
#   N8N_PORT=5678 (editor and webhooks)   N8N_RUNNERS_BROKER_PORT=5679 (n8n's task broker)
#   The sandbox keeps its n8n data in .n8n-sandbox/n8n; delete that folder to start from scratch.
set -euo pipefail
# shellcheck source=./lib.sh
source "$(dirname "$0")/lib.sh"
cd "$NCC_REPO_ROOT"

PORT="${N8N_PORT:-5678}"
BROKER_PORT="${N8N_RUNNERS_BROKER_PORT:-5679}"
SANDBOX_DIR="$NCC_REPO_ROOT/.n8n-sandbox"
USER_FOLDER="$SANDBOX_DIR/n8n"
N8N_LOG="$SANDBOX_DIR/n8n.log"
BACKEND_LOG="$SANDBOX_DIR/backend.log"
OWNER_EMAIL="$NCC_SANDBOX_EMAIL"
OWNER_PASSWORD="$NCC_SANDBOX_PASSWORD"

backend_pid=""
n8n_pid=""
work=""
stop_group() {
	local pid="$1" name="$2"
	[ -n "$pid" ] || return 0
	kill -0 "$pid" 2>/dev/null || return 0
	echo "==> Stopping $name"
	kill -TERM -- "-$pid" 2>/dev/null || kill -TERM "$pid" 2>/dev/null || true
	for _ in $(seq 1 50); do
		kill -0 "$pid" 2>/dev/null || break
		sleep 0.2
	done
	# Whatever is left of the group (the leader after 10 s, or a child that outlived it).
	kill -KILL -- "-$pid" 2>/dev/null || kill -KILL "$pid" 2>/dev/null || true
}
cleanup() {
	local status=$?
	trap - EXIT INT TERM HUP
	stop_group "$n8n_pid" "n8n"
	stop_group "$backend_pid" "the sandbox backend"
	[ -z "$work" ] || rm -rf "$work"
	echo "==> Sandbox stopped; nothing is left running"
	exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM
trap 'exit 129' HUP

ncc_step "Starting the sandbox (n8n on 127.0.0.1:$PORT)"
ncc_require_free_port "$PORT" "the n8n editor" "set N8N_PORT to another port"
ncc_require_free_port "$BROKER_PORT" "n8n's task broker" "set N8N_RUNNERS_BROKER_PORT to another port"
ncc_n8n_app

work="$(mktemp -d "${TMPDIR:-/tmp}/ncc-sandbox.XXXXXX")"
ncc_step "Starting the sandbox backend (fake chat platforms)"
ncc_build_backend
setsid node "$SANDBOX_DIR/backend/scripts/sandbox/backend.js" "$work/credentials.json" >"$BACKEND_LOG" 2>&1 &
backend_pid=$!
for _ in $(seq 1 100); do
	grep -q 'sandbox backend ready' "$BACKEND_LOG" 2>/dev/null && break
	kill -0 "$backend_pid" 2>/dev/null || { cat "$BACKEND_LOG" >&2; ncc_fail "the sandbox backend did not start"; }
	sleep 0.1
done
grep -q 'sandbox backend ready' "$BACKEND_LOG" || ncc_fail "the sandbox backend did not get ready (log: $BACKEND_LOG)"
grep '^    ' "$BACKEND_LOG" || true

ncc_step "Building the package and installing it into the sandbox's n8n"
tgz="$(ncc_build_and_pack "$work")"
mkdir -p "$USER_FOLDER"
ncc_install_package "$tgz" "$USER_FOLDER"

ncc_n8n_env "$USER_FOLDER" "$PORT" "$BROKER_PORT"
ncc_step "Importing the sandbox credentials and the example workflows"
"$N8N_BIN" import:credentials --input="$work/credentials.json" >"$work/import.log" 2>&1 || { cat "$work/import.log" >&2; ncc_fail "n8n import:credentials failed"; }
rm -f "$work/credentials.json"
for file in examples/*.json; do
	"$N8N_BIN" import:workflow --input="$file" >"$work/import.log" 2>&1 || { cat "$work/import.log" >&2; ncc_fail "n8n import:workflow failed for $file"; }
	echo "    $file"
done
for id in $(ncc_examples_to_publish examples); do
	"$N8N_BIN" publish:workflow --id="$id" >"$work/import.log" 2>&1 || { cat "$work/import.log" >&2; ncc_fail "n8n publish:workflow failed for $id"; }
	echo "    published $id"
done

ncc_step "Starting n8n $N8N_APP_VERSION (log: $N8N_LOG)"
N8N_LOG_LEVEL=info setsid "$N8N_BIN" start >"$N8N_LOG" 2>&1 &
n8n_pid=$!
for _ in $(seq 1 600); do
	grep -q 'Editor is now accessible via' "$N8N_LOG" 2>/dev/null && break
	kill -0 "$n8n_pid" 2>/dev/null || { tail -n 40 "$N8N_LOG" >&2; ncc_fail "n8n stopped while starting (log: $N8N_LOG)"; }
	sleep 0.2
done
grep -q 'Editor is now accessible via' "$N8N_LOG" || ncc_fail "n8n did not get ready within 2 minutes (log: $N8N_LOG)"

# First start: create the owner account, so that the editor opens at its login page.
node -e '
	const [port, email, password] = process.argv.slice(1);
	fetch(`http://127.0.0.1:${port}/rest/owner/setup`, {
		method: "POST",
		headers: { "content-type": "application/json" },
		body: JSON.stringify({ email, password, firstName: "Sandbox", lastName: "Owner" }),
	}).then(async (r) => {
		if (r.ok) return console.log("    owner account created");
		const text = await r.text();
		if (/already/i.test(text)) return console.log("    owner account exists already");
		console.error(`!! owner setup answered ${r.status}: ${text.slice(0, 300)}`);
	}).catch((e) => console.error(`!! owner setup failed: ${e.message}`));
' "$PORT" "$OWNER_EMAIL" "$OWNER_PASSWORD"

cat <<INFO

==================================================================================================
  The sandbox is running. Open the n8n editor:   http://127.0.0.1:$PORT/
  Log in with:   $OWNER_EMAIL   /   $OWNER_PASSWORD
  (a local, throw-away account; if you changed it, delete .n8n-sandbox/n8n to start afresh)

  What to try:
  - Workflow "Erase Thulium chat content": click "Execute workflow"; Delete Content erases the
    messages of the sandbox's two demo conversations.
  - Workflow "Website form → Thulium chat" is published; send it a form:
      curl -X POST http://127.0.0.1:$PORT/webhook/website-form -H 'Content-Type: application/json' \\
        -d '{"firstName":"Jan","lastName":"Kowalski","email":"jan.kowalski@example.org"}'
    then look at its run under Executions.
    (Start Chat opens a conversation, Send Greeting posts a greeting into it.)
  - Workflow "Nightly clean-up: Tencent and Easemob conversations": click "Execute workflow"; it
    deletes alice's and bob's conversations with support, with their roaming messages.
  - Workflows "Tencent Cloud Chat callback → reply" and "Easemob IM callback → reply" are
    published; post them a signed callback (commands in docs/readme/e2e.md) and see the reply.
  - Credentials: open "Thulium (sandbox)", "Tencent Cloud Chat (sandbox)" or "Easemob IM (sandbox)"
    and click "Retry" to run n8n's connection test.
  - Build your own workflow: search the nodes panel for "Thulium", "Tencent" or "Easemob".

  The fake platforms: $(grep -o 'http://127.0.0.1:[0-9]*' "$BACKEND_LOG" | paste -sd' ')
  Press Ctrl-C to stop everything.
==================================================================================================
INFO

while kill -0 "$n8n_pid" 2>/dev/null && kill -0 "$backend_pid" 2>/dev/null; do
	sleep 1
done
if ! kill -0 "$n8n_pid" 2>/dev/null; then
	tail -n 20 "$N8N_LOG" >&2
	ncc_fail "n8n stopped (log: $N8N_LOG)"
fi
cat "$BACKEND_LOG" >&2
ncc_fail "the sandbox backend stopped (log: $BACKEND_LOG)"
