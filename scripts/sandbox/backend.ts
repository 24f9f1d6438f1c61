/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports, no-console */
// The sandbox backend process behind `npm start`: the fake chat platforms on fixed loopback ports,
// with demo data. Writes the n8n credentials that point at them to the file given as the first
// argument (readable by the owner only), prints "sandbox backend ready", and runs until SIGINT/SIGTERM.
import { writeFileSync } from 'node:fs';

import { startSandbox } from '../../test/e2e/sandbox/platforms';

async function main(): Promise<void> {
	const credentialsFile = process.argv[2];
	if (!credentialsFile) throw new Error('usage: backend.js <credentials-output.json>');
	const sandbox = await startSandbox({ fixedPorts: true });
	writeFileSync(credentialsFile, JSON.stringify(sandbox.credentials, null, 2), { mode: 0o600 });
	for (const platform of sandbox.platforms) {
		console.log(`    fake ${platform.label} listening on ${platform.baseUrl}`);
	}
	let stopping = false;
	const shutdown = (signal: string) => {
		if (stopping) return;
		stopping = true;
		console.log(`==> Sandbox backend stopping (${signal})`);
		void sandbox.stop().then(() => process.exit(0));
	};
	process.on('SIGINT', () => shutdown('SIGINT'));
	process.on('SIGTERM', () => shutdown('SIGTERM'));
	console.log('==> sandbox backend ready');
}

main().catch((error: Error) => {
	console.error(`!! sandbox backend failed: ${error.message}`);
	process.exit(1);
});
