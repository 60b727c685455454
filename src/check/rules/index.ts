import { rule as atomAuthor } from './atom-author.js';
import { rule as atomDateFormat } from './atom-date-format.js';
import { rule as atomDuplicateElement } from './atom-duplicate-element.js';
import { rule as atomDuplicateId } from './atom-duplicate-id.js';
import { rule as atomIdAbsolute } from './atom-id-absolute.js';
import { rule as atomPerson } from './atom-person.js';
import { rule as atomRequiredElements } from './atom-required-elements.js';
import { rule as atomSelfLink } from './atom-self-link.js';
import { rule as atomTextConstruct } from './atom-text-construct.js';
import { rule as atomTextMarkup } from './atom-text-markup.js';
import { rule as atomUnknownElement } from './atom-unknown-element.js';
import { rule as atomWhitespace } from './atom-whitespace.js';
import { rule as atomXhtmlDiv } from './atom-xhtml-div.js';
import { rule as feedCdataEnd } from './feed-cdata-end.js';
import { rule as feedDcDate } from './feed-dc-date.js';
import { rule as feedForbiddenCharacter } from './feed-forbidden-character.js';
import { rule as feedImplausibleDate } from './feed-implausible-date.js';
import { rule as feedLanguageTag } from './feed-language-tag.js';
import { rule as feedMediaType } from './feed-media-type.js';
import { rule as feedRelativeHtmlReference } from './feed-relative-html-reference.js';
import { rule as feedUndeclaredPrefix } from './feed-undeclared-prefix.js';
import { rule as feedUnexpectedText } from './feed-unexpected-text.js';
import { rule as feedUnknownFormat } from './feed-unknown-format.js';
import { rule as feedUriCharacter } from './feed-uri-character.js';
import { rule as feedWellFormed } from './feed-well-formed.js';
import { rule as jsonAbsoluteUrl } from './json-absolute-url.js';
import { rule as jsonAttachment } from './json-attachment.js';
import { rule as jsonAuthor } from './json-author.js';
import { rule as jsonAuthorDeprecated } from './json-author-deprecated.js';
import { rule as jsonContent } from './json-content.js';
import { rule as jsonDateFormat } from './json-date-format.js';
import { rule as jsonHub } from './json-hub.js';
import { rule as jsonItemId } from './json-item-id.js';
import { rule as jsonItems } from './json-items.js';
import { rule as jsonNextUrl } from './json-next-url.js';
import { rule as jsonTitle } from './json-title.js';
import { rule as jsonValueType } from './json-value-type.js';
import { rule as jsonVersion } from './json-version.js';
import { rule as rdfDuplicateElement } from './rdf-duplicate-element.js';
import { rule as rdfRequiredElements } from './rdf-required-elements.js';
import { rule as rdfUnknownElement } from './rdf-unknown-element.js';
import { rule as rssAbsoluteUrl } from './rss-absolute-url.js';
import { rule as rssAuthorEmail } from './rss-author-email.js';
import { rule as rssChannelElements } from './rss-channel-elements.js';
import { rule as rssChannelParts } from './rss-channel-parts.js';
import { rule as rssCloud } from './rss-cloud.js';
import { rule as rssDateFormat } from './rss-date-format.js';
import { rule as rssDateProblematic } from './rss-date-problematic.js';
import { rule as rssDuplicateElement } from './rss-duplicate-element.js';
import { rule as rssDuplicateEnclosure } from './rss-duplicate-enclosure.js';
import { rule as rssDuplicateGuid } from './rss-duplicate-guid.js';
import { rule as rssEnclosure } from './rss-enclosure.js';
import { rule as rssGuidPermalink } from './rss-guid-permalink.js';
import { rule as rssItemTitleOrDescription } from './rss-item-title-or-description.js';
import { rule as rssLanguage } from './rss-language.js';
import { rule as rssSelfLink } from './rss-self-link.js';
import { rule as rssUnknownAttribute } from './rss-unknown-attribute.js';
import { rule as rssUnknownElement } from './rss-unknown-element.js';
import { rule as appleCategory } from './apple-category.js';
import { rule as appleEpisode } from './apple-episode.js';
import { rule as appleShow } from './apple-show.js';
import { rule as mediaContent } from './media-content.js';
import { rule as mediaValues } from './media-values.js';
import { rule as podcastindexTags } from './podcastindex-tags.js';
import type { Profile, Rule } from './rule.js';

export type { JsonObject, Profile, Rule, Visitors, Where } from './rule.js';
export { PROFILES } from './rule.js';

/**
 * Every rule the checker runs, on `feedwright check` and on each document a
 * build renders. A test proves each id is unique and has a fixture that
 * triggers it and one that does not.
 */
export const RULES: readonly Rule[] = [
  feedCdataEnd,
  feedDcDate,
  feedForbiddenCharacter,
  feedImplausibleDate,
  feedLanguageTag,
  feedMediaType,
  feedRelativeHtmlReference,
  feedUndeclaredPrefix,
  feedUnexpectedText,
  feedUnknownFormat,
  feedUriCharacter,
  feedWellFormed,
  rssAbsoluteUrl,
  rssAuthorEmail,
  rssChannelElements,
  rssChannelParts,
  rssCloud,
  rssDateFormat,
  rssDateProblematic,
  rssDuplicateElement,
  rssDuplicateEnclosure,
  rssDuplicateGuid,
  rssEnclosure,
  rssGuidPermalink,
  rssItemTitleOrDescription,
  rssLanguage,
  rssSelfLink,
  rssUnknownAttribute,
  rssUnknownElement,
  atomAuthor,
  atomDateFormat,
  atomDuplicateElement,
  atomDuplicateId,
  atomIdAbsolute,
  atomPerson,
  atomRequiredElements,
  atomSelfLink,
  atomTextConstruct,
  atomTextMarkup,
  atomUnknownElement,
  atomWhitespace,
  atomXhtmlDiv,
  jsonAbsoluteUrl,
  jsonAttachment,
  jsonAuthor,
  jsonAuthorDeprecated,
  jsonContent,
  jsonDateFormat,
  jsonHub,
  jsonItemId,
  jsonItems,
  jsonNextUrl,
  jsonTitle,
  jsonValueType,
  jsonVersion,
  rdfDuplicateElement,
  rdfRequiredElements,
  rdfUnknownElement,
];

/** The rules the engine reports itself, before any visitor runs. */
export { feedWellFormed as WELL_FORMED, feedUnknownFormat as UNKNOWN_FORMAT };

/** The profiles' rules (docs/rules.md, "Profiles"), run only when asked for. */
export const PROFILE_RULES: readonly Rule[] = [appleShow, appleCategory, appleEpisode, podcastindexTags, mediaContent, mediaValues];

/** Every rule the checker runs, and those of the profiles named. */
export const rulesWith = (profiles: readonly Profile[]): readonly Rule[] => (profiles.length === 0 ? RULES : [...RULES, ...PROFILE_RULES.filter((r) => profiles.includes(r.meta.profile!))]);
