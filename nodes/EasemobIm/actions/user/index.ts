import type { INodeProperties } from 'n8n-workflow';

import * as create from './create.operation';
import * as deleteUser from './delete.operation';
import * as get from './get.operation';
import * as getAll from './getAll.operation';

export { create, deleteUser, get, getAll };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['user'] } },
		options: [
			{ name: 'Create', value: 'create', description: 'Register one or many users', action: 'Create a user' },
			{ name: 'Delete', value: 'delete', description: 'Delete a user', action: 'Delete a user' },
			{ name: 'Get', value: 'get', description: 'Get a user', action: 'Get a user' },
			{ name: 'Get Many', value: 'getAll', description: 'List the users of the app', action: 'Get many users' },
		],
		default: 'get',
	},
	...create.description,
	...get.description,
	...getAll.description,
	...deleteUser.description,
];
