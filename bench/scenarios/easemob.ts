 
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
		fake.deliveries.clear();
		fake.appLimit.clear();
		fake.userChannelLimit.clear();
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
