// Publishes the floating header's bottom edge as --header-bottom, so the legend and list view fit below it as it grows.

export function setupHeaderOffset(header: HTMLElement): () => void {
  const root = document.documentElement;
  const place = (): void => {
    const bottom = header.getBoundingClientRect().bottom;
    root.style.setProperty('--header-bottom', `${Math.round(Math.max(0, bottom))}px`);
  };
  const observer = new ResizeObserver(place);
  observer.observe(header);
  window.addEventListener('resize', place);
  place();
  return () => {
    observer.disconnect();
    window.removeEventListener('resize', place);
  };
}
