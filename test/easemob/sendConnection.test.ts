// Easemob sends after a connection failure, with nock standing in for Easemob: repeated only when
// the connection was refused before the request was written (Easemob surely did not take it).
import nock from 'nock';

import { items, runNode } from '../helpers/engine';
import { sendToUsersOfItem } from './helpers';

const sendToUsers = sendToUsersOfItem;

/** A socket error as Node reports it (an Error with a code). */
const networkError = (code: string, message: string) => Object.assign(new Error(message), { code });

beforeAll(() => nock.disableNetConnect());
afterAll(() => nock.enableNetConnect());

describe('Easemob IM → sends after a connection failure (nock)', () => {
	const HOST = 'https://a61.easemob.com';
	const nockCredentials = (app: string) => ({
		easemobImApi: { baseUrl: HOST, orgName: 'org', appName: app, clientId: 'YXA6id', clientSecret: 'YXA6secret', accessToken: '' },
	});
	const answer = { action: 'post', data: { bob: '1029457500870543736' } };
	afterEach(() => nock.cleanAll());

	it('is repeated when the connection was refused before the request was written', async () => {
		const scope = nock(HOST)
			.post('/org/refused/token')
			.reply(200, { access_token: 'YWMtabc', expires_in: 3600, application: 'x' })
			.post('/org/refused/messages/users')
			.replyWithError(networkError('ECONNREFUSED', 'connect ECONNREFUSED'))
			.post('/org/refused/messages/users')
			.reply(200, () => answer);
		const { output, run } = await runNode('easemobIm', sendToUsers(), nockCredentials('refused'), { input: items(1, (n) => ({ n, to: 'bob' })) });
		expect(run.status).toBe('success');
		expect(output[0][0].json).toMatchObject({ sent: true, messageIds: { bob: '1029457500870543736' } });
		expect(scope.isDone()).toBe(true);
	});

	it('is not repeated when the connection dropped after the request was written', async () => {
		const scope = nock(HOST)
			.post('/org/dropped/token')
			.reply(200, { access_token: 'YWMtabc', expires_in: 3600, application: 'x' })
			.post('/org/dropped/messages/users')
			.replyWithError(networkError('ECONNRESET', 'socket hang up'))
			.post('/org/dropped/messages/users')
			.reply(200, () => answer);
		const { error } = await runNode('easemobIm', sendToUsers(), nockCredentials('dropped'), { input: items(1, (n) => ({ n, to: 'bob' })) });
		expect(error?.message).toBe('The message may have been delivered: The connection was closed before the answer arrived [item 0]');
		// The second answer was never asked for.
		expect(scope.pendingMocks()).toHaveLength(1);
	});
});
