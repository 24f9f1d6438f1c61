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

# The command that installs the given Debian/Fedora/Alpine packages on this machine (one line).
_ncc_install_hint() {
	local sudo=""
	[ "$(id -u)" = 0 ] || sudo="sudo "
	if command -v apt-get >/dev/null; then
		echo "${sudo}apt-get update && ${sudo}apt-get install -y $*"
	elif command -v dnf >/dev/null; then
		echo "${sudo}dnf install -y $(echo "$*" | sed 's/g++/gcc-c++/')"
	elif command -v apk >/dev/null; then
		echo "${sudo}apk add $*"
	else
		echo "install $* with your system's package manager"
	fi
}

# Native modules (isolated-vm in the dependencies, sqlite3 in the n8n app) are compiled on install:
# fails in one line, before anything is downloaded, when a build tool is missing.
ncc_require_build_tools() {
	local why="$1" missing=()
	command -v c++ >/dev/null || command -v g++ >/dev/null || missing+=(g++)
	command -v make >/dev/null || missing+=(make)
	command -v python3 >/dev/null || missing+=(python3)
	[ ${#missing[@]} -eq 0 ] && return 0
	ncc_fail "missing ${missing[*]} (needed to $why); install with: $(_ncc_install_hint "${missing[@]}")"
}

# Fails in one line when the folder's file system has less than <GB> free.
ncc_require_disk() {
	local dir="$1" gb="$2" why="$3" free_kb
	mkdir -p "$dir" 2>/dev/null || true
	free_kb="$(df -Pk "$dir" 2>/dev/null | awk 'NR == 2 { print $4 }')"
	[ -z "$free_kb" ] || [ "$free_kb" -ge $((gb * 1024 * 1024)) ] ||
		ncc_fail "only $((free_kb / 1024 / 1024)) GB free in $dir; $why needs about $gb GB (set NCC_CACHE to a folder on a larger disk)"
}

# True when node_modules holds exactly what package-lock.json pins (npm writes its own record of
# an install, node_modules/.package-lock.json, when the install finishes), built for this Node.
_ncc_dependencies_current() {
	node -e '
		const fs = require("fs");
		const read = (f) => { try { return JSON.parse(fs.readFileSync(f, "utf8")); } catch { return undefined; } };
		const want = read("package-lock.json"), have = read("node_modules/.package-lock.json");
		if (!want || !have) process.exit(1);
		for (const [key, pkg] of Object.entries(want.packages)) {
			if (key === "" || pkg.optional || pkg.peer) continue;
			const got = have.packages[key];
			if (!got || got.version !== pkg.version) process.exit(1);
		}
		// Native modules built by an older Node do not load in this one.
		const abi = (() => { try { return fs.readFileSync("node_modules/.ncc-node-abi", "utf8").trim(); } catch { return ""; } })();
		if (abi && abi !== process.versions.modules) process.exit(1);
	'
}

# npm ci with a progress line every 100 packages (the dependencies are about 650 packages).
_ncc_npm_ci() {
	local total
	total="$(node -p 'Object.keys(require("./package-lock.json").packages).length - 1')"
	ncc_step "Installing the dependencies with npm ci ($total packages; first time about 1-2 minutes)"
	npm ci --no-audit --no-fund --loglevel=http 2>&1 | awk -v total="$total" '
		/^npm http fetch/ { n++; if (n % 100 == 0) { printf "    ... %d downloads (about %d in all)\n", n, total; fflush() } next }
		/^npm http/ { next }
		/^npm warn/ { w++; next }
		{ print "    " $0; fflush() }
		END { if (w > 0) printf "    (%d lines of npm warnings hidden)\n", w }'
	[ "${PIPESTATUS[0]}" -eq 0 ] || ncc_fail "npm ci failed; see the lines above"
	node -p 'process.versions.modules' >node_modules/.ncc-node-abi
}

# What `npm start`, `npm test` and `npm run test:e2e` do first on any clone: Node 24 first on PATH
# (fetched into .node/ when the machine's Node is older), then the dependencies as package-lock.json
# pins them. Both steps check before they act, so on a ready clone (or in CI after `npm ci`) this
# takes about a second.
ncc_bootstrap() {
	cd "$NCC_REPO_ROOT" || return 1
	NCC_NODE_QUIET=1 ncc_use_node24 || ncc_fail "could not get Node 24"
	if _ncc_dependencies_current; then
		return 0
	fi
	ncc_require_build_tools "compile the native modules of the dependencies"
	_ncc_npm_ci
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

# Prints the port to use for something the sandbox serves on 127.0.0.1: the port in the environment
# variable <env> when set (it must be free), else <default> when free, else <previous> (the last
# start's) when given and free, else a free port the system picks (with a note on stderr).
ncc_pick_port() {
	local default="$1" env="$2" what="$3" previous="${4:-0}"
	local wanted="${!env:-}"
	node -e '
		const net = require("net");
		const [wanted, fallback, env, what, previous] = process.argv.slice(1);
		const tryPort = (port) => new Promise((resolve) => {
			const s = net.createServer();
			s.once("error", () => resolve(undefined));
			s.listen(port, "127.0.0.1", () => { const p = s.address().port; s.close(() => resolve(p)); });
		});
		(async () => {
			if (wanted) {
				const port = await tryPort(Number(wanted));
				if (port === undefined) {
					console.error(`!! port ${wanted} on 127.0.0.1 (${env}, for ${what}) is already in use; unset ${env} to let the sandbox pick a free port, or stop what listens there (ss -ltnp | grep :${wanted})`);
					process.exit(1);
				}
				return console.log(port);
			}
			let port = await tryPort(Number(fallback));
			if (port === undefined) {
				if (Number(previous) > 0) port = await tryPort(Number(previous));
				if (port === undefined) port = await tryPort(0);
				console.error(`    port ${fallback} (${what}) is taken; using ${port} instead (set ${env} to choose one)`);
			}
			console.log(port);
		})();
	' "$wanted" "$default" "$env" "$what" "$previous" || exit 1
}

# Builds the package when a source changed since the last build (dist/.ncc-built marks one); build
# output goes to <log folder>/build.log and is shown only when the build fails.
ncc_build_if_stale() {
	local logdir="$1" stamp="$NCC_REPO_ROOT/dist/.ncc-built"
	if [ -f "$stamp" ] && [ -z "$(cd "$NCC_REPO_ROOT" && find nodes credentials icons package.json tsconfig.json gulpfile.js -newer "$stamp" -print -quit)" ]; then
		echo "    the build in dist/ is up to date" >&2
		return 0
	fi
	echo "    building the package (about 20-60 s)" >&2
	(cd "$NCC_REPO_ROOT" && npm run --silent build >"$logdir/build.log" 2>&1) || {
		cat "$logdir/build.log" >&2
		ncc_fail "the package build failed"
	}
	touch "$stamp"
}

# Which build dist/ holds (changes with every build made by ncc_build_if_stale).
ncc_build_id() { stat -c %Y "$NCC_REPO_ROOT/dist/.ncc-built" 2>/dev/null || echo none; }

# Makes a temp folder for a run of the package in the n8n app ($work, with $pids listing the process
# groups the run starts) and, whatever happens to the run (failure, Ctrl-C, crash), ends those process
# groups and removes the folder on exit.
ncc_run_folder() {
	work="$(mktemp -d "${TMPDIR:-/tmp}/$1.XXXXXX")"
	pids="$work/pids"
	: >"$pids"
	trap _ncc_run_folder_cleanup EXIT
}
_ncc_run_folder_cleanup() {
	local pid
	while read -r pid; do
		[ -n "$pid" ] && kill -KILL -- "-$pid" 2>/dev/null || true
	done <"$pids"
	rm -rf "$work"
}

# Builds the package (when a source changed since the last build) and packs it into the given folder;
# prints the path of the .tgz.
ncc_build_and_pack() {
	ncc_build_if_stale "$1"
	ncc_pack "$1"
}

# Packs the package as built in dist/ into the given folder; prints the path of the .tgz.
ncc_pack() {
	local dest="$1" name
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

# Compiles the sandbox backend (fake platforms, TypeScript) into the given folder, when a source
# changed since the last time.
ncc_build_backend() {
	local out="$1" stamp="$1/.ncc-built"
	if [ -f "$stamp" ] && [ -z "$(cd "$NCC_REPO_ROOT" && find scripts/sandbox test/fakes test/e2e/sandbox tsconfig.json -newer "$stamp" -print -quit)" ]; then
		return 0
	fi
	echo "    compiling the fake platforms (about 10 s)"
	(cd "$NCC_REPO_ROOT" && node node_modules/typescript/bin/tsc -p scripts/sandbox/tsconfig.json --outDir "$out") ||
		ncc_fail "compiling the sandbox backend failed"
	touch "$stamp"
}

# Runs a command (an n8n import) unless <input> (a file or folder) is what it ran with last time,
# as recorded in <stamp>.
ncc_import_if_changed() {
	local stamp="$1" input="$2"
	shift 2
	local sum
	sum="$(cd "$input" 2>/dev/null && find . -type f -print0 | sort -z | xargs -0 sha256sum | sha256sum || sha256sum <"$input")"
	sum="${sum%% *}"
	if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$sum" ]; then
		echo "    $(basename "$input"): unchanged since the last start"
		return 0
	fi
	"$@" >"$stamp.log" 2>&1 || { cat "$stamp.log" >&2; ncc_fail "$* failed"; }
	echo "$sum" >"$stamp"
	echo "    $(basename "$input"): imported"
}

# Provisions the n8n app when it is not there yet, after checking what the install needs (build tools
# for sqlite3, disk space), so that a missing tool is told before minutes of downloads.
ncc_prepare_n8n_app() {
	local dir="$NCC_CACHE/n8n-$N8N_APP_VERSION"
	if [ ! -f "$dir/.provisioned" ]; then
		ncc_require_build_tools "compile n8n's sqlite3 module"
		ncc_require_disk "$NCC_CACHE" 5 "the n8n app"
	fi
	ncc_n8n_app || ncc_fail "the n8n app could not be provisioned"
}

# The environment every n8n command of the sandbox runs with.
ncc_n8n_env() {
	local user_folder="$1" port="$2" broker_port="$3"
	export N8N_USER_FOLDER="$user_folder"
	export N8N_UNVERIFIED_PACKAGES_ENABLED=true
	ncc_n8n_offline_env
	export N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS=true
	export N8N_SECURE_COOKIE=false
	export N8N_LISTEN_ADDRESS=127.0.0.1
	export N8N_HOST=127.0.0.1
	# 0: not chosen yet (the caller exports them later); the user's own settings stay as they are.
	[ "$port" = 0 ] || export N8N_PORT="$port"
	[ "$broker_port" = 0 ] || export N8N_RUNNERS_BROKER_PORT="$broker_port"
	# On a busy machine the task runner can take longer than n8n's default 30 s to connect.
	export N8N_RUNNERS_GRANT_TOKEN_TTL="${N8N_RUNNERS_GRANT_TOKEN_TTL:-120}"
	export N8N_LOG_LEVEL="${N8N_LOG_LEVEL:-warn}"
}

# Turns off everything n8n would contact outside this machine (names from n8n 2.41.1's @n8n/config and
# its modules): telemetry (and PostHog), version notifications and "what's new", templates, dynamic and
# hiring banners, the personalization survey, the verified community-nodes list, the AI assistant,
# license renewal, and the modules that fetch from n8n's servers (the MCP server registry).
# docs/sandbox.md says how this was checked.
ncc_n8n_offline_env() {
	export N8N_DIAGNOSTICS_ENABLED=false
	export N8N_VERSION_NOTIFICATIONS_ENABLED=false
	export N8N_VERSION_NOTIFICATIONS_WHATS_NEW_ENABLED=false
	export N8N_TEMPLATES_ENABLED=false
	export N8N_DYNAMIC_BANNERS_ENABLED=false
	export N8N_HIRING_BANNER_ENABLED=false
	export N8N_PERSONALIZATION_ENABLED=false
	export N8N_VERIFIED_PACKAGES_ENABLED=false
	export N8N_AI_ENABLED=false
	export N8N_LICENSE_AUTO_RENEW_ENABLED=false
	# An unknown module name stops n8n: n8n 1.x has no MCP registry module.
	case "$N8N_APP_VERSION" in
	1.*) ;;
	*) export N8N_DISABLED_MODULES=mcp-registry ;;
	esac
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
