import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { optionsCollection } from '../../../shared/paceOptions';
import { runOverItems } from '../../../shared/runItems';
import { objectOf, THULIUM_PACE, thuliumAccount, thuliumRequest } from '../../transport';
import { customerIdField, includeOptions, readCustomerId, readIncludes } from './fields';

const properties: INodeProperties[] = [customerIdField, optionsCollection(THULIUM_PACE, includeOptions)];

export const description = updateDisplayOptions({ show: { resource: ['customer'], operation: ['get'] } }, properties);

interface GetPlan {
	customerId: number;
	qs: IDataObject;
}

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const account = await thuliumAccount(this);
	const node = this.getNode();
	return await runOverItems<GetPlan>(
		this,
		{
			prepare: (i) => ({
				customerId: readCustomerId(node, i, this.getNodeParameter('customerId', i, '')),
				qs: readIncludes(node, i, this.getNodeParameter('options', i, {}) as IDataObject),
			}),
			run: async (session, { customerId, qs }) => {
				// https://api.thulium.com/docs/api/crm/get_customers_id
				const body = await thuliumRequest(this, account, session, {
					method: 'GET',
					path: `/customers/${customerId}`,
					qs,
					idempotent: true,
					notFound: `Customer ${customerId} was not found`,
				});
				return objectOf(body);
			},
		},
		account.pace,
	);
}
