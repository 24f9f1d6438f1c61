import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import * as callback from './actions/callback';
import * as conversation from './actions/conversation';
import * as message from './actions/message';
import { router } from './actions/router';
import * as user from './actions/user';

export class TencentCloudChat implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Tencent Cloud Chat',
		name: 'tencentCloudChat',
		icon: {
			light: 'file:../../icons/tencent-cloud-chat.svg',
			dark: 'file:../../icons/tencent-cloud-chat.dark.svg',
		},
		group: ['transform'],
		version: 1,
		// The operation in words; test/core/subtitle.test.ts says what to write here when operations change.
		subtitle:
			'={{ ({"callback:answer":"Answer Callback","conversation:delete":"Delete Conversation","conversation:getMany":"Get Many Conversations","conversation:getUnreadCount":"Get Unread Message Count","conversation:markAsRead":"Mark Conversation As Read","conversation:pin":"Pin Conversation","conversation:unpin":"Unpin Conversation","message:edit":"Edit Message","message:getGroupHistory":"Get Group Message History","message:getHistory":"Get Message History","message:recall":"Recall Message","message:recallGroupMessage":"Recall Group Message","message:send":"Send Message","message:sendToGroup":"Send Message to Group","message:sendToMany":"Send Message to Many Users","user:check":"Check Users","user:delete":"Delete Users","user:forceLogout":"Force Logout User","user:getOnlineStatus":"Get Online Status of Users","user:getProfile":"Get User Profiles","user:import":"Import User","user:updateProfile":"Update User Profile"})[$parameter["resource"] + ":" + $parameter["operation"]] || $parameter["operation"] }}',
		description: 'Send messages, manage conversations and users, and answer callbacks in Tencent Cloud Chat',
		defaults: { name: 'Tencent Cloud Chat' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'tencentCloudChatApi', required: true }],
		properties: [
			{
				displayName: 'Resource',
				name: 'resource',
				type: 'options',
				noDataExpression: true,
				options: [
					{ name: 'Callback', value: 'callback' },
					{ name: 'Conversation', value: 'conversation' },
					{ name: 'Message', value: 'message' },
					{ name: 'User', value: 'user' },
				],
				default: 'conversation',
			},
			...callback.description,
			...conversation.description,
			...message.description,
			...user.description,
		],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}
