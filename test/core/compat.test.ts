/* eslint-disable @n8n/community-nodes/no-restricted-imports */
// The shared HTTP layer on both n8n majors, without the app: token refresh on a 401, error causes,
// network faults. n8n 2.x is the real request helper of n8n-core 2.41 (with n8n's 401 → refresh →
// repeat sequence around it); n8n 1.x is the same helper with the two differences of n8n 1.123
// (n8n-core 1.122.48, n8n-workflow 1.120.31) modelled, each cited below. The end-to-end suite runs
// the same paths in the real apps (npm run test:e2e and npm run test:e2e:n8n1).
import http from 'node:http';
import type { AddressInfo } from 'node:net';

import type { IExecuteFunctions, IHttpRequestOptions, INode, JsonObject } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import { findCause, keepFindable } from '../../nodes/shared/errors';
import { describeNetworkError, httpErrorFacts, sendWithCredential } from '../../nodes/shared/http';
import { n8nHttpRequest } from '../helpers/engine';

const request = n8nHttpRequest();
const node = { id: 'n1', name: 'Chat', type: 'test', typeVersion: 1, position: [0, 0], parameters: {} } as INode;

/**
 * n8n-workflow 1.x's NodeApiError: the same constructor as 2.x, but ExecutionBaseError redeclares
 * `cause` as a class field and assigns it only for non-Error causes, so an Error cause is dropped
 * (n8n-workflow 1.120.31 dist/cjs/errors/abstract/execution-base.error.js).
 */
function nodeApiError1x(error: unknown): NodeApiError {
	const wrapped = new NodeApiError(node, error as JsonObject);
	Object.defineProperty(wrapped, 'cause', { value: undefined, enumerable: true, writable: true });
	return wrapped;
}

type Major = 1 | 2;

/**
 * httpRequestWithAuthentication for a credential with an expirable token: preAuthentication when the
 * token is empty, the request, and on a thrown 401 one forced preAuthentication and one repeat
 * (n8n-core 1.122.48 request-helper-functions.js#httpRequestWithAuthentication; 2.41.1
 * request-helpers/authentication.js, the same sequence). On 1.x any truthy ignoreHttpStatusErrors
 * accepts every status (convertN8nRequestToAxios: `validateStatus = () => true`).
 */
function context(major: Major, credential: { token: string; refreshes: number }): IExecuteFunctions {
	const send = async (options: IHttpRequestOptions) => {
		const ignore = major === 1 && options.ignoreHttpStatusErrors ? true : options.ignoreHttpStatusErrors;
		return await request({ ...options, ignoreHttpStatusErrors: ignore, headers: { ...options.headers, Authorization: `Bearer ${credential.token}` } });
	};
	const refresh = () => {
		credential.refreshes++;
		credential.token = 'fresh';
	};
	const wrap = (error: unknown) => (major === 1 ? nodeApiError1x(error) : new NodeApiError(node, error as JsonObject));
	const httpRequestWithAuthentication = async (_type: string, options: IHttpRequestOptions) => {
		if (credential.token === '') refresh();
		try {
			return await send(options);
		} catch (error) {
			if ((error as { response?: { status?: number } }).response?.status === 401) {
				refresh();
				try {
					return await send(options);
				} catch (again) {
					throw wrap(again);
				}
			}
			throw wrap(error);
		}
	};
	return { getNode: () => node, helpers: { httpRequestWithAuthentication } } as unknown as IExecuteFunctions;
}

// A token-protected API: only the token "fresh" is accepted; `after` answers once it was.
let seen: string[] = [];
let after: (res: http.ServerResponse) => void;
const server = http.createServer((req, res) => {
	const auth = req.headers.authorization ?? '';
	seen.push(auth);
	if (auth !== 'Bearer fresh') {
		res.writeHead(401, { 'Content-Type': 'application/json' });
		res.end(JSON.stringify({ error: 'unauthorized', error_description: 'token expired' }));
		return;
	}
	after(res);
});
let url: string;

