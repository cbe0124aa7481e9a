import { z } from 'zod';

/** A cursor: the sort value and id of the last document of a page, opaque to clients. */
const CursorShape = z.tuple([z.union([z.string(), z.number()]), z.string()]);
export type CursorPosition = z.infer<typeof CursorShape>;

export class InvalidCursor extends Error {
  override readonly name = 'InvalidCursor';
  constructor() {
    super('the cursor is not one this service issued');
  }
}

export function encodeCursor(position: CursorPosition): string {
  return Buffer.from(JSON.stringify(position), 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string): CursorPosition {
  try {
    return CursorShape.parse(JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')));
  } catch {
    throw new InvalidCursor();
  }
}
