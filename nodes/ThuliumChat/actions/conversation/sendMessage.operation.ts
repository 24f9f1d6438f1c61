import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { optionsCollection } from '../../../shared/paceOptions';
import { textParameter, toText } from '../../../shared/parameters';
import { runOverItems } from '../../../shared/runItems';
import { path } from '../../../shared/url';
import { THULIUM_PACE, thuliumAccount, thuliumRequest } from '../../transport';
import { conversationIdField, externalChatbotIdField } from './fields';

const properties: INodeProperties[] = [
	conversationIdField('The conversation the message is sent to'),
	{
		displayName: 'Text',
		name: 'text',
		type: 'string',
		typeOptions: { rows: 3 },
		default: '',
		required: true,
		placeholder: 'e.g. Hello, how can we help?',
		description: 'The message to send',
	},
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: [externalChatbotIdField('The external chatbot that sends the message')],
	},
	optionsCollection(THULIUM_PACE),
];

export const description = updateDisplayOptions({ show: { resource: ['conversation'], operation: ['sendMessage'] } }, properties);

interface SendPlan {
	conversationId: string;
	body: IDataObject;
}

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const account = await thuliumAccount(this);
	const node = this.getNode();
	return await runOverItems<SendPlan>(
		this,
		{
			prepare: (i) => {
				const conversationId = textParameter(this, 'conversationId', i, 'Conversation ID', { required: true, maxLength: 100, pathSegment: true });
				const text = textParameter(this, 'text', i, 'Text', { required: true, multiline: true, maxLength: 10_000 });
				const fields = this.getNodeParameter('additionalFields', i, {}) as IDataObject;
				const body: IDataObject = { text };
				const chatbot = toText(node, i, fields.externalChatbotId, 'External Chatbot ID', { maxLength: 100 });
				if (chatbot !== '') body.external_chatbot_id = chatbot;
				return { conversationId, body };
			},
			run: async (session, { conversationId, body }) => {
				// Not idempotent: after a 5xx or a lost answer the message may already be in the chat.
				await thuliumRequest(this, account, session, {
					method: 'POST',
					path: path`/chat_conversations/${conversationId}/message`,
					body,
					idempotent: false,
					unclearOutcome: 'the message may have been delivered',
					notFound: `Conversation "${conversationId}" was not found`,
				});
				const output: IDataObject = { sent: true, conversationId, text: body.text };
				if (body.external_chatbot_id !== undefined) output.externalChatbotId = body.external_chatbot_id;
				return output;
			},
		},
		account.pace,
	);
}
