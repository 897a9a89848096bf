// The admin single-page app: providers around the route table. Mounted client-only by app/(admin).
import { Providers } from "./providers";
import { AppRoutes } from "./app-routes";

export function AdminApp() {
  return (
    <Providers>
      <AppRoutes />
    </Providers>
  );
}
