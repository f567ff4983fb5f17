import { randomBytes } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { type RawData, type WebSocket, WebSocketServer } from 'ws';
import { z } from 'zod';
import { apiGuild, apiUser } from './api-objects.ts';
import type { LocalState } from './state.ts';

const HEARTBEAT_INTERVAL_MS = 41_250;
const BACKLOG_LIMIT = 1000;

const Op = {
  Dispatch: 0,
  Heartbeat: 1,
  Identify: 2,
  Resume: 6,
  InvalidSession: 9,
  Hello: 10,
  HeartbeatAck: 11,
};

export const Intent = {
  Guilds: 1,
  GuildMembers: 1 << 1,
  GuildMessages: 1 << 9,
  DirectMessages: 1 << 12,
};

const payloadSchema = z.object({ op: z.number().int(), d: z.unknown() });
const identifySchema = z.object({
  token: z.string().min(1),
  intents: z.number().int(),
  /** [shard_id, num_shards]; absent means [0, 1]. */
  shard: z.tuple([z.number().int(), z.number().int()]).optional(),
});
const resumeSchema = z.object({
  token: z.string().min(1),
  session_id: z.string(),
  seq: z.number().int(),
});

interface DispatchFrame {
  op: 0;
  t: string;
  s: number;
  d: unknown;
}

/** Discord's default: one connection may hold at most this many guilds. */
export const DEFAULT_GUILDS_PER_SHARD = 2500;

export interface GatewayOptions {
  /** Close with 4011 (sharding required) when a shard would hold more guilds than this. */
  guildsPerShard?: number;
}

interface Session {
  id: string;
  intents: number;
  shard: readonly [id: number, count: number];
  seq: number;
  /** Every dispatch of the session, so a RESUME can replay what the client missed. */
  backlog: DispatchFrame[];
  socket?: WebSocket;
  resumable: boolean;
}

/** The WebSocket side of Discord: handshake, heartbeats, sessions, resume with replay. */
export class Gateway {
  private readonly wss = new WebSocketServer({ noServer: true });
  private readonly sessions = new Map<string, Session>();

  constructor(
    private readonly state: LocalState,
    private readonly url: () => string,
    private readonly options: GatewayOptions = {},
  ) {}

  handleUpgrade(request: IncomingMessage, socket: Duplex, head: Buffer): void {
    if (new URL(request.url ?? '/', 'http://localhost').pathname !== '/gateway') {
      socket.destroy();
      return;
    }
    this.wss.handleUpgrade(request, socket, head, (ws) => this.accept(ws));
  }

  /**
   * Sends an event to every session whose intents include `requiredIntent` (0: always) and,
   * like Discord, an event of a guild (`guild_id` in its data, or `guildId` for an event that
   * is the guild itself) only to the shard owning that guild; anything else (DMs) only to
   * shard 0.
   */
  dispatch(
    t: string,
    d: unknown,
    requiredIntent = 0,
    guildId = (d as { guild_id?: unknown } | null)?.guild_id,
  ): void {
    for (const session of this.sessions.values()) {
      if ((session.intents & requiredIntent) !== requiredIntent) continue;
      const owns =
        typeof guildId === 'string' ? ownsGuild(session.shard, guildId) : session.shard[0] === 0;
      if (owns) this.send(session, t, d);
    }
  }

  hasSession(): boolean {
    return this.sessions.size > 0;
  }

  /** Cuts every connection without a close frame, as a network failure would. */
  dropSockets(): void {
    for (const ws of this.wss.clients) ws.terminate();
  }

  invalidateSessions(): void {
    for (const session of this.sessions.values()) session.resumable = false;
  }

  close(): Promise<void> {
    this.dropSockets();
    return new Promise((resolve) => this.wss.close(() => resolve()));
  }

  private accept(ws: WebSocket): void {
    ws.send(JSON.stringify({ op: Op.Hello, d: { heartbeat_interval: HEARTBEAT_INTERVAL_MS } }));
    ws.on('message', (data) => this.onMessage(ws, data));
    ws.on('close', (code) => this.onClose(ws, code));
  }

