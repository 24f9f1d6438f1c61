const { src, dest } = require('gulp');

// tsc emits the code; this copies the static files n8n loads next to it: icons and the codex
// files (<Node>.node.json: categories, aliases and documentation links for the nodes panel).
// encoding: false keeps binary icons intact (gulp 5 re-encodes as UTF-8 otherwise).
function buildIcons() {
	return src(['{nodes,credentials,icons}/**/*.{png,svg}', 'nodes/**/*.node.json', 'nodes/**/__schema__/**/*.json'], {
		base: '.',
		encoding: false,
	}).pipe(dest('dist'));
}

exports['build:icons'] = buildIcons;
