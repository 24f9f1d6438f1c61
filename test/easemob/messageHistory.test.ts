/* eslint-disable @n8n/community-nodes/no-restricted-imports */
// Message → Get History through the real n8n engine against the fake export
// (test/fakes/fakeEasemobHistory.ts): the hour in the data centre's clock, the signed link, the
// download as binary data, the documented errors, and the 10-a-minute pace.
import { gunzipSync } from 'node:zlib';

import type { IDataObject, INodeParameters } from 'n8n-workflow';

import type { HistoryRecord } from '../fakes/fakeEasemobHistory';
import { FakeEasemob } from '../fakes/fakeEasemob';
import { items, runNode } from '../helpers/engine';
import type { EasemobCredentials } from './helpers';
import { credentialsFor, freshApp } from './helpers';

const fake = new FakeEasemob();
let app: string;
let credentials: EasemobCredentials;

/** The hour `hoursAgo` hours back, as yyyyMMddHH in UTC (the fake's host is not a China data centre). */
function utcHour(hoursAgo: number): string {
	return new Date(Date.now() - hoursAgo * 3600_000).toISOString().replace(/[-T:]/g, '').slice(0, 10);
}

const record = (n: number): HistoryRecord => ({
	msg_id: `10294575008705${n}`,
	timestamp: Date.now(),
	direction: 'outgoing',
	to: 'XXXX',
	from: 'XXXX',
	chat_type: 'chat',
	payload: { bodies: [{ msg: `hello ${n}`, type: 'txt' }], ext: {}, from: 'alice', to: 'bob' },
});

beforeAll(async () => {
	await fake.start();
});
afterAll(async () => await fake.stop());
beforeEach(() => {
	fake.reset();
	// A new app per test: the export's 10-a-minute limiter is per app and process.
	app = freshApp(fake);
	credentials = credentialsFor(fake, app);
});

const history = (extra: INodeParameters = {}): INodeParameters => ({ resource: 'message', operation: 'getHistory', hour: utcHour(2), ...extra });
const json = (output: Array<Array<{ json: IDataObject }>>) => output[0].map((item) => item.json);

