// The problems the sweep found, each pinned by a plain example (the sweep finds them again, but
// these say what was wrong in words).
import type { IDataObject, INodeType, IWebhookFunctions } from 'n8n-workflow';

import { loadPackage, runNode } from '../helpers/engine';
import { EasemobPlatform, TencentPlatform, ThuliumPlatform } from './platforms';

const thulium = new ThuliumPlatform();
const tencent = new TencentPlatform();
const easemob = new EasemobPlatform();

beforeAll(async () => {
	await thulium.start();
	await tencent.start();
	await easemob.start();
	thulium.permissive();
	tencent.permissive();
	easemob.permissive();
});
afterAll(async () => {
	await thulium.stop();
	await tencent.stop();
	await easemob.stop();
});
beforeEach(() => {
	thulium.reset();
	tencent.reset();
	easemob.reset();
});

const one = (json: IDataObject) => ({ input: [{ json }], onError: 'continueRegularOutput' as const });

describe('text holding half of a surrogate pair (e.g. an emoji cut in two by another system)', () => {
	it('is refused by Thulium Start instead of reaching the query string as another character', async () => {
		// Before: "\ud800x" went out as client_name=%F0%90%81%B8 (U+10078), a character the item never held.
		const { output } = await runNode(
			'thuliumChat',
			{ resource: 'conversation', operation: 'start', chatQueueId: { __rl: true, mode: 'id', value: '3' }, additionalFields: { clientName: '={{ $json.name }}' } },
			thulium.credentials(),
			one({ name: '\ud800x' }),
		);
		expect(output[0][0].json.error).toMatch(/^Client First Name contains a broken character .*\[item 0\]$/);
		expect(thulium.requests()).toHaveLength(0);
	});

	it('is refused by Thulium Delete Content instead of failing with "URI malformed"', async () => {
		const { output } = await runNode(
			'thuliumChat',
			{ resource: 'conversation', operation: 'deleteContent', conversationId: '={{ $json.id }}', participant: 'both' },
			thulium.credentials(),
			one({ id: 'ab\udc00' }),
		);
		expect(output[0][0].json.error).toMatch(/^Conversation ID contains a broken character .*\[item 0\]$/);
		expect(thulium.requests()).toHaveLength(0);
	});

	it('is refused by Tencent Send instead of being sent as a lone \\ud83d escape', async () => {
		const { output } = await runNode(
			'tencentCloudChat',
			{ resource: 'message', operation: 'send', toAccount: 'user_1', messageType: 'text', text: '={{ $json.text }}' },
			tencent.credentials(),
			one({ text: 'see you \ud83d' }),
		);
		expect(output[0][0].json.error).toMatch(/^Text contains a broken character .*\[item 0\]$/);
		expect(tencent.requests()).toHaveLength(0);
	});
});

describe('Tencent Get History dates', () => {
	const history = (sentBefore: unknown) =>
		runNode(
			'tencentCloudChat',
			{ resource: 'message', operation: 'getHistory', operatorAccount: 'a', peerAccount: 'b', limit: 10, filters: { sentBefore: '={{ $json.before }}' } },
			tencent.credentials(),
			one({ before: sentBefore as IDataObject[keyof IDataObject] }),
		);

	it.each([
		['before 1970', '1969-12-31T23:59:59Z', /^Sent Before is out of range \[item 0\]$/],
		['negative milliseconds', -1, /^Sent Before is out of range \[item 0\]$/],
		['beyond 2106', 1e20, /^Sent Before is out of range \[item 0\]$/],
		['a list that only looks like a year', [2020], /^Sent Before is not a date \[item 0\]$/],
		['an object whose toString is not a function', { toString: 'x' }, /^Sent Before is not a date \[item 0\]$/],
	])('refuses %s with the parameter named and nothing sent', async (_name, value, message) => {
		// Before: out-of-range values went out as MaxTime -1 or 100000000000000000, a list was read as
		// a year, and the object crashed with "Cannot convert object to primitive value".
		const { output } = await history(value);
		expect(output[0][0].json.error).toMatch(message);
		expect(tencent.requests()).toHaveLength(0);
	});

	it('still takes an ISO date', async () => {
		const { output, error } = await history('2026-01-31T12:00:00Z');
		expect(error).toBeUndefined();
		expect(output.flat().filter((item) => item.json.error !== undefined)).toEqual([]);
		expect((tencent.requests()[0].json as IDataObject).MaxTime).toBe(Date.parse('2026-01-31T12:00:00Z') / 1000);
	});
});

describe('an Easemob answer that echoes the app token', () => {
	afterEach(() => easemob.override(undefined));

	it('does not carry the token into the error', async () => {
		// Before: the transport knew only the token stored before the run (empty); the token n8n
		// fetched in preAuthentication went into the error as the API wrote it.
		const fakeHandle = Object.getPrototypeOf(easemob.fake).handle as Parameters<typeof easemob.override>[0] & object;
		easemob.override((req, reply) => {
			if (req.segments[2] === 'token') return fakeHandle.call(easemob.fake, req, reply);
			reply.json(400, { error: 'illegal_argument', error_description: `token ${String(req.headers.authorization).replace('Bearer ', '')} rejected` });
		});
		const { output, serialized } = await runNode('easemobIm', { resource: 'user', operation: 'get', username: 'user1' }, easemob.credentials(), one({}));
		const tokens = [...easemob.fake.tokens.keys()];
		expect(tokens.length).toBeGreaterThan(0);
		expect(String(output[0][0].json.error)).toMatch(/^Easemob: illegal_argument: token \*\*\* rejected/);
		for (const token of tokens) expect(serialized).not.toContain(token);
	});
});

