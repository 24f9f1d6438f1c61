#!/usr/bin/env bash
# Shared helpers of the sandbox and end-to-end scripts (sourced).
_NCC_LIB_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
NCC_REPO_ROOT="$(cd "$_NCC_LIB_DIR/.." && pwd)"
# shellcheck source=./n8n-app.sh
source "$_NCC_LIB_DIR/n8n-app.sh"

ncc_step() { echo "==> $*"; }
ncc_fail() {
	echo "!! $*" >&2
	exit 1
}

# Fails with a clear message when something already listens on 127.0.0.1:<port>.
ncc_require_free_port() {
	local port="$1" what="$2"
	if node -e '
		const s = require("net").createServer();
		s.once("error", () => process.exit(1));
		s.listen(Number(process.argv[1]), "127.0.0.1", () => s.close(() => process.exit(0)));
	' "$port"; then
		return 0
	fi
	ncc_fail "port $port on 127.0.0.1 is already in use; $what needs it. Stop whatever listens there (e.g. 'ss -ltnp | grep :$port') and try again."
}

# Builds the package and packs it into the given folder; prints the path of the .tgz.
ncc_build_and_pack() {
	local dest="$1"
	(cd "$NCC_REPO_ROOT" && npm run --silent build >&2) || ncc_fail "the package build failed"
	local name
	name="$(cd "$NCC_REPO_ROOT" && npm pack --silent --pack-destination "$dest" 2>/dev/null | tail -n 1)" || ncc_fail "npm pack failed"
	echo "$dest/$name"
}

# Unpacks a packed .tgz where n8n loads community packages: <user folder>/.n8n/nodes/node_modules/<name>.
ncc_install_package() {
	local tgz="$1" user_folder="$2"
	local target="$user_folder/.n8n/nodes/node_modules/n8n-nodes-chat-conversations"
	rm -rf "$target" && mkdir -p "$target" && tar xzf "$tgz" --strip-components=1 -C "$target" ||
		ncc_fail "could not install $tgz into $target"
}

# Compiles the sandbox backend (fake platforms, TypeScript) into .n8n-sandbox/backend.
ncc_build_backend() {
	(cd "$NCC_REPO_ROOT" && npx tsc -p scripts/sandbox/tsconfig.json) || ncc_fail "compiling the sandbox backend failed"
}
