// The sweep's table: one entry per operation. An entry says which values each parameter may take
// (generators), how the node is configured (every generated value arrives through an expression,
// `={{ $json["<name>"] }}`, from the input item), and what the API documents for one item: either
// the labels of the parameters that must be refused, or exactly the requests that must be sent.
// Covering a new operation is adding an entry here.
import fc from 'fast-check';
import { DateTime } from 'luxon';
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { Reader } from './model';
import type { PlatformName, Wire } from './platforms';
import { EASEMOB_LISTED_GROUPS, EASEMOB_LISTED_MEMBERS, EASEMOB_LISTED_USERS, TENCENT_SWEEP_GROUP_ID, THULIUM_LISTED_CHATS } from './platforms';
import { TENCENT_USERS_READ_STATE_HISTORY } from './tableTencentUsersReadStateHistory';
import { anyValue, booleanValue, choiceValue, dateValue, idListValue, idValue, integerValue, plausibleId, textValue } from './values';

/** Placeholders for values the node chooses itself; the sweep checks their type, not their value. */
export const ANY_UINT32 = '<uint32>';
export const NOW = '<now>';

export type { PlatformName };

/** Per-run settings that are not expressions: which optional fields the user added, toggles. */
export type RunSettings = { present: string[]; flags: Record<string, unknown> };

export interface OperationEntry {
	/** Shown in the report: node / resource / operation. */
	title: string;
	node: string;
	platform: PlatformName;
	resource: string;
	operation: string;
	/** Generators of each item's raw values, by item key (also the expression's `$json` key). */
	values: Record<string, fc.Arbitrary<unknown>>;
	/** Keys of `values` that live in a collection and may be absent from it (chosen per run). */
	optional?: string[];
	/** Other per-run settings (literal toggles, modes). */
	flags?: fc.Arbitrary<Record<string, unknown>>;
	/** The node's parameters for one run. */
	parameters(settings: RunSettings): INodeParameters;
	/**
	 * The documented requests for one item, or undefined when `r` recorded a refusal. Only values of
	 * present keys are passed (absent optional fields are undefined).
	 */
	expect(v: IDataObject, r: Reader, settings: RunSettings): Wire[] | undefined;
	/** Fewer runs than the default, for a command the platform limits to very few calls per second. */
	runs?: number;
}

/** The expression that reads item key `key`. */
export const expr = (key: string) => `={{ $json[${JSON.stringify(key)}] }}`;

/** A collection parameter holding the present keys of `prefix.*`, each as an expression. */
export function collectionOf(prefix: string, settings: RunSettings): INodeParameters {
	const out: INodeParameters = {};
	for (const key of settings.present) if (key.startsWith(`${prefix}.`)) out[key.slice(prefix.length + 1)] = expr(key);
	return out;
}

export const tencent = (command: string, body: IDataObject): Wire => ({ method: 'POST', path: ['v4', ...command.split('/')], query: {}, body });

// ---------------------------------------------------------------- Thulium Chat

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

const thuliumStart: OperationEntry = {
	title: 'thuliumChat / conversation / start',
	node: 'thuliumChat',
	platform: 'thulium',
	resource: 'conversation',
	operation: 'start',
	values: {
		chatQueueId: integerValue(1, 1_000_000),
		'additionalFields.clientName': textValue(),
		'additionalFields.clientSurname': textValue(),
		'additionalFields.clientEmail': textValue(fc.oneof(fc.emailAddress(), fc.constantFrom('jan.kowalski@example.org', ' a@b.pl ', 'not-an-email', 'a+b@c.de'))),
		'additionalFields.clientId': idValue(),
		'additionalFields.customerId': integerValue(1, 1_000_000),
	},
	optional: [
		'additionalFields.clientName',
		'additionalFields.clientSurname',
		'additionalFields.clientEmail',
		'additionalFields.clientId',
		'additionalFields.customerId',
	],
	flags: fc.record({ mode: fc.constantFrom('id', 'list') }),
	parameters: (s) => ({
		resource: 'conversation',
		operation: 'start',
		chatQueueId: { __rl: true, mode: String(s.flags.mode), value: expr('chatQueueId') },
		additionalFields: collectionOf('additionalFields', s),
	}),
	expect: (v, r) => {
		const query: Record<string, string> = {};
		const queue = r.integer(v.chatQueueId, 'Chat Queue', { required: true, min: 1 });
		if (queue !== undefined && queue !== null) query.chat_queue_id = String(queue);
		const texts: Array<[string, string, string]> = [
			['clientName', 'Client First Name', 'client_name'],
			['clientSurname', 'Client Last Name', 'client_surname'],
			['clientEmail', 'Client E-Mail', 'client_email'],
			['clientId', 'Client ID', 'client_id'],
		];
		for (const [key, label, field] of texts) {
			const text = r.text(v[`additionalFields.${key}`], label, { maxLength: 255 });
			if (text) query[field] = text;
		}
		if (query.client_email !== undefined && !EMAIL.test(query.client_email)) r.refuse('Client E-Mail');
		const customer = r.integer(v['additionalFields.customerId'], 'Customer ID', { min: 1 });
		if (customer !== undefined && customer !== null) query.customer_id = String(customer);
		return r.ok ? [{ method: 'POST', path: ['api', 'chat_conversations', 'start'], query, body: '' }] : undefined;
	},
};

const thuliumDeleteContent: OperationEntry = {
	title: 'thuliumChat / conversation / deleteContent',
	node: 'thuliumChat',
	platform: 'thulium',
	resource: 'conversation',
	operation: 'deleteContent',
	values: {
		conversationId: idValue(fc.oneof(fc.uuid(), plausibleId)),
		participant: choiceValue(['user', 'customer', 'both']),
	},
	parameters: () => ({ resource: 'conversation', operation: 'deleteContent', conversationId: expr('conversationId'), participant: expr('participant') }),
	expect: (v, r) => {
		const id = r.text(v.conversationId, 'Conversation ID', { required: true, maxLength: 100, pathSegment: true });
		const participant = r.choice(v.participant, 'Participant', ['user', 'customer', 'both'] as const);
		if (!r.ok) return undefined;
		return [{ method: 'DELETE', path: ['api', 'chat_conversations', 'content', id!, participant!], query: {}, body: '' }];
	},
};

// ---------------------------------------------------------------- Tencent Cloud Chat

const tencentDelete: OperationEntry = {
	title: 'tencentCloudChat / conversation / delete',
	node: 'tencentCloudChat',
	platform: 'tencent',
	resource: 'conversation',
	operation: 'delete',
	values: {
		fromAccount: idValue(),
		conversationType: choiceValue(['c2c', 'group']),
		toAccount: idValue(),
		groupId: idValue(),
		clearRoamingMessages: booleanValue,
	},
	parameters: () => ({
		resource: 'conversation',
		operation: 'delete',
		fromAccount: expr('fromAccount'),
		conversationType: expr('conversationType'),
		toAccount: expr('toAccount'),
		groupId: expr('groupId'),
		clearRoamingMessages: expr('clearRoamingMessages'),
	}),
	expect: (v, r) => {
		const from = r.text(v.fromAccount, 'From Account', { required: true, maxLength: 32 });
		const type = r.choice(v.conversationType, 'Conversation Type', ['c2c', 'group'] as const);
		const clear = r.boolean(v.clearRoamingMessages, 'Clear Roaming Messages');
		if (type === undefined) return undefined;
		const body: IDataObject = { From_Account: from, Type: type === 'c2c' ? 1 : 2, ClearRamble: clear ? 1 : 0 };
		if (type === 'c2c') body.To_Account = r.text(v.toAccount, 'To Account', { required: true, maxLength: 32 });
		else body.ToGroupid = r.text(v.groupId, 'Group ID', { required: true, maxLength: 48 });
		return r.ok ? [tencent('recentcontact/delete', body)] : undefined;
	},
};

export function limitOf(v: IDataObject, r: Reader, s: RunSettings): number | undefined {
	if (s.flags.returnAll === true) return Infinity;
	return r.integer(v.limit, 'Limit', { min: 1, required: true }) ?? undefined;
}

const tencentGetMany: OperationEntry = {
	title: 'tencentCloudChat / conversation / getMany',
	node: 'tencentCloudChat',
	platform: 'tencent',
	resource: 'conversation',
	operation: 'getMany',
	values: { fromAccount: idValue(), limit: integerValue(1, 500) },
	flags: fc.record({ returnAll: fc.boolean() }),
	parameters: (s) => ({ resource: 'conversation', operation: 'getMany', fromAccount: expr('fromAccount'), returnAll: s.flags.returnAll === true, limit: expr('limit') }),
	expect: (v, r, s) => {
		const from = r.text(v.fromAccount, 'From Account', { required: true, maxLength: 32 });
		limitOf(v, r, s);
		if (!r.ok) return undefined;
		return [tencent('recentcontact/get_list', { From_Account: from, TimeStamp: 0, StartIndex: 0, TopTimeStamp: 0, TopStartIndex: 0, AssistFlags: 63 })];
	},
};

const tencentGetHistory: OperationEntry = {
	title: 'tencentCloudChat / message / getHistory',
	node: 'tencentCloudChat',
	platform: 'tencent',
	resource: 'message',
	operation: 'getHistory',
	values: {
		operatorAccount: idValue(),
		peerAccount: idValue(),
		limit: integerValue(1, 300),
		simplify: booleanValue,
		'filters.sentAfter': dateValue,
		'filters.sentBefore': dateValue,
	},
	optional: ['filters.sentAfter', 'filters.sentBefore'],
	flags: fc.record({ returnAll: fc.boolean() }),
	parameters: (s) => ({
		resource: 'message',
		operation: 'getHistory',
		operatorAccount: expr('operatorAccount'),
		peerAccount: expr('peerAccount'),
		returnAll: s.flags.returnAll === true,
		limit: expr('limit'),
		simplify: expr('simplify'),
		filters: collectionOf('filters', s),
	}),
	expect: (v, r, s) => {
		const after = r.unixSeconds(v['filters.sentAfter'], 'Sent After');
		const before = r.unixSeconds(v['filters.sentBefore'], 'Sent Before');
		const minTime = after ?? 0;
		const maxTime: number | string = before ?? NOW;
		if (after !== undefined && before !== undefined && typeof maxTime === 'number' && minTime > maxTime) r.refuse('Sent After');
		if (typeof after === 'number' && before === null && minTime > Date.now() / 1000) r.refuse('Sent After');
		const operator = r.text(v.operatorAccount, 'Operator Account', { required: true, maxLength: 32 });
		const peer = r.text(v.peerAccount, 'Peer Account', { required: true, maxLength: 32 });
		const limit = limitOf(v, r, s);
		r.boolean(v.simplify, 'Simplify');
		if (!r.ok) return undefined;
		return [
			tencent('openim/admin_getroammsg', {
				Operator_Account: operator,
				Peer_Account: peer,
				MaxCnt: Math.min(100, limit!),
				MinTime: minTime,
				MaxTime: maxTime,
			}),
		];
	},
};

const C2C_OPTIONAL = ['fromAccount', 'cloudCustomData', 'offlinePushTitle', 'offlinePushText', 'syncToSender', 'messageLifetime'].map((k) => `additionalFields.${k}`);
const GROUP_OPTIONAL = ['fromAccount', 'cloudCustomData', 'offlinePushTitle', 'offlinePushText', 'onlineOnly'].map((k) => `additionalFields.${k}`);

const messageValues = {
	text: textValue(),
	customData: textValue(fc.oneof(fc.json(), fc.constantFrom('{"type":"order","number":42}', 'plain'))),
	customDescription: textValue(),
	'additionalFields.fromAccount': idValue(),
	'additionalFields.cloudCustomData': textValue(fc.json()),
	'additionalFields.offlinePushTitle': textValue(),
	'additionalFields.offlinePushText': textValue(),
	'additionalFields.syncToSender': booleanValue,
	'additionalFields.messageLifetime': integerValue(0, 604800),
	'additionalFields.onlineOnly': booleanValue,
};

function messageParameters(s: RunSettings): INodeParameters {
	const content: INodeParameters =
		s.flags.messageType === 'text'
			? { messageType: 'text', text: expr('text') }
			: { messageType: 'custom', customData: expr('customData'), customDescription: expr('customDescription') };
	return { ...content, additionalFields: collectionOf('additionalFields', s) };
}

