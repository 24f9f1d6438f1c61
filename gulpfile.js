const { src, dest } = require('gulp');

// tsc emits the code and the codex JSON; this copies the static files n8n loads next to them.
// encoding: false keeps binary icons intact (gulp 5 re-encodes as UTF-8 otherwise).
function buildIcons() {
	return src(['{nodes,credentials,icons}/**/*.{png,svg}', 'nodes/**/__schema__/**/*.json'], {
		base: '.',
		encoding: false,
	}).pipe(dest('dist'));
}

exports['build:icons'] = buildIcons;
