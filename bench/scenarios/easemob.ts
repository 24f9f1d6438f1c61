 
// Easemob IM: 100 REST calls per second per app (429 "reached api limit" beyond), bearer app
// tokens from POST /{org}/{app}/token, which the fake counts.
import { FakeEasemob } from '../../test/fakes/fakeEasemob';
import type { ClientConfig, FakeCounters, FakeHandle, RawOutcome, Scenario } from './types';

const APP = 'fake-app';

async function startEasemob(size: number, latencyMs: number): Promise<FakeHandle> {
	const fake = new FakeEasemob();
	const baseUrl = await fake.start();
	fake.server.latencyMs = latencyMs;
	for (let i = 0; i < size; i++) fake.addUser(APP, `user${i}`);
	fake.addUser(APP, 'bench-peer');
	// Token requests are counted over the row's whole process, warm-up included: the warm-up's token
	// is the one the measured run uses, so counting from "go" would always show 0.
	let tokensBeforeRow = 0;
	const resetCounters = () => {
		fake.server.reset();
		fake.rateLimitAnswers = 0;
		fake.sendLimitAnswers = 0;
		fake.rateLimitedRequests.length = 0;
		fake.deliveredBy.clear();
		fake.deliveries.clear();
		fake.clearLimits();
	};
	/** Messages Easemob counted (one per recipient or group of each delivered call) and over how long. */
	const messageCounters = () => {
		const sends = [...fake.deliveredBy.entries()].map(([req, ids]) => ({ at: req.at, units: ids.length })).sort((a, b) => a.at - b.at);
		/** The most messages that arrived within any `windowMs` (as Easemob counts them). */
		const peak = (windowMs: number) => {
			let most = 0;
			let sum = 0;
			let start = 0;
			for (const send of sends) {
				sum += send.units;
				while (sends[start].at <= send.at - windowMs) sum -= sends[start++].units;
				most = Math.max(most, sum);
			}
			return most;
		};
		return {
			messages: sends.reduce((n, send) => n + send.units, 0),
			sendSpanMs: sends.length > 1 ? sends[sends.length - 1].at - sends[0].at : 0,
			peakPerSecond: peak(1000),
			peakPerMinute: peak(60_000),
			sendLimitAnswers: fake.sendLimitAnswers,
		};
	};
	return {
		config: { baseUrl, orgName: fake.orgName, appName: APP, clientId: fake.clientId, clientSecret: fake.clientSecret },
		beginRow: () => {
			tokensBeforeRow = fake.tokenRequests;
		},
		resetCounters,
		counters: () => ({
			requests: fake.apiRequests.length,
			rateLimitAnswers: fake.rateLimitAnswers,
			tokenRequests: fake.tokenRequests - tokensBeforeRow,
			duplicateDeliveries: [...fake.deliveries.values()].reduce((n, count) => n + count - 1, 0),
			...messageCounters(),
		}),
		stop: async () => await fake.stop(),
	};
}

const credentials = (config: ClientConfig) => ({
	easemobImApi: {
		baseUrl: config.baseUrl,
		orgName: String(config.orgName),
		appName: String(config.appName),
		clientId: String(config.clientId),
		clientSecret: String(config.clientSecret),
		accessToken: '',
	},
});

/** The plain client fetches one token, then sends every item's request with it. */
function rawEasemob(method: 'POST' | 'DELETE', path: (i: number) => string, body: (i: number) => object) {
	return async (config: ClientConfig) => {
		const app = `/${encodeURIComponent(String(config.orgName))}/${encodeURIComponent(String(config.appName))}`;
		const answer = await fetch(`${config.baseUrl}${app}/token`, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify({ grant_type: 'client_credentials', client_id: config.clientId, client_secret: config.clientSecret }),
		});
		const { access_token: token } = (await answer.json()) as { access_token: string };
		return (i: number) => ({
			method,
			path: `${app}${path(i)}`,
			headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
			body: JSON.stringify(body(i)),
		});
	};
}

function classify(status: number, text: string): RawOutcome {
	if (status === 200) return 'ok';
	if (status === 429 && text.includes('reached api limit')) return 'rateLimited';
	// Sends over the messages Easemob counts per second or minute.
	if (status === 403 && text.includes('message send reach limit')) return 'rateLimited';
	return 'failed';
}

