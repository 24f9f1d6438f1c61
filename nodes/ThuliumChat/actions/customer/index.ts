import type { INodeProperties } from 'n8n-workflow';

import * as create from './create.operation';
import * as get from './get.operation';
import * as search from './search.operation';
import * as update from './update.operation';

export { create, get, search, update };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['customer'] } },
		options: [
			{ name: 'Create', value: 'create', description: 'Add a customer to Thulium CRM', action: 'Create a customer' },
			{ name: 'Get', value: 'get', description: 'Get one CRM customer by ID', action: 'Get a customer' },
			{
				name: 'Search',
				value: 'search',
				description: 'Find CRM customers by e-mail, phone number, identifier, company, type, group or custom fields',
				action: 'Search customers',
			},
			{ name: 'Update', value: 'update', description: "Change a CRM customer's fields", action: 'Update a customer' },
		],
		default: 'search',
	},
	...create.description,
	...get.description,
	...search.description,
	...update.description,
];
