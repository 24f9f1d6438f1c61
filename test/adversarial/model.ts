// An independent statement of how a parameter value must be read: what is accepted and how it is
// normalised, what is refused. The sweep compares the nodes against it; it does not import them.

export interface TextRules {
	required?: boolean;
	maxLength?: number;
	/** Bytes (UTF-8) instead of characters. */
	maxBytes?: number;
	multiline?: boolean;
	pathSegment?: boolean;
}

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f]/;
// eslint-disable-next-line no-control-regex
const CONTROL_EXCEPT_WHITESPACE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

/** True when the text is well-formed UTF-16 (no unpaired surrogate), i.e. it can be sent as UTF-8. */
export function wellFormed(text: string): boolean {
	for (let i = 0; i < text.length; i++) {
		const c = text.charCodeAt(i);
		if (c >= 0xd800 && c <= 0xdbff) {
			const next = text.charCodeAt(i + 1);
			if (!(next >= 0xdc00 && next <= 0xdfff)) return false;
			i++;
		} else if (c >= 0xdc00 && c <= 0xdfff) return false;
	}
	return true;
}

/**
 * Reads parameters in the order a node reads them. The first refusal is what the node must report;
 * `refused` holds every label that would be refused, so the check does not depend on reading order
 * inside one item beyond what the model follows.
 */
export class Reader {
	readonly refused: string[] = [];

	get ok(): boolean {
		return this.refused.length === 0;
	}

	refuse(label: string): undefined {
		this.refused.push(label);
		return undefined;
	}

	/** Text: null/undefined are empty, finite numbers become their decimal text, other types are refused. */
	text(value: unknown, label: string, rules: TextRules = {}): string | undefined {
		let text: string;
		if (value === null || value === undefined) text = '';
		else if (typeof value === 'string') text = value.trim();
		else if (typeof value === 'number' && Number.isFinite(value)) text = String(value);
		else return this.refuse(label);
		if (rules.required && text === '') return this.refuse(label);
		if ((rules.multiline ? CONTROL_EXCEPT_WHITESPACE : CONTROL).test(text)) return this.refuse(label);
		if (!wellFormed(text)) return this.refuse(label);
		if (rules.pathSegment && (text === '.' || text === '..')) return this.refuse(label);
		if (rules.maxLength !== undefined && text.length > rules.maxLength) return this.refuse(label);
		if (rules.maxBytes !== undefined && Buffer.byteLength(text, 'utf8') > rules.maxBytes) return this.refuse(label);
		return text;
	}

	/** Whole numbers, also as text; `null` when absent and not required. */
	integer(value: unknown, label: string, rules: { min?: number; max?: number; required?: boolean } = {}): number | null | undefined {
		const text = typeof value === 'number' ? String(value) : this.text(value, label);
		if (text === undefined) return undefined;
		if (text === '') return rules.required ? this.refuse(label) : null;
		if (!/^-?\d+$/.test(text)) return this.refuse(label);
		const n = Number(text);
		if (!Number.isSafeInteger(n) || (rules.min !== undefined && n < rules.min) || (rules.max !== undefined && n > rules.max)) return this.refuse(label);
		return n;
	}

	boolean(value: unknown, label: string): boolean | undefined {
		if (typeof value === 'boolean') return value;
		if (value === null || value === undefined || value === '') return false;
		if (typeof value === 'string' && /^(true|false)$/i.test(value.trim())) return value.trim().toLowerCase() === 'true';
		return this.refuse(label);
	}

	choice<T extends string>(value: unknown, label: string, choices: readonly T[]): T | undefined {
		const text = this.text(value, label, { required: true });
		if (text === undefined) return undefined;
		return (choices as readonly string[]).includes(text) ? (text as T) : this.refuse(label);
	}

	/** IDs from comma/newline text or a list; empty entries dropped, duplicates removed. */
	idList(value: unknown, label: string, rules: { required?: boolean; maxLength?: number } = {}): string[] | undefined {
		const raw: unknown[] = Array.isArray(value)
			? value
			: typeof value === 'string'
				? value.split(/[,\n]/)
				: value === null || value === undefined
					? []
					: [value];
		const ids: string[] = [];
		let bad = false;
		raw.forEach((entry, position) => {
			const id = this.text(entry, `${label} (entry ${position + 1})`, { maxLength: rules.maxLength });
			if (id === undefined) bad = true;
			else if (id !== '' && !ids.includes(id)) ids.push(id);
		});
		if (bad) return undefined;
		if (rules.required && ids.length === 0) return this.refuse(label);
		return ids;
	}

	/**
	 * A point in time as Unix seconds (uint32, as Tencent's time fields are): ISO text or a Date
	 * (as text) or milliseconds; absent gives null.
	 */
	unixSeconds(value: unknown, label: string): number | null | undefined {
		if (value === undefined || value === null || value === '') return null;
		let ms: number;
		if (typeof value === 'number') ms = value;
		else if (typeof value === 'string') ms = Date.parse(value);
		else return this.refuse(label);
		if (!Number.isFinite(ms)) return this.refuse(label);
		const seconds = Math.floor(ms / 1000);
		if (seconds < 0 || seconds > 0xffffffff) return this.refuse(label);
		return seconds;
	}
}
