import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { optionsCollection } from '../../../shared/paceOptions';
import { textParameter, toBoolean, toChoice } from '../../../shared/parameters';
import { sharedKeyedLimiter } from '../../../shared/rateLimiter';
import { runOverItems } from '../../../shared/runItems';
import { path } from '../../../shared/url';
import { EASEMOB_PACE, easemobAccount, easemobRequest } from '../../transport';
import { USERNAME_RULES } from '../fields';

const CONVERSATION_TYPES = ['chat', 'groupchat'] as const;

/** Easemob allows 5 conversation deletions a minute per user; the extra second absorbs clock skew. */
export const DELETES_PER_USER = 5;
export const DELETE_WINDOW_MS = 61_000;

/** The limiter spacing deletions per user of one app (shared by all executions in this process). */
export function userChannelLimiterKey(appLabel: string): string {
	return `easemob-user-channel:${appLabel}`;
}

const properties: INodeProperties[] = [
	{
		displayName: 'Username',
		name: 'username',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. user1',
		description: 'The user whose conversation list loses the conversation. Other participants keep theirs.',
	},
	{
		displayName: 'Conversation Type',
		name: 'conversationType',
		type: 'options',
		default: 'chat',
		options: [
			{ name: 'One-to-One Chat', value: 'chat' },
			{ name: 'Group Chat', value: 'groupchat' },
		],
	},
	{
		displayName: 'Conversation ID',
		name: 'conversationId',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. user2',
		description: 'For a one-to-one chat the other user\'s ID, for a group chat the group ID',
	},
	{
		displayName: 'Delete Roaming Messages',
		name: 'deleteRoamingMessages',
		type: 'boolean',
		default: false,
		description: "Whether to also delete this user's messages of the conversation stored on the server",
	},
	optionsCollection(EASEMOB_PACE),
];

export const description = updateDisplayOptions({ show: { resource: ['conversation'], operation: ['delete'] } }, properties);

interface DeletePlan {
	username: string;
	conversationType: (typeof CONVERSATION_TYPES)[number];
	conversationId: string;
	deleteRoamingMessages: boolean;
}

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const account = await easemobAccount(this);
	const node = this.getNode();
	return await runOverItems<DeletePlan>(
		this,
		{
			prepare: (i) => ({
				username: textParameter(this, 'username', i, 'Username', USERNAME_RULES),
				conversationType: toChoice(node, i, this.getNodeParameter('conversationType', i), 'Conversation Type', CONVERSATION_TYPES),
				conversationId: textParameter(this, 'conversationId', i, 'Conversation ID', { required: true, maxLength: 128 }),
				deleteRoamingMessages: toBoolean(node, i, this.getNodeParameter('deleteRoamingMessages', i, false), 'Delete Roaming Messages'),
			}),
			run: async (session, plan) => {
				const body = await easemobRequest(this, account, session, {
					method: 'DELETE',
					path: path`/users/${plan.username}/user_channel`,
					body: { channel: plan.conversationId, type: plan.conversationType, delete_roam: plan.deleteRoamingMessages },
					kind: 'write',
					notFound: `User "${plan.username}" was not found`,
				});
				const data = body.data as { result?: unknown } | undefined;
				return { deleted: true, ...plan, result: data?.result ?? 'ok' };
			},
			// Easemob's limit is per user: space the calls for one user, let the others go on.
			throttle: {
				limiter: sharedKeyedLimiter(userChannelLimiterKey(account.app.label), DELETES_PER_USER, DELETE_WINDOW_MS),
				// Easemob user IDs are case-insensitive.
				keyOf: (plan) => plan.username.toLowerCase(),
			},
		},
		account.pace,
	);
}
