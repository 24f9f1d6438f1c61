import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { parameterError } from '../../../shared/errors';
import { optionsCollection } from '../../../shared/paceOptions';
import { textParameter } from '../../../shared/parameters';
import { runOverItems } from '../../../shared/runItems';
import { path } from '../../../shared/url';
import { EASEMOB_PACE, easemobAccount, easemobRequest } from '../../transport';
import { GROUP_ID_RULES, groupIdField, groupSettingFields, readGroupSettings } from './fields';

const properties: INodeProperties[] = [
	groupIdField(),
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: groupSettingFields(true),
	},
	optionsCollection(EASEMOB_PACE),
];

export const description = updateDisplayOptions({ show: { resource: ['group'], operation: ['update'] } }, properties);

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const account = await easemobAccount(this);
	const node = this.getNode();
	return await runOverItems<{ groupId: string; body: IDataObject }>(
		this,
		{
			prepare: (i) => {
				const groupId = textParameter(this, 'groupId', i, 'Group ID', GROUP_ID_RULES);
				const body = readGroupSettings(node, i, this.getNodeParameter('updateFields', i, {}) as IDataObject, true);
				if (Object.keys(body).length === 0) throw parameterError(node, i, 'Update Fields has nothing to change', 'Add at least one field with a value under "Update Fields".');
				return { groupId, body };
			},
			run: async (session, { groupId, body }) => {
				// https://doc.easemob.com/document/server-side/group_manage.html#修改群组信息: PUT /chatgroups/{id} → data.{field}: true|false.
				const response = await easemobRequest(this, account, session, {
					method: 'PUT',
					path: path`/chatgroups/${groupId}`,
					body,
					kind: 'write',
					notFound: `Group "${groupId}" was not found`,
				});
				const results = (response.data && typeof response.data === 'object' ? response.data : {}) as IDataObject;
				return { updated: Object.keys(body).every((field) => results[field] === true), groupId, results };
			},
		},
		account.pace,
	);
}
