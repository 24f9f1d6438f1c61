import type { INodeProperties } from 'n8n-workflow';

import * as getSummary from './getSummary.operation';

export { getSummary };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['report'] } },
		options: [
			{
				name: 'Get Summary',
				value: 'getSummary',
				description: 'Get chat statistics per agent and period',
				action: 'Get a chat summary report',
			},
		],
		default: 'getSummary',
	},
	...getSummary.description,
];
