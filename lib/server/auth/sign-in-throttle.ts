// Slows down password guessing at the sign-in page. Each attempt first spends a point of two budgets, in
// one atomic statement each (rate-limiter-flexible on the "RateLimit" table, shared by every instance):
// - the account *from this address* (5 per 15 minutes): guessing one account's password is stopped, yet
//   nobody can lock the owner out from elsewhere — the right password from another address still works;
// - the address, whatever the account (20 per 15 minutes): one address cannot spray many accounts.
// Spending before checking is what makes it hold under concurrency: of 30 simultaneous guesses at a limit
// of 5, exactly 5 reach the password check. A right password gives its points back.
import { forget, consume, reward } from "@/lib/server/limits/limiter";
import { policy } from "@/lib/server/limits/policies";
import { verifyCredentials } from "./credentials";

const normalised = (email: string) => email.trim().toLowerCase();
const accountKey = (email: string, address: string) => `${normalised(email)}|${address}`;

export type SignInAttempt =
  | { outcome: "signed_in"; user: { id: string; email: string; name: string | null } }
  | { outcome: "wrong" }
  | { outcome: "throttled"; retryAfterSeconds: number };

export async function attemptSignIn(email: string, password: string, address: string): Promise<SignInAttempt> {
  const [account, perAddress] = await Promise.all([
    consume(policy("sign_in_account"), accountKey(email, address)),
    consume(policy("sign_in_address"), address),
  ]);
  const refused = [account, perAddress].filter((state) => !state.allowed);
  if (refused.length > 0)
    return { outcome: "throttled", retryAfterSeconds: Math.max(...refused.map((s) => s.resetSeconds)) };
  const user = email && password ? await verifyCredentials(email, password) : null;
  if (!user) return { outcome: "wrong" };
  await Promise.all([
    forget(policy("sign_in_account"), accountKey(email, address)),
    reward(policy("sign_in_address"), address),
  ]);
  return { outcome: "signed_in", user };
}
