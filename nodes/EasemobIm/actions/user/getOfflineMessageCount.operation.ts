import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { path } from '../../../shared/url';
import type { UserCall } from './userCall';
import { runUserCall, userCallDescription } from './userCall';

/** The count Easemob keys by user ID; IDs ignore case, so the key may differ in case from the one asked. */
function countFor(data: IDataObject, username: string): number | undefined {
	const key = Object.keys(data).find((k) => k === username) ?? Object.keys(data).find((k) => k.toLowerCase() === username.toLowerCase());
	if (key === undefined) return undefined;
	// The page's table shows the count as text ("user1": "0"), its example as a number.
	const count = Number(data[key]);
	return Number.isFinite(count) ? count : undefined;
}

// https://doc.easemob.com/document/server-side/offline_msg_count_get.html: GET /users/{owner_username}/offline_msg_count
// → data {"<user>": <count>}; 100 calls a second per app.
const call: UserCall<undefined> = {
	operation: 'getOfflineMessageCount',
	usernameDescription: 'The user whose messages waiting for delivery (received while offline) are counted',
	request: (username) => ({ method: 'GET', path: path`/users/${username}/offline_msg_count`, kind: 'read' }),
	output: (body, username) => {
		const data = body.data && typeof body.data === 'object' && !Array.isArray(body.data) ? (body.data as IDataObject) : {};
		return { username, offlineMessageCount: countFor(data, username) ?? null };
	},
};

export const description = userCallDescription(call);

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	return await runUserCall(this, call);
}
