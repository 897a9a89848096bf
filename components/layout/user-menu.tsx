// The account menu at the right of the header: who is signed in, their time zone in the open workspace,
// the API reference, and signing out.
import { Avatar, Box, Menu, Text, UnstyledButton } from "@mantine/core";
import { IconBook2, IconClock, IconLogout } from "@tabler/icons-react";
import { useState } from "react";
import { initials } from "@/components/ui/initials";
import { clockZones } from "@/components/ui/clock";
import { notifyError } from "@/components/ui/notify";
import { useOptionalCurrentWorkspace } from "@/lib/client/current-workspace";
import { signOutEverywhere } from "@/lib/client/sign-out";
import { useSignedIn } from "@/lib/client/use-me";
import { TimeZoneModal } from "./time-zone-modal";

export function UserMenu() {
  const { user } = useSignedIn();
  const [signingOut, setSigningOut] = useState(false);
  const membership = useOptionalCurrentWorkspace();
  const [zoneOpen, setZoneOpen] = useState(false);
  const email = user?.email ?? "";
  const name = user?.name ?? null;

  const signOut = () => {
    setSigningOut(true);
    // On success the browser leaves the app for the authorization server's sign-out page.
    signOutEverywhere().catch((error: unknown) => {
      setSigningOut(false);
      notifyError(error, "Could not sign out");
    });
  };

  return (
    <>
      <Menu position="bottom-end" width={260} shadow="md" withinPortal>
        <Menu.Target>
          <UnstyledButton aria-label="Account menu" style={{ borderRadius: "50%" }}>
            <Avatar radius="xl" size={34} color="indigo" variant="filled">
              {initials(name, email)}
            </Avatar>
          </UnstyledButton>
        </Menu.Target>
        <Menu.Dropdown>
          <Box px="sm" py={8}>
            <Text size="sm" fw={600} truncate="end">
              {name ?? email}
            </Text>
            {name ? (
              <Text size="xs" c="dimmed" truncate="end">
                {email}
              </Text>
            ) : null}
          </Box>
          <Menu.Divider />
          {membership ? (
            <Menu.Item leftSection={<IconClock size={16} stroke={1.6} />} onClick={() => setZoneOpen(true)}>
              Time zone: {clockZones().timeZone}
            </Menu.Item>
          ) : null}
          <Menu.Item component="a" href="/docs/api" target="_blank" leftSection={<IconBook2 size={16} stroke={1.6} />}>
            API reference
          </Menu.Item>
          <Menu.Item
            leftSection={<IconLogout size={16} stroke={1.6} />}
            onClick={signOut}
            disabled={signingOut}
            closeMenuOnClick={false}
          >
            {signingOut ? "Signing out…" : "Sign out"}
          </Menu.Item>
        </Menu.Dropdown>
      </Menu>
      {membership && zoneOpen ? (
        <TimeZoneModal membership={membership} opened={zoneOpen} onClose={() => setZoneOpen(false)} />
      ) : null}
    </>
  );
}
