import type { INodeProperties } from 'n8n-workflow';

import * as addAgentResponse from './addAgentResponse.operation';
import * as create from './create.operation';
import * as get from './get.operation';

export { addAgentResponse, create, get };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['ticket'] } },
		options: [
			{
				name: 'Add Agent Response',
				value: 'addAgentResponse',
				description: "Send an agent's message to the ticket's customer and add it to the ticket",
				action: 'Add an agent response to a ticket',
			},
			{ name: 'Create', value: 'create', description: 'Create a ticket in a Thulium mailbox', action: 'Create a ticket' },
			{ name: 'Get', value: 'get', description: 'Get a ticket with its messages and comments', action: 'Get a ticket' },
		],
		default: 'create',
	},
	...addAgentResponse.description,
	...create.description,
	...get.description,
];
