import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { textParameter, toIdList } from '../../../shared/parameters';
import { runOverItems } from '../../../shared/runItems';
import { tencentAccount, tencentRequest } from '../../transport';
import { inBatches } from '../batches';
import { USER_ID_MAX, optionsField, userIdField } from '../fields';

/** get_c2c_unread_msg_num: Peer_Account holds at most 10 UserIDs (https://www.tencentcloud.com/document/product/1047/41046). */
export const UNREAD_PEERS_PER_CALL = 10;

const properties: INodeProperties[] = [
	userIdField('userId', 'User ID', 'The UserID whose unread one-to-one messages are counted'),
	{
		displayName: 'Peer Accounts',
		name: 'peerAccounts',
		type: 'string',
		default: '',
		placeholder: 'e.g. user_2, user_3',
		description: 'Count only the conversations with these UserIDs, separated by commas, or an expression giving a list. Empty counts all one-to-one conversations. Lists longer than 10 are counted in several calls.',
	},
	optionsField(),
];

export const description = updateDisplayOptions({ show: { resource: ['conversation'], operation: ['getUnreadCount'] } }, properties);

interface UnreadPlan {
	userId: string;
	peerBatches: string[][];
}

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const account = await tencentAccount(this);
	const node = this.getNode();
	return await runOverItems<UnreadPlan>(
		this,
		{
			prepare: (i) => ({
				userId: textParameter(this, 'userId', i, 'User ID', { required: true, maxLength: USER_ID_MAX }),
				peerBatches: inBatches(toIdList(node, i, this.getNodeParameter('peerAccounts', i, ''), 'Peer Accounts', { maxLength: USER_ID_MAX }), UNREAD_PEERS_PER_CALL),
			}),
			run: async (session, plan) => {
				if (plan.peerBatches.length === 0) {
					// Without Peer_Account Tencent answers the total over all one-to-one conversations.
					const answer = await tencentRequest(this, account, session, 'openim/get_c2c_unread_msg_num', { To_Account: plan.userId });
					return { userId: plan.userId, unreadCount: Number(answer.AllC2CUnreadMsgNum ?? 0) };
				}
				const conversations: IDataObject[] = [];
				const failedPeers: IDataObject[] = [];
				for (const batch of plan.peerBatches) {
					const answer = await tencentRequest(this, account, session, 'openim/get_c2c_unread_msg_num', { To_Account: plan.userId, Peer_Account: batch });
					for (const entry of Array.isArray(answer.C2CUnreadMsgNumList) ? (answer.C2CUnreadMsgNumList as IDataObject[]) : []) {
						conversations.push({ peerAccount: entry.Peer_Account, unreadCount: Number(entry.C2CUnreadMsgNum ?? 0) });
					}
					// 70107: the peer does not exist.
					for (const entry of Array.isArray(answer.ErrorList) ? (answer.ErrorList as IDataObject[]) : []) {
						failedPeers.push({ peerAccount: entry.Peer_Account, errorCode: entry.ErrorCode });
					}
				}
				const unreadCount = conversations.reduce((sum, entry) => sum + Number(entry.unreadCount), 0);
				return { userId: plan.userId, unreadCount, conversations, failedPeers };
			},
		},
		account.pace,
	);
}
