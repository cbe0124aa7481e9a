import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import type { NewEvent } from '../eventstore/port';
import { complaintInformationAdded, complaintSubmitted } from './benchEvents';
import { LatencyHistogram } from './latencyHistogram';

/** `no_stream` for a fresh stream, or the exact 0-based revision of the stream's last event. */
export type BenchExpected = 'no_stream' | number;

/** One store under test; each target maps `expected` to its own API. */
export interface BenchAppender {
  append(streamId: string, expected: BenchExpected, event: NewEvent): Promise<void>;
}

export interface WorkloadOptions {
  readonly writers: number;
  /** Share of appends to an existing stream of the same writer, with its exact revision. */
  readonly existingShare: number;
  /** Appends that finish before this many ms are not counted (warm-up). */
  readonly warmupMs: number;
  /** Stop starting appends after warm-up plus this many ms... */
  readonly measureMs?: number;
  /** ...or once this many appends (warm-up included) have been started. */
  readonly totalAppends?: number;
  /** Called after every counted append with the running count (memory sampling). */
  readonly onCounted?: (counted: number) => void;
}

export interface WorkloadResult {
  readonly appends: number;
  readonly seconds: number;
  readonly perSecond: number;
  readonly toExistingStreams: number;
  readonly latency: LatencyHistogram;
}

/** Streams a writer may append to again; bounded so that a long run holds nothing that grows. */
const STREAMS_KEPT_PER_WRITER = 64;

interface KnownStream {
  readonly id: string;
  revision: number;
}

/**
 * Runs `writers` concurrent loops, one append of one event at a time each. Every writer
 * owns its streams, so no append ever conflicts: the figure is pure append cost.
 */
export async function runAppendWorkload(appender: BenchAppender, options: WorkloadOptions): Promise<WorkloadResult> {
  if (options.measureMs === undefined && options.totalAppends === undefined) throw new Error('workload needs a duration or a total');
  const started = performance.now();
  const measureFrom = started + options.warmupMs;
  const stopAt = options.measureMs === undefined ? Number.POSITIVE_INFINITY : measureFrom + options.measureMs;
  const latency = new LatencyHistogram();
  let startedAppends = 0;
  let counted = 0;
  let toExisting = 0;
  let lastFinish = measureFrom;

  const total = options.totalAppends ?? Number.POSITIVE_INFINITY;
  const mayStart = (now: number): boolean => now < stopAt && startedAppends < total;

  async function writer(): Promise<void> {
    const streams: KnownStream[] = [];
    let next = 0;
    for (let now = performance.now(); mayStart(now); now = performance.now()) {
      startedAppends++;
      const reuse = streams.length > 0 && Math.random() < options.existingShare;
      let stream: KnownStream;
      let expected: BenchExpected;
      let event: NewEvent;
      if (reuse) {
        stream = streams[Math.floor(Math.random() * streams.length)]!;
        expected = stream.revision;
        event = complaintInformationAdded(stream.id.slice('complaint-'.length));
      } else {
        const complaintId = randomUUID();
        stream = { id: `complaint-${complaintId}`, revision: -1 };
        expected = 'no_stream';
        event = complaintSubmitted(complaintId);
      }
      const appendStarted = performance.now();
      await appender.append(stream.id, expected, event);
      stream.revision += 1;
      if (!reuse) {
        if (streams.length < STREAMS_KEPT_PER_WRITER) streams.push(stream);
        else streams[next++ % STREAMS_KEPT_PER_WRITER] = stream;
      }
      const finished = performance.now();
      if (finished < measureFrom) continue;
      counted++;
      if (reuse) toExisting++;
      latency.record(finished - appendStarted);
      lastFinish = finished;
      options.onCounted?.(counted);
    }
  }

  await Promise.all(Array.from({ length: options.writers }, () => writer()));
  const seconds = Math.max(lastFinish - measureFrom, 1) / 1000;
  return { appends: counted, seconds, perSecond: counted / seconds, toExistingStreams: toExisting, latency };
}
