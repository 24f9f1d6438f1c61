import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { optionsCollection } from '../../../shared/paceOptions';
import { toInteger, toText } from '../../../shared/parameters';
import { parameterError } from '../../../shared/errors';
import { runOverItems } from '../../../shared/runItems';
import { THULIUM_PACE, thuliumAccount, thuliumRequest } from '../../transport';
import { chatQueueLocator } from '../fields';

const properties: INodeProperties[] = [
	chatQueueLocator('chatQueueId', 'The chat queue the conversation starts in', true),
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		description:
			'Who the client is. Thulium links the conversation to a CRM customer by Customer ID first, then by Client ID, then by e-mail address.',
		options: [
			{
				displayName: 'Client E-Mail',
				name: 'clientEmail',
				type: 'string',
				placeholder: 'e.g. jan.kowalski@example.org',
				default: '',
				description: "The client's e-mail address. Used to find the CRM customer when neither Customer ID nor Client ID matches.",
			},
			{
				displayName: 'Client First Name',
				name: 'clientName',
				type: 'string',
				placeholder: 'e.g. Jan',
				default: '',
			},
			{
				displayName: 'Client ID',
				name: 'clientId',
				type: 'string',
				placeholder: 'e.g. 1234',
				default: '',
				description: "Your own (external) ID for the client. Used to find the CRM customer when Customer ID is not given or doesn't match.",
			},
			{
				displayName: 'Client Last Name',
				name: 'clientSurname',
				type: 'string',
				placeholder: 'e.g. Kowalski',
				default: '',
			},
			{
				displayName: 'Customer ID',
				name: 'customerId',
				type: 'number',
				typeOptions: { minValue: 1, numberPrecision: 0 },
				default: 1,
				description: "The customer's ID in Thulium CRM. Checked first when Thulium matches the conversation to a customer.",
			},
		],
	},
	optionsCollection(THULIUM_PACE),
];

export const description = updateDisplayOptions({ show: { resource: ['conversation'], operation: ['start'] } }, properties);

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

interface StartPlan {
	qs: IDataObject;
}

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const account = await thuliumAccount(this);
	const node = this.getNode();
	return await runOverItems<StartPlan>(
		this,
		{
			prepare: (i) => {
				const queue = this.getNodeParameter('chatQueueId', i, '', { extractValue: true });
				const chatQueueId = toInteger(node, i, queue, 'Chat Queue', { required: true, min: 1 });
				const fields = this.getNodeParameter('additionalFields', i, {}) as IDataObject;
				const qs: IDataObject = { chat_queue_id: chatQueueId };
				const text = (name: string, label: string, key: string) => {
					const value = toText(node, i, fields[name], label, { maxLength: 255 });
					if (value !== '') qs[key] = value;
				};
				text('clientName', 'Client First Name', 'client_name');
				text('clientSurname', 'Client Last Name', 'client_surname');
				text('clientEmail', 'Client E-Mail', 'client_email');
				text('clientId', 'Client ID', 'client_id');
				if (qs.client_email !== undefined && !EMAIL.test(String(qs.client_email))) {
					throw parameterError(node, i, `Client E-Mail "${String(qs.client_email).slice(0, 80)}" is not an e-mail address`, 'Enter an address like jan.kowalski@example.org, or remove the field.');
				}
				const customerId = toInteger(node, i, fields.customerId, 'Customer ID', { min: 1 });
				if (customerId !== undefined) qs.customer_id = customerId;
				return { qs };
			},
			run: async (session, plan) => {
				// The API takes these parameters in the query string, with an empty body.
				const body = await thuliumRequest(this, account, session, {
					method: 'POST',
					path: '/chat_conversations/start',
					qs: plan.qs,
					idempotent: false,
					unclearOutcome: 'the conversation may have been started',
					notFound: `Chat queue ${String(plan.qs.chat_queue_id)} was not found`,
				});
				return body && typeof body === 'object' ? (body as IDataObject) : {};
			},
		},
		account.pace,
	);
}
