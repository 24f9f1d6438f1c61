// Lets Node run the benchmark and soak scripts (TypeScript) without a build step: every required
// .ts file is transpiled to CommonJS with the project's TypeScript, one file at a time (as ts-jest
// does with isolatedModules). Node's own type stripping cannot run parameter properties.
const fs = require('node:fs');
const ts = require('typescript');

const compilerOptions = {
	module: ts.ModuleKind.CommonJS,
	target: ts.ScriptTarget.ES2022,
	esModuleInterop: true,
	sourceMap: false,
	inlineSourceMap: true,
};

require.extensions['.ts'] = (module, filename) => {
	const source = fs.readFileSync(filename, 'utf8');
	const { outputText } = ts.transpileModule(source, {
		compilerOptions,
		fileName: filename,
	});
	module._compile(outputText, filename);
};

// n8n-core writes <N8N_USER_FOLDER>/.n8n/config: keep it in a throw-away folder, as the tests do.
if (!process.env.N8N_USER_FOLDER) {
	const os = require('node:os');
	const path = require('node:path');
	process.env.N8N_USER_FOLDER = fs.mkdtempSync(path.join(os.tmpdir(), 'ncc-bench-'));
}
process.env.N8N_LOG_LEVEL ??= 'silent';
