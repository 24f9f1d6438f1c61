import type { IDataObject, IExecuteFunctions, IHttpRequestMethods, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { optionsCollection } from '../../../shared/paceOptions';
import { textParameter } from '../../../shared/parameters';
import { runOverItems } from '../../../shared/runItems';
import type { CallKind } from '../../transport';
import { EASEMOB_PACE, easemobAccount, easemobRequest } from '../../transport';
import { USERNAME_RULES } from '../fields';

/** The user fields Easemob returns in `entities` (account_detail_obtain_single.html, account_ban.html). */
const USER_FIELDS = ['uuid', 'type', 'created', 'modified', 'username', 'activated', 'nickname'];

/** The first user of an answer's `entities`, with its documented fields only. */
export function firstUser(body: IDataObject): IDataObject {
	const [entity] = Array.isArray(body.entities) ? (body.entities as IDataObject[]) : [];
	const user: IDataObject = {};
	for (const key of USER_FIELDS) if (entity?.[key] !== undefined) user[key] = entity[key];
	return user;
}

/** One call about one user: the user's ID in the path, at most a small JSON body. */
export interface UserCall<E> {
	operation: string;
	/** What the Username means for this operation (shown under the field, read by AI agents). */
	usernameDescription: string;
	/** The operation's own fields after Username. */
	properties?: INodeProperties[];
	/** Reads and checks the operation's own fields for item `i` (throws a clear error when bad). */
	read?(ctx: IExecuteFunctions, i: number): E;
	request(username: string, extra: E): { method: IHttpRequestMethods; path: string; body?: IDataObject; kind: CallKind };
	output(body: IDataObject, username: string, extra: E): IDataObject;
}

export function userCallDescription<E>(call: UserCall<E>): INodeProperties[] {
	const properties: INodeProperties[] = [
		{
			displayName: 'Username',
			name: 'username',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'e.g. user1',
			description: call.usernameDescription,
		},
		...(call.properties ?? []),
		optionsCollection(EASEMOB_PACE),
	];
	return updateDisplayOptions({ show: { resource: ['user'], operation: [call.operation] } }, properties);
}

export async function runUserCall<E>(ctx: IExecuteFunctions, call: UserCall<E>): Promise<INodeExecutionData[][]> {
	const account = await easemobAccount(ctx);
	return await runOverItems<{ username: string; extra: E }>(
		ctx,
		{
			prepare: (i) => ({
				username: textParameter(ctx, 'username', i, 'Username', USERNAME_RULES),
				extra: call.read ? call.read(ctx, i) : (undefined as E),
			}),
			run: async (session, { username, extra }) => {
				const body = await easemobRequest(ctx, account, session, {
					...call.request(username, extra),
					notFound: `User "${username}" was not found`,
				});
				return call.output(body, username, extra);
			},
		},
		account.pace,
	);
}
