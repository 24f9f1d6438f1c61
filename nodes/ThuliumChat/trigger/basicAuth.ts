import type { ICredentialTestFunctions, ICredentialsDecrypted, INodeCredentialTestResult } from 'n8n-workflow';

import { constantTimeEqual } from '../../shared/webhook';

/** Whether an Authorization header carries exactly this user and password (constant-time). */
export function basicAuthMatches(header: unknown, user: string, password: string): boolean {
	const expected = `Basic ${Buffer.from(`${user}:${password}`, 'utf8').toString('base64')}`;
	const given = typeof header === 'string' ? header.trim() : '';
	// "basic" is case-insensitive in the scheme; normalize it, keep the credentials exact.
	const normalized = /^basic\s+/i.test(given) ? `Basic ${given.replace(/^basic\s+/i, '')}` : given;
	return constantTimeEqual(normalized, expected);
}

/**
 * The credential test of thuliumWebhookApi, for the trigger and for Webhook → Create. Thulium sends
 * these to n8n, so there is nothing to call: the test checks what Basic auth can carry.
 */
export async function thuliumWebhookCredentialTest(this: ICredentialTestFunctions, credential: ICredentialsDecrypted): Promise<INodeCredentialTestResult> {
	const user = String(credential.data?.user ?? '');
	const password = String(credential.data?.password ?? '');
	if (user === '' || password === '') return { status: 'Error', message: 'Enter the user and the password set on the webhook in Thulium' };
	if (user.includes(':')) return { status: 'Error', message: 'The user cannot contain ":" (HTTP Basic auth separates user and password with it)' };
	return { status: 'OK', message: 'User and password can be checked on incoming webhooks' };
}
