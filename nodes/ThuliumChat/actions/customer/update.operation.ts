import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties, JsonObject } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { apiError, parameterError } from '../../../shared/errors';
import { optionsCollection } from '../../../shared/paceOptions';
import { runOverItems } from '../../../shared/runItems';
import { THULIUM_PACE, thuliumAccount, thuliumRequest } from '../../transport';
import { customerFieldOptions, customerIdField, readCustomerFields, readCustomerId } from './fields';

const properties: INodeProperties[] = [
	customerIdField,
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		description: 'The fields to change; fields not added keep their value',
		options: customerFieldOptions(true),
	},
	optionsCollection(THULIUM_PACE),
];

export const description = updateDisplayOptions({ show: { resource: ['customer'], operation: ['update'] } }, properties);

interface UpdatePlan {
	customerId: number;
	fields: IDataObject;
}

/** Error messages a multi-status answer (207) gives for the customer, in any nesting the page leaves open. */
function failuresIn(answer: unknown): string[] {
	const messages: string[] = [];
	const visit = (value: unknown) => {
		if (Array.isArray(value)) return value.forEach(visit);
		if (!value || typeof value !== 'object') return;
		const record = value as IDataObject;
		if (Array.isArray(record.errors)) {
			for (const error of record.errors) {
				const message = error && typeof error === 'object' ? (error as IDataObject).message : error;
				messages.push(typeof message === 'string' ? message : JSON.stringify(message));
			}
		}
		for (const [key, child] of Object.entries(record)) if (key !== 'errors') visit(child);
	};
	visit(answer);
	return messages;
}

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const account = await thuliumAccount(this);
	const node = this.getNode();
	return await runOverItems<UpdatePlan>(
		this,
		{
			prepare: (i) => {
				const customerId = readCustomerId(node, i, this.getNodeParameter('customerId', i, ''));
				const fields = readCustomerFields(node, i, this.getNodeParameter('updateFields', i, {}) as IDataObject);
				if (Object.keys(fields).length === 0) {
					throw parameterError(node, i, 'Update Fields is empty: there is nothing to update', 'Add at least one field under "Update Fields".');
				}
				return { customerId, fields };
			},
			run: async (session, { customerId, fields }) => {
				// Thulium documents no PUT customers/:id; the documented edit is the batch one, here with
				// this one customer: https://api.thulium.com/docs/api/crm_batch/put_batch_customers
				// Setting the same values again changes nothing, so a repeat after a lost answer is safe.
				const answer = await thuliumRequest(this, account, session, {
					method: 'PUT',
					path: '/batch/customers',
					body: { customers: [{ customer_id: customerId, ...fields }] },
					idempotent: true,
				});
				// 207 (multi-status) carries a status per customer (https://api.thulium.com/docs/api/response_codes);
				// its layout is not published, so any error listed in it fails the item.
				const failures = failuresIn(answer);
				if (failures.length > 0) {
					throw apiError(node, session.itemIndex, { message: `Thulium did not update customer ${customerId}: ${failures.join(' ')}`, hint: 'Check the customer ID and the values named above.', body: { answer: answer as JsonObject } }, account.secrets);
				}
				return { updated: true, customerId, ...fields };
			},
		},
		account.pace,
	);
}
