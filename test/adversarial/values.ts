// The space of values a workflow can put into a parameter: typed text, expression results of any
// JSON type, data from webhooks and spreadsheets. Generators are combined per parameter: mostly
// plausible values (so many cases reach the API) mixed with hostile ones.
import fc from 'fast-check';

/** Strings chosen by hand: path tricks, query metacharacters, invisible and direction characters. */
export const NASTY_STRINGS: readonly string[] = [
	'',
	' ',
	'\t',
	'  \n ',
	'.',
	'..',
	' .. ',
	'../',
	'../../etc/passwd',
	'%2e%2e',
	'%2E%2E%2F',
	'..%2f',
	'.%2e',
	'a/b',
	'a\\b',
	'a?b=c&d=e#f',
	'?#&=',
	'#',
	'%',
	'%00',
	'%zz',
	'+',
	'a+b',
	'a b',
	'\u200f\u202eevil\u202c',
	'\u05e9\u05dc\u05d5\u05dd',
	'\ud83d\ude00',
	'\ud83d\udc69\u200d\ud83d\udc69\u200d\ud83d\udc67',
	'\u0000',
	'a\u0000b',
	'\u0007',
	'a\nb',
	'\r\n',
	'\u007f',
	'\u001b[31m',
	'\ud800',
	'x\udc00',
	'\udbff\udfff',
	'\u00a0x\u00a0',
	'\ufeffid',
	'\u2028',
	'null',
	'undefined',
	'true',
	'false',
	'TRUE',
	'0',
	'-1',
	'1.5',
	'1e3',
	' 42 ',
	'007',
	'NaN',
	'Infinity',
	'{{ $json }}',
	'={{ 1 }}',
	'<script>alert(1)</script>',
	"' OR 1=1 --",
	'user@example.org',
	'a@b',
	'x'.repeat(32),
	'x'.repeat(33),
	'\u00e9'.repeat(17),
	'y'.repeat(256),
	'z'.repeat(5000),
];

const jsonLeaf = fc.oneof(fc.string({ maxLength: 8 }), fc.integer(), fc.boolean(), fc.constant(null));

