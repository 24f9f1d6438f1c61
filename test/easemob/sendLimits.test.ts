// Easemob sends against the documented limits and retry rules: messages counted per group and per
// recipient, rate answers waited out, and no repeat after a failure that leaves delivery unknown.
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { FakeEasemob } from '../fakes/fakeEasemob';
import { items, runNode } from '../helpers/engine';
import type { EasemobCredentials } from './helpers';
import { credentialsFor, freshApp, sendToUsersOfItem } from './helpers';

const fake = new FakeEasemob();
let app: string;
let credentials: EasemobCredentials;

beforeAll(async () => {
	await fake.start();
});
afterAll(async () => await fake.stop());
beforeEach(() => {
	fake.reset();
	// A fresh app per test: Easemob counts messages per app, and so do the node's budgets.
	app = freshApp(fake);
	credentials = credentialsFor(fake, app);
});

const sendToGroups = (extra: INodeParameters = {}): INodeParameters => ({
	resource: 'message',
	operation: 'sendToGroups',
	groupIds: '={{ $json.groups }}',
	messageType: 'txt',
	text: '={{ "Update " + $json.n }}',
	...extra,
});
const sendToUsers = sendToUsersOfItem;
const deliveredTwice = () => [...fake.deliveries.values()].filter((n) => n > 1).length;
/** Messages Easemob delivered since the last reset (one per recipient or group of each call). */
const delivered = () => [...fake.deliveredBy.values()].reduce((n, ids) => n + ids.length, 0);

describe('Easemob IM → Send to Groups: 20 group messages a second per app, each group counted', () => {
	it('60 items of 3 groups all succeed without a single 403 or 429, each group message delivered once', async () => {
		const { output, run } = await runNode('easemobIm', sendToGroups(), credentials, {
			input: items(60, (n) => ({ n, groups: ['g1', 'g2', 'g3'] })),
			onError: 'continueRegularOutput',
		});
		expect(run.status).toBe('success');
		const errors = output[0].filter((item) => item.json.error !== undefined).map((item) => item.json.error);
		expect(errors).toEqual([]);
		expect(output[0].every((item) => item.json.sent === true && Object.keys(item.json.messageIds as IDataObject).length === 3)).toBe(true);
		expect(fake.sendLimitAnswers).toBe(0);
		expect(fake.rateLimitAnswers).toBe(0);
		expect(fake.apiRequests).toHaveLength(60);
		expect(delivered()).toBe(180);
		expect(deliveredTwice()).toBe(0);
	});

	it('a 403 "message send reach limit" is waited out and the send repeated: Easemob delivered nothing', async () => {
		fake.messageSendReachLimit = 1;
		const { output, run } = await runNode('easemobIm', sendToGroups(), credentials, { input: items(1, (n) => ({ n, groups: 'g1,g2' })) });
		expect(run.status).toBe('success');
		expect(output[0][0].json).toMatchObject({ sent: true, recipients: 2 });
		expect(fake.apiRequests).toHaveLength(2);
		// The repeat came after Easemob's one-second window.
		expect(fake.apiRequests[1].at - fake.apiRequests[0].at).toBeGreaterThanOrEqual(950);
		expect(delivered()).toBe(2);
		expect(deliveredTwice()).toBe(0);
	});
});

describe('Easemob IM → Send to Users: 6,000 messages a minute per app, each recipient counted', () => {
	it('12 items of 600 recipients all succeed without a single 403, each message delivered once', async () => {
		const recipients = Array.from({ length: 600 }, (_, i) => `user${i}`);
		const { output, run } = await runNode('easemobIm', sendToUsers(), credentials, {
			input: items(12, (n) => ({ n, to: recipients })),
			onError: 'continueRegularOutput',
		});
		expect(run.status).toBe('success');
		const errors = output[0].filter((item) => item.json.error !== undefined).map((item) => item.json.error);
		expect(errors).toEqual([]);
		expect(output[0].map((item) => item.json.recipients)).toEqual(Array(12).fill(600));
		expect(fake.sendLimitAnswers).toBe(0);
		expect(fake.rateLimitAnswers).toBe(0);
		expect(fake.apiRequests).toHaveLength(12);
		expect(delivered()).toBe(7200);
		expect(deliveredTwice()).toBe(0);
		// 7,200 messages do not fit in one minute: the last calls waited for Easemob's window.
		const times = fake.apiRequests.map((r) => r.at);
		expect(Math.max(...times) - Math.min(...times)).toBeGreaterThanOrEqual(59_000);
	}, 150_000);
});

describe('Easemob IM → sends after a failure that leaves delivery unknown', () => {
	it('is not repeated by default after a 5xx, a dropped connection or a cut answer', async () => {
		fake.fail5xxAfterProcessing = 1;
		const first = await runNode('easemobIm', sendToUsers(), credentials, { input: items(1, (n) => ({ n, to: 'bob' })) });
		expect(first.error?.message).toBe('The message may have been delivered: Easemob answered bad_gateway: Bad Gateway [item 0]');

		fake.resetAfterProcessing = 1;
		const second = await runNode('easemobIm', sendToGroups(), credentials, { input: items(1, (n) => ({ n: n + 1, groups: 'g1' })) });
		expect(second.error?.message).toBe('The message may have been delivered: The connection was closed before the answer arrived [item 0]');

		let cuts = 1;
		fake.server.networkFault = (req) => (req.segments[2] === 'messages' && cuts-- > 0 ? { kind: 'reset' } : undefined);
		const third = await runNode('easemobIm', sendToUsers(), credentials, { input: items(1, (n) => ({ n: n + 2, to: 'carol' })) });
		fake.server.networkFault = undefined;
		expect(third.error?.message).toBe('The message may have been delivered: The connection was closed before the whole answer arrived [item 0]');

		// One request each, three messages delivered once.
		expect(fake.apiRequests).toHaveLength(3);
		expect(delivered()).toBe(3);
		expect(deliveredTwice()).toBe(0);
	});

	it('with "Retry When Delivery Is Unknown" on, is repeated (and may then arrive twice, as the option says)', async () => {
		fake.fail5xxAfterProcessing = 1;
		const { output, run } = await runNode('easemobIm', sendToUsers({ options: { retryWhenDeliveryUnknown: true } }), credentials, {
			input: items(1, (n) => ({ n, to: 'bob' })),
		});
		expect(run.status).toBe('success');
		expect(output[0][0].json).toMatchObject({ sent: true, recipients: 1 });
		expect(fake.apiRequests).toHaveLength(2);
		expect(deliveredTwice()).toBe(1);
	});

	it('a 5xx before anything was done is also unknown to the node: reported, not repeated', async () => {
		fake.fail5xx = 1;
		const { error } = await runNode('easemobIm', sendToGroups(), credentials, { input: items(1, (n) => ({ n, groups: 'g1' })) });
		expect(error?.message).toBe('The message may have been delivered: Easemob answered service_unavailable: The service is temporarily unavailable [item 0]');
		expect(fake.apiRequests).toHaveLength(1);
	});
});
