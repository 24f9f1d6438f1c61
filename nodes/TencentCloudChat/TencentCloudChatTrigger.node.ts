import { createHash } from 'node:crypto';

import type { IDataObject, INodeType, INodeTypeDescription, IWebhookFunctions, IWebhookResponseData } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import {
	triggerOptions,
	constantTimeEqual,
	jsonObjectBody,
	pastedWebhookMethods,
	refuseUnlistedCaller,
	respondJson,
} from '../shared/webhook';

/** Callback commands Tencent Cloud Chat documents (third-party callbacks). */
export const CALLBACK_COMMANDS = [
	'Alert.RequestOverLimit',
	'Bot.OnC2CMessage',
	'Bot.OnGroupMessage',
	'C2C.CallbackAfterMsgReport',
	'C2C.CallbackAfterMsgWithDraw',
	'C2C.CallbackAfterSendMsg',
	'C2C.CallbackBeforeSendMsg',
	'Group.CallbackAfterChangeGroupOwner',
	'Group.CallbackAfterCreateGroup',
	'Group.CallbackAfterGroupDestroyed',
	'Group.CallbackAfterGroupFull',
	'Group.CallbackAfterGroupInfoChanged',
	'Group.CallbackAfterMemberExit',
	'Group.CallbackAfterNewMemberJoin',
	'Group.CallbackAfterReadReceipt',
	'Group.CallbackAfterRecallMsg',
	'Group.CallbackAfterSendMsg',
	'Group.CallbackBeforeApplyJoinGroup',
	'Group.CallbackBeforeCreateGroup',
	'Group.CallbackBeforeInviteJoinGroup',
	'Group.CallbackBeforeSendMsg',
	'Group.CallbackSendMsgException',
	'Profile.CallbackPortraitSet',
	'Sns.CallbackBlackListAdd',
	'Sns.CallbackBlackListDelete',
	'Sns.CallbackFriendAdd',
	'Sns.CallbackFriendDelete',
	'Sns.CallbackPrevFriendAdd',
	'Sns.CallbackPrevFriendResponse',
	'State.StateChange',
];

/** Tencent rejects callbacks whose RequestTime is further than this from now. */
const MAX_CLOCK_DIFFERENCE_SECONDS = 60;

const OK = { ActionStatus: 'OK', ErrorCode: 0, ErrorInfo: '' };

/** Callbacks are small JSON documents; anything larger is not from Tencent. */
export const MAX_CALLBACK_BYTES = 1024 * 1024;

/**
 * Signed callbacks already seen (hash of RequestTime, Sign and body), kept while their RequestTime
 * is still accepted: the Sign covers only the time, so an exact replay within the window is
 * recognised here and acknowledged without starting the workflow again.
 */
const seenCallbacks = new Map<string, number>();
const MAX_SEEN_CALLBACKS = 50_000;

function firstSighting(key: string, nowSeconds: number): boolean {
	for (const [seenKey, expires] of seenCallbacks) {
		if (expires >= nowSeconds && seenCallbacks.size < MAX_SEEN_CALLBACKS) break;
		seenCallbacks.delete(seenKey);
	}
	if (seenCallbacks.has(key)) return false;
	seenCallbacks.set(key, nowSeconds + 2 * MAX_CLOCK_DIFFERENCE_SECONDS + 1);
	return true;
}

/** Sign = lowercase hex SHA-256 of token + RequestTime (not an HMAC; the body is not covered). */
export function callbackSign(token: string, requestTime: string): string {
	return createHash('sha256')
		.update(token + requestTime)
		.digest('hex');
}

/**
 * Callbacks whose answer decides what happens (allow, reject, drop, rewrite): the "before" callbacks
 * and the friend-request checks. Every other callback is a notification.
 */
export function isBeforeCallback(command: string): boolean {
	return /\.Callback(Before|Prev)/.test(command);
}

function single(value: unknown): string {
	if (Array.isArray(value)) return single(value[0]);
	return typeof value === 'string' ? value : value === undefined || value === null ? '' : String(value);
}

