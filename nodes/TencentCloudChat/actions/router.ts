import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import * as callback from './callback';
import * as conversation from './conversation';
import * as message from './message';
import * as user from './user';

type Operation = {
	execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]>;
};

const resources: Record<string, Record<string, Operation>> = {
	callback: { answer: callback.answer },
	conversation: {
		delete: conversation.delete,
		getMany: conversation.getMany,
		getUnreadCount: conversation.getUnreadCount,
		markAsRead: conversation.markAsRead,
		pin: conversation.pin,
		unpin: conversation.unpin,
	},
	message: {
		send: message.send,
		sendToMany: message.sendToMany,
		sendToGroup: message.sendToGroup,
		recall: message.recall,
		getHistory: message.getHistory,
		edit: message.edit,
		getGroupHistory: message.getGroupHistory,
		recallGroupMessage: message.recallGroupMessage,
	},
	user: {
		import: user.import,
		check: user.check,
		delete: user.delete,
		forceLogout: user.forceLogout,
		getOnlineStatus: user.getOnlineStatus,
		getProfile: user.getProfile,
		updateProfile: user.updateProfile,
	},
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
