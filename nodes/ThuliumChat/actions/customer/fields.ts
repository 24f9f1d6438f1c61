import type { IDataObject, INode, INodeProperties } from 'n8n-workflow';

import { parameterError } from '../../../shared/errors';
import { toBoolean, toInteger, toJsonObject, toText } from '../../../shared/parameters';

/** The customer ID field of Get and Update. */
export const customerIdField: INodeProperties = {
	displayName: 'Customer ID',
	name: 'customerId',
	type: 'string',
	default: '',
	required: true,
	placeholder: 'e.g. 273',
	description: "The customer's ID in Thulium CRM (a whole number), as returned by Search or Create and sent in chat webhooks as customer_id",
};

export function readCustomerId(node: INode, itemIndex: number, value: unknown): number {
	return toInteger(node, itemIndex, value, 'Customer ID', { required: true, min: 1 })!;
}

/** The include_* switches of GET customers and GET customers/:id (https://api.thulium.com/docs/api/crm/get_customers_id). */
export const includeOptions: INodeProperties[] = [
	{ displayName: 'Include Address', name: 'includeAddress', type: 'boolean', default: false, description: "Whether to return the customer's address" },
	{ displayName: 'Include Custom Fields', name: 'includeCustomFields', type: 'boolean', default: false, description: "Whether to return the customer's custom fields (custom_fields, by field name)" },
	{ displayName: 'Include Invoice Address', name: 'includeInvoiceAddress', type: 'boolean', default: false, description: 'Whether to return the invoice address' },
	{ displayName: 'Include Mail Drop Address', name: 'includeMailDropAddress', type: 'boolean', default: false, description: 'Whether to return the correspondence address' },
];

export function readIncludes(node: INode, itemIndex: number, options: IDataObject): IDataObject {
	const qs: IDataObject = {};
	for (const [option, key, label] of [
		['includeCustomFields', 'include_custom_fields', 'Include Custom Fields'],
		['includeAddress', 'include_address', 'Include Address'],
		['includeInvoiceAddress', 'include_invoice_address', 'Include Invoice Address'],
		['includeMailDropAddress', 'include_mail_drop_address', 'Include Mail Drop Address'],
	] as const) {
		if (toBoolean(node, itemIndex, options[option], label)) qs[key] = 'true';
	}
	return qs;
}

/**
 * The customer fields of POST customers (https://api.thulium.com/docs/api/crm/post_customers) and
 * PUT batch/customers (https://api.thulium.com/docs/api/crm_batch/put_batch_customers), both
 * optional there but for the last name on create.
 */
export function customerFieldOptions(withLastName: boolean): INodeProperties[] {
	const fields: INodeProperties[] = [
		{ displayName: 'Account Manager', name: 'accountManager', type: 'string', default: '', placeholder: 'e.g. jkowalski', description: "Login of the agent who looks after the customer" },
		{ displayName: 'Company ID', name: 'companyId', type: 'string', default: '', placeholder: 'e.g. 456', description: 'ID of the CRM company the customer belongs to (a whole number)' },
		{
			displayName: 'Custom Fields (JSON)',
			name: 'customFields',
			type: 'json',
			default: '{}',
			description: 'Values of custom fields by field name, e.g. {"Country": "POLAND"}. The fields must exist in Thulium.',
		},
		{ displayName: 'E-Mail', name: 'email', type: 'string', default: '', placeholder: 'e.g. jan.kowalski@example.org', description: "The customer's e-mail address" },
		{ displayName: 'First Name', name: 'name', type: 'string', default: '', placeholder: 'e.g. Jan', description: "The customer's first name" },
		{ displayName: 'Group', name: 'group', type: 'string', default: '', description: 'Name of a customer group defined in Thulium' },
		{ displayName: 'Identifier', name: 'identifier', type: 'string', default: '', placeholder: 'e.g. 3434558', description: 'Your own identifier for the customer, searchable with Search' },
		{ displayName: 'Note', name: 'note', type: 'string', typeOptions: { rows: 3 }, default: '', description: 'A note on the customer' },
		{ displayName: 'Phone Number', name: 'phoneNumber', type: 'string', default: '', placeholder: 'e.g. 555666777', description: "The customer's phone number" },
		{ displayName: 'Type', name: 'type', type: 'string', default: '', description: 'Name of a customer type defined in Thulium' },
		{ displayName: 'VIP', name: 'vip', type: 'boolean', default: false, description: 'Whether the customer is a VIP' },
	];
	if (withLastName) {
		fields.splice(7, 0, { displayName: 'Last Name', name: 'surname', type: 'string', default: '', placeholder: 'e.g. Kowalski', description: "The customer's last name" });
	}
	return fields;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const TEXT_FIELDS: Array<[string, string, string, number]> = [
	['name', 'First Name', 'name', 255],
	['surname', 'Last Name', 'surname', 255],
	['email', 'E-Mail', 'email', 255],
	['phoneNumber', 'Phone Number', 'phone_number', 50],
	['identifier', 'Identifier', 'identifier', 255],
	['type', 'Type', 'type', 255],
	['group', 'Group', 'group', 255],
	['accountManager', 'Account Manager', 'account_manager', 100],
];

/** Reads the customer fields of a collection into Thulium's body fields. */
export function readCustomerFields(node: INode, itemIndex: number, fields: IDataObject): IDataObject {
	const body: IDataObject = {};
	for (const [name, label, key, maxLength] of TEXT_FIELDS) {
		const value = toText(node, itemIndex, fields[name], label, { maxLength });
		if (value !== '') body[key] = value;
	}
	const note = toText(node, itemIndex, fields.note, 'Note', { maxLength: 10_000, multiline: true });
	if (note !== '') body.note = note;
	if (body.email !== undefined && !EMAIL.test(String(body.email))) {
		throw parameterError(node, itemIndex, `E-Mail "${String(body.email).slice(0, 80)}" is not an e-mail address`, 'Enter an address like jan.kowalski@example.org, or remove the field.');
	}
	const companyId = toInteger(node, itemIndex, fields.companyId, 'Company ID', { min: 1 });
	if (companyId !== undefined) body.company_id = companyId;
	if (fields.vip !== undefined) body.vip = toBoolean(node, itemIndex, fields.vip, 'VIP');
	const custom = toJsonObject(node, itemIndex, fields.customFields, 'Custom Fields (JSON)');
	if (custom && Object.keys(custom).length > 0) body.custom_fields = custom;
	return body;
}
