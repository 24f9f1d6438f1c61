import type { INodeProperties } from 'n8n-workflow';

import * as deleteContent from './deleteContent.operation';
import * as start from './start.operation';

export { deleteContent, start };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['conversation'] } },
		options: [
			{
				name: 'Delete Content',
				value: 'deleteContent',
				description: 'Erase the message content of a conversation for the agent, the customer or both',
				action: 'Delete conversation content',
			},
			{
				name: 'Start',
				value: 'start',
				description: 'Start a chat conversation in a queue',
				action: 'Start a conversation',
			},
		],
		default: 'start',
	},
	...start.description,
	...deleteContent.description,
];
