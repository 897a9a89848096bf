// What the two demo brands sell and show: products, pages, stores, search terms, interests, tickets.
import type { Catalogue, Page, Product } from "./types";

type ProductRow = [string, string, number, string];

function slug(text: string): string {
  return text
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/(^-|-$)/g, "");
}

function products(siteUrl: string, skuPrefix: string, rows: ProductRow[]): Product[] {
  return rows.map(([name, category, price, vendor], index) => {
    const id = `${skuPrefix}-${String(1001 + index)}`;
    const path = `/p/${slug(name)}`;
    return {
      id,
      sku: `${id}-${slug(category.split("/")[0]).slice(0, 3).toUpperCase()}`,
      name,
      price,
      category: category.split("/"),
      imageUrl: `${siteUrl}/img/products/${id}.jpg`,
      linkUrl: `${siteUrl}${path}`,
      vendor,
    };
  });
}

function pages(rows: [string, string, string][], items: Product[], brand: string): Page[] {
  const listed = rows.map(([path, title, category]) => ({
    path,
    title: `${title} | ${brand}`,
    categories: category ? [category] : [],
  }));
  const productPages = items.map((item) => ({
    path: new URL(item.linkUrl).pathname,
    title: `${item.name} | ${brand}`,
    categories: item.category,
  }));
  return [...listed, ...productPages];
}

const NORTHWIND_URL = "https://shop.northwind.example";
const northwindProducts = products(NORTHWIND_URL, "NW", [
  ["Merino crew-neck sweater", "Women/Knitwear", 79.9, "Lanificio Biella"],
  ["Cashmere blend cardigan", "Women/Knitwear", 129, "Lanificio Biella"],
  ["Linen summer dress", "Women/Dresses", 69.9, "Northwind Studio"],
  ["Wrap midi dress", "Women/Dresses", 89.9, "Northwind Studio"],
  ["High-rise straight jeans", "Women/Denim", 59.9, "Blue Loom"],
  ["Silk blouse", "Women/Shirts", 99, "Northwind Studio"],
  ["Wool tailored coat", "Women/Outerwear", 249, "Sartoria Nord"],
  ["Oxford cotton shirt", "Men/Shirts", 49.9, "Northwind Studio"],
  ["Slim chinos", "Men/Trousers", 54.9, "Northwind Studio"],
  ["Selvedge denim jeans", "Men/Denim", 89, "Blue Loom"],
  ["Quilted field jacket", "Men/Outerwear", 159, "Sartoria Nord"],
  ["Merino polo", "Men/Knitwear", 69.9, "Lanificio Biella"],
  ["Leather chelsea boots", "Shoes/Boots", 149, "Calzaturificio Riviera"],
  ["White leather sneakers", "Shoes/Sneakers", 99, "Calzaturificio Riviera"],
  ["Suede loafers", "Shoes/Loafers", 119, "Calzaturificio Riviera"],
  ["Running shoes Aero 3", "Shoes/Sport", 129, "Stride Lab"],
  ["Leather tote bag", "Accessories/Bags", 189, "Pelletteria Arno"],
  ["Canvas backpack", "Accessories/Bags", 65, "Pelletteria Arno"],
  ["Reversible leather belt", "Accessories/Belts", 45, "Pelletteria Arno"],
  ["Wool scarf", "Accessories/Scarves", 39.9, "Lanificio Biella"],
  ["Aviator sunglasses", "Accessories/Eyewear", 89, "Lumen Optics"],
  ["Linen duvet cover", "Home/Bedding", 119, "Casa Lino"],
  ["Stoneware dinner set (12 pcs)", "Home/Kitchen", 79, "Ceramiche Deruta"],
  ["Scented candle – fig leaf", "Home/Decor", 24.9, "Casa Lino"],
  ["Cotton bath towels (set of 4)", "Home/Bath", 49.9, "Casa Lino"],
  ["Espresso cups (set of 6)", "Home/Kitchen", 29.9, "Ceramiche Deruta"],
  ["Hydrating face cream", "Beauty/Skincare", 34.9, "Erbe di Toscana"],
  ["Eau de parfum Bergamotto 50 ml", "Beauty/Fragrances", 69, "Erbe di Toscana"],
  ["Gift card 50 €", "Gift cards", 50, "Northwind"],
  ["Kids' puffer jacket", "Kids/Outerwear", 59.9, "Northwind Kids"],
]);

