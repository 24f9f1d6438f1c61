/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports, no-console, @n8n/community-nodes/require-node-api-error */
// The sandbox backend process behind `npm start`: the fake chat platforms on loopback ports, with
// demo data, and the request log. Each platform takes its default port (5701-5703), or the port in
// its environment variable (NCC_THULIUM_PORT, NCC_TENCENT_PORT, NCC_EASEMOB_PORT), and gives way to a
// free port when the default is taken (the one of the last start when it is free, so that the
// credentials stay the same); the request log page likewise (5700, NCC_LOG_PORT). Writes the n8n
// credentials that point at the fakes to the file given as the first argument (readable by the owner
// only), remembers the ports in the file given as the second, prints "sandbox backend ready", then
// every request as it comes, and runs until SIGINT/SIGTERM.
import { readFileSync, writeFileSync } from 'node:fs';

import { PLATFORMS, startSandbox } from '../../test/e2e/sandbox/platforms';
import { RequestLog } from './requestLog';

const LOG_PORT = 5700;

function portFromEnv(name: string): number | undefined {
	const value = process.env[name];
	if (value === undefined || value === '') return undefined;
	if (!/^\d{1,5}$/.test(value) || Number(value) > 65535) {
		console.error(`!! ${name}=${value} is not a port number`);
		process.exit(1);
	}
	return Number(value);
}

function readPorts(file: string | undefined): Record<string, number | undefined> {
	try {
		return file ? (JSON.parse(readFileSync(file, 'utf8')) as Record<string, number>) : {};
	} catch {
		return {};
	}
}

async function listenLog(log: RequestLog, previous: number | undefined): Promise<string> {
	const chosen = portFromEnv('NCC_LOG_PORT');
	try {
		return await log.listen(chosen ?? LOG_PORT);
	} catch (error) {
		if (chosen !== undefined || (error as NodeJS.ErrnoException).code !== 'EADDRINUSE') {
			throw new Error(`the request log page could not listen on 127.0.0.1:${chosen ?? LOG_PORT}: ${(error as Error).message}`);
		}
		const url = await log.listen(previous ?? 0).catch(async () => await log.listen(0));
		console.log(`    port ${LOG_PORT} (request log) is taken; using ${new URL(url).port} instead (set NCC_LOG_PORT to choose one)`);
		return url;
	}
}

async function main(): Promise<void> {
	const credentialsFile = process.argv[2];
	const portsFile = process.argv[3];
	if (!credentialsFile) throw new Error('usage: backend.js <credentials-output.json> [ports.json]');
	const ports = Object.fromEntries(PLATFORMS.map((p) => [p.key, portFromEnv(p.portEnv)]));
	const previousPorts = readPorts(portsFile);
	const sandbox = await startSandbox({ fixedPorts: true, ports, freePortWhenTaken: true, previousPorts });
	const log = new RequestLog();
	for (const platform of sandbox.platforms) platform.server.onExchange = log.recorder(platform.label);
	const logUrl = await listenLog(log, previousPorts.log).catch(async (error: Error) => {
		await sandbox.stop();
		throw error;
	});
	writeFileSync(credentialsFile, JSON.stringify(sandbox.credentials, null, 2), { mode: 0o600 });
	if (portsFile) {
		const used = Object.fromEntries(sandbox.platforms.map((p) => [p.key, Number(new URL(p.baseUrl).port)]));
		writeFileSync(portsFile, JSON.stringify({ ...previousPorts, ...used, log: Number(new URL(logUrl).port) }));
	}
	for (const platform of sandbox.platforms) {
		const port = Number(new URL(platform.baseUrl).port);
		const note = port === platform.defaultPort ? '' : ` (port ${platform.defaultPort} is taken; set ${platform.portEnv} to choose one)`;
		console.log(`    fake ${platform.label}: ${platform.baseUrl}${note}`);
	}
	console.log(`    request log: ${logUrl}`);
	let stopping = false;
	const shutdown = (signal: string) => {
		if (stopping) return;
		stopping = true;
		console.log(`==> Sandbox backend stopping (${signal})`);
		void Promise.all([sandbox.stop(), log.close()]).then(() => process.exit(0));
	};
	process.on('SIGINT', () => shutdown('SIGINT'));
	process.on('SIGTERM', () => shutdown('SIGTERM'));
	console.log('==> sandbox backend ready');
}

main().catch((error: Error) => {
	console.error(`!! sandbox backend failed: ${error.message}`);
	process.exit(1);
});
