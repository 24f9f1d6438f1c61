import type { INodeProperties } from 'n8n-workflow';

import * as addMembers from './addMembers.operation';
import * as create from './create.operation';
import * as deleteGroup from './delete.operation';
import * as get from './get.operation';
import * as getMany from './getMany.operation';
import * as getMembers from './getMembers.operation';
import * as muteMember from './muteMember.operation';
import * as removeMembers from './removeMembers.operation';
import * as update from './update.operation';

export { addMembers, create, deleteGroup as delete, get, getMany, getMembers, muteMember, removeMembers, update };

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
				description: 'Add users to a group',
				action: 'Add members to a group',
			},
			{
				name: 'Create',
				value: 'create',
				description: 'Create a group, optionally with an owner and members',
				action: 'Create a group',
			},
			{
				name: 'Delete',
				value: 'delete',
				description: 'Disband a group for good',
				action: 'Delete a group',
			},
			{
				name: 'Get',
				value: 'get',
				description: 'Get the profile of one or more groups',
				action: 'Get a group',
			},
			{
				name: 'Get Many',
				value: 'getMany',
				description: 'List the IDs of the groups in the app',
				action: 'Get many groups',
			},
			{
				name: 'Get Members',
				value: 'getMembers',
				description: 'List the members of a group with their roles and mute times',
				action: 'Get members of a group',
			},
			{
				name: 'Mute Member',
				value: 'muteMember',
				description: 'Mute or unmute users in a group',
				action: 'Mute members of a group',
			},
			{
				name: 'Remove Members',
				value: 'removeMembers',
				description: 'Remove users from a group',
				action: 'Remove members from a group',
			},
			{
				name: 'Update',
				value: 'update',
				description: 'Change the name, notice or settings of a group',
				action: 'Update a group',
			},
		],
		default: 'create',
	},
	...create.description,
	...get.description,
	...getMany.description,
	...update.description,
	...deleteGroup.description,
	...addMembers.description,
	...removeMembers.description,
	...getMembers.description,
	...muteMember.description,
];
