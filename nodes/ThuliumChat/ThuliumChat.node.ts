import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import * as conversation from './actions/conversation';
import { router } from './actions/router';
import { searchChatQueues } from './methods/listSearch';

export class ThuliumChat implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Thulium Chat',
		name: 'thuliumChat',
		icon: { light: 'file:../../icons/thulium.svg', dark: 'file:../../icons/thulium.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{ $parameter["operation"] + ": " + $parameter["resource"] }}',
		description: 'Start, stop and clean up Thulium contact-center chat conversations',
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
				options: [{ name: 'Conversation', value: 'conversation' }],
				default: 'conversation',
			},
			...conversation.description,
		],
	};

	methods = { listSearch: { searchChatQueues } };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}