describe('Easemob IM → Message → Get History', () => {
	it('asks for the hour and returns the signed link with its expiry', async () => {
		const hour = utcHour(2);
		fake.history.addExport(app, hour, [record(1)]);
		const { output, run } = await runNode('easemobIm', history(), credentials);
		expect(run.status).toBe('success');
		expect(fake.apiRequests.map((r) => `${r.method} ${r.rawPath}`)).toEqual([`GET /${fake.orgName}/${app}/chatmessages/${hour}`]);
		const [out] = json(output);
		expect(out).toEqual({ hour, found: true, url: expect.stringMatching(/\/history-files\/.+\.gz\?Expires=\d+&OSSAccessKeyId=.+&Signature=.+/), linkExpiresAt: expect.any(String) });
		expect(Date.parse(String(out.linkExpiresAt))).toBeGreaterThan(Date.now());
		expect(output[0][0].binary).toBeUndefined();
	});

	it('converts a date and time to the hour of the data centre: UTC here, Beijing time when chosen', async () => {
		// Each run on an app of its own, so that none waits for the 10-a-minute spacing.
		await runNode('easemobIm', history({ hour: '2026-12-06T09:30:00+02:00' }), credentials);
		await runNode('easemobIm', history({ hour: '2026-12-06T09:30:00+02:00', options: { clock: 'beijing' } }), credentialsFor(fake, freshApp(fake)));
		await runNode('easemobIm', history({ hour: '2026120617' }), credentialsFor(fake, freshApp(fake)));
		expect(fake.apiRequests.map((r) => r.segments[3])).toEqual(['2026120607', '2026120615', '2026120617']);
	});

	it('downloads the file as binary data that unpacks to one JSON record per line', async () => {
		const hour = utcHour(3);
		fake.history.addExport(app, hour, [record(1), record(2)]);
		const { output } = await runNode('easemobIm', history({ hour, download: true, binaryPropertyName: 'archive' }), credentials);
		const [item] = output[0];
		expect(item.json).toMatchObject({ hour, found: true });
		const file = item.binary?.archive;
		expect(file).toMatchObject({ fileName: `easemob-history-${hour}.gz`, mimeType: 'application/gzip' });
		const lines = gunzipSync(Buffer.from(String(file!.data), 'base64')).toString('utf8').trim().split('\n');
		expect(lines.map((l) => (JSON.parse(l) as HistoryRecord).payload.bodies[0].msg)).toEqual(['hello 1', 'hello 2']);
		expect(fake.history.downloads).toHaveLength(1);
		// The download goes to the storage link, without the app token.
		expect(fake.history.downloads[0].headers.authorization).toBeUndefined();
	});

	it('an hour without a file is an answer, not a failure', async () => {
		const { output, run } = await runNode('easemobIm', history({ hour: utcHour(5), download: true }), credentials);
		expect(run.status).toBe('success');
		expect(json(output)).toEqual([{ hour: utcHour(5), found: false, url: null, reason: expect.stringContaining('Failed to find chat message history download url') }]);
		expect(fake.history.downloads).toHaveLength(0);
	});

	it('an expired hour is a clear item error; a bad hour is refused before sending anything', async () => {
		const expired = await runNode('easemobIm', history({ hour: utcHour(24 * 4) }), credentials);
		expect(expired.error?.message).toContain('maybe chat message history is expired or unstored');
		expect(expired.error?.message).toContain('[item 0]');

		fake.server.reset();
		const { output } = await runNode('easemobIm', history({ hour: '={{ $json.h }}' }), credentials, {
			input: items(3, (i) => ({ h: ['2026023012', 'yesterday', ''][i] })),
			onError: 'continueRegularOutput',
		});
		expect(json(output).map((j) => j.error)).toEqual(['Hour "2026023012" is not a real date and hour [item 0]', 'Hour "yesterday" is not a date [item 1]', 'Hour is empty [item 2]']);
		expect(fake.apiRequests).toHaveLength(0);
	});

	it('a link that no longer works fails the item with advice to run again', async () => {
		const hour = utcHour(2);
		fake.history.addExport(app, hour, [record(1)]);
		fake.history.linkTtlMs = -1000;
		const { error } = await runNode('easemobIm', history({ download: true }), credentials);
		expect(error?.message).toBe(`The history file of hour ${hour} could not be downloaded (HTTP 403) [item 0]`);
		expect(error?.description).toContain('run the node again');
	});

	it('the fake refuses an 11th export within a minute with the 429 Easemob documents', async () => {
		await runNode('easemobIm', history({ hour: utcHour(1) }), credentials);
		const token = String(fake.apiRequests[0].headers.authorization);
		const statuses: number[] = [];
		for (let n = 0; n < 10; n++) {
			const response = await fetch(`${fake.server.baseUrl}/${fake.orgName}/${app}/chatmessages/${utcHour(2)}`, { headers: { Authorization: token } });
			statuses.push(response.status);
		}
		// One call came from the node: the 10th here is the app's 11th of the minute.
		expect(statuses).toEqual([...Array<number>(9).fill(404), 429]);
	});

	it('spaces exports to 10 a minute, so Easemob never refuses one', async () => {
		const hours = [utcHour(2), utcHour(3)];
		const { output } = await runNode('easemobIm', history({ hour: '={{ $json.h }}' }), credentials, { input: items(2, (i) => ({ h: hours[i] })) });
		expect(json(output).map((j) => j.hour)).toEqual(hours);
		const [first, second] = fake.apiRequests.map((r) => r.at);
		// One every 6 s (60 s / 10), a little more for headroom.
		expect(second - first).toBeGreaterThanOrEqual(6000);
		expect(fake.rateLimitAnswers).toBe(0);
	}, 20_000);
});
