import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { optionsCollection } from '../../../shared/paceOptions';
import { textParameter, toText } from '../../../shared/parameters';
import { runOverItems } from '../../../shared/runItems';
import { path } from '../../../shared/url';
import { THULIUM_PACE, thuliumAccount, thuliumRequest } from '../../transport';
import { conversationIdField, externalChatbotIdField } from './fields';

const properties: INodeProperties[] = [
	conversationIdField('The conversation to end'),
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: [externalChatbotIdField('The external chatbot that ends the conversation')],
	},
	optionsCollection(THULIUM_PACE),
];

export const description = updateDisplayOptions({ show: { resource: ['conversation'], operation: ['stop'] } }, properties);

interface StopPlan {
	conversationId: string;
	body?: IDataObject;
}

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const account = await thuliumAccount(this);
	const node = this.getNode();
	return await runOverItems<StopPlan>(
		this,
		{
			prepare: (i) => {
				const conversationId = textParameter(this, 'conversationId', i, 'Conversation ID', { required: true, maxLength: 100, pathSegment: true });
				const fields = this.getNodeParameter('additionalFields', i, {}) as IDataObject;
				const chatbot = toText(node, i, fields.externalChatbotId, 'External Chatbot ID', { maxLength: 100 });
				// The documented request has an empty body; the chatbot id is the only optional field.
				return { conversationId, body: chatbot !== '' ? { external_chatbot_id: chatbot } : undefined };
			},
			run: async (session, { conversationId, body }) => {
				await thuliumRequest(this, account, session, {
					method: 'POST',
					path: path`/chat_conversations/${conversationId}/stop`,
					body,
					// Stopping a stopped conversation changes nothing, so a retry is harmless.
					idempotent: true,
					notFound: `Conversation "${conversationId}" was not found`,
				});
				return { stopped: true, conversationId };
			},
		},
		account.pace,
	);
}
