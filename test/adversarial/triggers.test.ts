/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports */
// Forged, replayed, stale and malformed callbacks against the triggers, over real HTTP. A small
// server stands in for n8n's webhook server: it parses bodies the way n8n does (JSON for
// application/json, text for text/plain, fields for forms) except that a body that fails to parse is
// handed over as text, so the trigger itself must refuse it. Each generated callback is judged by an
// independent oracle; the trigger must start exactly one workflow for an authentic, well-formed,
// first-seen callback and none otherwise.
// Covering another trigger is adding an entry to TRIGGERS.
import { createHash, randomUUID } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';

import fc from 'fast-check';
import type { IDataObject, INodeType, IWebhookFunctions, IWebhookResponseData } from 'n8n-workflow';

import { loadPackage } from '../helpers/engine';
import { Tally } from './tally';

const SEED = Number(process.env.ADVERSARIAL_SEED ?? 20261123);
const RUNS = Number(process.env.ADVERSARIAL_TRIGGER_RUNS ?? 150);
const tally = new Tally('triggers');

interface Delivery {
	query: Record<string, string>;
	headers: Record<string, string>;
	body: string;
}

/** One trigger in the sweep. Covering another trigger is adding an entry to TRIGGERS. */
interface TriggerEntry<C> {
	node: string;
	/** Generated callbacks: authentic, forged, replayed, stale and malformed. */
	cases: fc.Arbitrary<C>;
	parameters(c: C): IDataObject;
	/** The trigger's credentials (by credential type) for this case. */
	credentials(c: C): Record<string, IDataObject>;
	build(c: C): Delivery;
	/** Independent oracle: would the platform have sent this, well-formed, for this workflow? */
	accepts(c: C, delivery: Delivery): boolean;
	/** Send the same delivery again: it must not start a second workflow. */
	replay(c: C): boolean;
	/** Values that must never come back in an answer or reach the workflow. */
	secrets: string[];
	checkAccepted(status: number, text: string, output: IDataObject): void;
	checkRefused(status: number, text: string): void;
}

interface Started {
	result: IWebhookResponseData;
}

let server: http.Server;
let baseUrl = '';
let current: { trigger: INodeType; parameters: IDataObject; credentials: Record<string, IDataObject> } | undefined;
const started: Started[] = [];

/** What n8n's body parser gives the node for a content type; unparsable JSON is passed on as text. */
function parseLikeN8n(contentType: string, text: string): unknown {
	const type = contentType.split(';')[0].trim().toLowerCase();
	if (text === '') return {};
	if (type === 'application/json') {
		try {
			return JSON.parse(text) as unknown;
		} catch {
			return text;
		}
	}
	if (type === 'application/x-www-form-urlencoded') return Object.fromEntries(new URLSearchParams(text));
	if (type === 'text/plain') return text;
	return {};
}

