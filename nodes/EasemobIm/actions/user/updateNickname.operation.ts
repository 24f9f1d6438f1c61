import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { textParameter } from '../../../shared/parameters';
import { path } from '../../../shared/url';
import type { UserCall } from './userCall';
import { firstUser, runUserCall, userCallDescription } from './userCall';

/** "长度不能超过 100 个字符" (push_nickname_set_single.html). */
const NICKNAME_MAX = 100;

// https://doc.easemob.com/document/server-side/push_nickname_set_single.html: PUT /users/{userId}
// body {nickname} sets the name shown in push notifications; entities[0] is the updated user.
const call: UserCall<string> = {
	operation: 'updateNickname',
	usernameDescription: 'The user whose nickname changes',
	properties: [
		{
			displayName: 'Nickname',
			name: 'nickname',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'e.g. Alice',
			description:
				"The sender name shown in push notifications, at most 100 characters. The nickname in the user's attributes (set by the app) is separate.",
		},
	],
	read: (ctx, i) => textParameter(ctx, 'nickname', i, 'Nickname', { required: true, maxLength: NICKNAME_MAX }),
	request: (username, nickname) => ({ method: 'PUT', path: path`/users/${username}`, body: { nickname }, kind: 'write' }),
	output: (body, username, nickname) => ({ username, nickname, ...firstUser(body) }),
};

export const description = userCallDescription(call);

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	return await runUserCall(this, call);
}