/** The message part every send command shares, as the Chat server API documents it. */
function expectMessage(v: IDataObject, r: Reader, s: RunSettings, kind: 'c2c' | 'group'): IDataObject {
	const body: IDataObject = {};
	if (s.flags.messageType === 'text') {
		const text = r.text(v.text, 'Text', { required: true, multiline: true, maxLength: 12000 });
		body.MsgBody = [{ MsgType: 'TIMTextElem', MsgContent: { Text: text } }];
	} else {
		const data = r.text(v.customData, 'Custom Data', { required: true, multiline: true, maxLength: 12000 });
		const desc = r.text(v.customDescription, 'Custom Description', { multiline: true, maxLength: 1000 });
		body.MsgBody = [{ MsgType: 'TIMCustomElem', MsgContent: desc ? { Data: data, Desc: desc } : { Data: data } }];
	}
	const a = (key: string) => v[`additionalFields.${key}`];
	const from = r.text(a('fromAccount'), 'From Account', { maxLength: 32 });
	if (from) body.From_Account = from;
	const cloud = r.text(a('cloudCustomData'), 'Cloud Custom Data', { multiline: true, maxLength: 12000 });
	if (cloud) body.CloudCustomData = cloud;
	const title = r.text(a('offlinePushTitle'), 'Offline Push Title', { maxLength: 200 });
	const desc = r.text(a('offlinePushText'), 'Offline Push Text', { multiline: true, maxLength: 1000 });
	if (title || desc) body.OfflinePushInfo = { PushFlag: 0, ...(title ? { Title: title } : {}), ...(desc ? { Desc: desc } : {}) };
	if (kind === 'c2c') {
		if (a('syncToSender') !== undefined) body.SyncOtherMachine = r.boolean(a('syncToSender'), 'Sync to Sender') ? 1 : 2;
		const lifetime = a('messageLifetime');
		if (lifetime !== undefined && lifetime !== '') {
			const n = r.integer(lifetime, 'Message Lifetime (Seconds)', { min: 0, max: 604800 });
			if (typeof n === 'number') body.MsgLifeTime = n;
		}
	} else if (a('onlineOnly') !== undefined && r.boolean(a('onlineOnly'), 'Online Only')) {
		body.OnlineOnlyFlag = 1;
	}
	return body;
}

const messageFlags = fc.record({ messageType: fc.constantFrom('text', 'custom') });

const tencentSend: OperationEntry = {
	title: 'tencentCloudChat / message / send',
	node: 'tencentCloudChat',
	platform: 'tencent',
	resource: 'message',
	operation: 'send',
	values: { toAccount: idValue(), ...messageValues },
	optional: C2C_OPTIONAL,
	flags: messageFlags,
	parameters: (s) => ({ resource: 'message', operation: 'send', toAccount: expr('toAccount'), ...messageParameters(s) }),
	expect: (v, r, s) => {
		const to = r.text(v.toAccount, 'To Account', { required: true, maxLength: 32 });
		const message = expectMessage(v, r, s, 'c2c');
		return r.ok ? [tencent('openim/sendmsg', { ...message, To_Account: to, MsgSeq: ANY_UINT32, MsgRandom: ANY_UINT32 })] : undefined;
	},
};

const tencentSendToMany: OperationEntry = {
	title: 'tencentCloudChat / message / sendToMany',
	node: 'tencentCloudChat',
	platform: 'tencent',
	resource: 'message',
	operation: 'sendToMany',
	values: { toAccounts: idListValue, ...messageValues },
	optional: C2C_OPTIONAL,
	flags: messageFlags,
	parameters: (s) => ({ resource: 'message', operation: 'sendToMany', toAccounts: expr('toAccounts'), ...messageParameters(s) }),
	expect: (v, r, s) => {
		const ids = r.idList(v.toAccounts, 'To Accounts', { required: true, maxLength: 32 });
		const message = expectMessage(v, r, s, 'c2c');
		if (!r.ok) return undefined;
		const wires: Wire[] = [];
		for (let start = 0; start < ids!.length; start += 500) {
			wires.push(tencent('openim/batchsendmsg', { ...message, To_Account: ids!.slice(start, start + 500), MsgSeq: ANY_UINT32, MsgRandom: ANY_UINT32 }));
		}
		return wires;
	},
};

const tencentSendToGroup: OperationEntry = {
	title: 'tencentCloudChat / message / sendToGroup',
	node: 'tencentCloudChat',
	platform: 'tencent',
	resource: 'message',
	operation: 'sendToGroup',
	values: { groupId: idValue(), ...messageValues },
	optional: GROUP_OPTIONAL,
	flags: messageFlags,
	parameters: (s) => ({ resource: 'message', operation: 'sendToGroup', groupId: expr('groupId'), ...messageParameters(s) }),
	expect: (v, r, s) => {
		const group = r.text(v.groupId, 'Group ID', { required: true, maxLength: 48 });
		const message = expectMessage(v, r, s, 'group');
		return r.ok ? [tencent('group_open_http_svc/send_group_msg', { GroupId: group, Random: ANY_UINT32, ...message })] : undefined;
	},
};

const tencentRecall: OperationEntry = {
	title: 'tencentCloudChat / message / recall',
	node: 'tencentCloudChat',
	platform: 'tencent',
	resource: 'message',
	operation: 'recall',
	values: { fromAccount: idValue(), toAccount: idValue(), msgKey: idValue(fc.constantFrom('31906_833502_1572869830', '1_2_3')) },
	parameters: () => ({ resource: 'message', operation: 'recall', fromAccount: expr('fromAccount'), toAccount: expr('toAccount'), msgKey: expr('msgKey') }),
	expect: (v, r) => {
		const body = {
			From_Account: r.text(v.fromAccount, 'From Account', { required: true, maxLength: 32 }),
			To_Account: r.text(v.toAccount, 'To Account', { required: true, maxLength: 32 }),
			MsgKey: r.text(v.msgKey, 'Message Key', { required: true, maxLength: 50 }),
		};
		return r.ok ? [tencent('openim/admin_msgwithdraw', body)] : undefined;
	},
};

const tencentImport: OperationEntry = {
	title: 'tencentCloudChat / user / import',
	node: 'tencentCloudChat',
	platform: 'tencent',
	resource: 'user',
	operation: 'import',
	values: {
		userId: idValue(),
		'additionalFields.nickname': textValue(),
		'additionalFields.faceUrl': textValue(fc.webUrl()),
	},
	optional: ['additionalFields.nickname', 'additionalFields.faceUrl'],
	parameters: (s) => ({ resource: 'user', operation: 'import', userId: expr('userId'), additionalFields: collectionOf('additionalFields', s) }),
	expect: (v, r) => {
		const body: IDataObject = { UserID: r.text(v.userId, 'User ID', { required: true, maxBytes: 32 }) };
		const nick = r.text(v['additionalFields.nickname'], 'Nickname', { maxLength: 500 });
		const face = r.text(v['additionalFields.faceUrl'], 'Avatar URL', { maxLength: 500 });
		if (nick) body.Nick = nick;
		if (face) body.FaceUrl = face;
		return r.ok ? [tencent('im_open_login_svc/account_import', body)] : undefined;
	},
};

const tencentCheck: OperationEntry = {
	title: 'tencentCloudChat / user / check',
	node: 'tencentCloudChat',
	platform: 'tencent',
	resource: 'user',
	operation: 'check',
	values: { userIds: idListValue },
	parameters: () => ({ resource: 'user', operation: 'check', userIds: expr('userIds') }),
	expect: (v, r) => {
		const ids = r.idList(v.userIds, 'User IDs', { required: true, maxLength: 32 });
		if (!r.ok) return undefined;
		const wires: Wire[] = [];
		for (let start = 0; start < ids!.length; start += 100) {
			wires.push(tencent('im_open_login_svc/account_check', { CheckItem: ids!.slice(start, start + 100).map((UserID) => ({ UserID })) }));
		}
		return wires;
	},
};



const thuliumConversationId = idValue(fc.oneof(fc.uuid(), plausibleId));
const thuliumChatbotId = idValue(fc.uuid());
const thuliumConversationPath = (v: IDataObject, r: Reader) => r.text(v.conversationId, 'Conversation ID', { required: true, maxLength: 100, pathSegment: true });

const thuliumSendMessage: OperationEntry = {
	title: 'thuliumChat / conversation / sendMessage',
	node: 'thuliumChat',
	platform: 'thulium',
	resource: 'conversation',
	operation: 'sendMessage',
	values: { conversationId: thuliumConversationId, text: textValue(), 'additionalFields.externalChatbotId': thuliumChatbotId },
	optional: ['additionalFields.externalChatbotId'],
	parameters: (s) => ({ resource: 'conversation', operation: 'sendMessage', conversationId: expr('conversationId'), text: expr('text'), additionalFields: collectionOf('additionalFields', s) }),
	expect: (v, r) => {
		const id = thuliumConversationPath(v, r);
		const body: IDataObject = { text: r.text(v.text, 'Text', { required: true, multiline: true, maxLength: 10_000 }) };
		const chatbot = r.text(v['additionalFields.externalChatbotId'], 'External Chatbot ID', { maxLength: 100 });
		if (chatbot) body.external_chatbot_id = chatbot;
		return r.ok ? [{ method: 'POST', path: ['api', 'chat_conversations', id!, 'message'], query: {}, body }] : undefined;
	},
};

const thuliumStop: OperationEntry = {
	title: 'thuliumChat / conversation / stop',
	node: 'thuliumChat',
	platform: 'thulium',
	resource: 'conversation',
	operation: 'stop',
	values: { conversationId: thuliumConversationId, 'additionalFields.externalChatbotId': thuliumChatbotId },
	optional: ['additionalFields.externalChatbotId'],
	parameters: (s) => ({ resource: 'conversation', operation: 'stop', conversationId: expr('conversationId'), additionalFields: collectionOf('additionalFields', s) }),
	expect: (v, r) => {
		const id = thuliumConversationPath(v, r);
		const chatbot = r.text(v['additionalFields.externalChatbotId'], 'External Chatbot ID', { maxLength: 100 });
		// The documented request has no body; the chatbot is the only optional field.
		return r.ok ? [{ method: 'POST', path: ['api', 'chat_conversations', id!, 'stop'], query: {}, body: chatbot ? { external_chatbot_id: chatbot } : '' }] : undefined;
	},
};

const thuliumDelete: OperationEntry = {
	title: 'thuliumChat / conversation / delete',
	node: 'thuliumChat',
	platform: 'thulium',
	resource: 'conversation',
	operation: 'delete',
	values: { conversationId: thuliumConversationId },
	parameters: () => ({ resource: 'conversation', operation: 'delete', conversationId: expr('conversationId') }),
	expect: (v, r) => {
		const id = thuliumConversationPath(v, r);
		return r.ok ? [{ method: 'DELETE', path: ['api', 'chat_conversations', id!], query: {}, body: '' }] : undefined;
	},
};

const thuliumQueues: OperationEntry = {
	title: 'thuliumChat / queue / getMany',
	node: 'thuliumChat',
	platform: 'thulium',
	resource: 'queue',
	operation: 'getMany',
	values: { limit: integerValue(1, 300) },
	flags: fc.record({ returnAll: fc.boolean() }),
	parameters: (s) => ({ resource: 'queue', operation: 'getMany', returnAll: s.flags.returnAll === true, limit: expr('limit') }),
	expect: (v, r, s) => {
		limitOf(v, r, s);
		// Not paged: one request, the limit is applied to the answer.
		return r.ok ? [{ method: 'GET', path: ['api', 'chats', 'queues'], query: {}, body: '' }] : undefined;
	},
};


/** The workflow's timezone in the test engine (n8n's default). */
const WORKFLOW_TIMEZONE = 'America/New_York';
const THULIUM_DATE = /^(\d{4}-\d{2}-\d{2})(?:[ T](\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,6})?)?)?$/;

/**
 * A Thulium date (no timezone): "YYYY-MM-DD", or with the time to the minute or second. Text in
 * that form is sent as written; a moment with a zone (ISO with Z or offset) is turned into the
 * workflow's time first; anything else is refused. null when absent.
 */
function thuliumDate(r: Reader, value: unknown, label: string, precision: 'minute' | 'second', required = false): string | null | undefined {
	if (value === null || value === undefined || (typeof value === 'string' && value.trim() === '')) return required ? r.refuse(label) : null;
	if (typeof value !== 'string') return r.refuse(label);
	const text = value.trim();
	const format = precision === 'second' ? 'yyyy-MM-dd HH:mm:ss' : 'yyyy-MM-dd HH:mm';
	const plain = THULIUM_DATE.exec(text);
	if (plain) {
		const parsed = DateTime.fromISO(text.replace(' ', 'T'), { zone: 'utc' });
		if (!parsed.isValid) return r.refuse(label);
		return plain[2] === undefined ? parsed.toFormat('yyyy-MM-dd') : parsed.toFormat(format);
	}
	const moment = DateTime.fromISO(text, { setZone: true });
	if (!moment.isValid) return r.refuse(label);
	return moment.setZone(WORKFLOW_TIMEZONE).toFormat(format);
}

const CHAT_FILTERS = ['filters.dateFrom', 'filters.dateTo', 'filters.status', 'filters.chatQueueId'];
const CHAT_OPTIONS = ['options.includeMessages', 'options.includeFiles', 'options.includeClientData', 'options.simplify'];

