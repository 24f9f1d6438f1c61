import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { optionsCollection } from '../../../shared/paceOptions';
import { toIdList } from '../../../shared/parameters';
import { runOverItems } from '../../../shared/runItems';
import { easemobAccount, easemobRequest } from '../../transport';
import { EASEMOB_BATCH_STATUS_PACE, STATUS_USERS_PER_CALL } from '../../transport/limits';
import { chunks } from '../message/fields';
import { USERNAME_RULES } from '../fields';

const properties: INodeProperties[] = [
	{
		displayName: 'Usernames',
		name: 'usernames',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. user1, user2',
		description:
			'The users to look up, separated by commas, or an expression giving a list. Easemob answers 100 per call; longer lists take several calls. Unknown users are reported offline.',
	},
	optionsCollection(EASEMOB_BATCH_STATUS_PACE),
];

export const description = updateDisplayOptions({ show: { resource: ['user'], operation: ['getOnlineStatus'] } }, properties);

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const account = await easemobAccount(this, EASEMOB_BATCH_STATUS_PACE, 'users-batch-status');
	const node = this.getNode();
	return await runOverItems<string[][]>(
		this,
		{
			prepare: (i) => {
				const usernames = toIdList(node, i, this.getNodeParameter('usernames', i, ''), 'Usernames', { required: true, maxLength: USERNAME_RULES.maxLength });
				// Easemob IDs ignore case: the same user in two spellings would be asked (and answered) twice.
				const seen = new Set<string>();
				const unique = usernames.filter((name) => !seen.has(name.toLowerCase()) && seen.add(name.toLowerCase()));
				return chunks(unique, STATUS_USERS_PER_CALL);
			},
			run: async (session, batches) => {
				const out: IDataObject[] = [];
				for (const usernames of batches) {
					// https://doc.easemob.com/document/server-side/account_presence_obtain_batch.html:
					// POST /users/batch/status {usernames: [...]} (≤ 100) → data [{"<user>": "online" | "offline"}, …].
					const body = await easemobRequest(this, account, session, { method: 'POST', path: '/users/batch/status', body: { usernames }, kind: 'read' });
					for (const entry of Array.isArray(body.data) ? (body.data as IDataObject[]) : []) {
						for (const [username, status] of Object.entries(entry ?? {})) out.push({ username, status, online: status === 'online' });
					}
				}
				return out;
			},
		},
		account.pace,
	);
}
