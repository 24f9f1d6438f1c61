import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { returnAllFields } from '../../../shared/listFields';
import { optionsCollection } from '../../../shared/paceOptions';
import { toBoolean, toInteger } from '../../../shared/parameters';
import { runOverItems } from '../../../shared/runItems';
import { EASEMOB_PACE, easemobAccount, easemobRequest } from '../../transport';

/** Easemob's largest page. */
const PAGE_SIZE = 100;

const properties: INodeProperties[] = [
	...returnAllFields(),
	optionsCollection(EASEMOB_PACE),
];

export const description = updateDisplayOptions({ show: { resource: ['user'], operation: ['getAll'] } }, properties);

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const account = await easemobAccount(this);
	const node = this.getNode();
	return await runOverItems<{ returnAll: boolean; limit: number }>(
		this,
		{
			prepare: (i) => {
				const returnAll = toBoolean(node, i, this.getNodeParameter('returnAll', i, false), 'Return All');
				const limit = returnAll ? Infinity : (toInteger(node, i, this.getNodeParameter('limit', i, 50), 'Limit', { required: true, min: 1 }) as number);
				return { returnAll, limit };
			},
			run: async (session, { limit }) => {
				const users: IDataObject[] = [];
				let cursor: string | undefined;
				do {
					const qs: IDataObject = { limit: Math.min(PAGE_SIZE, limit - users.length) };
					if (cursor) qs.cursor = cursor;
					const body = await easemobRequest(this, account, session, { method: 'GET', path: '/users', qs, kind: 'read' });
					const page = Array.isArray(body.entities) ? (body.entities as IDataObject[]) : [];
					users.push(...page.slice(0, limit - users.length));
					cursor = typeof body.cursor === 'string' && body.cursor !== '' && page.length > 0 ? body.cursor : undefined;
				} while (cursor && users.length < limit);
				return users;
			},
		},
		account.pace,
	);
}