const thuliumChats: OperationEntry = {
	title: 'thuliumChat / chat / getMany',
	node: 'thuliumChat',
	platform: 'thulium',
	resource: 'chat',
	operation: 'getMany',
	values: {
		limit: integerValue(1, 300),
		'filters.dateFrom': fc.oneof(dateValue, fc.constantFrom('2024-12-19', '2024-12-19 13:45', '2024-12-19T13:45:59', ' 2025-01-01 00:00 ', '2024-02-30', '2024-12-19 25:00')),
		'filters.dateTo': fc.oneof(dateValue, fc.constantFrom('2024-12-19', '2024-12-20 08:00', '2030-01-01T00:00:00+02:00')),
		'filters.status': choiceValue(['CLOSED', 'closed', 'ACTIVE', 'not a status']),
		'filters.chatQueueId': integerValue(1, 1_000_000),
		'options.includeMessages': booleanValue,
		'options.includeFiles': booleanValue,
		'options.includeClientData': booleanValue,
		'options.simplify': booleanValue,
	},
	optional: [...CHAT_FILTERS, ...CHAT_OPTIONS],
	flags: fc.record({ returnAll: fc.boolean() }),
	parameters: (s) => ({
		resource: 'chat',
		operation: 'getMany',
		returnAll: s.flags.returnAll === true,
		limit: expr('limit'),
		filters: collectionOf('filters', s),
		options: collectionOf('options', s),
	}),
	expect: (v, r, s) => {
		const max = limitOf(v, r, s);
		const query: Record<string, string> = {};
		const from = thuliumDate(r, v['filters.dateFrom'], 'Started After', 'minute');
		const to = thuliumDate(r, v['filters.dateTo'], 'Started Before', 'minute');
		if (from) query.date_from = from;
		if (to) query.date_to = to;
		if (from && to && from > to) r.refuse('Started After');
		const status = r.text(v['filters.status'], 'Status', { maxLength: 40 });
		if (status) {
			if (/^[A-Za-z_]+$/.test(status)) query.status = status.toUpperCase();
			else r.refuse('Status');
		}
		const queue = r.integer(v['filters.chatQueueId'], 'Chat Queue', { min: 1 });
		if (typeof queue === 'number') query.chat_queue_id = String(queue);
		for (const [option, key, label] of [
			['includeMessages', 'include_messages', 'Include Messages'],
			['includeFiles', 'include_files', 'Include Files'],
			['includeClientData', 'include_client_data', 'Include Client Data'],
		] as const) {
			if (r.boolean(v[`options.${option}`], label)) query[key] = 'true';
		}
		r.boolean(v['options.simplify'], 'Simplify');
		if (!r.ok) return undefined;
		// The permissive system has no chats: one page.
		return [{ method: 'GET', path: ['api', 'chats'], query: { ...query, limit: String(Math.min(100, max!)), offset: '0' }, body: '' }];
	},
};


const AGGREGATIONS = ['hour_of_day', 'minute', 'hour', 'day', 'week', 'month', 'year'] as const;
const REPORT_FIELDS = ['aggregateBy', 'chatQueueIds', 'responseThreshold', 'sumUsers', 'userLogins'].map((k) => `additionalFields.${k}`);

const thuliumSummary: OperationEntry = {
	title: 'thuliumChat / report / getSummary',
	node: 'thuliumChat',
	platform: 'thulium',
	resource: 'report',
	operation: 'getSummary',
	values: {
		// Mostly a plausible period (the report needs both ends, From before To), sometimes anything.
		dateFrom: fc.oneof({ weight: 1, arbitrary: dateValue }, { weight: 2, arbitrary: fc.constantFrom('2024-12-01', '2024-12-01 00:00:00', ' 2024-12-19T13:45 ', '2024-11-30T23:00:00Z', '2024-13-01') }),
		dateTo: fc.oneof({ weight: 1, arbitrary: dateValue }, { weight: 2, arbitrary: fc.constantFrom('2024-12-31', '2024-12-31 23:59:59', '2099-01-01T00:00:00Z', '2025-01-01T00:00:00+09:00') }),
		limit: integerValue(1, 300),
		'additionalFields.aggregateBy': choiceValue(AGGREGATIONS),
		'additionalFields.chatQueueIds': fc.oneof(idListValue, fc.constantFrom('1, 3', '2', [1, 2], '0', '-1', '1.5')),
		'additionalFields.responseThreshold': integerValue(1, 3600),
		'additionalFields.sumUsers': booleanValue,
		'additionalFields.userLogins': idListValue,
	},
	optional: REPORT_FIELDS,
	flags: fc.record({ returnAll: fc.boolean() }),
	parameters: (s) => ({
		resource: 'report',
		operation: 'getSummary',
		dateFrom: expr('dateFrom'),
		dateTo: expr('dateTo'),
		returnAll: s.flags.returnAll === true,
		limit: expr('limit'),
		additionalFields: collectionOf('additionalFields', s),
	}),
	expect: (v, r, s) => {
		const a = (key: string) => v[`additionalFields.${key}`];
		const from = thuliumDate(r, v.dateFrom, 'From', 'second', true);
		const to = thuliumDate(r, v.dateTo, 'To', 'second', true);
		if (from && to && from > to) r.refuse('From');
		const max = limitOf(v, r, s);
		const query: Record<string, string> = {};
		if (from) query.date_from = from;
		if (to) query.date_to = to;
		const logins = r.idList(a('userLogins'), 'User Logins', { maxLength: 100 });
		if (logins && logins.length > 0) query['user_logins[]'] = JSON.stringify(logins);
		const queueTexts = r.idList(a('chatQueueIds'), 'Chat Queue IDs', { maxLength: 20 });
		const queues = (queueTexts ?? []).map((id) => r.integer(id, 'Chat Queue IDs', { min: 1 }));
		if (queues.length > 0) query['chat_queue_ids[]'] = JSON.stringify(queues.map(String));
		if (a('aggregateBy') !== undefined) query.aggregate_by = r.choice(a('aggregateBy'), 'Aggregate By', AGGREGATIONS) ?? '';
		const threshold = r.integer(a('responseThreshold'), 'Response Threshold (Seconds)', { min: 1 });
		if (typeof threshold === 'number') query.response_threshold = String(threshold);
		if (a('sumUsers') !== undefined) query.sum_users = r.boolean(a('sumUsers'), 'Sum Users') ? 'true' : 'false';
		if (!r.ok) return undefined;
		// The permissive system has no chats: one page (a bare, empty list).
		return [{ method: 'GET', path: ['api', 'chats', 'reports', 'summary'], query: { ...query, limit: String(Math.min(100, max!)), offset: '0' }, body: '' }];
	},
};

// ---------------------------------------------------------------- Easemob IM

const easemob = (method: string, path: string[], body: unknown = '', query: Record<string, string> = {}): Wire => ({ method, path, query, body });

/** Usernames unique per case, so no per-user limit is ever reached by chance. */
const uniqueUsername = fc.uuid().map((u) => `u_${u.slice(0, 8)}`);

const USERNAME_RULES = { required: true, maxLength: 64, pathSegment: true };

/** A JSON object parameter: absent, a JSON text, an object from an expression, or anything. */
function jsonObject(r: Reader, value: unknown, label: string): IDataObject | null | undefined {
	if (value === null || value === undefined || (typeof value === 'string' && value.trim() === '')) return null;
	let parsed: unknown = value;
	if (typeof value === 'string') {
		try {
			parsed = JSON.parse(value);
		} catch {
			return r.refuse(label);
		}
	}
	if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return r.refuse(label);
	return parsed as IDataObject;
}

const smallJsonLeaf = fc.oneof(fc.string({ maxLength: 12 }), fc.integer(), fc.boolean(), fc.constant(null));
const smallObject = fc.dictionary(fc.stringMatching(/^[a-z_]{1,8}$/), smallJsonLeaf, { maxKeys: 4 });
const jsonObjectValue: fc.Arbitrary<unknown> = fc.oneof(
	{ weight: 3, arbitrary: smallObject },
	{ weight: 3, arbitrary: smallObject.map((o) => JSON.stringify(o)) },
	{ weight: 1, arbitrary: fc.constantFrom('{}', '', ' ', '{"a":', '[1,2]', '"text"', '42', 'null', '{"nested":{"a":1}}', '{"em_ignore_notification": true}') },
	{ weight: 1, arbitrary: anyValue },
);

/** Group ID lists: like idListValue, but the long ones stay short enough for 20 group calls a second. */
const groupIdListValue: fc.Arbitrary<unknown> = fc.oneof(
	{ weight: 6, arbitrary: idListValue.filter((v) => !(Array.isArray(v) && v.length > 12)) },
	{ weight: 1, arbitrary: fc.integer({ min: 4, max: 12 }).map((n) => Array.from({ length: n }, (_, i) => `g${i}`)) },
);

const EASEMOB_SEND_OPTIONAL = (forUsers: boolean) => ['ext', 'from', 'syncDevice', forUsers ? 'onlineOnly' : 'needGroupAck'].map((k) => `additionalFields.${k}`);

const easemobMessageValues = {
	text: textValue(),
	action: textValue(fc.constantFrom('refresh_profile', 'sync', 'a b')),
	customEvent: textValue(fc.constantFrom('gift', 'order_paid', '')),
	customExts: jsonObjectValue,
	'additionalFields.ext': jsonObjectValue,
	'additionalFields.from': idValue(),
	'additionalFields.syncDevice': booleanValue,
	'additionalFields.onlineOnly': booleanValue,
	'additionalFields.needGroupAck': booleanValue,
};

function easemobMessageParameters(s: RunSettings): INodeParameters {
	const type = String(s.flags.messageType);
	const content: INodeParameters =
		type === 'txt'
			? { messageType: 'txt', text: expr('text') }
			: type === 'cmd'
				? { messageType: 'cmd', action: expr('action') }
				: { messageType: 'custom', customEvent: expr('customEvent'), customExts: expr('customExts') };
	return { ...content, additionalFields: collectionOf('additionalFields', s) };
}

/** The message part of a send, as Easemob documents it (type, body, ext, from, sync_device, …). */
function expectEasemobMessage(v: IDataObject, r: Reader, s: RunSettings, forUsers: boolean): IDataObject {
	const type = String(s.flags.messageType);
	const message: IDataObject = { type };
	if (type === 'txt') {
		message.body = { msg: r.text(v.text, 'Text', { required: true, multiline: true, maxLength: 5000 }) };
	} else if (type === 'cmd') {
		message.body = { action: r.text(v.action, 'Action', { required: true, maxLength: 1000 }) };
	} else {
		const exts = jsonObject(r, v.customExts, 'Custom Data (JSON)');
		const customExts: IDataObject = {};
		if (exts !== undefined) {
			for (const [key, value] of Object.entries(exts ?? {})) {
				if (value !== null && typeof value === 'object') r.refuse('Custom Data (JSON)');
				customExts[key] = String(value);
			}
		}
		// https://doc.easemob.com/document/server-side/message_single.html: at most 16 entries; the event
		// name matches [a-zA-Z0-9-_/\.]{1,32}.
		if (Object.keys(customExts).length > 16) r.refuse('Custom Data (JSON)');
		const body: IDataObject = { customExts };
		const event = r.text(v.customEvent, 'Custom Event', { maxLength: 32 });
		if (event && !/^[a-zA-Z0-9\-_/.]{1,32}$/.test(event)) r.refuse('Custom Event');
		if (event) body.customEvent = event;
		message.body = body;
	}
	const a = (key: string) => v[`additionalFields.${key}`];
	const ext = jsonObject(r, a('ext'), 'Extension (JSON)');
	if (ext && Object.keys(ext).length > 0) message.ext = ext;
	if (a('from') !== undefined) {
		const from = r.text(a('from'), 'Sender', { maxLength: 64 });
		if (from) message.from = from;
	}
	if (a('syncDevice') !== undefined) message.sync_device = r.boolean(a('syncDevice'), 'Sync to Sender');
	if (forUsers && r.boolean(a('onlineOnly'), 'Online Users Only')) message.routetype = 'ROUTE_ONLINE';
	if (!forUsers && a('needGroupAck') !== undefined) message.need_group_ack = r.boolean(a('needGroupAck'), 'Need Read Receipts');
	return message;
}

const easemobMessageFlags = fc.record({ messageType: fc.constantFrom('txt', 'custom', 'cmd') });

function easemobSend(forUsers: boolean): OperationEntry {
	const operation = forUsers ? 'sendToUsers' : 'sendToGroups';
	const parameter = forUsers ? 'to' : 'groupIds';
	const label = forUsers ? 'Recipients' : 'Group IDs';
	const perCall = forUsers ? 600 : 3;
	return {
		title: `easemobIm / message / ${operation}`,
		node: 'easemobIm',
		platform: 'easemob',
		resource: 'message',
		operation,
		values: { [parameter]: forUsers ? idListValue : groupIdListValue, ...easemobMessageValues },
		optional: EASEMOB_SEND_OPTIONAL(forUsers),
		flags: easemobMessageFlags,
		parameters: (s) => ({ resource: 'message', operation, [parameter]: expr(parameter), ...easemobMessageParameters(s) }),
		expect: (v, r, s) => {
			const targets = r.idList(v[parameter], label, { required: true, maxLength: 128 });
			const message = expectEasemobMessage(v, r, s, forUsers);
			if (!r.ok) return undefined;
			const wires: Wire[] = [];
			for (let start = 0; start < targets!.length; start += perCall) {
				wires.push(easemob('POST', ['messages', forUsers ? 'users' : 'chatgroups'], { ...message, to: targets!.slice(start, start + perCall) }));
			}
			return wires;
		},
	};
}

