import { createHash, timingSafeEqual } from 'crypto';

function digest(text: string): Buffer {
	return createHash('sha256').update(text, 'utf8').digest();
}

/**
 * Whether an Authorization header carries exactly this user and password. Compared in constant
 * time over fixed-length digests, so neither the length nor a matching prefix shows in the timing.
 */
export function basicAuthMatches(header: unknown, user: string, password: string): boolean {
	const expected = `Basic ${Buffer.from(`${user}:${password}`, 'utf8').toString('base64')}`;
	const given = typeof header === 'string' ? header.trim() : '';
	// "basic" is case-insensitive in the scheme; normalize it, keep the credentials exact.
	const normalized = /^basic\s+/i.test(given) ? `Basic ${given.replace(/^basic\s+/i, '')}` : given;
	return timingSafeEqual(digest(normalized), digest(expected));
}
