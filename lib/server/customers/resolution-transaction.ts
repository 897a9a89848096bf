// The transaction limits of a customer write: long enough for a burst of writes for one person, which
// queue on the same advisory lock.
export const RESOLUTION_TRANSACTION = { maxWait: 20_000, timeout: 30_000 } as const;
