import type { INodeProperties } from 'n8n-workflow';

import * as create from './create.operation';
import * as deleteChatRoom from './delete.operation';
import * as sendMessage from './sendMessage.operation';

export { create, deleteChatRoom, sendMessage };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['chatRoom'] } },
		options: [
			{ name: 'Create', value: 'create', description: 'Create a chat room with a name, description and owner; returns its ID', action: 'Create a chat room' },
			{ name: 'Delete', value: 'delete', description: 'Dissolve a chat room', action: 'Delete a chat room' },
			{
				name: 'Send Message',
				value: 'sendMessage',
				description: 'Send a message to one or more chat rooms, 10 per call; Easemob allows 100 chat room messages a second per app',
				action: 'Send a message to chat rooms',
			},
		],
		default: 'sendMessage',
	},
	...create.description,
	...deleteChatRoom.description,
	...sendMessage.description,
];
