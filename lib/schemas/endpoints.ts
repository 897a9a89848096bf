// Every endpoint of the API. The OpenAPI document and the permission matrix test are built from this
// list, and a test checks that it matches the route files under app/api exactly.
import { isEndpoint, type EndpointContract } from "./endpoint";
import * as apiClients from "./api-clients";
import * as customers from "./customers";
import * as identityRules from "./identity-rules";
import * as me from "./me";
import * as members from "./members";
import * as operations from "./operations";
import * as sources from "./sources";
import * as workspaces from "./workspaces";

const modules = [operations, me, workspaces, members, apiClients, sources, customers, identityRules];

export const endpoints: EndpointContract[] = modules.flatMap((module) => (Object.values(module) as unknown[]).filter(isEndpoint));
