import { randomInt } from 'node:crypto';

import type { IDataObject, IExecuteFunctions, INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { parameterError } from '../../../shared/errors';
import { toBoolean, toChoice, toInteger, toText } from '../../../shared/parameters';
import { USER_ID_MAX, collection } from '../fields';

const MESSAGE_TYPES = ['text', 'custom'] as const;

/** A one-to-one message's MsgKey: shared by Recall and Edit. */
export const messageKeyField: INodeProperties = {
	displayName: 'Message Key',
	name: 'msgKey',
	type: 'string',
	default: '',
	required: true,
	placeholder: 'e.g. 31906_833502_1572869830',
	description: 'The MsgKey that Send returned, or that a callback or Get History shows',
};

/** The message itself: shared by Send, Send to Many and Send to Group. */
export const contentFields: INodeProperties[] = [
	{
		displayName: 'Message Type',
		name: 'messageType',
		type: 'options',
		default: 'text',
		options: [
			{
				name: 'Text',
				value: 'text',
				description: 'A text message (TIMTextElem)',
			},
			{
				name: 'Custom',
				value: 'custom',
				description: 'Custom data your app interprets (TIMCustomElem)',
			},
		],
	},
	{
		displayName: 'Text',
		name: 'text',
		type: 'string',
		typeOptions: { rows: 3 },
		default: '',
		required: true,
		placeholder: 'e.g. Your order has shipped',
		displayOptions: { show: { messageType: ['text'] } },
	},
	{
		displayName: 'Custom Data',
		name: 'customData',
		type: 'string',
		typeOptions: { rows: 3 },
		default: '',
		required: true,
		placeholder: 'e.g. {"type":"order","number":42}',
		description: 'The custom message content (Data), usually JSON your app understands',
		displayOptions: { show: { messageType: ['custom'] } },
	},
	{
		displayName: 'Custom Description',
		name: 'customDescription',
		type: 'string',
		default: '',
		placeholder: 'e.g. Order update',
		description: 'Text shown for the custom message, e.g. in offline pushes (Desc)',
		displayOptions: { show: { messageType: ['custom'] } },
	},
];

const offlinePushFields: INodeProperties[] = [
	{
		displayName: 'Cloud Custom Data',
		name: 'cloudCustomData',
		type: 'string',
		default: '',
		placeholder: 'e.g. {"orderId":42}',
		description: 'Extra data stored with the message in the cloud (CloudCustomData)',
	},
	{
		displayName: 'Offline Push Text',
		name: 'offlinePushText',
		type: 'string',
		default: '',
		placeholder: 'e.g. You have a new message',
		description: 'The text of the push notification for offline recipients',
	},
	{
		displayName: 'Offline Push Title',
		name: 'offlinePushTitle',
		type: 'string',
		default: '',
		placeholder: 'e.g. Shop',
		description: 'The title of the push notification for offline recipients',
	},
];

const senderField: INodeProperties = {
	displayName: 'From Account',
	name: 'fromAccount',
	type: 'string',
	default: '',
	placeholder: 'e.g. user_1',
	description: 'The UserID that appears as sender. Without it the App admin sends.',
};

/** Optional fields of one-to-one sends (Send, Send to Many). */
export const c2cAdditionalFields: INodeProperties[] = (
	[
		...offlinePushFields,
		senderField,
		{
			displayName: 'Message Lifetime (Seconds)',
			name: 'messageLifetime',
			type: 'number',
			typeOptions: { minValue: 0, maxValue: 604800, numberPrecision: 0 },
			default: 604800,
			description: 'How long the message is kept for offline recipients: 0 to 604800 seconds (7 days). 0 delivers only to online users.',
		},
		{
			displayName: 'Sync to Sender',
			name: 'syncToSender',
			type: 'boolean',
			default: true,
			description: "Whether the message also appears on the sender's devices and in the sender's cloud history",
		},
	] as INodeProperties[]
).sort((a, b) => a.displayName.localeCompare(b.displayName));

/** Optional fields of group sends. */
export const groupAdditionalFields: INodeProperties[] = (
	[
		...offlinePushFields,
		senderField,
		{
			displayName: 'Online Only',
			name: 'onlineOnly',
			type: 'boolean',
			default: false,
			description: 'Whether to deliver only to members who are online, without storing the message',
		},
	] as INodeProperties[]
).sort((a, b) => a.displayName.localeCompare(b.displayName));

/**
 * A uint32 for Tencent's de-duplication (MsgRandom, group Random): made once per message, reused
 * by every retry of it.
 */
export function newMessageRandom(): number {
	return randomInt(0, 2 ** 32);
}

let lastMessageSeq = 0;

/**
 * A one-to-one MsgSeq, made once per message and reused by every retry of it. Tencent drops a
 * repeat only when sender, MsgSeq, MsgRandom and content match within 120 s, and picks a random
 * MsgSeq for a send without one, so without it every retry is a second message
 * (https://cloud.tencent.com/document/product/269/2282). Tencent orders a conversation's messages
 * of the same second by MsgSeq, so the values increase: messages keep the order of their items.
 * They start from the current Unix second (a uint32 until 2106), so later runs continue upwards.
 */
export function newMessageSeq(): number {
	lastMessageSeq = Math.max(lastMessageSeq + 1, Math.floor(Date.now() / 1000)) % 2 ** 32 || 1;
	return lastMessageSeq;
}

/** ForbidCallbackControl values, as the send pages name them. */
const CALLBACK_CONTROLS = ['ForbidBeforeSendMsgCallback', 'ForbidAfterSendMsgCallback'] as const;
/** SendMsgControl values: one-to-one (269/2282) and group (269/1629) sends. */
const C2C_SEND_CONTROLS = ['NoUnread', 'NoLastMsg', 'WithMuteNotifications'] as const;
const GROUP_SEND_CONTROLS = ['NoUnread', 'NoLastMsg'] as const;

/** The send options of Send and Send to Group: Tencent's callbacks and unread/last-message controls. */
export function sendControlOptions(kind: 'c2c' | 'group'): INodeProperties[] {
	const controls: INodePropertyOptions[] = [
		{
			name: 'Do Not Count as Unread (NoUnread)',
			value: 'NoUnread',
			description: "The message does not raise the recipients' unread count",
		},
		{
			name: 'Do Not Update Last Message (NoLastMsg)',
			value: 'NoLastMsg',
			description: "The message does not become the conversation's last message in the conversation list",
		},
	];
	if (kind === 'c2c') {
		controls.push({
			name: 'Respect Muted Notifications (WithMuteNotifications)',
			value: 'WithMuteNotifications',
			description: 'A recipient who muted the sender gets the message without a notification',
		});
	}
	return [
		{
			displayName: 'Message Control',
			name: 'sendMsgControl',
			type: 'multiOptions',
			default: [],
			options: controls,
			description: "How the message counts on the recipients' side (Tencent's SendMsgControl)",
		},
		{
			displayName: 'Skip Callbacks',
			name: 'skipCallbacks',
			type: 'multiOptions',
			default: [],
			options: [
				{
					name: 'Before Send Message Callback (ForbidBeforeSendMsgCallback)',
					value: 'ForbidBeforeSendMsgCallback',
					description: 'Your callback URL is not asked to allow, change or reject this message',
				},
				{
					name: 'After Send Message Callback (ForbidAfterSendMsgCallback)',
					value: 'ForbidAfterSendMsgCallback',
					description: 'Your callback URL is not told about this message',
				},
			],
			description:
				"Tencent's callbacks this message does not trigger (ForbidCallbackControl). Skip both when a workflow started by a Tencent Cloud Chat Trigger replies, so the reply cannot start it again.",
		},
	];
}

function readChoices(ctx: IExecuteFunctions, i: number, value: unknown, label: string, allowed: readonly string[]): string[] {
	if (value === undefined || value === null || value === '') return [];
	const list = Array.isArray(value) ? value : String(value).split(',').map((v) => v.trim()).filter(Boolean);
	const unique = [...new Set(list.map(String))];
	const unknown = unique.find((v) => !allowed.includes(v));
	if (unknown !== undefined) {
		throw parameterError(ctx.getNode(), i, `${label} has an unknown value "${unknown.slice(0, 50)}"`, `Use only: ${allowed.join(', ')}.`);
	}
	return unique;
}

/** ForbidCallbackControl and SendMsgControl from the Options collection, as the body fields. */
export function readSendControls(ctx: IExecuteFunctions, i: number, kind: 'c2c' | 'group'): IDataObject {
	// Most sends set neither option: skip resolving the collection per item then (it is the costly part
	// of validating thousands of items before the first send).
	const raw = ctx.getNode().parameters.options;
	if (raw === undefined || (raw !== null && typeof raw === 'object' && !('skipCallbacks' in raw) && !('sendMsgControl' in raw))) return {};
	const options = collection(ctx, 'options', i);
	const body: IDataObject = {};
	const skip = readChoices(ctx, i, options.skipCallbacks, 'Skip Callbacks', CALLBACK_CONTROLS);
	if (skip.length > 0) body.ForbidCallbackControl = skip;
	const controls = readChoices(ctx, i, options.sendMsgControl, 'Message Control', kind === 'c2c' ? C2C_SEND_CONTROLS : GROUP_SEND_CONTROLS);
	if (controls.length > 0) body.SendMsgControl = controls;
	return body;
}

/** Reads the message itself (Message Type, Text or Custom Data and Description) as Tencent's MsgBody. */
export function readMsgBody(ctx: IExecuteFunctions, i: number): IDataObject[] {
	const node = ctx.getNode();
	const messageType = toChoice(node, i, ctx.getNodeParameter('messageType', i, 'text'), 'Message Type', MESSAGE_TYPES);
	if (messageType === 'text') {
		const text = toText(node, i, ctx.getNodeParameter('text', i, ''), 'Text', {
			required: true,
			multiline: true,
			maxLength: 12000,
		});
		return [{ MsgType: 'TIMTextElem', MsgContent: { Text: text } }];
	}
	const data = toText(node, i, ctx.getNodeParameter('customData', i, ''), 'Custom Data', { required: true, multiline: true, maxLength: 12000 });
	const desc = toText(node, i, ctx.getNodeParameter('customDescription', i, ''), 'Custom Description', { multiline: true, maxLength: 1000 });
	return [
		{
			MsgType: 'TIMCustomElem',
			MsgContent: desc ? { Data: data, Desc: desc } : { Data: data },
		},
	];
}

/** Reads the message and the optional fields into the body parts every send command shares. */
export function readMessage(ctx: IExecuteFunctions, i: number, kind: 'c2c' | 'group'): IDataObject {
	const node = ctx.getNode();
	const body: IDataObject = { MsgBody: readMsgBody(ctx, i) };
	const fields = collection(ctx, 'additionalFields', i);
	const fromAccount = toText(node, i, fields.fromAccount, 'From Account', {
		maxLength: USER_ID_MAX,
	});
	if (fromAccount) body.From_Account = fromAccount;
	const cloudCustomData = toText(node, i, fields.cloudCustomData, 'Cloud Custom Data', { multiline: true, maxLength: 12000 });
	if (cloudCustomData) body.CloudCustomData = cloudCustomData;
	const title = toText(node, i, fields.offlinePushTitle, 'Offline Push Title', {
		maxLength: 200,
	});
	const desc = toText(node, i, fields.offlinePushText, 'Offline Push Text', {
		multiline: true,
		maxLength: 1000,
	});
	if (title || desc) {
		const push: IDataObject = { PushFlag: 0 };
		if (title) push.Title = title;
		if (desc) push.Desc = desc;
		body.OfflinePushInfo = push;
	}
	if (kind === 'c2c') {
		if (fields.syncToSender !== undefined) {
			body.SyncOtherMachine = toBoolean(node, i, fields.syncToSender, 'Sync to Sender') ? 1 : 2;
		}
		if (fields.messageLifetime !== undefined && fields.messageLifetime !== '') {
			body.MsgLifeTime = toInteger(node, i, fields.messageLifetime, 'Message Lifetime (Seconds)', { min: 0, max: 604800 });
		}
	} else if (fields.onlineOnly !== undefined && toBoolean(node, i, fields.onlineOnly, 'Online Only')) {
		body.OnlineOnlyFlag = 1;
	}
	return body;
}
