import type { INode } from 'n8n-workflow';
import { DateTime } from 'luxon';

import { parameterError } from '../../shared/errors';

/**
 * Thulium's date parameters carry no timezone: `YYYY-MM-DD`, `YYYY-MM-DD HH:mm` (chat filters) or
 * `YYYY-MM-DD HH:mm:ss` (reports). Users pass ISO strings, these formats, or Luxon DateTimes
 * from expressions such as {{ $now.minus({ days: 1 }) }}.
 */
export type ThuliumDatePrecision = 'minute' | 'second';

const THULIUM_FORMAT = /^(\d{4}-\d{2}-\d{2})(?:[ T](\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,6})?)?)?$/;

function format(moment: DateTime, dateOnly: boolean, precision: ThuliumDatePrecision): string {
	if (dateOnly) return moment.toFormat('yyyy-MM-dd');
	return moment.toFormat(precision === 'second' ? 'yyyy-MM-dd HH:mm:ss' : 'yyyy-MM-dd HH:mm');
}

/**
 * Turns a date parameter into the text Thulium expects. A value that names a timezone (an ISO
 * string with an offset or Z, a DateTime, a Date) is converted to `timezone` first (the
 * workflow's timezone), because Thulium reads dates as its own local time. A value without a
 * timezone is sent as written. Date-only input stays date-only.
 */
export function toThuliumDate(
	node: INode,
	itemIndex: number,
	value: unknown,
	label: string,
	options: { precision: ThuliumDatePrecision; timezone: string; required?: boolean },
): string | undefined {
	const { precision, timezone } = options;
	const howToFix = `Enter a date like 2024-12-19 or 2024-12-19 13:45${precision === 'second' ? ':00' : ''}, an ISO date such as 2024-12-19T13:45:00Z, or an expression such as {{ $now.minus({ days: 1 }) }}.`;
	if (value === null || value === undefined || (typeof value === 'string' && value.trim() === '')) {
		if (options.required) throw parameterError(node, itemIndex, `${label} is empty`, howToFix);
		return undefined;
	}
	let moment: DateTime | undefined;
	if (DateTime.isDateTime(value)) moment = value;
	else if (value instanceof Date) moment = DateTime.fromJSDate(value);
	else if (typeof value === 'string') {
		const text = value.trim();
		const plain = THULIUM_FORMAT.exec(text);
		if (plain) {
			const parsed = DateTime.fromISO(text.replace(' ', 'T'), { zone: 'utc' });
			if (parsed.isValid) return format(parsed, plain[2] === undefined, precision);
		} else {
			const parsed = DateTime.fromISO(text, { setZone: true });
			if (parsed.isValid) moment = parsed;
		}
		if (!moment) {
			throw parameterError(node, itemIndex, `${label} "${text.slice(0, 50)}" is not a date`, howToFix);
		}
	} else {
		throw parameterError(node, itemIndex, `${label} must be a date, but it is a ${typeof value}`, howToFix);
	}
	if (!moment.isValid) throw parameterError(node, itemIndex, `${label} is not a valid date`, howToFix);
	return format(moment.setZone(timezone), false, precision);
}
