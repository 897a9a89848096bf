// Web: what a visitor does on a site. All ACTIVE (the customer did it).
import { z } from "zod";
import { defineEventType, freeObject, ZIdText, ZShortText, ZTagList, ZText, ZUrlText } from "./common";

export const WEB_EVENT_TYPES = {
  viewedPage: defineEventType(
    { label: "Viewed a page", mode: "ACTIVE", category: "web", icon: "IconEye" },
    {
      url: ZUrlText.nullish(),
      path: ZText.nullish(),
      title: ZShortText.nullish(),
      // document.referrer is "" for direct visits, so any string is accepted here, not only URLs.
      referrer: ZText.nullish(),
      search: ZText.nullish(),
      pageCategories: ZTagList.nullish(),
      pageTags: ZTagList.nullish(),
    },
  ),
  clickedLink: defineEventType(
    { label: "Clicked a link", mode: "ACTIVE", category: "web", icon: "IconClick" },
    { url: ZUrlText.nullish(), linkTags: ZTagList.nullish() },
  ),
  searched: defineEventType(
    { label: "Searched", mode: "ACTIVE", category: "web", icon: "IconSearch" },
    { keyword: ZShortText.nullish(), resultCount: z.int().min(0).nullish() },
  ),
  formCompiled: defineEventType(
    { label: "Filled in a form", mode: "ACTIVE", category: "web", icon: "IconForms" },
    { formName: ZShortText.nullish(), formId: ZIdText.nullish(), data: freeObject().nullish() },
  ),
};
