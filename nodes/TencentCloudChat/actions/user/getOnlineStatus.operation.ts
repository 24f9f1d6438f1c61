import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { toBoolean } from '../../../shared/parameters';
import { runOverItems } from '../../../shared/runItems';
import { tencentAccount, tencentRequest } from '../../transport';
import { inBatches } from '../batches';
import { readUserIds, userIdListField } from '../idFields';
import { optionsField } from '../fields';

/** query_online_status takes at most 500 UserIDs per call (https://trtc.io/document/35477). */
export const ONLINE_STATUS_BATCH_SIZE = 500;

const properties: INodeProperties[] = [
	userIdListField(
		'userIds',
		'User IDs',
		'The UserIDs whose login status to get, separated by commas, or an expression giving a list. Lists longer than 500 are queried in several calls.',
	),
	{
		displayName: 'Include Devices',
		name: 'includeDetails',
		type: 'boolean',
		default: false,
		description: 'Whether to also return the status on each platform the user is logged in on (iPhone, Android, Web, …)',
	},
	optionsField(),
];

export const description = updateDisplayOptions({ show: { resource: ['user'], operation: ['getOnlineStatus'] } }, properties);

interface StatusPlan {
	batches: string[][];
	includeDetails: boolean;
}

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const account = await tencentAccount(this);
	const node = this.getNode();
	return await runOverItems<StatusPlan>(
		this,
		{
			prepare: (i) => ({
				batches: inBatches(readUserIds(this, 'userIds', i, 'User IDs'), ONLINE_STATUS_BATCH_SIZE),
				includeDetails: toBoolean(node, i, this.getNodeParameter('includeDetails', i, false), 'Include Devices'),
			}),
			run: async (session, plan) => {
				const results: IDataObject[] = [];
				for (const batch of plan.batches) {
					const body: IDataObject = { To_Account: batch };
					if (plan.includeDetails) body.IsNeedDetail = 1;
					// https://trtc.io/document/35477: State Online, PushOnline (app in background) or Offline;
					// accounts that do not exist come back in ErrorList (70107).
					const answer = await tencentRequest(this, account, session, 'openim/query_online_status', body);
					const found = new Map<string, IDataObject>();
					for (const entry of Array.isArray(answer.QueryResult) ? (answer.QueryResult as IDataObject[]) : []) found.set(String(entry.To_Account), entry);
					const failed = new Map<string, IDataObject>();
					for (const entry of Array.isArray(answer.ErrorList) ? (answer.ErrorList as IDataObject[]) : []) failed.set(String(entry.To_Account), entry);
					// In the order asked for, so the output lines up with the list given.
					for (const userId of batch) {
						const entry = found.get(userId);
						if (entry) {
							const result: IDataObject = { userId, status: entry.State ?? entry.Status, online: entry.State === 'Online' || entry.State === 'PushOnline' };
							if (plan.includeDetails) result.devices = Array.isArray(entry.Detail) ? entry.Detail : [];
							results.push(result);
						} else {
							const error = failed.get(userId);
							// 70107: the UserID was never imported.
							results.push({ userId, status: null, online: false, errorCode: error?.ErrorCode ?? null });
						}
					}
				}
				return results;
			},
		},
		account.pace,
	);
}
