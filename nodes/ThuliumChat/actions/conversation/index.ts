import type { INodeProperties } from 'n8n-workflow';

import * as deleteConversation from './delete.operation';
import * as deleteContent from './deleteContent.operation';
import * as sendMessage from './sendMessage.operation';
import * as start from './start.operation';
import * as stop from './stop.operation';

export { deleteConversation, deleteContent, sendMessage, start, stop };

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
				description: 'Delete a conversation with its messages',
				action: 'Delete a conversation',
			},
			{
				name: 'Delete Content',
				value: 'deleteContent',
				description: 'Erase the message content of a conversation for the agent, the customer or both',
				action: 'Delete conversation content',
			},
			{
				name: 'Send Message',
				value: 'sendMessage',
				description: 'Send a text message into a conversation',
				action: 'Send a message',
			},
			{
				name: 'Start',
				value: 'start',
				description: 'Start a chat conversation in a queue',
				action: 'Start a conversation',
			},
			{
				name: 'Stop',
				value: 'stop',
				description: 'End a conversation',
				action: 'Stop a conversation',
			},
		],
		default: 'start',
	},
	...start.description,
	...sendMessage.description,
	...stop.description,
	...deleteContent.description,
	...deleteConversation.description,
];
