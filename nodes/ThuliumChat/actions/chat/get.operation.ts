import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { apiError, parameterError } from '../../../shared/errors';
import { optionsCollection } from '../../../shared/paceOptions';
import { textParameter, toBoolean } from '../../../shared/parameters';
import { runOverItems } from '../../../shared/runItems';
import { THULIUM_PACE, thuliumAccount, thuliumRequest } from '../../transport';
import { toThuliumDate } from '../../transport/dates';
import { THULIUM_PAGE_SIZE } from '../../transport/paging';
import { conversationIdField } from '../conversation/fields';
import { chatQueueLocator, readChatQueueId } from '../fields';

const properties: INodeProperties[] = [
	conversationIdField('The chat to get'),
	{
		displayName: 'Search Window',
		name: 'window',
		type: 'collection',
		placeholder: 'Add Limit',
		default: {},
		description:
			'Thulium cannot look a chat up by ID: the node reads the chat list (100 a page) until it finds the chat. Narrowing the search to when and where the chat started makes that fast.',
		options: [
			chatQueueLocator('chatQueueId', 'Only look in this chat queue', false),
			{ displayName: 'Started After', name: 'dateFrom', type: 'dateTime', default: '', description: 'Only look at chats that started at or after this time (the time of the Thulium system)' },
			{ displayName: 'Started Before', name: 'dateTo', type: 'dateTime', default: '', description: 'Only look at chats that started at or before this time (the time of the Thulium system)' },
		],
	},
	optionsCollection(THULIUM_PACE, [
		{ displayName: 'Include Client Data', name: 'includeClientData', type: 'boolean', default: false, description: "Whether to include the client's browser, IP address and similar data" },
		{ displayName: 'Include Files', name: 'includeFiles', type: 'boolean', default: false, description: 'Whether to include the list of files sent in the chat' },
	]),
];

export const description = updateDisplayOptions({ show: { resource: ['chat'], operation: ['get'] } }, properties);

interface GetPlan {
	conversationId: string;
	qs: IDataObject;
}

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const account = await thuliumAccount(this);
	const node = this.getNode();
	const timezone = this.getTimezone();
	return await runOverItems<GetPlan>(
		this,
		{
			prepare: (i) => {
				const conversationId = textParameter(this, 'conversationId', i, 'Conversation ID', { required: true, maxLength: 100 });
				const window = this.getNodeParameter('window', i, {}) as IDataObject;
				const options = this.getNodeParameter('options', i, {}) as IDataObject;
				const qs: IDataObject = { include_messages: 'true' };
				const dateFrom = toThuliumDate(node, i, window.dateFrom, 'Started After', { precision: 'minute', timezone });
				const dateTo = toThuliumDate(node, i, window.dateTo, 'Started Before', { precision: 'minute', timezone });
				if (dateFrom !== undefined) qs.date_from = dateFrom;
				if (dateTo !== undefined) qs.date_to = dateTo;
				if (dateFrom !== undefined && dateTo !== undefined && dateFrom > dateTo) {
					throw parameterError(node, i, `Started After (${dateFrom}) is later than Started Before (${dateTo})`, 'Swap the two dates or correct one of them.');
				}
				const chatQueueId = readChatQueueId(window.chatQueueId, this, i, false);
				if (chatQueueId !== undefined) qs.chat_queue_id = chatQueueId;
				if (toBoolean(node, i, options.includeFiles, 'Include Files')) qs.include_files = 'true';
				if (toBoolean(node, i, options.includeClientData, 'Include Client Data')) qs.include_client_data = 'true';
				return { conversationId, qs };
			},
			run: async (session, { conversationId, qs }) => {
				// GET chats has no conversation_id filter (https://api.thulium.com/docs/api/chats/get_chats):
				// page through the window until the chat turns up.
				for (let offset = 0; ; ) {
					const body = (await thuliumRequest(this, account, session, {
						method: 'GET',
						path: '/chats',
						qs: { ...qs, limit: THULIUM_PAGE_SIZE, offset },
						idempotent: true,
						notFound: qs.chat_queue_id !== undefined ? `Chat queue ${String(qs.chat_queue_id)} was not found` : undefined,
					})) as IDataObject | undefined;
					const rows = Array.isArray(body?.result) ? (body.result as IDataObject[]) : [];
					const match = rows.find((chat) => chat.conversation_id === conversationId);
					if (match) return match;
					offset += rows.length;
					const count = Number(body?.count);
					if (rows.length < THULIUM_PAGE_SIZE || (Number.isFinite(count) && offset >= count)) break;
				}
				const where = [qs.date_from && `from ${String(qs.date_from)}`, qs.date_to && `until ${String(qs.date_to)}`, qs.chat_queue_id && `in chat queue ${String(qs.chat_queue_id)}`].filter(Boolean).join(' ');
				throw apiError(
					node,
					session.itemIndex,
					{
						message: `Chat "${conversationId}" was not found${where ? ` among the chats started ${where}` : ''}`,
						hint: 'Check the conversation ID, and that the search window covers when and where the chat started.',
						httpCode: 404,
					},
					account.secrets,
				);
			},
		},
		account.pace,
	);
}
