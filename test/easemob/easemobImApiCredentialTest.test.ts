// The credential's token step as n8n's credential tester meets it: the tester shows an error's
// `cause.code` when there is one, and the error's message otherwise. A refused Client Secret must
// therefore come as the explaining message, not as Easemob's bare "invalid_grant".
import type { ICredentialDataDecryptedObject, IHttpRequestHelper, IHttpRequestOptions, INode } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import { EasemobImApi } from '../../credentials/EasemobImApi.credentials';
import { FakeEasemob } from '../fakes/fakeEasemob';
import { freshApp } from './helpers';

const fake = new FakeEasemob();
beforeAll(async () => await fake.start());
afterAll(async () => await fake.stop());

/** The part of n8n's request helper the token step uses (full response, HTTP errors ignored). */
const helper = {
	helpers: {
		httpRequest: async (options: IHttpRequestOptions) => {
			const response = await fetch(options.url, {
				method: options.method,
				headers: options.headers as Record<string, string>,
				body: JSON.stringify(options.body),
			});
			return { statusCode: response.status, body: await response.json() };
		},
	},
} as unknown as IHttpRequestHelper;

/**
 * What n8n 2.x's credential tester reports: the routing node wraps the error in a NodeApiError
 * (which puts a generic text for the HTTP code first when it finds one), and the tester shows the
 * wrapped error's `cause.code` when there is one, else the message.
 */
function testerMessage(error: Error): string {
	const node = { id: 'n', name: 'Test', type: 'n8n-nodes-base.noOp', typeVersion: 1, position: [0, 0], parameters: {} } as INode;
	const wrapped = new NodeApiError(node, error as never);
	const cause = wrapped.cause as { code?: unknown } | undefined;
	return cause?.code ? String(cause.code) : wrapped.message;
}

describe('Easemob IM API credential in the credential tester', () => {
	it('reports a wrong Client Secret with the explaining message', async () => {
		const app = freshApp(fake);
		const credentials: ICredentialDataDecryptedObject = {
			baseUrl: fake.server.baseUrl,
			orgName: fake.orgName,
			appName: app,
			clientId: fake.clientId,
			clientSecret: 'not-the-client-secret',
			accessToken: '',
		};
		const error = await new EasemobImApi().preAuthentication.call(helper, credentials).then(
			() => undefined,
			(e: Error) => e,
		);
		expect(error).toBeInstanceOf(Error);
		expect(testerMessage(error!)).toBe('Easemob refused the Client ID or Client Secret (invalid_grant: client_secret does not match)');
	});
});
