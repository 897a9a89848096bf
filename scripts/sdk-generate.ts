// npm run sdk:generate — writes packages/node/src/generated/openapi.ts from the OpenAPI document.
import { writeFileSync } from "node:fs";
import { generateSdkTypes, SDK_TYPES_FILE } from "./sdk-types";

const source = await generateSdkTypes();
writeFileSync(SDK_TYPES_FILE, source);
console.log(`[sdk] wrote ${SDK_TYPES_FILE} (${source.length} characters)`);
