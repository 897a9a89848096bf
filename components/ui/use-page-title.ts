// Sets the browser tab title while a screen is mounted. A plain `document.title = …` is not enough here:
// Next.js streams the root layout's metadata and may commit its <title>Atrium</title> after the SPA has
// mounted, overwriting a title set once. So a mounted screen re-applies its title when anything else
// replaces it. Titles set by screens themselves are never fought over (no loop between nested screens).
import { useEffect } from "react";

const screenTitles = new Map<string, number>();

export function usePageTitle(title: string): void {
  useEffect(() => {
    screenTitles.set(title, (screenTitles.get(title) ?? 0) + 1);
    const apply = () => {
      if (!screenTitles.has(document.title)) document.title = title;
    };
    document.title = title;
    const observer = new MutationObserver(apply);
    observer.observe(document.head, { childList: true, subtree: true, characterData: true });
    return () => {
      observer.disconnect();
      const count = (screenTitles.get(title) ?? 1) - 1;
      if (count > 0) screenTitles.set(title, count);
      else screenTitles.delete(title);
    };
  }, [title]);
}