export class TencentCloudChatTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Tencent Cloud Chat Trigger',
		name: 'tencentCloudChatTrigger',
		icon: {
			light: 'file:../../icons/tencent-cloud-chat.svg',
			dark: 'file:../../icons/tencent-cloud-chat.dark.svg',
		},
		group: ['trigger'],
		version: 1,
		subtitle: '={{ ($parameter["events"] || []).join(", ") || "All callbacks" }}',
		description: 'Starts the workflow when Tencent Cloud Chat sends a callback (messages, groups, user state)',
		defaults: { name: 'Tencent Cloud Chat Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'tencentCloudChatApi', required: true }],
		webhooks: [
			{
				name: 'default',
				httpMethod: 'POST',
				// As on n8n's Webhook node: with "responseNode" n8n keeps the request open until a node of the
				// workflow answers it (the Tencent Cloud Chat node's Callback → Answer, or Respond to Webhook v1).
				responseMode: '={{ $parameter["responseMode"] }}',
				path: 'webhook',
			},
		],
		properties: [
			{
				displayName:
					"Tencent allows one callback URL per app: copy this node's production URL into the Chat console (Applications → your app → Callback Configuration) and enable the callbacks you need there. The credential's SDKAppID and Callback Token check every callback.",
				name: 'notice',
				type: 'notice',
				default: '',
			},
			{
				displayName: 'Respond',
				name: 'responseMode',
				type: 'options',
				default: 'onReceived',
				options: [
					{
						name: 'Immediately',
						value: 'onReceived',
						description: 'Answer OK at once: "before" callbacks let the message (or request) through',
					},
					{
						name: "Using 'Callback → Answer' Action",
						value: 'responseNode',
						description:
							"Before-callbacks wait for the Tencent Cloud Chat node's Callback → Answer action (allow, rewrite, reject, drop); other callbacks are answered at once",
					},
				],
			},
			{
				displayName:
					'Tencent waits at most 2 seconds for the answer to a before-callback; a late or missing answer counts as a failed callback and the message is not moderated. Keep the path to Callback → Answer short (no slow calls before it).',
				name: 'budgetNotice',
				type: 'notice',
				default: '',
				displayOptions: { show: { responseMode: ['responseNode'] } },
			},
			{
				displayName: 'Events',
				name: 'events',
				type: 'multiOptions',
				default: [],
				description: 'The callback commands that start the workflow. Leave empty to accept every callback.',
				options: CALLBACK_COMMANDS.map((command) => ({
					name: command,
					value: command,
				})),
			},
			{
				displayName: 'Other Events',
				name: 'otherEvents',
				type: 'string',
				default: '',
				placeholder: 'e.g. Group.CallbackAfterGroupAttrChanged, Push.OfflinePush',
				description: 'More callback commands that start the workflow, separated by commas (for commands not in the list)',
			},
			triggerOptions(),
		],
	};

	webhookMethods = pastedWebhookMethods;

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		const answer = (status: number, body: IDataObject) => respondJson(this, status, body);
		const refuse = (status: number, info: string): IWebhookResponseData => {
			answer(status, { ActionStatus: 'FAIL', ErrorCode: 1, ErrorInfo: info });
			return { noWebhookResponse: true };
		};

		const unlisted = refuseUnlistedCaller(this, refuse);
		if (unlisted) return unlisted;

		const credentials = await this.getCredentials('tencentCloudChatApi');
		const query = this.getQueryData() as IDataObject;
		const nowSeconds = Math.floor(Date.now() / 1000);
		const token = String(credentials.callbackToken ?? '').trim();
		let signature: string | undefined;
		if (token !== '') {
			const sign = single(query.Sign).toLowerCase();
			const requestTime = single(query.RequestTime);
			if (!/^\d{1,12}$/.test(requestTime) || sign === '') return refuse(401, 'Missing Sign or RequestTime');
			if (Math.abs(nowSeconds - Number(requestTime)) > MAX_CLOCK_DIFFERENCE_SECONDS) {
				return refuse(401, 'RequestTime is too far from now');
			}
			if (!constantTimeEqual(sign, callbackSign(token, requestTime))) return refuse(401, 'Invalid Sign');
			signature = `${requestTime}:${sign}`;
		}
		const expectedApp = String(credentials.sdkAppId ?? '').trim();
		if (expectedApp !== '' && single(query.SdkAppid).trim() !== expectedApp) return refuse(403, 'Unexpected SdkAppid');

		// Tencent posts JSON (contenttype=json in the query string); the Content-Type header is not relied on.
		const parsed = jsonObjectBody(this);
		if (!parsed) return refuse(400, 'The body must be a JSON object');
		const { body } = parsed;
		if (parsed.bytes > MAX_CALLBACK_BYTES) return refuse(413, 'The callback is too large');
		const text = JSON.stringify(body);
		const command = typeof body.CallbackCommand === 'string' ? body.CallbackCommand.trim() : '';
		const queryCommand = single(query.CallbackCommand).trim();
		if (command === '') return refuse(400, 'The body has no CallbackCommand');
		if (queryCommand !== '' && queryCommand !== command) return refuse(400, 'CallbackCommand differs between the URL and the body');
		if (signature !== undefined) {
			const key = createHash('sha256').update(`${signature}\n${text}`).digest('hex');
			if (!firstSighting(key, nowSeconds)) {
				// Already received (a replay, or Tencent repeating it): acknowledged, not started twice.
				answer(200, OK);
				return { noWebhookResponse: true };
			}
		}
		const events = (this.getNodeParameter('events', []) as string[]).concat(
			String(this.getNodeParameter('otherEvents', '') ?? '')
				.split(',')
				.map((event) => event.trim())
				.filter(Boolean),
		);
		const wanted = events.length === 0 || events.includes(command);
		// The workflow answers only before-callbacks that start it, and only when asked to.
		const workflowAnswers = wanted && isBeforeCallback(command) && this.getNodeParameter('responseMode', 'onReceived') === 'responseNode';
		if (!workflowAnswers) answer(200, OK);
		if (!wanted) return { noWebhookResponse: true };

		const fields: IDataObject = {};
		for (const [key, value] of Object.entries(query)) {
			// The Sign is a credential of this one request: it is not passed into the workflow.
			if (key !== 'Sign') fields[key] = single(value);
		}
		const workflowData = [[{ json: { ...fields, ...body, CallbackCommand: command } }]];
		return workflowAnswers ? { workflowData } : { noWebhookResponse: true, workflowData };
	}
}
