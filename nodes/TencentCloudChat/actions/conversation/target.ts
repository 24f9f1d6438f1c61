import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { textParameter, toChoice } from '../../../shared/parameters';
import { GROUP_ID_MAX, USER_ID_MAX, userIdField } from '../fields';
import { groupIdField } from '../idFields';

export const CONVERSATION_TYPES = ['c2c', 'group'] as const;
export type ConversationType = (typeof CONVERSATION_TYPES)[number];

/** A conversation in one user's list: the user, the type, and the other user or the group. */
export interface ConversationTarget {
	fromAccount: string;
	conversationType: ConversationType;
	/** The other user (one-to-one) or the group ID (group). */
	peer: string;
}

/** From Account, Conversation Type, To Account / Group ID: the fields that name a conversation. */
export function conversationTargetFields(fromDescription: string, groupDescription: string): INodeProperties[] {
	return [
		userIdField('fromAccount', 'From Account', fromDescription),
		{
			displayName: 'Conversation Type',
			name: 'conversationType',
			type: 'options',
			default: 'c2c',
			options: [
				{
					name: 'One-to-One',
					value: 'c2c',
					description: 'A conversation with another user',
				},
				{ name: 'Group', value: 'group', description: 'A group conversation' },
			],
		},
		{
			...userIdField('toAccount', 'To Account', 'The UserID of the other participant'),
			displayOptions: { show: { conversationType: ['c2c'] } },
		},
		{ ...groupIdField(groupDescription), displayOptions: { show: { conversationType: ['group'] } } },
	];
}

/** Reads the fields of conversationTargetFields for item i. */
export function readConversationTarget(ctx: IExecuteFunctions, i: number): ConversationTarget {
	const fromAccount = textParameter(ctx, 'fromAccount', i, 'From Account', { required: true, maxLength: USER_ID_MAX });
	const conversationType = toChoice(ctx.getNode(), i, ctx.getNodeParameter('conversationType', i), 'Conversation Type', CONVERSATION_TYPES);
	const peer =
		conversationType === 'c2c'
			? textParameter(ctx, 'toAccount', i, 'To Account', { required: true, maxLength: USER_ID_MAX })
			: textParameter(ctx, 'groupId', i, 'Group ID', { required: true, maxLength: GROUP_ID_MAX });
	return { fromAccount, conversationType, peer };
}

/** The target as the node outputs it: toAccount for one-to-one, groupId for groups. */
export function targetOutput(target: ConversationTarget): Record<string, string> {
	return target.conversationType === 'c2c'
		? { fromAccount: target.fromAccount, conversationType: 'c2c', toAccount: target.peer }
		: { fromAccount: target.fromAccount, conversationType: 'group', groupId: target.peer };
}
