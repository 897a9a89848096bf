// Catalogue: interest in products. All ACTIVE. The product's own fields sit at the top level of properties.
import { z } from "zod";
import { defineEventType, EVENT_LIMITS, ZCategoryList, ZIdText, ZShortText, ZWebUrl } from "./common";

export const PRODUCT_SHAPE = {
  id: ZIdText.nullish(),
  sku: ZIdText.nullish(),
  name: ZShortText.nullish(),
  price: z.number().min(0).nullish(),
  quantity: z.number().min(0).nullish(),
  category: ZCategoryList.nullish(),
  imageUrl: ZWebUrl.nullish(),
  linkUrl: ZWebUrl.nullish(),
  vendor: ZShortText.nullish(),
};

/** A product inside an order or cart. Loose: a shop's own product fields (colour, size…) are kept, not dropped. */
export const ZProduct = z.looseObject(PRODUCT_SHAPE);
export const ZProductList = z.array(ZProduct).max(EVENT_LIMITS.products);

export const CATALOGUE_EVENT_TYPES = {
  viewedProduct: defineEventType(
    { label: "Viewed a product", mode: "ACTIVE", category: "catalogue", icon: "IconEye" },
    PRODUCT_SHAPE,
  ),
  addedProduct: defineEventType(
    { label: "Added a product to the cart", mode: "ACTIVE", category: "catalogue", icon: "IconShoppingCartPlus" },
    PRODUCT_SHAPE,
  ),
  removedProduct: defineEventType(
    { label: "Removed a product from the cart", mode: "ACTIVE", category: "catalogue", icon: "IconShoppingCartMinus" },
    PRODUCT_SHAPE,
  ),
  addedWishlist: defineEventType(
    { label: "Added a product to the wishlist", mode: "ACTIVE", category: "catalogue", icon: "IconHeartPlus" },
    PRODUCT_SHAPE,
  ),
  removedWishlist: defineEventType(
    { label: "Removed a product from the wishlist", mode: "ACTIVE", category: "catalogue", icon: "IconHeartMinus" },
    PRODUCT_SHAPE,
  ),
  addedCompare: defineEventType(
    { label: "Added a product to compare", mode: "ACTIVE", category: "catalogue", icon: "IconScale" },
    PRODUCT_SHAPE,
  ),
  removedCompare: defineEventType(
    { label: "Removed a product from compare", mode: "ACTIVE", category: "catalogue", icon: "IconArrowsDiff" },
    PRODUCT_SHAPE,
  ),
  reviewedProduct: defineEventType(
    { label: "Reviewed a product", mode: "ACTIVE", category: "catalogue", icon: "IconStar" },
    // Any finite number: shops use 1–5 stars, 0–10 or percentages, so no scale is imposed.
    { ...PRODUCT_SHAPE, rating: z.number().nullish() },
  ),
  viewedProductCategory: defineEventType(
    { label: "Viewed a product category", mode: "ACTIVE", category: "catalogue", icon: "IconCategory" },
    { category: ZCategoryList.nullish() },
  ),
};
