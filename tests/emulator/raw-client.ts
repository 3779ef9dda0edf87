import { Pool } from 'undici';
import { signV1, signV3 } from '../../emulator/protocol';

export interface RawAnswer {
  readonly status: number;
  readonly body: Record<string, unknown>;
}

/** Signed calls over undici (cheap enough for hundreds of concurrent calls), JSON answers. */
export class RawClient {
  readonly #pool: Pool;
  #n = 0;

  constructor(
    url: string,
    private readonly port: number,
    connections = 64,
  ) {
    this.#pool = new Pool(url, { connections, pipelining: 1 });
  }

  async call(action: string, version: string, params: Record<string, string>): Promise<RawAnswer> {
    // Alternate dialects so both signature paths carry the load.
    const host = `127.0.0.1:${this.port}`;
    const req =
      this.#n++ % 2 === 0
        ? signV1({ action, version, params, format: 'JSON', layout: 'body', host })
        : signV3({ action, version, params, host });
    const res = await this.#pool.request({
      method: 'POST',
      path: req.url,
      headers: req.headers as Record<string, string>,
      body: req.body,
    });
    return { status: res.statusCode, body: (await res.body.json()) as Record<string, unknown> };
  }

  close(): Promise<void> {
    return this.#pool.close();
  }
}

/** Every disk ID DescribeDisks lists in a region, page by page. */
export async function listDiskIds(client: RawClient, regionId: string): Promise<string[]> {
  const ids: string[] = [];
  for (let page = 1; ; page++) {
    const { status, body } = await client.call('DescribeDisks', '2014-05-26', {
      RegionId: regionId,
      PageSize: '100',
      PageNumber: String(page),
    });
    if (status !== 200) throw new Error(`DescribeDisks answered ${status}: ${JSON.stringify(body)}`);
    const disks = (body.Disks as { Disk: { DiskId: string }[] }).Disk;
    ids.push(...disks.map((d) => d.DiskId));
    if (disks.length < 100) return ids;
  }
}
