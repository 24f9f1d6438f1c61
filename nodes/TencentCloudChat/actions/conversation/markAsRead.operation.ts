import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { textParameter } from '../../../shared/parameters';
import { runOverItems } from '../../../shared/runItems';
import { tencentAccount, tencentRequest } from '../../transport';
import { USER_ID_MAX, optionsField, userIdField } from '../fields';
import { unixSeconds } from '../time';

const properties: INodeProperties[] = [
	{
		displayName: "Marks a one-to-one conversation as read for one user. Tencent's REST API has no call to mark a group conversation as read.",
		name: 'markAsReadNotice',
		type: 'notice',
		default: '',
	},
	userIdField('userId', 'User ID', 'The UserID who has read the messages (their unread count drops)'),
	userIdField('peerAccount', 'Peer Account', 'The other participant of the one-to-one conversation'),
	{
		displayName: 'Read Up To',
		name: 'readUpTo',
		type: 'dateTime',
		default: '',
		description: 'Messages sent up to this time count as read; later ones stay unread. Empty: every message up to now.',
	},
	optionsField(),
];

export const description = updateDisplayOptions({ show: { resource: ['conversation'], operation: ['markAsRead'] } }, properties);

interface ReadPlan {
	body: IDataObject;
	output: IDataObject;
}

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const account = await tencentAccount(this);
	return await runOverItems<ReadPlan>(
		this,
		{
			prepare: (i) => {
				const userId = textParameter(this, 'userId', i, 'User ID', { required: true, maxLength: USER_ID_MAX });
				const peerAccount = textParameter(this, 'peerAccount', i, 'Peer Account', { required: true, maxLength: USER_ID_MAX });
				const readUpTo = unixSeconds(this, i, this.getNodeParameter('readUpTo', i, ''), 'Read Up To');
				const body: IDataObject = { Report_Account: userId, Peer_Account: peerAccount };
				const output: IDataObject = { markedAsRead: true, userId, peerAccount };
				if (readUpTo !== undefined) {
					// The page types MsgReadTime as a String of Unix seconds.
					body.MsgReadTime = String(readUpTo);
					output.readUpTo = new Date(readUpTo * 1000).toISOString();
				}
				return { body, output };
			},
			run: async (session, plan) => {
				// https://www.tencentcloud.com/document/product/1047/38996: marking read again changes nothing.
				await tencentRequest(this, account, session, 'openim/admin_set_msg_read', plan.body);
				return plan.output;
			},
		},
		account.pace,
	);
}
