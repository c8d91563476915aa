// A polite live region: screen readers hear what was selected or found without focus moving.

export function createAnnouncer(region: HTMLElement): (message: string) => void {
  let timer: number | undefined;
  return (message) => {
    window.clearTimeout(timer);
    region.textContent = '';
    // A fresh text node a moment later is announced even when the message repeats.
    timer = window.setTimeout(() => {
      region.textContent = message;
    }, 50);
  };
}
