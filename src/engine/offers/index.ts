export { PLACEHOLDERS, placeholderIndex, renderTemplate, type PlaceholderKey, type RenderResult } from './placeholders';
export { CONTRACT_KINDS, OFFER_LOCALES, parseTemplate, TEMPLATE_FORMAT, templateId, type OfferLocale, type OfferTemplate } from './template';
export { defaultTemplate, greeting } from './defaults';
export { offerValues, type OfferFormat, type OfferInput } from './values';
export { followUpDue, FOLLOW_UP_DAYS } from './follow-up';
export { dueState, localDay, type DueState } from './due-state';
