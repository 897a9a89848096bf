// Every endpoint of the API. The OpenAPI document and the permission matrix test are built from this
// list, and a test checks that it matches the route files under app/api exactly.
import { isEndpoint, type EndpointContract } from "./endpoint";
import * as apiClients from "./api-clients";
import * as audit from "./audit";
import * as automations from "./automations";
import * as consents from "./consents";
import * as customers from "./customers";
import * as eventTypes from "./event-types";
import * as events from "./events";
import * as identityRules from "./identity-rules";
import * as imports from "./imports";
import * as integrations from "./integrations";
import * as me from "./me";
import * as members from "./members";
import * as operations from "./operations";
import * as privacy from "./privacy";
import * as reports from "./reports";
import * as schema from "./schema";
import * as send from "./send";
import * as sources from "./sources";
import * as views from "./views";
import * as webhooks from "./webhooks";
import * as workspaces from "./workspaces";

const modules = [
  operations,
  me,
  workspaces,
  members,
  apiClients,
  sources,
  customers,
  imports,
  integrations,
  consents,
  privacy,
  audit,
  identityRules,
  events,
  eventTypes,
  schema,
  views,
  reports,
  send,
  webhooks,
  automations,
];

export const endpoints: EndpointContract[] = modules.flatMap((module) =>
  (Object.values(module) as unknown[]).filter(isEndpoint),
);
