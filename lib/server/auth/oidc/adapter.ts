// oidc-provider's storage in PostgreSQL (table OidcModel), so sessions, grants and tokens survive
// restarts and are shared by every app instance. API clients (model "Client") come from ApiClient.
import type { Adapter, AdapterPayload } from "oidc-provider";
import { db } from "@/lib/server/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import { apiClientMetadata } from "./api-client-metadata";

const GRANTABLE = new Set([
  "AccessToken",
  "AuthorizationCode",
  "RefreshToken",
  "DeviceCode",
  "BackchannelAuthenticationRequest",
  "ClientCredentials",
]);

const nowSeconds = () => Math.floor(Date.now() / 1000);

function live(
  row: { payload: Prisma.JsonValue; expiresAt: Date | null; consumedAt: Date | null } | null,
): AdapterPayload | undefined {
  if (!row || (row.expiresAt && row.expiresAt.getTime() <= Date.now())) return undefined;
  const payload = row.payload as AdapterPayload;
  return row.consumedAt ? { ...payload, consumed: Math.floor(row.consumedAt.getTime() / 1000) } : payload;
}

export class PrismaOidcAdapter implements Adapter {
  constructor(private readonly model: string) {}

  async upsert(id: string, payload: AdapterPayload, expiresIn: number): Promise<void> {
    const data = {
      payload: payload as Prisma.InputJsonValue,
      grantId: GRANTABLE.has(this.model) ? (payload.grantId ?? null) : null,
      userCode: payload.userCode ?? null,
      uid: payload.uid ?? null,
      expiresAt: expiresIn ? new Date((nowSeconds() + expiresIn) * 1000) : null,
    };
    await db().oidcModel.upsert({
      where: { model_id: { model: this.model, id } },
      create: { model: this.model, id, ...data },
      update: data,
    });
  }

  async find(id: string): Promise<AdapterPayload | undefined> {
    if (this.model === "Client") return apiClientMetadata(id);
    return live(await db().oidcModel.findUnique({ where: { model_id: { model: this.model, id } } }));
  }

  async findByUserCode(userCode: string): Promise<AdapterPayload | undefined> {
    return live(await db().oidcModel.findFirst({ where: { model: this.model, userCode } }));
  }

  async findByUid(uid: string): Promise<AdapterPayload | undefined> {
    return live(await db().oidcModel.findFirst({ where: { model: this.model, uid } }));
  }

  async consume(id: string): Promise<void> {
    await db().oidcModel.updateMany({ where: { model: this.model, id }, data: { consumedAt: new Date() } });
  }

  async destroy(id: string): Promise<void> {
    await db().oidcModel.deleteMany({ where: { model: this.model, id } });
  }

  async revokeByGrantId(grantId: string): Promise<void> {
    await db().oidcModel.deleteMany({ where: { grantId } });
  }
}

/** Expired rows are useless; removed now and then by the server. */
export async function deleteExpiredOidcRows(): Promise<number> {
  const { count } = await db().oidcModel.deleteMany({ where: { expiresAt: { lt: new Date() } } });
  return count;
}
