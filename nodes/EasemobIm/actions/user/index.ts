import type { INodeProperties } from 'n8n-workflow';

import * as create from './create.operation';
import * as deleteUser from './delete.operation';
import * as get from './get.operation';
import * as getAll from './getAll.operation';
import * as activate from './activate.operation';
import * as deactivate from './deactivate.operation';
import * as forceLogout from './forceLogout.operation';
import * as getOfflineMessageCount from './getOfflineMessageCount.operation';
import * as getOnlineStatus from './getOnlineStatus.operation';
import * as updateNickname from './updateNickname.operation';

export { create, deleteUser, get, getAll };
export { activate, deactivate, forceLogout, getOfflineMessageCount, getOnlineStatus, updateNickname };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['user'] } },
		options: [
			{ name: 'Activate', value: 'activate', description: 'Lift the ban on a deactivated user so they can log in again', action: 'Activate a user' },
			{ name: 'Create', value: 'create', description: 'Register one or many users', action: 'Create a user' },
			{
				name: 'Deactivate',
				value: 'deactivate',
				description: 'Ban a user: logs them out at once and keeps them out until activated',
				action: 'Deactivate a user',
			},
			{ name: 'Delete', value: 'delete', description: 'Delete a user', action: 'Delete a user' },
			{ name: 'Force Logout', value: 'forceLogout', description: 'Log a user out on all devices', action: 'Force logout a user' },
			{ name: 'Get', value: 'get', description: 'Get a user', action: 'Get a user' },
			{ name: 'Get Many', value: 'getAll', description: 'List the users of the app', action: 'Get many users' },
			{
				name: 'Get Offline Message Count',
				value: 'getOfflineMessageCount',
				description: 'Count the messages waiting for a user who is offline',
				action: 'Get offline message count of a user',
			},
			{
				name: 'Get Online Status',
				value: 'getOnlineStatus',
				description: 'Whether users are online: one output item per user, 100 users per call',
				action: 'Get online status of users',
			},
			{
				name: 'Update Nickname',
				value: 'updateNickname',
				description: 'Set the sender name a user has in push notifications',
				action: 'Update nickname of a user',
			},
		],
		default: 'get',
	},
	...create.description,
	...get.description,
	...getAll.description,
	...deleteUser.description,
	...getOnlineStatus.description,
	...getOfflineMessageCount.description,
	...deactivate.description,
	...activate.description,
	...forceLogout.description,
	...updateNickname.description,
];
