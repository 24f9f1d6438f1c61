#!/usr/bin/env bash
# Sourced by .ci/run, the npm scripts' shell helpers and developers' shells: makes sure a Node 24 is
# first on PATH. n8n 2.x and n8n-workflow 2.x need Node 24; machines that only have an older Node get
# it from the npm registry into the project's .node/ folder (see scripts/use-node.sh, which provisions
# every Node the project uses).
# shellcheck source=./use-node.sh
source "$(dirname "${BASH_SOURCE[0]}")/use-node.sh"

ncc_use_node24() {
	# Already done in this shell (or its parent): nothing to do.
	if [ "${_NCC_NODE24_DONE:-}" = 1 ] && [ "$(ncc_node_major)" -ge 24 ] 2>/dev/null; then
		return 0
	fi
	ncc_use_node 24 at-least || return 1
	export _NCC_NODE24_DONE=1
}
