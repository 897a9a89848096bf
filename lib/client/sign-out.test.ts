import { describe, expect, it } from "vitest";
import { endSessionUrl } from "./sign-out";

describe("endSessionUrl", () => {
  it("asks the authorization server to end its session and come back to the app's root", () => {
    const url = new URL(endSessionUrl("https://cdp.example.com"), "https://cdp.example.com");
    expect(url.pathname).toBe("/oauth/session/end");
    expect(url.searchParams.get("client_id")).toBe("atrium-admin");
    expect(url.searchParams.get("post_logout_redirect_uri")).toBe("https://cdp.example.com/");
  });

  it("does not double the slash of an origin given with one", () => {
    const url = new URL(endSessionUrl("http://127.0.0.1:3000/"), "http://127.0.0.1:3000");
    expect(url.searchParams.get("post_logout_redirect_uri")).toBe("http://127.0.0.1:3000/");
  });
});
