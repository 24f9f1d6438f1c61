import { isAddressAllowed, parseAddress, parseAllowedIps } from '../../nodes/shared/allowedIps';

const allowed = (address: string, list: string) => isAddressAllowed(address, parseAllowedIps(list));

describe('Allowed IPs', () => {
	it('matches single addresses and CIDR ranges, IPv4 and IPv6', () => {
		expect(allowed('203.0.113.7', '203.0.113.7')).toBe(true);
		expect(allowed('203.0.113.8', '203.0.113.7')).toBe(false);
		expect(allowed('203.0.113.200', '203.0.113.0/24')).toBe(true);
		expect(allowed('203.0.114.1', '203.0.113.0/24')).toBe(false);
		expect(allowed('10.1.2.3', '10.0.0.0/9')).toBe(true);
		expect(allowed('10.128.0.1', '10.0.0.0/9')).toBe(false);
		expect(allowed('8.8.8.8', '0.0.0.0/0')).toBe(true);
		expect(allowed('2001:db8:0:1::5', '2001:db8::/32')).toBe(true);
		expect(allowed('2001:db9::1', '2001:db8::/32')).toBe(false);
		expect(allowed('::1', '::1')).toBe(true);
		expect(allowed('2001:0db8:0000:0000:0000:0000:0000:0001', '2001:db8::1')).toBe(true);
		expect(allowed('fe80::1%eth0', 'fe80::/10')).toBe(true);
	});

	it('treats IPv4-mapped IPv6 addresses (as Node reports IPv4 callers on a dual-stack socket) as IPv4', () => {
		expect(allowed('::ffff:127.0.0.1', '127.0.0.0/8')).toBe(true);
		expect(allowed('::ffff:7f00:1', '127.0.0.1')).toBe(true);
		expect(parseAddress('::ffff:203.0.113.7')).toEqual(parseAddress('203.0.113.7'));
	});

	it('never matches across families, nor an address it cannot read', () => {
		expect(allowed('127.0.0.1', '::1')).toBe(false);
		expect(allowed('::1', '127.0.0.1')).toBe(false);
		expect(allowed('not-an-ip', '0.0.0.0/0')).toBe(false);
		expect(isAddressAllowed(undefined, parseAllowedIps('0.0.0.0/0'))).toBe(false);
	});

	it('accepts commas and spaces between entries and refuses an entry that is not an address or range', () => {
		expect(parseAllowedIps(' 127.0.0.1,  10.0.0.0/8 2001:db8::/32 ,')).toHaveLength(3);
		for (const entry of ['10.0.0.0/33', '2001:db8::/129', '256.1.1.1', '1.2.3', 'example.com', '10.0.0.0/8/1', '1::2::3', '10.0.0.0/x']) {
			expect(() => parseAllowedIps(`127.0.0.1, ${entry}`)).toThrow(`"${entry}" in Allowed IPs is neither an IP address nor a CIDR range`);
		}
	});
});
