// Code and model links in an abstract (GitHub, GitLab, Hugging Face): found as text, kept only as clean http(s) URLs.

export interface CodeLink {
  href: string;
  /** What to show: host and path, e.g. "github.com/mit-han-lab/qserve". */
  text: string;
}

const HOSTS = /^(?:www\.)?(github\.com|gitlab\.com|huggingface\.co|hf\.co|[a-z0-9-]+\.github\.io)$/i;
// A URL with or without its scheme ("github.com/org/repo" is common in abstracts); stops at spaces, quotes, brackets, braces.
const CANDIDATE = /(?:https?:\/\/)?(?:www\.)?(?:github\.com|gitlab\.com|huggingface\.co|hf\.co|[a-z0-9-]+\.github\.io)(?:\/[^\s"'<>{}()[\]\\^`|]*)?/gi;
const MAX_LINKS = 8;

/** The distinct code links in `text`, in order; trailing punctuation and ".git" are dropped. */
export function findCodeLinks(text: string): CodeLink[] {
  const out: CodeLink[] = [];
  const seen = new Set<string>();
  for (const match of text.matchAll(CANDIDATE)) {
    const before = text[(match.index ?? 0) - 1];
    if (before && /[\w.@/-]/.test(before)) continue; // part of a longer host or an e-mail address
    let raw = match[0].replace(/[.,;:!?'"]+$/, '').replace(/\.git$/i, '');
    if (!/^https?:\/\//i.test(raw)) raw = `https://${raw}`;
    let url: URL;
    try {
      url = new URL(raw);
    } catch {
      continue;
    }
    if ((url.protocol !== 'https:' && url.protocol !== 'http:') || !HOSTS.test(url.hostname) || url.username || url.password) continue;
    const path = url.pathname.replace(/\/+$/, '');
    // A bare host ("github.com") is not a link to code.
    if (!path && !url.hostname.endsWith('.github.io')) continue;
    const href = `${url.protocol}//${url.hostname}${path}${url.search}`;
    const key = href.toLowerCase();
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ href, text: `${url.hostname.replace(/^www\./, '')}${path}` });
    if (out.length >= MAX_LINKS) break;
  }
  return out;
}