const easemobConversationDelete: OperationEntry = {
	title: 'easemobIm / conversation / delete',
	node: 'easemobIm',
	platform: 'easemob',
	resource: 'conversation',
	operation: 'delete',
	values: {
		username: idValue(uniqueUsername),
		conversationType: choiceValue(['chat', 'groupchat']),
		conversationId: idValue(),
		deleteRoamingMessages: booleanValue,
	},
	parameters: () => ({
		resource: 'conversation',
		operation: 'delete',
		username: expr('username'),
		conversationType: expr('conversationType'),
		conversationId: expr('conversationId'),
		deleteRoamingMessages: expr('deleteRoamingMessages'),
	}),
	expect: (v, r) => {
		const user = r.text(v.username, 'Username', USERNAME_RULES);
		const type = r.choice(v.conversationType, 'Conversation Type', ['chat', 'groupchat'] as const);
		const channel = r.text(v.conversationId, 'Conversation ID', { required: true, maxLength: 128 });
		const roam = r.boolean(v.deleteRoamingMessages, 'Delete Roaming Messages');
		return r.ok ? [easemob('DELETE', ['users', user!, 'user_channel'], { channel, type, delete_roam: roam })] : undefined;
	},
};

const easemobRecall: OperationEntry = {
	title: 'easemobIm / message / recall',
	node: 'easemobIm',
	platform: 'easemob',
	resource: 'message',
	operation: 'recall',
	values: {
		messageId: idValue(fc.constantFrom('1029457500870543736', '1', 'abc')),
		chatType: choiceValue(['chat', 'groupchat', 'chatroom']),
		to: idValue(),
		'additionalFields.force': booleanValue,
		'additionalFields.from': idValue(),
		'additionalFields.syncDevice': booleanValue,
	},
	optional: ['additionalFields.force', 'additionalFields.from', 'additionalFields.syncDevice'],
	parameters: (s) => ({
		resource: 'message',
		operation: 'recall',
		messageId: expr('messageId'),
		chatType: expr('chatType'),
		to: expr('to'),
		additionalFields: collectionOf('additionalFields', s),
	}),
	expect: (v, r) => {
		const a = (key: string) => v[`additionalFields.${key}`];
		const body: IDataObject = {
			msg_id: r.text(v.messageId, 'Message ID', { required: true, maxLength: 64 }),
			to: r.text(v.to, 'Recipient', { required: true, maxLength: 128 }),
			chat_type: r.choice(v.chatType, 'Chat Type', ['chat', 'groupchat', 'chatroom'] as const),
			force: r.boolean(a('force'), 'Force'),
		};
		const from = r.text(a('from'), 'Sender', { maxLength: 64 });
		if (from) body.from = from;
		if (a('syncDevice') !== undefined) body.sync_device = r.boolean(a('syncDevice'), 'Sync to Sender');
		return r.ok ? [easemob('POST', ['messages', 'msg_recall'], body)] : undefined;
	},
};

const EASEMOB_USERNAME = /^[a-zA-Z0-9_.-]{1,64}$/;

/** One user of Create, as the node checks it (label "User" or "User n"). */
function expectNewUser(r: Reader, raw: unknown, label: string): IDataObject | undefined {
	if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return r.refuse(label);
	const entry = raw as IDataObject;
	const username = r.text(entry.username, `${label} username`, { required: true });
	if (username === undefined) return undefined;
	if (!EASEMOB_USERNAME.test(username)) return r.refuse(`${label} username`);
	const password = r.text(entry.password, `${label} password`, { required: true, maxLength: 64 });
	if (password === undefined) return undefined;
	const nickname = r.text(entry.nickname, `${label} nickname`, { maxLength: 100 });
	if (nickname === undefined) return undefined;
	return nickname ? { username, password, nickname } : { username, password };
}

const newUsername = fc.oneof(uniqueUsername, fc.stringMatching(/^[A-Za-z0-9_.-]{1,20}$/), fc.constantFrom('a b', 'ü', 'x'.repeat(65), ''));
const newUser = fc.record(
	{ username: idValue(newUsername), password: textValue(fc.stringMatching(/^[A-Za-z0-9!-]{1,20}$/)), nickname: textValue(fc.constantFrom('Alice', 'Zoë', '')) },
	{ requiredKeys: ['username', 'password'] },
);
const newUserList: fc.Arbitrary<unknown> = fc.oneof(
	{ weight: 4, arbitrary: fc.array(newUser, { minLength: 1, maxLength: 5 }) },
	{ weight: 2, arbitrary: fc.array(newUser, { minLength: 1, maxLength: 5 }).map((l) => JSON.stringify(l)) },
	{ weight: 1, arbitrary: fc.integer({ min: 59, max: 130 }).map((n) => Array.from({ length: n }, (_, i) => ({ username: `bulk_${i}`, password: 'pw-1' }))) },
	{ weight: 1, arbitrary: fc.constantFrom('[]', '', '[1]', '{"username":"a","password":"b"}', '[{"username":"a"}]', 'not json', [[{ username: 'a', password: 'b' }]]) },
	{ weight: 1, arbitrary: anyValue },
);

const easemobUserCreate: OperationEntry = {
	title: 'easemobIm / user / create',
	node: 'easemobIm',
	platform: 'easemob',
	resource: 'user',
	operation: 'create',
	values: {
		username: idValue(newUsername),
		password: textValue(fc.stringMatching(/^[A-Za-z0-9!-]{1,20}$/)),
		'additionalFields.nickname': textValue(fc.constantFrom('Alice', 'Zoë', '')),
		users: newUserList,
	},
	optional: ['additionalFields.nickname'],
	flags: fc.record({ createMode: fc.constantFrom('single', 'list') }),
	parameters: (s) =>
		s.flags.createMode === 'list'
			? { resource: 'user', operation: 'create', createMode: 'list', users: expr('users') }
			: { resource: 'user', operation: 'create', createMode: 'single', username: expr('username'), password: expr('password'), additionalFields: collectionOf('additionalFields', s) },
	expect: (v, r, s) => {
		let users: IDataObject[] = [];
		if (s.flags.createMode === 'list') {
			let list: unknown = v.users;
			if (typeof list === 'string') {
				try {
					list = JSON.parse(list);
				} catch {
					return r.refuse('Users (JSON)');
				}
			}
			if (!Array.isArray(list) || list.length === 0) return r.refuse('Users (JSON)');
			for (const [n, entry] of list.entries()) {
				const user = expectNewUser(r, entry, `User ${n + 1}`);
				if (user === undefined) return undefined;
				users.push(user);
			}
		} else {
			const username = r.text(v.username, 'Username', { required: true });
			if (username === undefined) return undefined;
			const user = expectNewUser(r, { username, password: v.password, nickname: v['additionalFields.nickname'] }, 'User');
			if (user === undefined) return undefined;
			users = [user];
		}
		const wires: Wire[] = [];
		for (let start = 0; start < users.length; start += 60) {
			const group = users.slice(start, start + 60);
			wires.push(easemob('POST', ['users'], group.length === 1 ? group[0] : group));
		}
		return wires;
	},
};

const easemobUserGet: OperationEntry = {
	title: 'easemobIm / user / get',
	node: 'easemobIm',
	platform: 'easemob',
	resource: 'user',
	operation: 'get',
	values: { username: idValue() },
	parameters: () => ({ resource: 'user', operation: 'get', username: expr('username') }),
	expect: (v, r) => {
		const user = r.text(v.username, 'Username', USERNAME_RULES);
		return r.ok ? [easemob('GET', ['users', user!])] : undefined;
	},
};

const easemobUserDelete: OperationEntry = {
	title: 'easemobIm / user / delete',
	node: 'easemobIm',
	platform: 'easemob',
	resource: 'user',
	operation: 'delete',
	values: { username: idValue() },
	parameters: () => ({ resource: 'user', operation: 'delete', username: expr('username') }),
	expect: (v, r) => {
		const user = r.text(v.username, 'Username', USERNAME_RULES);
		return r.ok ? [easemob('DELETE', ['users', user!])] : undefined;
	},
};

/** The cursor of the listing after `offset` users, as the fake issues it. */
const easemobCursor = (offset: number) => Buffer.from(`offset:${offset}`).toString('base64url');

const easemobUserGetAll: OperationEntry = {
	title: 'easemobIm / user / getAll',
	node: 'easemobIm',
	platform: 'easemob',
	resource: 'user',
	operation: 'getAll',
	values: { limit: integerValue(1, 300) },
	flags: fc.record({ returnAll: fc.boolean() }),
	parameters: (s) => ({ resource: 'user', operation: 'getAll', returnAll: s.flags.returnAll === true, limit: expr('limit') }),
	expect: (v, r, s) => {
		const limit = limitOf(v, r, s);
		if (!r.ok) return undefined;
		// The app lists EASEMOB_LISTED_USERS users, 100 a page at most.
		const wires: Wire[] = [];
		for (let got = 0; got < Math.min(limit!, EASEMOB_LISTED_USERS); got += 100) {
			const query: Record<string, string> = { limit: String(Math.min(100, limit! - got)) };
			if (got > 0) query.cursor = easemobCursor(got);
			wires.push(easemob('GET', ['users'], '', query));
		}
		return wires;
	},
};

// ---------------------------------------------------------------- Easemob IM: groups and chat rooms

const GROUP_ID = { required: true, maxLength: 128, pathSegment: true };

/** User IDs of a group or chat room: an ID list whose entries hold no comma (they travel comma-joined). */
function easemobUserIds(r: Reader, value: unknown, label: string, required: boolean): string[] | undefined {
	const ids = r.idList(value, label, { required, maxLength: 64 });
	if (ids?.some((id) => id.includes(',') || id === '.' || id === '..')) return r.refuse(label);
	return ids;
}

/** Group settings of Create and Update, as group_manage.html names them. */
function expectGroupSettings(r: Reader, a: (key: string) => unknown, forUpdate: boolean): IDataObject {
	const body: IDataObject = {};
	for (const [name, label, maxLength] of [
		['groupname', 'Group Name', 128],
		['description', 'Description', 512],
		['avatar', 'Avatar URL', 1024],
	] as const) {
		if (a(name) === undefined) continue;
		const text = r.text(a(name), label, { maxLength, multiline: name === 'description' });
		if (text) body[name] = text;
	}
	if (a('maxusers') !== undefined) {
		const max = r.integer(a('maxusers'), 'Max Members', { min: 1 });
		if (typeof max === 'number') body.maxusers = max;
	}
	if (a('membersonly') !== undefined) body.membersonly = r.boolean(a('membersonly'), 'Join Needs Approval');
	if (a('allowinvites') !== undefined) body.allowinvites = r.boolean(a('allowinvites'), 'Allow Member Invites');
	if (a('inviteNeedConfirm') !== undefined) body.invite_need_confirm = r.boolean(a('inviteNeedConfirm'), 'Invite Needs Confirmation');
	if (forUpdate && a('public') !== undefined) body.public = r.boolean(a('public'), 'Public');
	if (a('custom') !== undefined) {
		const custom = r.text(a('custom'), 'Custom Data', forUpdate ? { multiline: true, maxLength: 1024 } : { multiline: true, maxBytes: 8192 });
		if (custom) body.custom = custom;
	}
	return body;
}

const groupSettingValues = (prefix: string, forUpdate: boolean): Record<string, fc.Arbitrary<unknown>> => ({
	[`${prefix}.groupname`]: textValue(),
	[`${prefix}.description`]: textValue(),
	[`${prefix}.avatar`]: textValue(fc.constantFrom('https://example.com/a.png', '', 'x'.repeat(1025))),
	[`${prefix}.maxusers`]: integerValue(1, 500),
	[`${prefix}.membersonly`]: booleanValue,
	[`${prefix}.allowinvites`]: booleanValue,
	[`${prefix}.inviteNeedConfirm`]: booleanValue,
	[`${prefix}.custom`]: textValue(),
	...(forUpdate ? { [`${prefix}.public`]: booleanValue } : {}),
});
const GROUP_SETTINGS = ['groupname', 'description', 'avatar', 'maxusers', 'membersonly', 'allowinvites', 'inviteNeedConfirm', 'custom'];

