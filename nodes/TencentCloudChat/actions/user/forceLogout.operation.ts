import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { textParameter } from '../../../shared/parameters';
import { runOverItems } from '../../../shared/runItems';
import { tencentAccount, tencentRequest } from '../../transport';
import { USER_ID_MAX, optionsField, userIdField } from '../fields';

const properties: INodeProperties[] = [
	userIdField('userId', 'User ID', 'The UserID to log out on every device. Their current UserSig stops working; they can log in again with a new one.'),
	optionsField(),
];

export const description = updateDisplayOptions({ show: { resource: ['user'], operation: ['forceLogout'] } }, properties);

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const account = await tencentAccount(this);
	return await runOverItems(
		this,
		{
			prepare: (i) => textParameter(this, 'userId', i, 'User ID', { required: true, maxLength: USER_ID_MAX }),
			run: async (session, userId) => {
				// One account per call (https://trtc.io/document/34957); repeating it changes nothing.
				await tencentRequest(this, account, session, 'im_open_login_svc/kick', { UserID: userId });
				return { loggedOut: true, userId };
			},
		},
		account.pace,
	);
}