  private onMessage(ws: WebSocket, data: RawData): void {
    let payload: z.infer<typeof payloadSchema>;
    try {
      payload = payloadSchema.parse(JSON.parse(data.toString()));
    } catch {
      ws.close(4002, 'Error while decoding payload.');
      return;
    }
    switch (payload.op) {
      case Op.Heartbeat:
        ws.send(JSON.stringify({ op: Op.HeartbeatAck }));
        return;
      case Op.Identify:
        this.identify(ws, payload.d);
        return;
      case Op.Resume:
        this.resume(ws, payload.d);
        return;
      default:
        // Presence updates, member requests, voice: accepted and ignored.
        return;
    }
  }

  private identify(ws: WebSocket, raw: unknown): void {
    const identify = identifySchema.safeParse(raw);
    if (!identify.success) {
      ws.close(4004, 'Authentication failed.');
      return;
    }
    const shard = identify.data.shard ?? [0, 1];
    const [shardId, shardCount] = shard;
    if (shardCount < 1 || shardId < 0 || shardId >= shardCount) {
      ws.close(4010, 'Invalid shard.');
      return;
    }
    const guilds = [...this.state.guilds.values()].filter((guild) => ownsGuild(shard, guild.id));
    if (guilds.length > (this.options.guildsPerShard ?? DEFAULT_GUILDS_PER_SHARD)) {
      ws.close(4011, 'Sharding required.');
      return;
    }
    const session: Session = {
      id: randomBytes(16).toString('hex'),
      intents: identify.data.intents,
      shard,
      seq: 0,
      backlog: [],
      socket: ws,
      resumable: true,
    };
    this.sessions.set(session.id, session);
    this.send(session, 'READY', {
      v: 10,
      user: { ...apiUser(this.state.bot), verified: true, flags: 0, mfa_enabled: false },
      guilds: guilds.map((guild) => ({ id: guild.id, unavailable: true })),
      session_id: session.id,
      resume_gateway_url: this.url(),
      shard,
      application: { id: this.state.applicationId, flags: 0 },
    });
    // Without the privileged members intent Discord only includes the bot's own member.
    const allMembers = (session.intents & Intent.GuildMembers) !== 0;
    for (const guild of guilds)
      this.send(session, 'GUILD_CREATE', apiGuild(this.state, guild, allMembers));
  }

  private resume(ws: WebSocket, raw: unknown): void {
    const resume = resumeSchema.safeParse(raw);
    const session = resume.success ? this.sessions.get(resume.data.session_id) : undefined;
    if (!resume.success || !session?.resumable) {
      if (session) this.sessions.delete(session.id);
      ws.send(JSON.stringify({ op: Op.InvalidSession, d: false }));
      return;
    }
    if (session.socket && session.socket !== ws) session.socket.terminate();
    session.socket = ws;
    for (const frame of session.backlog)
      if (frame.s > resume.data.seq) ws.send(JSON.stringify(frame));
    this.send(session, 'RESUMED', {});
  }

  private onClose(ws: WebSocket, code: number): void {
    for (const session of this.sessions.values()) {
      if (session.socket !== ws) continue;
      session.socket = undefined;
      // A clean close means the client ended the session; anything else can be resumed.
      if (code === 1000 || code === 1001) this.sessions.delete(session.id);
    }
  }

  private send(session: Session, t: string, d: unknown): void {
    session.seq += 1;
    const frame: DispatchFrame = { op: 0, t, s: session.seq, d };
    session.backlog.push(frame);
    if (session.backlog.length > BACKLOG_LIMIT) session.backlog.shift();
    const socket = session.socket;
    if (socket && socket.readyState === socket.OPEN) socket.send(JSON.stringify(frame));
  }
}

/** Discord's rule: a guild belongs to shard `(guild_id >> 22) % num_shards`. */
export function shardOfGuild(guildId: string, shardCount: number): number {
  return Number((BigInt(guildId) >> 22n) % BigInt(shardCount));
}

function ownsGuild(shard: readonly [number, number], guildId: string): boolean {
  return shardOfGuild(guildId, shard[1]) === shard[0];
}
