/* eslint-disable @n8n/community-nodes/no-restricted-globals */
// No secret in any execution data: for every operation in the table and every error path (wrong
// secret, 5xx, answers that echo the request back, connection resets, refused connections, a hung
// server stopped by the user), the whole run as n8n stores it — output items, error objects with
// their causes and stacks — is serialized and searched for the password, the secret key, every
// UserSig and Basic auth value that went over the wire, and for their shapes.
import fc from 'fast-check';
import type { ICredentialDataDecryptedObject as Creds, IDataObject, INode } from 'n8n-workflow';

import type { Handler, Reply } from '../fakes/fakeServer';
import type { RunResult } from '../helpers/engine';
import { loadPackage, runNode } from '../helpers/engine';
import { Reader } from './model';
import { FakeEasemob } from '../fakes/fakeEasemob';
import type { EasemobPlatform, PlatformName } from './platforms';
import { REFUSED_URL, basicHeader, createPlatforms } from './platforms';
import type { OperationEntry } from './table';
import { OPERATIONS } from './table';
import { Tally } from './tally';

const platforms = createPlatforms();
const tally = new Tally('secrets');

beforeAll(async () => {
	for (const platform of Object.values(platforms)) {
		await platform.start();
		platform.permissive();
	}
});
afterAll(async () => {
	for (const platform of Object.values(platforms)) await platform.stop();
	tally.save();
});

