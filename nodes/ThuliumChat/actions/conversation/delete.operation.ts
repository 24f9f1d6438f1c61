import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { optionsCollection } from '../../../shared/paceOptions';
import { textParameter } from '../../../shared/parameters';
import { runOverItems } from '../../../shared/runItems';
import { path } from '../../../shared/url';
import { THULIUM_PACE, thuliumAccount, thuliumRequest } from '../../transport';
import { conversationIdField } from './fields';

const properties: INodeProperties[] = [
	conversationIdField('The conversation to delete, with its messages'),
	optionsCollection(THULIUM_PACE),
];

export const description = updateDisplayOptions({ show: { resource: ['conversation'], operation: ['delete'] } }, properties);

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const account = await thuliumAccount(this);
	return await runOverItems(
		this,
		{
			prepare: (i) => ({
				conversationId: textParameter(this, 'conversationId', i, 'Conversation ID', { required: true, maxLength: 100, pathSegment: true }),
			}),
			run: async (session, { conversationId }) => {
				await thuliumRequest(this, account, session, {
					method: 'DELETE',
					path: path`/chat_conversations/${conversationId}`,
					idempotent: true,
					notFound: `Conversation "${conversationId}" was not found`,
					notFoundOnRetryIsDone: true,
				});
				return { deleted: true, conversationId };
			},
		},
		account.pace,
	);
}
