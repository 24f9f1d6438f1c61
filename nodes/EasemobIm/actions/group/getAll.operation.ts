import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { returnAllFields } from '../../../shared/listFields';
import { optionsCollection } from '../../../shared/paceOptions';
import { toBoolean, toInteger } from '../../../shared/parameters';
import { runOverItems } from '../../../shared/runItems';
import { EASEMOB_PACE, easemobAccount, easemobRequest } from '../../transport';

/** "limit 取值范围为 [1,1000]" (group_manage.html, 获取 App 中的群组). */
export const GROUP_PAGE_SIZE = 1000;

const properties: INodeProperties[] = [...returnAllFields(), optionsCollection(EASEMOB_PACE)];

export const description = updateDisplayOptions({ show: { resource: ['group'], operation: ['getAll'] } }, properties);

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const account = await easemobAccount(this);
	const node = this.getNode();
	return await runOverItems<number>(
		this,
		{
			prepare: (i) =>
				toBoolean(node, i, this.getNodeParameter('returnAll', i, false), 'Return All')
					? Infinity
					: (toInteger(node, i, this.getNodeParameter('limit', i, 50), 'Limit', { required: true, min: 1 }) as number),
			run: async (session, limit) => {
				const groups: IDataObject[] = [];
				let cursor: string | undefined;
				do {
					// https://doc.easemob.com/document/server-side/group_manage.html#获取-app-中的群组: newest first, cursor paging.
					const qs: IDataObject = { limit: Math.min(GROUP_PAGE_SIZE, limit - groups.length) };
					if (cursor) qs.cursor = cursor;
					const body = await easemobRequest(this, account, session, { method: 'GET', path: '/chatgroups', qs, kind: 'read' });
					const page = Array.isArray(body.data) ? (body.data as IDataObject[]) : [];
					groups.push(...page.slice(0, limit - groups.length));
					cursor = typeof body.cursor === 'string' && body.cursor !== '' && page.length > 0 ? body.cursor : undefined;
				} while (cursor && groups.length < limit);
				return groups;
			},
		},
		account.pace,
	);
}
