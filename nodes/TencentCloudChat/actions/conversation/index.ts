import type { INodeProperties } from 'n8n-workflow';

import * as deleteConversation from './delete.operation';
import * as getMany from './getMany.operation';

export { deleteConversation as delete, getMany };

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
				description: "Delete a one-to-one or group conversation from a user's conversation list",
				action: 'Delete a conversation',
			},
			{
				name: 'Get Many',
				value: 'getMany',
				description: "List a user's conversations, pinned ones included",
				action: 'Get many conversations',
			},
		],
		default: 'delete',
	},
	...deleteConversation.description,
	...getMany.description,
];
