import { constantTimeEqual } from '../../shared/webhook';

/** Whether an Authorization header carries exactly this user and password (constant-time). */
export function basicAuthMatches(header: unknown, user: string, password: string): boolean {
	const expected = `Basic ${Buffer.from(`${user}:${password}`, 'utf8').toString('base64')}`;
	const given = typeof header === 'string' ? header.trim() : '';
	// "basic" is case-insensitive in the scheme; normalize it, keep the credentials exact.
	const normalized = /^basic\s+/i.test(given) ? `Basic ${given.replace(/^basic\s+/i, '')}` : given;
	return constantTimeEqual(normalized, expected);
}
