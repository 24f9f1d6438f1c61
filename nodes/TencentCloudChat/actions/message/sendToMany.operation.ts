import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { toIdList } from '../../../shared/parameters';
import { runOverItems } from '../../../shared/runItems';
import { sharedUnitBudget } from '../../../shared/unitBudget';
import { tencentAccount, tencentRequest } from '../../transport';
import { USER_ID_MAX, optionsField } from '../fields';
import { c2cAdditionalFields, contentFields, newMessageRandom, newMessageSeq, readMessage } from './content';

/** batchsendmsg takes at most 500 recipients per call. */
export const BATCH_SIZE = 500;

/**
 * batchsendmsg counts 12,000 messages a minute per app, one per recipient: a call to 500 users
 * counts 500 (https://cloud.tencent.com/document/product/269/1612).
 */
export const RECIPIENTS_PER_MINUTE = 12_000;

const properties: INodeProperties[] = [
	{
		displayName: 'To Accounts',
		name: 'toAccounts',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. user_1, user_2, user_3',
		description: 'The UserIDs that receive the message, separated by commas, or an expression giving a list. Lists longer than 500 are sent in several calls.',
	},
	...contentFields,
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: c2cAdditionalFields,
	},
	optionsField(),
];

export const description = updateDisplayOptions({ show: { resource: ['message'], operation: ['sendToMany'] } }, properties);

interface Batch {
	recipients: string[];
	msgSeq: number;
	msgRandom: number;
}

interface SendToManyPlan {
	message: IDataObject;
	batches: Batch[];
}

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const account = await tencentAccount(this);
	const node = this.getNode();
	// Shared by every node and execution of this process that sends for this app.
	const recipientBudget = sharedUnitBudget(`tencent:${account.settings.sdkAppId}:batchsendmsg`, RECIPIENTS_PER_MINUTE, 60_000);
	return await runOverItems<SendToManyPlan>(
		this,
		{
			prepare: (i) => {
				const recipients = toIdList(node, i, this.getNodeParameter('toAccounts', i, ''), 'To Accounts', { required: true, maxLength: USER_ID_MAX });
				const message = readMessage(this, i, 'c2c');
				const batches: Batch[] = [];
				for (let start = 0; start < recipients.length; start += BATCH_SIZE) {
					// MsgSeq and MsgRandom are fixed once per call: every retry of the call repeats them, so
					// Tencent drops the repeat for the recipients who already got the message.
					batches.push({
						recipients: recipients.slice(start, start + BATCH_SIZE),
						msgSeq: newMessageSeq(),
						msgRandom: newMessageRandom(),
					});
				}
				return { message, batches };
			},
			run: async (session, { message, batches }) => {
				const failed: IDataObject[] = [];
				const msgKeys: string[] = [];
				let recipients = 0;
				for (const batch of batches) {
					const answer = await tencentRequest(
						this,
						account,
						session,
						'openim/batchsendmsg',
						{
							...message,
							To_Account: batch.recipients,
							MsgSeq: batch.msgSeq,
							MsgRandom: batch.msgRandom,
						},
						{ send: 'batch', spend: [{ budget: recipientBudget, units: batch.recipients.length }] },
					);
					recipients += batch.recipients.length;
					if (typeof answer.MsgKey === 'string') msgKeys.push(answer.MsgKey);
					for (const entry of Array.isArray(answer.ErrorList) ? (answer.ErrorList as IDataObject[]) : []) {
						failed.push({
							toAccount: entry.To_Account,
							errorCode: entry.ErrorCode,
							...(entry.ErrorInfo ? { errorInfo: entry.ErrorInfo } : {}),
						});
					}
				}
				return {
					recipients,
					sent: recipients - failed.length,
					failed: failed.length,
					failedRecipients: failed,
					msgKeys,
					calls: batches.length,
				};
			},
		},
		account.pace,
	);
}