const easemobGroupCreate: OperationEntry = {
	title: 'easemobIm / group / create',
	node: 'easemobIm',
	platform: 'easemob',
	resource: 'group',
	operation: 'create',
	values: { owner: idValue(uniqueUsername), isPublic: booleanValue, ...groupSettingValues('additionalFields', false), 'additionalFields.members': idListValue },
	optional: [...GROUP_SETTINGS, 'members'].map((k) => `additionalFields.${k}`),
	parameters: (s) => ({ resource: 'group', operation: 'create', owner: expr('owner'), isPublic: expr('isPublic'), additionalFields: collectionOf('additionalFields', s) }),
	expect: (v, r) => {
		const a = (key: string) => v[`additionalFields.${key}`];
		const body: IDataObject = { owner: r.text(v.owner, 'Owner', USERNAME_RULES), public: r.boolean(v.isPublic, 'Public'), ...expectGroupSettings(r, a, false) };
		const members = easemobUserIds(r, a('members'), 'Members', false) ?? [];
		if (members.length > (typeof body.maxusers === 'number' ? body.maxusers : 200)) r.refuse('Members');
		if (members.length > 0) body.members = members;
		return r.ok ? [easemob('POST', ['chatgroups'], body)] : undefined;
	},
};

const easemobGroupGet: OperationEntry = {
	title: 'easemobIm / group / get',
	node: 'easemobIm',
	platform: 'easemob',
	resource: 'group',
	operation: 'get',
	values: { groupIds: fc.oneof(idListValue, fc.constant(Array.from({ length: 101 }, (_, n) => `g${n}`)), fc.constant(['a,b']), fc.constant('.')) },
	parameters: () => ({ resource: 'group', operation: 'get', groupIds: expr('groupIds') }),
	expect: (v, r) => {
		const ids = r.idList(v.groupIds, 'Group IDs', { required: true, maxLength: 128 });
		if (ids?.some((id) => id.includes(',') || id === '.' || id === '..') || (ids && ids.length > 100)) r.refuse('Group IDs');
		return r.ok ? [easemob('GET', ['chatgroups', ids!.join(',')])] : undefined;
	},
};

const easemobGroupGetAll: OperationEntry = {
	title: 'easemobIm / group / getAll',
	node: 'easemobIm',
	platform: 'easemob',
	resource: 'group',
	operation: 'getAll',
	values: { limit: integerValue(1, 3000) },
	flags: fc.record({ returnAll: fc.boolean() }),
	parameters: (s) => ({ resource: 'group', operation: 'getAll', returnAll: s.flags.returnAll === true, limit: expr('limit') }),
	expect: (v, r, s) => {
		const limit = limitOf(v, r, s);
		if (!r.ok) return undefined;
		// The app lists EASEMOB_LISTED_GROUPS groups, 1,000 a page at most.
		const wires: Wire[] = [];
		for (let got = 0; got < Math.min(limit!, EASEMOB_LISTED_GROUPS); got += 1000) {
			const query: Record<string, string> = { limit: String(Math.min(1000, limit! - got)) };
			if (got > 0) query.cursor = easemobCursor(got);
			wires.push(easemob('GET', ['chatgroups'], '', query));
		}
		return wires;
	},
};

const easemobGroupUpdate: OperationEntry = {
	title: 'easemobIm / group / update',
	node: 'easemobIm',
	platform: 'easemob',
	resource: 'group',
	operation: 'update',
	values: { groupId: idValue(), ...groupSettingValues('updateFields', true) },
	optional: [...GROUP_SETTINGS, 'public'].map((k) => `updateFields.${k}`),
	parameters: (s) => ({ resource: 'group', operation: 'update', groupId: expr('groupId'), updateFields: collectionOf('updateFields', s) }),
	expect: (v, r) => {
		const id = r.text(v.groupId, 'Group ID', GROUP_ID);
		const body = expectGroupSettings(r, (key) => v[`updateFields.${key}`], true);
		if (r.ok && Object.keys(body).length === 0) r.refuse('Update Fields');
		return r.ok ? [easemob('PUT', ['chatgroups', id!], body)] : undefined;
	},
};

const easemobGroupDelete: OperationEntry = {
	title: 'easemobIm / group / delete',
	node: 'easemobIm',
	platform: 'easemob',
	resource: 'group',
	operation: 'delete',
	values: { groupId: idValue() },
	parameters: () => ({ resource: 'group', operation: 'delete', groupId: expr('groupId') }),
	expect: (v, r) => {
		const id = r.text(v.groupId, 'Group ID', GROUP_ID);
		return r.ok ? [easemob('DELETE', ['chatgroups', id!])] : undefined;
	},
};

function easemobGroupMembers(operation: 'addMembers' | 'removeMembers'): OperationEntry {
	return {
		title: `easemobIm / group / ${operation}`,
		node: 'easemobIm',
		platform: 'easemob',
		resource: 'group',
		operation,
		values: { groupId: idValue(), usernames: fc.oneof(idListValue, fc.constant(['a,b']), fc.constant(Array.from({ length: 70 }, (_, n) => `${'x'.repeat(58)}_${n}`))) },
		parameters: () => ({ resource: 'group', operation, groupId: expr('groupId'), usernames: expr('usernames') }),
		expect: (v, r) => {
			const id = r.text(v.groupId, 'Group ID', GROUP_ID);
			const users = easemobUserIds(r, v.usernames, 'Usernames', true);
			if (!r.ok) return undefined;
			if (operation === 'addMembers') {
				const wires: Wire[] = [];
				for (let start = 0; start < users!.length; start += 60) wires.push(easemob('POST', ['chatgroups', id!, 'users'], { usernames: users!.slice(start, start + 60) }));
				return wires;
			}
			// group_member.html: at most 60 users a call and a URL within 4 KB (3,000 characters of user IDs).
			const batches: string[][] = [];
			let batch: string[] = [];
			let chars = 0;
			for (const user of users!) {
				const size = encodeURIComponent(user).length + 1;
				if (batch.length === 60 || (batch.length > 0 && chars + size > 3000)) {
					batches.push(batch);
					batch = [];
					chars = 0;
				}
				batch.push(user);
				chars += size;
			}
			if (batch.length > 0) batches.push(batch);
			return batches.map((b) => easemob('DELETE', ['chatgroups', id!, 'users', b.join(',')]));
		},
	};
}

const easemobGroupGetMembers: OperationEntry = {
	title: 'easemobIm / group / getMembers',
	node: 'easemobIm',
	platform: 'easemob',
	resource: 'group',
	operation: 'getMembers',
	values: { groupId: idValue(), limit: integerValue(1, 3000) },
	flags: fc.record({ returnAll: fc.boolean() }),
	parameters: (s) => ({ resource: 'group', operation: 'getMembers', groupId: expr('groupId'), returnAll: s.flags.returnAll === true, limit: expr('limit') }),
	expect: (v, r, s) => {
		const id = r.text(v.groupId, 'Group ID', GROUP_ID);
		const limit = limitOf(v, r, s);
		if (!r.ok) return undefined;
		// A permissive group lists its owner and EASEMOB_LISTED_MEMBERS members; every page has the same size.
		const total = EASEMOB_LISTED_MEMBERS + 1;
		const size = Math.min(1000, limit!);
		const wires: Wire[] = [];
		let got = 0;
		for (let page = 1; ; page++) {
			wires.push(easemob('GET', ['chatgroups', id!, 'users'], '', { pagenum: String(page), pagesize: String(size) }));
			const entries = Math.max(0, Math.min(size, total - (page - 1) * size));
			got += Math.min(entries, limit! - got);
			if (got >= limit! || entries < size) return wires;
		}
	},
};

const easemobChatRoomCreate: OperationEntry = {
	title: 'easemobIm / chatRoom / create',
	node: 'easemobIm',
	platform: 'easemob',
	resource: 'chatRoom',
	operation: 'create',
	values: {
		name: textValue(),
		description: textValue(),
		owner: idValue(uniqueUsername),
		'additionalFields.maxusers': integerValue(1, 12000),
		'additionalFields.members': idListValue,
		'additionalFields.custom': textValue(),
	},
	optional: ['additionalFields.maxusers', 'additionalFields.members', 'additionalFields.custom'],
	parameters: (s) => ({ resource: 'chatRoom', operation: 'create', name: expr('name'), description: expr('description'), owner: expr('owner'), additionalFields: collectionOf('additionalFields', s) }),
	expect: (v, r) => {
		const a = (key: string) => v[`additionalFields.${key}`];
		const body: IDataObject = {
			name: r.text(v.name, 'Name', { required: true, maxLength: 128 }),
			description: r.text(v.description, 'Description', { required: true, maxLength: 512, multiline: true }),
			owner: r.text(v.owner, 'Owner', USERNAME_RULES),
		};
		const max = a('maxusers') === undefined ? null : r.integer(a('maxusers'), 'Max Members', { min: 1, max: 10000 });
		if (typeof max === 'number') body.maxusers = max;
		const members = easemobUserIds(r, a('members'), 'Members', false) ?? [];
		if (members.length > (typeof max === 'number' ? max : 1000)) r.refuse('Members');
		if (members.length > 0) body.members = members;
		if (a('custom') !== undefined) {
			const custom = r.text(a('custom'), 'Custom Data', { multiline: true, maxLength: 1024 });
			if (custom) body.custom = custom;
		}
		return r.ok ? [easemob('POST', ['chatrooms'], body)] : undefined;
	},
};

const easemobChatRoomDelete: OperationEntry = {
	title: 'easemobIm / chatRoom / delete',
	node: 'easemobIm',
	platform: 'easemob',
	resource: 'chatRoom',
	operation: 'delete',
	values: { chatRoomId: idValue() },
	parameters: () => ({ resource: 'chatRoom', operation: 'delete', chatRoomId: expr('chatRoomId') }),
	expect: (v, r) => {
		const id = r.text(v.chatRoomId, 'Chat Room ID', GROUP_ID);
		return r.ok ? [easemob('DELETE', ['chatrooms', id!])] : undefined;
	},
};

/** Chat room ID lists: short ones, so 100 room messages a second keep a run within seconds. */
const chatRoomIdListValue: fc.Arbitrary<unknown> = fc.oneof(
	{ weight: 6, arbitrary: idListValue.filter((v) => !(Array.isArray(v) && v.length > 12)) },
	{ weight: 1, arbitrary: fc.integer({ min: 9, max: 25 }).map((n) => Array.from({ length: n }, (_, i) => `room${i}`)) },
);

const easemobChatRoomSend: OperationEntry = {
	title: 'easemobIm / chatRoom / sendMessage',
	node: 'easemobIm',
	platform: 'easemob',
	resource: 'chatRoom',
	operation: 'sendMessage',
	// Chat rooms have no Sync to Sender, Online Users Only or read receipts (message_chatroom.html).
	values: {
		chatRoomIds: chatRoomIdListValue,
		...Object.fromEntries(Object.entries(easemobMessageValues).filter(([key]) => !/syncDevice|onlineOnly|needGroupAck/.test(key))),
		'additionalFields.chatroomMsgLevel': choiceValue(['high', 'normal', 'low']),
	},
	optional: ['additionalFields.ext', 'additionalFields.from', 'additionalFields.chatroomMsgLevel'],
	flags: easemobMessageFlags,
	parameters: (s) => ({ resource: 'chatRoom', operation: 'sendMessage', chatRoomIds: expr('chatRoomIds'), ...easemobMessageParameters(s) }),
	expect: (v, r, s) => {
		const rooms = r.idList(v.chatRoomIds, 'Chat Room IDs', { required: true, maxLength: 128 });
		const message = expectEasemobMessage(v, r, s, false);
		const level = v['additionalFields.chatroomMsgLevel'];
		if (level !== undefined) message.chatroom_msg_level = r.choice(level, 'Priority', ['high', 'normal', 'low'] as const);
		if (!r.ok) return undefined;
		const wires: Wire[] = [];
		for (let start = 0; start < rooms!.length; start += 10) wires.push(easemob('POST', ['messages', 'chatrooms'], { ...message, to: rooms!.slice(start, start + 10) }));
		return wires;
	},
};

// ---------------------------------------------------------------- Thulium Chat: CRM, tickets, agents, webhooks

const THULIUM_INCLUDES: Array<[string, string, string]> = [
	['includeCustomFields', 'include_custom_fields', 'Include Custom Fields'],
	['includeAddress', 'include_address', 'Include Address'],
	['includeInvoiceAddress', 'include_invoice_address', 'Include Invoice Address'],
	['includeMailDropAddress', 'include_mail_drop_address', 'Include Mail Drop Address'],
];
const thuliumIncludeValues = Object.fromEntries(THULIUM_INCLUDES.map(([name]) => [`options.${name}`, booleanValue]));
const thuliumIncludeKeys = THULIUM_INCLUDES.map(([name]) => `options.${name}`);
function thuliumIncludes(v: IDataObject, r: Reader, query: Record<string, string>): void {
	for (const [name, key, label] of THULIUM_INCLUDES) if (r.boolean(v[`options.${name}`], label)) query[key] = 'true';
}

