import type { IExecuteFunctions } from 'n8n-workflow';

import { parameterError } from '../../shared/errors';

/** Tencent's time fields are Unix seconds in a uint32. */
const MAX_UNIX_SECONDS = 0xffffffff;

/** A date parameter (ISO text, Date, Luxon DateTime or milliseconds) as Unix seconds; undefined when empty. */
export function unixSeconds(ctx: IExecuteFunctions, i: number, value: unknown, label: string): number | undefined {
	if (value === undefined || value === null || value === '') return undefined;
	let ms: number;
	if (typeof value === 'number') ms = value;
	else if (typeof value === 'string') ms = Date.parse(value);
	else if (value instanceof Date) ms = value.getTime();
	else if (value && typeof value === 'object' && typeof (value as { toMillis?: unknown }).toMillis === 'function') {
		// A Luxon DateTime, as expressions such as {{ $now }} give it.
		ms = Number((value as { toMillis(): unknown }).toMillis());
	} else ms = NaN;
	if (!Number.isFinite(ms)) {
		throw parameterError(ctx.getNode(), i, `${label} is not a date`, `Pick a date and time for "${label}", or use an ISO date such as 2026-01-31T12:00:00Z.`);
	}
	const seconds = Math.floor(ms / 1000);
	if (seconds < 0 || seconds > MAX_UNIX_SECONDS) {
		throw parameterError(ctx.getNode(), i, `${label} is out of range`, `Use a date between 1970 and 2106; Tencent stores times as Unix seconds.`);
	}
	return seconds;
}
