import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { toBoolean, toText } from '../../../shared/parameters';
import { runOverItems } from '../../../shared/runItems';
import { tencentAccount, tencentRequest } from '../../transport';
import { collection, optionsField } from '../fields';
import { fieldCollection, groupIdField, inBatches, memberIdsField, readGroupId, readUserIds, silentField } from './common';

/** delete_group_member takes up to 100 members per call (https://trtc.io/document/34949). */
export const REMOVE_MEMBERS_BATCH = 100;

const properties: INodeProperties[] = [
	groupIdField('The group the users leave, e.g. @TGS#1NVTZEAE4. Audio-video groups do not support it: mute users there instead.'),
	memberIdsField('The UserIDs to remove, separated by commas, or an expression giving a list. Users who are not members are skipped. Lists longer than 100 are removed in several calls.'),
	fieldCollection([
		{
			displayName: 'Reason',
			name: 'reason',
			type: 'string',
			default: '',
			description: 'Why the users are removed, shown to them',
		},
		silentField('remove the users'),
	]),
	optionsField(),
];

export const description = updateDisplayOptions({ show: { resource: ['group'], operation: ['removeMembers'] } }, properties);

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const account = await tencentAccount(this);
	const node = this.getNode();
	return await runOverItems<{ groupId: string; batches: string[][]; extra: IDataObject }>(
		this,
		{
			prepare: (i) => {
				const fields = collection(this, 'additionalFields', i);
				const extra: IDataObject = {};
				if (toBoolean(node, i, fields.silence, 'Silent')) extra.Silence = 1;
				const reason = toText(node, i, fields.reason, 'Reason', { maxLength: 1000, multiline: true });
				if (reason) extra.Reason = reason;
				return { groupId: readGroupId(this, i), batches: inBatches(readUserIds(this, i), REMOVE_MEMBERS_BATCH), extra };
			},
			run: async (session, { groupId, batches, extra }) => {
				for (const batch of batches) {
					// https://trtc.io/document/34949 (zh https://cloud.tencent.com/document/product/269/1622): a user
					// who is not a member still answers success, so a repeated call changes nothing.
					await tencentRequest(this, account, session, 'group_open_http_svc/delete_group_member', {
						GroupId: groupId,
						MemberToDel_Account: batch,
						...extra,
					});
				}
				return { GroupId: groupId, removed: batches.flat() };
			},
		},
		account.pace,
	);
}
