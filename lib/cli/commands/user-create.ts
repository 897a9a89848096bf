// atrium user create --email <email> --password <password> [--name <name>] → { id, email }
import { ZUserCreate } from "@/lib/schemas/users";
import { createUser } from "@/lib/server/users/create-user";
import { defineCommand } from "@/lib/cli/command";

export const userCreate = defineCommand({
  name: "user create",
  summary: "Create a user who signs in with an e-mail and a password",
  options: {
    email: { type: "string", valueName: "<email>", description: "E-mail address (stored lower-cased)", required: true },
    password: { type: "string", valueName: "<password>", description: "At least 10 characters", required: true },
    name: { type: "string", valueName: "<name>", description: "Display name" },
  },
  schema: ZUserCreate,
  async run(input, { actor }) {
    const user = await createUser({ input, actor });
    return { id: user.id, email: user.email };
  },
});