/** Shapes of secrets, whatever their value: a signed URL, an auth header, a UserSig. */
const SECRET_SHAPES: RegExp[] = [
	/usersig=(?!\*\*\*)[^&"\s]/i,
	// A base64 token (with a digit, "+", "/" or "="), not words such as "Basic Configuration".
	/\bBasic\s+(?!\*\*\*)(?=[A-Za-z+/]*[0-9+/=])[A-Za-z0-9+/=]{8,}/,
	/\bBearer\s+(?!\*\*\*)[A-Za-z0-9._~+/=-]{6,}/,
	/eAE[A-Za-z0-9*_-]{60,}/,
];

/** A valid item for an operation (all optional fields present), found by the table's own model. */
function validItem(entry: OperationEntry, seed: number): { item: IDataObject; settings: { present: string[]; flags: Record<string, unknown> } } {
	const settings = { present: entry.optional ?? [], flags: entry.flags ? fc.sample(entry.flags, { numRuns: 1, seed })[0] : {} };
	const [item] = fc.sample(
		fc.record(entry.values).filter((v) => entry.expect(v as IDataObject, new Reader(), settings) !== undefined && JSON.stringify(v).length < 4000),
		{ numRuns: 1, seed },
	);
	return { item: item as IDataObject, settings };
}

interface ErrorPath {
	name: string;
	/** Changes to the credential values (e.g. a wrong password). */
	credentials?: (base: Creds) => Creds;
	/** Replaces the fake's API for this path. */
	handler?: Handler;
	cancelAfterMs?: number;
}

function echo(req: Parameters<Handler>[0]) {
	return { method: req.method, path: req.rawPath, query: Object.fromEntries(req.query), headers: req.headers, body: req.body };
}

const COMMON: ErrorPath[] = [
	{ name: 'success' },
	{ name: 'HTTP 500', handler: (_req, reply: Reply) => reply.text(500, '<html>Internal Server Error</html>', 'text/html') },
	{ name: 'HTTP 503 with JSON', handler: (_req, reply: Reply) => reply.json(503, { message: 'try later' }) },
	{ name: 'HTTP 400 echoing the request', handler: (req, reply: Reply) => reply.json(400, { errors: [{ message: `rejected ${req.method} ${req.rawPath}?${req.query.toString()} auth=${String(req.headers.authorization)}`, code: 400 }], echo: echo(req) }) },
	{ name: 'HTTP 401 echoing the request', handler: (req, reply: Reply) => reply.json(401, { message: `bad credentials ${String(req.headers.authorization)}`, echo: echo(req) }) },
	{ name: 'plain-text error echoing the URL', handler: (req, reply: Reply) => reply.text(502, `upstream failed for ${req.rawPath}?${req.query.toString()} ${String(req.headers.authorization)}`) },
	{ name: 'connection reset', handler: (_req, reply: Reply) => reply.reset() },
	{ name: 'server hangs, execution stopped', handler: (_req, reply: Reply) => reply.hang(), cancelAfterMs: 400 },
	{ name: 'connection refused', credentials: (c) => withBase(c, REFUSED_URL) },
];

function withBase(c: Creds, url: string): Creds {
	return 'customBaseUrl' in c ? { ...c, customBaseUrl: url } : { ...c, baseUrl: url };
}

/** Easemob: app tokens are issued as usual, every other call is answered by `handler`. */
function easemobWithToken(handler: Handler): Handler {
	const fakeHandle = (FakeEasemob.prototype as unknown as { handle: Handler }).handle;
	return (req, reply) => (req.method === 'POST' && req.segments[2] === 'token' ? fakeHandle.call((platforms.easemob as EasemobPlatform).fake, req, reply) : handler(req, reply));
}

const PLATFORM_PATHS: Record<PlatformName, ErrorPath[]> = {
	easemob: [
		{ name: 'client secret of another app', credentials: (c) => ({ ...c, clientSecret: ['YXA6other', 'apps', 'client', 'value'].join('-') }) },
		{
			name: '401 unauthorized on every call (new token once, then fail)',
			handler: easemobWithToken((_req, reply: Reply) =>
				reply.json(401, { error: 'unauthorized', exception: 'com.easemob.UnauthorizedException', timestamp: Date.now(), duration: 0, error_description: 'Unable to authenticate due to expired access token' }),
			),
		},
		{
			name: '400 echoing the Authorization header',
			handler: easemobWithToken((req, reply: Reply) =>
				reply.json(400, { error: 'illegal_argument', exception: 'com.easemob.IllegalArgumentException', timestamp: Date.now(), duration: 0, error_description: `bad request with Authorization: ${String(req.headers.authorization)} ${req.body}`, echo: echo(req) }),
			),
		},
		{
			name: '503 echoing the token on a send',
			handler: easemobWithToken((req, reply: Reply) => reply.json(503, { error: 'service_unavailable', error_description: `retry later; token ${String(req.headers.authorization).replace(/^Bearer /, '')}` })),
		},
	],
	thulium: [{ name: 'wrong password', credentials: (c) => ({ ...c, password: ['Wr0ng', 'Pa55word!'].join('-') }) }],
	tencent: [
		{ name: 'wrong secret key', credentials: (c) => ({ ...c, secretKey: ['wrong', 'key', '0f1e2d3c4b5a69788796a5b4c3d2e1f0'].join('-') }) },
		{
			name: 'FAIL answer echoing the request',
			handler: (req, reply: Reply) =>
				reply.json(200, { ActionStatus: 'FAIL', ErrorCode: 90001, ErrorInfo: `bad request ${req.rawPath}?${req.query.toString()}`, echo: echo(req) }),
		},
		{ name: 'expired signature, every time', handler: (_req, reply: Reply) => reply.json(200, { ActionStatus: 'FAIL', ErrorCode: 70001, ErrorInfo: 'UserSig expired' }) },
	],
};

async function runPath(entry: OperationEntry, path: ErrorPath, continueOnFail: boolean, seed: number): Promise<{ result: RunResult; secrets: string[] }> {
	const platform = platforms[entry.platform];
	const base = platform.credentials()[platform.credential];
	const credentials = path.credentials ? path.credentials(base) : base;
	const { item, settings } = validItem(entry, seed);
	const before = platform.requests().length;
	const result = await runNode(entry.node, entry.parameters(settings), { [platform.credential]: credentials }, {
		onError: continueOnFail ? 'continueRegularOutput' : undefined,
		input: [{ json: item }, { json: item }],
		cancelAfterMs: path.cancelAfterMs,
	});
	// Every password field and hidden field (tokens) of the credential type is a secret.
	const type = (await loadPackage()).credentialTypes[platform.credential].type;
	const fields = type.properties.filter((p) => p.typeOptions?.password === true || p.type === 'hidden').map((p) => String(credentials[p.name] ?? ''));
	const secrets = [...platform.secrets(), ...fields].filter((s) => s.length >= 6);
	if (credentials.password !== undefined) {
		const header = basicHeader(String(credentials.username), String(credentials.password));
		secrets.push(header, header.slice('Basic '.length));
	}
	for (const req of platform.requests().slice(before)) {
		const sig = req.query.get('usersig');
		if (sig) secrets.push(sig);
		if (req.headers.authorization) secrets.push(req.headers.authorization, req.headers.authorization.replace(/^\w+\s+/, ''));
	}
	return { result, secrets };
}

function leaks(serialized: string, secrets: string[]): string[] {
	const found = secrets.filter((s) => serialized.includes(s)).map((s) => `value ${s.slice(0, 12)}…`);
	for (const shape of SECRET_SHAPES) {
		const match = shape.exec(serialized);
		if (match) found.push(`shape ${shape.source}: …${serialized.slice(Math.max(0, match.index - 60), match.index + 40)}…`);
	}
	return found;
}

const PATHS: Array<ErrorPath & { platforms: PlatformName[] }> = [
	...COMMON.map((path) => ({ ...path, platforms: Object.keys(platforms) as PlatformName[] })),
	...(Object.keys(PLATFORM_PATHS) as PlatformName[]).flatMap((name) => PLATFORM_PATHS[name].map((path) => ({ ...path, platforms: [name] }))),
];

describe('no secret in execution data', () => {
	it.each(PATHS)('$name: every operation, stop and continue on fail', async (path) => {
		const involved = path.platforms.map((name) => platforms[name]);
		for (const platform of involved) {
			platform.reset();
			platform.override(path.handler);
		}
		try {
			// Operations run side by side: retries with backoff make some paths take seconds.
			const entries = OPERATIONS.filter((e) => path.platforms.includes(e.platform));
			const runs = await Promise.all(
				entries.flatMap((entry, i) => [false, true].map(async (cof) => ({ entry, cof, ...(await runPath(entry, path, cof, 7 + i)) }))),
			);
			for (const { entry, cof, result, secrets } of runs) {
				const where = `${entry.title} (${cof ? 'continue' : 'stop'} on fail, ${path.name})`;
				expect({ where, leaks: leaks(result.serialized, secrets) }).toEqual({ where, leaks: [] });
				if (path.name === 'success') expect({ where, error: result.error?.message }).toEqual({ where, error: undefined });
				else if (!cof) expect({ where, failed: result.error !== undefined }).toEqual({ where, failed: true });
				else expect({ where, outputs: result.output.flat().length }).toEqual({ where, outputs: 2 });
				const node = (result.error as { node?: INode } | undefined)?.node;
				expect(JSON.stringify(node?.credentials ?? {})).not.toMatch(/password|secret/i);
				tally.add(`${entry.title}`, 'cases');
				tally.add(`${entry.title}`, 'no-secret-leaked');
			}
		} finally {
			for (const platform of involved) platform.override(undefined);
		}
	}, 120_000);
});

// The transport's own 30-second timeout, end to end. Opt-in (ADVERSARIAL_SLOW=1): it waits 30 s.
const slow = process.env.ADVERSARIAL_SLOW === '1' ? it : it.skip;
slow('client timeout (30 s): Thulium Start, no secret in execution data', async () => {
	const entry = OPERATIONS.find((e) => e.title === 'thuliumChat / conversation / start')!;
	const path: ErrorPath = { name: 'client timeout', handler: (_req, reply: Reply) => reply.hang() };
	platforms.thulium.reset();
	platforms.thulium.override(path.handler);
	try {
		const { result, secrets } = await runPath(entry, path, true, 7);
		expect(leaks(result.serialized, secrets)).toEqual([]);
		expect(String(result.output.flat()[0]?.json.error)).toMatch(/did not answer in time/);
	} finally {
		platforms.thulium.override(undefined);
	}
}, 120_000);