/** The customer fields of Create and Update, read as the node reads them (customer/fields.ts). */
const THULIUM_CUSTOMER_TEXT: Array<[string, string, string, number]> = [
	['name', 'First Name', 'name', 255],
	['surname', 'Last Name', 'surname', 255],
	['email', 'E-Mail', 'email', 255],
	['phoneNumber', 'Phone Number', 'phone_number', 50],
	['identifier', 'Identifier', 'identifier', 255],
	['type', 'Type', 'type', 255],
	['group', 'Group', 'group', 255],
	['accountManager', 'Account Manager', 'account_manager', 100],
];
function thuliumCustomerFields(v: IDataObject, r: Reader, prefix: string): IDataObject {
	const body: IDataObject = {};
	for (const [name, label, key, maxLength] of THULIUM_CUSTOMER_TEXT) {
		const text = r.text(v[`${prefix}.${name}`], label, { maxLength });
		if (text) body[key] = text;
	}
	const note = r.text(v[`${prefix}.note`], 'Note', { maxLength: 10_000, multiline: true });
	if (note) body.note = note;
	if (body.email !== undefined && !EMAIL.test(String(body.email))) r.refuse('E-Mail');
	const company = r.integer(v[`${prefix}.companyId`], 'Company ID', { min: 1 });
	if (typeof company === 'number') body.company_id = company;
	if (v[`${prefix}.vip`] !== undefined) {
		const vip = r.boolean(v[`${prefix}.vip`], 'VIP');
		if (vip !== undefined) body.vip = vip;
	}
	return body;
}
const thuliumEmail = textValue(fc.oneof(fc.emailAddress(), fc.constantFrom('jan.kowalski@example.org', 'not-an-email', ' a@b.pl ')));
const thuliumCustomerValues = (prefix: string, withSurname: boolean) => ({
	[`${prefix}.name`]: textValue(),
	...(withSurname ? { [`${prefix}.surname`]: textValue() } : {}),
	[`${prefix}.email`]: thuliumEmail,
	[`${prefix}.phoneNumber`]: textValue(),
	[`${prefix}.note`]: textValue(),
	[`${prefix}.companyId`]: integerValue(1, 1_000_000),
	[`${prefix}.vip`]: booleanValue,
});

const thuliumCustomerGet: OperationEntry = {
	title: 'thuliumChat / customer / get',
	node: 'thuliumChat',
	platform: 'thulium',
	resource: 'customer',
	operation: 'get',
	values: { customerId: integerValue(1, 1_000_000_000), ...thuliumIncludeValues },
	optional: thuliumIncludeKeys,
	parameters: (s) => ({ resource: 'customer', operation: 'get', customerId: expr('customerId'), options: collectionOf('options', s) }),
	expect: (v, r) => {
		const id = r.integer(v.customerId, 'Customer ID', { required: true, min: 1 });
		const query: Record<string, string> = {};
		thuliumIncludes(v, r, query);
		return r.ok ? [{ method: 'GET', path: ['api', 'customers', String(id)], query, body: '' }] : undefined;
	},
};

const THULIUM_SEARCH_TEXT: Array<[string, string, string, number]> = [
	['identifier', 'Identifier', 'identifier', 255],
	['email', 'E-Mail', 'email', 255],
	['phoneNumber', 'Phone Number', 'phone_number', 50],
	['nip', 'NIP', 'nip', 20],
	['type', 'Type', 'type', 255],
	['group', 'Group', 'group', 255],
];

const thuliumCustomerSearch: OperationEntry = {
	title: 'thuliumChat / customer / search',
	node: 'thuliumChat',
	platform: 'thulium',
	resource: 'customer',
	operation: 'search',
	values: {
		limit: integerValue(1, 3000),
		...Object.fromEntries(THULIUM_SEARCH_TEXT.map(([name]) => [`filters.${name}`, textValue()])),
		'filters.companyId': integerValue(1, 1_000_000),
		'filters.companyFlag': booleanValue,
		'options.includeCustomFields': booleanValue,
		'options.order': textValue(fc.constantFrom('surname', '-customer_id', 'surname, -name', 'surname;drop')),
	},
	optional: [...THULIUM_SEARCH_TEXT.map(([name]) => `filters.${name}`), 'filters.companyId', 'filters.companyFlag', 'options.includeCustomFields', 'options.order'],
	flags: fc.record({ returnAll: fc.boolean() }),
	parameters: (s) => ({ resource: 'customer', operation: 'search', returnAll: s.flags.returnAll === true, limit: expr('limit'), filters: collectionOf('filters', s), options: collectionOf('options', s) }),
	expect: (v, r, s) => {
		const max = limitOf(v, r, s);
		const query: Record<string, string> = {};
		for (const [name, label, key, maxLength] of THULIUM_SEARCH_TEXT) {
			const text = r.text(v[`filters.${name}`], label, { maxLength });
			if (text) query[key] = text;
		}
		const company = r.integer(v['filters.companyId'], 'Company ID', { min: 1 });
		if (typeof company === 'number') query.company_id = String(company);
		if (v['filters.companyFlag'] !== undefined) {
			const flag = r.boolean(v['filters.companyFlag'], 'Is Company');
			if (flag !== undefined) query.company_flag = String(flag);
		}
		if (r.boolean(v['options.includeCustomFields'], 'Include Custom Fields')) query.include_custom_fields = 'true';
		const order = r.text(v['options.order'], 'Sort By', { maxLength: 255 })?.replace(/\s+/g, '');
		if (order) {
			if (/^-?[A-Za-z_]+(,-?[A-Za-z_]+)*$/.test(order)) query.order = order;
			else r.refuse('Sort By');
		}
		if (!r.ok) return undefined;
		// The sweep's system has no customers: one page of up to 1000.
		return [{ method: 'GET', path: ['api', 'customers'], query: { ...query, limit: String(Math.min(1000, max!)), offset: '0' }, body: '' }];
	},
};

const thuliumCustomerCreate: OperationEntry = {
	title: 'thuliumChat / customer / create',
	node: 'thuliumChat',
	platform: 'thulium',
	resource: 'customer',
	operation: 'create',
	values: { surname: textValue(), ...thuliumCustomerValues('additionalFields', false) },
	optional: Object.keys(thuliumCustomerValues('additionalFields', false)),
	parameters: (s) => ({ resource: 'customer', operation: 'create', surname: expr('surname'), additionalFields: collectionOf('additionalFields', s) }),
	expect: (v, r) => {
		const surname = r.text(v.surname, 'Last Name', { required: true, maxLength: 255 });
		const body = thuliumCustomerFields(v, r, 'additionalFields');
		return r.ok ? [{ method: 'POST', path: ['api', 'customers'], query: {}, body: { ...body, surname } }] : undefined;
	},
};

const thuliumCustomerUpdate: OperationEntry = {
	title: 'thuliumChat / customer / update',
	node: 'thuliumChat',
	platform: 'thulium',
	resource: 'customer',
	operation: 'update',
	values: { customerId: integerValue(1, 1_000_000_000), ...thuliumCustomerValues('updateFields', true) },
	optional: Object.keys(thuliumCustomerValues('updateFields', true)),
	parameters: (s) => ({ resource: 'customer', operation: 'update', customerId: expr('customerId'), updateFields: collectionOf('updateFields', s) }),
	expect: (v, r) => {
		const id = r.integer(v.customerId, 'Customer ID', { required: true, min: 1 });
		const fields = thuliumCustomerFields(v, r, 'updateFields');
		if (r.ok && Object.keys(fields).length === 0) r.refuse('Update Fields');
		return r.ok ? [{ method: 'PUT', path: ['api', 'batch', 'customers'], query: {}, body: { customers: [{ customer_id: id, ...fields }] } }] : undefined;
	},
};

const thuliumTicketCreate: OperationEntry = {
	title: 'thuliumChat / ticket / create',
	node: 'thuliumChat',
	platform: 'thulium',
	resource: 'ticket',
	operation: 'create',
	values: {
		to: thuliumEmail,
		subject: textValue(),
		body: textValue(),
		'additionalFields.from': thuliumEmail,
		'additionalFields.cc': idListValue,
		'additionalFields.customerId': integerValue(1, 1_000_000),
		'additionalFields.source': choiceValue(['email', 'phone', 'sms', 'chat', 'www']),
		'additionalFields.bodyType': choiceValue(['HTML', 'PLAIN']),
	},
	optional: ['additionalFields.from', 'additionalFields.cc', 'additionalFields.customerId', 'additionalFields.source', 'additionalFields.bodyType'],
	parameters: (s) => ({ resource: 'ticket', operation: 'create', to: expr('to'), subject: expr('subject'), body: expr('body'), additionalFields: collectionOf('additionalFields', s) }),
	expect: (v, r) => {
		const email = (value: string | undefined, label: string) => (value !== undefined && !EMAIL.test(value) ? r.refuse(label) : value);
		const body: IDataObject = {
			to: email(r.text(v.to, 'To', { required: true, maxLength: 255 }), 'To'),
			subject: r.text(v.subject, 'Subject', { required: true, maxLength: 998 }),
			body: r.text(v.body, 'Body', { required: true, multiline: true, maxLength: 1_000_000 }),
		};
		const from = r.text(v['additionalFields.from'], 'From', { maxLength: 255 });
		if (from) body.from = email(from, 'From');
		if (v['additionalFields.bodyType'] !== undefined) body.body_type = r.choice(v['additionalFields.bodyType'], 'Body Type', ['HTML', 'PLAIN'] as const);
		const cc = r.idList(v['additionalFields.cc'], 'CC', { maxLength: 255 });
		if (cc && cc.length > 0) body.cc = cc.map((address) => email(address, 'CC'));
		if (v['additionalFields.source'] !== undefined) body.source = r.choice(v['additionalFields.source'], 'Source', ['email', 'phone', 'sms', 'chat', 'www'] as const);
		const customer = r.integer(v['additionalFields.customerId'], 'Customer ID', { min: 1 });
		if (typeof customer === 'number') body.customer_id = customer;
		return r.ok ? [{ method: 'POST', path: ['api', 'tickets'], query: {}, body }] : undefined;
	},
};

const thuliumTicketGet: OperationEntry = {
	title: 'thuliumChat / ticket / get',
	node: 'thuliumChat',
	platform: 'thulium',
	resource: 'ticket',
	operation: 'get',
	values: { ticketId: integerValue(1, 1_000_000_000), 'options.includeCustomFields': booleanValue },
	optional: ['options.includeCustomFields'],
	parameters: (s) => ({ resource: 'ticket', operation: 'get', ticketId: expr('ticketId'), options: collectionOf('options', s) }),
	expect: (v, r) => {
		const id = r.integer(v.ticketId, 'Ticket ID', { required: true, min: 1 });
		const query: Record<string, string> = {};
		if (r.boolean(v['options.includeCustomFields'], 'Include Custom Fields')) query.include_custom_fields = 'true';
		return r.ok ? [{ method: 'GET', path: ['api', 'tickets', String(id)], query, body: '' }] : undefined;
	},
};

const thuliumTicketResponse: OperationEntry = {
	title: 'thuliumChat / ticket / addAgentResponse',
	node: 'thuliumChat',
	platform: 'thulium',
	resource: 'ticket',
	operation: 'addAgentResponse',
	values: { ticketId: integerValue(1, 1_000_000_000), userLogin: idValue(), body: textValue(), 'additionalFields.bodyType': choiceValue(['HTML', 'PLAIN']) },
	optional: ['additionalFields.bodyType'],
	parameters: (s) => ({ resource: 'ticket', operation: 'addAgentResponse', ticketId: expr('ticketId'), userLogin: expr('userLogin'), body: expr('body'), additionalFields: collectionOf('additionalFields', s) }),
	expect: (v, r) => {
		const id = r.integer(v.ticketId, 'Ticket ID', { required: true, min: 1 });
		const body: IDataObject = {
			body: r.text(v.body, 'Body', { required: true, multiline: true, maxLength: 1_000_000 }),
			user_login: r.text(v.userLogin, 'Agent Login', { required: true, maxLength: 100 }),
		};
		if (v['additionalFields.bodyType'] !== undefined) body.body_type = r.choice(v['additionalFields.bodyType'], 'Body Type', ['HTML', 'PLAIN'] as const);
		return r.ok ? [{ method: 'POST', path: ['api', 'tickets', String(id), 'agent_response'], query: {}, body }] : undefined;
	},
};

const thuliumAgent = (operation: 'get' | 'getStatus'): OperationEntry => ({
	title: `thuliumChat / agent / ${operation}`,
	node: 'thuliumChat',
	platform: 'thulium',
	resource: 'agent',
	operation,
	values: { login: idValue() },
	parameters: () => ({ resource: 'agent', operation, login: expr('login') }),
	expect: (v, r) => {
		const login = r.text(v.login, 'Agent Login', { required: true, maxLength: 100, pathSegment: true });
		return r.ok ? [{ method: 'GET', path: ['api', 'agents', login!, ...(operation === 'getStatus' ? ['status'] : [])], query: {}, body: '' }] : undefined;
	},
});

