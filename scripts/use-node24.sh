#!/usr/bin/env bash
# Sourced by .ci/run and the npm scripts' shell helpers: makes sure a Node 24 is first on PATH.
# n8n 2.x and n8n-workflow 2.x need Node 24; machines that only have an older Node get it from the npm
# registry (see scripts/use-node.sh, which provisions every Node the project uses).
# shellcheck source=./use-node.sh
source "$(dirname "${BASH_SOURCE[0]}")/use-node.sh"

ncc_use_node24() { ncc_use_node 24 at-least; }
