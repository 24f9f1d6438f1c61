// What each workflow in examples/ must do when it runs inside the real n8n app against the sandbox.
// Adding an example: put its workflow JSON into examples/ and an entry here, keyed by file name.
// The suite fails for an example file without an entry.
import { createHash } from 'node:crypto';

import type { IRun, INodeExecutionData } from 'n8n-workflow';

import { FakeEasemob } from '../fakes/fakeEasemob';
import type { FakeTencent } from '../fakes/fakeTencent';
import type { FakeThulium } from '../fakes/fakeThulium';
import type { RunningSandbox } from './sandbox/platforms';
import {
	DEMO_CLEANUP_USERS,
	DEMO_SUPPORT_USER,
	EASEMOB_CALLBACK_SECRET,
	TENCENT_CALLBACK_TOKEN,
	THULIUM_DEMO_CONVERSATIONS,
} from './sandbox/platforms';

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
const tencent = (sandbox: RunningSandbox) => sandbox.get<FakeTencent>('tencent').fake;
const easemob = (sandbox: RunningSandbox) => sandbox.get<FakeEasemob>('easemob').fake;

/** The trigger URL path of a custom trigger node: "<webhookId>/webhook". */
const TENCENT_TRIGGER_PATH = '6c3f4b2a-8d9e-4f3a-9b4c-1d2e3f4a5b01/webhook';
const EASEMOB_TRIGGER_PATH = '9e5a6d4c-0f1a-4b5c-9d6e-2f3a4b5c6d01/webhook';
const TENCENT_MODERATION_PATH = '4d7e8f90-1a2b-4c3d-8e4f-5a6b7c8d9e01/webhook';

/**
 * A Tencent Cloud Chat callback as Tencent posts it: the command and the signature in the query
 * string (Sign = SHA-256(token + RequestTime)), the event in the body.
 */
function tencentCallback(sandbox: RunningSandbox, token: string, body: Record<string, unknown>, triggerPath = TENCENT_TRIGGER_PATH): WebhookCall['request'] {
	const time = String(Math.floor(Date.now() / 1000));
	const query = new URLSearchParams({
		SdkAppid: String(tencent(sandbox).sdkAppId),
		CallbackCommand: String(body.CallbackCommand),
		contenttype: 'json',
		ClientIP: '127.0.0.1',
		OptPlatform: 'RESTAPI',
		RequestTime: time,
		Sign: createHash('sha256')
			.update(token + time)
			.digest('hex'),
	});
	return { method: 'POST', path: `${triggerPath}?${query.toString()}`, body };
}

/** An Easemob post-send callback, signed as Easemob signs it: md5(callId + secret + timestamp). */
function easemobCallback(sandbox: RunningSandbox, secret: string, message: { from: string; to: string; text: string; msgId: string }): WebhookCall['request'] {
	const fake = easemob(sandbox);
	const callId = `${fake.orgName}#fake-app_${message.msgId}`;
	const timestamp = Date.now();
	return {
		method: 'POST',
		path: EASEMOB_TRIGGER_PATH,
		body: {
			callId,
			eventType: 'chat',
			timestamp,
			chat_type: 'chat',
			group_id: '',
			from: message.from,
			to: message.to,
			msg_id: message.msgId,
			payload: { bodies: [{ type: 'txt', msg: message.text }], ext: {}, from: message.from, to: message.to },
			appkey: `${fake.orgName}#fake-app`,
			host: 'msync@ebs-sandbox',
			securityVersion: '1.0.0',
			security: FakeEasemob.sign(callId, secret, timestamp),
		},
	};
}

