import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { optionsCollection } from '../../../shared/paceOptions';
import { textParameter } from '../../../shared/parameters';
import { runOverItems } from '../../../shared/runItems';
import { path } from '../../../shared/url';
import { EASEMOB_PACE, easemobAccount, easemobRequest } from '../../transport';
import { USERNAME_RULES } from '../fields';

const properties: INodeProperties[] = [
	{
		displayName: 'Username',
		name: 'username',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. user1',
	},
	optionsCollection(EASEMOB_PACE),
];

export const description = updateDisplayOptions({ show: { resource: ['user'], operation: ['get'] } }, properties);

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const account = await easemobAccount(this);
	return await runOverItems<string>(
		this,
		{
			prepare: (i) => textParameter(this, 'username', i, 'Username', USERNAME_RULES),
			run: async (session, username) => {
				const body = await easemobRequest(this, account, session, {
					method: 'GET',
					path: path`/users/${username}`,
					kind: 'read',
					notFound: `User "${username}" was not found`,
				});
				const [user] = Array.isArray(body.entities) ? (body.entities as IDataObject[]) : [];
				return user ?? {};
			},
		},
		account.pace,
	);
}
