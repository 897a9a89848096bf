// The signed-in boundary of the admin app: nothing renders until GET /me answers. A 401 sends the browser
// to the sign-in flow (lib/client/query-client.ts), so meanwhile the loader simply stays up.
import { Button } from "@mantine/core";
import { IconPlugConnectedX } from "@tabler/icons-react";
import { Outlet } from "react-router";
import { CenteredLoader } from "@/components/ui/centered-loader";
import { EmptyState } from "@/components/ui/empty-state";
import { errorMessage } from "@/components/ui/notify";
import { isUnauthenticated } from "@/lib/client/sign-in-redirect";
import { useMe } from "@/lib/client/use-me";
import { BareShell } from "./bare-shell";

export function SessionGate() {
  const me = useMe();
  if (me.isPending || (me.isError && isUnauthenticated(me.error))) return <CenteredLoader fullScreen />;
  if (me.isError) {
    return (
      <BareShell signedIn={false}>
        <EmptyState
          icon={IconPlugConnectedX}
          title="Atrium could not load your account"
          description={errorMessage(me.error)}
          actions={
            <Button onClick={() => void me.refetch()} loading={me.isFetching}>
              Try again
            </Button>
          }
        />
      </BareShell>
    );
  }
  return <Outlet />;
}
