import type { INodeProperties } from 'n8n-workflow';

import * as deleteConversation from './delete.operation';
import * as getMany from './getMany.operation';
import * as getUnreadCount from './getUnreadCount.operation';
import * as markAsRead from './markAsRead.operation';
import * as pin from './pin.operation';
import * as unpin from './unpin.operation';

export { deleteConversation as delete, getMany, getUnreadCount, markAsRead, pin, unpin };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['conversation'] } },
		options: [
			{
				name: 'Delete',
				value: 'delete',
				description: "Delete a one-to-one or group conversation from a user's conversation list",
				action: 'Delete a conversation',
			},
			{
				name: 'Get Many',
				value: 'getMany',
				description: "List a user's conversations, pinned ones included",
				action: 'Get many conversations',
			},
			{
				name: 'Get Unread Count',
				value: 'getUnreadCount',
				description: "Count a user's unread one-to-one messages, in total or per conversation",
				action: 'Get unread message count',
			},
			{
				name: 'Mark as Read',
				value: 'markAsRead',
				description: "Mark a user's one-to-one conversation as read, up to now or a given time",
				action: 'Mark a conversation as read',
			},
			{
				name: 'Pin',
				value: 'pin',
				description: "Pin a one-to-one or group conversation to the top of a user's conversation list",
				action: 'Pin a conversation',
			},
			{
				name: 'Unpin',
				value: 'unpin',
				description: "Unpin a conversation in a user's conversation list",
				action: 'Unpin a conversation',
			},
		],
		default: 'delete',
	},
	...deleteConversation.description,
	...getMany.description,
	...getUnreadCount.description,
	...markAsRead.description,
	...pin.description,
	...unpin.description,
];
