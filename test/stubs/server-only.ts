// Vitest runs outside Next's react-server build, where the real `server-only` throws by design.
export {};
