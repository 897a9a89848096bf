// The events capability's isomorphic part: standard catalogue, contexts, and properties normalisation.
export * from "./common";
export * from "./registry";
export { ZChangedSetting } from "./account";
export { ZCampaignChannel } from "./campaigns";
export { ZProduct, ZProductList } from "./catalogue";
export { ZOrderAmount } from "./orders";
export { ZContextInfo, ZEventContext, type ContextInfo, type EventContext } from "./context";
export { normalizeEventProperties, type NormalizeEventPropertiesResult } from "./normalize";
export { issuesToPropertyErrors, type PropertyError } from "./field-errors";