const thuliumChatGet: OperationEntry = {
	title: 'thuliumChat / chat / get',
	node: 'thuliumChat',
	platform: 'thulium',
	resource: 'chat',
	operation: 'get',
	values: { conversationId: thuliumConversationId, 'options.includeFiles': booleanValue, 'options.includeClientData': booleanValue },
	optional: ['options.includeFiles', 'options.includeClientData'],
	parameters: (s) => ({ resource: 'chat', operation: 'get', conversationId: expr('conversationId'), options: collectionOf('options', s) }),
	expect: (v, r) => {
		const id = r.text(v.conversationId, 'Conversation ID', { required: true, maxLength: 100 });
		const query: Record<string, string> = { include_messages: 'true', limit: '100', offset: '0' };
		if (r.boolean(v['options.includeFiles'], 'Include Files')) query.include_files = 'true';
		if (r.boolean(v['options.includeClientData'], 'Include Client Data')) query.include_client_data = 'true';
		if (!r.ok) return undefined;
		// GET chats has no conversation filter: the system lists this chat, found on the first page.
		THULIUM_LISTED_CHATS.push(id!);
		return [{ method: 'GET', path: ['api', 'chats'], query, body: '' }];
	},
};

const thuliumWebhookCreate: OperationEntry = {
	title: 'thuliumChat / webhook / create',
	node: 'thuliumChat',
	platform: 'thulium',
	resource: 'webhook',
	operation: 'create',
	values: {
		subscriptionUrl: textValue(fc.constantFrom('https://n8n.example.com/webhook/a/webhook', 'http://192.0.2.1/hook', 'example.com/hook', 'ftp://x.example.com')),
		otherActions: idListValue,
	},
	flags: fc.record({ actions: fc.subarray(['CHAT_AGENT_ASSIGNED', 'CHAT_CONVERSATION_CLOSED', 'CHAT_CONVERSATION_CREATED', 'CUSTOMER_CREATED']) }),
	parameters: (s) => ({ resource: 'webhook', operation: 'create', subscriptionUrl: expr('subscriptionUrl'), actions: s.flags.actions as string[], otherActions: expr('otherActions'), authentication: 'none' }),
	expect: (v, r, s) => {
		const url = r.text(v.subscriptionUrl, 'URL', { required: true, maxLength: 2000 });
		if (url !== undefined) {
			let protocol = '';
			try {
				protocol = new URL(url).protocol;
			} catch {
				protocol = '';
			}
			if (protocol !== 'https:' && protocol !== 'http:') r.refuse('URL');
		}
		const chosen = s.flags.actions as string[];
		const others = (r.idList(v.otherActions, 'Other Events', { maxLength: 100 }) ?? []).map((name) => name.toUpperCase());
		const actions = [...new Set([...chosen, ...others])];
		if (r.ok && actions.length === 0) r.refuse('Events');
		if (r.ok && actions.some((name) => !/^[A-Z][A-Z0-9_]*$/.test(name))) r.refuse('Events');
		return r.ok ? [{ method: 'POST', path: ['api', 'webhooks'], query: {}, body: { actions, subscription_url: url } }] : undefined;
	},
};

const thuliumWebhookGetMany: OperationEntry = {
	title: 'thuliumChat / webhook / getMany',
	node: 'thuliumChat',
	platform: 'thulium',
	resource: 'webhook',
	operation: 'getMany',
	values: { limit: integerValue(1, 300) },
	flags: fc.record({ returnAll: fc.boolean() }),
	parameters: (s) => ({ resource: 'webhook', operation: 'getMany', returnAll: s.flags.returnAll === true, limit: expr('limit') }),
	expect: (v, r, s) => {
		limitOf(v, r, s);
		// Not paged: one request, the limit is applied to the answer.
		return r.ok ? [{ method: 'GET', path: ['api', 'webhooks'], query: {}, body: '' }] : undefined;
	},
};

// ---------------------------------------------------------------- Easemob IM: presence, bans, history

/** One call about one user (path only, or a small JSON body): Get Offline Message Count, Deactivate, Activate, Force Logout, Update Nickname. */
function easemobUserCall(operation: string, method: string, tail: string[], extra?: { key: string; label: string; value: fc.Arbitrary<unknown>; maxLength: number }): OperationEntry {
	return {
		title: `easemobIm / user / ${operation}`,
		node: 'easemobIm',
		platform: 'easemob',
		resource: 'user',
		operation,
		values: { username: idValue(), ...(extra ? { [extra.key]: extra.value } : {}) },
		parameters: () => ({ resource: 'user', operation, username: expr('username'), ...(extra ? { [extra.key]: expr(extra.key) } : {}) }),
		expect: (v, r) => {
			const user = r.text(v.username, 'Username', USERNAME_RULES);
			const value = extra ? r.text(v[extra.key], extra.label, { required: true, maxLength: extra.maxLength }) : undefined;
			if (!r.ok) return undefined;
			return [easemob(method, ['users', user!, ...tail], extra ? { [extra.key]: value } : '')];
		},
	};
}

const easemobUserOnlineStatus: OperationEntry = {
	title: 'easemobIm / user / getOnlineStatus',
	node: 'easemobIm',
	platform: 'easemob',
	resource: 'user',
	operation: 'getOnlineStatus',
	values: { usernames: idListValue },
	parameters: () => ({ resource: 'user', operation: 'getOnlineStatus', usernames: expr('usernames') }),
	expect: (v, r) => {
		const names = r.idList(v.usernames, 'Usernames', { required: true, maxLength: 64 });
		if (!r.ok) return undefined;
		// https://doc.easemob.com/document/server-side/account_presence_obtain_batch.html: at most 100 a call;
		// Easemob IDs ignore case, so each user is asked once.
		const unique = names!.filter((name, i) => names!.findIndex((other) => other.toLowerCase() === name.toLowerCase()) === i);
		const wires: Wire[] = [];
		for (let start = 0; start < unique.length; start += 100) wires.push(easemob('POST', ['users', 'batch', 'status'], { usernames: unique.slice(start, start + 100) }));
		return wires;
	},
};

