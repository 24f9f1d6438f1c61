import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { optionsCollection } from '../../../shared/paceOptions';
import { textParameter, toChoice } from '../../../shared/parameters';
import { runOverItems } from '../../../shared/runItems';
import { path } from '../../../shared/url';
import { THULIUM_PACE, thuliumAccount, thuliumRequest } from '../../transport';
import { conversationIdField } from './fields';

const PARTICIPANTS = ['user', 'customer', 'both'] as const;

const properties: INodeProperties[] = [
	conversationIdField('The conversation whose message content is deleted'),
	{
		displayName: 'Participant',
		name: 'participant',
		type: 'options',
		default: 'both',
		description: 'Whose messages lose their content. The conversation itself stays.',
		options: [
			{ name: 'Both', value: 'both', description: 'Messages of the agent and of the customer' },
			{ name: 'Customer', value: 'customer', description: "The customer's messages" },
			{ name: 'User', value: 'user', description: "The agent's messages" },
		],
	},
	optionsCollection(THULIUM_PACE),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['conversation'], operation: ['deleteContent'] } },
	properties,
);

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const account = await thuliumAccount(this);
	const node = this.getNode();
	return await runOverItems(
		this,
		{
			prepare: (i) => ({
				conversationId: textParameter(this, 'conversationId', i, 'Conversation ID', { required: true, maxLength: 100, pathSegment: true }),
				participant: toChoice(node, i, this.getNodeParameter('participant', i), 'Participant', PARTICIPANTS),
			}),
			run: async (session, { conversationId, participant }) => {
				await thuliumRequest(this, account, session, {
					method: 'DELETE',
					path: path`/chat_conversations/content/${conversationId}/${participant}`,
					idempotent: true,
					notFound: `Conversation "${conversationId}" was not found`,
					notFoundOnRetryIsDone: true,
				});
				return { deleted: true, conversationId, participant };
			},
		},
		account.pace,
	);
}
