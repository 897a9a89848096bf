// The shape of a custom event type declaration (a small JSON Schema subset), shared by its validator
// (custom-type-schema.ts) and its compiler (custom-type-compile.ts).
export interface Annotations {
  title?: string;
  description?: string;
}
export interface CustomStringProperty extends Annotations {
  type: "string";
  format?: "date" | "date-time" | "email" | "uri";
  enum?: string[];
  minLength?: number;
  maxLength?: number;
}
export interface CustomNumberProperty extends Annotations {
  type: "number" | "integer";
  enum?: number[];
  minimum?: number;
  maximum?: number;
}
export interface CustomBooleanProperty extends Annotations {
  type: "boolean";
}
export interface CustomArrayProperty extends Annotations {
  type: "array";
  items: CustomProperty;
  minItems?: number;
  maxItems?: number;
}
export interface CustomObjectProperty extends Annotations {
  type: "object";
  properties?: Record<string, CustomProperty>;
  required?: string[];
  /** false rejects undeclared keys; by default (as in JSON Schema) they are allowed and kept. */
  additionalProperties?: boolean;
}
export type CustomProperty =
  CustomStringProperty | CustomNumberProperty | CustomBooleanProperty | CustomArrayProperty | CustomObjectProperty;
export type CustomEventTypeSchema = CustomObjectProperty & { $schema?: string };
