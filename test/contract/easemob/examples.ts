/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals */
// Runs the Easemob IM node against the examples of Easemob's pages (fixtures in
// test/contract/fixtures/easemob), with nock standing in for Easemob, token request included.
import fs from 'node:fs';
import path from 'node:path';

import nock from 'nock';
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { runNode } from '../../helpers/engine';

export interface DocRequest {
	method: string;
	path: string;
	query?: Record<string, string>;
	headers?: Record<string, string>;
	body?: unknown;
}
export interface DocExchange {
	request: DocRequest;
	response: { status: number; body: IDataObject };
}
export interface Fixture extends Partial<DocExchange> {
	source: string;
	sourceFile: string;
	/** Optional request fields of the example that the node does not offer, and why leaving them out changes nothing. */
	notSentByNode?: Record<string, string>;
	/** Examples that come as a sequence (paging). */
	pages?: DocExchange[];
}

export const FIXTURES = path.join(__dirname, '..', 'fixtures', 'easemob');
export const fixture = (name: string): Fixture => JSON.parse(fs.readFileSync(path.join(FIXTURES, `${name}.json`), 'utf8')) as Fixture;

const HOST = 'https://a1.easemob.com';
const token = fixture('token');
let appCounter = 0;

/** Nock for the whole test file: no real network, interceptors cleared after each test. */
export function useNock(): void {
	beforeAll(() => nock.disableNetConnect());
	afterAll(() => {
		nock.cleanAll();
		nock.enableNetConnect();
	});
	afterEach(() => nock.cleanAll());
}

/** The documented example body without the optional fields the node does not send. */
export function documentedBody(f: Fixture | DocExchange & Fixture, request: DocRequest): unknown {
	if (!request.body || Array.isArray(request.body) || !f.notSentByNode) return request.body;
	const body = { ...(request.body as IDataObject) };
	for (const field of Object.keys(f.notSentByNode)) delete body[field];
	return body;
}

/** The example's path with the test's org and app in place of the page's placeholders. */
function pathFor(request: DocRequest, org: string, app: string): string {
	const [, , , ...rest] = request.path.split('/');
	return `/${org}/${app}/${rest.join('/')}`;
}

interface Captured {
	method: string;
	path: string;
	query: Record<string, string>;
	headers: Record<string, string>;
	body: unknown;
}

/**
 * Runs the node against nock: a token request answered with the token page's example, then the
 * operation's example exchanges in order. Returns the node's output and what it sent.
 */
export async function runAgainstExamples(f: Fixture, parameters: INodeParameters) {
	// A new app per test: the token module keeps one token per app for the whole process.
	const org = 'XXXX';
	const app = `app${++appCounter}`;
	const credentials = {
		easemobImApi: { baseUrl: HOST, orgName: org, appName: app, clientId: (token.request!.body as IDataObject).client_id as string, clientSecret: (token.request!.body as IDataObject).client_secret as string, accessToken: '' },
	};
	const sent: Captured[] = [];
	let tokenBody: unknown;
	const scope = nock(HOST)
		.post(`/${org}/${app}/token`, (body: unknown) => {
			tokenBody = body;
			return true;
		})
		.reply(token.response!.status, token.response!.body);
	const exchanges: DocExchange[] = f.pages ?? [{ request: f.request!, response: f.response! }];
	for (const exchange of exchanges) {
		const { request, response } = exchange;
		const interceptor = scope.intercept(pathFor(request, org, app), request.method);
		let query: Record<string, string> = {};
		interceptor.query((q) => {
			query = Object.fromEntries(Object.entries(q).map(([key, value]) => [key, String(value)]));
			return true;
		});
		interceptor.reply(response.status, function (_uri: string, body: unknown) {
			sent.push({ method: request.method, path: pathFor(request, org, app), query, headers: this.req.headers as Record<string, string>, body });
			return response.body;
		});
	}
	const result = await runNode('easemobIm', parameters, credentials);
	expect(scope.isDone()).toBe(true);
	// The token request: the documented body (grant_type, client_id, client_secret; ttl is optional).
	const documentedToken = { ...(token.request!.body as IDataObject) };
	delete documentedToken.ttl;
	expect(tokenBody).toStrictEqual(documentedToken);
	// Every call carries the documented headers and the token page's token.
	for (const call of sent) {
		expect(call.headers.authorization).toBe(`Bearer ${String(token.response!.body.access_token)}`);
		expect(call.headers.accept).toMatch(/^application\/json/);
		if (call.body !== undefined && call.body !== '') expect(call.headers['content-type']).toMatch(/^application\/json/);
	}
	return { ...result, sent, exchanges };
}

export const json = (output: Array<Array<{ json: IDataObject }>>) => output[0].map((item) => item.json);