/** Text of a Tencent message body. */
const tencentText = (body: unknown[]) => (body as Array<{ MsgContent: { Text?: string } }>).map((e) => e.MsgContent.Text ?? '').join('');

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
					// The webhook answers with the greeting's result, in the conversation Start opened.
					expect(response.status).toBe(200);
					const answer = response.body as { sent?: boolean; conversationId?: string; text?: string };
					expect(answer).toMatchObject({ sent: true, text: expect.stringMatching(/^Hello Jan, thank you for contacting us!/) });
					const id = answer.conversationId!;
					expect(typeof id).toBe('string');
					const conversation = fake.conversations.get(id);
					expect(conversation).toMatchObject({ chatQueueId: 3, status: 'ACTIVE', client: { client_name: 'Jan', client_email: 'jan.kowalski@example.org' } });
					// The greeting reached Thulium once, as JSON, and is the conversation's message.
					const sends = fake.requests.filter((r) => r.method === 'POST' && r.rawPath === `/api/chat_conversations/${id}/message`);
					expect(sends).toHaveLength(1);
					expect(sends[0].json).toEqual({ text: answer.text });
					expect(conversation!.messages.map((m) => m.text)).toEqual([answer.text]);
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
	'nightly-cleanup-tencent-easemob.json': {
		kind: 'scheduled',
		prepare: (workflow) => everyFewSeconds(workflow),
		check: (sandbox) => {
			// Tencent: each listed user's conversation with support deleted, with its roaming messages.
			const t = tencent(sandbox);
			const deletes = t.commandRequests('recentcontact/delete').map((r) => r.json as Record<string, unknown>);
			expect(deletes.length).toBeGreaterThanOrEqual(DEMO_CLEANUP_USERS.length);
			expect([...new Set(deletes.map((b) => JSON.stringify(b)))].sort()).toEqual(
				DEMO_CLEANUP_USERS.map((user) => JSON.stringify({ From_Account: user, Type: 1, To_Account: DEMO_SUPPORT_USER, ClearRamble: 1 })).sort(),
			);
			for (const user of DEMO_CLEANUP_USERS) {
				expect(t.conversationsOf(user).has(`1:${DEMO_SUPPORT_USER}`)).toBe(false);
				const own = t.messages.filter((m) => m.From_Account === user || m.To_Account === user);
				expect(own.length).toBeGreaterThan(0);
				expect(own.every((m) => m.clearedFor.has(user))).toBe(true);
			}
			// Users not on the list keep everything; the other side keeps its copy.
			expect(t.conversationsOf('carol').has(`1:${DEMO_SUPPORT_USER}`)).toBe(true);
			expect(t.messages.filter((m) => m.From_Account === 'carol').every((m) => m.clearedFor.size === 0)).toBe(true);
			expect(t.conversationsOf(DEMO_SUPPORT_USER).has('1:alice')).toBe(true);
			// Easemob: the same, with delete_roam.
			const e = easemob(sandbox);
			const channelDeletes = e.apiRequests.filter((r) => r.method === 'DELETE');
			expect(channelDeletes.length).toBeGreaterThanOrEqual(DEMO_CLEANUP_USERS.length);
			expect([...new Set(channelDeletes.map((r) => `${r.rawPath} ${JSON.stringify(r.json)}`))].sort()).toEqual(
				DEMO_CLEANUP_USERS.map(
					(user) => `/${e.orgName}/fake-app/users/${user}/user_channel ${JSON.stringify({ channel: DEMO_SUPPORT_USER, type: 'chat', delete_roam: true })}`,
				).sort(),
			);
			for (const user of DEMO_CLEANUP_USERS) expect(e.hasConversation('fake-app', user, 'chat', DEMO_SUPPORT_USER)).toBe(false);
			expect(e.hasConversation('fake-app', 'carol', 'chat', DEMO_SUPPORT_USER)).toBe(true);
		},
	},
	'tencent-callback-reply.json': {
		kind: 'webhook',
		calls: (sandbox) => {
			const message = {
				CallbackCommand: 'C2C.CallbackAfterSendMsg',
				From_Account: 'alice',
				To_Account: DEMO_SUPPORT_USER,
				MsgSeq: 48374,
				MsgRandom: 2837546,
				MsgTime: Math.floor(Date.now() / 1000),
				MsgKey: '48374_2837546_1',
				SendMsgResult: 0,
				MsgBody: [{ MsgType: 'TIMTextElem', MsgContent: { Text: 'Where is my order?' } }],
			};
			const replies = () => tencent(sandbox).messages.filter((m) => m.From_Account === DEMO_SUPPORT_USER && m.To_Account === 'alice' && tencentText(m.MsgBody).startsWith('Thanks'));
			return [
				{
					request: tencentCallback(sandbox, TENCENT_CALLBACK_TOKEN, message),
					startsExecution: true,
					check: (response) => {
						expect(response.status).toBe(200);
						expect(response.body).toEqual({ ActionStatus: 'OK', ErrorCode: 0, ErrorInfo: '' });
						expect(tencent(sandbox).commandRequests('openim/sendmsg')).toHaveLength(1);
						expect(replies()).toHaveLength(1);
						expect(tencentText(replies()[0].MsgBody)).toContain('"Where is my order?"');
					},
				},
				{
					// Signed with another token: refused, nothing runs, nothing is sent.
					request: tencentCallback(sandbox, 'not-the-callback-token', { ...message, MsgKey: '48375_2837547_1' }),
					startsExecution: false,
					check: (response) => {
						expect(response.status).toBe(401);
						expect(tencent(sandbox).commandRequests('openim/sendmsg')).toHaveLength(1);
					},
				},
			];
		},
	},
	'tencent-moderation-keyword-filter.json': {
		kind: 'webhook',
		calls: (sandbox) => {
			const beforeSend = (text: string) => ({
				CallbackCommand: 'C2C.CallbackBeforeSendMsg',
				From_Account: 'alice',
				To_Account: DEMO_SUPPORT_USER,
				MsgSeq: 48376,
				MsgRandom: 2837548,
				MsgTime: Math.floor(Date.now() / 1000),
				MsgBody: [{ MsgType: 'TIMTextElem', MsgContent: { Text: text } }],
			});
			return [
				{
					// The workflow's answer (Callback → Answer, through n8n's response), as Tencent reads it.
					request: tencentCallback(sandbox, TENCENT_CALLBACK_TOKEN, beforeSend('Visit my Casino tonight'), TENCENT_MODERATION_PATH),
					startsExecution: true,
					check: (response) => {
						expect(response.status).toBe(200);
						expect(response.body).toEqual({ ActionStatus: 'OK', ErrorCode: 120001, ErrorInfo: 'This message contains a word that is not allowed here.' });
					},
				},
				{
					request: tencentCallback(sandbox, TENCENT_CALLBACK_TOKEN, beforeSend('Where is my order?'), TENCENT_MODERATION_PATH),
					startsExecution: true,
					check: (response) => {
						expect(response.status).toBe(200);
						expect(response.body).toEqual({ ActionStatus: 'OK', ErrorCode: 0, ErrorInfo: '' });
					},
				},
				{
					request: tencentCallback(sandbox, 'not-the-callback-token', beforeSend('Visit my casino'), TENCENT_MODERATION_PATH),
					startsExecution: false,
					check: (response) => expect(response.status).toBe(401),
				},
			];
		},
	},
	'easemob-callback-reply.json': {
		kind: 'webhook',
		calls: (sandbox) => {
			const replies = () => [...easemob(sandbox).messages.values()].filter((m) => m.from === DEMO_SUPPORT_USER && m.to === 'bob');
			const sends = () => easemob(sandbox).apiRequests.filter((r) => r.method === 'POST' && r.rawPath.endsWith('/messages/users'));
			return [
				{
					request: easemobCallback(sandbox, EASEMOB_CALLBACK_SECRET, { from: 'bob', to: DEMO_SUPPORT_USER, text: 'Can I change my address?', msgId: '1029457500870543001' }),
					startsExecution: true,
					check: (response) => {
						expect(response.status).toBe(200);
						expect(response.body).toEqual({ received: true });
						expect(sends()).toHaveLength(1);
						expect(sends()[0].json).toMatchObject({ from: DEMO_SUPPORT_USER, to: ['bob'], type: 'txt' });
						expect(replies()).toHaveLength(1);
						expect(String(replies()[0].body.msg)).toContain('"Can I change my address?"');
					},
				},
				{
					// Signed with another secret: refused, nothing runs, nothing is sent.
					request: easemobCallback(sandbox, 'not-the-callback-secret', { from: 'bob', to: DEMO_SUPPORT_USER, text: 'Forged', msgId: '1029457500870543002' }),
					startsExecution: false,
					check: (response) => {
						expect(response.status).toBe(401);
						expect(sends()).toHaveLength(1);
					},
				},
			];
		},
	},
	'ai-agent-chat-tools.json': {
		kind: 'notRun',
		reason: 'it needs an AI chat model and its credential; the suite checks that it imports and that every node it uses (the tool variants of the three nodes included) exists in n8n',
	},
};
