// Service: support tickets. repliedTicket is PASSIVE (an agent replies to the customer), as the reference says;
// opening and closing are the customer's actions in the original hub, so ACTIVE.
import { defineEventType, ZCategoryList, ZIdText, ZText } from "./common";

const TICKET_SHAPE = {
  ticketId: ZIdText.nullish(),
  subject: ZText.nullish(),
  category: ZCategoryList.nullish(),
};

export const SERVICE_EVENT_TYPES = {
  openedTicket: defineEventType(
    { label: "Opened a ticket", mode: "ACTIVE", category: "service", icon: "IconTicket" },
    TICKET_SHAPE,
  ),
  repliedTicket: defineEventType(
    { label: "Received a reply to a ticket", mode: "PASSIVE", category: "service", icon: "IconMessageReply" },
    TICKET_SHAPE,
  ),
  closedTicket: defineEventType(
    { label: "Closed a ticket", mode: "ACTIVE", category: "service", icon: "IconTicketOff" },
    TICKET_SHAPE,
  ),
};
