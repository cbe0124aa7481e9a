import type { OpenedPersonalData, SealedPersonalData } from '../../domain/personalData';
import type { PersonalDataOpener } from '../projection';

/** Opens each envelope once per batch: a batch often touches one reporter many times. */
export function cachedOpener(opener: PersonalDataOpener): PersonalDataOpener {
  const opened = new Map<string, Promise<OpenedPersonalData>>();
  return {
    open(sealed: SealedPersonalData): Promise<OpenedPersonalData> {
      const key = `${sealed.keyId}:${sealed.iv}:${sealed.tag}`;
      let result = opened.get(key);
      if (!result) {
        result = opener.open(sealed);
        opened.set(key, result);
      }
      return result;
    },
  };
}
