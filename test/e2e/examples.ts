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

/** A workflow file as the suite reads it (and may adapt before importing, see `prepare`). */
export interface WorkflowJson {
	id: string;
	name: string;
	nodes: Array<{ name: string; type: string; typeVersion: number; parameters: Record<string, unknown>; webhookId?: string }>;
	[key: string]: unknown;
}

interface ExampleBase {
	/**
	 * Adapts the workflow before the suite imports it (the file itself is untouched), e.g. a schedule
	 * interval of seconds instead of a night. The suite's own sandbox URLs are known by then.
	 */
	prepare?: (workflow: WorkflowJson, sandbox: RunningSandbox) => WorkflowJson;
}

export interface ManualExample extends ExampleBase {
	kind: 'manual';
	/** Checks n8n's run (`n8n execute --rawOutput`) and what the fake platforms received. */
	check: (run: IRun, sandbox: RunningSandbox) => void;
}

export interface HttpAnswer {
	status: number;
	headers: Record<string, string | string[] | undefined>;
	/** Parsed JSON, or the text when the answer is not JSON. */
	body: unknown;
}

export interface WebhookCall {
	/** Sent to http://<n8n>/webhook/<path>: a Webhook node's path, or "<webhookId>/<path>" of a trigger node. */
	request: { method: 'POST' | 'GET'; path: string; headers?: Record<string, string>; body?: unknown };
	/** Whether n8n must start (and save) an execution for it; false for a refused call. */
	startsExecution: boolean;
	/** Checks the HTTP answer and what the fake platforms received. */
	check: (response: HttpAnswer, sandbox: RunningSandbox) => void;
}

export interface WebhookExample extends ExampleBase {
	kind: 'webhook';
	/**
	 * The calls, sent one after the other once the workflow is published and `n8n start` runs (e.g. a
	 * form post; or a fake platform's signed callback, then one with a bad signature). Afterwards the
	 * suite checks that n8n saved exactly one successful execution per call that starts one.
	 */
	calls: (sandbox: RunningSandbox) => WebhookCall[];
}

export interface ScheduledExample extends ExampleBase {
	kind: 'scheduled';
	/** Published; the suite waits for the first execution (use `prepare` for a short interval). */
	check: (sandbox: RunningSandbox) => void;
}

export interface NotRunExample extends ExampleBase {
	kind: 'notRun';
	/** Why the suite cannot run it (e.g. it needs an AI model). It is still imported. */
	reason: string;
}

export type ExampleExpectation = ManualExample | WebhookExample | ScheduledExample | NotRunExample;

/**
 * For `prepare`: makes every Schedule Trigger of the workflow fire every `seconds` seconds, so that
 * a nightly workflow runs during the test.
 */
export function everyFewSeconds(workflow: WorkflowJson, seconds = 3): WorkflowJson {
	return {
		...workflow,
		nodes: workflow.nodes.map((node) =>
			node.type === 'n8n-nodes-base.scheduleTrigger'
				? { ...node, parameters: { ...node.parameters, rule: { interval: [{ field: 'seconds', secondsInterval: seconds }] } } }
				: node,
		),
	};
}

const thulium = (sandbox: RunningSandbox) => sandbox.get<FakeThulium>('thulium').fake;

export const EXAMPLES: Record<string, ExampleExpectation> = {
	'thulium-website-form-start-chat.json': {
		kind: 'webhook',
		calls: () => [
			{
				request: {
					method: 'POST',
					path: 'website-form',
					body: { firstName: 'Jan', lastName: 'Kowalski', email: 'jan.kowalski@example.org' },
				},
				startsExecution: true,
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
		],
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
