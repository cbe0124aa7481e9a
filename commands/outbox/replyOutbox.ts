import { z } from 'zod';
import { migrate, type Migration } from '../../eventstore/postgres/migrate';
import { checkSchemaName, type SqlClient } from '../../eventstore/postgres/sqlClient';

const migrations: readonly Migration[] = [
  {
    version: 1,
    name: 'reply outbox',
    sql: `
      -- Replies to SMS and tweets, recorded in the webhook's request once the complaint is in
      -- the ledger, and sent by the dispatcher (replyDispatcher.ts). The id derives from the
      -- inbound message id, so a redelivered message records nothing more. Recipient and text
      -- are cleared once the reply is settled (sent or given up): no personal data is kept.
      CREATE TABLE $S.reply_outbox (
        id uuid PRIMARY KEY,
        channel text NOT NULL CHECK (channel IN ('sms', 'twitter')),
        recipient text,
        parts jsonb,
        status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sent', 'failed')),
        attempts int NOT NULL DEFAULT 0,
        sent_parts int NOT NULL DEFAULT 0,
        thread_tip text,
        next_attempt_at timestamptz NOT NULL,
        last_error text,
        created_at timestamptz NOT NULL,
        settled_at timestamptz
      );
      CREATE INDEX reply_outbox_due ON $S.reply_outbox (next_attempt_at) WHERE status = 'pending';
      CREATE INDEX reply_outbox_settled ON $S.reply_outbox (settled_at) WHERE status <> 'pending';
    `,
  },
];

export const ReplyChannel = z.enum(['sms', 'twitter']);
export type ReplyChannel = z.infer<typeof ReplyChannel>;

export interface OutboundReply {
  /** Derived from the inbound message (gatewayReplyId): the same for every redelivery. */
  readonly id: string;
  readonly channel: ReplyChannel;
  /** SMS: the phone number; X: the id of the tweet answered. */
  readonly recipient: string;
  /** One SMS or one tweet each, in order. */
  readonly parts: readonly string[];
}

export interface ClaimedReply extends OutboundReply {
  /** Attempts so far, this one included. */
  readonly attempts: number;
  /** Parts an earlier attempt sent (they are not sent again). */
  readonly sentParts: number;
  /** The last tweet of the thread posted so far. */
  readonly threadTip: string | undefined;
}

const ClaimedRow = z.object({
  id: z.string(),
  channel: ReplyChannel,
  recipient: z.string(),
  parts: z.preprocess((value) => (typeof value === 'string' ? JSON.parse(value) : value), z.array(z.string()).min(1)),
  attempts: z.number().int(),
  sent_parts: z.number().int(),
  thread_tip: z.string().nullable(),
});

const COLUMNS = 'o.id::text AS id, o.channel, o.recipient, o.parts, o.attempts, o.sent_parts, o.thread_tip';

/** The durable queue of replies to citizens (PostgreSQL or PGlite). Instants come from the caller's clock. */
export class ReplyOutbox {
  private constructor(
    private readonly client: SqlClient,
    private readonly schema: string,
  ) {}

  static async open(client: SqlClient, schema: string): Promise<ReplyOutbox> {
    await migrate(client, checkSchemaName(schema), 'reply-outbox', migrations);
    return new ReplyOutbox(client, schema);
  }

  /** Records a reply due at `now`; false when its id is already recorded (a redelivery). */
  async enqueue(reply: OutboundReply, now: Date): Promise<boolean> {
    const rows = await this.client.query(
      `INSERT INTO ${this.schema}.reply_outbox (id, channel, recipient, parts, next_attempt_at, created_at) VALUES ($1, $2, $3, $4, $5, $5)
       ON CONFLICT (id) DO NOTHING RETURNING id`,
      [reply.id, reply.channel, reply.recipient, JSON.stringify(reply.parts), now.toISOString()],
    );
    return rows.length === 1;
  }

  /**
   * Claims up to `limit` due replies (or the one reply `id`, if due) for `leaseMs`: their next
   * attempt moves past the lease, so no other dispatcher takes them meanwhile, and a dispatcher
   * that dies mid-send leaves them to be taken again when it ends. SKIP LOCKED lets concurrent
   * claims pass each other instead of queueing; a row another claim just moved is re-checked
   * against next_attempt_at and left out.
   */
  async claim(now: Date, leaseMs: number, which: { readonly limit: number } | { readonly id: string }): Promise<ClaimedReply[]> {
    const pick = 'id' in which ? 'AND id = $3' : 'ORDER BY next_attempt_at LIMIT $3';
    const rows = await this.client.query(
      `WITH due AS (
         SELECT id FROM ${this.schema}.reply_outbox WHERE status = 'pending' AND next_attempt_at <= $1 ${pick} FOR UPDATE SKIP LOCKED
       )
       UPDATE ${this.schema}.reply_outbox AS o SET attempts = o.attempts + 1, next_attempt_at = $2 FROM due WHERE o.id = due.id
       RETURNING ${COLUMNS}`,
      [now.toISOString(), new Date(now.getTime() + leaseMs).toISOString(), 'id' in which ? which.id : which.limit],
    );
    return rows.map((row) => {
      const parsed = ClaimedRow.parse(row);
      return { id: parsed.id, channel: parsed.channel, recipient: parsed.recipient, parts: parsed.parts, attempts: parsed.attempts, sentParts: parsed.sent_parts, threadTip: parsed.thread_tip ?? undefined };
    });
  }

  /** Parts sent so far, so a retry goes on from the next one. */
  async recordProgress(id: string, sentParts: number, threadTip: string | undefined): Promise<void> {
    await this.client.query(`UPDATE ${this.schema}.reply_outbox SET sent_parts = $2, thread_tip = $3 WHERE id = $1 AND status = 'pending'`, [id, sentParts, threadTip ?? null]);
  }

  async markSent(id: string, now: Date): Promise<void> {
    await this.settle(id, 'sent', now, null);
  }

  /** Given up after the last attempt. */
  async markFailed(id: string, now: Date, error: string): Promise<void> {
    await this.settle(id, 'failed', now, error);
  }

  async retryAt(id: string, at: Date, error: string): Promise<void> {
    await this.client.query(`UPDATE ${this.schema}.reply_outbox SET next_attempt_at = $2, last_error = $3 WHERE id = $1 AND status = 'pending'`, [id, at.toISOString(), error]);
  }

  /** Replies by status, for logs and tests. */
  async counts(): Promise<Readonly<Record<'pending' | 'sent' | 'failed', number>>> {
    const rows = await this.client.query<{ status: 'pending' | 'sent' | 'failed'; count: string | number }>(`SELECT status, count(*) AS count FROM ${this.schema}.reply_outbox GROUP BY status`);
    const counts = { pending: 0, sent: 0, failed: 0 };
    for (const row of rows) counts[row.status] = Number(row.count);
    return counts;
  }

  /** Settled replies older than `before`: a message redelivered after that is answered again. */
  async purgeSettled(before: Date): Promise<number> {
    const rows = await this.client.query(`DELETE FROM ${this.schema}.reply_outbox WHERE status <> 'pending' AND settled_at < $1 RETURNING id`, [before.toISOString()]);
    return rows.length;
  }

  private async settle(id: string, status: 'sent' | 'failed', now: Date, error: string | null): Promise<void> {
    await this.client.query(
      `UPDATE ${this.schema}.reply_outbox SET status = $2, settled_at = $3, last_error = $4, recipient = NULL, parts = NULL, thread_tip = NULL WHERE id = $1 AND status = 'pending'`,
      [id, status, now.toISOString(), error],
    );
  }
}
