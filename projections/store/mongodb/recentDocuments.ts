import type { MongoDocument } from './mongoDocument';

/**
 * The documents a writer used last (loaded or written; `undefined`: found absent), at most
 * `capacity` of them: the least recently used one goes first. A complaint's documents are
 * read again by its next events, which mostly come within days, so the recent ones are
 * what a batch needs; the rest are asked of the server.
 */
export class RecentDocuments {
  /** A Map iterates in insertion order: re-inserting on use keeps the oldest first. */
  private readonly documents = new Map<string, MongoDocument | undefined>();

  constructor(private readonly capacity: number) {}

  has(key: string): boolean {
    return this.documents.has(key);
  }

  get(key: string): MongoDocument | undefined {
    const document = this.documents.get(key);
    this.set(key, document);
    return document;
  }

  set(key: string, document: MongoDocument | undefined): void {
    this.documents.delete(key);
    this.documents.set(key, document);
    if (this.documents.size > this.capacity) this.documents.delete(this.documents.keys().next().value!);
  }

  get size(): number {
    return this.documents.size;
  }
}
