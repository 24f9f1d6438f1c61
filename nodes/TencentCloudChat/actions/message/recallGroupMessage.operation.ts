import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { parameterError } from '../../../shared/errors';
import { textParameter, toIdList, toInteger } from '../../../shared/parameters';
import { runOverItems } from '../../../shared/runItems';
import { tencentAccount, tencentRequest } from '../../transport';
import { inBatches } from '../batches';
import { GROUP_ID_MAX, optionsField } from '../fields';
import { groupIdField } from '../idFields';

/** group_msg_recall takes "up to 10 message sequences" per request (https://trtc.io/document/34965). */
export const RECALL_BATCH_SIZE = 10;
const UINT32_MAX = 0xffffffff;

const properties: INodeProperties[] = [
	groupIdField('The group the messages were sent to'),
	{
		displayName: 'Message Sequences',
		name: 'msgSeqs',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. 101, 102',
		description: 'The MsgSeq numbers of the messages to recall (as Send to Group, Get Group History or a group callback give them), separated by commas, or an expression giving a list. More than 10 are recalled in several calls.',
	},
	optionsField(),
];

export const description = updateDisplayOptions({ show: { resource: ['message'], operation: ['recallGroupMessage'] } }, properties);

interface RecallPlan {
	groupId: string;
	batches: number[][];
}

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const account = await tencentAccount(this);
	const node = this.getNode();
	return await runOverItems<RecallPlan>(
		this,
		{
			prepare: (i) => {
				const groupId = textParameter(this, 'groupId', i, 'Group ID', { required: true, maxLength: GROUP_ID_MAX });
				const seqs: number[] = [];
				toIdList(node, i, this.getNodeParameter('msgSeqs', i, ''), 'Message Sequences', { maxLength: 20 }).forEach((text, position) => {
					const seq = toInteger(node, i, text, `Message Sequences (entry ${position + 1})`, { min: 1, max: UINT32_MAX, required: true })!;
					if (!seqs.includes(seq)) seqs.push(seq);
				});
				if (seqs.length === 0) throw parameterError(node, i, 'Message Sequences is empty', 'Enter one or more MsgSeq numbers separated by commas, or an expression that gives a list.');
				return { groupId, batches: inBatches(seqs, RECALL_BATCH_SIZE) };
			},
			run: async (session, plan) => {
				const recalled: number[] = [];
				const failed: IDataObject[] = [];
				for (const batch of plan.batches) {
					// https://trtc.io/document/34965: one RetCode per MsgSeq (partial success); recalls cannot be undone.
					const answer = await tencentRequest(this, account, session, 'group_open_http_svc/group_msg_recall', {
						GroupId: plan.groupId,
						MsgSeqList: batch.map((MsgSeq) => ({ MsgSeq })),
					});
					const results = new Map<number, number>();
					for (const entry of Array.isArray(answer.RecallRetList) ? (answer.RecallRetList as IDataObject[]) : []) results.set(Number(entry.MsgSeq), Number(entry.RetCode ?? 0));
					for (const seq of batch) {
						const code = results.get(seq);
						if (code === 0) recalled.push(seq);
						// Not listed: reported as failed, so nobody assumes it was recalled.
						else failed.push({ msgSeq: seq, retCode: code ?? null });
					}
				}
				return { groupId: plan.groupId, recalled, failed };
			},
		},
		account.pace,
	);
}
