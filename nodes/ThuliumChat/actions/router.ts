import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import * as chat from './chat';
import * as conversation from './conversation';
import * as queue from './queue';
import * as report from './report';

type Operation = { execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> };

const resources: Record<string, Record<string, Operation>> = {
	conversation: {
		start: conversation.start,
		sendMessage: conversation.sendMessage,
		stop: conversation.stop,
		deleteContent: conversation.deleteContent,
		delete: conversation.deleteConversation,
	},
	chat: { getMany: chat.getMany },
	queue: { getMany: queue.getMany },
	report: { getSummary: report.getSummary },
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
