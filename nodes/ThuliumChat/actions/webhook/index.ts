import type { INodeProperties } from 'n8n-workflow';

import * as create from './create.operation';
import * as getMany from './getMany.operation';

export { create, getMany };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['webhook'] } },
		options: [
			{
				name: 'Create',
				value: 'create',
				description: 'Subscribe a URL to Thulium events (Thulium offers no API to change or delete it: use the panel)',
				action: 'Create a webhook',
			},
			{ name: 'Get Many', value: 'getMany', description: 'List the webhooks set up in Thulium, without their passwords', action: 'Get many webhooks' },
		],
		default: 'getMany',
	},
	...create.description,
	...getMany.description,
];
