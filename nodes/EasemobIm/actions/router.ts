import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import * as chatRoom from './chatRoom';
import * as conversation from './conversation';
import * as group from './group';
import * as message from './message';
import * as user from './user';

type Operation = { execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> };

const resources: Record<string, Record<string, Operation>> = {
	conversation: { delete: conversation.deleteConversation },
	message: { sendToUsers: message.sendToUsers, sendToGroups: message.sendToGroups, recall: message.recall, getHistory: message.getHistory },
	user: {
		create: user.create,
		get: user.get,
		getAll: user.getAll,
		delete: user.deleteUser,
		getOnlineStatus: user.getOnlineStatus,
		getOfflineMessageCount: user.getOfflineMessageCount,
		deactivate: user.deactivate,
		activate: user.activate,
		forceLogout: user.forceLogout,
		updateNickname: user.updateNickname,
	},
	group: {
		create: group.create,
		get: group.get,
		getAll: group.getAll,
		update: group.update,
		delete: group.deleteGroup,
		addMembers: group.addMembers,
		removeMembers: group.removeMembers,
		getMembers: group.getMembers,
	},
	chatRoom: { create: chatRoom.create, delete: chatRoom.deleteChatRoom, sendMessage: chatRoom.sendMessage },
};

export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	// Resource and operation cannot come from expressions (noDataExpression), so item 0 decides.
	const resource = this.getNodeParameter('resource', 0) as string;
	const operation = this.getNodeParameter('operation', 0) as string;
	const handler = resources[resource]?.[operation];
	if (!handler) {
		throw new NodeOperationError(this.getNode(), `The operation "${operation}" of "${resource}" is not supported`);
	}
	return await handler.execute.call(this);
}
