import type { IBinaryData, IDataObject, IExecuteFunctions, INode, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { NodeApiError, updateDisplayOptions } from 'n8n-workflow';
import { DateTime } from 'luxon';

import { apiError, parameterError } from '../../../shared/errors';
import { describeNetworkError } from '../../../shared/http';
import { optionsCollection } from '../../../shared/paceOptions';
import { textParameter, toBoolean, toChoice } from '../../../shared/parameters';
import { runOverItems } from '../../../shared/runItems';
import { path } from '../../../shared/url';
import { easemobAccount, easemobRequest } from '../../transport';
import { EASEMOB_HISTORY_PACE } from '../../transport/limits';

const CLOCKS = ['auto', 'beijing', 'utc'] as const;

const properties: INodeProperties[] = [
	{
		displayName: 'Hour',
		name: 'hour',
		type: 'dateTime',
		default: '',
		required: true,
		placeholder: 'e.g. 2026-12-06T17:00:00',
		description:
			"The hour whose messages to export (minutes are ignored): a date and time, or the hour as yyyyMMddHH in the data centre's clock (e.g. 2026120617). Easemob keeps the last 3 days and may take up to 24 hours to prepare an hour.",
	},
	{
		displayName: 'Download File',
		name: 'download',
		type: 'boolean',
		default: false,
		description:
			'Whether to download the export (a .gz file, one JSON message per line) as binary data. Unpack it with the Compression node. Otherwise only the signed link is returned; it expires after a while.',
	},
	{
		displayName: 'Put Output File in Field',
		name: 'binaryPropertyName',
		type: 'string',
		default: 'data',
		required: true,
		description: 'The name of the binary field to put the downloaded file in',
		displayOptions: { show: { download: [true] } },
	},
	optionsCollection(EASEMOB_HISTORY_PACE, [
		{
			displayName: "Data Centre's Clock",
			name: 'clock',
			type: 'options',
			default: 'auto',
			description: 'How Easemob reads the hour: China data centres in Beijing time, the others in UTC',
			options: [
				{ name: 'By REST API Host', value: 'auto', description: 'Beijing time for a1/a31.easemob.com and a1/a31.easecdn.com, UTC otherwise' },
				{ name: 'Beijing Time (China Data Centres)', value: 'beijing' },
				{ name: 'UTC (Data Centres Outside China)', value: 'utc' },
			],
		},
	]),
];

export const description = updateDisplayOptions({ show: { resource: ['message'], operation: ['getHistory'] } }, properties);

/** The China data centres' hosts (overview.html#请求-url); their history hours are Beijing time (message_historical.html). */
const CHINA_HOST = /^https?:\/\/a(1|31)\.(easemob|easecdn)\.com(:\d+)?$/i;

const HOUR_FORMAT = 'yyyyMMddHH';

/**
 * The export hour as Easemob reads it: yyyyMMddHH in the data centre's clock. A date and time is
 * taken in the workflow's timezone unless it names its own, then converted to that clock.
 */
export function exportHour(node: INode, itemIndex: number, value: unknown, clockZone: string, workflowZone: string): string {
	const howToFix = 'Enter a date and time such as 2026-12-06T17:00:00, the hour as yyyyMMddHH (e.g. 2026120617), or an expression such as {{ $now.minus({ hours: 2 }) }}.';
	let moment: DateTime | undefined;
	if (DateTime.isDateTime(value)) moment = value;
	else if (value instanceof Date) moment = DateTime.fromJSDate(value);
	else if (typeof value === 'string' || typeof value === 'number') {
		const text = String(value).trim();
		if (text === '') throw parameterError(node, itemIndex, 'Hour is empty', howToFix);
		if (/^\d{10}$/.test(text)) {
			// Luxon reads hour 24 as the next day's 0: only a value that reads back the same is a real hour.
			if (DateTime.fromFormat(text, HOUR_FORMAT, { zone: 'utc' }).toFormat(HOUR_FORMAT) !== text) throw parameterError(node, itemIndex, `Hour "${text}" is not a real date and hour`, howToFix);
			return text;
		}
		moment = DateTime.fromISO(text.replace(' ', 'T'), { zone: workflowZone });
		if (!moment.isValid) throw parameterError(node, itemIndex, `Hour "${text.slice(0, 50)}" is not a date`, howToFix);
	} else {
		const kind = value === null || value === undefined ? 'empty' : Array.isArray(value) ? 'a list' : `a ${typeof value}`;
		throw parameterError(node, itemIndex, kind === 'empty' ? 'Hour is empty' : `Hour must be a date, but it is ${kind}`, howToFix);
	}
	if (!moment.isValid) throw parameterError(node, itemIndex, 'Hour is not a valid date', howToFix);
	return moment.setZone(clockZone).toFormat(HOUR_FORMAT);
}

interface HistoryPlan {
	hour: string;
	binaryField?: string;
}

/** 404 storage_object_not_found: Easemob has no file for this hour (message_historical.html 错误码). */
function noFileForHour(error: unknown): boolean {
	const answer = error instanceof NodeApiError ? (error as { errorResponse?: IDataObject }).errorResponse : undefined;
	return error instanceof NodeApiError && error.httpCode === '404' && answer?.error === 'storage_object_not_found';
}

/** When the signed link stops working: its `Expires` (Unix seconds, message_historical.html). */
function linkExpiry(url: string): string | undefined {
	const match = /[?&]Expires=(\d+)/.exec(url);
	return match ? new Date(Number(match[1]) * 1000).toISOString() : undefined;
}

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const account = await easemobAccount(this, EASEMOB_HISTORY_PACE, 'chatmessages');
	const node = this.getNode();
	const workflowZone = this.getTimezone();
	const files = new Map<number, { field: string; data: IBinaryData }>();
	const output = await runOverItems<HistoryPlan>(
		this,
		{
			prepare: (i) => {
				const options = this.getNodeParameter('options', i, {}) as IDataObject;
				const clock = toChoice(node, i, options.clock ?? 'auto', "Data Centre's Clock", CLOCKS);
				const beijing = clock === 'beijing' || (clock === 'auto' && CHINA_HOST.test(account.app.baseUrl));
				const hour = exportHour(node, i, this.getNodeParameter('hour', i, ''), beijing ? 'Asia/Shanghai' : 'UTC', workflowZone);
				const download = toBoolean(node, i, this.getNodeParameter('download', i, false), 'Download File');
				return download ? { hour, binaryField: textParameter(this, 'binaryPropertyName', i, 'Put Output File in Field', { required: true, maxLength: 200 }) } : { hour };
			},
			run: async (session, { hour, binaryField }) => {
				// https://doc.easemob.com/document/server-side/message_historical.html: GET /chatmessages/{time}
				// → data[0].url, a signed link to the hour's .gz file; 10 calls a minute per app. The
				// transport's errors are NodeApiErrors already; one of them is an answer, not a failure.
				const answer = await easemobRequest(this, account, session, { method: 'GET', path: path`/chatmessages/${hour}`, kind: 'read' }).then(
					(body) => ({ body }),
					(error: unknown) => {
						if (noFileForHour(error)) return { noFile: (error as { errorResponse?: IDataObject }).errorResponse ?? {} };
						throw error;
					},
				);
				if ('noFile' in answer) return { hour, found: false, url: null, reason: answer.noFile.error_description ?? null };
				const { body } = answer;
				const [first] = Array.isArray(body.data) ? (body.data as IDataObject[]) : [];
				const url = typeof first?.url === 'string' ? first.url : undefined;
				if (!url) throw apiError(node, session.itemIndex, { message: `Easemob gave no download link for hour ${hour}`, hint: 'Try again later: Easemob may still be preparing this hour.' });
				const result: IDataObject = { hour, found: true, url, linkExpiresAt: linkExpiry(url) ?? null };
				if (binaryField !== undefined) {
					files.set(session.itemIndex, { field: binaryField, data: await downloadExport(this, node, session.itemIndex, url, hour) });
				}
				return result;
			},
		},
		account.pace,
	);
	for (const item of output[0]) {
		const paired = item.pairedItem as { item: number } | undefined;
		const file = paired && !item.error ? files.get(paired.item) : undefined;
		if (file) item.binary = { ...item.binary, [file.field]: file.data };
	}
	return output;
}

/** Fetches the export file from its signed link (cloud storage: no Easemob token). */
async function downloadExport(ctx: IExecuteFunctions, node: INode, itemIndex: number, url: string, hour: string): Promise<IBinaryData> {
	const hint = 'The link works for a limited time: run the node again for a new one.';
	let response: { statusCode: number; body: unknown };
	try {
		response = (await ctx.helpers.httpRequest({ method: 'GET', url, encoding: 'arraybuffer', returnFullResponse: true, ignoreHttpStatusErrors: true, timeout: 300_000 })) as { statusCode: number; body: unknown };
	} catch (error) {
		throw apiError(node, itemIndex, { message: `The history file of hour ${hour} could not be downloaded: ${describeNetworkError(error).message}`, hint });
	}
	if (response.statusCode < 200 || response.statusCode >= 300) {
		throw apiError(node, itemIndex, { message: `The history file of hour ${hour} could not be downloaded (HTTP ${response.statusCode})`, hint, httpCode: response.statusCode });
	}
	const bytes = Buffer.isBuffer(response.body) ? response.body : Buffer.from(response.body as ArrayBuffer);
	return await ctx.helpers.prepareBinaryData(bytes, `easemob-history-${hour}.gz`, 'application/gzip');
}
