import type { IDataObject, IExecuteFunctions, INode, INodeProperties } from 'n8n-workflow';

import { parameterError } from '../../../shared/errors';
import { textParameter, toBoolean, toChoice, toJsonObject, toText } from '../../../shared/parameters';

/** Who a send goes to: Easemob's three send endpoints take the same message with a few own fields. */
export type SendTarget = 'users' | 'groups' | 'chatrooms';

/** The message content fields shared by Send to Users, Send to Groups and Chat Room → Send Message. */
export function messageContentFields(operation: string, resource = 'message'): INodeProperties[] {
	const show = (extra: IDataObject = {}) => ({ show: { resource: [resource], operation: [operation], ...extra } });
	return [
		{
			displayName: 'Message Type',
			name: 'messageType',
			type: 'options',
			default: 'txt',
			displayOptions: show(),
			options: [
				{ name: 'Text', value: 'txt', description: 'A text message' },
				{ name: 'Custom', value: 'custom', description: 'A custom event with string key/value data your app interprets' },
				{ name: 'Command', value: 'cmd', description: 'A silent command message (not shown, not stored offline)' },
			],
		},
		{
			displayName: 'Text',
			name: 'text',
			type: 'string',
			typeOptions: { rows: 3 },
			default: '',
			required: true,
			placeholder: 'e.g. Hello from n8n',
			displayOptions: show({ messageType: ['txt'] }),
		},
		{
			displayName: 'Action',
			name: 'action',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'e.g. refresh_profile',
			description: 'The command your app reacts to',
			displayOptions: show({ messageType: ['cmd'] }),
		},
		{
			displayName: 'Custom Event',
			name: 'customEvent',
			type: 'string',
			default: '',
			placeholder: 'e.g. gift',
			description: 'The name of the custom event. Letters, digits and - _ / . only, at most 32.',
			displayOptions: show({ messageType: ['custom'] }),
		},
		{
			displayName: 'Custom Data (JSON)',
			name: 'customExts',
			type: 'json',
			default: '{}',
			description: 'Up to 16 key/value pairs of the custom message; values are sent as text',
			displayOptions: show({ messageType: ['custom'] }),
		},
	];
}

/** The optional fields of a send (additionalFields collection entries). */
export function sendAdditionalFields(target: SendTarget): INodeProperties[] {
	const fields: INodeProperties[] = [
		{
			displayName: 'Extension (JSON)',
			name: 'ext',
			type: 'json',
			default: '{}',
			description: 'Custom attributes delivered with the message, e.g. {"em_ignore_notification": true} for a silent message',
		},
		{
			displayName: 'Sender',
			name: 'from',
			type: 'string',
			default: '',
			placeholder: 'e.g. user1',
			description: 'The user ID shown as sender. Easemob uses "admin" when empty.',
		},
	];
	// https://doc.easemob.com/document/server-side/message_chatroom.html: "聊天室中发消息时，不会同步给发送方"
	// (chat room messages never reach the sender's devices), so chat rooms have no sync_device.
	if (target !== 'chatrooms') {
		fields.push({
			displayName: 'Sync to Sender',
			name: 'syncDevice',
			type: 'boolean',
			default: false,
			description: "Whether the message also appears on the sender's own devices",
		});
	}
	if (target === 'chatrooms') {
		fields.push({
			displayName: 'Priority',
			name: 'chatroomMsgLevel',
			type: 'options',
			default: 'normal',
			options: [
				{ name: 'High', value: 'high' },
				{ name: 'Normal', value: 'normal' },
				{ name: 'Low', value: 'low' },
			],
			description: 'How Easemob ranks the message in a busy chat room: under heavy load it drops low-priority messages first',
		});
	} else if (target === 'users') {
		fields.push({
			displayName: 'Online Users Only',
			name: 'onlineOnly',
			type: 'boolean',
			default: false,
			description: 'Whether to deliver only to recipients who are online; the message is then not stored for offline users or roaming',
		});
	} else {
		fields.push({
			displayName: 'Need Read Receipts',
			name: 'needGroupAck',
			type: 'boolean',
			default: false,
			description: 'Whether group members send read receipts for this message',
		});
	}
	return fields;
}

