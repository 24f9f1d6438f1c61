import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { textParameter } from '../../../shared/parameters';
import { runOverItems } from '../../../shared/runItems';
import { tencentAccount, tencentRequest, withoutEnvelope } from '../../transport';
import { USER_ID_MAX, optionsField, userIdField } from '../fields';
import { c2cAdditionalFields, contentFields, newMessageRandom, readMessage } from './content';

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
	optionsField(),
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
				// MsgRandom is fixed here, once per item: every retry repeats it, so Tencent drops duplicates.
				return {
					body: {
						...message,
						To_Account: toAccount,
						MsgRandom: newMessageRandom(),
					},
				};
			},
			run: async (session, { body }) => {
				const answer = await tencentRequest(this, account, session, 'openim/sendmsg', body);
				const output: IDataObject = {
					...withoutEnvelope(answer),
					To_Account: body.To_Account,
					MsgRandom: body.MsgRandom,
				};
				if (body.From_Account !== undefined) output.From_Account = body.From_Account;
				return output;
			},
		},
		account.pace,
	);
}
