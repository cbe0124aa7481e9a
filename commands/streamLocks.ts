/**
 * Runs work on one stream at a time within this process. Commands on one complaint
 * from one node then never race each other; across nodes the expected revision still
 * decides, and handleCommand retries.
 */
export class StreamLocks {
  private readonly tails = new Map<string, Promise<void>>();

  async run<T>(streamId: string, work: () => Promise<T>): Promise<T> {
    const previous = this.tails.get(streamId) ?? Promise.resolve();
    let release!: () => void;
    const mine = new Promise<void>((resolve) => (release = resolve));
    const tail = previous.then(() => mine);
    this.tails.set(streamId, tail);
    await previous;
    try {
      return await work();
    } finally {
      release();
      // The last one out removes the entry, so the map holds only streams in use.
      if (this.tails.get(streamId) === tail) this.tails.delete(streamId);
    }
  }
}
