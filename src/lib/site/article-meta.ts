/** Facts derived from an article for readers: when it last changed, how to share it. */
import { ui } from '../util/messages';

/** The latest of `updated` and the dates of its update and correction notes; nothing if it never changed. */
export function lastModified(data: { updated?: Date; updates: readonly { date: Date }[] }): Date | undefined {
  const dates = [data.updated, ...data.updates.map((update) => update.date)].filter((date): date is Date => date !== undefined);
  return dates.length === 0 ? undefined : new Date(Math.max(...dates.map((date) => date.getTime())));
}

/** Share links as plain URLs: no third-party script, no tracking, nothing loaded until a reader clicks. */
export function shareLinks(url: string, title: string): { label: string; href: string }[] {
  const query = (params: Record<string, string>) => new URLSearchParams(params).toString();
  return [
    { label: ui.share.email, href: `mailto:?${query({ subject: title, body: url }).replace(/\+/g, '%20')}` },
    { label: 'Bluesky', href: `https://bsky.app/intent/compose?${query({ text: `${title} ${url}` })}` },
    { label: 'X', href: `https://x.com/intent/post?${query({ text: title, url })}` },
    { label: 'Facebook', href: `https://www.facebook.com/sharer/sharer.php?${query({ u: url })}` },
    { label: 'LinkedIn', href: `https://www.linkedin.com/sharing/share-offsite/?${query({ url })}` },
  ];
}
