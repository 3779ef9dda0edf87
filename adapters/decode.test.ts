import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { decodeResponse } from './decode';
import { maybeEmptyList } from './xml';

// Shapes like the real responses: EBS lists are plain arrays, ECS lists sit in wrappers.
const Pair = z.object({
  ReplicaPairId: z.string(),
  PairName: z.string(),
  RPO: z.number().int(),
  Bandwidth: z.number(),
  Tags: z.array(z.object({ TagKey: z.string(), TagValue: z.string() })).optional(),
});
const DescribePairs = z.object({
  RequestId: z.string(),
  NextToken: z.string().optional(),
  TotalCount: z.number().int(),
  ReplicaPairs: z.array(Pair),
});
const Disk = z.object({
  DiskId: z.string(),
  Size: z.number().int(),
  Portable: z.boolean(),
  Tags: z.object({ Tag: z.array(z.object({ TagKey: z.string(), TagValue: z.string() })) }).optional(),
});
const DescribeDisks = z.object({
  RequestId: z.string(),
  TotalCount: z.number().int(),
  Disks: z.object({ Disk: z.array(Disk) }),
});

const ok = (body: string) => ({ status: 200, body });
const xml = (root: string, inner: string) =>
  `<?xml version="1.0" encoding="UTF-8"?><${root}>${inner}</${root}>`;

function expectSameBody(schema: z.ZodType, json: unknown, xmlText: string) {
  const fromJson = decodeResponse(ok(JSON.stringify(json)), schema);
  const fromXml = decodeResponse(ok(xmlText), schema);
  expect(fromJson.outcome).toEqual({ kind: 'success', body: json });
  expect(fromXml.outcome).toEqual(fromJson.outcome);
  expect(schema.safeParse(fromXml.decoded).success).toBe(true);
}

describe('JSON and XML decode to identical objects', () => {
  it('a single <ReplicaPairs> element becomes a one-element array; numbers stay numbers, names stay strings', () => {
    const json = {
      RequestId: 'R1',
      NextToken: '',
      TotalCount: 1,
      ReplicaPairs: [
        {
          ReplicaPairId: 'pair-1',
          PairName: '0123',
          RPO: 900,
          Bandwidth: 10240,
          Tags: [{ TagKey: 'k', TagValue: 'v' }],
        },
      ],
    };
    const x = xml(
      'DescribeDiskReplicaPairsResponse',
      '<RequestId>R1</RequestId><NextToken></NextToken><TotalCount>1</TotalCount>' +
        '<ReplicaPairs><ReplicaPairId>pair-1</ReplicaPairId><PairName>0123</PairName><RPO>900</RPO>' +
        '<Bandwidth>10240</Bandwidth><Tags><TagKey>k</TagKey><TagValue>v</TagValue></Tags></ReplicaPairs>',
    );
    expectSameBody(DescribePairs, json, x);
  });

  it('repeated elements become an array and an absent required list becomes []', () => {
    const pair = (id: string) => ({ ReplicaPairId: id, PairName: 'n', RPO: 900, Bandwidth: 0 });
    const px = (id: string) =>
      `<ReplicaPairs><ReplicaPairId>${id}</ReplicaPairId><PairName>n</PairName><RPO>900</RPO><Bandwidth>0</Bandwidth></ReplicaPairs>`;
    expectSameBody(
      DescribePairs,
      { RequestId: 'R', TotalCount: 2, ReplicaPairs: [pair('a'), pair('b')] },
      xml('R', `<RequestId>R</RequestId><TotalCount>2</TotalCount>${px('a')}${px('b')}`),
    );
    expectSameBody(
      DescribePairs,
      { RequestId: 'R', TotalCount: 0, ReplicaPairs: [] },
      xml('R', '<RequestId>R</RequestId><TotalCount>0</TotalCount>'),
    );
  });

  it('an absent optional list is marked as untold in XML only: it may have been empty', () => {
    const x = decodeResponse(
      ok(xml('R', '<RequestId>R</RequestId><ReplicaPairs><ReplicaPairId>p</ReplicaPairId></ReplicaPairs>')),
      DescribePairs,
    );
    const j = decodeResponse(
      ok(JSON.stringify({ RequestId: 'R', ReplicaPairs: [{ ReplicaPairId: 'p' }] })),
      DescribePairs,
    );
    const row = (d: ReturnType<typeof decodeResponse>) =>
      (d.decoded as { ReplicaPairs: Record<string, unknown>[] }).ReplicaPairs[0] ?? {};
    expect(maybeEmptyList(row(x), 'Tags')).toBe(true);
    expect(maybeEmptyList(row(j), 'Tags')).toBe(false);
    // Invisible to what compares and records the body: keys, JSON, equality.
    expect(Object.keys(row(x))).toEqual(['ReplicaPairId']);
    expect(JSON.stringify(row(x))).toBe('{"ReplicaPairId":"p"}');
    expect(row(x)).toEqual(row(j));
  });

  it('ECS wrappers (Disks.Disk) with one, several and no disks, booleans and nested wrappers', () => {
    const disk = { DiskId: 'd-1', Size: 40, Portable: true, Tags: { Tag: [{ TagKey: 'a', TagValue: 'b' }] } };
    expectSameBody(
      DescribeDisks,
      { RequestId: 'R', TotalCount: 1, Disks: { Disk: [disk] } },
      xml(
        'DescribeDisksResponse',
        '<RequestId>R</RequestId><TotalCount>1</TotalCount><Disks><Disk><DiskId>d-1</DiskId><Size>40</Size>' +
          '<Portable>true</Portable><Tags><Tag><TagKey>a</TagKey><TagValue>b</TagValue></Tag></Tags></Disk></Disks>',
      ),
    );
    const d2 = { DiskId: 'd-2', Size: 20, Portable: false };
    expectSameBody(
      DescribeDisks,
      { RequestId: 'R', TotalCount: 2, Disks: { Disk: [{ DiskId: 'd-1', Size: 40, Portable: true }, d2] } },
      xml(
        'DescribeDisksResponse',
        '<RequestId>R</RequestId><TotalCount>2</TotalCount><Disks><Disk><DiskId>d-1</DiskId><Size>40</Size>' +
          '<Portable>true</Portable></Disk><Disk><DiskId>d-2</DiskId><Size>20</Size><Portable>false</Portable></Disk></Disks>',
      ),
    );
    expectSameBody(
      DescribeDisks,
      { RequestId: 'R', TotalCount: 0, Disks: { Disk: [] } },
      xml('DescribeDisksResponse', '<RequestId>R</RequestId><TotalCount>0</TotalCount><Disks/>'),
    );
  });

  it('without a schema, XML leaves stay strings and nothing is forced into a list', () => {
    const r = decodeResponse(ok(xml('X', '<RequestId>R</RequestId><Count>3</Count><Item><A>1</A></Item>')));
    expect(r.outcome).toEqual({ kind: 'success', body: { RequestId: 'R', Count: '3', Item: { A: '1' } } });
  });
});

