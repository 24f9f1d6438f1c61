import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { textParameter } from '../../../shared/parameters';
import { runOverItems } from '../../../shared/runItems';
import { tencentAccount, tencentRequest } from '../../transport';
import { USER_ID_MAX, optionsField, userIdField } from '../fields';
import { messageKeyField } from './content';

const properties: INodeProperties[] = [
	userIdField('fromAccount', 'From Account', 'The UserID that sent the message'),
	userIdField('toAccount', 'To Account', 'The UserID that received the message'),
	messageKeyField,
	optionsField(),
];

export const description = updateDisplayOptions({ show: { resource: ['message'], operation: ['recall'] } }, properties);

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const account = await tencentAccount(this);
	return await runOverItems(
		this,
		{
			prepare: (i) => ({
				From_Account: textParameter(this, 'fromAccount', i, 'From Account', {
					required: true,
					maxLength: USER_ID_MAX,
				}),
				To_Account: textParameter(this, 'toAccount', i, 'To Account', {
					required: true,
					maxLength: USER_ID_MAX,
				}),
				MsgKey: textParameter(this, 'msgKey', i, 'Message Key', {
					required: true,
					maxLength: 50,
				}),
			}),
			run: async (session, body) => {
				await tencentRequest(this, account, session, 'openim/admin_msgwithdraw', body);
				return {
					recalled: true,
					fromAccount: body.From_Account,
					toAccount: body.To_Account,
					msgKey: body.MsgKey,
				};
			},
		},
		account.pace,
	);
}
