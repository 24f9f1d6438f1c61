import type { INodeProperties } from 'n8n-workflow';

import * as getMany from './getMany.operation';

export { getMany };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['chat'] } },
		options: [
			{
				name: 'Get Many',
				value: 'getMany',
				description: 'List chats with their status, client and, optionally, messages',
				action: 'Get many chats',
			},
		],
		default: 'getMany',
	},
	...getMany.description,
];
