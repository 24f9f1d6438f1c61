import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { optionsCollection } from '../../../shared/paceOptions';
import { textParameter } from '../../../shared/parameters';
import { runOverItems } from '../../../shared/runItems';
import { path } from '../../../shared/url';
import { THULIUM_PACE, thuliumAccount, thuliumRequest } from '../../transport';
import { agentLoginField } from './fields';

const properties: INodeProperties[] = [agentLoginField, optionsCollection(THULIUM_PACE)];

export const description = updateDisplayOptions({ show: { resource: ['agent'], operation: ['get'] } }, properties);

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const account = await thuliumAccount(this);
	return await runOverItems<string>(
		this,
		{
			prepare: (i) => textParameter(this, 'login', i, 'Agent Login', { required: true, maxLength: 100, pathSegment: true }),
			run: async (session, login) => {
				// https://api.thulium.com/docs/api/agents/get_agents_login
				const body = await thuliumRequest(this, account, session, {
					method: 'GET',
					path: path`/agents/${login}`,
					idempotent: true,
					notFound: `Agent "${login}" was not found`,
				});
				return body && typeof body === 'object' && !Array.isArray(body) ? (body as IDataObject) : {};
			},
		},
		account.pace,
	);
}