/** Hours: yyyyMMddHH (real or not), ISO times with a zone, numbers, and anything. */
const exportHourValue: fc.Arbitrary<unknown> = fc.oneof(
	{ weight: 3, arbitrary: fc.date({ min: new Date('2018-01-01T00:00:00Z'), max: new Date('2030-01-01T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString().replace(/[-T:]/g, '').slice(0, 10)) },
	{ weight: 2, arbitrary: fc.date({ min: new Date('2018-01-01T00:00:00Z'), max: new Date('2030-01-01T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString()) },
	{ weight: 1, arbitrary: fc.constantFrom('2026023012', '2026123124', '2026-12-06T17:45:00+08:00', '2026-12-06 17:00', '2026-12-06', '2026', 2026120617, '', ' 2026120617 ', '20261206', 'yesterday') },
	{ weight: 1, arbitrary: dateValue },
	{ weight: 1, arbitrary: anyValue },
);

/** The zone n8n gives a workflow without its own timezone setting (n8n-workflow's global state). */
const DEFAULT_WORKFLOW_ZONE = 'America/New_York';

const easemobMessageHistory: OperationEntry = {
	title: 'easemobIm / message / getHistory',
	node: 'easemobIm',
	platform: 'easemob',
	resource: 'message',
	operation: 'getHistory',
	values: { hour: exportHourValue },
	flags: fc.record({ clock: fc.constantFrom('auto', 'utc', 'beijing') }),
	parameters: (s) => ({ resource: 'message', operation: 'getHistory', hour: expr('hour'), options: { clock: s.flags.clock as string } }),
	expect: (v, r, s) => {
		// https://doc.easemob.com/document/server-side/message_historical.html: `time` is yyyyMMddHH in
		// Beijing time for China data centres, UTC elsewhere (the fake's host is neither a1 nor a31).
		const zone = s.flags.clock === 'beijing' ? 'Asia/Shanghai' : 'UTC';
		const value = v.hour;
		if (typeof value !== 'string' && typeof value !== 'number') return r.refuse('Hour');
		const text = String(value).trim();
		if (text === '') return r.refuse('Hour');
		let hour: string;
		if (/^\d{10}$/.test(text)) {
			const read = DateTime.fromFormat(text, 'yyyyMMddHH', { zone: 'utc' });
			if (!read.isValid || read.toFormat('yyyyMMddHH') !== text) return r.refuse('Hour');
			hour = text;
		} else {
			const moment = DateTime.fromISO(text.replace(' ', 'T'), { zone: DEFAULT_WORKFLOW_ZONE });
			if (!moment.isValid) return r.refuse('Hour');
			hour = moment.setZone(zone).toFormat('yyyyMMddHH');
		}
		return [easemob('GET', ['chatmessages', hour])];
	},
};

// ---------------------------------------------------------------- Tencent Cloud Chat groups

const TENCENT_GROUP_TYPES = ['Public', 'Private', 'ChatRoom', 'AVChatRoom', 'Community'] as const;
/** The node's Join Option values and Tencent's, which expressions may give too. */
const JOIN_OPTIONS: Record<string, string> = { anyone: 'FreeAccess', approval: 'NeedPermission', nobody: 'DisableApply', FreeAccess: 'FreeAccess', NeedPermission: 'NeedPermission', DisableApply: 'DisableApply' };
const joinOptionOf = (r: Reader, value: unknown) => {
	const choice = r.choice(value, 'Join Option', Object.keys(JOIN_OPTIONS));
	return choice === undefined ? undefined : JOIN_OPTIONS[choice];
};
/** Group IDs and profile texts are limited in UTF-8 bytes (group ID 48, name 30, introduction 240, notice 300, avatar URL 100). */
const groupIdOf = (r: Reader, value: unknown, label = 'Group ID') => r.text(value, label, { required: true, maxLength: 48, maxBytes: 48 });
const batchesOf = <T>(list: T[], size: number): T[][] => Array.from({ length: Math.ceil(list.length / size) }, (_, i) => list.slice(i * size, (i + 1) * size));
const PROFILE: Array<[string, string, string, number, boolean]> = [
	['introduction', 'Introduction', 'Introduction', 240, true],
	['notification', 'Notice', 'Notification', 300, true],
	['faceUrl', 'Avatar URL', 'FaceUrl', 100, false],
];

const tencentGroupCreate: OperationEntry = {
	title: 'tencentCloudChat / group / create',
	node: 'tencentCloudChat',
	platform: 'tencent',
	resource: 'group',
	operation: 'create',
	values: {
		name: textValue(),
		groupType: choiceValue([...TENCENT_GROUP_TYPES]),
		'additionalFields.groupId': idValue(),
		'additionalFields.ownerAccount': idValue(),
		'additionalFields.introduction': textValue(),
		'additionalFields.notification': textValue(),
		'additionalFields.faceUrl': textValue(fc.constantFrom('https://example.org/a.png', '', 'x'.repeat(101))),
		'additionalFields.maxMemberCount': integerValue(1, 100_000),
		'additionalFields.applyJoinOption': choiceValue(['anyone', 'approval', 'nobody', 'NeedPermission']),
		'additionalFields.memberIds': idListValue,
	},
	optional: [
		'additionalFields.groupId',
		'additionalFields.ownerAccount',
		'additionalFields.introduction',
		'additionalFields.notification',
		'additionalFields.faceUrl',
		'additionalFields.maxMemberCount',
		'additionalFields.applyJoinOption',
		'additionalFields.memberIds',
	],
	parameters: (s) => ({ resource: 'group', operation: 'create', name: expr('name'), groupType: expr('groupType'), additionalFields: collectionOf('additionalFields', s) }),
	expect: (v, r) => {
		const type = r.choice(v.groupType, 'Group Type', TENCENT_GROUP_TYPES);
		const body: IDataObject = { Type: type, Name: r.text(v.name, 'Group Name', { required: true, maxLength: 30, maxBytes: 30 }) };
		const id = r.text(v['additionalFields.groupId'], 'Custom Group ID', { maxLength: 48, maxBytes: 48 });
		if (id) body.GroupId = id;
		const owner = r.text(v['additionalFields.ownerAccount'], 'Owner User ID', { maxLength: 32, maxBytes: 32 });
		if (owner) body.Owner_Account = owner;
		for (const [key, label, field, max, multiline] of PROFILE) {
			const text = r.text(v[`additionalFields.${key}`], label, { maxLength: max, maxBytes: max, multiline });
			if (text) body[field] = text;
		}
		if (v['additionalFields.maxMemberCount'] !== undefined) {
			const max = r.integer(v['additionalFields.maxMemberCount'], 'Max Members', { min: 1, max: 100_000 });
			if (typeof max === 'number') body.MaxMemberCount = max;
		}
		if (v['additionalFields.applyJoinOption'] !== undefined) body.ApplyJoinOption = joinOptionOf(r, v['additionalFields.applyJoinOption']);
		const members = r.idList(v['additionalFields.memberIds'], 'Member User IDs', { maxLength: 32 }) ?? [];
		if (members.length > 0 && type === 'AVChatRoom') r.refuse('Member User IDs');
		if (!r.ok) return undefined;
		if (members.length > 0) body.MemberList = members.slice(0, 100).map((Member_Account) => ({ Member_Account }));
		const groupId = id || TENCENT_SWEEP_GROUP_ID;
		return [
			tencent('group_open_http_svc/create_group', body),
			...batchesOf(members.slice(100), 300).map((batch) => tencent('group_open_http_svc/add_group_member', { GroupId: groupId, MemberList: batch.map((Member_Account) => ({ Member_Account })) })),
		];
	},
};

const tencentGroupGet: OperationEntry = {
	title: 'tencentCloudChat / group / get',
	node: 'tencentCloudChat',
	platform: 'tencent',
	resource: 'group',
	operation: 'get',
	values: { groupIds: idListValue, includeMembers: booleanValue },
	parameters: () => ({ resource: 'group', operation: 'get', groupIds: expr('groupIds'), includeMembers: expr('includeMembers') }),
	expect: (v, r) => {
		const ids = r.idList(v.groupIds, 'Group IDs', { required: true, maxLength: 48 });
		const members = r.boolean(v.includeMembers, 'Include Members');
		if (!r.ok) return undefined;
		return batchesOf(ids!, 50).map((batch) =>
			tencent('group_open_http_svc/get_group_info', members ? { GroupIdList: batch } : { GroupIdList: batch, ResponseFilter: { GroupBaseInfoFilter: TENCENT_GROUP_BASE_FIELDS } }),
		);
	},
};

/** The basic fields Group → Get asks for without members (the node's GROUP_BASE_FIELDS). */
const TENCENT_GROUP_BASE_FIELDS = ['Type', 'Name', 'Introduction', 'Notification', 'FaceUrl', 'Owner_Account', 'CreateTime', 'InfoSeq', 'LastInfoTime', 'LastMsgTime', 'NextMsgSeq', 'MemberNum', 'MaxMemberNum', 'ApplyJoinOption', 'MuteAllMember'];

const tencentGroupGetMany: OperationEntry = {
	title: 'tencentCloudChat / group / getMany',
	node: 'tencentCloudChat',
	platform: 'tencent',
	resource: 'group',
	operation: 'getMany',
	values: { limit: integerValue(1, 20_000), 'filters.groupType': choiceValue([...TENCENT_GROUP_TYPES]) },
	optional: ['filters.groupType'],
	flags: fc.record({ returnAll: fc.boolean() }),
	parameters: (s) => ({ resource: 'group', operation: 'getMany', returnAll: s.flags.returnAll === true, limit: expr('limit'), filters: collectionOf('filters', s) }),
	expect: (v, r, s) => {
		const limit = limitOf(v, r, s);
		const type = v['filters.groupType'] !== undefined ? r.choice(v['filters.groupType'], 'Group Type', TENCENT_GROUP_TYPES) : undefined;
		if (!r.ok) return undefined;
		const body: IDataObject = { Limit: Math.min(10_000, limit!), Next: 0 };
		if (type) body.GroupType = type;
		return [tencent('group_open_http_svc/get_appid_group_list', body)];
	},
	// get_appid_group_list allows 1 call per second: fewer runs keep the sweep short.
	runs: 8,
};

const tencentGroupUpdate: OperationEntry = {
	title: 'tencentCloudChat / group / update',
	node: 'tencentCloudChat',
	platform: 'tencent',
	resource: 'group',
	operation: 'update',
	values: {
		groupId: idValue(),
		'updateFields.name': textValue(),
		'updateFields.introduction': textValue(),
		'updateFields.notification': textValue(),
		'updateFields.faceUrl': textValue(fc.constantFrom('https://example.org/b.png', '', 'y'.repeat(101))),
		'updateFields.maxMemberNum': integerValue(1, 100_000),
		'updateFields.applyJoinOption': choiceValue(['anyone', 'approval', 'nobody', 'NeedPermission']),
		'updateFields.muteAllMember': booleanValue,
	},
	optional: [
		'updateFields.name',
		'updateFields.introduction',
		'updateFields.notification',
		'updateFields.faceUrl',
		'updateFields.maxMemberNum',
		'updateFields.applyJoinOption',
		'updateFields.muteAllMember',
	],
	parameters: (s) => ({ resource: 'group', operation: 'update', groupId: expr('groupId'), updateFields: collectionOf('updateFields', s) }),
	expect: (v, r) => {
		const body: IDataObject = { GroupId: groupIdOf(r, v.groupId) };
		if (v['updateFields.name'] !== undefined) body.Name = r.text(v['updateFields.name'], 'Group Name', { required: true, maxLength: 30, maxBytes: 30 });
		for (const [key, label, field, max, multiline] of PROFILE) {
			if (v[`updateFields.${key}`] !== undefined) body[field] = r.text(v[`updateFields.${key}`], label, { maxLength: max, maxBytes: max, multiline });
		}
		if (v['updateFields.maxMemberNum'] !== undefined) body.MaxMemberNum = r.integer(v['updateFields.maxMemberNum'], 'Max Members', { min: 1, max: 100_000, required: true });
		if (v['updateFields.applyJoinOption'] !== undefined) body.ApplyJoinOption = joinOptionOf(r, v['updateFields.applyJoinOption']);
		if (v['updateFields.muteAllMember'] !== undefined) body.MuteAllMember = r.boolean(v['updateFields.muteAllMember'], 'Mute All Members') ? 'On' : 'Off';
		if (Object.keys(body).length === 1) r.refuse('Update Fields');
		return r.ok ? [tencent('group_open_http_svc/modify_group_base_info', body)] : undefined;
	},
};

const tencentGroupDelete: OperationEntry = {
	title: 'tencentCloudChat / group / delete',
	node: 'tencentCloudChat',
	platform: 'tencent',
	resource: 'group',
	operation: 'delete',
	values: { groupId: idValue() },
	parameters: () => ({ resource: 'group', operation: 'delete', groupId: expr('groupId') }),
	expect: (v, r) => {
		const id = groupIdOf(r, v.groupId);
		return r.ok ? [tencent('group_open_http_svc/destroy_group', { GroupId: id })] : undefined;
	},
};

const tencentGroupAddMembers: OperationEntry = {
	title: 'tencentCloudChat / group / addMembers',
	node: 'tencentCloudChat',
	platform: 'tencent',
	resource: 'group',
	operation: 'addMembers',
	values: { groupId: idValue(), userIds: idListValue, 'additionalFields.silence': booleanValue },
	optional: ['additionalFields.silence'],
	parameters: (s) => ({ resource: 'group', operation: 'addMembers', groupId: expr('groupId'), userIds: expr('userIds'), additionalFields: collectionOf('additionalFields', s) }),
	expect: (v, r) => {
		const id = groupIdOf(r, v.groupId);
		const ids = r.idList(v.userIds, 'User IDs', { required: true, maxLength: 32 });
		const silent = r.boolean(v['additionalFields.silence'], 'Silent');
		if (!r.ok) return undefined;
		return batchesOf(ids!, 300).map((batch) => {
			const body: IDataObject = { GroupId: id, MemberList: batch.map((Member_Account) => ({ Member_Account })) };
			if (silent) body.Silence = 1;
			return tencent('group_open_http_svc/add_group_member', body);
		});
	},
};

const tencentGroupRemoveMembers: OperationEntry = {
	title: 'tencentCloudChat / group / removeMembers',
	node: 'tencentCloudChat',
	platform: 'tencent',
	resource: 'group',
	operation: 'removeMembers',
	values: { groupId: idValue(), userIds: idListValue, 'additionalFields.silence': booleanValue, 'additionalFields.reason': textValue() },
	optional: ['additionalFields.silence', 'additionalFields.reason'],
	parameters: (s) => ({ resource: 'group', operation: 'removeMembers', groupId: expr('groupId'), userIds: expr('userIds'), additionalFields: collectionOf('additionalFields', s) }),
	expect: (v, r) => {
		const extra: IDataObject = {};
		if (r.boolean(v['additionalFields.silence'], 'Silent')) extra.Silence = 1;
		const reason = r.text(v['additionalFields.reason'], 'Reason', { maxLength: 1000, multiline: true });
		if (reason) extra.Reason = reason;
		const id = groupIdOf(r, v.groupId);
		const ids = r.idList(v.userIds, 'User IDs', { required: true, maxLength: 32 });
		if (!r.ok) return undefined;
		return batchesOf(ids!, 100).map((batch) => tencent('group_open_http_svc/delete_group_member', { GroupId: id, MemberToDel_Account: batch, ...extra }));
	},
};

const tencentGroupGetMembers: OperationEntry = {
	title: 'tencentCloudChat / group / getMembers',
	node: 'tencentCloudChat',
	platform: 'tencent',
	resource: 'group',
	operation: 'getMembers',
	values: { groupId: idValue(), limit: integerValue(1, 500) },
	flags: fc.record({ returnAll: fc.boolean() }),
	parameters: (s) => ({ resource: 'group', operation: 'getMembers', groupId: expr('groupId'), returnAll: s.flags.returnAll === true, limit: expr('limit') }),
	expect: (v, r, s) => {
		const id = groupIdOf(r, v.groupId);
		const limit = limitOf(v, r, s);
		if (!r.ok) return undefined;
		// A permissive app's groups have no members yet: one page.
		return [tencent('group_open_http_svc/get_group_member_info', { GroupId: id, Limit: Math.min(100, limit!), Offset: 0 })];
	},
};

const tencentGroupMuteMember: OperationEntry = {
	title: 'tencentCloudChat / group / muteMember',
	node: 'tencentCloudChat',
	platform: 'tencent',
	resource: 'group',
	operation: 'muteMember',
	values: { groupId: idValue(), userIds: idListValue, muteAction: choiceValue(['mute', 'unmute']), muteSeconds: integerValue(0, 2 ** 32) },
	parameters: () => ({ resource: 'group', operation: 'muteMember', groupId: expr('groupId'), userIds: expr('userIds'), muteAction: expr('muteAction'), muteSeconds: expr('muteSeconds') }),
	expect: (v, r) => {
		const id = groupIdOf(r, v.groupId);
		const ids = r.idList(v.userIds, 'User IDs', { required: true, maxLength: 32 });
		const action = r.choice(v.muteAction, 'Action', ['mute', 'unmute'] as const);
		const seconds = action === 'mute' ? r.integer(v.muteSeconds, 'Duration (Seconds)', { min: 1, max: 0xffffffff, required: true }) : 0;
		if (!r.ok) return undefined;
		return batchesOf(ids!, 500).map((batch) => tencent('group_open_http_svc/forbid_send_msg', { GroupId: id, Members_Account: batch, MuteTime: seconds }));
	},
};

export const OPERATIONS: OperationEntry[] = [
	thuliumStart,
	thuliumDeleteContent,
	thuliumSendMessage,
	thuliumStop,
	thuliumDelete,
	thuliumQueues,
	thuliumChats,
	thuliumSummary,
	tencentDelete,
	tencentGetMany,
	tencentGetHistory,
	tencentSend,
	tencentSendToMany,
	tencentSendToGroup,
	tencentRecall,
	tencentImport,
	tencentCheck,
	easemobConversationDelete,
	easemobSend(true),
	easemobSend(false),
	easemobRecall,
	easemobUserCreate,
	easemobUserGet,
	easemobUserGetAll,
	easemobUserDelete,
	// Thulium Chat: CRM, tickets, agents, chat lookup, webhooks
	thuliumCustomerGet,
	thuliumCustomerSearch,
	thuliumCustomerCreate,
	thuliumCustomerUpdate,
	thuliumTicketCreate,
	thuliumTicketGet,
	thuliumTicketResponse,
	thuliumAgent('get'),
	thuliumAgent('getStatus'),
	thuliumChatGet,
	thuliumWebhookCreate,
	thuliumWebhookGetMany,
	...TENCENT_USERS_READ_STATE_HISTORY,
	easemobUserOnlineStatus,
	easemobUserCall('getOfflineMessageCount', 'GET', ['offline_msg_count']),
	easemobUserCall('deactivate', 'POST', ['deactivate']),
	easemobUserCall('activate', 'POST', ['activate']),
	easemobUserCall('forceLogout', 'GET', ['disconnect']),
	easemobUserCall('updateNickname', 'PUT', [], { key: 'nickname', label: 'Nickname', value: textValue(fc.constantFrom('Alice', 'Zoë', 'x'.repeat(100), 'x'.repeat(101))), maxLength: 100 }),
	easemobMessageHistory,
	tencentGroupCreate,
	tencentGroupGet,
	tencentGroupGetMany,
	tencentGroupUpdate,
	tencentGroupDelete,
	tencentGroupAddMembers,
	tencentGroupRemoveMembers,
	tencentGroupGetMembers,
	tencentGroupMuteMember,
	easemobGroupCreate,
	easemobGroupGet,
	easemobGroupGetAll,
	easemobGroupUpdate,
	easemobGroupDelete,
	easemobGroupMembers('addMembers'),
	easemobGroupMembers('removeMembers'),
	easemobGroupGetMembers,
	easemobChatRoomCreate,
	easemobChatRoomDelete,
	easemobChatRoomSend,
];
