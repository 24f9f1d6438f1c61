/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports */
// What each workflow in examples/ must do when it runs inside the real n8n app against the sandbox.
// Adding an example: put its workflow JSON into examples/ and an entry here, keyed by file name.
// The suite fails for an example file without an entry.
import type { IRun, INodeExecutionData } from 'n8n-workflow';

import type { FakeThulium } from '../fakes/fakeThulium';
import type { RunningSandbox } from './sandbox/platforms';
import { THULIUM_DEMO_CONVERSATIONS } from './sandbox/platforms';

/** The JSON items a node produced in a run (first run of the node, first output). */
export function nodeOutput(run: IRun, nodeName: string): unknown[] {
	const task = run.data.resultData.runData[nodeName]?.[0];
	if (!task) throw new Error(`node "${nodeName}" did not run`);
	const items: INodeExecutionData[] = task.data?.main?.[0] ?? [];
	return items.map((item) => item.json);
}

export interface ManualExample {
	kind: 'manual';
	/** Checks n8n's run and what the fake platforms received. */
	check: (run: IRun, sandbox: RunningSandbox) => void;
}

export interface WebhookExample {
	kind: 'webhook';
	/** Sent to http://<n8n>/webhook/<path> after the workflow is published. */
	request: { method: 'POST' | 'GET'; path: string; body?: unknown };
	/** Checks the HTTP answer and what the fake platforms received. n8n's saved execution is checked too. */
	check: (response: { status: number; body: unknown }, sandbox: RunningSandbox) => void;
}

export interface NotRunExample {
	kind: 'notRun';
	/** Why the suite cannot run it (e.g. it needs an AI model). It is still imported. */
	reason: string;
}

export type ExampleExpectation = ManualExample | WebhookExample | NotRunExample;

const thulium = (sandbox: RunningSandbox) => sandbox.get<FakeThulium>('thulium').fake;

export const EXAMPLES: Record<string, ExampleExpectation> = {
	'thulium-website-form-start-chat.json': {
		kind: 'webhook',
		request: {
			method: 'POST',
			path: 'website-form',
			body: { firstName: 'Jan', lastName: 'Kowalski', email: 'jan.kowalski@example.org' },
		},
		check: (response, sandbox) => {
			const fake = thulium(sandbox);
			const starts = fake.requests.filter((r) => r.method === 'POST' && r.rawPath === '/api/chat_conversations/start');
			expect(starts).toHaveLength(1);
			expect(Object.fromEntries(starts[0].query)).toEqual({
				chat_queue_id: '3',
				client_name: 'Jan',
				client_surname: 'Kowalski',
				client_email: 'jan.kowalski@example.org',
			});
			expect(starts[0].body).toBe('');
			expect(response.status).toBe(200);
			const id = (response.body as { conversation_id?: string }).conversation_id;
			expect(typeof id).toBe('string');
			const conversation = fake.conversations.get(id!);
			expect(conversation).toMatchObject({ chatQueueId: 3, status: 'ACTIVE', client: { client_name: 'Jan', client_email: 'jan.kowalski@example.org' } });
		},
	},
	'thulium-erase-chat-content.json': {
		kind: 'manual',
		check: (run, sandbox) => {
			expect(run.status).toBe('success');
			expect(run.data.resultData.error).toBeUndefined();
			expect(nodeOutput(run, 'Delete Content')).toEqual(
				THULIUM_DEMO_CONVERSATIONS.map((conversationId) => ({ deleted: true, conversationId, participant: 'both' })),
			);
			const fake = thulium(sandbox);
			expect(fake.requests.map((r) => `${r.method} ${r.rawPath}`)).toEqual(
				THULIUM_DEMO_CONVERSATIONS.map((id) => `DELETE /api/chat_conversations/content/${id}/both`),
			);
			for (const id of THULIUM_DEMO_CONVERSATIONS) {
				const messages = fake.conversations.get(id)!.messages;
				expect(messages.length).toBeGreaterThan(0);
				expect(messages.every((m) => m.content_deleted === true && m.text === '')).toBe(true);
			}
		},
	},
};
