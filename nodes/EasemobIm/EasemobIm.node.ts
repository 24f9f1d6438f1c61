import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import * as chatRoom from './actions/chatRoom';
import * as conversation from './actions/conversation';
import * as group from './actions/group';
import * as message from './actions/message';
import { router } from './actions/router';
import * as user from './actions/user';

export class EasemobIm implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Easemob IM',
		name: 'easemobIm',
		icon: { light: 'file:../../icons/easemob-im.svg', dark: 'file:../../icons/easemob-im.dark.svg' },
		group: ['transform'],
		version: 1,
		// The operation in words; test/core/subtitle.test.ts says what to write here when operations change.
		subtitle:
			'={{ ({"chatRoom:create":"Create Chat Room","chatRoom:delete":"Delete Chat Room","chatRoom:sendMessage":"Send Message to Chat Rooms","conversation:delete":"Delete Conversation","group:addMembers":"Add Members to Group","group:create":"Create Group","group:delete":"Delete Group","group:get":"Get Group","group:getAll":"Get Many Groups","group:getMembers":"Get Members of Group","group:removeMembers":"Remove Members from Group","group:update":"Update Group","message:getHistory":"Get Message History","message:recall":"Recall Message","message:sendToGroups":"Send Message to Groups","message:sendToUsers":"Send Message to Users","user:activate":"Activate User","user:create":"Create User","user:deactivate":"Deactivate User","user:delete":"Delete User","user:forceLogout":"Force Logout User","user:get":"Get User","user:getAll":"Get Many Users","user:getOfflineMessageCount":"Get Offline Message Count of User","user:getOnlineStatus":"Get Online Status of Users","user:updateNickname":"Update Nickname of User"})[$parameter["resource"] + ":" + $parameter["operation"]] || $parameter["operation"] }}',
		description: 'Delete conversations, send and recall messages, and manage users, groups and chat rooms of an Easemob IM app',
		defaults: { name: 'Easemob IM' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'easemobImApi', required: true }],
		properties: [
			{
				displayName: 'Resource',
				name: 'resource',
				type: 'options',
				noDataExpression: true,
				options: [
					{ name: 'Chat Room', value: 'chatRoom' },
					{ name: 'Conversation', value: 'conversation' },
					{ name: 'Group', value: 'group' },
					{ name: 'Message', value: 'message' },
					{ name: 'User', value: 'user' },
				],
				default: 'conversation',
			},
			...chatRoom.description,
			...conversation.description,
			...group.description,
			...message.description,
			...user.description,
		],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}
