import type { INode } from 'n8n-workflow';

import { toBoolean, toChoice, toIdList, toInteger, toJsonObject, toText } from '../../nodes/shared/parameters';
import { redact } from '../../nodes/shared/secrets';

const node: INode = { id: '1', name: 'n', type: 't', typeVersion: 1, position: [0, 0], parameters: {} };

describe('toText', () => {
	it('trims text, accepts numbers, treats null as empty', () => {
		expect(toText(node, 0, '  abc ', 'ID')).toBe('abc');
		expect(toText(node, 0, 42, 'ID')).toBe('42');
		expect(toText(node, 0, null, 'ID')).toBe('');
	});

	it('explains objects, empties, control characters, dot segments and length', () => {
		expect(() => toText(node, 3, { a: 1 }, 'User ID')).toThrow('User ID must be text, but it is an object [item 3]');
		expect(() => toText(node, 0, ['a'], 'User ID')).toThrow('User ID must be text, but it is a list [item 0]');
		expect(() => toText(node, 1, '  ', 'User ID', { required: true })).toThrow('User ID is empty [item 1]');
		expect(() => toText(node, 0, 'a\u0000b', 'User ID')).toThrow(/control characters/);
		expect(toText(node, 0, 'line 1\nline 2', 'Text', { multiline: true })).toBe('line 1\nline 2');
		expect(() => toText(node, 0, '..', 'User ID', { pathSegment: true })).toThrow(/is not a valid ID/);
		expect(() => toText(node, 0, 'abcd', 'User ID', { maxLength: 3 })).toThrow(/too long \(4 characters; the limit is 3\)/);
	});
});

describe('other parameter readers', () => {
	it('reads whole numbers from numbers and digit strings only', () => {
		expect(toInteger(node, 0, '7', 'Queue')).toBe(7);
		expect(toInteger(node, 0, 7, 'Queue')).toBe(7);
		expect(toInteger(node, 0, '', 'Queue')).toBeUndefined();
		expect(() => toInteger(node, 0, '7.5', 'Queue')).toThrow(/must be a whole number/);
		expect(() => toInteger(node, 0, '0', 'Queue', { min: 1 })).toThrow(/out of range/);
		expect(() => toInteger(node, 0, '', 'Queue', { required: true })).toThrow(/is empty/);
	});

	it('reads booleans and choices', () => {
		expect(toBoolean(node, 0, 'TRUE', 'Flag')).toBe(true);
		expect(toBoolean(node, 0, undefined, 'Flag')).toBe(false);
		expect(() => toBoolean(node, 0, 'yes', 'Flag')).toThrow(/must be true or false/);
		expect(toChoice(node, 0, 'chat', 'Type', ['chat', 'groupchat'])).toBe('chat');
		expect(() => toChoice(node, 0, 'group', 'Type', ['chat', 'groupchat'])).toThrow('Type "group" is not supported [item 0]');
	});

	it('reads ID lists from text or arrays, without duplicates', () => {
		expect(toIdList(node, 0, 'a, b\nc,,a', 'Users')).toEqual(['a', 'b', 'c']);
		expect(toIdList(node, 0, ['a', 2, ' b '], 'Users')).toEqual(['a', '2', 'b']);
		expect(() => toIdList(node, 0, [], 'Users', { required: true })).toThrow(/is empty/);
		expect(() => toIdList(node, 0, [{}], 'Users')).toThrow(/Users \(entry 1\) must be text/);
	});

	it('reads JSON objects', () => {
		expect(toJsonObject(node, 0, '{"a":1}', 'Ext')).toEqual({ a: 1 });
		expect(toJsonObject(node, 0, { a: 1 }, 'Ext')).toEqual({ a: 1 });
		expect(toJsonObject(node, 0, '', 'Ext')).toBeUndefined();
		expect(() => toJsonObject(node, 0, '{a', 'Ext')).toThrow(/not valid JSON/);
		expect(() => toJsonObject(node, 0, '[1]', 'Ext')).toThrow(/must be a JSON object/);
	});
});

describe('redact', () => {
	it('masks given secrets and secret-bearing URL parameters and headers', () => {
		const text = 'GET /v4/x?sdkappid=1&usersig=eJyrVg_abc&random=5 Authorization: Bearer YWMtabc.def password=hunter22';
		const out = redact(text, ['hunter22']);
		expect(out).toBe('GET /v4/x?sdkappid=1&usersig=***&random=5 Authorization: Bearer *** password=***');
	});

	it('ignores values too short to be secrets', () => {
		expect(redact('a b c', ['a', ''])).toBe('a b c');
	});
});
