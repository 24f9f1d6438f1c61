import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { optionsCollection } from '../../../shared/paceOptions';
import { toBoolean } from '../../../shared/parameters';
import { runOverItems } from '../../../shared/runItems';
import { objectOf, THULIUM_PACE, thuliumAccount, thuliumRequest } from '../../transport';
import { readTicketId, ticketIdField } from './fields';

const properties: INodeProperties[] = [
	ticketIdField('The ticket to get'),
	optionsCollection(THULIUM_PACE, [
		{ displayName: 'Include Custom Fields', name: 'includeCustomFields', type: 'boolean', default: false, description: "Whether to return the ticket's custom fields" },
	]),
];

export const description = updateDisplayOptions({ show: { resource: ['ticket'], operation: ['get'] } }, properties);

interface GetPlan {
	ticketId: number;
	qs: IDataObject;
}

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const account = await thuliumAccount(this);
	const node = this.getNode();
	return await runOverItems<GetPlan>(
		this,
		{
			prepare: (i) => {
				const ticketId = readTicketId(node, i, this.getNodeParameter('ticketId', i, ''));
				const options = this.getNodeParameter('options', i, {}) as IDataObject;
				const qs: IDataObject = {};
				if (toBoolean(node, i, options.includeCustomFields, 'Include Custom Fields')) qs.include_custom_fields = 'true';
				return { ticketId, qs };
			},
			run: async (session, { ticketId, qs }) => {
				// https://api.thulium.com/docs/api/tickets/get_tickets_id
				const body = await thuliumRequest(this, account, session, {
					method: 'GET',
					path: `/tickets/${ticketId}`,
					qs,
					idempotent: true,
					notFound: `Ticket ${ticketId} was not found`,
				});
				return objectOf(body);
			},
		},
		account.pace,
	);
}
