// What a task throws to be tried again later by the queue (with its backoff) rather than give up: the
// outcome is known not to have happened yet (e.g. an SMTP server's temporary 4xx refusal). Code that
// catches errors to record them must let this one through.
export class RetryLater extends Error {
  override name = "RetryLater";
}
