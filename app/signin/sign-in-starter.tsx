"use client";
import { signIn } from "next-auth/react";
import { useEffect, useRef } from "react";
import styles from "./sign-in.module.css";

const MESSAGES: Record<string, string> = {
  AccessDenied: "Your account has no access to Atrium.",
  OAuthCallback: "Sign-in was interrupted. Please try again.",
  OAuthSignin: "The sign-in service could not be reached. Please try again.",
  SessionRequired: "Please sign in to continue.",
};

export function SignInStarter({ callbackUrl, error }: { callbackUrl: string; error: string | null }) {
  // Without an error there is nothing to choose: go straight to the authorization server. Only once:
  // a second start (React runs effects twice in development) would replace the first one's OAuth state
  // cookie and make its callback fail with a state mismatch.
  const started = useRef(false);
  useEffect(() => {
    if (error || started.current) return;
    started.current = true;
    void signIn("atrium", { callbackUrl });
  }, [callbackUrl, error]);

  return (
    <main className={styles.page}>
      <div className={styles.card}>
        <div className={styles.brand}>
          <span className={styles.logo} aria-hidden="true">
            A
          </span>
          Atrium
        </div>
        {error ? (
          <>
            <p className={styles.error} role="alert">
              {MESSAGES[error] ?? "Sign-in failed. Please try again."}
            </p>
            <button className={styles.button} type="button" onClick={() => void signIn("atrium", { callbackUrl })}>
              Sign in
            </button>
          </>
        ) : (
          <p className={styles.muted}>Taking you to sign-in…</p>
        )}
      </div>
    </main>
  );
}
