import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { toChoice } from '../../../shared/parameters';
import { runOverItems } from '../../../shared/runItems';
import { TENCENT_GROUP_LIST_PACE, tencentAccount, tencentRequest } from '../../transport';
import { collection, optionsField, readLimit, returnAllFields } from '../fields';
import { GROUP_TYPES, groupTypeOptions } from './common';

/** get_appid_group_list returns at most 10,000 IDs per call (https://trtc.io/document/34960). */
const PAGE_MAX = 10_000;
const MAX_PAGES = 10_000;

const properties: INodeProperties[] = [
	...returnAllFields(),
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		options: [
			{
				displayName: 'Group Type',
				name: 'groupType',
				type: 'options',
				default: 'Public',
				options: groupTypeOptions,
				description: 'Only groups of this type',
			},
		],
	},
	optionsField(TENCENT_GROUP_LIST_PACE),
];

export const description = updateDisplayOptions({ show: { resource: ['group'], operation: ['getMany'] } }, properties);

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	// 1 call per second, paced apart from the app's other commands.
	const account = await tencentAccount(this, TENCENT_GROUP_LIST_PACE, 'get_appid_group_list');
	return await runOverItems<{ limit: number; groupType?: string }>(
		this,
		{
			prepare: (i) => {
				const filters = collection(this, 'filters', i);
				return {
					limit: readLimit(this, i),
					groupType: filters.groupType === undefined ? undefined : toChoice(this.getNode(), i, filters.groupType, 'Group Type', GROUP_TYPES),
				};
			},
			run: async (session, { limit, groupType }) => {
				const groups: IDataObject[] = [];
				let next = 0;
				for (let page = 0; page < MAX_PAGES && groups.length < limit; page++) {
					const body: IDataObject = { Limit: Math.min(PAGE_MAX, limit - groups.length), Next: next };
					if (groupType) body.GroupType = groupType;
					// https://trtc.io/document/34960 (zh https://cloud.tencent.com/document/product/269/1614): the next
					// page sends the Next of the last answer; Next 0 means all groups were listed.
					const answer = await tencentRequest(this, account, session, 'group_open_http_svc/get_appid_group_list', body);
					const list = Array.isArray(answer.GroupIdList) ? (answer.GroupIdList as IDataObject[]) : [];
					for (const entry of list) {
						if (groups.length >= limit) break;
						groups.push({ GroupId: entry.GroupId });
					}
					const following = Number(answer.Next ?? 0);
					if (!Number.isSafeInteger(following) || following === 0 || following === next || list.length === 0) break;
					next = following;
				}
				return groups;
			},
		},
		account.pace,
	);
}
