/**
 * The default offer templates: one per contract kind and language, following tabuni's structure (greeting, what the
 * period's work cost against the contract, the tolerance, the new price, a follow-up within seven days). Placeholder
 * numbers as in placeholders.ts: {0} tolerance, {1} greeting, {2} client, {3} period, {4} minutes, {5} calls,
 * {6} reference price per minute, {7} current price, {8} cost, {9} proposed price, {10} current category,
 * {11} proposed category, {12} sender, {13} revenue.
 */
import type { ContractKind } from '../profitability/types';
import { TEMPLATE_FORMAT, type OfferLocale, type OfferTemplate } from './template';

type Text = { subject: string; body: string };

const en: Record<ContractKind, Text> = {
  flat: {
    subject: 'Your monthly flat rate for {2}',
    body: `{1}

We have reviewed the calls we answered for {2} in {3}: {4} minutes over {5} calls. At our reference price of {6} per minute, this work costs {8}, while your monthly flat rate is {7}. Our agreement allows for a difference of up to {0}, and this period went beyond it.

So that we can keep answering your calls with the same care, we propose a new monthly flat rate of {9}, from next month.

We are glad to talk it over. We will get in touch in seven days if we have not heard from you.

Kind regards,
{12}`,
  },
  'per-call': {
    subject: 'Your price per call for {2}',
    body: `{1}

We have reviewed the calls we answered for {2} in {3}: {5} calls with {4} minutes in all. At our reference price of {6} per minute, this work costs {8}, while {5} calls at {7} each come to {13}. Our agreement allows for a difference of up to {0}, and this period went beyond it.

So that we can keep answering your calls with the same care, we propose a new price of {9} per handled call, from next month.

We are glad to talk it over. We will get in touch in seven days if we have not heard from you.

Kind regards,
{12}`,
  },
  'cost-cap': {
    subject: 'Your cost cap category for {2}',
    body: `{1}

We have reviewed the calls we answered for {2} in {3}: {4} minutes, which at our reference price of {6} per minute come to {8}. Your cost cap of category {10} is {7}, and the work went beyond it by more than the {0} our agreement allows.

We propose to move you to category {11}: {9}, from next month.

We are glad to talk it over. We will get in touch in seven days if we have not heard from you.

Kind regards,
{12}`,
  },
};

const ptBR: Record<ContractKind, Text> = {
  flat: {
    subject: 'Sua mensalidade fixa para {2}',
    body: `{1}

Revisamos as chamadas que atendemos para {2} em {3}: {4} minutos em {5} chamadas. Ao nosso preço de referência de {6} por minuto, esse trabalho custa {8}, enquanto a sua mensalidade fixa é {7}. Nosso contrato admite uma diferença de até {0}, e este período a ultrapassou.

Para continuarmos atendendo suas chamadas com o mesmo cuidado, propomos uma nova mensalidade fixa de {9}, a partir do próximo mês.

Teremos prazer em conversar. Entraremos em contato em sete dias, caso não tenhamos notícias suas.

Atenciosamente,
{12}`,
  },
  'per-call': {
    subject: 'Seu preço por chamada para {2}',
    body: `{1}

Revisamos as chamadas que atendemos para {2} em {3}: {5} chamadas, com {4} minutos no total. Ao nosso preço de referência de {6} por minuto, esse trabalho custa {8}, enquanto {5} chamadas a {7} cada somam {13}. Nosso contrato admite uma diferença de até {0}, e este período a ultrapassou.

Para continuarmos atendendo suas chamadas com o mesmo cuidado, propomos um novo preço de {9} por chamada atendida, a partir do próximo mês.

Teremos prazer em conversar. Entraremos em contato em sete dias, caso não tenhamos notícias suas.

Atenciosamente,
{12}`,
  },
  'cost-cap': {
    subject: 'Sua categoria de teto de custo para {2}',
    body: `{1}

Revisamos as chamadas que atendemos para {2} em {3}: {4} minutos, que ao nosso preço de referência de {6} por minuto somam {8}. O seu teto de custo da categoria {10} é {7}, e o trabalho o ultrapassou em mais do que os {0} que nosso contrato admite.

Propomos passar você para a categoria {11}: {9}, a partir do próximo mês.

Teremos prazer em conversar. Entraremos em contato em sete dias, caso não tenhamos notícias suas.

Atenciosamente,
{12}`,
  },
};

const es: Record<ContractKind, Text> = {
  flat: {
    subject: 'Su tarifa plana mensual para {2}',
    body: `{1}

Hemos revisado las llamadas que atendimos para {2} en {3}: {4} minutos en {5} llamadas. A nuestro precio de referencia de {6} por minuto, este trabajo cuesta {8}, mientras que su tarifa plana mensual es {7}. Nuestro acuerdo admite una diferencia de hasta {0}, y este período la superó.

Para seguir atendiendo sus llamadas con el mismo cuidado, le proponemos una nueva tarifa plana mensual de {9}, a partir del próximo mes.

Con gusto lo conversamos. Nos pondremos en contacto en siete días si no tenemos noticias suyas.

Atentamente,
{12}`,
  },
  'per-call': {
    subject: 'Su precio por llamada para {2}',
    body: `{1}

Hemos revisado las llamadas que atendimos para {2} en {3}: {5} llamadas con {4} minutos en total. A nuestro precio de referencia de {6} por minuto, este trabajo cuesta {8}, mientras que {5} llamadas a {7} cada una suman {13}. Nuestro acuerdo admite una diferencia de hasta {0}, y este período la superó.

Para seguir atendiendo sus llamadas con el mismo cuidado, le proponemos un nuevo precio de {9} por llamada atendida, a partir del próximo mes.

Con gusto lo conversamos. Nos pondremos en contacto en siete días si no tenemos noticias suyas.

Atentamente,
{12}`,
  },
  'cost-cap': {
    subject: 'Su categoría de tope de costo para {2}',
    body: `{1}

Hemos revisado las llamadas que atendimos para {2} en {3}: {4} minutos, que a nuestro precio de referencia de {6} por minuto suman {8}. Su tope de costo de la categoría {10} es {7}, y el trabajo lo superó en más del {0} que admite nuestro acuerdo.

Le proponemos pasar a la categoría {11}: {9}, a partir del próximo mes.

Con gusto lo conversamos. Nos pondremos en contacto en siete días si no tenemos noticias suyas.

Atentamente,
{12}`,
  },
};

const TEXTS: Record<OfferLocale, Record<ContractKind, Text>> = { en, 'pt-BR': ptBR, es };

/** The default template of a kind in a language. */
export const defaultTemplate = (kind: ContractKind, locale: OfferLocale): OfferTemplate => ({
  format: TEMPLATE_FORMAT, kind, locale, ...TEXTS[locale][kind],
});

/** Greeting ({1}) in the template's language, with the contact's name when known. */
export const greeting = (locale: OfferLocale, name: string | undefined): string => {
  const n = name?.trim();
  if (locale === 'pt-BR') return n ? `Olá, ${n},` : 'Olá,';
  if (locale === 'es') return n ? `Estimado/a ${n}:` : 'Estimado/a cliente:';
  return n ? `Dear ${n},` : 'Hello,';
};