export const NORTHWIND_CATALOGUE: Catalogue = {
  siteUrl: NORTHWIND_URL,
  appId: "com.northwind.shop",
  products: northwindProducts,
  pages: pages(
    [
      ["/", "Home", ""],
      ["/women", "Women", "Women"],
      ["/men", "Men", "Men"],
      ["/shoes", "Shoes", "Shoes"],
      ["/home-living", "Home & living", "Home"],
      ["/sale", "Sale", "Sale"],
      ["/new-arrivals", "New arrivals", "New"],
      ["/stores", "Our stores", ""],
      ["/account", "My account", ""],
      ["/help/shipping", "Shipping & returns", "Help"],
      ["/journal/autumn-trends", "Autumn trends", "Journal"],
      ["/loyalty", "Northwind Club", "Loyalty"],
    ],
    northwindProducts,
    "Northwind",
  ),
  searchTerms: [
    "sweater",
    "jeans",
    "sneakers",
    "dress",
    "coat",
    "cashmere",
    "linen",
    "bag",
    "boots",
    "gift card",
    "candle",
    "sunglasses",
    "shirt",
    "scarf",
    "sale",
  ],
  stores: [
    { id: "NW-MI-01", name: "Northwind Milano Duomo", city: "Milano", country: "IT", lat: 45.4641, lon: 9.1919 },
    { id: "NW-RM-01", name: "Northwind Roma Corso", city: "Roma", country: "IT", lat: 41.9009, lon: 12.4801 },
    { id: "NW-TO-01", name: "Northwind Torino Centro", city: "Torino", country: "IT", lat: 45.0677, lon: 7.6825 },
    { id: "NW-NA-01", name: "Northwind Napoli Toledo", city: "Napoli", country: "IT", lat: 40.8443, lon: 14.2488 },
    { id: "NW-BO-01", name: "Northwind Bologna", city: "Bologna", country: "IT", lat: 44.4938, lon: 11.3426 },
    { id: "NW-FI-01", name: "Northwind Firenze", city: "Firenze", country: "IT", lat: 43.7731, lon: 11.2546 },
    { id: "NW-MUC-01", name: "Northwind München", city: "München", country: "DE", lat: 48.1374, lon: 11.5755 },
  ],
  likes: [
    ["Fashion", "Sustainable fashion"],
    ["Sport", "Running"],
    ["Sport", "Yoga"],
    ["Music", "Jazz"],
    ["Travel", "City breaks"],
    ["Food", "Italian cuisine"],
    ["Home", "Interior design"],
    ["Books", "Crime novels"],
    ["Tech", "Smartphones"],
    ["Outdoor", "Hiking"],
  ],
  ticketSubjects: [
    ["Where is my order?", "shipping"],
    ["Return request", "returns"],
    ["Wrong size delivered", "returns"],
    ["Payment charged twice", "billing"],
    ["Club points missing", "loyalty"],
    ["Change delivery address", "shipping"],
  ],
  newsletterName: "Northwind Newsletter",
  loyaltyName: "Northwind Club",
};

const CONTOSO_URL = "https://www.contoso-travel.example";
const contosoProducts = products(CONTOSO_URL, "CT", [
  ["Flight New York – Lisbon", "Flights/Europe", 689, "Contoso Air"],
  ["Flight New York – Rome", "Flights/Europe", 749, "Contoso Air"],
  ["Flight Boston – London", "Flights/Europe", 612, "Contoso Air"],
  ["Flight Chicago – Cancún", "Flights/Caribbean", 455, "Sunwing Partners"],
  ["Flight Los Angeles – Honolulu", "Flights/Pacific", 520, "Contoso Air"],
  ["Hotel Lisboa Plaza (3 nights)", "Hotels/Europe", 540, "Lisboa Plaza"],
  ["Hotel Trastevere Suites (4 nights)", "Hotels/Europe", 880, "Trastevere Suites"],
  ["Beach resort Riviera Maya (7 nights)", "Hotels/Caribbean", 1890, "Maya Resorts"],
  ["Weekend in Rome package", "Packages/City breaks", 1290, "Contoso Travel"],
  ["Amalfi Coast road trip (8 days)", "Packages/Tours", 2450, "Contoso Travel"],
  ["Iceland northern lights tour", "Packages/Tours", 1990, "Nordic Trails"],
  ["Caribbean cruise (7 nights)", "Cruises/Caribbean", 1390, "Blue Wave Cruises"],
  ["Car rental – compact (7 days)", "Car rental", 310, "Contoso Drive"],
  ["Travel insurance – annual", "Insurance", 189, "SafeTrip"],
  ["Airport lounge pass", "Extras", 45, "Contoso Air"],
]);

export const CONTOSO_CATALOGUE: Catalogue = {
  siteUrl: CONTOSO_URL,
  appId: "com.contoso.travel",
  products: contosoProducts,
  pages: pages(
    [
      ["/", "Home", ""],
      ["/deals", "Deals", "Deals"],
      ["/flights", "Flights", "Flights"],
      ["/hotels", "Hotels", "Hotels"],
      ["/destinations/europe", "Europe", "Destinations"],
      ["/destinations/caribbean", "Caribbean", "Destinations"],
      ["/my-trips", "My trips", ""],
      ["/help/baggage", "Baggage", "Help"],
    ],
    contosoProducts,
    "Contoso Travel",
  ),
  searchTerms: [
    "lisbon",
    "rome flights",
    "cancun",
    "all inclusive",
    "cruise",
    "iceland",
    "hawaii",
    "london hotel",
    "car rental",
  ],
  stores: [],
  likes: [
    ["Travel", "Beaches"],
    ["Travel", "City breaks"],
    ["Food", "Street food"],
    ["Outdoor", "Hiking"],
    ["Culture", "Museums"],
    ["Sport", "Skiing"],
  ],
  ticketSubjects: [
    ["Change flight date", "changes"],
    ["Refund request", "billing"],
    ["Baggage allowance", "baggage"],
    ["Hotel booking not confirmed", "bookings"],
    ["Visa information", "documents"],
  ],
  newsletterName: "Contoso Deals",
  loyaltyName: "Contoso Miles",
};
