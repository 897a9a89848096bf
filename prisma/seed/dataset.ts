// The whole demo installation in memory: the demo people, their memberships and the two workspaces.
// Pure: the same reference date (and seed) always gives the same data; nothing here touches the database.
import type { Prisma } from "@/lib/generated/prisma/client";
import { DEMO_USERS, WORKSPACE_PLANS, type DemoUser } from "./plans";
import { DAY, DEMO_SEED, Rng } from "./random";
import { generateWorkspace, type WorkspaceData } from "./workspace";

export interface DemoUserRow {
  key: DemoUser["key"];
  id: string;
  email: string;
  name: string;
  createdAt: Date;
}

export interface DemoData {
  referenceDate: Date;
  users: DemoUserRow[];
  memberships: Prisma.MembershipCreateManyInput[];
  workspaces: WorkspaceData[];
}

export interface DemoOptions {
  /** Events end here and span the 12 months before it; customers signed up over the 3 years before it. */
  referenceDate: Date;
  seed?: number;
  /** Ids of demo users who already exist (by key), so that memberships and authorship point at them. */
  existingUserIds?: Partial<Record<DemoUser["key"], string>>;
}

export function generateDemoData({ referenceDate, seed = DEMO_SEED, existingUserIds = {} }: DemoOptions): DemoData {
  const rng = new Rng(seed);
  const ref = referenceDate.getTime();
  const usersCreatedAt = ref - 3 * 365 * DAY - 45 * DAY;
  const users = DEMO_USERS.map((user, index): DemoUserRow => {
    const generated = rng.uuid7(usersCreatedAt + index * 60_000);
    return {
      key: user.key,
      id: existingUserIds[user.key] ?? generated,
      email: user.email,
      name: user.name,
      createdAt: new Date(usersCreatedAt + index * 60_000),
    };
  });
  const admin = users.find((user) => user.key === "demo") ?? users[0];
  const workspaces = WORKSPACE_PLANS.map((plan) =>
    generateWorkspace({ rng, plan, ref, admin: { id: admin.id, name: admin.name } }),
  );
  const memberships = DEMO_USERS.flatMap((user, index) =>
    user.memberships.map((membership): Prisma.MembershipCreateManyInput => {
      const workspace = workspaces[WORKSPACE_PLANS.findIndex((plan) => plan.slug === membership.workspace)].workspace;
      return {
        workspaceId: workspace.id as string,
        userId: users[index].id,
        role: membership.role,
        consentHistory: membership.consentHistory,
        createdAt: workspace.createdAt,
        updatedAt: workspace.createdAt,
      };
    }),
  );
  return { referenceDate, users, memberships, workspaces };
}
