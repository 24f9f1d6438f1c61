import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { parameterError } from '../../../shared/errors';
import { optionsCollection } from '../../../shared/paceOptions';
import { textParameter, toChoice, toIdList, toInteger, toJsonObject, toText } from '../../../shared/parameters';
import { runOverItems } from '../../../shared/runItems';
import { objectOf, THULIUM_PACE, thuliumAccount, thuliumRequest } from '../../transport';
import { BODY_TYPES, bodyTypeField } from './fields';

const properties: INodeProperties[] = [
	{
		displayName: 'To',
		name: 'to',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. support@example.com',
		description: 'The Thulium mailbox the ticket goes to: an e-mail address of a mailbox defined in Thulium',
	},
	{ displayName: 'Subject', name: 'subject', type: 'string', default: '', required: true, description: 'The subject of the ticket' },
	{ displayName: 'Body', name: 'body', type: 'string', typeOptions: { rows: 4 }, default: '', required: true, description: 'The content of the ticket, as plain text or HTML (see Body Type)' },
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: [
			{ displayName: 'Agent Login', name: 'userLogin', type: 'string', default: '', placeholder: 'e.g. akowalski', description: 'Login of the agent the ticket is assigned to' },
			bodyTypeField('PLAIN'),
			{ displayName: 'Category ID', name: 'categoryId', type: 'string', default: '', description: 'ID of a ticket category defined in Thulium (a whole number)' },
			{ displayName: 'CC', name: 'cc', type: 'string', default: '', placeholder: 'e.g. anna@example.com, piotr@example.com', description: 'E-mail addresses copied on the ticket, separated by commas' },
			{ displayName: 'Comment', name: 'comment', type: 'string', typeOptions: { rows: 2 }, default: '', description: 'An internal comment stored with the ticket' },
			{
				displayName: 'Custom Fields (JSON)',
				name: 'customFields',
				type: 'json',
				default: '{}',
				description: 'Values of ticket custom fields by field name, e.g. {"Order number": "A-123"}',
			},
			{ displayName: 'Customer ID', name: 'customerId', type: 'string', default: '', placeholder: 'e.g. 32122', description: 'ID of the Thulium CRM customer the ticket belongs to (a whole number)' },
			{
				displayName: 'Direction',
				name: 'direction',
				type: 'options',
				default: 'in_behalf_of',
				description: 'Whether the ticket is filed on behalf of the customer or is an outgoing e-mail to the customer',
				options: [
					{ name: 'On Behalf of Customer', value: 'in_behalf_of' },
					{ name: 'Outgoing E-Mail', value: 'out' },
				],
			},
			{ displayName: 'From', name: 'from', type: 'string', default: '', placeholder: 'e.g. john.doe@example.com', description: "The author's e-mail address" },
			{
				displayName: 'Source',
				name: 'source',
				type: 'options',
				default: 'email',
				description: 'Where the ticket came from',
				options: [
					{ name: 'Chat', value: 'chat' },
					{ name: 'E-Mail', value: 'email' },
					{ name: 'Phone', value: 'phone' },
					{ name: 'SMS', value: 'sms' },
					{ name: 'Website', value: 'www' },
				],
			},
			{ displayName: 'Status ID', name: 'statusId', type: 'string', default: '', description: 'ID of a ticket status defined in Thulium (a whole number)' },
			{ displayName: 'Tags', name: 'tags', type: 'string', default: '', placeholder: 'e.g. billing, urgent', description: 'Tags, separated by commas' },
			{ displayName: 'Ticket Queue ID', name: 'ticketQueueId', type: 'string', default: '', description: 'ID of the ticket queue (a whole number). Without it Thulium picks the queue of the mailbox.' },
		],
	},
	optionsCollection(THULIUM_PACE),
];

export const description = updateDisplayOptions({ show: { resource: ['ticket'], operation: ['create'] } }, properties);

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const account = await thuliumAccount(this);
	const node = this.getNode();
	return await runOverItems<IDataObject>(
		this,
		{
			prepare: (i) => {
				const email = (value: string, label: string) => {
					if (!EMAIL.test(value)) throw parameterError(node, i, `${label} "${value.slice(0, 80)}" is not an e-mail address`, `Enter an address like support@example.com in "${label}".`);
					return value;
				};
				const body: IDataObject = {
					to: email(textParameter(this, 'to', i, 'To', { required: true, maxLength: 255 }), 'To'),
					subject: textParameter(this, 'subject', i, 'Subject', { required: true, maxLength: 998 }),
					body: textParameter(this, 'body', i, 'Body', { required: true, multiline: true, maxLength: 1_000_000 }),
				};
				const fields = this.getNodeParameter('additionalFields', i, {}) as IDataObject;
				const from = toText(node, i, fields.from, 'From', { maxLength: 255 });
				if (from !== '') body.from = email(from, 'From');
				if (fields.bodyType !== undefined) body.body_type = toChoice(node, i, fields.bodyType, 'Body Type', BODY_TYPES);
				const comment = toText(node, i, fields.comment, 'Comment', { maxLength: 10_000, multiline: true });
				if (comment !== '') body.comment = comment;
				const cc = toIdList(node, i, fields.cc, 'CC', { maxLength: 255 });
				if (cc.length > 0) body.cc = cc.map((address) => email(address, 'CC'));
				if (fields.source !== undefined) body.source = toChoice(node, i, fields.source, 'Source', ['email', 'phone', 'sms', 'chat', 'www'] as const);
				if (fields.direction !== undefined) body.direction = toChoice(node, i, fields.direction, 'Direction', ['in_behalf_of', 'out'] as const);
				const userLogin = toText(node, i, fields.userLogin, 'Agent Login', { maxLength: 100 });
				if (userLogin !== '') body.user_login = userLogin;
				for (const [name, label, key] of [
					['customerId', 'Customer ID', 'customer_id'],
					['statusId', 'Status ID', 'status_id'],
					['categoryId', 'Category ID', 'category_id'],
					['ticketQueueId', 'Ticket Queue ID', 'ticket_queue_id'],
				] as const) {
					const id = toInteger(node, i, fields[name], label, { min: 1 });
					if (id !== undefined) body[key] = id;
				}
				const tags = toIdList(node, i, fields.tags, 'Tags', { maxLength: 255 });
				if (tags.length > 0) body.tags = tags;
				const custom = toJsonObject(node, i, fields.customFields, 'Custom Fields (JSON)');
				if (custom && Object.keys(custom).length > 0) body.custom_fields = custom;
				return body;
			},
			run: async (session, body) => {
				// https://api.thulium.com/docs/api/tickets/post_tickets
				const answer = await thuliumRequest(this, account, session, {
					method: 'POST',
					path: '/tickets',
					body,
					idempotent: false,
					unclearOutcome: 'the ticket may have been created',
				});
				return objectOf(answer);
			},
		},
		account.pace,
	);
}
