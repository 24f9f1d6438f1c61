import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import * as agent from './agent';
import * as chat from './chat';
import * as conversation from './conversation';
import * as customer from './customer';
import * as queue from './queue';
import * as report from './report';
import * as ticket from './ticket';
import * as webhook from './webhook';

type Operation = { execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> };

const resources: Record<string, Record<string, Operation>> = {
	conversation: {
		start: conversation.start,
		sendMessage: conversation.sendMessage,
		stop: conversation.stop,
		deleteContent: conversation.deleteContent,
		delete: conversation.deleteConversation,
	},
	chat: { get: chat.get, getMany: chat.getMany },
	queue: { getMany: queue.getMany },
	report: { getSummary: report.getSummary },
	customer: { get: customer.get, search: customer.search, create: customer.create, update: customer.update },
	ticket: { create: ticket.create, get: ticket.get, addAgentResponse: ticket.addAgentResponse },
	agent: { get: agent.get, getStatus: agent.getStatus },
	webhook: { getMany: webhook.getMany, create: webhook.create },
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
