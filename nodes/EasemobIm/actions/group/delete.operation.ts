import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { optionsCollection } from '../../../shared/paceOptions';
import { textParameter } from '../../../shared/parameters';
import { runOverItems } from '../../../shared/runItems';
import { path } from '../../../shared/url';
import { EASEMOB_PACE, easemobAccount, easemobRequest } from '../../transport';
import { GROUP_ID_RULES, groupIdField } from './fields';

const properties: INodeProperties[] = [
	groupIdField('The group to dissolve. Its threads are deleted with it; this cannot be undone.'),
	optionsCollection(EASEMOB_PACE),
];

export const description = updateDisplayOptions({ show: { resource: ['group'], operation: ['delete'] } }, properties);

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const account = await easemobAccount(this);
	return await runOverItems<string>(
		this,
		{
			prepare: (i) => textParameter(this, 'groupId', i, 'Group ID', GROUP_ID_RULES),
			run: async (session, groupId) => {
				// https://doc.easemob.com/document/server-side/group_manage.html#解散群组: DELETE /chatgroups/{id} → data.success.
				const response = await easemobRequest(this, account, session, {
					method: 'DELETE',
					path: path`/chatgroups/${groupId}`,
					kind: 'write',
					notFound: `Group "${groupId}" was not found`,
				});
				const data = (response.data ?? {}) as IDataObject;
				return { deleted: data.success === true, groupId };
			},
		},
		account.pace,
	);
}
