// Real places for plausible addresses and phone numbers: countries with their cities, post-code
// patterns (faker symbols: # digit, ? letter), area codes and e-mail providers.

export interface City {
  name: string;
  province: string | null;
  region: string;
  /** Post-code pattern. */
  zip: string;
  lat: number;
  lon: number;
  weight: number;
  /** Landline area code in national form. */
  area: string;
  timezone?: string;
}

export interface Country {
  code: string;
  /** Faker locale for names and streets. */
  faker: string;
  /** `base.locale` value. */
  locale: string;
  timezone: string;
  /** National mobile prefixes; numbers have `nationalDigits` digits in all. */
  mobilePrefixes: string[];
  mobileDigits: number;
  landlineDigits: number;
  emailDomains: string[];
  cities: City[];
}

type CityRow = [string, string | null, string, string, number, number, number, string, string?];

function cities(rows: CityRow[]): City[] {
  return rows.map(([name, province, region, zip, lat, lon, weight, area, timezone]) => ({
    name,
    province,
    region,
    zip,
    lat,
    lon,
    weight,
    area,
    timezone,
  }));
}

export const COUNTRIES: Record<string, Country> = {
  IT: {
    code: "IT",
    faker: "it",
    locale: "it_IT",
    timezone: "Europe/Rome",
    mobilePrefixes: [
      "320",
      "324",
      "328",
      "329",
      "330",
      "333",
      "334",
      "335",
      "338",
      "339",
      "340",
      "342",
      "345",
      "346",
      "347",
      "348",
      "349",
      "366",
      "380",
      "389",
      "392",
      "393",
    ],
    mobileDigits: 10,
    landlineDigits: 10,
    emailDomains: [
      "gmail.com",
      "libero.it",
      "hotmail.it",
      "yahoo.it",
      "outlook.it",
      "icloud.com",
      "alice.it",
      "tiscali.it",
      "virgilio.it",
      "fastwebnet.it",
    ],
    cities: cities([
      ["Milano", "MI", "Lombardia", "201##", 45.4642, 9.19, 14, "02"],
      ["Roma", "RM", "Lazio", "001##", 41.9028, 12.4964, 14, "06"],
      ["Napoli", "NA", "Campania", "801##", 40.8518, 14.2681, 8, "081"],
      ["Torino", "TO", "Piemonte", "101##", 45.0703, 7.6869, 8, "011"],
      ["Palermo", "PA", "Sicilia", "901##", 38.1157, 13.3615, 5, "091"],
      ["Genova", "GE", "Liguria", "161##", 44.4056, 8.9463, 5, "010"],
      ["Bologna", "BO", "Emilia-Romagna", "401##", 44.4949, 11.3426, 6, "051"],
      ["Firenze", "FI", "Toscana", "501##", 43.7696, 11.2558, 6, "055"],
      ["Bari", "BA", "Puglia", "701##", 41.1171, 16.8719, 4, "080"],
      ["Catania", "CT", "Sicilia", "951##", 37.5079, 15.083, 3, "095"],
      ["Venezia", "VE", "Veneto", "301##", 45.4408, 12.3155, 3, "041"],
      ["Verona", "VR", "Veneto", "371##", 45.4384, 10.9916, 4, "045"],
      ["Padova", "PD", "Veneto", "351##", 45.4064, 11.8768, 3, "049"],
      ["Brescia", "BS", "Lombardia", "251##", 45.5416, 10.2118, 3, "030"],
      ["Bergamo", "BG", "Lombardia", "241##", 45.6983, 9.6773, 3, "035"],
      ["Monza", "MB", "Lombardia", "2090#", 45.5845, 9.2744, 3, "039"],
      ["Parma", "PR", "Emilia-Romagna", "431##", 44.8015, 10.3279, 2, "0521"],
      ["Trieste", "TS", "Friuli-Venezia Giulia", "341##", 45.6495, 13.7768, 2, "040"],
      ["Cagliari", "CA", "Sardegna", "091##", 39.2238, 9.1217, 2, "070"],
      ["Pescara", "PE", "Abruzzo", "651##", 42.4618, 14.216, 2, "085"],
    ]),
  },
  DE: {
    code: "DE",
    faker: "de",
    locale: "de_DE",
    timezone: "Europe/Berlin",
    mobilePrefixes: ["0160", "0170", "0171", "0172", "0175", "0177", "0178", "0179"],
    mobileDigits: 11,
    landlineDigits: 11,
    emailDomains: ["gmail.com", "gmx.de", "web.de", "t-online.de", "outlook.de"],
    cities: cities([
      ["Berlin", null, "Berlin", "10###", 52.52, 13.405, 10, "030"],
      ["Hamburg", null, "Hamburg", "20###", 53.5511, 9.9937, 6, "040"],
      ["München", null, "Bayern", "80###", 48.1351, 11.582, 7, "089"],
      ["Köln", null, "Nordrhein-Westfalen", "50###", 50.9375, 6.9603, 5, "0221"],
      ["Frankfurt am Main", null, "Hessen", "60###", 50.1109, 8.6821, 4, "069"],
      ["Stuttgart", null, "Baden-Württemberg", "70###", 48.7758, 9.1829, 3, "0711"],
      ["Düsseldorf", null, "Nordrhein-Westfalen", "40###", 51.2277, 6.7735, 3, "0211"],
      ["Leipzig", null, "Sachsen", "04###", 51.3397, 12.3731, 2, "0341"],
    ]),
  },
  FR: {
    code: "FR",
    faker: "fr",
    locale: "fr_FR",
    timezone: "Europe/Paris",
    mobilePrefixes: ["06", "07"],
    mobileDigits: 10,
    landlineDigits: 10,
    emailDomains: ["gmail.com", "orange.fr", "free.fr", "laposte.net", "hotmail.fr"],
    cities: cities([
      ["Paris", "Paris", "Île-de-France", "750##", 48.8566, 2.3522, 10, "01"],
      ["Marseille", "Bouches-du-Rhône", "Provence-Alpes-Côte d'Azur", "130##", 43.2965, 5.3698, 4, "04"],
      ["Lyon", "Rhône", "Auvergne-Rhône-Alpes", "6900#", 45.764, 4.8357, 4, "04"],
      ["Toulouse", "Haute-Garonne", "Occitanie", "310##", 43.6047, 1.4442, 3, "05"],
      ["Nice", "Alpes-Maritimes", "Provence-Alpes-Côte d'Azur", "060##", 43.7102, 7.262, 3, "04"],
      ["Nantes", "Loire-Atlantique", "Pays de la Loire", "440##", 47.2184, -1.5536, 2, "02"],
      ["Bordeaux", "Gironde", "Nouvelle-Aquitaine", "330##", 44.8378, -0.5792, 2, "05"],
      ["Lille", "Nord", "Hauts-de-France", "590##", 50.6292, 3.0573, 2, "03"],
    ]),
  },
  ES: {
    code: "ES",
    faker: "es",
    locale: "es_ES",
    timezone: "Europe/Madrid",
    mobilePrefixes: ["6"],
    mobileDigits: 9,
    landlineDigits: 9,
    emailDomains: ["gmail.com", "hotmail.es", "yahoo.es", "outlook.es"],
    cities: cities([
      ["Madrid", "Madrid", "Comunidad de Madrid", "280##", 40.4168, -3.7038, 8, "91"],
      ["Barcelona", "Barcelona", "Cataluña", "080##", 41.3874, 2.1686, 7, "93"],
      ["Valencia", "Valencia", "Comunidad Valenciana", "460##", 39.4699, -0.3763, 4, "96"],
      ["Sevilla", "Sevilla", "Andalucía", "410##", 37.3891, -5.9845, 3, "95"],
      ["Málaga", "Málaga", "Andalucía", "290##", 36.7213, -4.4214, 2, "95"],
      ["Bilbao", "Bizkaia", "País Vasco", "480##", 43.263, -2.935, 2, "94"],
    ]),
  },
  GB: {
    code: "GB",
    faker: "en_GB",
    locale: "en_GB",
    timezone: "Europe/London",
    mobilePrefixes: ["07"],
    mobileDigits: 11,
    landlineDigits: 11,
    emailDomains: ["gmail.com", "outlook.com", "btinternet.com", "yahoo.co.uk", "icloud.com"],
    cities: cities([
      ["London", "Greater London", "England", "SE# #??", 51.5072, -0.1276, 10, "020"],
      ["Manchester", "Greater Manchester", "England", "M# #??", 53.4808, -2.2426, 3, "0161"],
      ["Birmingham", "West Midlands", "England", "B# #??", 52.4862, -1.8904, 3, "0121"],
      ["Edinburgh", "City of Edinburgh", "Scotland", "EH# #??", 55.9533, -3.1883, 2, "0131"],
      ["Bristol", "Bristol", "England", "BS# #??", 51.4545, -2.5879, 2, "0117"],
      ["Leeds", "West Yorkshire", "England", "LS# #??", 53.8008, -1.5491, 2, "0113"],
    ]),
  },
  US: {
    code: "US",
    faker: "en_US",
    locale: "en_US",
    timezone: "America/New_York",
    mobilePrefixes: [],
    mobileDigits: 10,
    landlineDigits: 10,
    emailDomains: ["gmail.com", "yahoo.com", "outlook.com", "icloud.com", "aol.com", "hotmail.com"],
    cities: cities([
      ["New York", "NY", "New York", "100##", 40.7128, -74.006, 10, "212"],
      ["Los Angeles", "CA", "California", "900##", 34.0522, -118.2437, 6, "213", "America/Los_Angeles"],
      ["Chicago", "IL", "Illinois", "606##", 41.8781, -87.6298, 5, "312", "America/Chicago"],
      ["Boston", "MA", "Massachusetts", "021##", 42.3601, -71.0589, 3, "617"],
      ["San Francisco", "CA", "California", "941##", 37.7749, -122.4194, 3, "415", "America/Los_Angeles"],
      ["Miami", "FL", "Florida", "331##", 25.7617, -80.1918, 3, "305"],
      ["Seattle", "WA", "Washington", "981##", 47.6062, -122.3321, 2, "206", "America/Los_Angeles"],
      ["Austin", "TX", "Texas", "787##", 30.2672, -97.7431, 2, "512", "America/Chicago"],
      ["Denver", "CO", "Colorado", "802##", 39.7392, -104.9903, 2, "303", "America/Denver"],
      ["Atlanta", "GA", "Georgia", "303##", 33.749, -84.388, 2, "404"],
    ]),
  },
  NL: {
    code: "NL",
    faker: "nl",
    locale: "nl_NL",
    timezone: "Europe/Amsterdam",
    mobilePrefixes: ["06"],
    mobileDigits: 10,
    landlineDigits: 10,
    emailDomains: ["gmail.com", "ziggo.nl", "kpnmail.nl", "hotmail.nl"],
    cities: cities([
      ["Amsterdam", "Noord-Holland", "Noord-Holland", "10## ??", 52.3676, 4.9041, 5, "020"],
      ["Rotterdam", "Zuid-Holland", "Zuid-Holland", "30## ??", 51.9244, 4.4777, 3, "010"],
      ["Utrecht", "Utrecht", "Utrecht", "35## ??", 52.0907, 5.1214, 2, "030"],
      ["Den Haag", "Zuid-Holland", "Zuid-Holland", "25## ??", 52.0705, 4.3007, 2, "070"],
      ["Eindhoven", "Noord-Brabant", "Noord-Brabant", "56## ??", 51.4416, 5.4697, 1, "040"],
    ]),
  },
  CH: {
    code: "CH",
    faker: "de_CH",
    locale: "de_CH",
    timezone: "Europe/Zurich",
    mobilePrefixes: ["076", "077", "078", "079"],
    mobileDigits: 10,
    landlineDigits: 10,
    emailDomains: ["gmail.com", "bluewin.ch", "gmx.ch"],
    cities: cities([
      ["Zürich", "ZH", "Zürich", "80##", 47.3769, 8.5417, 3, "044"],
      ["Basel", "BS", "Basel-Stadt", "40##", 47.5596, 7.5886, 2, "061"],
      ["Bern", "BE", "Bern", "30##", 46.948, 7.4474, 2, "031"],
    ]),
  },
  AT: {
    code: "AT",
    faker: "de_AT",
    locale: "de_AT",
    timezone: "Europe/Vienna",
    mobilePrefixes: ["0650", "0660", "0664", "0676", "0699"],
    mobileDigits: 11,
    landlineDigits: 10,
    emailDomains: ["gmail.com", "gmx.at", "aon.at"],
    cities: cities([
      ["Wien", "Wien", "Wien", "1##0", 48.2082, 16.3738, 4, "01"],
      ["Graz", "Steiermark", "Steiermark", "80##", 47.0707, 15.4395, 1, "0316"],
      ["Salzburg", "Salzburg", "Salzburg", "50##", 47.8095, 13.055, 1, "0662"],
      ["Innsbruck", "Tirol", "Tirol", "60##", 47.2692, 11.4041, 1, "0512"],
    ]),
  },
  BE: {
    code: "BE",
    faker: "fr_BE",
    locale: "fr_BE",
    timezone: "Europe/Brussels",
    mobilePrefixes: ["047", "048", "049"],
    mobileDigits: 10,
    landlineDigits: 9,
    emailDomains: ["gmail.com", "skynet.be", "telenet.be"],
    cities: cities([
      ["Bruxelles", "Bruxelles-Capitale", "Bruxelles-Capitale", "10##", 50.8503, 4.3517, 3, "02"],
      ["Antwerpen", "Antwerpen", "Vlaanderen", "20##", 51.2194, 4.4025, 2, "03"],
      ["Gent", "Oost-Vlaanderen", "Vlaanderen", "90##", 51.0543, 3.7174, 1, "09"],
    ]),
  },
  PT: {
    code: "PT",
    faker: "pt_PT",
    locale: "pt_PT",
    timezone: "Europe/Lisbon",
    mobilePrefixes: ["91", "92", "93", "96"],
    mobileDigits: 9,
    landlineDigits: 9,
    emailDomains: ["gmail.com", "sapo.pt", "hotmail.com"],
    cities: cities([
      ["Lisboa", "Lisboa", "Lisboa", "1###-###", 38.7223, -9.1393, 3, "21"],
      ["Porto", "Porto", "Norte", "4###-###", 41.1579, -8.6291, 2, "22"],
    ]),
  },
};