/** The parts of a send request body that do not depend on the recipients. */
export function readMessage(ctx: IExecuteFunctions, node: INode, i: number, target: SendTarget): IDataObject {
	const forUsers = target === 'users';
	const type = toText(node, i, ctx.getNodeParameter('messageType', i), 'Message Type', { required: true });
	const message: IDataObject = { type };
	if (type === 'txt') {
		message.body = { msg: textParameter(ctx, 'text', i, 'Text', { required: true, multiline: true, maxLength: 5000 }) };
	} else if (type === 'cmd') {
		message.body = { action: textParameter(ctx, 'action', i, 'Action', { required: true, maxLength: 1000 }) };
	} else if (type === 'custom') {
		const customExts = toJsonObject(node, i, ctx.getNodeParameter('customExts', i, '{}'), 'Custom Data (JSON)') ?? {};
		for (const [key, value] of Object.entries(customExts)) {
			if (value !== null && typeof value === 'object') {
				throw parameterError(node, i, `Custom Data (JSON) "${key}" is not a text value`, 'Easemob custom data holds text values only, e.g. {"amount": "3"}.');
			}
			customExts[key] = String(value);
		}
		const body: IDataObject = { customExts };
		// https://doc.easemob.com/document/server-side/message_single.html (发送自定义消息): customEvent
		// matches [a-zA-Z0-9-_/\.]{1,32}; customExts holds at most 16 entries.
		if (Object.keys(customExts).length > 16) {
			throw parameterError(node, i, `Custom Data (JSON) has ${Object.keys(customExts).length} entries`, 'Easemob accepts at most 16 entries of custom data.');
		}
		const customEvent = textParameter(ctx, 'customEvent', i, 'Custom Event', { maxLength: 32 });
		if (customEvent !== '' && !/^[a-zA-Z0-9\-_/.]{1,32}$/.test(customEvent)) {
			throw parameterError(node, i, `Custom Event "${customEvent}" has characters Easemob does not accept`, 'Use letters, digits and - _ / . only (at most 32).');
		}
		if (customEvent !== '') body.customEvent = customEvent;
		message.body = body;
	} else {
		throw parameterError(node, i, `Message Type "${type}" is not supported`, 'Use Text, Custom or Command.');
	}
	const fields = ctx.getNodeParameter('additionalFields', i, {}) as IDataObject;
	const ext = toJsonObject(node, i, fields.ext, 'Extension (JSON)');
	if (ext && Object.keys(ext).length > 0) message.ext = ext;
	if (fields.from !== undefined) {
		const from = toText(node, i, fields.from, 'Sender', { maxLength: 64 });
		if (from !== '') message.from = from;
	}
	if (target === 'chatrooms') {
		// chatroom_msg_level: high, normal (default) or low (https://doc.easemob.com/document/server-side/message_chatroom.html).
		if (fields.chatroomMsgLevel !== undefined) message.chatroom_msg_level = toChoice(node, i, fields.chatroomMsgLevel, 'Priority', ['high', 'normal', 'low'] as const);
		return message;
	}
	if (fields.syncDevice !== undefined) message.sync_device = toBoolean(node, i, fields.syncDevice, 'Sync to Sender');
	if (forUsers && toBoolean(node, i, fields.onlineOnly, 'Online Users Only')) message.routetype = 'ROUTE_ONLINE';
	if (!forUsers && fields.needGroupAck !== undefined) message.need_group_ack = toBoolean(node, i, fields.needGroupAck, 'Need Read Receipts');
	return message;
}

/** Splits a list into chunks of at most `size`. */
export function chunks<T>(list: T[], size: number): T[][] {
	const out: T[][] = [];
	for (let start = 0; start < list.length; start += size) out.push(list.slice(start, start + size));
	return out;
}
