import { createWorkingDayCalendar } from '../../../domain/calendar';
import type { CommandOf, DecisionActor } from '../../../domain/complaint';
import { proposeAgency, type ComplaintCategory } from '../../../domain/routing';
import { trackingIdFromRandomBytes } from '../../../domain/trackingId';
import type { NewEvent } from '../../../eventstore/port';
import { complaintLifecycle } from './complaintLifecycle';
import { drawProfile } from './complaintProfile';
import { dailyVolumes } from './dailyVolume';
import { GeneratorOptions, type GeneratorOptionsInput } from './generatorOptions';
import { drawOutcome, type Outcome } from './outcomePlans';
import { Prng } from './prng';
import { ReporterPool } from './reporterPool';
import { sealSynthetic, syntheticDataKey } from './syntheticSealing';
import { syntheticReporter } from './syntheticReporter';
import { WeightedChoice } from './weightedChoice';

const HOUR_MS = 3_600_000;
const JAKARTA_OFFSET_MS = 7 * HOUR_MS;
/** Separate generator streams per concern, so changing one never reshuffles the others. */
const VOLUME_STREAM = 0x0da11e5;
const POOL_STREAM = 0x9001;
/** Jakarta hour of submission: daytime, with an evening bump on the phone channels. */
const hours = new WeightedChoice(Array.from({ length: 24 }, (_, h) => [h, h < 6 ? 1 : h < 9 ? 4 : h < 17 ? 8 : h < 22 ? 5 : 2] as const));

export interface VaultKeyToCreate {
  readonly keyId: string;
  readonly dataKey: Buffer;
}

export interface GeneratedComplaint {
  readonly index: number;
  readonly streamId: string;
  readonly events: readonly NewEvent[];
  readonly outcome: Outcome;
  /** Set the first time a reporter appears: their data key must be stored before anyone reads. */
  readonly newVaultKey?: VaultKeyToCreate;
  readonly refusal?: string;
}

const jakartaDate = (ms: number): string => new Date(ms + JAKARTA_OFFSET_MS).toISOString().slice(0, 10);

/**
 * The synthetic ledger, one complaint at a time, in submission order: a pure function of
 * the options (no clock, no Math.random). Each complaint's whole stream comes at once with
 * its events at their simulated times; nothing is kept but counters and a routing cache.
 */
export function* generateSyntheticLedger(optionsInput: GeneratorOptionsInput): Generator<GeneratedComplaint> {
  const options = GeneratorOptions.parse(optionsInput);
  const { seed } = options;
  const calendar = createWorkingDayCalendar();
  const pool = new ReporterPool(new Prng(seed ^ POOL_STREAM));
  const horizonMs = Date.parse(`${options.to}T23:59:59.999+07:00`);
  const routes = new Map<string, string>();
  const proposedAgency = (category: ComplaintCategory, regionCode: string): string => {
    const key = `${category}|${regionCode}`;
    let agencyId = routes.get(key);
    if (agencyId === undefined) {
      const result = proposeAgency({ category, regionCode });
      if (!result.ok) throw new Error(`routing ${key}: ${result.error.message}`);
      agencyId = result.proposal.agencyId;
      routes.set(key, agencyId);
    }
    return agencyId;
  };

  let index = 0;
  let earlierComplaintId: string | undefined;
  for (const day of dailyVolumes(options.from, options.to, options.complaints, new Prng(seed ^ VOLUME_STREAM), calendar)) {
    const dayStartMs = Date.parse(`${day.date}T00:00:00+07:00`);
    for (let k = 0; k < day.complaints; k++, index++) {
      const prng = Prng.derived(seed, index);
      const profile = drawProfile(prng);
      const submittedAtMs = dayStartMs + hours.draw(prng) * HOUR_MS + prng.int(HOUR_MS);
      const pooled = pool.next();
      const person = syntheticReporter(seed, pooled.index);
      const keyId = `reporter-${person.accountId}`;
      const dataKey = options.personalData ? syntheticDataKey(seed, keyId) : undefined;
      const complaintId = prng.uuid();
      const viaGateway = profile.channel !== 'web' && profile.channel !== 'app';
      const reporter: DecisionActor | undefined = profile.withAccount ? { id: person.accountId, role: 'reporter' } : undefined;
      const submitter: DecisionActor = reporter ?? (viaGateway ? { id: `${profile.channel}-gateway`, role: 'channel_gateway' } : { id: `session-${prng.uuid()}`, role: 'public' });
      const submit: CommandOf<'SubmitComplaint'> = {
        type: 'SubmitComplaint',
        complaintId,
        trackingId: trackingIdFromRandomBytes(prng.bytes(8)),
        kind: profile.kind,
        title: profile.title,
        chronology: profile.chronology,
        incidentDate: jakartaDate(submittedAtMs - prng.int(30) * 24 * HOUR_MS),
        regionCode: profile.regionCode,
        category: profile.category,
        attachments: [],
        anonymous: profile.anonymous,
        confidential: profile.confidential,
        channel: profile.channel,
        ...(viaGateway ? { channelMessageId: `${profile.channel}-${prng.uuid()}` } : {}),
        ...(dataKey ? { reporter: sealSynthetic(dataKey, keyId, complaintId, person.personalData) } : {}),
      };
      const outcome = drawOutcome(prng, profile.withAccount);
      const lifecycle = complaintLifecycle({
        prng,
        submit,
        submitter,
        reporter,
        outcome,
        submittedAtMs,
        horizonMs,
        proposedAgencyId: proposedAgency(profile.category, profile.regionCode),
        earlierComplaintId,
      });
      earlierComplaintId = complaintId;
      yield {
        index,
        streamId: `complaint-${complaintId}`,
        events: lifecycle.events,
        outcome,
        ...(dataKey && pooled.isNew ? { newVaultKey: { keyId, dataKey } } : {}),
        ...(lifecycle.refusal === undefined ? {} : { refusal: lifecycle.refusal }),
      };
    }
  }
}