/** Anything an expression can return. */
export const anyValue: fc.Arbitrary<unknown> = fc.oneof(
	{ weight: 6, arbitrary: fc.constantFrom(...NASTY_STRINGS) },
	{ weight: 2, arbitrary: fc.string({ maxLength: 40 }) },
	{ weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
	{ weight: 1, arbitrary: fc.string({ unit: 'grapheme', minLength: 1, maxLength: 20 }) },
	{ weight: 1, arbitrary: fc.string({ minLength: 200, maxLength: 3000 }) },
	{ weight: 2, arbitrary: fc.integer() },
	{ weight: 1, arbitrary: fc.double() },
	{ weight: 1, arbitrary: fc.constantFrom(0, -0, 1, -1, 2 ** 32, 2 ** 53, Number.MAX_SAFE_INTEGER + 2, 1e21, NaN, Infinity, -Infinity) },
	{ weight: 1, arbitrary: fc.boolean() },
	{ weight: 2, arbitrary: fc.constantFrom(null, undefined) },
	{ weight: 1, arbitrary: fc.array(jsonLeaf, { maxLength: 4 }) },
	{ weight: 1, arbitrary: fc.dictionary(fc.string({ maxLength: 5 }), jsonLeaf, { maxKeys: 3 }) },
	{ weight: 1, arbitrary: fc.constant({ toString: 'not a function', nested: { deep: ['x'] } }) },
);

/** A value that usually is a plausible ID, sometimes anything. */
export function idValue(plausible: fc.Arbitrary<unknown> = plausibleId): fc.Arbitrary<unknown> {
	return fc.oneof({ weight: 4, arbitrary: plausible }, { weight: 1, arbitrary: anyValue });
}

export const plausibleId: fc.Arbitrary<unknown> = fc.oneof(
	fc.stringMatching(/^[A-Za-z0-9_@#.-]{1,24}$/),
	fc.string({ unit: 'grapheme', minLength: 1, maxLength: 8 }),
	fc.constantFrom('user_1', '@TGS#1NVTZEAE4', 'a b', ' padded ', 'ünïcødé', '\u05e9\u05dc\u05d5\u05dd', '\ud83d\ude00', '42', 'x'.repeat(32)),
	fc.integer({ min: 0, max: 1e9 }),
);

export const plausibleText: fc.Arbitrary<unknown> = fc.oneof(
	fc.string({ maxLength: 60 }),
	fc.string({ unit: 'grapheme', maxLength: 30 }),
	fc.constantFrom('Hello', 'line 1\nline 2\ttab', ' spaced ', '\u05e9\u05dc\u05d5\u05dd \ud83d\ude00', 'a&b=c?d#e', '100% + 1', ''),
);

export function textValue(plausible: fc.Arbitrary<unknown> = plausibleText): fc.Arbitrary<unknown> {
	return fc.oneof({ weight: 4, arbitrary: plausible }, { weight: 1, arbitrary: anyValue });
}

export function choiceValue(choices: readonly string[]): fc.Arbitrary<unknown> {
	return fc.oneof(
		{ weight: 8, arbitrary: fc.constantFrom(...choices) },
		{ weight: 1, arbitrary: fc.constantFrom(...choices.map((c) => ` ${c} `), ...choices.map((c) => c.toUpperCase())) },
		{ weight: 1, arbitrary: anyValue },
	);
}

export const booleanValue: fc.Arbitrary<unknown> = fc.oneof(
	{ weight: 6, arbitrary: fc.boolean() },
	{ weight: 1, arbitrary: fc.constantFrom('true', 'false', ' TRUE ', 'False', '', null, undefined, 0, 1, 'yes') },
	{ weight: 1, arbitrary: anyValue },
);

export function integerValue(min: number, max: number): fc.Arbitrary<unknown> {
	return fc.oneof(
		{ weight: 4, arbitrary: fc.integer({ min, max }) },
		{ weight: 2, arbitrary: fc.integer({ min, max }).map((n) => String(n)) },
		{ weight: 1, arbitrary: fc.integer({ min, max }).map((n) => ` ${n}\t`) },
		{ weight: 2, arbitrary: anyValue },
	);
}

/** Dates as a dateTime parameter or an expression gives them. */
export const dateValue: fc.Arbitrary<unknown> = fc.oneof(
	{ weight: 3, arbitrary: fc.date({ min: new Date('1990-01-01T00:00:00Z'), max: new Date('2090-01-01T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString()) },
	{ weight: 1, arbitrary: fc.integer({ min: 0, max: 4_000_000_000_000 }) },
	{ weight: 1, arbitrary: fc.constantFrom('', null, undefined, '1969-12-31T23:59:59Z', '2150-01-01T00:00:00Z', 'not a date', '2026-02-30', [2020], -1, 1e20, 1.5e12) },
	{ weight: 1, arbitrary: anyValue },
);

/** Lists of IDs: comma/newline text, arrays from expressions, sometimes huge. */
export const idListValue: fc.Arbitrary<unknown> = fc.oneof(
	{ weight: 3, arbitrary: fc.array(plausibleId, { minLength: 1, maxLength: 6 }) },
	{ weight: 2, arbitrary: fc.array(fc.stringMatching(/^[a-z0-9_]{1,10}$/), { minLength: 1, maxLength: 6 }).map((ids) => ids.join(', ')) },
	{ weight: 1, arbitrary: fc.array(fc.stringMatching(/^[a-z0-9_]{1,10}$/), { minLength: 1, maxLength: 6 }).map((ids) => ids.join('\n')) },
	{ weight: 1, arbitrary: fc.integer({ min: 90, max: 1300 }).map((n) => Array.from({ length: n }, (_, i) => `u${i}`)) },
	{ weight: 1, arbitrary: fc.constantFrom(' , ,', 'a,,b', 'a,a,a', 'a\r\nb', [['nested']], [{ id: 1 }], [null, 'x'], []) },
	{ weight: 1, arbitrary: fc.array(anyValue, { maxLength: 4 }) },
	{ weight: 1, arbitrary: anyValue },
);
