#!/usr/bin/env bash
# npm run check:workflows: the GitHub Actions workflow files, checked here because they only run on
# GitHub. Each file is validated against the workflow schema (action-validator: YAML syntax, keys,
# job and step structure), then publish.yml is checked for what n8n's verification of community
# packages needs: publishing from a version tag, with npm provenance and the OIDC permission.
set -euo pipefail
cd "$(dirname "$0")/.."

fail() {
	echo "!! $*" >&2
	exit 1
}

shopt -s nullglob
files=(.github/workflows/*.yml .github/workflows/*.yaml)
[ ${#files[@]} -gt 0 ] || fail "no workflow files in .github/workflows"
for file in "${files[@]}"; do
	node node_modules/@action-validator/cli/cli.mjs "$file" || fail "$file is not a valid GitHub Actions workflow (see above)"
	echo "==> $file is a valid workflow"
done

for file in .github/workflows/ci.yml .github/workflows/publish.yml; do
	[ -f "$file" ] || fail "$file is missing"
done
grep -Eq '^  pull_request:' .github/workflows/ci.yml || fail "ci.yml does not run on pull requests"
grep -Eq '^  push:' .github/workflows/ci.yml || fail "ci.yml does not run on pushes"
publish=.github/workflows/publish.yml
grep -Eq "^    tags:" "$publish" || fail "publish.yml does not run on version tags"
grep -Eq '^ +id-token: write' "$publish" || fail "publish.yml does not grant id-token: write (needed for npm provenance)"
grep -Eq 'npm publish --provenance --access public' "$publish" || fail "publish.yml does not run 'npm publish --provenance --access public'"
grep -Eq 'npm (test|run test:unit)' "$publish" || fail "publish.yml publishes without running the tests"
echo "==> publish.yml publishes from version tags with npm provenance, after the tests"
