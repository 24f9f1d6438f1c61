import type { INodeProperties } from 'n8n-workflow';

import * as getHistory from './getHistory.operation';
import * as recall from './recall.operation';
import * as sendToGroups from './sendToGroups.operation';
import * as sendToUsers from './sendToUsers.operation';

export { getHistory, recall, sendToGroups, sendToUsers };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['message'] } },
		options: [
			{
				name: 'Get History',
				value: 'getHistory',
				description:
					"Export one hour of the app's messages: a signed link to a .gz file (one JSON message per line), optionally downloaded. Easemob allows 10 exports a minute.",
				action: 'Get message history',
			},
			{
				name: 'Recall',
				value: 'recall',
				description: 'Take back a sent message',
				action: 'Recall a message',
			},
			{
				name: 'Send to Groups',
				value: 'sendToGroups',
				description: 'Send a message to one or more groups',
				action: 'Send a message to groups',
			},
			{
				name: 'Send to Users',
				value: 'sendToUsers',
				description:
					'Send a one-to-one message to one or more users. Messages sent this way create or update conversations only if the app has this switched on in the Easemob console.',
				action: 'Send a message to users',
			},
		],
		default: 'sendToUsers',
	},
	...sendToUsers.description,
	...sendToGroups.description,
	...recall.description,
	...getHistory.description,
];
