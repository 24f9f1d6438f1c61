import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { returnAllFields } from '../../../shared/listFields';
import { optionsCollection } from '../../../shared/paceOptions';
import { runOverItems } from '../../../shared/runItems';
import { THULIUM_PACE, thuliumAccount, thuliumRequest } from '../../transport';
import { normalizeQueues } from '../../transport/queues';
import { readListMax } from '../fields';

const show = { resource: ['queue'], operation: ['getMany'] };

const properties: INodeProperties[] = [
	...returnAllFields(),
	optionsCollection(THULIUM_PACE),
];

export const description = updateDisplayOptions({ show }, properties);

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const account = await thuliumAccount(this);
	return await runOverItems<{ max?: number }>(
		this,
		{
			prepare: (i) => ({ max: readListMax(this, i) }),
			run: async (session, { max }) => {
				// The endpoint is not paged: the limit is applied here.
				const body = await thuliumRequest(this, account, session, { method: 'GET', path: '/chats/queues', idempotent: true });
				const queues: IDataObject[] = normalizeQueues(body).map((queue) => queue.raw);
				return max === undefined ? queues : queues.slice(0, max);
			},
		},
		account.pace,
	);
}
