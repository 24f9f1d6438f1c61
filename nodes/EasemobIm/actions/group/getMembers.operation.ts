import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { returnAllFields } from '../../../shared/listFields';
import { optionsCollection } from '../../../shared/paceOptions';
import { textParameter, toBoolean, toInteger } from '../../../shared/parameters';
import { runOverItems } from '../../../shared/runItems';
import { path } from '../../../shared/url';
import { EASEMOB_PACE, easemobAccount, easemobRequest } from '../../transport';
import { GROUP_ID_RULES, groupIdField } from './fields';

/** "pagesize 取值范围为 [1,1000]" (group_member.html, 分页获取群成员列表). */
export const MEMBER_PAGE_SIZE = 1000;

const properties: INodeProperties[] = [groupIdField(), ...returnAllFields(), optionsCollection(EASEMOB_PACE)];

export const description = updateDisplayOptions({ show: { resource: ['group'], operation: ['getMembers'] } }, properties);

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const account = await easemobAccount(this);
	const node = this.getNode();
	return await runOverItems<{ groupId: string; limit: number }>(
		this,
		{
			prepare: (i) => ({
				groupId: textParameter(this, 'groupId', i, 'Group ID', GROUP_ID_RULES),
				limit: toBoolean(node, i, this.getNodeParameter('returnAll', i, false), 'Return All')
					? Infinity
					: (toInteger(node, i, this.getNodeParameter('limit', i, 50), 'Limit', { required: true, min: 1 }) as number),
			}),
			run: async (session, { groupId, limit }) => {
				const members: IDataObject[] = [];
				// Pages are numbered, so every page has the same size (a smaller last one would shift the offsets).
				const pagesize = Math.min(MEMBER_PAGE_SIZE, limit);
				for (let pagenum = 1; members.length < limit; pagenum++) {
					// https://doc.easemob.com/document/server-side/group_member.html#分页获取群成员列表: data[] of {owner} or {member}.
					const body = await easemobRequest(this, account, session, {
						method: 'GET',
						path: path`/chatgroups/${groupId}/users`,
						qs: { pagenum, pagesize },
						kind: 'read',
						notFound: `Group "${groupId}" was not found`,
					});
					const page = Array.isArray(body.data) ? (body.data as IDataObject[]) : [];
					for (const entry of page.slice(0, limit - members.length)) {
						const role = entry.owner !== undefined ? 'owner' : 'member';
						members.push({ groupId, username: entry[role], role });
					}
					if (page.length < pagesize) break;
				}
				return members;
			},
		},
		account.pace,
	);
}
