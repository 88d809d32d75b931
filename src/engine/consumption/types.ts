/** What the consumption dashboard shows: quantities per time bucket, range totals, channels and agents. */

export type Grouping = 'day' | 'week' | 'month';
export type RangePreset = 'today' | 'week' | 'month' | 'cycle' | 'custom';

/** Quantities counted per bucket and in total. Counts add up each event's `quantity` (pre-aggregated rows). */
export const METRICS = [
  'events', 'messages', 'messagesIn', 'messagesOut', 'templates', 'sms', 'smsSegments', 'calls', 'voiceMinutes',
  'video', 'videoMinutes', 'email', 'botSessions', 'contacts', 'agents',
] as const;
export type Metric = (typeof METRICS)[number];

/**
 * How an event's `kind` is read: `message` (chat, WhatsApp), `sms`, `call`, `video`, `email`, `bot` (kind bot or
 * session), `conversation`, anything else `other`.
 */
export const KIND_CLASSES = ['message', 'sms', 'call', 'video', 'email', 'bot', 'conversation', 'other'] as const;
export type KindClass = (typeof KIND_CLASSES)[number];

export type Totals = Record<Metric, number> & {
  /** Template messages by WhatsApp category ('' = a template without a category). */
  whatsappByCategory: Record<string, number>;
};

export type ChannelActivity = { channel: string; kind: KindClass; inbound: number; outbound: number; other: number };

export type AgentActivity = {
  agent: string;
  /** The queue most of the agent's events went through ('' when none). */
  queue: string;
  team: string;
  queues: string[];
  channels: string[];
  byKind: Partial<Record<KindClass, number>>;
  events: number;
  inbound: number;
  outbound: number;
  contacts: number;
  voiceMinutes: number;
  /** Epoch ms of the agent's first and last event in the range. */
  first: number;
  last: number;
};

export type ConsumptionQuery = {
  preset: RangePreset;
  grouping: Grouping;
  /** IANA zone of days, weeks and months (the dataset's zone). */
  timeZone: string;
  /** For 'custom': local dates YYYY-MM-DD, both included. */
  from?: string;
  to?: string;
  /** For 'cycle': the plan's billing cycle. */
  cycle?: { anchorDay: number; timeZone: string };
};

export type ConsumptionResult = {
  preset: RangePreset;
  grouping: Grouping;
  timeZone: string;
  /** The resolved range [from, to), epoch ms. */
  from: number;
  to: number;
  /** The instant 'today', 'this week'… are relative to: now, or the last event when all data is in the past. */
  reference: number;
  referenceSource: 'now' | 'data';
  /** First and last event of the whole dataset (NaN when empty). */
  dataFrom: number;
  dataTo: number;
  /** Bucket k is [starts[k], ends[k]); the first and last are clipped to the range. */
  starts: number[];
  ends: number[];
  series: Record<Metric, number[]>;
  /** Template messages per bucket by WhatsApp category, categories sorted by volume. */
  categories: string[];
  byCategory: number[][];
  totals: Totals;
  /** The period of equal length just before the range. */
  previous: Totals & { from: number; to: number };
  /** Percent change from the previous period per metric; null when the previous value was 0. */
  change: Record<Metric, number | null>;
  channels: ChannelActivity[];
  agents: AgentActivity[];
};
