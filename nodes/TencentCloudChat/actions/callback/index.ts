import type { INodeProperties } from 'n8n-workflow';

import * as answer from './answer.operation';

export { answer };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['callback'] } },
		options: [
			{
				name: 'Answer',
				value: 'answer',
				description: 'Allow, rewrite, reject or drop the message of the before-callback that started the workflow',
				action: 'Answer a callback',
			},
		],
		default: 'answer',
	},
	...answer.description,
];
