import { UserError } from 'n8n-workflow';

/**
 * Base URLs come from credentials and path segments from parameters (and so from expressions and
 * from whatever data flows through a workflow): both are checked or encoded here, in one place.
 */

const LOOPBACK_HOSTS = /^(localhost|127(?:\.\d{1,3}){3}|\[::1\])$/i;

export function isLoopbackHost(hostname: string): boolean {
	return LOOPBACK_HOSTS.test(hostname);
}

/**
 * Validates a base URL typed into a credential and returns it without a trailing slash.
 * Only https:// is accepted, except plain http:// to this machine (local test servers).
 * Returns an error message (string) instead of throwing so callers can wrap it in their error type.
 */
export function checkBaseUrl(
	raw: unknown,
	field: string,
	example: string,
): { url: string } | { problem: string } {
	const text = typeof raw === 'string' ? raw.trim() : '';
	if (text === '') return { problem: `The credential's ${field} is empty. Enter it like ${example}.` };
	let parsed: URL;
	try {
		parsed = new URL(text);
	} catch {
		return { problem: `The credential's ${field} "${text}" is not a URL. Enter it like ${example}.` };
	}
	if (parsed.protocol === 'http:' && !isLoopbackHost(parsed.hostname)) {
		return {
			problem: `The credential's ${field} uses plain http:// for "${parsed.hostname}". Use https:// (for example ${example}); http:// is only accepted for this machine (localhost, 127.0.0.1, [::1]).`,
		};
	}
	if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') {
		return { problem: `The credential's ${field} must start with https://, like ${example}.` };
	}
	if (parsed.username || parsed.password) {
		return { problem: `The credential's ${field} must not contain a user name or password. Enter it like ${example}.` };
	}
	if (parsed.search || parsed.hash) {
		return { problem: `The credential's ${field} must not contain "?" or "#". Enter only the address, like ${example}.` };
	}
	return { url: `${parsed.protocol}//${parsed.host}${parsed.pathname.replace(/\/+$/, '')}` };
}

/**
 * Encodes one path segment so "/", "?", "#" and "%" can never leave it. Empty, "." and ".."
 * segments are refused: URL parsers resolve dot segments even when percent-encoded. Parameters are
 * checked for these earlier (TextRules.pathSegment); this is the last line of defence.
 */
export function encodePathSegment(value: string): string {
	if (value === '' || value === '.' || value === '..') {
		throw new UserError(`"${value}" cannot be used as an ID in a URL path`);
	}
	return encodeURIComponent(value);
}

/** Builds a path from literal parts and parameter values: `path\`/users/${name}/x\``. */
export function path(strings: TemplateStringsArray, ...values: string[]): string {
	return strings.reduce((out, part, i) => out + part + (i < values.length ? encodePathSegment(values[i]) : ''), '');
}