const tokenTarget = (counters: FakeCounters) => [
	{
		name: 'at most one Easemob token request per run',
		met: counters.tokenRequests <= 1,
		detail: `${counters.tokenRequests} token request(s) reached the fake from the row's process (warm-up and measured run together)`,
	},
	{
		name: 'no message delivered twice',
		met: counters.duplicateDeliveries === 0,
		detail: `${counters.duplicateDeliveries} duplicate deliveries`,
	},
];

const common = {
	limitPerSecond: 100,
	limitDocumented: true,
	limitNote: '100 calls/s per app (429 beyond)',
	pace: { requestsPerSecond: 100, maxConcurrent: 10 },
	startFake: startEasemob,
	classify,
	extraTargets: tokenTarget,
};

export const easemobConversationDelete: Scenario = {
	...common,
	id: 'easemob-conversation-delete',
	title: 'Easemob IM: Conversation → Delete (one per user)',
	node: {
		type: 'easemobIm',
		parameters: {
			resource: 'conversation',
			operation: 'delete',
			username: '={{ $json.user }}',
			conversationType: 'chat',
			conversationId: 'bench-peer',
			deleteRoamingMessages: false,
		},
		credentials,
		input: (i) => ({ user: `user${i}` }),
	},
	rawClient: rawEasemob('DELETE', (i) => `/users/user${i}/user_channel`, () => ({ channel: 'bench-peer', type: 'chat', delete_roam: false })),
};

export const easemobSendToUsers: Scenario = {
	...common,
	id: 'easemob-send-to-users',
	title: 'Easemob IM: Message → Send to Users',
	node: {
		type: 'easemobIm',
		parameters: {
			resource: 'message',
			operation: 'sendToUsers',
			to: '={{ $json.user }}',
			messageType: 'txt',
			text: 'Benchmark message',
		},
		credentials,
		input: (i) => ({ user: `user${i}` }),
	},
	rawClient: rawEasemob('POST', () => '/messages/users', (i) => ({ from: 'admin', to: [`user${i}`], type: 'txt', body: { msg: 'Benchmark message' } })),
};

/**
 * Targets for a send Easemob counts in messages: the share of the documented limit reached, in
 * messages (each group or recipient of a call one), and no send refused (403 or 429).
 */
function messageTargets(unit: string, limit: number, window: 'second' | 'minute') {
	return (counters: FakeCounters) => {
		// Between the first and the last call n - 1 intervals pass; the last call's messages start the next.
		const perCall = counters.requests > 0 ? counters.messages / counters.requests : 0;
		const rate = counters.sendSpanMs > 0 ? (counters.messages - perCall) / (counters.sendSpanMs / 1000) : 0;
		const peak = window === 'second' ? counters.peakPerSecond : counters.peakPerMinute;
		return [
			...tokenTarget(counters),
			{
				name: `no send refused by Easemob (403 "message send reach limit" or 429)`,
				met: counters.sendLimitAnswers === 0 && counters.rateLimitAnswers === 0,
				detail: `${counters.sendLimitAnswers} × 403, ${counters.rateLimitAnswers} × 429`,
			},
			{
				name: `share of the documented ${limit.toLocaleString('en-US')} ${unit} a ${window}, in ${unit} (never above)`,
				met: peak <= limit,
				detail: `busiest ${window}: ${peak.toLocaleString('en-US')} ${unit} = ${((100 * peak) / limit).toFixed(1)} %; on average ${rate.toFixed(1)} ${unit}/s (${counters.messages.toLocaleString('en-US')} in ${(counters.sendSpanMs / 1000).toFixed(1)} s)`,
			},
		];
	};
}

const GROUPS_PER_ITEM = 3;