beforeAll(async () => {
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/messages`;
});
afterAll(async () => {
	server.closeAllConnections();
	await new Promise((resolve) => server.close(resolve));
});
beforeEach(() => {
	seen = [];
	after = (res) => {
		res.writeHead(200, { 'Content-Type': 'application/json' });
		res.end('{"ok":true}');
	};
});

const refreshing: Partial<IHttpRequestOptions> = { ignoreHttpStatusErrors: { ignore: true, except: [401] } };

describe.each([1, 2] as Major[])('sendWithCredential on n8n %i.x', (major) => {
	it('a 401 for an expired token leads to exactly one refresh and the answer', async () => {
		const credential = { token: 'stale', refreshes: 0 };
		const response = await sendWithCredential(context(major, credential), 'api', { method: 'POST', url, body: { a: 1 }, ...refreshing });
		expect(response).toMatchObject({ statusCode: 200, body: { ok: true } });
		expect(credential.refreshes).toBe(1);
		expect(seen.at(-1)).toBe('Bearer fresh');
		expect(seen.filter((auth) => auth === 'Bearer fresh')).toHaveLength(1);
	});

	it('a 401 that survives the refresh is thrown with its status and body', async () => {
		const credential = { token: 'stale', refreshes: 0 };
		after = (res) => {
			res.writeHead(401, { 'Content-Type': 'application/json' });
			res.end(JSON.stringify({ error: 'unauthorized', error_description: 'wrong host' }));
		};
		const error = await sendWithCredential(context(major, credential), 'api', { method: 'POST', url, ...refreshing }).then(
			() => undefined,
			(e: unknown) => e,
		);
		expect(describeNetworkError(error)).toMatchObject({ kind: 'http', httpStatus: 401, notSent: false });
		expect(httpErrorFacts(error)).toMatchObject({ status: 401, body: { error: 'unauthorized', error_description: 'wrong host' } });
		expect(credential.refreshes).toBe(1);
	});

	it('another status after the refresh comes back as an answer, body included', async () => {
		const credential = { token: 'stale', refreshes: 0 };
		after = (res) => {
			res.writeHead(429, { 'Content-Type': 'application/json', 'Retry-After': '2' });
			res.end(JSON.stringify({ error: 'Too Many Requests', error_description: 'reached api limit' }));
		};
		const response = await sendWithCredential(context(major, credential), 'api', { method: 'POST', url, ...refreshing });
		expect(response).toMatchObject({ statusCode: 429, body: { error: 'Too Many Requests' } });
		// n8n 1.x keeps no headers of a thrown answer; 2.x hands the 429 back directly.
		if (major === 2) expect(response.headers['retry-after']).toBe('2');
	});

	it('without a refresh request every status comes back and nothing is sent twice', async () => {
		const credential = { token: 'stale', refreshes: 0 };
		const response = await sendWithCredential(context(major, credential), 'api', { method: 'GET', url });
		expect(response.statusCode).toBe(401);
		expect(seen).toEqual(['Bearer stale']);
		expect(credential.refreshes).toBe(0);
	});

	it('a refused connection reads as never sent', async () => {
		const closed = http.createServer();
		await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
		const port = (closed.address() as AddressInfo).port;
		await new Promise((resolve) => closed.close(resolve));
		const error = await sendWithCredential(context(major, { token: 'fresh', refreshes: 0 }), 'api', { method: 'POST', url: `http://127.0.0.1:${port}/x` }).then(
			() => undefined,
			(e: unknown) => e,
		);
		expect(describeNetworkError(error)).toMatchObject({ kind: 'refused', code: 'ECONNREFUSED', notSent: true });
		expect(httpErrorFacts(error).status).toBeUndefined();
	});
});

describe('findCause', () => {
	class PlatformRefusal extends Error {
		readonly refusal = true;
	}
	const isRefusal = (candidate: unknown): candidate is PlatformRefusal => candidate instanceof PlatformRefusal;

	it('finds a kept error behind the wrapper of either major', () => {
		const refusal = keepFindable(new PlatformRefusal('The platform refused the client secret (invalid_grant)'));
		expect(findCause(new NodeApiError(node, refusal as unknown as JsonObject), isRefusal)).toBe(refusal);
		const wrapped1x = nodeApiError1x(refusal);
		expect(wrapped1x.cause).toBeUndefined();
		expect(findCause(wrapped1x, isRefusal)).toBe(refusal);
	});

	it('finds it when n8n rewrote the message (the original stays in `messages`)', () => {
		const refusal = keepFindable(new PlatformRefusal('The platform could not be reached (ECONNREFUSED)'));
		const wrapped1x = nodeApiError1x(refusal);
		expect(wrapped1x.message).not.toBe(refusal.message);
		expect(findCause(wrapped1x, isRefusal)).toBe(refusal);
	});

	it('finds nothing for another error', () => {
		keepFindable(new PlatformRefusal('The platform refused the client secret (invalid_grant)'));
		expect(findCause(nodeApiError1x(new Error('socket hang up')), isRefusal)).toBeUndefined();
		expect(findCause(undefined, isRefusal)).toBeUndefined();
	});
});
