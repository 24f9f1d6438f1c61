/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports */
// Contract tests from Tencent's own examples: each fixture in test/contract/fixtures/tencent holds a
// page's request and response example with its source URL. The node runs through n8n's engine with
// nock standing in for Tencent: the request it sends must have the documented shape (same fields and
// values; values the node chooses itself, such as MsgRandom, only the documented type) and the
// documented response must become the documented output.
import fs from 'node:fs';
import path from 'node:path';

import nock from 'nock';

import { verifyUserSig } from '../../fakes/fakeTencent';
import { runNode } from '../../helpers/engine';

interface TencentFixture {
	source: string;
	exampleFrom: string;
	region?: string;
	operation: { resource: string; operation: string };
	parameters: Record<string, unknown>;
	/** One entry per call the operation makes, in order. */
	request: { command: string; body: Record<string, unknown> } | Array<{ command: string; body: Record<string, unknown> }>;
	response: Record<string, unknown> | Array<Record<string, unknown>>;
	/** Fields whose value the node picks itself (compared by type: uint32). */
	nodeChooses?: string[];
	/** Optional fields the example shows that the node does not send, with the reason. */
	notSentByNode?: Record<string, string>;
	output: Array<Record<string, unknown>>;
}

const DIR = path.join(__dirname, '..', 'fixtures', 'tencent');
const fixtures = fs
	.readdirSync(DIR)
	.filter((f) => f.endsWith('.json'))
	.map((file) => ({ file, fixture: JSON.parse(fs.readFileSync(path.join(DIR, file), 'utf8')) as TencentFixture }));

const HOSTS: Record<string, string> = {
	china: 'https://console.tim.qq.com',
	singapore: 'https://adminapisgp.im.qcloud.com',
	riyadh: 'https://adminapiksa.im.qcloud.com',
};
const SDK_APP_ID = 1400000001;
const SECRET = ['contract', 'test', 'key'].join('-');

const isUint32 = (v: unknown) => typeof v === 'number' && Number.isInteger(v) && v >= 0 && v < 2 ** 32;

beforeAll(() => nock.disableNetConnect());
afterAll(() => nock.enableNetConnect());
afterEach(() => nock.cleanAll());

describe.each(fixtures)('$file', ({ fixture }) => {
	it(`sends the request of ${fixture.source} and turns its response into the documented output`, async () => {
		const region = fixture.region ?? 'china';
		const calls = Array.isArray(fixture.request) ? fixture.request : [fixture.request];
		const responses = Array.isArray(fixture.response) ? fixture.response : [fixture.response];
		const seen: Array<{ path: string; query: URLSearchParams; body: Record<string, unknown> }> = [];
		const scope = nock(HOSTS[region]);
		calls.forEach((call, i) => {
			scope
				.post(`/v4/${call.command}`)
				.query(true)
				.reply(200, (uri, body) => {
					const url = new URL(uri, HOSTS[region]);
					seen.push({ path: url.pathname, query: url.searchParams, body: body as Record<string, unknown> });
					return responses[i];
				});
		});
		const { output, error } = await runNode('tencentCloudChat', { ...fixture.operation, ...fixture.parameters } as never, {
			tencentCloudChatApi: { region, sdkAppId: String(SDK_APP_ID), secretKey: SECRET, adminIdentifier: 'administrator' },
		});
		expect(error).toBeUndefined();
		expect(scope.isDone()).toBe(true);
		calls.forEach((call, i) => {
			const sent = seen[i];
			expect(sent.path).toBe(`/v4/${call.command}`);
			// The common query of every command (https://www.tencentcloud.com/document/product/1047/34620).
			expect(sent.query.get('sdkappid')).toBe(String(SDK_APP_ID));
			expect(sent.query.get('identifier')).toBe('administrator');
			expect(sent.query.get('contenttype')).toBe('json');
			expect(isUint32(Number(sent.query.get('random')))).toBe(true);
			expect(verifyUserSig(sent.query.get('usersig') ?? '', { sdkAppId: SDK_APP_ID, identifier: 'administrator', secretKey: SECRET, now: Math.floor(Date.now() / 1000) })).toBe(0);
			// The documented body: the same fields, minus those the node leaves out, with the same values.
			const documented = { ...call.body };
			for (const field of Object.keys(fixture.notSentByNode ?? {})) delete documented[field];
			expect(Object.keys(sent.body).sort()).toEqual(Object.keys(documented).sort());
			for (const [field, value] of Object.entries(documented)) {
				if (fixture.nodeChooses?.includes(field)) expect(isUint32(sent.body[field])).toBe(true);
				else expect(sent.body[field]).toEqual(value);
			}
		});
		// Values the node picks itself appear in the output too: checked by type, the rest exactly.
		const actual = output[0].map((item) => {
			const json = { ...item.json };
			for (const field of fixture.nodeChooses ?? []) {
				if (field in json) {
					expect(isUint32(json[field])).toBe(true);
					json[field] = 0;
				}
			}
			return json;
		});
		expect(actual).toEqual(fixture.output);
	});
});

describe('regions', () => {
	it('Riyadh sends to adminapiksa.im.qcloud.com (https://trtc.io/zh/document/43087)', async () => {
		const scope = nock('https://adminapiksa.im.qcloud.com')
			.post('/v4/im_open_login_svc/account_import')
			.query(true)
			.reply(200, { ActionStatus: 'OK', ErrorCode: 0, ErrorInfo: '' });
		const { output, error } = await runNode('tencentCloudChat', { resource: 'user', operation: 'import', userId: 'ksa_user' }, {
			tencentCloudChatApi: { region: 'riyadh', sdkAppId: String(SDK_APP_ID), secretKey: SECRET, adminIdentifier: 'administrator' },
		});
		expect(error).toBeUndefined();
		expect(scope.isDone()).toBe(true);
		expect(output[0][0].json).toEqual({ imported: true, userId: 'ksa_user' });
	});
});
