// One spelling per address: the User table stores e-mails trimmed and lower-cased (schema.prisma).
export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}
