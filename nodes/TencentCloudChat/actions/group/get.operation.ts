import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { toBoolean, toIdList } from '../../../shared/parameters';
import { runOverItems } from '../../../shared/runItems';
import { tencentAccount, tencentRequest } from '../../transport';
import { GROUP_ID_MAX, optionsField } from '../fields';
import { inBatches } from './common';

/** get_group_info takes up to 50 group IDs per call (https://trtc.io/document/34961). */
export const GET_GROUPS_BATCH = 50;

/** The basic profile fields asked for when members are not wanted (https://cloud.tencent.com/document/product/269/1502). */
export const GROUP_BASE_FIELDS = [
	'Type',
	'Name',
	'Introduction',
	'Notification',
	'FaceUrl',
	'Owner_Account',
	'CreateTime',
	'InfoSeq',
	'LastInfoTime',
	'LastMsgTime',
	'NextMsgSeq',
	'MemberNum',
	'MaxMemberNum',
	'ApplyJoinOption',
	'MuteAllMember',
];

const properties: INodeProperties[] = [
	{
		displayName: 'Group IDs',
		name: 'groupIds',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. @TGS#1NVTZEAE4, support_2026',
		description: 'One or more group IDs, separated by commas, or an expression giving a list. Each group gives one output item; a group that does not exist gives an item with its ErrorCode (10010 or 10015).',
	},
	{
		displayName: 'Include Members',
		name: 'includeMembers',
		type: 'boolean',
		default: false,
		description: 'Whether to include the member list of each group (large groups give large items; Group → Get Members pages through them instead)',
	},
	optionsField(),
];

export const description = updateDisplayOptions({ show: { resource: ['group'], operation: ['get'] } }, properties);

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const account = await tencentAccount(this);
	const node = this.getNode();
	return await runOverItems<{ batches: string[][]; includeMembers: boolean }>(
		this,
		{
			prepare: (i) => {
				const ids = toIdList(node, i, this.getNodeParameter('groupIds', i, ''), 'Group IDs', { required: true, maxLength: GROUP_ID_MAX });
				return {
					batches: inBatches(ids, GET_GROUPS_BATCH),
					includeMembers: toBoolean(node, i, this.getNodeParameter('includeMembers', i, false), 'Include Members'),
				};
			},
			run: async (session, { batches, includeMembers }) => {
				const groups: IDataObject[] = [];
				for (const batch of batches) {
					const body: IDataObject = { GroupIdList: batch };
					// Without a filter Tencent returns every field and the whole member list.
					if (!includeMembers) body.ResponseFilter = { GroupBaseInfoFilter: GROUP_BASE_FIELDS };
					// https://trtc.io/document/34961 (zh https://cloud.tencent.com/document/product/269/1616)
					const answer = await tencentRequest(this, account, session, 'group_open_http_svc/get_group_info', body);
					for (const info of Array.isArray(answer.GroupInfo) ? (answer.GroupInfo as IDataObject[]) : []) groups.push(info);
				}
				return groups;
			},
		},
		account.pace,
	);
}
