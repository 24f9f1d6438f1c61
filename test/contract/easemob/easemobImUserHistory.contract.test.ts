// Contract tests from Easemob's examples for the user operations (online status, offline message
// count, deactivate, activate, force logout, push nickname) and the history export: the node's
// request has the page's shape, the page's answer becomes the output.
import type { IDataObject } from 'n8n-workflow';

import { fixture, json, runAgainstExamples, useNock } from './examples';

useNock();

describe('Easemob IM contract: user and history examples', () => {
	it('User → Get Online Status', async () => {
		const f = fixture('user.getOnlineStatus');
		const { output, sent } = await runAgainstExamples(f, { resource: 'user', operation: 'getOnlineStatus', usernames: 'user1, user2' });
		expect(sent).toHaveLength(1);
		expect(sent[0].body).toStrictEqual(f.request!.body);
		expect(json(output)).toEqual([
			{ username: 'user1', status: 'offline', online: false },
			{ username: 'user2', status: 'offline', online: false },
		]);
	});

	it('User → Get Offline Message Count', async () => {
		const f = fixture('user.getOfflineMessageCount');
		const { output, sent } = await runAgainstExamples(f, { resource: 'user', operation: 'getOfflineMessageCount', username: 'user1' });
		expect(sent).toHaveLength(1);
		expect(sent[0].body).toBe('');
		expect(json(output)).toEqual([{ username: 'user1', offlineMessageCount: 0 }]);
	});

	it('User → Deactivate', async () => {
		const f = fixture('user.deactivate');
		const { output, sent } = await runAgainstExamples(f, { resource: 'user', operation: 'deactivate', username: 'user1' });
		expect(sent).toHaveLength(1);
		expect(json(output)).toEqual([{ ...(f.response!.body.entities as IDataObject[])[0], deactivated: true }]);
	});

	it('User → Activate', async () => {
		const f = fixture('user.activate');
		const { output, sent } = await runAgainstExamples(f, { resource: 'user', operation: 'activate', username: 'user1' });
		expect(sent).toHaveLength(1);
		expect(json(output)).toEqual([{ username: 'user1', activated: true }]);
	});

	it('User → Force Logout', async () => {
		const f = fixture('user.forceLogout');
		const { output, sent } = await runAgainstExamples(f, { resource: 'user', operation: 'forceLogout', username: 'user1' });
		expect(sent).toHaveLength(1);
		expect(json(output)).toEqual([{ username: 'user1', loggedOut: true }]);
	});

	it('User → Update Nickname', async () => {
		const f = fixture('user.updateNickname');
		const { output, sent } = await runAgainstExamples(f, { resource: 'user', operation: 'updateNickname', username: 'XXXX', nickname: 'testuser' });
		expect(sent).toHaveLength(1);
		expect(sent[0].body).toStrictEqual(f.request!.body);
		// The page's answer names its placeholder user1 for the path's XXXX: the output keeps what Easemob says.
		expect(json(output)).toEqual([{ ...(f.response!.body.entities as IDataObject[])[0] }]);
	});

	it('Message → Get History', async () => {
		const f = fixture('message.getHistory');
		const { output, sent } = await runAgainstExamples(f, { resource: 'message', operation: 'getHistory', hour: '2018112717' });
		expect(sent).toHaveLength(1);
		const url = ((f.response!.body.data as IDataObject[])[0] as { url: string }).url;
		expect(json(output)).toEqual([{ hour: '2018112717', found: true, url, linkExpiresAt: new Date(1543316122 * 1000).toISOString() }]);
	});
});
