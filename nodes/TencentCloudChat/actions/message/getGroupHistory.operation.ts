import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { textParameter, toBoolean, toInteger } from '../../../shared/parameters';
import { runOverItems } from '../../../shared/runItems';
import { tencentAccount, tencentRequest } from '../../transport';
import { GROUP_ID_MAX, collection, optionsField, readLimit, returnAllFields } from '../fields';
import { groupIdField } from '../idFields';
import { readableContent, simplifyField } from './simplify';

const properties: INodeProperties[] = [
	groupIdField('The group whose messages to read. Audio-video groups (AVChatRoom) keep no history.'),
	...returnAllFields(),
	simplifyField,
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		options: [
			{
				displayName: 'Up to Sequence',
				name: 'upToSequence',
				type: 'number',
				typeOptions: { minValue: 1, numberPrecision: 0 },
				default: 1,
				description: 'Start at the message with this sequence number (MsgSeq) and go back in time; e.g. the lowest sequence of an earlier run minus 1 to continue it',
			},
		],
	},
	optionsField(),
];

export const description = updateDisplayOptions({ show: { resource: ['message'], operation: ['getGroupHistory'] } }, properties);

/** group_msg_get_simple returns at most 20 messages per call (https://trtc.io/document/34971). */
export const GROUP_HISTORY_PAGE_SIZE = 20;
const MAX_PAGES = 100_000;
const UINT32_MAX = 0xffffffff;

interface GroupHistoryPlan {
	groupId: string;
	upTo?: number;
	limit: number;
	simplify: boolean;
}

/** Sender, time, sequence and text: what most workflows use of a group message. */
function simplifyGroupMessage(groupId: string, message: IDataObject): IDataObject {
	return { groupId, msgSeq: message.MsgSeq, fromAccount: message.From_Account, ...readableContent(message) };
}

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const account = await tencentAccount(this);
	const node = this.getNode();
	return await runOverItems<GroupHistoryPlan>(
		this,
		{
			prepare: (i) => ({
				groupId: textParameter(this, 'groupId', i, 'Group ID', { required: true, maxLength: GROUP_ID_MAX }),
				upTo: toInteger(node, i, collection(this, 'filters', i).upToSequence, 'Up to Sequence', { min: 1, max: UINT32_MAX }),
				limit: readLimit(this, i),
				simplify: toBoolean(node, i, this.getNodeParameter('simplify', i, true), 'Simplify'),
			}),
			run: async (session, plan) => {
				const messages: IDataObject[] = [];
				let upTo = plan.upTo;
				for (let page = 0; page < MAX_PAGES && messages.length < plan.limit; page++) {
					// Newest first; without ReqMsgSeq Tencent starts at the newest message.
					const body: IDataObject = { GroupId: plan.groupId, ReqMsgNumber: Math.min(GROUP_HISTORY_PAGE_SIZE, plan.limit - messages.length) };
					if (upTo !== undefined) body.ReqMsgSeq = upTo;
					const answer = await tencentRequest(this, account, session, 'group_open_http_svc/group_msg_get_simple', body);
					const list = Array.isArray(answer.RspMsgList) ? (answer.RspMsgList as IDataObject[]) : [];
					let lowest = Infinity;
					for (const message of list) {
						lowest = Math.min(lowest, Number(message.MsgSeq));
						// IsPlaceMsg 1: the message expired, was not stored, or was deleted or recalled; nothing to return.
						if (Number(message.IsPlaceMsg) === 1 || messages.length >= plan.limit) continue;
						messages.push(plan.simplify ? simplifyGroupMessage(plan.groupId, message) : message);
					}
					// The next page asks for the seq below the lowest returned; seq 1 is the group's first message.
					if (list.length === 0 || !Number.isFinite(lowest) || lowest <= 1 || (upTo !== undefined && lowest > upTo)) break;
					upTo = lowest - 1;
				}
				return messages;
			},
		},
		account.pace,
	);
}
