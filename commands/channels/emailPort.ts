/** How the command side sends an e-mail to a citizen (sign-in codes). */
export interface EmailMessage {
  /** A client reference, for a mail relay that deduplicates. */
  readonly id: string;
  readonly to: string;
  readonly subject: string;
  /** Plain text. */
  readonly text: string;
}

export interface EmailSender {
  send(message: EmailMessage): Promise<void>;
}
