// Takes a screenshot of a sandbox workflow in the n8n editor with headless Chromium (Debian's
// chromium package), driven over the DevTools protocol. Needs a running sandbox (npm start).
//   node scripts/screenshot.mjs <workflowId> <output.png> [editor base URL]
// Login comes from NCC_SANDBOX_EMAIL / NCC_SANDBOX_PASSWORD (scripts/screenshot.sh sets them).
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

const [workflowId, output, base = 'http://127.0.0.1:5678'] = process.argv.slice(2);
if (!workflowId || !output) {
	console.error('usage: node scripts/screenshot.mjs <workflowId> <output.png> [editor base URL]');
	process.exit(2);
}
const chromium = process.env.CHROMIUM ?? '/usr/bin/chromium';
const profile = mkdtempSync(path.join(os.tmpdir(), 'ncc-chromium-'));
const browser = spawn(
	chromium,
	[
		'--headless',
		'--no-sandbox',
		'--disable-gpu',
		'--disable-quic',
		'--no-first-run',
		'--disable-background-networking',
		'--disable-component-update',
		'--disable-sync',
		`--user-data-dir=${profile}`,
		'--remote-debugging-address=127.0.0.1',
		'--remote-debugging-port=0',
		'--window-size=1440,810',
		'about:blank',
	],
	{ stdio: 'ignore', detached: true },
);
const stop = () => {
	try {
		process.kill(-browser.pid, 'SIGKILL');
	} catch {}
	rmSync(profile, { recursive: true, force: true });
};
process.on('exit', stop);

try {
	const portFile = path.join(profile, 'DevToolsActivePort');
	for (let i = 0; i < 100 && !existsSync(portFile); i++) await sleep(100);
	const port = readFileSync(portFile, 'utf8').split('\n')[0];
	const targets = await (await fetch(`http://127.0.0.1:${port}/json/list`)).json();
	const page = targets.find((t) => t.type === 'page');
	const ws = new WebSocket(page.webSocketDebuggerUrl);
	await new Promise((resolve, reject) => {
		ws.onopen = resolve;
		ws.onerror = reject;
	});
	let nextId = 0;
	const pending = new Map();
	// Every address the editor page asks for, to show that it loads nothing from outside the machine.
	const requested = new Set();
	ws.onmessage = (event) => {
		const message = JSON.parse(event.data);
		if (message.method === 'Network.requestWillBeSent') requested.add(new URL(message.params.request.url).origin);
		if (message.id && pending.has(message.id)) {
			const { resolve, reject } = pending.get(message.id);
			pending.delete(message.id);
			if (message.error) reject(new Error(message.error.message));
			else resolve(message.result);
		}
	};
	const send = (method, params = {}) =>
		new Promise((resolve, reject) => {
			const id = ++nextId;
			pending.set(id, { resolve, reject });
			ws.send(JSON.stringify({ id, method, params }));
		});
	const evaluate = async (expression) => {
		const { result, exceptionDetails } = await send('Runtime.evaluate', { expression, awaitPromise: true, returnByValue: true });
		if (exceptionDetails) throw new Error(exceptionDetails.exception?.description ?? exceptionDetails.text);
		return result.value;
	};
	const waitFor = async (expression, what, timeoutMs = 30000) => {
		const end = Date.now() + timeoutMs;
		while (Date.now() < end) {
			if (await evaluate(expression).catch(() => false)) return;
			await sleep(250);
		}
		throw new Error(`timed out waiting for ${what}`);
	};

	await send('Page.enable');
	await send('Runtime.enable');
	await send('Network.enable');
	await send('Emulation.setDeviceMetricsOverride', { width: 1440, height: 810, deviceScaleFactor: 1, mobile: false });

	// Log in the way the editor does: its browser ID in localStorage, sent as a header with the login.
	await send('Page.navigate', { url: `${base}/signin` });
	await waitFor('document.readyState === "complete"', 'the sign-in page');
	const status = await evaluate(`(async () => {
		localStorage.setItem('n8n-browserId', 'sandbox-screenshot');
		const r = await fetch('/rest/login', {
			method: 'POST',
			headers: { 'content-type': 'application/json', 'browser-id': 'sandbox-screenshot' },
			body: JSON.stringify(${JSON.stringify({ emailOrLdapLoginId: process.env.NCC_SANDBOX_EMAIL ?? '', password: process.env.NCC_SANDBOX_PASSWORD ?? '' })}),
		});
		return r.status;
	})()`);
	if (status !== 200) throw new Error(`login to the sandbox failed (HTTP ${status})`);

	await send('Page.navigate', { url: `${base}/workflow/${workflowId}` });
	await waitFor('document.querySelectorAll(".vue-flow__node").length > 0', 'the workflow canvas', 120000);
	await sleep(3000); // icons, fonts and the fit-to-view animation
	// Close the editor's production checklist popup so that the canvas shows in full.
	await evaluate(`document.querySelector('[data-test-id="suggested-actions-close"]')?.click()`);
	await sleep(1500);
	const { data } = await send('Page.captureScreenshot', { format: 'png' });
	writeFileSync(output, Buffer.from(data, 'base64'));
	console.log(`==> Screenshot written to ${output}`);
	const outside = [...requested].filter((origin) => !/^(https?:\/\/(127\.0\.0\.1|localhost)(:\d+)?|data:|blob:|null)$/.test(origin) && origin !== 'null');
	console.log(`    the editor page requested: ${[...requested].join(', ')}`);
	if (outside.length > 0) console.log(`!! the editor page contacted: ${outside.join(', ')}`);
	ws.close();
} catch (error) {
	console.error(`!! screenshot failed: ${error.message}`);
	process.exitCode = 1;
}
stop();
process.exit();
