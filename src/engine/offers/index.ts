export { PLACEHOLDERS, placeholderIndex, renderTemplate, type PlaceholderKey, type RenderResult } from './placeholders';
export { CONTRACT_KINDS, OFFER_LOCALES, parseTemplate, TEMPLATE_FORMAT, templateId, type OfferLocale, type OfferTemplate } from './template';
export { defaultTemplate, greeting } from './defaults';
export { offerValues, type OfferFormat, type OfferInput } from './values';
export { dueState, followUpDue, FOLLOW_UP_DAYS, type DueState } from './follow-up';
