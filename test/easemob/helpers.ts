/* eslint-disable @n8n/community-nodes/no-restricted-imports */
import path from 'node:path';

import type { INodeParameters } from 'n8n-workflow';

import type { FakeEasemob } from '../fakes/fakeEasemob';
import { PACKAGE_ROOT } from '../helpers/engine';

export type EasemobCredentials = Record<string, Record<string, string>>;

/** A credential record as n8n stores it (the token field starts empty). */
export function credentialsFor(fake: FakeEasemob, appName = 'fake-app', extra: Record<string, string> = {}): EasemobCredentials {
	return {
		easemobImApi: {
			baseUrl: fake.server.baseUrl,
			orgName: fake.orgName,
			appName,
			clientId: fake.clientId,
			clientSecret: fake.clientSecret,
			accessToken: '',
			...extra,
		},
	};
}

let appCounter = 0;

/** A new app of the fake org, so token counting starts from nothing. */
export function freshApp(fake: FakeEasemob): string {
	const app = `app-${++appCounter}-${Date.now()}`;
	fake.apps.add(app);
	return app;
}

interface KeyedLimiterModule {
	sharedKeyedLimiter(key: string, limit: number, windowMs: number): unknown;
}

/**
 * Creates, before the node does, the per-user limiter Conversation Delete uses, with a short
 * window: the same module instance the engine loads from dist/, so production keeps 5 a minute.
 */
export function shortenDeleteWindow(fake: FakeEasemob, appName: string, windowMs: number): void {
	// eslint-disable-next-line @typescript-eslint/no-require-imports
	const limiterModule = require(path.join(PACKAGE_ROOT, 'dist/nodes/shared/rateLimiter.js')) as KeyedLimiterModule;
	const host = fake.server.baseUrl.replace(/^http:\/\//, '');
	limiterModule.sharedKeyedLimiter(`easemob-user-channel:${host}/${fake.orgName}/${appName}`, 5, windowMs);
}

/** Message → Send to Users, one text per item from the item's `to` and `n`. */
export const sendToUsersOfItem = (extra: INodeParameters = {}): INodeParameters => ({
	resource: 'message',
	operation: 'sendToUsers',
	to: '={{ $json.to }}',
	messageType: 'txt',
	text: '={{ "Notice " + $json.n }}',
	...extra,
});
