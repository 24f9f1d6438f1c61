import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { returnAllFields } from '../../../shared/listFields';
import { parameterError } from '../../../shared/errors';
import { paceOptionFields } from '../../../shared/paceOptions';
import { toBoolean, toText } from '../../../shared/parameters';
import { runOverItems } from '../../../shared/runItems';
import { THULIUM_PACE, thuliumAccount, thuliumRequest } from '../../transport';
import { toThuliumDate } from '../../transport/dates';
import { fetchPages } from '../../transport/paging';
import { chatQueueLocator, readChatQueueId, readListMax } from '../fields';

const show = { resource: ['chat'], operation: ['getMany'] };

const properties: INodeProperties[] = [
	...returnAllFields(),
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		options: [
			chatQueueLocator('chatQueueId', 'Only chats of this queue', false),
			{
				displayName: 'Started After',
				name: 'dateFrom',
				type: 'dateTime',
				default: '',
				description:
					'Only chats that started at or after this time, in the time of the Thulium system. Thulium takes minutes: seconds are dropped.',
			},
			{
				displayName: 'Started Before',
				name: 'dateTo',
				type: 'dateTime',
				default: '',
				description: 'Only chats that started at or before this time, in the time of the Thulium system',
			},
			{
				displayName: 'Status',
				name: 'status',
				type: 'options',
				default: 'CLOSED',
				description: 'Only chats with this status. Thulium documents CLOSED; other values can be set with an expression.',
				options: [{ name: 'Closed', value: 'CLOSED' }],
			},
		],
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{
				displayName: 'Include Client Data',
				name: 'includeClientData',
				type: 'boolean',
				default: false,
				description: "Whether to include the client's browser, IP address and similar data",
			},
			{
				displayName: 'Include Files',
				name: 'includeFiles',
				type: 'boolean',
				default: false,
				description: 'Whether to include the list of files sent in each chat',
			},
			{
				displayName: 'Include Messages',
				name: 'includeMessages',
				type: 'boolean',
				default: false,
				description: 'Whether to include the messages (the transcript) of each chat',
			},
			{
				displayName: 'Simplify',
				name: 'simplify',
				type: 'boolean',
				default: false,
				description:
					'Whether to return only the main fields of each chat (ID, queue, status, times, client, agent) and counts instead of the message, file and client data lists',
			},
			...paceOptionFields(THULIUM_PACE),
		],
	},
];

export const description = updateDisplayOptions({ show }, properties);

const SIMPLE_FIELDS = [
	'conversation_id',
	'chat_queue_id',
	'status',
	'created_at',
	'closed_at',
	'client_name',
	'client_email',
	'customer_id',
	'user_login',
];

/** The main fields of a chat; the large lists become counts. */
export function simplifyChat(chat: IDataObject): IDataObject {
	const simple: IDataObject = {};
	for (const field of SIMPLE_FIELDS) if (chat[field] !== undefined) simple[field] = chat[field];
	if (Array.isArray(chat.messages)) simple.message_count = chat.messages.length;
	if (Array.isArray(chat.files)) simple.file_count = chat.files.length;
	return simple;
}

interface ChatQuery {
	qs: IDataObject;
	max?: number;
	simplify: boolean;
}

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const account = await thuliumAccount(this);
	const node = this.getNode();
	const timezone = this.getTimezone();
	return await runOverItems<ChatQuery>(
		this,
		{
			prepare: (i) => {
				const max = readListMax(this, i);
				const filters = this.getNodeParameter('filters', i, {}) as IDataObject;
				const options = this.getNodeParameter('options', i, {}) as IDataObject;
				const qs: IDataObject = {};
				const dateFrom = toThuliumDate(node, i, filters.dateFrom, 'Started After', { precision: 'minute', timezone });
				const dateTo = toThuliumDate(node, i, filters.dateTo, 'Started Before', { precision: 'minute', timezone });
				if (dateFrom !== undefined) qs.date_from = dateFrom;
				if (dateTo !== undefined) qs.date_to = dateTo;
				if (dateFrom !== undefined && dateTo !== undefined && dateFrom > dateTo) {
					throw parameterError(node, i, `Started After (${dateFrom}) is later than Started Before (${dateTo})`, 'Swap the two dates or correct one of them.');
				}
				const status = toText(node, i, filters.status, 'Status', { maxLength: 40 });
				if (status !== '') {
					if (!/^[A-Za-z_]+$/.test(status)) {
						throw parameterError(node, i, `Status "${status}" is not a chat status`, 'Use a status such as CLOSED.');
					}
					qs.status = status.toUpperCase();
				}
				const chatQueueId = readChatQueueId(filters.chatQueueId, this, i, false);
				if (chatQueueId !== undefined) qs.chat_queue_id = chatQueueId;
				for (const [option, key, label] of [
					['includeMessages', 'include_messages', 'Include Messages'],
					['includeFiles', 'include_files', 'Include Files'],
					['includeClientData', 'include_client_data', 'Include Client Data'],
				] as const) {
					if (toBoolean(node, i, options[option], label)) qs[key] = 'true';
				}
				return { qs, max, simplify: toBoolean(node, i, options.simplify, 'Simplify') };
			},
			run: async (session, { qs, max, simplify }) => {
				const chats = await fetchPages(max, async (limit, offset) => {
					const body = await thuliumRequest(this, account, session, {
						method: 'GET',
						path: '/chats',
						qs: { ...qs, limit, offset },
						idempotent: true,
						notFound: qs.chat_queue_id !== undefined ? `Chat queue ${String(qs.chat_queue_id)} was not found` : undefined,
					});
					return body;
				});
				return simplify ? chats.map(simplifyChat) : chats;
			},
		},
		account.pace,
	);
}
