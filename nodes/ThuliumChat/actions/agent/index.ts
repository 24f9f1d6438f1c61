import type { INodeProperties } from 'n8n-workflow';

import * as get from './get.operation';
import * as getStatus from './getStatus.operation';

export { get, getStatus };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['agent'] } },
		options: [
			{ name: 'Get', value: 'get', description: "Get an agent's name, e-mail, number, group and whether the account is active", action: 'Get an agent' },
			{
				name: 'Get Status',
				value: 'getStatus',
				description: "Get an agent's current status: OFF, FREE, PAUSED, INBOUND_CALL, OUTBOUND_CALL, OUTBOUND_PREVIEW, CALL or RINGING",
				action: 'Get an agent status',
			},
		],
		default: 'getStatus',
	},
	...get.description,
	...getStatus.description,
];
