/** Body conversions: `Prefer: outlook.body-content-type` and bodyPreview. */
import type { BodyType, ItemBody } from './model';

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

function htmlToText(html: string): string {
  return html
    .replace(/<(script|style|head)[^>]*>[\s\S]*?<\/\1>/gi, '')
    .replace(/<br\s*\/?>|<\/(p|div|li|tr|h[1-6])>/gi, '\r\n')
    .replace(/<[^>]+>/g, '')
    .replace(/&(#\d+|[a-z]+);/gi, (whole, name: string) => name[0] === '#'
      ? String.fromCharCode(Number(name.slice(1)))
      : ENTITIES[name.toLowerCase()] ?? whole)
    .replace(/[ \t]+/g, ' ')
    .replace(/(\r\n ?){3,}/g, '\r\n\r\n')
    .trim();
}

/**
 * How Exchange stores an HTML body (message-get, calendar-post-events): a whole document, whatever
 * fragment the client sent; a document stays as it is.
 */
export function htmlDocument(html: string): string {
  if (/^\s*(<!doctype[^>]*>\s*)?<html[\s>]/i.test(html)) return html;
  return `<html>\r\n<head>\r\n<meta http-equiv="Content-Type" content="text/html; charset=utf-8">\r\n</head>\r\n<body>\r\n${html}\r\n</body>\r\n</html>\r\n`;
}

/** A body as Exchange keeps it: HTML as a whole document, text as sent. */
export function storedBody(contentType: BodyType, content: string): ItemBody {
  return { contentType, content: contentType === 'html' ? htmlDocument(content) : content };
}

function textToHtml(text: string): string {
  const escaped = text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  return htmlDocument(`<div>${escaped.replace(/\r?\n/g, '<br>\r\n')}</div>`);
}

export function bodyAs(body: ItemBody, wanted: BodyType | undefined): ItemBody {
  if (!wanted || wanted === body.contentType) return body;
  return { contentType: wanted, content: wanted === 'text' ? htmlToText(body.content) : textToHtml(body.content) };
}

/** bodyPreview: the first 255 characters of the text, whitespace collapsed. */
export function preview(body: ItemBody): string {
  const text = body.contentType === 'html' ? htmlToText(body.content) : body.content;
  return text.replace(/\s+/g, ' ').trim().slice(0, 255);
}
