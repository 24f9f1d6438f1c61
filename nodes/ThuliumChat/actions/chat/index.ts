import type { INodeProperties } from 'n8n-workflow';

import * as get from './get.operation';
import * as getMany from './getMany.operation';

export { get, getMany };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['chat'] } },
		options: [
			{
				name: 'Get',
				value: 'get',
				description: 'Get one chat by its conversation ID, with its messages (the transcript)',
				action: 'Get a chat',
			},
			{
				name: 'Get Many',
				value: 'getMany',
				description: 'List chats with their status, client and, optionally, messages',
				action: 'Get many chats',
			},
		],
		default: 'getMany',
	},
	...get.description,
	...getMany.description,
];
