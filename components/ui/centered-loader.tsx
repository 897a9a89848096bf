// A loader in the middle of the area it fills: the whole window while the app learns who is signed in,
// or a section while its data loads.
import { Center, Loader, Stack, Text } from "@mantine/core";

export function CenteredLoader({ label, fullScreen = false }: { label?: string; fullScreen?: boolean }) {
  return (
    <Center mih={fullScreen ? "100vh" : 240} aria-busy="true" role="status" aria-label={label ?? "Loading"}>
      <Stack align="center" gap="sm">
        <Loader size="md" />
        {label ? (
          <Text c="dimmed" size="sm">
            {label}
          </Text>
        ) : null}
      </Stack>
    </Center>
  );
}
