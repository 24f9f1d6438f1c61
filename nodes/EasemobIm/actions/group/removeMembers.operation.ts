import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { optionsCollection } from '../../../shared/paceOptions';
import { runOverItems } from '../../../shared/runItems';
import { encodePathSegment, path } from '../../../shared/url';
import { EASEMOB_PACE, easemobAccount, easemobRequest } from '../../transport';
import { groupIdField, readMembersPlan, usernamesField } from './fields';

/**
 * "建议每次最多传 60 个用户 ID，并且 URL 的长度不超过 4 KB" (group_member.html, 批量移除群组成员): at most 60
 * users and 3,000 characters of user IDs per call, leaving room for host, org, app and group.
 */
export const MEMBERS_PER_REMOVE = 60;
export const REMOVE_PATH_CHARS = 3000;

/** Splits encoded user IDs into calls within both limits. */
export function removeBatches(usernames: string[]): string[][] {
	const out: string[][] = [];
	let batch: string[] = [];
	let chars = 0;
	for (const user of usernames) {
		const size = encodePathSegment(user).length + 1;
		if (batch.length > 0 && (batch.length === MEMBERS_PER_REMOVE || chars + size > REMOVE_PATH_CHARS)) {
			out.push(batch);
			batch = [];
			chars = 0;
		}
		batch.push(user);
		chars += size;
	}
	if (batch.length > 0) out.push(batch);
	return out;
}

const properties: INodeProperties[] = [
	groupIdField(),
	usernamesField(
		'User IDs to remove, separated by commas (or an expression giving a list). More than 60 are removed in several calls. The owner cannot be removed.',
	),
	optionsCollection(EASEMOB_PACE),
];

export const description = updateDisplayOptions({ show: { resource: ['group'], operation: ['removeMembers'] } }, properties);

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const account = await easemobAccount(this);
	return await runOverItems<{ groupId: string; usernames: string[] }>(
		this,
		{
			prepare: (i) => readMembersPlan(this, i),
			run: async (session, { groupId, usernames }) => {
				const removed: string[] = [];
				const notRemoved: IDataObject[] = [];
				for (const batch of removeBatches(usernames)) {
					// https://doc.easemob.com/document/server-side/group_member.html#批量移除群组成员: DELETE
					// /chatgroups/{id}/users/{u1,u2} → data[]{result, user, reason}. None of them members → 403 forbidden_op
					// "users [...] are not members of this group!": nobody left to remove, so a repeat after an unknown
					// outcome is harmless too.
					const response = await easemobRequest(this, account, session, {
						method: 'DELETE',
						path: `${path`/chatgroups/${groupId}/users/`}${batch.map(encodePathSegment).join(',')}`,
						kind: 'write',
						notFound: `Group "${groupId}" was not found`,
						acceptAnswer: (status, code, text) => status === 403 && code === 'forbidden_op' && /not members of this group/i.test(text),
						failureNote: () => (removed.length > 0 ? `${removed.length} users were already removed by the earlier calls: ${removed.join(', ')}.` : undefined),
					});
					const results = Array.isArray(response.data) ? (response.data as IDataObject[]) : [];
					batch.forEach((user, index) => {
						// By user ID; else, when Easemob answered one entry per user, by position (the page's own
						// example names another user in `user` than the one in its `reason`).
						const result =
							results.find((r) => String(r.user).toLowerCase() === user.toLowerCase()) ??
							(results.length === batch.length && !batch.some((u) => String(results[index].user).toLowerCase() === u.toLowerCase()) ? results[index] : undefined);
						if (result?.result === true) removed.push(user);
						else notRemoved.push({ user, reason: typeof result?.reason === 'string' ? result.reason : 'not a member of the group' });
					});
				}
				return { groupId, removed, notRemoved };
			},
		},
		account.pace,
	);
}
