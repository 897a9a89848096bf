// Personalisation with LiquidJS: a template language without code execution. Templates are checked when
// a campaign is saved and before it is sent: syntax, unknown filters and unknown variables are 422s
// naming the field ("html", "subject" …). Includes and layouts read nothing (an empty in-memory store),
// and parse/render limits bound what one template can cost.
import { Liquid, type Template } from "liquidjs";
import { BASE_FIELDS } from "@/lib/schemas/customer-base";
import { validationFailed, type FieldError } from "@/lib/server/core/errors";

const LIMITS = { parseLimit: 1_000_000, renderLimit: 2_000, memoryLimit: 50_000_000 };
const COMMON = { strictFilters: true, ownPropertyOnly: true, templates: {}, ...LIMITS } as const;

/** HTML bodies escape every output (a customer's name cannot inject markup); subject and text do not. */
const htmlEngine = new Liquid({ ...COMMON, outputEscape: "escape" });
const textEngine = new Liquid({ ...COMMON });

export type TemplateField = "subject" | "preheader" | "html" | "text";

export interface TemplateSources {
  subject: string;
  preheader?: string | null;
  html: string;
  text?: string | null;
}

export interface CompiledTemplates {
  subject: Template[];
  preheader: Template[] | null;
  html: Template[];
  text: Template[] | null;
}

const CUSTOMER_KEYS = new Set(["id", "externalId", "base", "extended", "tags"]);
const CAMPAIGN_KEYS = new Set(["name"]);

/** Why a variable path is not one a message can use, or null. */
function variableProblem(segments: readonly (string | number | unknown)[]): string | null {
  const [root, second, ...rest] = segments.map(String);
  const path = segments.map(String).join(".");
  if (root === "unsubscribeUrl") return segments.length === 1 ? null : `Unknown variable "${path}"`;
  if (root === "campaign")
    return second === undefined || CAMPAIGN_KEYS.has(second) ? null : `Unknown variable "${path}"`;
  if (root !== "customer") return `Unknown variable "${path}" (use customer, campaign or unsubscribeUrl)`;
  if (second === undefined || !CUSTOMER_KEYS.has(second)) return `Unknown variable "${path}"`;
  if (second === "base" && rest.length > 0) {
    // A prefix of a base field path (customer.base.address) or a field (customer.base.address.city).
    const field = ["base", ...rest].join(".");
    return baseHasPrefix(field) ? null : `Unknown customer field "${field}"`;
  }
  return null;
}

const BASE_PATHS = Object.keys(BASE_FIELDS);
let basePrefixes: Set<string> | null = null;
function baseHasPrefix(field: string): boolean {
  basePrefixes ??= new Set(
    BASE_PATHS.flatMap((p) => p.split(".").map((_, i, parts) => parts.slice(0, i + 1).join("."))),
  );
  // Array fields may be indexed (customer.base.contacts.otherContacts[0].value): accept what starts at one.
  return basePrefixes.has(field) || BASE_PATHS.some((p) => field.startsWith(`${p}.`));
}

function compileOne(engine: Liquid, field: TemplateField, source: string, errors: FieldError[]): Template[] {
  try {
    const templates = engine.parse(source);
    for (const segments of engine.globalVariableSegmentsSync(templates)) {
      const problem = variableProblem(segments);
      if (problem) errors.push({ path: field, message: problem });
    }
    return templates;
  } catch (error) {
    errors.push({ path: field, message: error instanceof Error ? error.message : "Not a valid template" });
    return [];
  }
}

/** Parses and checks every template; throws 422 naming each bad field. */
export function compileTemplates(sources: TemplateSources): CompiledTemplates {
  const errors: FieldError[] = [];
  const compiled: CompiledTemplates = {
    subject: compileOne(textEngine, "subject", sources.subject, errors),
    preheader: sources.preheader ? compileOne(textEngine, "preheader", sources.preheader, errors) : null,
    html: compileOne(htmlEngine, "html", sources.html, errors),
    text: sources.text ? compileOne(textEngine, "text", sources.text, errors) : null,
  };
  if (errors.length > 0) throw validationFailed(errors, "A template is not valid");
  return compiled;
}

export interface RenderedTemplates {
  subject: string;
  preheader: string | null;
  html: string;
  text: string | null;
}

function renderOne(engine: Liquid, field: TemplateField, templates: Template[], scope: object): string {
  try {
    return engine.renderSync(templates, scope) as string;
  } catch (error) {
    throw validationFailed([
      { path: field, message: error instanceof Error ? error.message : "The template could not be rendered" },
    ]);
  }
}

/** Renders for one recipient; a render error (e.g. a limit) is a 422 naming the field. */
export function renderTemplates(compiled: CompiledTemplates, scope: object): RenderedTemplates {
  return {
    subject: renderOne(textEngine, "subject", compiled.subject, scope)
      .replace(/[\r\n]+/g, " ")
      .trim(),
    preheader: compiled.preheader ? renderOne(textEngine, "preheader", compiled.preheader, scope) : null,
    html: renderOne(htmlEngine, "html", compiled.html, scope),
    text: compiled.text ? renderOne(textEngine, "text", compiled.text, scope) : null,
  };
}
