import type { XmlElement } from '../tree.js';
import type { PhotoView } from '../view.js';

/** An item's photo in Media RSS (`media:content` with `medium="image"`, and `media:thumbnail`), as RSS and Atom carry it. */
export function readPhoto(item: XmlElement): PhotoView | undefined {
  const content = item.childrenOf('media:content').find((c) => c.attr('medium') === 'image');
  if (content === undefined) return undefined;
  const credit = content.child('media:credit');
  return {
    url: content.attr('url'),
    type: content.attr('type'),
    medium: content.attr('medium'),
    width: content.attr('width'),
    height: content.attr('height'),
    caption: content.child('media:description')?.text,
    credit: credit?.text,
    creditRole: credit?.attr('role'),
    alt: content.child('media:text')?.text,
    thumbnail: item.child('media:thumbnail')?.attr('url'),
  };
}
