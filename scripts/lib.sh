#!/usr/bin/env bash
# Shared helpers of the sandbox and end-to-end scripts (sourced).
_NCC_LIB_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
NCC_REPO_ROOT="$(cd "$_NCC_LIB_DIR/.." && pwd)"
# shellcheck source=./n8n-app.sh
source "$_NCC_LIB_DIR/n8n-app.sh"

# The sandbox's local owner account (created on the first `npm start`; printed for the user).
NCC_SANDBOX_EMAIL="sandbox@example.com"
NCC_SANDBOX_PASSWORD="Sandbox-passw0rd"

ncc_step() { echo "==> $*"; }
ncc_fail() {
	echo "!! $*" >&2
	exit 1
}

# Fails with a clear message when something already listens on 127.0.0.1:<port>.
ncc_require_free_port() {
	local port="$1" what="$2" hint="${3:-}"
	if node -e '
		const s = require("net").createServer();
		s.once("error", () => process.exit(1));
		s.listen(Number(process.argv[1]), "127.0.0.1", () => s.close(() => process.exit(0)));
	' "$port"; then
		return 0
	fi
	ncc_fail "port $port on 127.0.0.1 is already in use (needed by $what). Stop whatever listens there (see 'ss -ltnp | grep :$port')${hint:+, or $hint}, and try again."
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
	(cd "$NCC_REPO_ROOT" && node node_modules/typescript/bin/tsc -p scripts/sandbox/tsconfig.json) || ncc_fail "compiling the sandbox backend failed"
}

# The environment every n8n command of the sandbox runs with.
ncc_n8n_env() {
	local user_folder="$1" port="$2" broker_port="$3"
	export N8N_USER_FOLDER="$user_folder"
	export N8N_UNVERIFIED_PACKAGES_ENABLED=true
	export N8N_DIAGNOSTICS_ENABLED=false
	export N8N_VERSION_NOTIFICATIONS_ENABLED=false
	export N8N_TEMPLATES_ENABLED=false
	export N8N_PERSONALIZATION_ENABLED=false
	export N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS=true
	export N8N_SECURE_COOKIE=false
	export N8N_LISTEN_ADDRESS=127.0.0.1
	export N8N_HOST=127.0.0.1
	export N8N_PORT="$port"
	export N8N_RUNNERS_BROKER_PORT="$broker_port"
	export N8N_LOG_LEVEL="${N8N_LOG_LEVEL:-warn}"
}

# Prints the IDs of the examples that start from a webhook or one of the package's trigger nodes
# (these are published so that they answer right away); one per line.
ncc_examples_to_publish() {
	node -e '
		const fs = require("fs"), path = require("path");
		const dir = process.argv[1];
		for (const file of fs.readdirSync(dir).filter((f) => f.endsWith(".json")).sort()) {
			const wf = JSON.parse(fs.readFileSync(path.join(dir, file), "utf8"));
			const listens = wf.nodes.some((n) => n.type === "n8n-nodes-base.webhook" ||
				(n.type.startsWith("n8n-nodes-chat-conversations.") && n.type.endsWith("Trigger")));
			if (listens) console.log(wf.id);
		}
	' "$1"
}
