import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { runOverItems } from '../../../shared/runItems';
import { tencentAccount, tencentRequest } from '../../transport';
import { optionsField, readLimit, returnAllFields } from '../fields';
import { groupIdField, readGroupId } from './common';

/** Members asked for per call. */
const PAGE_SIZE = 100;
const MAX_PAGES = 10_000;

const properties: INodeProperties[] = [
	groupIdField('The group whose members are listed, e.g. @TGS#1NVTZEAE4. Audio-video groups do not list members.'),
	...returnAllFields(),
	optionsField(),
];

export const description = updateDisplayOptions({ show: { resource: ['group'], operation: ['getMembers'] } }, properties);

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const account = await tencentAccount(this);
	return await runOverItems<{ groupId: string; limit: number }>(
		this,
		{
			prepare: (i) => ({ groupId: readGroupId(this, i), limit: readLimit(this, i) }),
			run: async (session, { groupId, limit }) => {
				const members: IDataObject[] = [];
				let offset = 0;
				let next: string | undefined;
				for (let page = 0; page < MAX_PAGES && members.length < limit; page++) {
					const body: IDataObject = { GroupId: groupId, Limit: Math.min(PAGE_SIZE, limit - members.length) };
					// https://trtc.io/document/34948 (zh https://cloud.tencent.com/document/product/269/1617): Limit and
					// Offset page; Community groups page with the Next value of the last answer instead.
					if (next !== undefined) body.Next = next;
					else body.Offset = offset;
					const answer = await tencentRequest(this, account, session, 'group_open_http_svc/get_group_member_info', body);
					const list = Array.isArray(answer.MemberList) ? (answer.MemberList as IDataObject[]) : [];
					for (const member of list) {
						if (members.length >= limit) break;
						members.push({ GroupId: groupId, ...member });
					}
					if (list.length === 0) break;
					if (typeof answer.Next === 'string') {
						if (answer.Next === '' || answer.Next === next) break;
						next = answer.Next;
					} else {
						offset += list.length;
						if (offset >= Number(answer.MemberNum ?? 0)) break;
					}
				}
				return members;
			},
		},
		account.pace,
	);
}
