// /signin — starts the OAuth2 sign-in (NextAuth → /oauth) and shows why a previous attempt failed.
import { SignInStarter } from "./sign-in-starter";

export const metadata = { title: "Sign in · Atrium" };

export default async function SignInPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const params = await searchParams;
  const callbackUrl =
    typeof params.callbackUrl === "string" && params.callbackUrl.startsWith("/") ? params.callbackUrl : "/";
  const error = typeof params.error === "string" ? params.error : null;
  return <SignInStarter callbackUrl={callbackUrl} error={error} />;
}
