import { createHash } from 'node:crypto';

import type { IDataObject, INodeType, INodeTypeDescription, IWebhookFunctions, IWebhookResponseData } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { constantTimeEqual, pastedWebhookMethods, respondJson } from '../shared/webhook';

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

/** Sign = lowercase hex SHA-256 of token + RequestTime (not an HMAC; the body is not covered). */
export function callbackSign(token: string, requestTime: string): string {
	return createHash('sha256')
		.update(token + requestTime)
		.digest('hex');
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
		webhooks: [
			{
				name: 'default',
				httpMethod: 'POST',
				responseMode: 'onReceived',
				path: 'webhook',
			},
		],
		properties: [
			{
				displayName:
					"Tencent allows one callback URL per app: copy this node's production URL into the Chat console (Applications → your app → Callback Configuration) and enable the callbacks you need there",
				name: 'notice',
				type: 'notice',
				default: '',
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
			{
				displayName: 'Callback Token',
				name: 'callbackToken',
				type: 'string',
				typeOptions: { password: true },
				default: '',
				description:
					'The token of "Callback authentication" in the Chat console. When set, callbacks without a valid Sign, or with a RequestTime more than 60 seconds off, are refused (401).',
			},
			{
				displayName: 'Expected SDKAppID',
				name: 'sdkAppId',
				type: 'string',
				default: '',
				placeholder: 'e.g. 1400000000',
				description: 'When set, callbacks for another app are refused (403)',
			},
		],
	};

	webhookMethods = pastedWebhookMethods;

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		const answer = (status: number, body: IDataObject) => respondJson(this, status, body);
		const refuse = (status: number, info: string): IWebhookResponseData => {
			answer(status, { ActionStatus: 'FAIL', ErrorCode: 1, ErrorInfo: info });
			return { noWebhookResponse: true };
		};

		const query = this.getQueryData() as IDataObject;
		const token = String(this.getNodeParameter('callbackToken', '') ?? '');
		if (token !== '') {
			const sign = single(query.Sign).toLowerCase();
			const requestTime = single(query.RequestTime);
			if (!/^\d{1,12}$/.test(requestTime) || sign === '') return refuse(401, 'Missing Sign or RequestTime');
			if (Math.abs(Math.floor(Date.now() / 1000) - Number(requestTime)) > MAX_CLOCK_DIFFERENCE_SECONDS) {
				return refuse(401, 'RequestTime is too far from now');
			}
			if (!constantTimeEqual(sign, callbackSign(token, requestTime))) return refuse(401, 'Invalid Sign');
		}
		const expectedApp = String(this.getNodeParameter('sdkAppId', '') ?? '').trim();
		if (expectedApp !== '' && single(query.SdkAppid).trim() !== expectedApp) return refuse(403, 'Unexpected SdkAppid');

		const rawBody = this.getBodyData();
		const body: IDataObject = rawBody && typeof rawBody === 'object' && !Array.isArray(rawBody) ? (rawBody as IDataObject) : {};
		const command = single(body.CallbackCommand) || single(query.CallbackCommand);
		const events = (this.getNodeParameter('events', []) as string[]).concat(
			String(this.getNodeParameter('otherEvents', '') ?? '')
				.split(',')
				.map((event) => event.trim())
				.filter(Boolean),
		);
		answer(200, OK);
		if (events.length > 0 && !events.includes(command)) return { noWebhookResponse: true };

		const fields: IDataObject = {};
		for (const [key, value] of Object.entries(query)) {
			// The Sign is a credential of this one request: it is not passed into the workflow.
			if (key !== 'Sign') fields[key] = single(value);
		}
		return {
			noWebhookResponse: true,
			workflowData: [[{ json: { ...fields, ...body, CallbackCommand: command } }]],
		};
	}
}
