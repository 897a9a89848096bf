// The customer profile tab: the workspace's extended properties, then the standard structure they extend.
import { Stack } from "@mantine/core";
import { ErrorAlert } from "@/components/ui/error-alert";
import { CenteredLoader } from "@/components/ui/centered-loader";
import { useCurrentWorkspace } from "@/lib/client/current-workspace";
import { ExtendedPropertiesSection } from "./extended-properties-section";
import { StandardProfileCard } from "./standard-profile-card";
import { useWorkspaceSchema } from "./use-schema";

export function CustomerSchemaPanel({ readOnly }: { readOnly: boolean }) {
  const { workspace } = useCurrentWorkspace();
  const schema = useWorkspaceSchema(workspace.id);
  return (
    <Stack gap="xl">
      <ExtendedPropertiesSection readOnly={readOnly} />
      {schema.isPending ? (
        <CenteredLoader />
      ) : schema.isError ? (
        <ErrorAlert
          title="The standard profile could not be loaded"
          error={schema.error}
          onRetry={schema.refetch}
          retrying={schema.isFetching}
        />
      ) : (
        <StandardProfileCard base={schema.data.customer.base} />
      )}
    </Stack>
  );
}
