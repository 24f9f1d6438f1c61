import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { parameterError } from '../../../shared/errors';
import { optionsCollection } from '../../../shared/paceOptions';
import { textParameter, toText } from '../../../shared/parameters';
import { runOverItems } from '../../../shared/runItems';
import { EASEMOB_PACE, easemobAccount, easemobRequest } from '../../transport';
import { chunks } from '../message/fields';

/** Easemob registers at most 60 users per call; longer lists are split. */
export const USERS_PER_CALL = 60;

const USERNAME = /^[a-zA-Z0-9_.-]{1,64}$/;

const properties: INodeProperties[] = [
	{
		displayName: 'Create',
		name: 'createMode',
		type: 'options',
		default: 'single',
		options: [
			{ name: 'One User', value: 'single', description: 'One user per input item' },
			{ name: 'Many Users (JSON)', value: 'list', description: 'A list of users per input item, registered 60 per call' },
		],
	},
	{
		displayName: 'Username',
		name: 'username',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. user1',
		description: 'Up to 64 letters, digits, "_", "-" or "."; Easemob ignores case',
		displayOptions: { show: { createMode: ['single'] } },
	},
	{
		displayName: 'Password',
		name: 'password',
		type: 'string',
		typeOptions: { password: true },
		default: '',
		required: true,
		displayOptions: { show: { createMode: ['single'] } },
	},
	{
		displayName: 'Users (JSON)',
		name: 'users',
		type: 'json',
		default: '[{"username": "user1", "password": "secret-1"}]',
		required: true,
		description: 'A list of objects with username, password and optionally nickname',
		displayOptions: { show: { createMode: ['list'] } },
	},
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		displayOptions: { show: { createMode: ['single'] } },
		options: [
			{
				displayName: 'Nickname',
				name: 'nickname',
				type: 'string',
				default: '',
				placeholder: 'e.g. Alice',
				description: 'The name shown in push notifications',
			},
		],
	},
	optionsCollection(EASEMOB_PACE),
];

export const description = updateDisplayOptions({ show: { resource: ['user'], operation: ['create'] } }, properties);

const SIMPLE_FIELDS = ['uuid', 'type', 'created', 'modified', 'username', 'activated', 'nickname'];

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const account = await easemobAccount(this);
	const node = this.getNode();
	const checkUser = (i: number, raw: unknown, label: string): IDataObject => {
		if (!raw || typeof raw !== 'object' || Array.isArray(raw)) {
			throw parameterError(node, i, `${label} must be an object with username and password`, 'Use entries like {"username": "user1", "password": "secret-1"}.');
		}
		const entry = raw as IDataObject;
		const username = toText(node, i, entry.username, `${label} username`, { required: true });
		if (!USERNAME.test(username)) {
			throw parameterError(node, i, `${label} username "${username.slice(0, 70)}" is not allowed`, 'Use up to 64 letters, digits, "_", "-" or ".".');
		}
		const user: IDataObject = { username, password: toText(node, i, entry.password, `${label} password`, { required: true, maxLength: 64 }) };
		const nickname = toText(node, i, entry.nickname, `${label} nickname`, { maxLength: 100 });
		if (nickname !== '') user.nickname = nickname;
		return user;
	};
	return await runOverItems<IDataObject[]>(
		this,
		{
			prepare: (i) => {
				if (this.getNodeParameter('createMode', i, 'single') === 'list') {
					let list: unknown = this.getNodeParameter('users', i, '[]');
					if (typeof list === 'string') {
						try {
							list = JSON.parse(list);
						} catch {
							throw parameterError(node, i, 'Users (JSON) is not valid JSON', 'Enter a list like [{"username": "user1", "password": "secret-1"}].');
						}
					}
					if (!Array.isArray(list) || list.length === 0) {
						throw parameterError(node, i, 'Users (JSON) must be a non-empty list', 'Enter a list like [{"username": "user1", "password": "secret-1"}].');
					}
					return list.map((entry, n) => checkUser(i, entry, `User ${n + 1}`));
				}
				const fields = this.getNodeParameter('additionalFields', i, {}) as IDataObject;
				return [
					checkUser(
						i,
						{
							username: textParameter(this, 'username', i, 'Username', { required: true }),
							password: this.getNodeParameter('password', i, ''),
							nickname: fields.nickname,
						},
						'User',
					),
				];
			},
			run: async (session, users) => {
				const out: IDataObject[] = [];
				for (const group of chunks(users, USERS_PER_CALL)) {
					const body = await easemobRequest(this, account, session, {
						method: 'POST',
						path: '/users',
						body: group.length === 1 ? group[0] : group,
						kind: 'write',
					});
					for (const entity of Array.isArray(body.entities) ? (body.entities as IDataObject[]) : []) {
						const user: IDataObject = { created: true };
						for (const key of SIMPLE_FIELDS) if (entity[key] !== undefined) user[key === 'created' ? 'createdAt' : key] = entity[key];
						out.push(user);
					}
					for (const failed of Array.isArray(body.data) ? (body.data as IDataObject[]) : []) {
						out.push({ created: false, username: failed.username, reason: failed.registerUserFailReason });
					}
				}
				return out;
			},
		},
		account.pace,
	);
}
