// Every endpoint of the API. The OpenAPI document and the permission matrix test are built from this
// list, and a test checks that it matches the route files under app/api exactly.
import { isEndpoint, type EndpointContract } from "./endpoint";
import * as me from "./me";
import * as operations from "./operations";

const modules = [operations, me];

export const endpoints: EndpointContract[] = modules.flatMap((module) => (Object.values(module) as unknown[]).filter(isEndpoint));
