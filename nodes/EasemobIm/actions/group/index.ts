import type { INodeProperties } from 'n8n-workflow';

import * as addMembers from './addMembers.operation';
import * as create from './create.operation';
import * as deleteGroup from './delete.operation';
import * as get from './get.operation';
import * as getAll from './getAll.operation';
import * as getMembers from './getMembers.operation';
import * as removeMembers from './removeMembers.operation';
import * as update from './update.operation';

export { addMembers, create, deleteGroup, get, getAll, getMembers, removeMembers, update };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['group'] } },
		options: [
			{
				name: 'Add Members',
				value: 'addMembers',
				description: 'Add users to a group, 60 per call; users already in it are reported and not added twice',
				action: 'Add members to a group',
			},
			{ name: 'Create', value: 'create', description: 'Create a group with an owner and optional members; returns its ID', action: 'Create a group' },
			{ name: 'Delete', value: 'delete', description: 'Dissolve a group for all its members', action: 'Delete a group' },
			{ name: 'Get', value: 'get', description: 'Get the details of up to 100 groups by ID, one output item each', action: 'Get a group' },
			{ name: 'Get Many', value: 'getAll', description: 'List the groups of the app, newest first', action: 'Get many groups' },
			{ name: 'Get Members', value: 'getMembers', description: 'List the owner and members of a group, one output item each', action: 'Get members of a group' },
			{ name: 'Remove Members', value: 'removeMembers', description: 'Remove users from a group; users not in it are reported', action: 'Remove members from a group' },
			{ name: 'Update', value: 'update', description: 'Change the name, description, size or rules of a group', action: 'Update a group' },
		],
		default: 'get',
	},
	...create.description,
	...get.description,
	...getAll.description,
	...update.description,
	...deleteGroup.description,
	...addMembers.description,
	...removeMembers.description,
	...getMembers.description,
];
