import type { IDataObject, IExecuteFunctions, INode } from 'n8n-workflow';

import { parameterError } from './errors';

export interface TextRules {
	required?: boolean;
	/** Longest accepted value, in characters. */
	maxLength?: number;
	/** Allow line breaks and tabs (message text); ids and names never contain control characters. */
	multiline?: boolean;
	/**
	 * The value becomes a URL path segment. "." and ".." are refused: URL parsers resolve them (even
	 * percent-encoded) as "this folder" and "parent folder", so no encoding can keep them in place.
	 */
	pathSegment?: boolean;
}

// eslint-disable-next-line no-control-regex
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f]/;
// eslint-disable-next-line no-control-regex
const CONTROL_EXCEPT_WHITESPACE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;
/** Half of a UTF-16 surrogate pair without its other half: not a character, cannot be sent as UTF-8. */
const UNPAIRED_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/**
 * Turns a parameter value into trimmed text, or explains why it can't be used. Expressions can
 * produce numbers (fine: "42"), null/undefined (treated as empty) and objects (refused).
 */
export function toText(node: INode, itemIndex: number, value: unknown, label: string, rules: TextRules = {}): string {
	let text: string;
	if (value === null || value === undefined) text = '';
	else if (typeof value === 'string') text = value.trim();
	else if (typeof value === 'number' && Number.isFinite(value)) text = String(value);
	else if (typeof value === 'bigint') text = value.toString();
	else {
		const kind = Array.isArray(value) ? 'a list' : typeof value === 'object' ? 'an object' : `a ${typeof value}`;
		throw parameterError(
			node,
			itemIndex,
			`${label} must be text, but it is ${kind}`,
			`Check the expression in "${label}": it should give a single value such as "user-1", not ${kind}.`,
		);
	}
	if (rules.required && text === '') {
		throw parameterError(node, itemIndex, `${label} is empty`, `Enter a value for "${label}", or check that the expression returns one for this item.`);
	}
	if ((rules.multiline ? CONTROL_EXCEPT_WHITESPACE : CONTROL_CHARACTERS).test(text)) {
		throw parameterError(node, itemIndex, `${label} contains control characters`, `Remove invisible characters (such as line breaks or NUL) from "${label}".`);
	}
	if (UNPAIRED_SURROGATE.test(text)) {
		// JSON keeps it as an escape the provider may mangle; URL encoders throw or combine it with the
		// next character. Either way the provider would not get what the item holds.
		throw parameterError(node, itemIndex, `${label} contains a broken character (half of a UTF-16 surrogate pair)`, `Check the data behind "${label}": it holds an invalid character, often from text cut in the middle of an emoji.`);
	}
	if (rules.pathSegment && (text === '.' || text === '..')) {
		throw parameterError(node, itemIndex, `${label} "${text}" is not a valid ID`, `"${label}" must be a real ID; "." and ".." are never IDs.`);
	}
	if (rules.maxLength !== undefined && text.length > rules.maxLength) {
		throw parameterError(node, itemIndex, `${label} is too long (${text.length} characters; the limit is ${rules.maxLength})`, `Shorten "${label}".`);
	}
	return text;
}

export function textParameter(
	ctx: IExecuteFunctions,
	name: string,
	itemIndex: number,
	label: string,
	rules: TextRules = {},
): string {
	return toText(ctx.getNode(), itemIndex, ctx.getNodeParameter(name, itemIndex, ''), label, rules);
}

/** Whole numbers, also when an expression gives them as text ("3"). */
export function toInteger(
	node: INode,
	itemIndex: number,
	value: unknown,
	label: string,
	rules: { min?: number; max?: number; required?: boolean } = {},
): number | undefined {
	const text = typeof value === 'number' ? String(value) : toText(node, itemIndex, value, label);
	if (text === '') {
		if (rules.required) throw parameterError(node, itemIndex, `${label} is empty`, `Enter a whole number for "${label}".`);
		return undefined;
	}
	if (!/^-?\d+$/.test(text)) {
		throw parameterError(node, itemIndex, `${label} must be a whole number, not "${text.slice(0, 50)}"`, `Enter digits only for "${label}", e.g. 3.`);
	}
	const number = Number(text);
	if ((rules.min !== undefined && number < rules.min) || (rules.max !== undefined && number > rules.max) || !Number.isSafeInteger(number)) {
		const range = [rules.min !== undefined ? `at least ${rules.min}` : '', rules.max !== undefined ? `at most ${rules.max}` : ''].filter(Boolean).join(' and ');
		throw parameterError(node, itemIndex, `${label} is out of range (${text})`, `"${label}" must be ${range || 'a safe integer'}.`);
	}
	return number;
}

/** Booleans, also "true"/"false" text from expressions. */
export function toBoolean(node: INode, itemIndex: number, value: unknown, label: string): boolean {
	if (typeof value === 'boolean') return value;
	if (value === null || value === undefined || value === '') return false;
	if (typeof value === 'string' && /^(true|false)$/i.test(value.trim())) return value.trim().toLowerCase() === 'true';
	throw parameterError(node, itemIndex, `${label} must be true or false`, `Set "${label}" with the toggle or an expression that gives true or false.`);
}

/** One of a fixed set of values (options parameters can still be set by expressions). */
export function toChoice<T extends string>(
	node: INode,
	itemIndex: number,
	value: unknown,
	label: string,
	choices: readonly T[],
): T {
	const text = toText(node, itemIndex, value, label, { required: true });
	const match = choices.find((choice) => choice === text);
	if (!match) {
		throw parameterError(node, itemIndex, `${label} "${text.slice(0, 50)}" is not supported`, `Use one of: ${choices.join(', ')}.`);
	}
	return match;
}

/**
 * A list of ids from a comma/newline separated text or an array (from an expression).
 * Empty entries are dropped; duplicates are kept out so nobody gets the same message twice.
 */
export function toIdList(
	node: INode,
	itemIndex: number,
	value: unknown,
	label: string,
	rules: { required?: boolean; maxLength?: number } = {},
): string[] {
	const raw: unknown[] = Array.isArray(value)
		? value
		: typeof value === 'string'
			? value.split(/[,\n]/)
			: value === null || value === undefined
				? []
				: [value];
	const ids: string[] = [];
	const seen = new Set<string>();
	raw.forEach((entry, position) => {
		const id = toText(node, itemIndex, entry, `${label} (entry ${position + 1})`, { maxLength: rules.maxLength });
		if (id !== '' && !seen.has(id)) {
			seen.add(id);
			ids.push(id);
		}
	});
	if (rules.required && ids.length === 0) {
		throw parameterError(node, itemIndex, `${label} is empty`, `Enter one or more IDs separated by commas, or an expression that gives a list.`);
	}
	return ids;
}

/** Parses a JSON object parameter (e.g. custom data); objects from expressions are taken as they are. */
export function toJsonObject(node: INode, itemIndex: number, value: unknown, label: string): IDataObject | undefined {
	if (value === null || value === undefined || (typeof value === 'string' && value.trim() === '')) return undefined;
	let parsed: unknown = value;
	if (typeof value === 'string') {
		try {
			parsed = JSON.parse(value);
		} catch {
			throw parameterError(node, itemIndex, `${label} is not valid JSON`, `Enter a JSON object such as {"key": "value"}.`);
		}
	}
	if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
		throw parameterError(node, itemIndex, `${label} must be a JSON object`, `Enter a JSON object such as {"key": "value"}, not a list or a single value.`);
	}
	return parsed as IDataObject;
}
