import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { toChoice, toInteger } from '../../../shared/parameters';
import { runOverItems } from '../../../shared/runItems';
import { tencentAccount, tencentRequest } from '../../transport';
import { optionsField } from '../fields';
import { groupIdField, inBatches, memberIdsField, readGroupId, readUserIds } from './common';

/** forbid_send_msg takes up to 500 accounts per call (https://trtc.io/document/34951). */
export const MUTE_BATCH = 500;
/** MuteTime is a uint32 of seconds (https://trtc.io/document/34951). */
const MUTE_SECONDS_MAX = 0xffffffff;

const properties: INodeProperties[] = [
	groupIdField('The group, e.g. @TGS#1NVTZEAE4. Work (Private) groups do not support muting.'),
	memberIdsField('The UserIDs to mute or unmute, separated by commas, or an expression giving a list. Lists longer than 500 are handled in several calls.'),
	{
		displayName: 'Action',
		name: 'muteAction',
		type: 'options',
		default: 'mute',
		options: [
			{ name: 'Mute', value: 'mute', description: 'Stop the users from sending messages in the group for a while' },
			{ name: 'Unmute', value: 'unmute', description: 'Let the users send messages again' },
		],
	},
	{
		displayName: 'Duration (Seconds)',
		name: 'muteSeconds',
		type: 'number',
		typeOptions: { minValue: 1, numberPrecision: 0 },
		default: 3600,
		description: 'How long the users stay muted, in seconds (e.g. 3600 for an hour). Muted users stay muted if they leave and rejoin.',
		displayOptions: { show: { muteAction: ['mute'] } },
	},
	optionsField(),
];

export const description = updateDisplayOptions({ show: { resource: ['group'], operation: ['muteMember'] } }, properties);

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const account = await tencentAccount(this);
	const node = this.getNode();
	return await runOverItems<{ groupId: string; batches: string[][]; seconds: number }>(
		this,
		{
			prepare: (i) => {
				const groupId = readGroupId(this, i);
				const batches = inBatches(readUserIds(this, i), MUTE_BATCH);
				const action = toChoice(node, i, this.getNodeParameter('muteAction', i, 'mute'), 'Action', ['mute', 'unmute'] as const);
				const seconds =
					action === 'unmute'
						? 0
						: (toInteger(node, i, this.getNodeParameter('muteSeconds', i, 3600), 'Duration (Seconds)', { min: 1, max: MUTE_SECONDS_MAX, required: true }) as number);
				return { groupId, batches, seconds };
			},
			run: async (session, { groupId, batches, seconds }) => {
				for (const batch of batches) {
					// https://trtc.io/document/34951 (zh https://cloud.tencent.com/document/product/269/1627): MuteTime 0
					// unmutes. It sets an end time, so a repeated call changes nothing.
					await tencentRequest(this, account, session, 'group_open_http_svc/forbid_send_msg', {
						GroupId: groupId,
						Members_Account: batch,
						MuteTime: seconds,
					});
				}
				const output: IDataObject = { GroupId: groupId, userIds: batches.flat(), muted: seconds > 0, MuteTime: seconds };
				return output;
			},
		},
		account.pace,
	);
}
