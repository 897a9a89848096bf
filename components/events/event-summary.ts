// One line per event for timelines and lists ("Completed order #1234 · €89.90", "Viewed page /shoes"):
// the type's own sentence filled with the few properties a marketer recognises it by. Anything that is
// missing falls back to the type's label, so a sparse event still reads as a sentence.
import {
  firstTextAt,
  formatMoney,
  humanizeType,
  listAt,
  numberAt,
  recordAt,
  shortUrl,
  textAt,
  urlPath,
  type JsonRecord,
} from "./event-values";

export interface SummaryOptions {
  /** The type's label (workspace label, catalogue label); a humanised type name otherwise. */
  label?: string;
  locale?: string;
  /** The workspace's currency, for product prices, which carry none of their own. */
  currency?: string;
}

interface Context {
  props: JsonRecord;
  options: SummaryOptions;
}

type Summarizer = (context: Context) => string | undefined;

const SEPARATOR = " · ";
const quote = (text: string) => `“${text}”`;
const join = (...parts: (string | undefined | false)[]) => parts.filter(Boolean).join(SEPARATOR);

function productName(props: JsonRecord): string | undefined {
  return textAt(props, "name") ?? textAt(props, "sku") ?? textAt(props, "id");
}

function productPrice({ props, options }: Context): string | undefined {
  const price = numberAt(props, "price");
  return price === undefined
    ? undefined
    : formatMoney(price, textAt(props, "currency") ?? options.currency, options.locale);
}

function orderTotal({ props, options }: Context): string | undefined {
  const amount = recordAt(props, "amount");
  const total = numberAt(amount, "total");
  return total === undefined ? undefined : formatMoney(total, textAt(amount, "currency"), options.locale);
}

/** "3 items"; nothing for a single item, which the line would only clutter. */
function itemCount(props: JsonRecord): string | undefined {
  const products = listAt(props, "products");
  if (!products?.length) return undefined;
  const count = products.reduce<number>((sum, product) => sum + (numberAt(product, "quantity") ?? 1), 0);
  return count > 1 ? `${count} items` : undefined;
}

const orderRef = (props: JsonRecord) => {
  const id = textAt(props, "orderId");
  return id ? `#${id.replace(/^#/, "")}` : undefined;
};

function product(verb: string, suffix = ""): Summarizer {
  return (context) => {
    const name = productName(context.props);
    if (!name) return undefined;
    const quantity = numberAt(context.props, "quantity");
    return join(
      `${verb} ${quote(name)}${suffix}${quantity && quantity > 1 ? ` (×${quantity})` : ""}`,
      productPrice(context),
    );
  };
}

/** `sentence` gets the quoted campaign name: "Opened “Spring sale”", "Campaign “Spring sale” bounced". */
function campaign(sentence: (name: string) => string): Summarizer {
  return ({ props }) => {
    const name = textAt(props, "campaignName") ?? textAt(props, "subject") ?? textAt(props, "campaignId");
    const channel = textAt(props, "channel");
    return name ? join(sentence(quote(name)), channel && CHANNEL_LABELS[channel]) : undefined;
  };
}

/** (Un)subscriptions are about a list; the campaign that carried the link only says where it happened. */
function subscription(verb: string): Summarizer {
  return (context) => {
    const list = textAt(context.props, "listId");
    if (list) return join(`${verb} the list ${quote(list)}`, textAt(context.props, "campaignName"));
    return campaign((name) => `${verb} the list of ${name}`)(context);
  };
}

const CHANNEL_LABELS: Record<string, string> = { EMAIL: "E-mail", SMS: "SMS", PUSH: "Push", IM: "Instant messaging" };

function ticket(verb: string): Summarizer {
  return ({ props }) => {
    const id = textAt(props, "ticketId");
    const subject = textAt(props, "subject");
    if (!id && !subject) return undefined;
    return `${verb}${id ? ` #${id}` : ""}${subject ? ` ${quote(subject)}` : ""}`;
  };
}

function liveEvent(verb: string): Summarizer {
  return ({ props }) => {
    const name = textAt(props, "eventName") ?? textAt(props, "eventId");
    return name ? join(`${verb} ${quote(name)}`, textAt(props, "eventDate")?.slice(0, 10)) : undefined;
  };
}

function reward(verb: string): Summarizer {
  return ({ props }) => {
    const amount = numberAt(props, "rewardAmount");
    if (amount === undefined) return undefined;
    return `${verb} ${Math.abs(amount)} ${textAt(props, "rewardType") ?? "points"}`;
  };
}

function service(verb: string): Summarizer {
  return ({ props }) => {
    const name = textAt(props, "serviceName") ?? textAt(props, "serviceId");
    return name ? `${verb} ${quote(name)}` : undefined;
  };
}

const ORDER_VERBS: Record<string, string> = {
  sale: "Completed order",
  return: "Returned order",
  "sale-return": "Exchanged order",
};

