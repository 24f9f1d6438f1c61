import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { returnAllFields } from '../../../shared/listFields';
import { optionsCollection } from '../../../shared/paceOptions';
import { runOverItems } from '../../../shared/runItems';
import { THULIUM_PACE, thuliumAccount, thuliumRequest } from '../../transport';
import { withoutPassword } from './password';
import { readListMax } from '../fields';

const properties: INodeProperties[] = [...returnAllFields(), optionsCollection(THULIUM_PACE)];

export const description = updateDisplayOptions({ show: { resource: ['webhook'], operation: ['getMany'] } }, properties);

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const account = await thuliumAccount(this);
	return await runOverItems<{ max?: number }>(
		this,
		{
			prepare: (i) => ({ max: readListMax(this, i) }),
			run: async (session, { max }) => {
				// https://api.thulium.com/docs/api/webhooks/get_webhooks: a bare array, not paged (the limit is applied here).
				const body = await thuliumRequest(this, account, session, { method: 'GET', path: '/webhooks', idempotent: true });
				const rows = Array.isArray(body) ? (body as IDataObject[]) : [];
				return (max === undefined ? rows : rows.slice(0, max)).map(withoutPassword);
			},
		},
		account.pace,
	);
}
