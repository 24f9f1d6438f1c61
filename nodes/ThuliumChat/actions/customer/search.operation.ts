import type { IDataObject, IExecuteFunctions, INode, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { parameterError } from '../../../shared/errors';
import { returnAllFields } from '../../../shared/listFields';
import { optionsCollection } from '../../../shared/paceOptions';
import { toBoolean, toInteger, toJsonObject, toText } from '../../../shared/parameters';
import { runOverItems } from '../../../shared/runItems';
import { THULIUM_PACE, thuliumAccount, thuliumRequest } from '../../transport';
import { fetchPages, THULIUM_CUSTOMER_PAGE_SIZE } from '../../transport/paging';
import { includeOptions, readIncludes } from './fields';
import { readListMax } from '../fields';

const properties: INodeProperties[] = [
	...returnAllFields(),
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		description: 'Customers must match every filter given. Without filters, all customers are listed.',
		options: [
			{ displayName: 'Company ID', name: 'companyId', type: 'string', default: '', placeholder: 'e.g. 456', description: 'Only customers of this CRM company (a whole number)' },
			{
				displayName: 'Custom Fields (JSON)',
				name: 'customFields',
				type: 'json',
				default: '{}',
				description: 'Match custom field values by field name; a list gives alternatives, e.g. {"Country": ["POLAND", "NORWAY"], "City": "Kraków"}',
			},
			{ displayName: 'E-Mail', name: 'email', type: 'string', default: '', placeholder: 'e.g. jan.kowalski@example.org', description: 'Only customers with this e-mail address' },
			{ displayName: 'Group', name: 'group', type: 'string', default: '', description: 'Only customers of this group (its name in Thulium)' },
			{ displayName: 'Identifier', name: 'identifier', type: 'string', default: '', placeholder: 'e.g. 3434558', description: 'Only customers with this identifier (your own ID for the customer)' },
			{
				displayName: 'Is Company',
				name: 'companyFlag',
				type: 'boolean',
				default: true,
				description: 'Whether to list only companies (on) or only people (off)',
			},
			{ displayName: 'NIP', name: 'nip', type: 'string', default: '', placeholder: 'e.g. 6783144527', description: 'Only customers with this Polish tax number (NIP)' },
			{ displayName: 'Phone Number', name: 'phoneNumber', type: 'string', default: '', placeholder: 'e.g. 555666777', description: 'Only customers with this phone number' },
			{ displayName: 'Type', name: 'type', type: 'string', default: '', description: 'Only customers of this type (its name in Thulium)' },
		],
	},
	optionsCollection(THULIUM_PACE, [
		...includeOptions,
		{
			displayName: 'Sort By',
			name: 'order',
			type: 'string',
			default: '',
			placeholder: 'e.g. -customer_id',
			description: 'Comma-separated fields to sort by; a leading "-" sorts that field descending',
		},
	]),
];

export const description = updateDisplayOptions({ show: { resource: ['customer'], operation: ['search'] } }, properties);

const FILTERS: Array<[string, string, string, number]> = [
	['identifier', 'Identifier', 'identifier', 255],
	['email', 'E-Mail', 'email', 255],
	['phoneNumber', 'Phone Number', 'phone_number', 50],
	['nip', 'NIP', 'nip', 20],
	['type', 'Type', 'type', 255],
	['group', 'Group', 'group', 255],
];

interface SearchPlan {
	qs: IDataObject;
	max?: number;
}

/**
 * custom_fields[Name]=value and custom_fields[Name][0]=a&custom_fields[Name][1]=b, as the page's
 * example shows (https://api.thulium.com/docs/api/crm/get_customers).
 */
function customFieldQuery(node: INode, itemIndex: number, custom: IDataObject, qs: IDataObject): void {
	for (const [name, value] of Object.entries(custom)) {
		const key = toText(node, itemIndex, name, 'Custom Fields (JSON) field name', { required: true, maxLength: 255 });
		const values = Array.isArray(value) ? value : [value];
		if (values.length === 0) throw parameterError(node, itemIndex, `Custom Fields (JSON) "${key}" has an empty list`, 'Give at least one value, or remove the field.');
		values.forEach((entry, position) => {
			const text = toText(node, itemIndex, entry, `Custom Fields (JSON) "${key}"`, { maxLength: 1000 });
			qs[Array.isArray(value) ? `custom_fields[${key}][${position}]` : `custom_fields[${key}]`] = text;
		});
	}
}

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const account = await thuliumAccount(this);
	const node = this.getNode();
	return await runOverItems<SearchPlan>(
		this,
		{
			prepare: (i) => {
				const max = readListMax(this, i);
				const filters = this.getNodeParameter('filters', i, {}) as IDataObject;
				const options = this.getNodeParameter('options', i, {}) as IDataObject;
				const qs: IDataObject = {};
				for (const [name, label, key, maxLength] of FILTERS) {
					const value = toText(node, i, filters[name], label, { maxLength });
					if (value !== '') qs[key] = value;
				}
				const companyId = toInteger(node, i, filters.companyId, 'Company ID', { min: 1 });
				if (companyId !== undefined) qs.company_id = companyId;
				if (filters.companyFlag !== undefined) qs.company_flag = toBoolean(node, i, filters.companyFlag, 'Is Company') ? 'true' : 'false';
				const custom = toJsonObject(node, i, filters.customFields, 'Custom Fields (JSON)');
				if (custom) customFieldQuery(node, i, custom, qs);
				Object.assign(qs, readIncludes(node, i, options));
				const order = toText(node, i, options.order, 'Sort By', { maxLength: 255 }).replace(/\s+/g, '');
				if (order !== '') {
					if (!/^-?[A-Za-z_]+(,-?[A-Za-z_]+)*$/.test(order)) {
						throw parameterError(node, i, `Sort By "${order.slice(0, 80)}" is not a list of field names`, 'Use field names separated by commas, e.g. surname,-customer_id.');
					}
					qs.order = order;
				}
				return { qs, max };
			},
			run: async (session, { qs, max }) =>
				await fetchPages(
					max,
					async (limit, offset) =>
						// https://api.thulium.com/docs/api/crm/get_customers (limit at most 1000, offset)
						await thuliumRequest(this, account, session, { method: 'GET', path: '/customers', qs: { ...qs, limit, offset }, idempotent: true }),
					THULIUM_CUSTOMER_PAGE_SIZE,
				),
		},
		account.pace,
	);
}
