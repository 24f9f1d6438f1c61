 
// Thulium publishes no rate limit. The node's default is a polite 20 requests per second; the
// benchmark sets the highest rate the node allows (100/s), so runs stay short, and compares
// against that rate.
import { FakeThulium } from '../../test/fakes/fakeThulium';
import type { ClientConfig, FakeHandle, Scenario } from './types';

const RATE = 100;

async function startThulium(size: number, latencyMs: number): Promise<FakeHandle> {
	const fake = new FakeThulium();
	const baseUrl = await fake.start();
	fake.server.latencyMs = latencyMs;
	for (let i = 0; i < size; i++) {
		fake.conversations.set(`conv-${i}`, {
			id: `conv-${i}`,
			chatQueueId: 3,
			client: {},
			status: 'CLOSED',
			createdAt: '2026-01-01 00:00:00.000',
			messages: [
				{ text: 'Hello, I need help', sent_by: 'customer' },
				{ text: 'Hi! How can I help?', sent_by: 'user' },
			],
		});
	}
	let tooMany = 0;
	const handle: FakeHandle = {
		config: { baseUrl, username: fake.username, password: fake.password },
		resetCounters: () => {
			fake.server.reset();
			tooMany = 0;
		},
		counters: () => ({
			requests: fake.requests.length,
			rateLimitAnswers: tooMany,
		}),
		stop: async () => await fake.stop(),
	};
	return handle;
}

const basic = (config: ClientConfig) => `Basic ${Buffer.from(`${String(config.username)}:${String(config.password)}`).toString('base64')}`;

export const thuliumDeleteContent: Scenario = {
	id: 'thulium-delete-content',
	title: 'Thulium Chat: Conversation → Delete Content',
	limitPerSecond: RATE,
	limitDocumented: false,
	limitNote: 'no documented limit; node set to 100/s, its maximum (default 20/s)',
	pace: { requestsPerSecond: RATE, maxConcurrent: 10 },
	startFake: startThulium,
	node: {
		type: 'thuliumChat',
		parameters: {
			resource: 'conversation',
			operation: 'deleteContent',
			conversationId: '={{ $json.conversation }}',
			participant: 'both',
			options: { requestsPerSecond: RATE },
		},
		credentials: (config) => ({
			thuliumApi: {
				baseUrl: config.baseUrl,
				username: String(config.username),
				password: String(config.password),
			},
		}),
		input: (i) => ({ conversation: `conv-${i}` }),
	},
	rawClient: async (config) => {
		const authorization = basic(config);
		return (i) => ({
			method: 'DELETE',
			path: `/api/chat_conversations/content/conv-${i}/both`,
			headers: { authorization, accept: 'application/json' },
		});
	},
	classify: (status) => (status >= 200 && status < 300 ? 'ok' : status === 429 ? 'rateLimited' : 'failed'),
};
