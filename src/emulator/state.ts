/**
 * Everything the local cloud knows, per region: live resources by type and identifier, and
 * request records by token. Regions are separate namespaces, as in AWS. When a Journal is
 * attached, every finished request is written through before it becomes visible.
 */
import type { Journal, JournalEntry, Snapshot } from './journal.js';
import { CLIENT_TOKEN_TTL_MS, REQUEST_TTL_MS, type RequestRecord, type StoredResource } from './records.js';

type TypeMap = Map<string, Map<string, StoredResource>>;

export class CloudState {
  private readonly resources = new Map<string, TypeMap>();
  private readonly requests = new Map<string, RequestRecord>();
  private readonly clientTokens = new Map<string, RequestRecord>();
  private nextSeq = 1;
  private journal: Journal | undefined;

  seq(): number {
    return this.nextSeq++;
  }

  /** Rebuilds from a data dir's contents, then keeps writing to its journal. */
  restore(journal: Journal, snapshot: Snapshot | undefined, entries: JournalEntry[]): void {
    if (snapshot) {
      this.nextSeq = snapshot.nextSeq;
      for (const resource of snapshot.resources) this.applyPut(resource);
      for (const request of snapshot.requests) this.applyRequest(request);
    }
    for (const entry of entries) this.applyEntry(entry);
    this.journal = journal;
    journal.compact(this.snapshot());
  }

  resource(region: string, typeName: string, identifier: string): StoredResource | undefined {
    return this.resources.get(region)?.get(typeName)?.get(identifier);
  }

  /** Live resources of a type, in creation order. */
  /** The resource of any type in `region` whose identifier is `identifier`, if one lives. */
  resourceWithIdentifier(region: string, identifier: string): StoredResource | undefined {
    for (const byId of this.resources.get(region)?.values() ?? []) {
      const found = byId.get(identifier);
      if (found) return found;
    }
    return undefined;
  }

  resourcesOf(region: string, typeName: string): Iterable<StoredResource> {
    return this.resources.get(region)?.get(typeName)?.values() ?? [];
  }

  /** Types that have live resources in the region. */
  typesIn(region: string): Iterable<string> {
    return this.resources.get(region)?.keys() ?? [];
  }

  request(region: string, requestToken: string): RequestRecord | undefined {
    const record = this.requests.get(requestToken);
    return record && record.region === region && !expired(record) ? record : undefined;
  }

  /** The region's request records, newest first. */
  *requestsOf(region: string): Iterable<RequestRecord> {
    const all = [...this.requests.values()];
    for (let i = all.length - 1; i >= 0; i--) {
      const record = all[i] as RequestRecord;
      if (record.region === region && !expired(record)) yield record;
    }
  }

  /** The request that used this ClientToken within the last 36 hours. */
  byClientToken(region: string, clientToken: string): RequestRecord | undefined {
    const record = this.clientTokens.get(`${region}\0${clientToken}`);
    return record && Date.now() - record.eventTime < CLIENT_TOKEN_TTL_MS ? record : undefined;
  }

  /** A request starts: visible at once, persisted when it finishes (see finish). */
  addRequest(record: RequestRecord): void {
    this.applyRequest(record);
  }

  /** A request reached a terminal state, with the resource change it made. */
  finish(entry: JournalEntry): void {
    this.journal?.append(entry);
    this.applyEntry(entry);
    if (this.journal?.needsCompaction) this.journal.compact(this.snapshot());
  }

  snapshot(): Snapshot {
    this.forgetExpired();
    const resources: StoredResource[] = [];
    for (const types of this.resources.values()) {
      for (const byId of types.values()) resources.push(...byId.values());
    }
    resources.sort((a, b) => a.seq - b.seq);
    // Unfinished requests are not kept: after a restart nothing would ever finish them.
    const requests = [...this.requests.values()].filter(isTerminal);
    return { version: 1, nextSeq: this.nextSeq, resources, requests };
  }

  // Run at each compaction, so a long-lived server does not keep week-old records.
  private forgetExpired(): void {
    for (const [token, record] of this.requests) {
      if (!expired(record)) continue;
      this.requests.delete(token);
      const key = `${record.region}\0${record.clientToken}`;
      if (this.clientTokens.get(key) === record) this.clientTokens.delete(key);
    }
  }

  private applyEntry(entry: JournalEntry): void {
    if (entry.put) this.applyPut(entry.put);
    if (entry.delete) {
      const { region, typeName, identifier } = entry.delete;
      const byId = this.resources.get(region)?.get(typeName);
      byId?.delete(identifier);
      if (byId?.size === 0) this.resources.get(region)?.delete(typeName);
    }
    if (entry.request) this.applyRequest(entry.request);
  }

  private applyPut(resource: StoredResource): void {
    let types = this.resources.get(resource.region);
    if (!types) this.resources.set(resource.region, (types = new Map<string, Map<string, StoredResource>>()));
    let byId = types.get(resource.typeName);
    if (!byId) types.set(resource.typeName, (byId = new Map<string, StoredResource>()));
    byId.set(resource.identifier, resource);
    this.nextSeq = Math.max(this.nextSeq, resource.seq + 1);
  }

  private applyRequest(record: RequestRecord): void {
    this.requests.set(record.requestToken, record);
    if (record.clientToken !== undefined) this.clientTokens.set(`${record.region}\0${record.clientToken}`, record);
    this.nextSeq = Math.max(this.nextSeq, record.seq + 1);
  }
}

function expired(record: RequestRecord): boolean {
  return Date.now() - record.eventTime > REQUEST_TTL_MS;
}

function isTerminal(record: RequestRecord): boolean {
  return record.status === 'SUCCESS' || record.status === 'FAILED' || record.status === 'CANCEL_COMPLETE';
}
