 
// Tencent Cloud Chat: 200 REST calls per second per app (error 60007 beyond), every request
// signed with a UserSig the fake verifies and counts.
import { randomInt } from 'node:crypto';

import { FakeTencent } from '../../test/fakes/fakeTencent';
// The plain client signs its requests with the package's own UserSig code (one signature).
import { generateUserSig } from '../../nodes/TencentCloudChat/transport/userSig';
import type { ClientConfig, FakeCounters, FakeHandle, RawOutcome, Scenario } from './types';

const RATE_LIMITED = new Set([60007, 60011, 60018, 60019]);

async function startTencent(size: number, latencyMs: number): Promise<FakeHandle> {
	const fake = new FakeTencent();
	const baseUrl = await fake.start();
	fake.server.latencyMs = latencyMs;
	for (let i = 0; i < size; i++) fake.addUsers(`user${i}`);
	fake.addUsers('bench-peer');
	const resetCounters = () => {
		fake.server.reset();
		fake.errorsAnswered = [];
		fake.userSigsSeen.clear();
		fake.deliveries.clear();
		fake.duplicatesDropped = 0;
		fake.messages = [];
		fake.rateLimit.clear();
	};
	return {
		config: {
			baseUrl,
			sdkAppId: fake.sdkAppId,
			secretKey: fake.secretKey,
			identifier: 'administrator',
		},
		resetCounters,
		counters: () => ({
			requests: fake.requests.length,
			rateLimitAnswers: fake.errorsAnswered.filter((c) => RATE_LIMITED.has(c)).length,
			userSigs: fake.userSigsSeen.size,
			duplicateDeliveries: [...fake.deliveries.values()].reduce((n, count) => n + count - 1, 0),
		}),
		stop: async () => await fake.stop(),
	};
}

const credentials = (config: ClientConfig) => ({
	tencentCloudChatApi: {
		region: 'custom',
		customBaseUrl: config.baseUrl,
		sdkAppId: String(config.sdkAppId),
		secretKey: String(config.secretKey),
		adminIdentifier: String(config.identifier),
	},
});

function signedPath(config: ClientConfig, command: string, userSig: string): string {
	const qs = new URLSearchParams({
		sdkappid: String(config.sdkAppId),
		identifier: String(config.identifier),
		usersig: userSig,
		random: String(randomInt(0, 2 ** 32)),
		contenttype: 'json',
	});
	return `/v4/${command}?${qs.toString()}`;
}

function rawTencent(command: string, body: (i: number) => object) {
	return async (config: ClientConfig) => {
		const userSig = generateUserSig({
			sdkAppId: Number(config.sdkAppId),
			secretKey: String(config.secretKey),
			identifier: String(config.identifier),
			expire: 86400,
			time: Math.floor(Date.now() / 1000),
		});
		return (i: number) => ({
			method: 'POST' as const,
			path: signedPath(config, command, userSig),
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify(body(i)),
		});
	};
}

function classify(status: number, text: string): RawOutcome {
	if (status !== 200) return 'failed';
	try {
		const answer = JSON.parse(text) as {
			ActionStatus?: string;
			ErrorCode?: number;
		};
		if (answer.ActionStatus === 'OK') return 'ok';
		return RATE_LIMITED.has(Number(answer.ErrorCode)) ? 'rateLimited' : 'failed';
	} catch {
		return 'failed';
	}
}

const signatureTarget = (counters: FakeCounters) => [
	{
		name: 'at most one UserSig computation per signature lifetime',
		met: counters.userSigs <= 1,
		detail: `${counters.userSigs} distinct UserSig(s) reached the fake`,
	},
];

const common = {
	limitPerSecond: 200,
	limitDocumented: true,
	limitNote: '200 calls/s per app (60007 beyond)',
	pace: { requestsPerSecond: 200, maxConcurrent: 20 },
	startFake: startTencent,
	classify,
	extraTargets: signatureTarget,
};

export const tencentConversationDelete: Scenario = {
	...common,
	id: 'tencent-conversation-delete',
	title: 'Tencent Cloud Chat: Conversation → Delete',
	node: {
		type: 'tencentCloudChat',
		parameters: {
			resource: 'conversation',
			operation: 'delete',
			fromAccount: '={{ $json.user }}',
			conversationType: 'c2c',
			toAccount: 'bench-peer',
		},
		credentials,
		input: (i) => ({ user: `user${i}` }),
	},
	rawClient: rawTencent('recentcontact/delete', (i) => ({
		From_Account: `user${i}`,
		Type: 1,
		To_Account: 'bench-peer',
		ClearRamble: 0,
	})),
};

export const tencentMessageSend: Scenario = {
	...common,
	id: 'tencent-message-send',
	title: 'Tencent Cloud Chat: Message → Send',
	node: {
		type: 'tencentCloudChat',
		parameters: {
			resource: 'message',
			operation: 'send',
			toAccount: '={{ $json.user }}',
			messageType: 'text',
			text: 'Benchmark message',
		},
		credentials,
		input: (i) => ({ user: `user${i}` }),
	},
	rawClient: rawTencent('openim/sendmsg', (i) => ({
		MsgBody: [{ MsgType: 'TIMTextElem', MsgContent: { Text: 'Benchmark message' } }],
		To_Account: `user${i}`,
		MsgRandom: randomInt(0, 2 ** 32),
	})),
};
