import { describe, expect, it } from "vitest";
import { pathInWorkspace, screenPath, switchWorkspacePath, workspacePath } from "./workspace-paths";

describe("workspacePath", () => {
  it("puts the workspace slug in front of the screen's path", () => {
    expect(workspacePath("acme", "/settings/members")).toBe("/w/acme/settings/members");
    expect(workspacePath("acme", "views")).toBe("/w/acme/views");
  });

  it("opens Customers when no screen is given", () => {
    expect(workspacePath("acme")).toBe("/w/acme/dashboard");
    expect(workspacePath("acme", "/")).toBe("/w/acme/dashboard");
  });
});

describe("screenPath", () => {
  it("is the part after the workspace", () => {
    expect(screenPath("/w/acme/customers/42")).toBe("/customers/42");
    expect(screenPath("/w/acme")).toBe("");
    expect(screenPath("/customers")).toBeNull();
  });
});

describe("switchWorkspacePath", () => {
  it("keeps the section", () => {
    expect(switchWorkspacePath("/w/acme/events", "globex")).toBe("/w/globex/events");
    expect(switchWorkspacePath("/w/acme/settings/api-clients", "globex")).toBe("/w/globex/settings/api-clients");
  });

  it("drops ids that only mean something in the old workspace", () => {
    expect(switchWorkspacePath("/w/acme/customers/c_42", "globex")).toBe("/w/globex/customers");
    expect(switchWorkspacePath("/w/acme/views/v_1/edit", "globex")).toBe("/w/globex/views");
  });

  it("opens the dashboard from the workspace root or outside any workspace", () => {
    expect(switchWorkspacePath("/w/acme", "globex")).toBe("/w/globex/dashboard");
    expect(switchWorkspacePath("/", "globex")).toBe("/w/globex/dashboard");
  });
});

describe("pathInWorkspace", () => {
  it("moves a path without a workspace into one", () => {
    expect(pathInWorkspace("/customers/42", "acme")).toBe("/w/acme/customers/42");
    expect(pathInWorkspace("/", "acme")).toBe("/w/acme/dashboard");
  });
});