beforeAll(async () => {
	server = http.createServer((req, res) => {
		const chunks: Buffer[] = [];
		req.on('data', (c: Buffer) => chunks.push(c));
		req.on('end', () => {
			const url = new URL(req.url ?? '/', 'http://localhost');
			const text = Buffer.concat(chunks).toString('utf8');
			const { trigger, parameters, credentials } = current!;
			const ctx = {
				getResponseObject: () => res,
				getRequestObject: () => Object.assign(req, { rawBody: Buffer.concat(chunks), ip: req.socket.remoteAddress }),
				getCredentials: async (type: string) => {
					if (!credentials[type]) throw new Error(`no credential ${type}`);
					return credentials[type];
				},
				logger: { warn: () => undefined, info: () => undefined, debug: () => undefined, error: () => undefined },
				getHeaderData: () => req.headers,
				getQueryData: () => Object.fromEntries(url.searchParams),
				getBodyData: () => parseLikeN8n(String(req.headers['content-type'] ?? ''), text),
				getNodeParameter: (name: string, fallback?: unknown) => parameters[name] ?? fallback,
				getNode: () => ({ id: 'trigger-node', name: 'Trigger', type: 'trigger', typeVersion: 1, parameters }),
				getWorkflow: () => ({ id: 'wf-adversarial' }),
				getWorkflowStaticData: () => ({}),
				helpers: { returnJsonArray: (data: IDataObject | IDataObject[]) => (Array.isArray(data) ? data : [data]).map((json) => ({ json })) },
			} as unknown as IWebhookFunctions;
			trigger.webhook!.call(ctx).then(
				(result) => {
					if (result.workflowData) started.push({ result });
					if (!result.noWebhookResponse) {
						res.writeHead(200, { 'Content-Type': 'application/json' });
						res.end(JSON.stringify(result.webhookResponse ?? {}));
					}
				},
				(error: Error) => {
					// A thrown error is a crash of the trigger: n8n would answer 500.
					res.writeHead(500, { 'Content-Type': 'text/plain' });
					res.end(`crash: ${error.message}`);
				},
			);
		});
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
	await new Promise<void>((resolve) => server.close(() => resolve()));
	tally.save();
});

async function deliver(d: Delivery): Promise<{ status: number; text: string }> {
	const response = await fetch(`${baseUrl}/webhook?${new URLSearchParams(d.query).toString()}`, { method: 'POST', headers: d.headers, body: d.body });
	return { status: response.status, text: await response.text() };
}

// ---------------------------------------------------------------- Tencent Cloud Chat Trigger

const TOKEN = ['callback', 'token', 'for', 'tests'].join('-');
const APP = '1400123456';
const tencentSign = (token: string, time: string) => createHash('sha256').update(token + time).digest('hex');

type SignKind = 'valid' | 'valid-uppercase' | 'wrong-token' | 'other-time' | 'missing' | 'garbage';
type TimeKind = 'now' | 'recent' | 'stale' | 'future' | 'not-digits' | 'missing';
type BodyKind = 'valid' | 'invalid-json' | 'array' | 'string' | 'no-command' | 'command-mismatch' | 'command-object' | 'oversized' | 'empty';
type TypeKind = 'json' | 'json-charset' | 'text' | 'form' | 'missing' | 'xml';

interface TencentCase {
	tokenSet: boolean;
	sign: SignKind;
	time: TimeKind;
	offset: number;
	body: BodyKind;
	type: TypeKind;
	appMatches: boolean;
	expectApp: boolean;
	replay: boolean;
	text: string;
}

const anyTencentCase: fc.Arbitrary<TencentCase> = fc.record({
	tokenSet: fc.boolean(),
	sign: fc.constantFrom<SignKind>('valid', 'valid', 'valid', 'valid-uppercase', 'wrong-token', 'other-time', 'missing', 'garbage'),
	time: fc.constantFrom<TimeKind>('now', 'now', 'recent', 'stale', 'future', 'not-digits', 'missing'),
	offset: fc.integer({ min: 70, max: 10_000_000 }),
	body: fc.constantFrom<BodyKind>('valid', 'valid', 'valid', 'invalid-json', 'array', 'string', 'no-command', 'command-mismatch', 'command-object', 'oversized', 'empty'),
	type: fc.constantFrom<TypeKind>('json', 'json', 'json', 'json-charset', 'text', 'form', 'missing', 'xml'),
	appMatches: fc.boolean(),
	expectApp: fc.boolean(),
	replay: fc.boolean(),
	text: fc.string({ unit: 'grapheme', maxLength: 30 }),
});

const VALID: Pick<TencentCase, 'sign' | 'time' | 'body' | 'type' | 'appMatches'> = { sign: 'valid', time: 'now', body: 'valid', type: 'json', appMatches: true };
type Dimension = 'none' | 'signature' | 'body' | 'type' | 'app' | 'all';

/** Half the cases are authentic and well-formed but for at most one flaw; the rest vary everything. */
const tencentCase: fc.Arbitrary<TencentCase> = fc
	.tuple(anyTencentCase, fc.constantFrom<Dimension>('none', 'none', 'signature', 'body', 'type', 'app', 'all', 'all', 'all', 'all'))
	.map(([c, flaw]) => {
		if (flaw === 'all') return c;
		const keep: Partial<TencentCase> = {
			none: {},
			signature: { sign: c.sign, time: c.time },
			body: { body: c.body },
			type: { type: c.type },
			app: { appMatches: c.appMatches },
		}[flaw];
		return { ...c, ...VALID, ...keep };
	});

function buildTencent(c: TencentCase): Delivery {
	const now = Math.floor(Date.now() / 1000);
	const time = { now: String(now), recent: String(now - 20), stale: String(now - c.offset), future: String(now + c.offset), 'not-digits': `${now}.5`, missing: '' }[c.time];
	const unique = randomUUID();
	const command = 'C2C.CallbackAfterSendMsg';
	const message = { CallbackCommand: command, From_Account: 'jared', To_Account: 'Jonh', MsgKey: unique, MsgBody: [{ MsgType: 'TIMTextElem', MsgContent: { Text: c.text } }] };
	const body = {
		valid: JSON.stringify(message),
		'invalid-json': `${JSON.stringify(message).slice(0, -1)},`,
		array: JSON.stringify([message]),
		string: JSON.stringify(JSON.stringify(message)),
		'no-command': JSON.stringify({ ...message, CallbackCommand: undefined }),
		'command-mismatch': JSON.stringify({ ...message, CallbackCommand: 'Group.CallbackAfterSendMsg' }),
		'command-object': JSON.stringify({ ...message, CallbackCommand: { toString: command } }),
		oversized: JSON.stringify({ ...message, Padding: 'x'.repeat(1024 * 1024 + 10) }),
		empty: '',
	}[c.body];
	const contentType = { json: 'application/json', 'json-charset': 'application/json; charset=utf-8', text: 'text/plain', form: 'application/x-www-form-urlencoded', missing: '', xml: 'application/xml' }[c.type];
	const sign = {
		valid: tencentSign(TOKEN, time),
		'valid-uppercase': tencentSign(TOKEN, time).toUpperCase(),
		'wrong-token': tencentSign(`${TOKEN}x`, time),
		'other-time': tencentSign(TOKEN, String(now - 1)),
		missing: '',
		garbage: '../%00?#&=',
	}[c.sign];
	const query: Record<string, string> = { SdkAppid: c.appMatches ? APP : '1400999999', CallbackCommand: command, contenttype: 'json', ClientIP: '10.0.0.1', OptPlatform: 'RESTAPI' };
	if (sign !== '') query.Sign = sign;
	if (time !== '') query.RequestTime = time;
	return { query, headers: contentType ? { 'Content-Type': contentType } : {}, body };
}

/** Independent statement of which callbacks are authentic and well-formed. */
function tencentAccepts(c: TencentCase, delivery: Delivery): boolean {
	if (c.tokenSet) {
		const timeOk = c.time === 'now' || c.time === 'recent';
		const signOk = (c.sign === 'valid' || c.sign === 'valid-uppercase') && timeOk;
		if (!signOk) return false;
	}
	if (c.expectApp && !c.appMatches) return false;
	// Tencent posts JSON (contenttype=json in the query): the Content-Type header does not matter.
	if (c.body !== 'valid') return false;
	return delivery.body.length > 0;
}

const tencentTrigger: TriggerEntry<TencentCase> = {
	node: 'tencentCloudChatTrigger',
	cases: tencentCase,
	parameters: () => ({ events: [], otherEvents: '', responseMode: 'onReceived', options: {} }),
	credentials: (c) => ({ tencentCloudChatApi: { sdkAppId: c.expectApp ? APP : '', secretKey: 'unused-here', callbackToken: c.tokenSet ? TOKEN : '' } }),
	build: buildTencent,
	accepts: tencentAccepts,
	replay: (c) => c.replay && c.tokenSet,
	secrets: [TOKEN],
	checkAccepted: (status, text, output) => {
		expect(status).toBe(200);
		expect(JSON.parse(text)).toEqual({ ActionStatus: 'OK', ErrorCode: 0, ErrorInfo: '' });
		expect(output.Sign).toBeUndefined();
	},
	checkRefused: (status, text) => {
		expect(status).toBeGreaterThanOrEqual(400);
		expect(status).toBeLessThan(500);
		expect((JSON.parse(text) as IDataObject).ActionStatus).toBe('FAIL');
	},
};


// ---------------------------------------------------------------- Thulium Chat Trigger

const HOOK_USER = 'thulium-hook';
const HOOK_PASSWORD = ['hook', 'pass', 'word', '42'].join('-');

type ThuliumAuthKind = 'right' | 'right-lowercase-scheme' | 'wrong-password' | 'wrong-user' | 'missing' | 'bearer' | 'garbage';
type ThuliumBodyKind = 'valid' | 'no-action' | 'empty-action' | 'action-number' | 'oversized' | 'invalid-json' | 'array' | 'empty';
type ThuliumEncoding = 'json' | 'form' | 'text' | 'none';

interface ThuliumCase {
	authSet: boolean;
	auth: ThuliumAuthKind;
	body: ThuliumBodyKind;
	encoding: ThuliumEncoding;
	action: string;
	text: string;
}

const anyThuliumCase: fc.Arbitrary<ThuliumCase> = fc.record({
	authSet: fc.boolean(),
	auth: fc.constantFrom<ThuliumAuthKind>('right', 'right', 'right-lowercase-scheme', 'wrong-password', 'wrong-user', 'missing', 'bearer', 'garbage'),
	body: fc.constantFrom<ThuliumBodyKind>('valid', 'valid', 'valid', 'no-action', 'empty-action', 'action-number', 'oversized', 'invalid-json', 'array', 'empty'),
	encoding: fc.constantFrom<ThuliumEncoding>('json', 'json', 'form', 'text', 'none'),
	action: fc.constantFrom('CHAT_CONVERSATION_CREATED', 'chat_conversation_closed', 'CHAT_AGENT_ASSIGNED'),
	text: fc.string({ unit: 'grapheme', maxLength: 30 }),
});

const THULIUM_VALID: Pick<ThuliumCase, 'auth' | 'body' | 'encoding'> = { auth: 'right', body: 'valid', encoding: 'json' };

/** Half the cases are authentic and well-formed but for at most one flaw; the rest vary everything. */
const thuliumCase: fc.Arbitrary<ThuliumCase> = fc
	.tuple(anyThuliumCase, fc.constantFrom('none', 'auth', 'body', 'encoding', 'all', 'all', 'all'))
	.map(([c, flaw]) => {
		if (flaw === 'all') return c;
		const keep: Partial<ThuliumCase> = { none: {}, auth: { auth: c.auth }, body: { body: c.body }, encoding: { encoding: c.encoding } }[flaw] ?? {};
		return { ...c, ...THULIUM_VALID, ...keep };
	});

function buildThulium(c: ThuliumCase): Delivery {
	const event: Record<string, string | number> = { action: c.action, conversation_id: randomUUID(), chat_queue_id: 3, client_name: c.text };
	const fields: Record<string, string | number> | unknown[] =
		c.body === 'no-action'
			? { conversation_id: event.conversation_id, chat_queue_id: 3 }
			: c.body === 'empty-action'
				? { ...event, action: ' ' }
				: c.body === 'action-number'
					? { ...event, action: 7 }
					: c.body === 'oversized'
						? { ...event, padding: 'x'.repeat(1024 * 1024 + 10) }
						: c.body === 'array'
							? [event]
							: event;
	let text: string;
	if (c.body === 'empty') text = '';
	else if (c.body === 'invalid-json') text = `${JSON.stringify(fields).slice(0, -1)},`;
	else if (c.encoding === 'form' && !Array.isArray(fields)) text = new URLSearchParams(Object.entries(fields).map(([k, v]): [string, string] => [k, String(v)])).toString();
	else text = JSON.stringify(fields);
	const contentType = { json: 'application/json', form: 'application/x-www-form-urlencoded', text: 'text/plain', none: '' }[c.encoding];
	const headers: Record<string, string> = contentType ? { 'Content-Type': contentType } : {};
	const basic = (user: string, password: string) => Buffer.from(`${user}:${password}`).toString('base64');
	const authorization = {
		right: `Basic ${basic(HOOK_USER, HOOK_PASSWORD)}`,
		'right-lowercase-scheme': `basic ${basic(HOOK_USER, HOOK_PASSWORD)}`,
		'wrong-password': `Basic ${basic(HOOK_USER, `${HOOK_PASSWORD}x`)}`,
		'wrong-user': `Basic ${basic('someone', HOOK_PASSWORD)}`,
		missing: '',
		bearer: `Bearer ${HOOK_PASSWORD}`,
		garbage: 'Basic %%%',
	}[c.auth];
	if (authorization) headers.Authorization = authorization;
	return { query: {}, headers, body: text };
}

/** Independent statement: Basic auth when set, an object body (JSON or form) that names its action, at most 1 MiB. */
function thuliumAccepts(c: ThuliumCase, delivery: Delivery): boolean {
	if (c.authSet && c.auth !== 'right' && c.auth !== 'right-lowercase-scheme') return false;
	if (Buffer.byteLength(delivery.body, 'utf8') > 1024 * 1024) return false;
	// A form carries text only: an action given as a number arrives as the text "7".
	if (c.body === 'action-number' && c.encoding === 'form') return true;
	return c.body === 'valid';
}

const thuliumTrigger: TriggerEntry<ThuliumCase> = {
	node: 'thuliumChatTrigger',
	cases: thuliumCase,
	parameters: (c) => ({ events: [], otherEvents: '', authentication: c.authSet ? 'basicAuth' : 'none', options: {} }),
	credentials: () => ({ thuliumWebhookApi: { user: HOOK_USER, password: HOOK_PASSWORD } }),
	build: buildThulium,
	accepts: thuliumAccepts,
	// Thulium signs nothing: a copy of a delivery is a delivery.
	replay: () => false,
	secrets: [HOOK_PASSWORD, Buffer.from(`${HOOK_USER}:${HOOK_PASSWORD}`).toString('base64')],
	checkAccepted: (status, _text, output) => {
		expect(status).toBe(200);
		expect(typeof output.action).toBe('string');
		expect(output.action).toBe(String(output.action).toUpperCase());
	},
	checkRefused: (status) => {
		expect(status).toBeGreaterThanOrEqual(400);
		expect(status).toBeLessThan(500);
	},
};


// ---------------------------------------------------------------- Easemob IM Trigger

const EASEMOB_SECRET = ['callback', 'rule', 'secret', '7f3a'].join('-');
const easemobSign = (callId: string, secret: string, timestamp: number | string) => createHash('md5').update(`${callId}${secret}${String(timestamp)}`).digest('hex');

type EasemobSignKind = 'valid' | 'valid-uppercase' | 'wrong-secret' | 'other-timestamp' | 'other-callId' | 'missing' | 'garbage';
type EasemobTimeKind = 'now' | 'recent' | 'stale' | 'as-text' | 'missing';
type EasemobBodyKind = 'valid' | 'no-callId' | 'invalid-json' | 'array' | 'string' | 'oversized' | 'empty';
type EasemobTypeKind = 'json' | 'json-charset' | 'text' | 'form' | 'missing';

interface EasemobCase {
	secretSet: boolean;
	sign: EasemobSignKind;
	time: EasemobTimeKind;
	body: EasemobBodyKind;
	type: EasemobTypeKind;
	replay: boolean;
	text: string;
}

const anyEasemobCase: fc.Arbitrary<EasemobCase> = fc.record({
	secretSet: fc.boolean(),
	sign: fc.constantFrom<EasemobSignKind>('valid', 'valid', 'valid', 'valid-uppercase', 'wrong-secret', 'other-timestamp', 'other-callId', 'missing', 'garbage'),
	time: fc.constantFrom<EasemobTimeKind>('now', 'now', 'recent', 'stale', 'as-text', 'missing'),
	body: fc.constantFrom<EasemobBodyKind>('valid', 'valid', 'valid', 'no-callId', 'invalid-json', 'array', 'string', 'oversized', 'empty'),
	type: fc.constantFrom<EasemobTypeKind>('json', 'json', 'json', 'json-charset', 'text', 'form', 'missing'),
	replay: fc.boolean(),
	text: fc.string({ unit: 'grapheme', maxLength: 30 }),
});

const EASEMOB_VALID: Pick<EasemobCase, 'sign' | 'time' | 'body' | 'type'> = { sign: 'valid', time: 'now', body: 'valid', type: 'json' };

/** Half the cases are authentic and well-formed but for at most one flaw; the rest vary everything. */
const easemobCase: fc.Arbitrary<EasemobCase> = fc
	.tuple(anyEasemobCase, fc.constantFrom('none', 'none', 'signature', 'time', 'body', 'type', 'all', 'all', 'all', 'all'))
	.map(([c, flaw]) => {
		if (flaw === 'all') return c;
		const keep: Partial<EasemobCase> = { none: {}, signature: { sign: c.sign }, time: { time: c.time }, body: { body: c.body }, type: { type: c.type } }[flaw] ?? {};
		return { ...c, ...EASEMOB_VALID, ...keep };
	});

function buildEasemob(c: EasemobCase): Delivery {
	const now = Date.now();
	const timestamp: number | string | undefined = { now, recent: now - 60_000, stale: now - 16 * 60_000, 'as-text': String(now), missing: undefined }[c.time];
	const callId = `fake-org#fake-app_${randomUUID()}`;
	const signedAt = timestamp ?? '';
	const security = {
		valid: easemobSign(callId, EASEMOB_SECRET, signedAt),
		'valid-uppercase': easemobSign(callId, EASEMOB_SECRET, signedAt).toUpperCase(),
		'wrong-secret': easemobSign(callId, `${EASEMOB_SECRET}x`, signedAt),
		'other-timestamp': easemobSign(callId, EASEMOB_SECRET, now - 1),
		'other-callId': easemobSign(`${callId}x`, EASEMOB_SECRET, signedAt),
		missing: undefined,
		garbage: '../%00?#&=',
	}[c.sign];
	const message: IDataObject = {
		callId: c.body === 'no-callId' ? undefined : callId,
		eventType: 'chat',
		chat_type: 'chat',
		from: 'user1',
		to: 'user2',
		msg_id: '1029457500870543736',
		payload: { bodies: [{ type: 'txt', msg: c.text }] },
		securityVersion: '1.0.0',
		security,
		timestamp,
	};
	const body = {
		valid: JSON.stringify(message),
		'no-callId': JSON.stringify(message),
		'invalid-json': `${JSON.stringify(message).slice(0, -1)},`,
		array: JSON.stringify([message]),
		string: JSON.stringify(JSON.stringify(message)),
		oversized: JSON.stringify({ ...message, padding: 'x'.repeat(1024 * 1024 + 10) }),
		empty: '',
	}[c.body];
	const contentType = { json: 'application/json', 'json-charset': 'application/json; charset=utf-8', text: 'text/plain', form: 'application/x-www-form-urlencoded', missing: '' }[c.type];
	return { query: {}, headers: contentType ? { 'Content-Type': contentType } : {}, body };
}

/** Independent statement: a JSON object with a callId, at most 1 MiB, signed when a secret is set, not older than 15 minutes. */
function easemobAccepts(c: EasemobCase, delivery: Delivery): boolean {
	if (Buffer.byteLength(delivery.body, 'utf8') > 1024 * 1024) return false;
	// Easemob posts JSON: the body is read as JSON whatever the Content-Type header says.
	if (c.body !== 'valid') return false;
	if (c.secretSet) {
		if (c.time === 'missing') return false;
		if (c.sign !== 'valid' && c.sign !== 'valid-uppercase') return false;
	}
	return c.time !== 'stale';
}

const easemobTrigger: TriggerEntry<EasemobCase> = {
	node: 'easemobImTrigger',
	cases: easemobCase,
	parameters: () => ({ eventTypes: [], chatTypes: [], options: {} }),
	credentials: (c) => ({ easemobImApi: { orgName: 'fake-org', appName: 'fake-app', clientId: 'id', clientSecret: 'client-secret-unused', callbackSecret: c.secretSet ? EASEMOB_SECRET : '' } }),
	build: buildEasemob,
	accepts: easemobAccepts,
	// A repeated callId is refused (409) and starts nothing.
	replay: (c) => c.replay && c.body === 'valid',
	secrets: [EASEMOB_SECRET],
	checkAccepted: (status, text, output) => {
		expect(status).toBe(200);
		expect(JSON.parse(text)).toEqual({ received: true });
		expect(output.security).toBeUndefined();
	},
	checkRefused: (status, text) => {
		// Stale callbacks are acknowledged (Easemob would retry otherwise) but start nothing.
		if (status === 200) expect((JSON.parse(text) as IDataObject).ignored).toBe(true);
		else {
			expect(status).toBeGreaterThanOrEqual(400);
			expect(status).toBeLessThan(500);
		}
	},
};

const TRIGGERS = [tencentTrigger, thuliumTrigger, easemobTrigger] as Array<TriggerEntry<unknown>>;

describe.each(TRIGGERS.map((entry, index) => ({ entry, index, node: entry.node })))('$node', ({ entry, index }) => {
	beforeAll(async () => {
		const pkg = await loadPackage();
		current = { trigger: pkg.loader.nodeTypes[entry.node].type as INodeType, parameters: {}, credentials: {} };
	});

	it(`starts exactly one workflow for authentic, well-formed callbacks and none otherwise (${RUNS} runs)`, async () => {
		await fc.assert(
			fc.asyncProperty(entry.cases, async (c) => {
				current!.parameters = entry.parameters(c);
				current!.credentials = entry.credentials(c);
				started.length = 0;
				const delivery = entry.build(c);
				const accepted = entry.accepts(c, delivery);
				const first = await deliver(delivery);
				expect(first.text).not.toMatch(/^crash/);
				for (const secret of entry.secrets) expect(first.text).not.toContain(secret);
				tally.add(entry.node, 'cases');
				if (accepted) {
					expect(started).toHaveLength(1);
					const output = started[0].result.workflowData![0][0].json;
					entry.checkAccepted(first.status, first.text, output);
					for (const secret of entry.secrets) expect(JSON.stringify(output)).not.toContain(secret);
					tally.add(entry.node, 'accepted');
				} else {
					entry.checkRefused(first.status, first.text);
					expect(started).toHaveLength(0);
					tally.add(entry.node, 'rejected');
				}
				if (accepted && entry.replay(c)) {
					const again = await deliver(delivery);
					expect(again.text).not.toMatch(/^crash/);
					expect(started).toHaveLength(1);
					tally.add(entry.node, 'cases');
					tally.add(entry.node, 'rejected');
				}
			}),
			{ numRuns: RUNS, seed: SEED + index },
		);
	}, 120_000);
});

describe('tencentCloudChatTrigger, signature scope', () => {
	beforeAll(async () => {
		const pkg = await loadPackage();
		current = { trigger: pkg.loader.nodeTypes.tencentCloudChatTrigger.type as INodeType, parameters: {}, credentials: {} };
	});

	it('refuses a replay with another body under a captured Sign only when it is an exact copy', async () => {
		// Tencent's Sign covers the time only: a different body under the same Sign is indistinguishable
		// from a second genuine callback in the same second (documented in docs/security.md; the Allowed IPs option is the protection there).
		current!.parameters = { events: [], otherEvents: '', responseMode: 'onReceived', options: {} };
		current!.credentials = { tencentCloudChatApi: { sdkAppId: APP, secretKey: 'unused-here', callbackToken: TOKEN } };
		started.length = 0;
		const c: TencentCase = { tokenSet: true, sign: 'valid', time: 'now', offset: 0, body: 'valid', type: 'json', appMatches: true, expectApp: false, replay: true, text: 'hi' };
		const delivery = buildTencent(c);
		expect((await deliver(delivery)).status).toBe(200);
		expect((await deliver(delivery)).status).toBe(200);
		expect((await deliver({ ...delivery, body: delivery.body.replace('"hi"', '"hi again"') })).status).toBe(200);
		expect(started).toHaveLength(2);
	});
});
