'use strict';

// Which addresses an attachment download may connect to: IANA's special-purpose ranges, cloud
// metadata addresses, IPv6 forms that carry an IPv4 address, and the operator's allow-list.
const { expect } = require('chai');
const { nonPublicReason, parseIp, parseRange, inRange } = require('../../lib/platform/ipRanges');
const { egressPolicy, refusal } = require('../../lib/platform/guardedGet');

describe('platform/ipRanges: public or not', () => {
  const refused = [
    ['127.0.0.1', 'loopback'],
    ['127.255.255.254', 'loopback'],
    ['10.1.2.3', 'private'],
    ['172.16.0.1', 'private'],
    ['172.31.255.255', 'private'],
    ['192.168.1.1', 'private'],
    ['169.254.169.254', 'link-local'],
    ['169.254.170.2', 'link-local'],
    ['100.64.0.1', 'carrier-grade NAT'],
    ['100.100.100.200', 'carrier-grade NAT'],
    ['0.0.0.0', 'unspecified'],
    ['0.1.2.3', 'unspecified'],
    ['224.0.0.1', 'multicast'],
    ['239.255.255.250', 'multicast'],
    ['255.255.255.255', 'reserved'],
    ['240.0.0.1', 'reserved'],
    ['192.0.0.192', 'IETF'],
    ['192.0.2.10', 'documentation'],
    ['198.18.0.1', 'benchmarks'],
    ['168.63.129.16', 'Azure'],
    ['::1', 'loopback'],
    ['::', 'unspecified'],
    ['fe80::1', 'link-local'],
    ['fe80::1%eth0', 'link-local'],
    ['[fe80::1]', 'link-local'],
    ['febf:ffff::1', 'link-local'],
    ['fd00:ec2::254', 'unique local'],
    ['fc00::1', 'unique local'],
    ['fec0::1', 'site-local'],
    ['ff02::1', 'multicast'],
    ['::ffff:127.0.0.1', 'loopback'],
    ['::ffff:7f00:1', 'loopback'],
    ['::ffff:169.254.169.254', 'link-local'],
    ['::ffff:a9fe:a9fe', 'link-local'],
    ['0:0:0:0:0:ffff:10.0.0.1', 'private'],
    ['64:ff9b::a9fe:a9fe', 'link-local'],
    ['64:ff9b::127.0.0.1', 'loopback'],
    ['64:ff9b:1::1', 'NAT64'],
    ['2002:7f00:1::1', 'loopback'],
    ['2002:c0a8:101::1', 'private'],
    ['::127.0.0.1', 'not IPv6 global unicast'],
    ['::7f00:1', 'not IPv6 global unicast'],
    ['2001:db8::1', 'documentation'],
    ['2001:0:4136:e378:8000:63bf:3fff:fdd2', 'Teredo'],
    ['3fff::1', 'documentation'],
    ['100::1', 'discard'],
    ['4000::1', 'not IPv6 global unicast'],
    ['not-an-address', 'not an IP address'],
  ];
  for (const [address, reason] of refused) {
    it(`refuses ${address} (${reason})`, () => expect(nonPublicReason(address)).to.be.a('string').and.include(reason));
  }

  const allowed = ['93.184.216.34', '8.8.8.8', '1.1.1.1', '172.32.0.1', '172.15.255.255', '100.128.0.1', '100.63.255.255',
    '169.255.0.1', '192.0.3.1', '192.169.0.1', '223.255.255.255', '2606:4700:4700::1111', '2a00:1450:4001:82b::200e',
    '::ffff:8.8.8.8', '64:ff9b::808:808', '2002:808:808::1', '2001:4860:4860::8888'];
  for (const address of allowed) {
    it(`lets ${address} through`, () => expect(nonPublicReason(address)).to.equal(undefined));
  }

  it('parses addresses and ranges the way URLs and resolvers write them', () => {
    expect(parseIp('::ffff:127.0.0.1')).to.deep.equal({ family: 6, bytes: [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff, 127, 0, 0, 1] });
    expect(parseIp('[::1]').bytes[15]).to.equal(1);
    for (const bad of ['', '1.2.3', '1.2.3.256', '01.2.3.4x', ':::1', '1::2::3', 'g::1', 'localhost']) expect(parseIp(bad), bad).to.equal(undefined);
    expect(inRange(parseIp('10.200.3.4'), parseRange('10.128.0.0/9'))).to.equal(true);
    expect(inRange(parseIp('10.127.3.4'), parseRange('10.128.0.0/9'))).to.equal(false);
    expect(inRange(parseIp('fd12::1'), parseRange('fd00::/8'))).to.equal(true);
    expect(inRange(parseIp('10.0.0.1'), parseRange('::/0'))).to.equal(false);
    for (const bad of ['10.0.0.0/33', '::/129', '10.0.0.0/-1', '10.0.0.0/8/8', 'host/8', '10.0.0.0/']) expect(parseRange(bad), bad).to.equal(undefined);
  });
});

describe('OUTLOOK_ATTACHMENT_ALLOWED_HOSTS', () => {
  const policy = (value) => egressPolicy({ OUTLOOK_ATTACHMENT_ALLOWED_HOSTS: value });

  it('lets listed hosts, addresses and ranges through, and nothing else', () => {
    const p = policy(' Files.Intra.example, 10.20.0.0/16  127.0.0.1,[::1], fd00::/8 ');
    expect(refusal('files.intra.example', '10.9.9.9', p)).to.equal(undefined);
    expect(refusal('other.intra.example', '10.20.1.2', p)).to.equal(undefined);
    expect(refusal('other.intra.example', '::ffff:10.20.1.2', p)).to.equal(undefined);
    expect(refusal('127.0.0.1', '127.0.0.1', p)).to.equal(undefined);
    expect(refusal('::1', '::1', p)).to.equal(undefined);
    expect(refusal('x.example', 'fd00:ec2::254', p)).to.equal(undefined);
    expect(refusal('other.intra.example', '10.21.0.1', p)).to.include('10.21.0.1').and.include('private').and.include('OUTLOOK_ATTACHMENT_ALLOWED_HOSTS');
    expect(refusal('127.0.0.2', '127.0.0.2', p)).to.include('loopback');
    expect(refusal('x.example', '169.254.169.254', p)).to.include('x.example (169.254.169.254)');
  });

  it('refuses an entry that is no host, address or range, naming the variable', () => {
    for (const bad of ['http://files.example', '10.0.0.0/33', 'files.example:8080', '*.example', 'a_b.example']) {
      expect(() => policy(bad), bad).to.throw(/OUTLOOK_ATTACHMENT_ALLOWED_HOSTS holds ".*", which is no host name, IP address or CIDR range/);
    }
  });

  it('is empty by default: nothing non-public is let through', () => {
    const p = egressPolicy({});
    expect(p.allowedHosts.size + p.allowedRanges.length).to.equal(0);
    expect(refusal('localhost', '127.0.0.1', p)).to.include('loopback');
  });
});
