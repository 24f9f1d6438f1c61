import type { INodeProperties } from 'n8n-workflow';

import * as check from './check.operation';
import * as importUser from './import.operation';

export { check, importUser as import };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['user'] } },
		options: [
			{
				name: 'Check',
				value: 'check',
				description: 'Check whether users have been imported',
				action: 'Check users',
			},
			{
				name: 'Import',
				value: 'import',
				description: 'Create a user account in the app',
				action: 'Import a user',
			},
		],
		default: 'import',
	},
	...importUser.description,
	...check.description,
];