describe('errors and failures as data', () => {
  const expected = {
    kind: 'error',
    httpStatus: 404,
    code: 'NoSuchResource',
    message: 'The specified resource does not exist.',
    requestId: 'R9',
  };

  it('JSON and XML error bodies give the same error outcome', () => {
    const json = {
      RequestId: 'R9',
      HostId: 'ebs.cn-hangzhou.aliyuncs.com',
      Code: 'NoSuchResource',
      Message: 'The specified resource does not exist.',
      Recommend: 'https://api.aliyun.com/troubleshoot?q=NoSuchResource',
    };
    const x =
      "<?xml version='1.0' encoding='UTF-8'?><Error><RequestId>R9</RequestId><HostId>ebs.cn-hangzhou.aliyuncs.com</HostId>" +
      '<Code>NoSuchResource</Code><Message>The specified resource does not exist.</Message>' +
      '<Recommend><![CDATA[https://api.aliyun.com/troubleshoot?q=NoSuchResource]]></Recommend></Error>';
    const fromJson = decodeResponse({ status: 404, body: JSON.stringify(json) }, DescribePairs);
    expect(fromJson.outcome).toEqual(expected);
    expect(decodeResponse({ status: 404, body: x }, DescribePairs).outcome).toEqual(expected);
    expect(fromJson.decoded).toEqual(json);
  });

  it.each([
    ['an HTML gateway page', 502, '<html><body>Bad Gateway</body>', 'undecodable'],
    ['plain text', 200, 'OK', 'undecodable'],
    ['an empty body', 200, '', 'undecodable'],
    ['malformed JSON', 200, '{"RequestId":', 'undecodable'],
    ['an error without Code', 400, '{"RequestId":"R","Message":"x"}', 'undecodable'],
    ['a JSON array', 200, '[1]', 'undecodable'],
    ['a redirect', 302, '', 'unexpected-status'],
  ])('%s is a failure, not a throw', (_name, status, body, reason) => {
    const r = decodeResponse({ status, body }, DescribePairs);
    expect(r.outcome.kind).toBe('failure');
    expect(r.outcome.kind === 'failure' && r.outcome.reason).toBe(reason);
  });
});