describe('an Easemob REST API Host ending in "?" or "#" with nothing after it', () => {
	it('gives the credential test the address the nodes use', async () => {
		// Before: the test request was built from the host as typed ("https://a1.easemob.com//?" +
		// "/org/app"), so its path went into the query string; the nodes read the host with a URL parser.
		const type = (await loadPackage()).credentialTypes.easemobImApi.type;
		const credentials = { baseUrl: 'https://a1.easemob.com//?', orgName: 'org', appName: 'app', clientId: 'YXA6id', clientSecret: 'secret-value', accessToken: 'token-value' };
		if (typeof type.authenticate !== 'function') throw new Error('authenticate is expected to be a function');
		const options = await type.authenticate(credentials, { baseURL: 'https://a1.easemob.com//?/org/app', url: '/users', method: 'GET' });
		expect(options.baseURL).toBe('https://a1.easemob.com/org/app');
		expect(options.headers).toEqual({ Authorization: 'Bearer token-value' });
	});
});

describe('Thulium Chat Trigger bodies that are not Thulium events', () => {
	async function call(body: IDataObject, rawBody: Buffer): Promise<{ status?: number; started: boolean }> {
		const trigger = (await loadPackage()).loader.nodeTypes.thuliumChatTrigger.type as INodeType;
		let status: number | undefined;
		const response = { writeHead: (code: number) => (status = code), end: () => undefined };
		const ctx = {
			getRequestObject: () => ({ rawBody }),
			getResponseObject: () => response,
			getHeaderData: () => ({}),
			getBodyData: () => body,
			getNodeParameter: (name: string, fallback?: unknown) => ({ authentication: 'none', events: [], otherEvents: '' })[name] ?? fallback,
			getNode: () => ({ id: 'node-1', name: 'Thulium Chat Trigger', parameters: { authentication: 'none' } }),
			helpers: { returnJsonArray: (data: IDataObject) => [{ json: data }] },
		} as unknown as IWebhookFunctions;
		const result = await trigger.webhook!.call(ctx);
		return { status, started: result.workflowData !== undefined };
	}

	it('refuses a body without an action', async () => {
		// Before: any object, e.g. {} or {"foo": 1}, started the workflow as an event without an action.
		expect(await call({ conversation_id: 'abc' }, Buffer.from('{"conversation_id":"abc"}'))).toEqual({ status: 400, started: false });
		expect(await call({}, Buffer.from(''))).toEqual({ status: 400, started: false });
	});

	it('refuses a body over 1 MiB', async () => {
		// Before: there was no limit (the Tencent trigger refuses callbacks over 1 MiB).
		const body = { action: 'CHAT_CONVERSATION_CREATED', padding: 'x'.repeat(1024 * 1024) };
		expect(await call(body, Buffer.from(JSON.stringify(body)))).toEqual({ status: 413, started: false });
	});

	it('still takes an event', async () => {
		const body = { action: 'CHAT_CONVERSATION_CREATED', conversation_id: 'abc' };
		expect(await call(body, Buffer.from(JSON.stringify(body)))).toEqual({ status: 200, started: true });
	});
});

describe('Easemob IM Trigger bodies that are not Easemob callbacks (no secret set)', () => {
	async function call(body: unknown, rawBody: Buffer): Promise<{ status?: number; started: boolean }> {
		const trigger = (await loadPackage()).loader.nodeTypes.easemobImTrigger.type as INodeType;
		let status: number | undefined;
		const response = { writeHead: (code: number) => (status = code), end: () => undefined };
		const ctx = {
			getRequestObject: () => ({ rawBody }),
			getResponseObject: () => response,
			getBodyData: () => body,
			getNodeParameter: (name: string, fallback?: unknown) => ({ eventTypes: [], chatTypes: [], options: {} })[name] ?? fallback,
			getCredentials: async () => ({ orgName: 'org', appName: 'app', callbackSecret: '' }),
			getNode: () => ({ id: 'node-1', name: 'Easemob IM Trigger', parameters: {} }),
			getWorkflow: () => ({ id: 'wf-1' }),
			helpers: { returnJsonArray: (data: IDataObject) => [{ json: data }] },
		} as unknown as IWebhookFunctions;
		const result = await trigger.webhook!.call(ctx);
		return { status, started: result.workflowData !== undefined };
	}

	it('refuses a body without a callId', async () => {
		// Before: an empty or arbitrary JSON object started the workflow (and could be repeated at will).
		expect(await call({}, Buffer.from(''))).toEqual({ status: 400, started: false });
		expect(await call({ from: 'user1' }, Buffer.from('{"from":"user1"}'))).toEqual({ status: 400, started: false });
	});

	it('refuses a body over 1 MiB', async () => {
		const body = { callId: 'org#app_1', timestamp: Date.now(), padding: 'x'.repeat(1024 * 1024) };
		expect(await call(body, Buffer.from(JSON.stringify(body)))).toEqual({ status: 413, started: false });
	});

	it('still takes a callback', async () => {
		const body = { callId: `org#app_${Date.now()}`, timestamp: Date.now(), eventType: 'chat' };
		expect(await call(body, Buffer.from(JSON.stringify(body)))).toEqual({ status: 200, started: true });
	});
});
