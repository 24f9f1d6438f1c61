import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import * as agent from './actions/agent';
import * as chat from './actions/chat';
import * as conversation from './actions/conversation';
import * as customer from './actions/customer';
import * as queue from './actions/queue';
import * as report from './actions/report';
import * as ticket from './actions/ticket';
import * as webhook from './actions/webhook';
import { router } from './actions/router';
import { searchChatQueues } from './methods/listSearch';
import { thuliumWebhookCredentialTest } from './trigger/basicAuth';

export class ThuliumChat implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Thulium Chat',
		name: 'thuliumChat',
		icon: { light: 'file:../../icons/thulium.svg', dark: 'file:../../icons/thulium.dark.svg' },
		group: ['transform'],
		version: 1,
		// The operation in words; test/core/subtitle.test.ts says what to write here when operations change.
		subtitle:
			'={{ ({"conversation:delete":"Delete Conversation","conversation:deleteContent":"Delete Conversation Content","conversation:sendMessage":"Send Message","conversation:start":"Start Conversation","conversation:stop":"Stop Conversation","chat:get":"Get Chat","chat:getMany":"Get Many Chats","queue:getMany":"Get Many Chat Queues","report:getSummary":"Get Chat Summary Report","customer:create":"Create Customer","customer:get":"Get Customer","customer:search":"Search Customers","customer:update":"Update Customer","ticket:addAgentResponse":"Add Agent Response to Ticket","ticket:create":"Create Ticket","ticket:get":"Get Ticket","agent:get":"Get Agent","agent:getStatus":"Get Agent Status","webhook:create":"Create Webhook","webhook:getMany":"Get Many Webhooks"})[$parameter["resource"] + ":" + $parameter["operation"]] || $parameter["operation"] }}',
		description: 'Start, message, stop and clean up Thulium chat conversations, read chats, queues and reports, and work with CRM customers, tickets, agents and webhooks',
		defaults: { name: 'Thulium Chat' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [
			{ name: 'thuliumApi', required: true },
			// Only to give a new webhook the Basic auth user and password the trigger checks.
			{ name: 'thuliumWebhookApi', required: true, testedBy: 'thuliumWebhookCredentialTest', displayOptions: { show: { resource: ['webhook'], operation: ['create'], authentication: ['basicAuth'] } } },
		],
		properties: [
			{
				displayName: 'Resource',
				name: 'resource',
				type: 'options',
				noDataExpression: true,
				options: [
					{ name: 'Agent', value: 'agent' },
					{ name: 'Chat', value: 'chat' },
					{ name: 'Conversation', value: 'conversation' },
					{ name: 'Customer', value: 'customer' },
					{ name: 'Queue', value: 'queue' },
					{ name: 'Report', value: 'report' },
					{ name: 'Ticket', value: 'ticket' },
					{ name: 'Webhook', value: 'webhook' },
				],
				default: 'conversation',
			},
			...conversation.description,
			...chat.description,
			...queue.description,
			...report.description,
			...customer.description,
			...ticket.description,
			...agent.description,
			...webhook.description,
		],
	};

	methods = { listSearch: { searchChatQueues }, credentialTest: { thuliumWebhookCredentialTest } };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}
