import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import * as chat from './actions/chat';
import * as conversation from './actions/conversation';
import * as queue from './actions/queue';
import * as report from './actions/report';
import { router } from './actions/router';
import { searchChatQueues } from './methods/listSearch';

export class ThuliumChat implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Thulium Chat',
		name: 'thuliumChat',
		icon: { light: 'file:../../icons/thulium.svg', dark: 'file:../../icons/thulium.dark.svg' },
		group: ['transform'],
		version: 1,
		// The operation in words; test/core/subtitle.test.ts says what to write here when operations change.
		subtitle:
			'={{ ({"conversation:delete":"Delete Conversation","conversation:deleteContent":"Delete Conversation Content","conversation:sendMessage":"Send Message","conversation:start":"Start Conversation","conversation:stop":"Stop Conversation","chat:getMany":"Get Many Chats","queue:getMany":"Get Many Chat Queues","report:getSummary":"Get Chat Summary Report"})[$parameter["resource"] + ":" + $parameter["operation"]] || $parameter["operation"] }}',
		description: 'Start, message, stop and clean up Thulium chat conversations, list chats and queues, and read chat reports',
		defaults: { name: 'Thulium Chat' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'thuliumApi', required: true }],
		properties: [
			{
				displayName: 'Resource',
				name: 'resource',
				type: 'options',
				noDataExpression: true,
				options: [
					{ name: 'Chat', value: 'chat' },
					{ name: 'Conversation', value: 'conversation' },
					{ name: 'Queue', value: 'queue' },
					{ name: 'Report', value: 'report' },
				],
				default: 'conversation',
			},
			...conversation.description,
			...chat.description,
			...queue.description,
			...report.description,
		],
	};

	methods = { listSearch: { searchChatQueues } };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}
