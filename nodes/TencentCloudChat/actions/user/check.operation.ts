import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { toIdList } from '../../../shared/parameters';
import { runOverItems } from '../../../shared/runItems';
import { TENCENT_CHECK_PACE, tencentAccount, tencentRequest } from '../../transport';
import { USER_ID_MAX, optionsField } from '../fields';

/** account_check takes at most 100 UserIDs per call. */
export const CHECK_BATCH_SIZE = 100;

const properties: INodeProperties[] = [
	{
		displayName: 'User IDs',
		name: 'userIds',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. user_1, user_2',
		description: 'The UserIDs to check, separated by commas, or an expression giving a list. Lists longer than 100 are checked in several calls.',
	},
	optionsField(TENCENT_CHECK_PACE),
];

export const description = updateDisplayOptions({ show: { resource: ['user'], operation: ['check'] } }, properties);

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const account = await tencentAccount(this, TENCENT_CHECK_PACE);
	const node = this.getNode();
	return await runOverItems<{ batches: string[][] }>(
		this,
		{
			prepare: (i) => {
				const ids = toIdList(node, i, this.getNodeParameter('userIds', i, ''), 'User IDs', { required: true, maxLength: USER_ID_MAX });
				const batches: string[][] = [];
				for (let start = 0; start < ids.length; start += CHECK_BATCH_SIZE) batches.push(ids.slice(start, start + CHECK_BATCH_SIZE));
				return { batches };
			},
			run: async (session, { batches }) => {
				const results: IDataObject[] = [];
				for (const batch of batches) {
					const answer = await tencentRequest(this, account, session, 'im_open_login_svc/account_check', {
						CheckItem: batch.map((UserID) => ({ UserID })),
					});
					for (const entry of Array.isArray(answer.ResultItem) ? (answer.ResultItem as IDataObject[]) : []) {
						results.push({
							userId: entry.UserID,
							imported: entry.AccountStatus === 'Imported',
							accountStatus: entry.AccountStatus,
							resultCode: entry.ResultCode,
							resultInfo: entry.ResultInfo,
						});
					}
				}
				return results;
			},
		},
		account.pace,
	);
}
