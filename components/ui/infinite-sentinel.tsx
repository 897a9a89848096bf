// The end of an infinitely scrolling list: loads the next page when it scrolls into view, and keeps a
// real button for keyboard users and for screens tall enough that nothing ever scrolls.
import { Button, Center, Loader, Text } from "@mantine/core";
import { useIntersection } from "@mantine/hooks";
import { useEffect } from "react";

export interface InfiniteSentinelProps {
  hasNextPage: boolean;
  isFetchingNextPage: boolean;
  fetchNextPage: () => unknown;
  /** Shown once everything is loaded; nothing when omitted. */
  endLabel?: string;
}

export function InfiniteSentinel({ hasNextPage, isFetchingNextPage, fetchNextPage, endLabel }: InfiniteSentinelProps) {
  // Start loading a little before the end is visible, so scrolling rarely waits.
  const { ref, entry } = useIntersection<HTMLDivElement>({ rootMargin: "0px 0px 400px 0px" });
  const visible = entry?.isIntersecting ?? false;

  useEffect(() => {
    if (visible && hasNextPage && !isFetchingNextPage) void fetchNextPage();
  }, [visible, hasNextPage, isFetchingNextPage, fetchNextPage]);

  return (
    <Center ref={ref} py="md" mih={56}>
      {isFetchingNextPage ? (
        <Loader size="sm" aria-label="Loading more" />
      ) : hasNextPage ? (
        <Button variant="subtle" size="xs" onClick={() => void fetchNextPage()}>
          Load more
        </Button>
      ) : endLabel ? (
        <Text size="xs" c="dimmed">
          {endLabel}
        </Text>
      ) : null}
    </Center>
  );
}
