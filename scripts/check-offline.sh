#!/usr/bin/env bash
# Checks that the sandbox contacts nothing beyond loopback: runs `npm start` under strace (every
# connect() of every process it starts), sends the website-form example a form, waits, stops the
# sandbox (SIGTERM: a background job ignores Ctrl-C's SIGINT), and lists every address connected to. Needs strace
# (apt-get install -y strace) and a clone where `npm start` has run once (so that nothing is installed).
#   bash scripts/check-offline.sh [seconds to keep n8n running after the form, default 60]
set -euo pipefail
cd "$(dirname "$0")/.."
command -v strace >/dev/null || { echo "!! strace is not installed: apt-get update && apt-get install -y strace" >&2; exit 1; }
idle="${1:-60}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
setsid strace -f -qq -e trace=connect,sendto,sendmsg -o "$work/trace" bash scripts/start.sh >"$work/out" 2>&1 &
pid=$!
for _ in $(seq 1 900); do
	grep -q 'The sandbox is running' "$work/out" && break
	kill -0 "$pid" 2>/dev/null || { cat "$work/out" >&2; exit 1; }
	sleep 1
done
editor="$(sed -n 's/^  n8n editor: *\(http[^ ]*\)\/$/\1/p' "$work/out")"
echo "==> The sandbox is up at $editor; sending the website form, then waiting ${idle}s"
curl -sS -X POST "$editor/webhook/website-form" -H 'Content-Type: application/json' \
	-d '{"firstName":"Jan","lastName":"Kowalski","email":"jan.kowalski@example.org"}' >/dev/null
sleep "$idle"
kill -TERM -- "-$pid"
wait "$pid" || true
echo "==> Addresses connected to or sent to (protocol family, address, count):"
grep -oE 'sa_family=AF_INET6?, sin6?_port=htons\([0-9]+\), (sin_addr=inet_addr\("[^"]+"\)|sin6_flowinfo=[^,]+, inet_pton\(AF_INET6, "[^"]+")' "$work/trace" |
	sed -E 's/.*(AF_INET6?).*htons\(([0-9]+)\).*"([^"]+)".*/\1 \3:\2/' | sort | uniq -c | sed 's/^/    /'
outside="$(grep -E 'sa_family=AF_INET6?' "$work/trace" | grep -vE 'inet_addr\("127\.|inet_pton\(AF_INET6, "::1"' || true)"
if [ -n "$outside" ]; then
	echo "!! the sandbox contacted addresses beyond loopback:" >&2
	echo "$outside" >&2
	exit 1
fi
echo "==> Nothing beyond loopback was contacted"
