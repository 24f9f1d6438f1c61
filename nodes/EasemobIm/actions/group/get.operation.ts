import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { parameterError } from '../../../shared/errors';
import { optionsCollection } from '../../../shared/paceOptions';
import { toIdList } from '../../../shared/parameters';
import { runOverItems } from '../../../shared/runItems';
import { encodePathSegment } from '../../../shared/url';
import { EASEMOB_PACE, easemobAccount, easemobRequest } from '../../transport';

/** "最多可传 100 个群组 ID" (group_manage.html, 获取群组详情). */
export const GROUPS_PER_GET = 100;

const properties: INodeProperties[] = [
	{
		displayName: 'Group IDs',
		name: 'groupIds',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. 208571394080769, 208571394080770',
		description: 'One or more group IDs separated by commas (or an expression giving a list), at most 100. Each group becomes one output item.',
	},
	optionsCollection(EASEMOB_PACE),
];

export const description = updateDisplayOptions({ show: { resource: ['group'], operation: ['get'] } }, properties);

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const account = await easemobAccount(this);
	const node = this.getNode();
	return await runOverItems<string[]>(
		this,
		{
			prepare: (i) => {
				const ids = toIdList(node, i, this.getNodeParameter('groupIds', i, ''), 'Group IDs', { required: true, maxLength: 128 });
				for (const id of ids) {
					// The IDs travel comma-joined in one path segment.
					if (id.includes(',') || id === '.' || id === '..') throw parameterError(node, i, `Group IDs entry "${id.slice(0, 70)}" is not a group ID`, 'Group IDs hold no commas; separate several IDs with commas.');
				}
				if (ids.length > GROUPS_PER_GET) {
					throw parameterError(node, i, `Group IDs lists ${ids.length} groups; Easemob returns at most ${GROUPS_PER_GET} per call`, 'Split the list over several items (e.g. with the Loop Over Items node).');
				}
				return ids;
			},
			run: async (session, ids) => {
				// https://doc.easemob.com/document/server-side/group_manage.html#获取群组详情: GET /chatgroups/{id1,id2,…} → data[].
				const response = await easemobRequest(this, account, session, {
					method: 'GET',
					path: `/chatgroups/${ids.map(encodePathSegment).join(',')}`,
					kind: 'read',
					notFound: ids.length === 1 ? `Group "${ids[0]}" was not found` : `None of the groups ${ids.join(', ')} was found`,
				});
				const groups = Array.isArray(response.data) ? (response.data as IDataObject[]) : [];
				// "对于不存在的群组，返回 “group id doesn’t exist”": the page does not show where, so any asked ID without
				// details of its own (every group has an owner) is reported as missing rather than dropped.
				return ids.map((id) => {
					const group = groups.find((g) => g !== null && typeof g === 'object' && String(g.id) === id && g.owner !== undefined);
					return group ?? { id, exists: false };
				});
			},
		},
		account.pace,
	);
}
