import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { runOverItems } from '../../../shared/runItems';
import { tencentAccount, tencentRequest } from '../../transport';
import { inBatches } from '../batches';
import { readUserIds, userIdListField } from '../idFields';
import { optionsField } from '../fields';

/** account_delete takes at most 100 UserIDs per call (https://trtc.io/document/34955). */
export const DELETE_BATCH_SIZE = 100;

const properties: INodeProperties[] = [
	{
		displayName: 'Deleting an account also deletes its contacts, profile, groups and conversations, and cannot be undone',
		name: 'deleteNotice',
		type: 'notice',
		default: '',
	},
	userIdListField(
		'userIds',
		'User IDs',
		'The UserIDs to delete, separated by commas, or an expression giving a list. Lists longer than 100 are deleted in several calls.',
	),
	optionsField(),
];

export const description = updateDisplayOptions({ show: { resource: ['user'], operation: ['delete'] } }, properties);

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const account = await tencentAccount(this);
	return await runOverItems<string[][]>(
		this,
		{
			prepare: (i) => inBatches(readUserIds(this, 'userIds', i, 'User IDs'), DELETE_BATCH_SIZE),
			run: async (session, batches) => {
				const results: IDataObject[] = [];
				for (const batch of batches) {
					// https://trtc.io/document/34955: per-account results in ResultItem (partial success).
					const answer = await tencentRequest(this, account, session, 'im_open_login_svc/account_delete', {
						DeleteItem: batch.map((UserID) => ({ UserID })),
					});
					const byId = new Map<string, IDataObject>();
					for (const entry of Array.isArray(answer.ResultItem) ? (answer.ResultItem as IDataObject[]) : []) byId.set(String(entry.UserID), entry);
					for (const userId of batch) {
						const entry = byId.get(userId);
						if (!entry) {
							// Not reported: counted as not deleted, so nobody assumes an account is gone.
							results.push({ userId, deleted: false, resultCode: null, resultInfo: 'Tencent did not report a result for this account' });
							continue;
						}
						const resultCode = Number(entry.ResultCode ?? 0);
						results.push({ userId, deleted: resultCode === 0, resultCode, resultInfo: entry.ResultInfo ?? '' });
					}
				}
				const failed = results.filter((result) => result.deleted !== true).length;
				return { deleted: results.length - failed, failed, results };
			},
		},
		account.pace,
	);
}
