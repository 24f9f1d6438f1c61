import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
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
		description: 'The user to delete. Groups and chat rooms the user owns are dissolved as well.',
	},
	optionsCollection(EASEMOB_PACE),
];

export const description = updateDisplayOptions({ show: { resource: ['user'], operation: ['delete'] } }, properties);

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const account = await easemobAccount(this);
	return await runOverItems<string>(
		this,
		{
			prepare: (i) => textParameter(this, 'username', i, 'Username', USERNAME_RULES),
			run: async (session, username) => {
				await easemobRequest(this, account, session, {
					method: 'DELETE',
					path: path`/users/${username}`,
					kind: 'write',
					notFound: `User "${username}" was not found`,
				});
				return { deleted: true, username };
			},
		},
		account.pace,
	);
}
