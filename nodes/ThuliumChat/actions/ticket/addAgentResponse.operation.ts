import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { optionsCollection } from '../../../shared/paceOptions';
import { textParameter, toChoice } from '../../../shared/parameters';
import { runOverItems } from '../../../shared/runItems';
import { THULIUM_PACE, thuliumAccount, thuliumRequest } from '../../transport';
import { BODY_TYPES, bodyTypeField, readTicketId, ticketIdField } from './fields';

const properties: INodeProperties[] = [
	ticketIdField('The ticket to answer'),
	{
		displayName: 'Agent Login',
		name: 'userLogin',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. akowalski',
		description: 'Login of the agent the response is sent as',
	},
	{
		displayName: 'Body',
		name: 'body',
		type: 'string',
		typeOptions: { rows: 4 },
		default: '',
		required: true,
		description: "The response sent to the ticket's customer, as HTML or plain text (see Body Type)",
	},
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: [bodyTypeField('HTML')],
	},
	optionsCollection(THULIUM_PACE),
];

export const description = updateDisplayOptions({ show: { resource: ['ticket'], operation: ['addAgentResponse'] } }, properties);

interface ResponsePlan {
	ticketId: number;
	body: IDataObject;
}

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const account = await thuliumAccount(this);
	const node = this.getNode();
	return await runOverItems<ResponsePlan>(
		this,
		{
			prepare: (i) => {
				const ticketId = readTicketId(node, i, this.getNodeParameter('ticketId', i, ''));
				const body: IDataObject = {
					body: textParameter(this, 'body', i, 'Body', { required: true, multiline: true, maxLength: 1_000_000 }),
					user_login: textParameter(this, 'userLogin', i, 'Agent Login', { required: true, maxLength: 100 }),
				};
				const fields = this.getNodeParameter('additionalFields', i, {}) as IDataObject;
				if (fields.bodyType !== undefined) body.body_type = toChoice(node, i, fields.bodyType, 'Body Type', BODY_TYPES);
				return { ticketId, body };
			},
			run: async (session, { ticketId, body }) => {
				// https://api.thulium.com/docs/api/tickets/post_tickets_id_agent_response (answers [])
				await thuliumRequest(this, account, session, {
					method: 'POST',
					path: `/tickets/${ticketId}/agent_response`,
					body,
					idempotent: false,
					unclearOutcome: 'the response may have been sent to the customer',
					notFound: `Ticket ${ticketId} was not found`,
				});
				return { sent: true, ticketId, userLogin: body.user_login };
			},
		},
		account.pace,
	);
}
