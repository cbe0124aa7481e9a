import { isValidRegionCode } from '../../domain/routing';
import type { ComplaintReport } from '../intake/submitComplaint';

const JAKARTA_OFFSET_MS = 7 * 60 * 60 * 1000;
const TITLE_LENGTH = 80;
const LEADING_REGION_CODE = /^(\d{2}(?:\.\d{2}){0,2})\s+/;

/**
 * A free-text message (SMS, tweet) as a report. The text is the chronology; the title is
 * its first words. A message may start with a Kemendagri region code ("32.73 Jalan rusak
 * ..."); otherwise it is filed under `defaultRegionCode` for the SP4N admin to route, since
 * the domain has no "region unknown". Category `lainnya`: the admin classifies on verification.
 */
export function gatewayReport(text: string, options: { readonly receivedAt: Date; readonly defaultRegionCode: string }): ComplaintReport {
  const trimmed = text.trim();
  const region = LEADING_REGION_CODE.exec(trimmed);
  const regionCode = region && isValidRegionCode(region[1]!) ? region[1]! : undefined;
  const chronology = regionCode ? trimmed.slice(region![0].length) : trimmed;
  return {
    kind: 'pengaduan',
    title: titleOf(chronology),
    chronology,
    incidentDate: new Date(options.receivedAt.getTime() + JAKARTA_OFFSET_MS).toISOString().slice(0, 10),
    regionCode: regionCode ?? options.defaultRegionCode,
    category: 'lainnya',
    attachments: [],
    anonymous: false,
    confidential: false,
  };
}

/** The first words that fit, cut at a space. */
function titleOf(chronology: string): string {
  const oneLine = chronology.replace(/\s+/g, ' ');
  if (oneLine.length <= TITLE_LENGTH) return oneLine;
  const cut = oneLine.lastIndexOf(' ', TITLE_LENGTH - 1);
  return `${oneLine.slice(0, cut > 20 ? cut : TITLE_LENGTH - 1)}…`;
}
