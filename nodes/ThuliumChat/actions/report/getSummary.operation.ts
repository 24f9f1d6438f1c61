import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { returnAllFields } from '../../../shared/listFields';
import { parameterError } from '../../../shared/errors';
import { optionsCollection } from '../../../shared/paceOptions';
import { toBoolean, toChoice, toIdList, toInteger } from '../../../shared/parameters';
import { runOverItems } from '../../../shared/runItems';
import { THULIUM_PACE, thuliumAccount, thuliumRequest } from '../../transport';
import { toThuliumDate } from '../../transport/dates';
import { fetchPages } from '../../transport/paging';
import { readListMax } from '../fields';

const show = { resource: ['report'], operation: ['getSummary'] };

const AGGREGATIONS = ['hour_of_day', 'minute', 'hour', 'day', 'week', 'month', 'year'] as const;

const properties: INodeProperties[] = [
	{
		displayName: 'From',
		name: 'dateFrom',
		type: 'dateTime',
		default: '',
		required: true,
		description: 'Start of the period, in the time of the Thulium system',
	},
	{
		displayName: 'To',
		name: 'dateTo',
		type: 'dateTime',
		default: '',
		required: true,
		description: 'End of the period, in the time of the Thulium system',
	},
	...returnAllFields(),
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: [
			{
				displayName: 'Aggregate By',
				name: 'aggregateBy',
				type: 'options',
				default: 'month',
				description: 'The period each row covers',
				options: [
					{ name: 'Day', value: 'day' },
					{ name: 'Hour', value: 'hour' },
					{ name: 'Hour of Day', value: 'hour_of_day', description: 'One row per hour of the day over the whole period' },
					{ name: 'Minute', value: 'minute' },
					{ name: 'Month', value: 'month' },
					{ name: 'Week', value: 'week' },
					{ name: 'Year', value: 'year' },
				],
			},
			{
				displayName: 'Chat Queue IDs',
				name: 'chatQueueIds',
				type: 'string',
				default: '',
				placeholder: 'e.g. 1, 3',
				description: 'Only chats of these queues. Separate IDs with commas.',
			},
			{
				displayName: 'Response Threshold (Seconds)',
				name: 'responseThreshold',
				type: 'number',
				typeOptions: { minValue: 1, numberPrecision: 0 },
				default: 20,
				description: 'A chat answered within this many seconds counts toward the service level',
			},
			{
				displayName: 'Sum Users',
				name: 'sumUsers',
				type: 'boolean',
				default: false,
				description: 'Whether to add up all agents into one row per period instead of one row per agent',
			},
			{
				displayName: 'User Logins',
				name: 'userLogins',
				type: 'string',
				default: '',
				placeholder: 'e.g. jkowalski, anowak',
				description: 'Only these agents. Separate logins with commas.',
			},
		],
	},
	optionsCollection(THULIUM_PACE),
];

export const description = updateDisplayOptions({ show }, properties);

interface ReportQuery {
	qs: IDataObject;
	max?: number;
}

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const account = await thuliumAccount(this);
	const node = this.getNode();
	const timezone = this.getTimezone();
	return await runOverItems<ReportQuery>(
		this,
		{
			prepare: (i) => {
				const dateFrom = toThuliumDate(node, i, this.getNodeParameter('dateFrom', i, ''), 'From', { precision: 'second', timezone, required: true })!;
				const dateTo = toThuliumDate(node, i, this.getNodeParameter('dateTo', i, ''), 'To', { precision: 'second', timezone, required: true })!;
				if (dateFrom > dateTo) throw parameterError(node, i, `From (${dateFrom}) is later than To (${dateTo})`, 'Swap the two dates or correct one of them.');
				const max = readListMax(this, i);
				const fields = this.getNodeParameter('additionalFields', i, {}) as IDataObject;
				const qs: IDataObject = { date_from: dateFrom, date_to: dateTo };
				const logins = toIdList(node, i, fields.userLogins, 'User Logins', { maxLength: 100 });
				if (logins.length > 0) qs.user_logins = logins;
				const queueIds = toIdList(node, i, fields.chatQueueIds, 'Chat Queue IDs', { maxLength: 20 }).map((id) =>
					toInteger(node, i, id, 'Chat Queue IDs', { min: 1 })!,
				);
				if (queueIds.length > 0) qs.chat_queue_ids = queueIds;
				if (fields.aggregateBy !== undefined) qs.aggregate_by = toChoice(node, i, fields.aggregateBy, 'Aggregate By', AGGREGATIONS);
				const threshold = toInteger(node, i, fields.responseThreshold, 'Response Threshold (Seconds)', { min: 1 });
				if (threshold !== undefined) qs.response_threshold = threshold;
				if (fields.sumUsers !== undefined) qs.sum_users = toBoolean(node, i, fields.sumUsers, 'Sum Users') ? 'true' : 'false';
				return { qs, max };
			},
			run: async (session, { qs, max }) =>
				// The report is a bare array; arrays go out as user_logins[]=…&chat_queue_ids[]=… (see transport).
				await fetchPages(max, async (limit, offset) =>
					await thuliumRequest(this, account, session, {
						method: 'GET',
						path: '/chats/reports/summary',
						qs: { ...qs, limit, offset },
						idempotent: true,
					}),
				),
		},
		account.pace,
	);
}
