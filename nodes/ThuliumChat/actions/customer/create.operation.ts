import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { optionsCollection } from '../../../shared/paceOptions';
import { textParameter } from '../../../shared/parameters';
import { runOverItems } from '../../../shared/runItems';
import { objectOf, THULIUM_PACE, thuliumAccount, thuliumRequest } from '../../transport';
import { customerFieldOptions, readCustomerFields } from './fields';

const properties: INodeProperties[] = [
	{
		displayName: 'Last Name',
		name: 'surname',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. Kowalski',
		description: "The customer's last name (Thulium requires it)",
	},
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: customerFieldOptions(false),
	},
	optionsCollection(THULIUM_PACE),
];

export const description = updateDisplayOptions({ show: { resource: ['customer'], operation: ['create'] } }, properties);

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const account = await thuliumAccount(this);
	const node = this.getNode();
	return await runOverItems<IDataObject>(
		this,
		{
			prepare: (i) => {
				const surname = textParameter(this, 'surname', i, 'Last Name', { required: true, maxLength: 255 });
				return { ...readCustomerFields(node, i, this.getNodeParameter('additionalFields', i, {}) as IDataObject), surname };
			},
			run: async (session, body) => {
				// https://api.thulium.com/docs/api/crm/post_customers
				const answer = await thuliumRequest(this, account, session, {
					method: 'POST',
					path: '/customers',
					body,
					idempotent: false,
					unclearOutcome: 'the customer may have been created',
				});
				return objectOf(answer);
			},
		},
		account.pace,
	);
}
