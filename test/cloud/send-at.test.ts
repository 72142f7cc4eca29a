/**
 * Polls held until due: a held poll reaches the wire no sooner than its due time, whatever is
 * sent meanwhile; anything else, and a poll sent again (a retry), passes at once.
 */
import { describe, expect, it } from 'vitest';
import { SendAt } from '../../src/cloud/send-at.js';

describe('SendAt', () => {
  it('holds the poll of a held request token until it is due, and nothing else', async () => {
    const sendAt = new SendAt();
    const sent: { what: string; at: number }[] = [];
    const send = sendAt.middleware((args) => {
      sent.push({ what: JSON.stringify(args.input), at: Date.now() });
      return Promise.resolve('answer');
    });
    const due = Date.now() + 40;
    sendAt.hold('token-1', due);

    const poll = send({ input: { RequestToken: 'token-1' } });
    const other = send({ input: { RequestToken: 'token-2' } });
    const create = send({ input: { TypeName: 'AWS::ApiGatewayV2::Api' } });
    expect(sent.map((s) => s.what)).toEqual(['{"RequestToken":"token-2"}', '{"TypeName":"AWS::ApiGatewayV2::Api"}']);

    await expect(poll).resolves.toBe('answer');
    await Promise.all([other, create]);
    expect(sent).toHaveLength(3);
    expect(sent[2]).toMatchObject({ what: '{"RequestToken":"token-1"}' });
    expect(sent[2]!.at).toBeGreaterThanOrEqual(due);

    // The hold was for one poll: the same token again (a retried request) goes at once.
    void send({ input: { RequestToken: 'token-1' } });
    expect(sent).toHaveLength(4);
  });

  it('a poll due later is held until due once built, however early it was built', async () => {
    const sendAt = new SendAt();
    const sent: number[] = [];
    const send = sendAt.middleware(() => (sent.push(Date.now()), Promise.resolve()));
    const due = Date.now() + 50;
    await sendAt.due('token-1', 50);
    await send({ input: { RequestToken: 'token-1' } });
    expect(sent[0]).toBeGreaterThanOrEqual(due);
  });

  it('a released hold holds nothing', () => {
    const sendAt = new SendAt();
    const sent: string[] = [];
    const send = sendAt.middleware(() => (sent.push('poll'), Promise.resolve()));
    sendAt.hold('token-1', Date.now() + 60_000);
    sendAt.release('token-1');
    void send({ input: { RequestToken: 'token-1' } });
    expect(sent).toEqual(['poll']);
  });
});