/** Easemob counts 20 group messages a second per app, each group of a call one (and 20 calls a second). */
export const easemobSendToGroups: Scenario = {
	...common,
	id: 'easemob-send-to-groups',
	title: 'Easemob IM: Message → Send to Groups (3 groups per item)',
	limitPerSecond: 20 / GROUPS_PER_ITEM,
	limitNote: '20 group messages/s per app, each group counted (403 beyond); 3 groups per item → 6.7 items/s',
	pace: { requestsPerSecond: 20, maxConcurrent: 10 },
	extraTargets: messageTargets('group messages', 20, 'second'),
	node: {
		type: 'easemobIm',
		parameters: { resource: 'message', operation: 'sendToGroups', groupIds: '={{ $json.groups }}', messageType: 'txt', text: 'Benchmark message' },
		credentials,
		input: (i) => ({ groups: Array.from({ length: GROUPS_PER_ITEM }, (_, n) => `g${i * GROUPS_PER_ITEM + n}`) }),
	},
	rawClient: rawEasemob('POST', () => '/messages/chatgroups', (i) => ({
		to: Array.from({ length: GROUPS_PER_ITEM }, (_, n) => `g${i * GROUPS_PER_ITEM + n}`),
		type: 'txt',
		body: { msg: 'Benchmark message' },
	})),
};

const RECIPIENTS_PER_ITEM = 600;
const recipients = Array.from({ length: RECIPIENTS_PER_ITEM }, (_, n) => `user${n}`);

/** Easemob counts 6,000 one-to-one messages a minute per app, each recipient of a call one. */
export const easemobSendTo600Users: Scenario = {
	...common,
	id: 'easemob-send-to-600-users',
	title: 'Easemob IM: Message → Send to Users (600 recipients per item)',
	limitPerSecond: 6000 / 60 / RECIPIENTS_PER_ITEM,
	limitNote: '6,000 messages/min per app, each recipient counted (403 beyond); 600 recipients per item → 10 items/min',
	pace: { requestsPerSecond: 100, maxConcurrent: 10 },
	extraTargets: messageTargets('messages', 6000, 'minute'),
	node: {
		type: 'easemobIm',
		parameters: { resource: 'message', operation: 'sendToUsers', to: '={{ $json.to }}', messageType: 'txt', text: '={{ "Benchmark message " + $json.n }}' },
		credentials,
		input: (i) => ({ n: i, to: recipients }),
	},
	rawClient: rawEasemob('POST', () => '/messages/users', (i) => ({ to: recipients, type: 'txt', body: { msg: `Benchmark message ${i}` } })),
};

/** POST /users/batch/status: 50 calls a second per app (429 beyond), one user per item here. */
export const easemobOnlineStatus: Scenario = {
	...common,
	id: 'easemob-online-status',
	title: 'Easemob IM: User → Get Online Status (one user per item)',
	limitPerSecond: 50,
	limitNote: '50 online-status calls/s per app (429 beyond)',
	pace: { requestsPerSecond: 50, maxConcurrent: 10 },
	node: {
		type: 'easemobIm',
		parameters: { resource: 'user', operation: 'getOnlineStatus', usernames: '={{ $json.user }}' },
		credentials,
		input: (i) => ({ user: `user${i}` }),
	},
	rawClient: rawEasemob('POST', () => '/users/batch/status', (i) => ({ usernames: [`user${i}`] })),
};

const ROOMS_PER_ITEM = 10;

/** Easemob counts 100 chat room messages a second per app, each room of a call one (and 20 calls a second). */
export const easemobChatRoomSend: Scenario = {
	...common,
	id: 'easemob-chatroom-send',
	title: 'Easemob IM: Chat Room → Send Message (10 rooms per item)',
	limitPerSecond: 100 / ROOMS_PER_ITEM,
	limitNote: '100 chat room messages/s per app, each room counted (403 beyond), 20 calls/s (429 beyond); 10 rooms per item → 10 items/s',
	pace: { requestsPerSecond: 20, maxConcurrent: 10 },
	extraTargets: messageTargets('room messages', 100, 'second'),
	node: {
		type: 'easemobIm',
		parameters: { resource: 'chatRoom', operation: 'sendMessage', chatRoomIds: '={{ $json.rooms }}', messageType: 'txt', text: 'Benchmark message' },
		credentials,
		input: (i) => ({ rooms: Array.from({ length: ROOMS_PER_ITEM }, (_, n) => `room${i * ROOMS_PER_ITEM + n}`) }),
	},
	rawClient: rawEasemob('POST', () => '/messages/chatrooms', (i) => ({
		to: Array.from({ length: ROOMS_PER_ITEM }, (_, n) => `room${i * ROOMS_PER_ITEM + n}`),
		type: 'txt',
		body: { msg: 'Benchmark message' },
	})),
};
