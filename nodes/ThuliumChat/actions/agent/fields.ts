import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { textParameter } from '../../../shared/parameters';
import { runOverItems } from '../../../shared/runItems';
import { path } from '../../../shared/url';
import { objectOf, thuliumAccount, thuliumRequest } from '../../transport';

export const agentLoginField: INodeProperties = {
	displayName: 'Agent Login',
	name: 'login',
	type: 'string',
	default: '',
	required: true,
	placeholder: 'e.g. jkowalski',
	description: "The agent's login in Thulium, as in chat webhooks (agent_login) and chat lists (user_login)",
};

/** Reads GET agents/{login}, or GET agents/{login}/status, once per item. */
export async function readAgents(ctx: IExecuteFunctions, what: 'agent' | 'status'): Promise<INodeExecutionData[][]> {
	const account = await thuliumAccount(ctx);
	return await runOverItems<string>(
		ctx,
		{
			prepare: (i) => textParameter(ctx, 'login', i, 'Agent Login', { required: true, maxLength: 100, pathSegment: true }),
			run: async (session, login) =>
				objectOf(
					await thuliumRequest(ctx, account, session, {
						method: 'GET',
						path: what === 'status' ? path`/agents/${login}/status` : path`/agents/${login}`,
						idempotent: true,
						notFound: `Agent "${login}" was not found`,
					}),
				),
		},
		account.pace,
	);
}
