import { describe, expect, it } from 'vitest';
import { canonicalQuery, percentEncode, sortNames } from './encoding';
import { v1Signature, v1StringToSign } from './signature-v1';
import {
  EMPTY_BODY_SHA256,
  parseV3Authorization,
  sha256Hex,
  v3CanonicalRequest,
  v3Signature,
  v3StringToSign,
} from './signature-v3';

// The documented test vectors (ECS "Request signatures" for V1, the V3 signature page for V3).
const v1Params = {
  AccessKeyId: 'testid',
  Action: 'DescribeRegions',
  Format: 'XML',
  SignatureMethod: 'HMAC-SHA1',
  SignatureNonce: '3ee8c1b8-83d3-44af-a94f-4e0ad82fd6cf',
  SignatureVersion: '1.0',
  Timestamp: '2016-02-23T12:46:24Z',
  Version: '2014-05-26',
};

describe('signature V1 (HMAC-SHA1)', () => {
  it('matches the documented string to sign and signature', () => {
    const sts = v1StringToSign('GET', v1Params);
    expect(sts).toBe(
      'GET&%2F&AccessKeyId%3Dtestid%26Action%3DDescribeRegions%26Format%3DXML%26SignatureMethod%3DHMAC-SHA1%26SignatureNonce%3D3ee8c1b8-83d3-44af-a94f-4e0ad82fd6cf%26SignatureVersion%3D1.0%26Timestamp%3D2016-02-23T12%253A46%253A24Z%26Version%3D2014-05-26',
    );
    expect(v1Signature('testsecret', sts)).toBe('OLeaidS1JvxuMvnyHOwuJ+uX5qY=');
  });

  it('matches the older vector spelled TimeStamp, and changes with the method', () => {
    const { Timestamp, ...rest } = v1Params;
    expect(v1Signature('testsecret', v1StringToSign('GET', { ...rest, TimeStamp: Timestamp }))).toBe(
      'CT9X0VtwR86fNWSnsc6v8YGOjuE=',
    );
    expect(v1Signature('testsecret', v1StringToSign('POST', v1Params))).toBe('MxbnVAM4w6sft9xjVpe/GCKueuk=');
  });

  it('ignores a Signature parameter when building the string to sign', () => {
    expect(v1StringToSign('GET', { ...v1Params, Signature: 'x' })).toBe(v1StringToSign('GET', v1Params));
  });
});

describe('signature V3 (ACS3-HMAC-SHA256)', () => {
  const headers = {
    host: 'ecs.cn-shanghai.aliyuncs.com',
    'x-acs-action': 'RunInstances',
    'x-acs-content-sha256': EMPTY_BODY_SHA256,
    'x-acs-date': '2023-10-26T10:22:32Z',
    'x-acs-signature-nonce': '3156853299f313e23d1673dc12e1703d',
    'x-acs-version': '2014-05-26',
  };
  const request = {
    method: 'POST',
    query: { ImageId: 'win2019_1809_x64_dtc_zh-cn_40G_alibase_20230811.vhd', RegionId: 'cn-shanghai' },
    headers,
    signedHeaders: Object.keys(headers),
    payloadHash: EMPTY_BODY_SHA256,
  };

  it('matches the documented canonical request, hash and signature', () => {
    const canonical = v3CanonicalRequest(request);
    expect(sha256Hex(canonical)).toBe('7ea06492da5221eba5297e897ce16e55f964061054b7695beedaac1145b1e259');
    expect(v3Signature('YourAccessKeySecret', v3StringToSign(canonical))).toBe(
      '06563a9e1b43f5dfe96b81484da74bceab24a1d853912eee15083a6f0f3283c0',
    );
  });

  it('sorts signed headers named out of order, in the canonical request and nowhere else', () => {
    const names = [...request.signedHeaders];
    const reversed = [...names].reverse();
    expect(v3CanonicalRequest({ ...request, signedHeaders: reversed })).toBe(v3CanonicalRequest(request));
    expect(reversed).toEqual([...names].reverse());
  });

  it('matches the second documented vector', () => {
    const h = {
      ...headers,
      'x-acs-date': '2023-10-26T09:01:01Z',
      'x-acs-signature-nonce': 'd410180a5abf7fe235dd9b74aca91fc0',
    };
    const canonical = v3CanonicalRequest({ ...request, headers: h });
    expect(v3Signature('YourAccessKeySecret', v3StringToSign(canonical))).toBe(
      'e521358f7776c97df52e6b2891a8bc73026794a071b50c3323388c4e0df64804',
    );
  });
});

describe('percent-encoding', () => {
  it('keeps unreserved characters and encodes the rest strictly', () => {
    expect(percentEncode("a b*c'!()~-_.é")).toBe('a%20b%2Ac%27%21%28%29~-_.%C3%A9');
  });
});

describe('parsing a V3 Authorization header', () => {
  const A = 'ACS3-HMAC-SHA256';
  it('reads the three fields in any order, trimmed, with the signed header names in lower case', () => {
    expect(
      parseV3Authorization(`${A} SignedHeaders=Host;X-Acs-Date , Signature=ab12,Credential= key1 `),
    ).toEqual({
      accessKeyId: 'key1',
      signedHeaders: ['host', 'x-acs-date'],
      signature: 'ab12',
    });
  });

  it('ignores unknown fields, parts without a name and empty parts; of a field given twice, the last', () => {
    expect(
      parseV3Authorization(`${A} Credential=k,=x,junk,Other=1,SignedHeaders=host,Signature=s1,Signature=s2,`),
    ).toEqual({ accessKeyId: 'k', signedHeaders: ['host'], signature: 's2' });
  });

  it('refuses another algorithm and a header missing or emptying a field', () => {
    expect(parseV3Authorization('ACS3-HMAC-SM3 Credential=k,SignedHeaders=host,Signature=s')).toBeUndefined();
    expect(parseV3Authorization(`${A}Credential=k,SignedHeaders=host,Signature=s`)).toBeUndefined();
    expect(parseV3Authorization(`${A} Credential=k,SignedHeaders=host`)).toBeUndefined();
    expect(parseV3Authorization(`${A} Credential=k,SignedHeaders=host,Signature= `)).toBeUndefined();
  });
});

describe('sorting names', () => {
  // Upper case before lower, digits and punctuation by code unit, non-ASCII last: what the
  // default sort does, for a short list (sorted by hand) and a long one (by the built-in sort).
  const names = ['b', 'B', 'a.10', 'a.2', 'a_1', 'a-1', 'é', 'Z', 'a', '', 'x-acs-date', 'x-acs-action'];
  it('orders short and long lists by UTF-16 code units, as the default sort does', () => {
    expect(sortNames([...names])).toEqual([...names].sort());
    const long = Array.from({ length: 40 }, (_, i) => `${names[i % names.length]}${(i * 7) % 13}`);
    expect(sortNames([...long])).toEqual([...long].sort());
  });

  it('puts the query in that order whatever order the parameters came in', () => {
    expect(canonicalQuery({ b: '2', A: '1', a: '3' })).toBe('A=1&a=3&b=2');
  });
});
