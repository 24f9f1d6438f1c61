import type { INodeProperties } from 'n8n-workflow';

import * as check from './check.operation';
import * as deleteUser from './delete.operation';
import * as forceLogout from './forceLogout.operation';
import * as getOnlineStatus from './getOnlineStatus.operation';
import * as getProfile from './getProfile.operation';
import * as importUser from './import.operation';
import * as updateProfile from './updateProfile.operation';

export { check, deleteUser as delete, forceLogout, getOnlineStatus, getProfile, importUser as import, updateProfile };

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
				name: 'Delete',
				value: 'delete',
				description: 'Delete user accounts with their contacts, profile, groups and conversations. Cannot be undone.',
				action: 'Delete users',
			},
			{
				name: 'Force Logout',
				value: 'forceLogout',
				description: "Log a user out on every device by invalidating their UserSig",
				action: 'Force logout a user',
			},
			{
				name: 'Get Online Status',
				value: 'getOnlineStatus',
				description: 'Get whether users are online, in the background (push online) or offline',
				action: 'Get online status of users',
			},
			{
				name: 'Get Profile',
				value: 'getProfile',
				description: "Get users' profile fields such as nickname and avatar",
				action: 'Get user profiles',
			},
			{
				name: 'Import',
				value: 'import',
				description: 'Create a user account in the app',
				action: 'Import a user',
			},
			{
				name: 'Update Profile',
				value: 'updateProfile',
				description: "Set a user's profile fields such as nickname, avatar or custom fields",
				action: 'Update a user profile',
			},
		],
		default: 'import',
	},
	...importUser.description,
	...check.description,
	...deleteUser.description,
	...forceLogout.description,
	...getOnlineStatus.description,
	...getProfile.description,
	...updateProfile.description,
];
