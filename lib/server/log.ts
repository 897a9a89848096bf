// Structured server logging (JSON lines; pretty enough for a terminal through `pino-pretty` if wanted).
import pino from "pino";

export const log = pino({
  level: process.env.LOG_LEVEL ?? (process.env.NODE_ENV === "test" ? "warn" : "info"),
  base: { service: "atrium" },
  redact: { paths: ["req.headers.authorization", "req.headers.cookie", "*.password", "*.clientSecret"], remove: true },
});
