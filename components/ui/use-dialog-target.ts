// Which row a dialog is about ("Remove Ada?"). The target outlives closing: the modal's exit animation
// still shows it, so clearing it on close would flash a generic title and an empty body.
import { useCallback, useState } from "react";

export function useDialogTarget<T>() {
  const [target, setTarget] = useState<T | null>(null);
  const [opened, setOpened] = useState(false);
  const open = useCallback((next: T) => {
    setTarget(next);
    setOpened(true);
  }, []);
  const close = useCallback(() => setOpened(false), []);
  return { target, opened, open, close };
}
