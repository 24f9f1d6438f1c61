import type { INodeProperties } from 'n8n-workflow';

import * as deleteConversation from './delete.operation';

export { deleteConversation };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['conversation'] } },
		options: [
			{
				name: 'Delete',
				value: 'delete',
				description:
					"Delete a conversation from one user's conversation list. Easemob allows 5 a minute per user: calls for the same user are spaced out while other users go on.",
				action: 'Delete a conversation',
			},
		],
		default: 'delete',
	},
	...deleteConversation.description,
];