// Settings whose values are personal or secret: the line names the setting, never the value.
const PRIVATE_SETTINGS = new Set(["PASSWORD", "EMAIL", "USERNAME"]);

const SUMMARIES: Record<string, Summarizer> = {
  viewedPage: ({ props }) => {
    const url = textAt(props, "url");
    const page = textAt(props, "path") ?? (url ? urlPath(url) : undefined) ?? textAt(props, "title");
    return page ? `Viewed page ${page}` : undefined;
  },
  clickedLink: ({ props }) => {
    const url = textAt(props, "url");
    return url ? `Clicked a link to ${shortUrl(url)}` : undefined;
  },
  searched: ({ props }) => {
    const keyword = textAt(props, "keyword");
    const results = numberAt(props, "resultCount");
    if (!keyword) return undefined;
    return join(
      `Searched for ${quote(keyword)}`,
      results !== undefined && (results === 1 ? "1 result" : `${results} results`),
    );
  },
  formCompiled: ({ props }) => {
    const form = textAt(props, "formName") ?? textAt(props, "formId");
    return form ? `Filled in the form ${quote(form)}` : undefined;
  },
  changedSetting: ({ props }) => {
    const setting = textAt(props, "setting");
    if (!setting) return undefined;
    const newValue = textAt(props, "newValue");
    const name = setting.toLowerCase();
    return newValue && !PRIVATE_SETTINGS.has(setting) ? `Changed ${name} to ${quote(newValue)}` : `Changed ${name}`;
  },
  viewedProduct: product("Viewed"),
  addedProduct: product("Added", " to the cart"),
  removedProduct: product("Removed", " from the cart"),
  addedWishlist: product("Added", " to the wishlist"),
  removedWishlist: product("Removed", " from the wishlist"),
  addedCompare: product("Added", " to compare"),
  removedCompare: product("Removed", " from compare"),
  reviewedProduct: (context) => {
    const name = productName(context.props);
    const rating = numberAt(context.props, "rating");
    return name ? join(`Reviewed ${quote(name)}`, rating !== undefined && `rated ${rating}`) : undefined;
  },
  viewedProductCategory: ({ props }) => {
    const category = firstTextAt(props, "category");
    return category ? `Viewed the category ${quote(category)}` : undefined;
  },
  completedOrder: (context) => {
    const verb = ORDER_VERBS[textAt(context.props, "type") ?? "sale"] ?? ORDER_VERBS.sale;
    const ref = orderRef(context.props);
    return join(ref ? `${verb} ${ref}` : verb, orderTotal(context), itemCount(context.props));
  },
  abandonedCart: (context) => {
    const total = orderTotal(context);
    const items = itemCount(context.props);
    return total || items ? join("Abandoned a cart", total, items) : undefined;
  },
  orderShipped: ({ props }) => {
    const ref = orderRef(props);
    const carrier = textAt(props, "carrier");
    if (!ref && !carrier) return undefined;
    return `Order${ref ? ` ${ref}` : ""} shipped${carrier ? ` with ${carrier}` : ""}`;
  },
  campaignSent: campaign((name) => `Was sent ${name}`),
  campaignOpened: campaign((name) => `Opened ${name}`),
  campaignLinkClicked: (context) => {
    const base = campaign((name) => `Clicked a link in ${name}`)(context);
    const url = textAt(context.props, "linkUrl");
    return base && url ? join(base, shortUrl(url)) : base;
  },
  campaignBounced: campaign((name) => `Campaign ${name} bounced`),
  campaignMarkedSpam: campaign((name) => `Marked ${name} as spam`),
  campaignUnsubscribed: subscription("Unsubscribed from"),
  campaignSubscribed: subscription("Subscribed to"),
  openedTicket: ticket("Opened ticket"),
  repliedTicket: ticket("Received a reply to ticket"),
  closedTicket: ticket("Closed ticket"),
  eventInvited: liveEvent("Was invited to"),
  eventRegistered: liveEvent("Registered for"),
  eventParticipated: liveEvent("Took part in"),
  eventDeclined: liveEvent("Declined"),
  addedReward: reward("Earned"),
  removedReward: reward("Lost"),
  grantedCoupon: ({ props }) => {
    const code = textAt(props, "code");
    return code ? `Was granted the coupon ${code}` : undefined;
  },
  serviceSubscribed: service("Subscribed to"),
  serviceUnsubscribed: service("Unsubscribed from"),
  // The generic types exist so that `name` can say what happened: it is the better sentence.
  genericActiveEvent: ({ props }) => textAt(props, "name"),
  genericPassiveEvent: ({ props }) => textAt(props, "name"),
};

export function summarizeEvent(event: { type: string; properties: JsonRecord }, options: SummaryOptions = {}): string {
  const summarize = Object.hasOwn(SUMMARIES, event.type) ? SUMMARIES[event.type] : undefined;
  return summarize?.({ props: event.properties, options }) ?? options.label ?? humanizeType(event.type);
}
