import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { runOverItems } from '../../../shared/runItems';
import { tencentAccount, tencentRequest } from '../../transport';
import { optionsField } from '../fields';
import { groupIdField, readGroupId } from './common';

const properties: INodeProperties[] = [groupIdField('The group to disband, e.g. @TGS#1NVTZEAE4. This cannot be undone.'), optionsField()];

export const description = updateDisplayOptions({ show: { resource: ['group'], operation: ['delete'] } }, properties);

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const account = await tencentAccount(this);
	return await runOverItems<{ groupId: string }>(
		this,
		{
			prepare: (i) => ({ groupId: readGroupId(this, i) }),
			run: async (session, { groupId }) => {
				// https://trtc.io/document/34896 (zh https://cloud.tencent.com/document/product/269/1624). A retry after
				// an attempt without a clear answer that finds the group gone (10010) means that attempt disbanded it.
				const answer = await tencentRequest(this, account, session, 'group_open_http_svc/destroy_group', { GroupId: groupId }, { doneAfterUnclear: [10010] });
				return answer.doneByEarlierAttempt ? { GroupId: groupId, deleted: true, doneByEarlierAttempt: true } : { GroupId: groupId, deleted: true };
			},
		},
		account.pace,
	);
}
