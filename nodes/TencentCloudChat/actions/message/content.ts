import { randomInt } from 'node:crypto';

import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { toBoolean, toChoice, toInteger, toText } from '../../../shared/parameters';
import { USER_ID_MAX, collection } from '../fields';

const MESSAGE_TYPES = ['text', 'custom'] as const;

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

/** A uint32 for Tencent's de-duplication: made once per item, reused by every retry of it. */
export function newMessageRandom(): number {
	return randomInt(0, 2 ** 32);
}

/** Reads the message and the optional fields into the body parts every send command shares. */
export function readMessage(ctx: IExecuteFunctions, i: number, kind: 'c2c' | 'group'): IDataObject {
	const node = ctx.getNode();
	const body: IDataObject = {};
	const messageType = toChoice(node, i, ctx.getNodeParameter('messageType', i, 'text'), 'Message Type', MESSAGE_TYPES);
	if (messageType === 'text') {
		const text = toText(node, i, ctx.getNodeParameter('text', i, ''), 'Text', {
			required: true,
			multiline: true,
			maxLength: 12000,
		});
		body.MsgBody = [{ MsgType: 'TIMTextElem', MsgContent: { Text: text } }];
	} else {
		const data = toText(node, i, ctx.getNodeParameter('customData', i, ''), 'Custom Data', { required: true, multiline: true, maxLength: 12000 });
		const desc = toText(node, i, ctx.getNodeParameter('customDescription', i, ''), 'Custom Description', { multiline: true, maxLength: 1000 });
		body.MsgBody = [
			{
				MsgType: 'TIMCustomElem',
				MsgContent: desc ? { Data: data, Desc: desc } : { Data: data },
			},
		];
	}
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
