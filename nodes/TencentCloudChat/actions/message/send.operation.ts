import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { textParameter } from '../../../shared/parameters';
import { runOverItems } from '../../../shared/runItems';
import { tencentAccount, tencentRequest, withoutEnvelope } from '../../transport';
import { USER_ID_MAX, optionsField, userIdField } from '../fields';
import { c2cAdditionalFields, contentFields, newMessageRandom, newMessageSeq, readMessage, readSendControls, sendControlOptions } from './content';

const properties: INodeProperties[] = [
	userIdField('toAccount', 'To Account', 'The UserID that receives the message'),
	...contentFields,
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: c2cAdditionalFields,
	},
	optionsField(undefined, sendControlOptions('c2c')),
];

export const description = updateDisplayOptions({ show: { resource: ['message'], operation: ['send'] } }, properties);

interface SendPlan {
	body: IDataObject;
}

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const account = await tencentAccount(this);
	return await runOverItems<SendPlan>(
		this,
		{
			prepare: (i) => {
				const toAccount = textParameter(this, 'toAccount', i, 'To Account', {
					required: true,
					maxLength: USER_ID_MAX,
				});
				const message = readMessage(this, i, 'c2c');
				// MsgSeq and MsgRandom are fixed here, once per item: every retry repeats both, so Tencent
				// recognises a retry of a message it already took (same sender, MsgSeq, MsgRandom and
				// content within 120 s) and drops it.
				return {
					body: {
						...message,
						...readSendControls(this, i, 'c2c'),
						To_Account: toAccount,
						MsgSeq: newMessageSeq(),
						MsgRandom: newMessageRandom(),
					},
				};
			},
			run: async (session, { body }) => {
				const answer = await tencentRequest(this, account, session, 'openim/sendmsg', body, { send: 'c2c' });
				const output: IDataObject = {
					...withoutEnvelope(answer),
					To_Account: body.To_Account,
					MsgSeq: body.MsgSeq,
					MsgRandom: body.MsgRandom,
				};
				if (body.From_Account !== undefined) output.From_Account = body.From_Account;
				return output;
			},
		},
		account.pace,
	);
}
