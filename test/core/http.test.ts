/* eslint-disable @n8n/community-nodes/no-restricted-imports */
// describeNetworkError on the errors n8n's own HTTP helper throws for real network trouble.
import http from 'node:http';
import type { AddressInfo } from 'node:net';

import type { IHttpRequestOptions } from 'n8n-workflow';

import { describeNetworkError } from '../../nodes/shared/http';
import { n8nHttpRequest } from '../helpers/engine';

const n8nRequest = n8nHttpRequest();

type Answer = (res: http.ServerResponse) => void;
let answer: Answer;
const server = http.createServer((_req, res) => answer(res));
let url: string;

beforeAll(async () => {
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/x`;
});
afterAll(async () => await new Promise((resolve) => server.close(resolve)));

async function failureOf(options: Partial<IHttpRequestOptions> = {}): Promise<unknown> {
	try {
		await n8nRequest({ method: 'POST', url, json: true, body: { a: 1 }, ignoreHttpStatusErrors: true, returnFullResponse: true, ...options });
	} catch (error) {
		return error;
	}
	throw new Error('the request did not fail');
}

describe('describeNetworkError', () => {
	it('an answer cut off after a 200 status line is a reset, not an HTTP status', async () => {
		answer = (res) => {
			const body = Buffer.from(JSON.stringify({ ok: true, padding: 'x'.repeat(100) }));
			res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': String(body.length) });
			res.write(body.subarray(0, 40), () => res.socket?.destroy());
		};
		const variants: Array<IHttpRequestOptions['ignoreHttpStatusErrors']> = [true, { ignore: true, except: [401] }];
		for (const ignoreHttpStatusErrors of variants) {
			const problem = describeNetworkError(await failureOf({ ignoreHttpStatusErrors }));
			expect(problem).toMatchObject({ kind: 'reset', notSent: false, message: 'The connection was closed before the whole answer arrived' });
			expect(problem.httpStatus).toBeUndefined();
		}
	});

	it('an error status whose body is cut off is a reset too: what the body said is unknown', async () => {
		answer = (res) => {
			const body = Buffer.from(JSON.stringify({ error: 'Too Many Requests', error_description: 'This request has reached api limit' }));
			res.writeHead(429, { 'Content-Type': 'application/json', 'Content-Length': String(body.length) });
			res.write(body.subarray(0, 20), () => res.socket?.destroy());
		};
		expect(describeNetworkError(await failureOf({ ignoreHttpStatusErrors: { ignore: true, except: [401] } }))).toMatchObject({ kind: 'reset', notSent: false });
	});

	it('a connection closed before any answer is a reset', async () => {
		answer = (res) => res.socket?.destroy();
		expect(describeNetworkError(await failureOf())).toMatchObject({ kind: 'reset', code: 'ECONNRESET', notSent: false });
	});

	it('a 401 that n8n throws (not ignored) keeps its HTTP status', async () => {
		answer = (res) => {
			res.writeHead(401, { 'Content-Type': 'application/json' });
			res.end('{"error":"unauthorized"}');
		};
		expect(describeNetworkError(await failureOf({ ignoreHttpStatusErrors: { ignore: true, except: [401] } }))).toMatchObject({ kind: 'http', httpStatus: 401 });
	});

	it('a refused connection was never sent', async () => {
		const closed = http.createServer();
		await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
		const port = (closed.address() as AddressInfo).port;
		await new Promise((resolve) => closed.close(resolve));
		expect(describeNetworkError(await failureOf({ url: `http://127.0.0.1:${port}/x` }))).toMatchObject({ kind: 'refused', notSent: true });
	});
});
