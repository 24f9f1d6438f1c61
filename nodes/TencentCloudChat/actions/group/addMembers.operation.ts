import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { ItemSession } from '../../../shared/runItems';
import { toBoolean } from '../../../shared/parameters';
import { runOverItems } from '../../../shared/runItems';
import type { TencentAccount } from '../../transport';
import { tencentAccount, tencentRequest } from '../../transport';
import { collection, optionsField } from '../fields';
import { fieldCollection, groupIdField, inBatches, memberIdsField, readGroupId, readUserIds, silentField } from './common';

/** add_group_member takes up to 300 members per call (https://trtc.io/document/34921; older pages said 500). */
export const ADD_MEMBERS_BATCH = 300;

/** add_group_member's Result per member (https://trtc.io/document/34921). */
const RESULT_WORDS: Record<number, string> = { 0: 'failed', 1: 'added', 2: 'alreadyMember', 3: 'awaitingConfirmation' };

const properties: INodeProperties[] = [
	groupIdField('The group the users join, e.g. @TGS#1NVTZEAE4. Audio-video groups do not take members this way.'),
	memberIdsField('The UserIDs to add, separated by commas, or an expression giving a list. Users must be imported first. Lists longer than 300 are added in several calls.'),
	fieldCollection([silentField('add the users')]),
	optionsField(),
];

export const description = updateDisplayOptions({ show: { resource: ['group'], operation: ['addMembers'] } }, properties);

/** Adds members in calls of up to 300 and returns add_group_member's per-member results. */
export async function addMembersInBatches(
	ctx: IExecuteFunctions,
	account: TencentAccount,
	session: ItemSession,
	groupId: string,
	userIds: string[],
	silent: boolean,
): Promise<IDataObject[]> {
	const results: IDataObject[] = [];
	for (const batch of inBatches(userIds, ADD_MEMBERS_BATCH)) {
		const body: IDataObject = { GroupId: groupId, MemberList: batch.map((Member_Account) => ({ Member_Account })) };
		if (silent) body.Silence = 1;
		// https://trtc.io/document/34921 (zh https://cloud.tencent.com/document/product/269/1621). Adding an
		// existing member answers Result 2, so a repeated call changes nothing.
		const answer = await tencentRequest(ctx, account, session, 'group_open_http_svc/add_group_member', body);
		for (const entry of Array.isArray(answer.MemberList) ? (answer.MemberList as IDataObject[]) : []) results.push(entry);
	}
	return results;
}

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const account = await tencentAccount(this);
	return await runOverItems<{ groupId: string; userIds: string[]; silent: boolean }>(
		this,
		{
			prepare: (i) => ({
				groupId: readGroupId(this, i),
				userIds: readUserIds(this, i),
				silent: toBoolean(this.getNode(), i, collection(this, 'additionalFields', i).silence, 'Silent'),
			}),
			run: async (session, { groupId, userIds, silent }) => {
				const results = await addMembersInBatches(this, account, session, groupId, userIds, silent);
				const byOutcome: Record<string, string[]> = { added: [], alreadyMember: [], awaitingConfirmation: [], failed: [] };
				for (const entry of results) byOutcome[RESULT_WORDS[Number(entry.Result)] ?? 'failed'].push(String(entry.Member_Account));
				return { GroupId: groupId, ...byOutcome, MemberList: results };
			},
		},
		account.pace,
	);
}
