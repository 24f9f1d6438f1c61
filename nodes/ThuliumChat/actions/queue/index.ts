import type { INodeProperties } from 'n8n-workflow';

import * as getMany from './getMany.operation';

export { getMany };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['queue'] } },
		options: [
			{
				name: 'Get Many',
				value: 'getMany',
				description: 'List the chat queues',
				action: 'Get many chat queues',
			},
		],
		default: 'getMany',
	},
	...getMany.description,
];
