import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { optionsCollection } from '../../../shared/paceOptions';
import { runOverItems } from '../../../shared/runItems';
import { path } from '../../../shared/url';
import { EASEMOB_PACE, easemobAccount, easemobRequest } from '../../transport';
import { chunks } from '../message/fields';
import { groupIdField, lowerSet, readMembersPlan, usernamesField } from './fields';

/** "每次最多可以添加 60 位成员" (group_member.html, 批量添加群组成员); longer lists are split. */
export const MEMBERS_PER_ADD = 60;

const properties: INodeProperties[] = [
	groupIdField(),
	usernamesField(
		'User IDs to add, separated by commas (or an expression giving a list). More than 60 are added in several calls. Users already in the group are reported, not added twice.',
	),
	optionsCollection(EASEMOB_PACE),
];

export const description = updateDisplayOptions({ show: { resource: ['group'], operation: ['addMembers'] } }, properties);

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const account = await easemobAccount(this);
	return await runOverItems<{ groupId: string; usernames: string[] }>(
		this,
		{
			prepare: (i) => readMembersPlan(this, i),
			run: async (session, { groupId, usernames }) => {
				const added: string[] = [];
				const alreadyMembers: string[] = [];
				for (const batch of chunks(usernames, MEMBERS_PER_ADD)) {
					// https://doc.easemob.com/document/server-side/group_member.html#批量添加群组成员: POST /chatgroups/{id}/users
					// {usernames} → data.newmembers. All of them members already → 403 forbidden_op "…already in group…":
					// the goal is reached, which also makes a repeat after an unknown outcome harmless.
					const response = await easemobRequest(this, account, session, {
						method: 'POST',
						path: path`/chatgroups/${groupId}/users`,
						body: { usernames: batch },
						kind: 'write',
						notFound: `Group "${groupId}" or one of the users was not found`,
						acceptAnswer: (status, code, text) => status === 403 && code === 'forbidden_op' && /already in group/i.test(text),
						failureNote: () => (added.length > 0 ? `${added.length} users were already added by the earlier calls: ${added.join(', ')}.` : undefined),
					});
					const data = (response.data ?? {}) as IDataObject;
					const fresh = lowerSet(data.newmembers);
					for (const user of batch) (fresh.has(user.toLowerCase()) ? added : alreadyMembers).push(user);
				}
				return { groupId, added, alreadyMembers };
			},
		},
		account.pace,
	);
}
