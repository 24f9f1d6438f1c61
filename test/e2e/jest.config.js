/** Jest config of the end-to-end suite (npm run test:e2e): the real n8n app, one test file at a time. */
/** @type {import('jest').Config} */
module.exports = {
	rootDir: '../..',
	testEnvironment: 'node',
	roots: ['<rootDir>/test/e2e'],
	testMatch: ['**/*.e2e.ts'],
	transform: {
		'^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.test.json' }],
	},
	// Each n8n CLI command starts the app (seconds; half a minute on a busy 2-core machine), and the
	// suites import several workflows in one hook.
	testTimeout: 600000,
	maxWorkers: 1,
};
